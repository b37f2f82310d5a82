package tables

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/read"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// para is a paragraph block of the given lines.
func para(lines ...string) extract.Block {
	b := extract.Block{Kind: extract.Paragraph}
	for _, l := range lines {
		b.Lines = append(b.Lines, extract.Line{Text: l})
	}
	return b
}

// grid builds a table block from rows separated by newlines and cells by
// '|'. A cell "<" is covered by the cell to its left (which gets the
// ColSpan), "^" by the cell above (RowSpan).
func grid(src string) extract.Block {
	var t extract.Table
	for _, line := range strings.Split(strings.Trim(src, "\n"), "\n") {
		var row []extract.Cell
		for _, s := range strings.Split(line, "|") {
			c := extract.Cell{RowSpan: 1, ColSpan: 1}
			switch s {
			case "<":
				c = extract.Cell{Covered: true}
				for k := len(row) - 1; k >= 0; k-- {
					if !row[k].Covered {
						row[k].ColSpan++
						break
					}
				}
			case "^":
				c = extract.Cell{Covered: true}
				for r := len(t.Rows) - 1; r >= 0; r-- {
					if j := len(row); j < len(t.Rows[r]) && !t.Rows[r][j].Covered {
						t.Rows[r][j].RowSpan++
						break
					}
				}
			case "":
			default:
				c.Lines = []extract.Line{{Text: s}}
			}
			row = append(row, c)
		}
		t.Rows = append(t.Rows, row)
	}
	return extract.Block{Kind: extract.TableBlock, Table: &t}
}

// text normalizes a document of the given pages of blocks.
func text(format extract.Format, pages ...[]extract.Block) *normalize.Text {
	doc := &extract.Document{Format: format}
	for i, bs := range pages {
		doc.Pages = append(doc.Pages, extract.Page{Number: i + 1, Blocks: bs})
	}
	doc.Number()
	txt, _ := normalize.Run(context.Background(), doc)
	return txt
}

func sharedDir(t testing.TB) string {
	t.Helper()
	testenv.CorpusDir(t)
	return testenv.SharedDir(t)
}

// corpusText reads and normalizes one file of the department corpus.
func corpusText(t testing.TB, name string) *normalize.Text {
	t.Helper()
	txt, err := sharedText(t, "real", name)
	if err != nil {
		t.Fatal(err)
	}
	return txt
}

// sharedText reads and normalizes one file of ../shared/corpus/<dir>.
func sharedText(t testing.TB, dir, name string) (*normalize.Text, error) {
	t.Helper()
	path := filepath.Join(sharedDir(t), "corpus", dir, name)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s not present", name)
	}
	doc, _, err := read.File(context.Background(), path, read.Options{})
	if err != nil {
		return nil, err
	}
	txt, err := normalize.Run(context.Background(), doc)
	return txt, err
}

// titledTable parses one file of ../shared/corpus/<dir> and returns its
// first table with the given title; it reports an error and returns nil
// when there is none.
func titledTable(t *testing.T, dir, file, title string) *Table {
	t.Helper()
	txt, err := sharedText(t, dir, file)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range Parse(txt) {
		if tb.Title == title {
			return tb
		}
	}
	t.Errorf("%s: no table %q", file, title)
	return nil
}

// checkJoined fails t unless tb, perhaps joined from facing pages or page
// sets, has pages in ascending order holding every located cell and no
// joined row wider than its columns; and it makes tb's schema and facts.
func checkJoined(t *testing.T, tb *Table) {
	t.Helper()
	for i := 1; i < len(tb.Pages); i++ {
		if tb.Pages[i] <= tb.Pages[i-1] {
			t.Fatalf("pages %v", tb.Pages)
		}
	}
	for _, r := range tb.Body {
		for _, c := range r.Cells {
			if p := c.Loc.Page; p > 0 && !slices.Contains(tb.Pages, p) {
				t.Fatalf("a cell on page %d of a table on pages %v", p, tb.Pages)
			}
		}
		if tb.facing > 0 && len(r.Cells) > len(tb.Columns) {
			t.Fatalf("a joined row of %d cells under %d columns", len(r.Cells), len(tb.Columns))
		}
	}
	tb.Schema()
	tb.Facts(1)
}
