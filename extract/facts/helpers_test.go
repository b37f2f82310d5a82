package facts

import (
	"sync"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/nlp/segment"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
	"github.com/budgetdoc/budgetdoc/schema"
)

// textOf builds a one-page normalized text with one logical line per input
// line.
func textOf(lines ...string) *normalize.Text {
	p := normalize.Page{Number: 1}
	for i, s := range lines {
		l := &normalize.Line{View: textnorm.Fold(s), Parts: []normalize.Part{{Start: 0, Loc: extract.Loc{Page: 1, Line: i + 1}}}}
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
	return Extract(textOf(lines...), nil, schema.Meta{Organization: org}, testSegmenter(t))
}
