package facts

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/internal/hostile"
	"github.com/budgetdoc/budgetdoc/internal/rx"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
	"github.com/budgetdoc/budgetdoc/schema"
)

// TestLongLineStops: Extract given up on in the middle of one long line
// (2 MB without a line break) stops within a step of that line, not at its
// end: the CPU it uses after its context is done is a small part of the
// whole line's. (It checked only between lines: an 8 MB line went on for
// 3 s of CPU after its deadline.)
func TestLongLineStops(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts a 2 MB line")
	}
	var b strings.Builder
	if err := hostile.LongLine(&b, 2<<20); err != nil {
		t.Fatal(err)
	}
	txt := textOf(b.String())
	seg := testSegmenter(t)

	before := testenv.CPUTime()
	if _, err := Extract(context.Background(), txt, nil, schema.Meta{}, seg); err != nil {
		t.Fatal(err)
	}
	whole := testenv.CPUTime() - before

	ctx, cancel := context.WithCancel(context.Background())
	var cancelledAt time.Duration
	go func() {
		time.Sleep(50 * time.Millisecond)
		cancelledAt = testenv.CPUTime()
		cancel()
	}()
	facts, err := Extract(ctx, txt, nil, schema.Meta{}, seg)
	tail := testenv.CPUTime() - cancelledAt
	if !errors.Is(err, context.Canceled) || facts != nil {
		t.Fatalf("Extract = %d facts, %v; want context.Canceled", len(facts), err)
	}
	t.Logf("the whole line: %v of CPU; after the cancel: %v", whole.Round(time.Millisecond), tail.Round(time.Millisecond))
	if tail > whole/3 {
		t.Errorf("%v of CPU after the cancel, the whole line takes %v: the line went on", tail, whole)
	}
}

// TestFindAllPieces: the markers of a long line found a piece at a time are
// those of one scan of the whole line.
func TestFindAllPieces(t *testing.T) {
	var b strings.Builder
	for b.Len() < 3*scanChunk {
		b.WriteString("其中：一般公共预算拨款收入1000万元，比上年持平;按支出功能分类，增加的主要原因是人员增加。新增债券用于棚户区改造")
	}
	view := b.String()
	x := &extractor{ctx: context.Background()}
	for _, re := range []*rx.Regexp{breakdownMarker, reasonMarker, flatClause, usedFor} {
		got, ok := x.findAll(re, view)
		want := re.FindAllStringSubmatchIndex(view, -1)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %d matches in pieces, %d in one scan", re, len(got), len(want))
		}
	}
}
