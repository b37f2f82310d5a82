package msdoc

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

// dump renders a Document compactly for golden comparisons and debugging.
func dump(doc *extract.Document) string {
	var sb strings.Builder
	line := func(indent string, l extract.Line) {
		fmt.Fprintf(&sb, "%s%d:%d %q", indent, l.Loc.Page, l.Loc.Line, l.Text)
		for _, s := range l.Spans {
			fmt.Fprintf(&sb, " [%d,%d %q]", s.Start, s.End, s.Instr)
		}
		sb.WriteByte('\n')
	}
	block := func(b extract.Block) {
		fmt.Fprintf(&sb, "  %s", b.Kind)
		if b.Level > 0 {
			fmt.Fprintf(&sb, " %d", b.Level)
		}
		if b.Style != "" {
			fmt.Fprintf(&sb, " (%s)", b.Style)
		}
		sb.WriteByte('\n')
		for _, l := range b.Lines {
			line("    ", l)
		}
		if b.Table != nil {
			for i, row := range b.Table.Rows {
				fmt.Fprintf(&sb, "    row %d\n", i)
				for _, c := range row {
					switch {
					case c.Covered:
						sb.WriteString("      covered\n")
					default:
						fmt.Fprintf(&sb, "      cell %dx%d\n", c.RowSpan, c.ColSpan)
						for _, l := range c.Lines {
							line("        ", l)
						}
					}
				}
			}
		}
	}
	for _, p := range doc.Pages {
		fmt.Fprintf(&sb, "page %d\n", p.Number)
		for _, b := range p.Blocks {
			block(b)
		}
	}
	sb.WriteString("furniture\n")
	for _, b := range doc.Furniture {
		block(b)
	}
	for _, k := range []string{"Title", "Author", "Creator"} {
		if v, ok := doc.Info[k]; ok {
			fmt.Fprintf(&sb, "info %s=%q\n", k, v)
		}
	}
	for _, w := range doc.Warnings {
		fmt.Fprintf(&sb, "warning %s\n", w)
	}
	return sb.String()
}

// TestDump prints the Document of $MSDOC_DUMP (a debugging aid).
func TestDump(t *testing.T) {
	path := os.Getenv("MSDOC_DUMP")
	if path == "" {
		t.Skip("set MSDOC_DUMP=file.doc")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(context.Background(), data, extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Print(dump(doc))
}
