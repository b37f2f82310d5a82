package pdf

import (
	"math"
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
	maxColumns     = 64 // tables by town or district run to 30–40 columns
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
		gap := g.x0 - prev0(prev)
		if cur == nil || gap > columnGap*r.size || gap > numberGap*r.size && numberEnd(prev.r) && numberStart(g.r) {
			out = append(out, chunk{x0: g.x0, x1: g.x1})
			cur = &out[len(out)-1]
		}
		cur.glyphs = append(cur.glyphs, g)
		cur.x1 = max(cur.x1, g.x1)
		prev = &r.glyphs[i]
	}
	return out
}

// numberGap: two numbers side by side are two cells when this far apart
// (in font sizes): right-aligned columns of figures leave as little as
// half a digit between a long number and its neighbour, and a complete
// number (ending in a digit or %) never continues after a gap with a
// digit or a minus sign.
const numberGap = 0.3

func numberEnd(r rune) bool   { return r >= '0' && r <= '9' || r == '%' }
func numberStart(r rune) bool { return r >= '0' && r <= '9' || r == '-' }

func numeric(r rune) bool {
	return r >= '0' && r <= '9' || r == '.' || r == ',' || r == '-' || r == '%'
}

// prev0 is the right edge of the previous glyph (none: -Inf).
func prev0(g *glyph) float64 {
	if g == nil {
		return math.Inf(-1)
	}
	return g.x1
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
			if j > i && len(split[j]) == 1 && multiFollows(rows, split, j) {
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

// multiFollows reports whether a multi-piece line follows line j within
// three lines (a label wrapped over three lines around its numbers, or the
// tail of one label, two lines, and the head of the next).
func multiFollows(rows []*row, split [][]chunk, j int) bool {
	for k := j + 1; k <= j+3 && k < len(rows) && nextRow(rows[k-1], rows[k]); k++ {
		if len(split[k]) >= 2 {
			return true
		}
	}
	return false
}

// nextRow reports whether b follows a as the next row of one table.
func nextRow(a, b *row) bool {
	size := max(a.size, b.size)
	return b.y0-a.y1 <= rowGap*size && min(a.size, b.size) >= 0.8*size
}

func alignedTable(rows []*row, split [][]chunk) (pdfTable, bool) {
	// A header piece over several columns of numbers (中堂    望牛墩
	// 麻涌, its gaps narrower than a column gap) is cut at those columns
	// first, or it would join them into one.
	numCols := numberColumns(split)
	for i, cs := range split {
		var out []chunk
		for _, c := range cs {
			out = append(out, cutAt(c, numCols)...)
		}
		split[i] = out
	}
	// Columns: the pieces' horizontal extents, merged where they overlap.
	var ivs [][2]float64
	for _, cs := range split {
		for _, c := range cs {
			ivs = append(ivs, [2]float64{c.x0, c.x1})
		}
	}
	cols := mergeIntervals(ivs)
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
	var head []extract.Line // the first lines of the next row's label
	area := box{rows[0].x0, rows[0].y0, rows[0].x1, rows[0].y1}
	for i, r := range rows {
		area = box{min(area.x0, r.x0), min(area.y0, r.y0), max(area.x1, r.x1), max(area.y1, r.y1)}
		cells := make([]extract.Cell, len(cols))
		for k := range cells {
			cells[k] = extract.Cell{RowSpan: 1, ColSpan: 1}
		}
		// A label line alone between two labelled rows belongs to the
		// nearer one: lines wrapped inside a cell are set closer than
		// rows. Nearer the row below, it is the head of that row's label
		// (a label wrapped over three lines, its numbers beside the
		// middle one).
		if len(split[i]) == 1 && colOf(split[i][0]) == 0 && !isAmount(split[i][0]) && len(t.Rows) > 0 && i > 0 &&
			len(t.Rows[len(t.Rows)-1][0].Lines) > 0 && i+1 < len(split) &&
			len(split[i+1]) >= 2 && colOf(split[i+1][0]) == 0 && !isAmount(split[i+1][0]) &&
			r.y0-rows[i-1].y0 > rows[i+1].y0-r.y0+0.05*r.size {
			head = append(head, cellLines(split[i][0].glyphs)...)
			continue
		}
		if len(head) > 0 {
			cells[0].Lines = head
			head = nil
		}
		// A one-piece line continues the cell above, unless numbers
		// without a label follow: then it is the head of their label.
		wrapped := len(split[i]) == 1 && len(t.Rows) > 0 && !(i+1 < len(split) && unlabelledPieces(split[i+1], colOf))
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
	t.Rows = joinWrappedLabels(t.Rows)
	return pdfTable{area: area, table: t}, true
}

// unlabelledPieces reports whether a line has numbers but nothing in the
// first column.
func unlabelledPieces(cs []chunk, colOf func(chunk) int) bool {
	if len(cs) == 0 {
		return false
	}
	for _, c := range cs {
		if colOf(c) == 0 {
			return false
		}
	}
	return slices.ContainsFunc(cs, isAmount)
}

// numberColumns are the horizontal extents of the number pieces, merged
// where they overlap.
func numberColumns(split [][]chunk) [][2]float64 {
	var ivs [][2]float64
	for _, cs := range split {
		for _, c := range cs {
			if isAmount(c) {
				ivs = append(ivs, [2]float64{c.x0, c.x1})
			}
		}
	}
	return mergeIntervals(ivs)
}

func mergeIntervals(ivs [][2]float64) [][2]float64 {
	slices.SortFunc(ivs, func(a, b [2]float64) int { return cmpF(a[0], b[0]) })
	var out [][2]float64
	for _, iv := range ivs {
		if n := len(out); n > 0 && iv[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], iv[1])
			continue
		}
		out = append(out, iv)
	}
	return out
}

// cutAt splits a text piece that lies over two or more number columns
// into one piece per column: each glyph goes to the column nearest its
// centre.
func cutAt(c chunk, cols [][2]float64) []chunk {
	over := 0
	for _, iv := range cols {
		if c.x0 < iv[1] && c.x1 > iv[0] {
			over++
		}
	}
	if over < 2 || isAmount(c) {
		return []chunk{c}
	}
	nearest := func(x float64) int {
		best, bd := 0, math.Inf(1)
		for k, iv := range cols {
			d := 0.0
			if x < iv[0] {
				d = iv[0] - x
			} else if x > iv[1] {
				d = x - iv[1]
			}
			if d < bd {
				best, bd = k, d
			}
		}
		return best
	}
	var out []chunk
	last := -1
	for _, g := range c.glyphs {
		k := nearest((g.x0 + g.x1) / 2)
		if k != last || len(out) == 0 {
			out = append(out, chunk{x0: g.x0, x1: g.x1})
			last = k
		}
		cur := &out[len(out)-1]
		cur.glyphs = append(cur.glyphs, g)
		cur.x0, cur.x1 = min(cur.x0, g.x0), max(cur.x1, g.x1)
	}
	return out
}

// joinWrappedLabels gives a row of numbers without a label the label lines
// printed just above and below it (a label wrapped over two or three lines
// with its numbers centred between them): those rows hold nothing else.
func joinWrappedLabels(rows [][]extract.Cell) [][]extract.Cell {
	labelOnly := func(r []extract.Cell) bool {
		if len(r[0].Lines) == 0 {
			return false
		}
		for _, c := range r[1:] {
			if len(c.Lines) > 0 {
				return false
			}
		}
		return !isNumberText(r[0].Text())
	}
	unlabelled := func(r []extract.Cell) bool {
		if len(r[0].Lines) > 0 {
			return false
		}
		for _, c := range r[1:] {
			if len(c.Lines) > 0 {
				return true
			}
		}
		return false
	}
	var out [][]extract.Cell
	for i := 0; i < len(rows); i++ {
		r := rows[i]
		if !unlabelled(r) {
			out = append(out, r)
			continue
		}
		if n := len(out); n > 0 && labelOnly(out[n-1]) {
			r[0].Lines = out[n-1][0].Lines
			out = out[:n-1]
		}
		if i+1 < len(rows) && labelOnly(rows[i+1]) && len(r[0].Lines) > 0 {
			r[0].Lines = append(r[0].Lines, rows[i+1][0].Lines...)
			i++
		}
		out = append(out, r)
	}
	return out
}

func isNumberText(s string) bool {
	found := false
	for _, r := range s {
		if !numeric(r) && r != ' ' {
			return false
		}
		found = found || r >= '0' && r <= '9'
	}
	return found
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
