package pipeline

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/read"
)

// bigDocument is a synthetic budget text of pages×lines paragraphs of the
// general form of a 情况说明, with a table-like row on every page.
func bigDocument(pages, lines int) *extract.Document {
	doc := &extract.Document{Format: extract.FormatDOCX}
	for p := range pages {
		pg := extract.Page{Number: p + 1}
		pg.Blocks = append(pg.Blocks, extract.Block{Kind: extract.Heading, Lines: []extract.Line{{Text: fmt.Sprintf("（%d）第%d项支出情况", p%9+1, p+1)}}})
		for l := range lines {
			text := fmt.Sprintf("%d、办公费（%02d项）支出%d.%02d万元，比上年增加%d.5万元，增长%d.%d%%，主要原因是业务量增加；其中：印刷费%d万元、邮电费%d万元。",
				l+1, l%99, 100+p+l, l%100, l%7+1, l%30+1, l%10, l%50, l%40)
			pg.Blocks = append(pg.Blocks, extract.Block{Kind: extract.Paragraph, Lines: []extract.Line{{Text: text}}})
		}
		pg.Blocks = append(pg.Blocks, extract.Block{Kind: extract.Paragraph, Lines: []extract.Line{{Text: "合计   1,234.56   2,345.67"}}})
		doc.Pages = append(doc.Pages, pg)
	}
	doc.Number()
	return doc
}

// TestRunStopsAtDeadline: a run past its deadline stops within a page or a
// line of work and returns the context's error, instead of leaving a
// goroutine that keeps a CPU busy until the document is done.
func TestRunStopsAtDeadline(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts on a large document")
	}
	doc := bigDocument(400, 40) // well over a second of work
	const limit = 200 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	began := time.Now()
	res, err := Run(ctx, doc, read.Source{Path: "big.docx", Format: extract.FormatDOCX}, Options{})
	took := time.Since(began)
	if err == nil {
		t.Fatalf("the document was done in %v, before the deadline: make it larger", took)
	}
	if !errors.Is(err, context.DeadlineExceeded) || res != nil {
		t.Errorf("got %v, %v; want nil and context.DeadlineExceeded", res, err)
	}
	if took > limit+time.Second {
		t.Errorf("Run returned %v after a deadline of %v", took, limit)
	}
}

// TestRunCancelled: a cancelled context stops every stage at once.
func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, opt := range []Options{{}, {TextOnly: true}} {
		if _, err := Run(ctx, bigDocument(2, 2), read.Source{}, opt); !errors.Is(err, context.Canceled) {
			t.Errorf("TextOnly %v: err = %v, want context.Canceled", opt.TextOnly, err)
		}
	}
}
