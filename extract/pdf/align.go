package pdf

import (
	"slices"

	"github.com/budgetdoc/budgetdoc/extract"
)

// Tables without rules are found by column alignment: a run of at least
// minAlignedRows consecutive lines that each fall apart into pieces at wide
// gaps, whose pieces stack into the same columns, with amounts in a column
// other than the first. The test is strict on purpose: text taken into a
// table is no longer read as prose, so a false table costs facts.

const (
	// columnGap: a horizontal gap wider than this (in font sizes) inside a
	// line separates two cells. Body text never has one; wordGap-sized gaps
	// between Latin words stay inside a cell.
	columnGap = 2.0
	// rowGap: consecutive table rows are at most this far apart vertically.
	rowGap = 1.5
	// minAlignedRows: fewer aligned lines are a line with a tab stop
	// (编制部门：…   单位：元), not a table.
	minAlignedRows = 3
	maxColumns     = 20
)

// chunk is the part of a line between two column gaps.
type chunk struct {
	glyphs []glyph
	x0, x1 float64
}

func chunks(r *row) []chunk {
	var out []chunk
	var cur *chunk
	var prev *glyph
	for i := range r.glyphs {
		g := r.glyphs[i]
		if g.space {
			continue
		}
		if cur == nil || g.x0-prev.x1 > columnGap*r.size {
			out = append(out, chunk{x0: g.x0, x1: g.x1})
			cur = &out[len(out)-1]
		}
		cur.glyphs = append(cur.glyphs, g)
		cur.x1 = max(cur.x1, g.x1)
		prev = &r.glyphs[i]
	}
	return out
}

func isAmount(c chunk) bool {
	digits := 0
	for _, g := range c.glyphs {
		switch {
		case g.r >= '0' && g.r <= '9':
			digits++
		case g.r == ',' || g.r == '.' || g.r == '-' || g.r == '%':
		default:
			return false
		}
	}
	return digits > 0
}

// alignedTables finds the rule-less tables among the rows and returns them
// with the rows that stay text.
func alignedTables(rows []*row) ([]pdfTable, []*row) {
	split := make([][]chunk, len(rows))
	for i, r := range rows {
		split[i] = chunks(r)
	}
	var tables []pdfTable
	var rest []*row
	for i := 0; i < len(rows); {
		// Extend a run of multi-piece lines; a one-piece line may sit inside
		// it (a wrapped cell) when a multi-piece line follows.
		j := i
		for j < len(rows) && (j == i || nextRow(rows[j-1], rows[j])) {
			if len(split[j]) >= 2 {
				j++
				continue
			}
			if j > i && len(split[j]) == 1 && j+1 < len(rows) && len(split[j+1]) >= 2 && nextRow(rows[j], rows[j+1]) {
				j++
				continue
			}
			break
		}
		if j-i >= minAlignedRows {
			if t, ok := alignedTable(rows[i:j], split[i:j]); ok {
				tables = append(tables, t)
				i = j
				continue
			}
		}
		rest = append(rest, rows[i])
		i++
	}
	return tables, rest
}

// nextRow reports whether b follows a as the next row of one table.
func nextRow(a, b *row) bool {
	size := max(a.size, b.size)
	return b.y0-a.y1 <= rowGap*size && min(a.size, b.size) >= 0.8*size
}

func alignedTable(rows []*row, split [][]chunk) (pdfTable, bool) {
	// Columns: the pieces' horizontal extents, merged where they overlap.
	var ivs [][2]float64
	for _, cs := range split {
		for _, c := range cs {
			ivs = append(ivs, [2]float64{c.x0, c.x1})
		}
	}
	slices.SortFunc(ivs, func(a, b [2]float64) int { return cmpF(a[0], b[0]) })
	var cols [][2]float64
	for _, iv := range ivs {
		if n := len(cols); n > 0 && iv[0] <= cols[n-1][1] {
			cols[n-1][1] = max(cols[n-1][1], iv[1])
			continue
		}
		cols = append(cols, iv)
	}
	if len(cols) < 2 || len(cols) > maxColumns {
		return pdfTable{}, false
	}
	colOf := func(c chunk) int {
		for k, iv := range cols {
			if c.x0 >= iv[0] && c.x1 <= iv[1] {
				return k
			}
		}
		return 0
	}
	amountRows := 0
	for _, cs := range split {
		for _, c := range cs {
			if colOf(c) > 0 && isAmount(c) {
				amountRows++
				break
			}
		}
	}
	if amountRows < 2 {
		return pdfTable{}, false
	}
	t := &extract.Table{}
	area := box{rows[0].x0, rows[0].y0, rows[0].x1, rows[0].y1}
	for i, r := range rows {
		area = box{min(area.x0, r.x0), min(area.y0, r.y0), max(area.x1, r.x1), max(area.y1, r.y1)}
		cells := make([]extract.Cell, len(cols))
		for k := range cells {
			cells[k] = extract.Cell{RowSpan: 1, ColSpan: 1}
		}
		wrapped := len(split[i]) == 1 && len(t.Rows) > 0
		for _, c := range split[i] {
			k := colOf(c)
			lines := cellLines(c.glyphs)
			if wrapped && len(t.Rows[len(t.Rows)-1][k].Lines) > 0 {
				prev := &t.Rows[len(t.Rows)-1][k]
				prev.Lines = append(prev.Lines, lines...)
				continue
			}
			wrapped = false
			cells[k].Lines = append(cells[k].Lines, lines...)
		}
		if !wrapped {
			t.Rows = append(t.Rows, cells)
		}
	}
	return pdfTable{area: area, table: t}, true
}

// cellLines lays out the glyphs of one cell as lines.
func cellLines(gs []glyph) []extract.Line {
	var out []extract.Line
	for _, lr := range groupRows(gs) {
		out = append(out, extract.Line{
			Text: lr.text(),
			Loc:  extract.Loc{BBox: &extract.BBox{lr.x0, lr.y0, lr.x1, lr.y1}},
		})
	}
	return out
}
