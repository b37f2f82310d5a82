package facts

import (
	"context"
	"sync"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/nlp/segment"
	"github.com/budgetdoc/budgetdoc/schema"
)

// textOf builds a one-page normalized text with one logical line per input
// line.
func textOf(lines ...string) *normalize.Text {
	p := normalize.Page{Number: 1}
	for i, s := range lines {
		l := normalize.NewLine(s, extract.Loc{Page: 1, Line: i + 1})
		p.Items = append(p.Items, normalize.Item{Kind: extract.Paragraph, Line: l})
	}
	return &normalize.Text{Pages: []normalize.Page{p}}
}

var (
	segOnce sync.Once
	seg     segment.Segmenter
	segErr  error
)

func testSegmenter(t testing.TB) segment.Segmenter {
	segOnce.Do(func() { seg, segErr = segment.Default() })
	if segErr != nil {
		t.Fatalf("segmenter: %v", segErr)
	}
	return seg
}

func extractLines(t testing.TB, org string, lines ...string) []schema.Fact {
	return extractText(t, textOf(lines...), org, testSegmenter(t))
}

// extractText extracts the facts of txt, numbered f1, f2 … and written in
// the contract, as the pipeline does.
func extractText(t testing.TB, txt *normalize.Text, org string, seg segment.Segmenter) []schema.Fact {
	t.Helper()
	fs, err := Extract(context.Background(), txt, nil, schema.Meta{Organization: org}, seg)
	if err != nil {
		t.Fatal(err)
	}
	Number(fs, 1)
	return Schema(fs)
}
