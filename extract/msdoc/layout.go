package msdoc

import (
	"fmt"

	"github.com/budgetdoc/budgetdoc/extract"
)

// layout assembles scanned items into pages of blocks.
type layout struct {
	styles []style
	lim    extract.Limits
	pages  []extract.Page
	tables []*tableBuilder // open tables, outermost first
	// breakPending is a page break met while a table was open: Word
	// writes the break character after the last row end mark, so it
	// belongs before the paragraph that follows the table.
	breakPending bool
}

// tableBuilder collects the rows of one table while it is being read.
type tableBuilder struct {
	rows      []rawRow
	cells     [][]extract.Line // finished cells of the current row
	cellLines []extract.Line   // lines of the current cell
}

type rawRow struct {
	cells [][]extract.Line
	tap   *rowProps
}

func newLayout(styles []style, lim extract.Limits) *layout {
	return &layout{styles: styles, lim: lim, pages: []extract.Page{{Number: 1}}}
}

func (l *layout) page() *extract.Page { return &l.pages[len(l.pages)-1] }

func (l *layout) newPage() error {
	if l.lim.MaxPages > 0 && len(l.pages) >= l.lim.MaxPages {
		return fmt.Errorf("%w: more than %d pages", extract.ErrTooLarge, l.lim.MaxPages)
	}
	l.pages = append(l.pages, extract.Page{Number: len(l.pages) + 1})
	return nil
}

// add places the items of a story.
func (l *layout) add(items []item) error {
	for i := range items {
		it := &items[i]
		if it.pageBreak {
			if len(l.tables) > 0 {
				l.breakPending = true
			} else if err := l.newPage(); err != nil {
				return err
			}
			continue
		}
		if err := l.addPara(it); err != nil {
			return err
		}
	}
	if err := l.closeTables(0); err != nil {
		return err
	}
	if l.breakPending {
		l.breakPending = false
		return l.newPage()
	}
	return nil
}

func (l *layout) addPara(it *item) error {
	p := &it.props
	d := p.depth()
	if err := l.closeTables(d); err != nil {
		return err
	}
	if l.breakPending {
		// The break is placed once the table it followed is closed; a
		// break between rows of one table cannot split it and is dropped.
		l.breakPending = false
		if len(l.tables) == 0 {
			if err := l.newPage(); err != nil {
				return err
			}
		}
	}
	for len(l.tables) < d {
		l.tables = append(l.tables, &tableBuilder{})
	}
	if d == 0 {
		if p.pageBreakBefore && len(l.page().Blocks) > 0 {
			if err := l.newPage(); err != nil {
				return err
			}
		}
		if len(it.lines) > 0 {
			l.page().Blocks = append(l.page().Blocks, l.paragraph(it))
		}
		return nil
	}
	t := l.tables[d-1]
	switch {
	case (d == 1 && p.ttp) || (d > 1 && p.innerTtp):
		// The row end mark carries the row's definition; the text of the
		// row end paragraph is empty in well-formed files.
		t.cellLines = append(t.cellLines, it.lines...)
		if len(t.cellLines) > 0 {
			t.endCell()
		}
		t.rows = append(t.rows, rawRow{cells: t.cells, tap: p.tap})
		t.cells = nil
	case (d == 1 && it.mark == chCell) || (d > 1 && p.innerCell):
		t.cellLines = append(t.cellLines, it.lines...)
		t.endCell()
	default:
		t.cellLines = append(t.cellLines, it.lines...)
	}
	return nil
}

func (t *tableBuilder) endCell() {
	t.cells = append(t.cells, t.cellLines)
	t.cellLines = nil
}

// paragraph makes a paragraph or heading block.
func (l *layout) paragraph(it *item) extract.Block {
	b := extract.Block{Kind: extract.Paragraph, Lines: it.lines}
	if istd := it.props.istd; istd >= 0 && istd < len(l.styles) {
		st := l.styles[istd]
		b.Style = st.name
		if st.sti >= 1 && st.sti <= 9 {
			b.Kind = extract.Heading
			b.Level = st.sti
		}
	}
	return b
}

// closeTables closes open tables until only depth of them remain. A closed
// nested table is flattened into the cell that contains it: the model has
// no nested tables, so its cells' lines become lines of that cell, row by
// row.
func (l *layout) closeTables(depth int) error {
	for len(l.tables) > depth {
		t := l.tables[len(l.tables)-1]
		l.tables = l.tables[:len(l.tables)-1]
		if len(t.cellLines) > 0 {
			t.endCell()
		}
		if len(t.cells) > 0 {
			t.rows = append(t.rows, rawRow{cells: t.cells})
			t.cells = nil
		}
		if len(t.rows) == 0 {
			continue
		}
		tbl, err := buildTable(t.rows, l.lim.MaxCells)
		if err != nil {
			return err
		}
		if n := len(l.tables); n > 0 {
			outer := l.tables[n-1]
			for _, row := range tbl.Rows {
				for _, c := range row {
					outer.cellLines = append(outer.cellLines, c.Lines...)
				}
			}
			continue
		}
		l.page().Blocks = append(l.page().Blocks, extract.Block{Kind: extract.TableBlock, Table: tbl})
	}
	return nil
}
