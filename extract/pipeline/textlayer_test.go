package pipeline

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestUnusableTextLayer: testdata/no_tounicode.pdf (scripts/fixtures/unusable.sh)
// holds a page with a usable text layer and two whose fonts lost their
// /ToUnicode maps. The junk pages are named, and nothing is taken from
// them: the table page once gave a fake amount (45).
func TestUnusableTextLayer(t *testing.T) {
	res, err := File(context.Background(), filepath.Join("testdata", "no_tounicode.pdf"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Unusable, []int{2, 3}) {
		t.Errorf("Unusable = %v, want [2 3]", res.Unusable)
	}
	var amounts []string
	for _, f := range res.Out.Facts {
		if f.Loc.Page != 1 {
			t.Errorf("fact %s %q taken from page %d", f.ID, f.Text, f.Loc.Page)
		}
		amounts = append(amounts, f.Text)
	}
	if want := []string{"1234.56万元", "987.65万元"}; !slices.Equal(amounts, want) {
		t.Errorf("facts %q, want %q (page 1 is read as usual)", amounts, want)
	}
	if len(res.Out.Tables) != 0 || len(res.Text.Pages[1].Items)+len(res.Text.Pages[2].Items) != 0 {
		t.Errorf("tables %d, items on pages 2 and 3: %d, %d; want none", len(res.Out.Tables), len(res.Text.Pages[1].Items), len(res.Text.Pages[2].Items))
	}
	if len(res.Doc.Pages[1].Blocks) == 0 {
		t.Error("the document as read lost the blocks of page 2")
	}
	if !slices.ContainsFunc(res.Out.Warnings, func(w string) bool { return strings.HasPrefix(w, "pages 2, 3: the text layer is not text") }) {
		t.Errorf("warnings %q name no unusable pages", res.Out.Warnings)
	}
}
