package pdf

import (
	"maps"
	"math"
	"regexp"
	"slices"
)

// Tables ruled only between columns (and around the header) leave many
// data rows in one grid row: a band. A band is split into rows again from
// the text, as text-alignment readers do (pdfplumber's text strategy,
// Tabula's stream mode): each cell's lines are grouped into pieces (a label
// wrapped because it filled its cell stays one piece), pieces of all cells
// that overlap vertically form one row, and the band becomes those rows
// when at least two of them hold numbers. A band with one number row (a
// header cell wrapped over lines, one label with its amount) stays whole.

// piece is one line of one cell.
type piece struct {
	glyphs []glyph
	y0, y1 float64
	number bool
	full   bool // the line ends at the cell's right edge: it wrapped there
	head   bool // the line starts a numbered or 其中 item
}

var pieceNumbered = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|其中|加：|减：)`)

// cellPieces returns the lines of one cell's glyphs; right is the cell's
// right edge.
func cellPieces(gs []glyph, right float64) []piece {
	var out []piece
	for _, r := range groupRows(gs) {
		out = append(out, piece{glyphs: r.glyphs, y0: r.y0, y1: r.y1,
			number: isNumberText(r.text()),
			full:   right-r.x1 <= 2*r.size, // within two characters of the edge
			head:   pieceNumbered.MatchString(r.text())})
	}
	return out
}

// bandRows splits one grid row. cells holds the glyphs of each cell of the
// row and rights their right edges. It returns the glyphs of each cell in
// each new row, or nil when the row stays whole.
func bandRows(cells [][]glyph, rights []float64) [][][]glyph {
	type placed struct {
		piece
		cell int
	}
	var all []placed
	numberCells := 0
	for k, gs := range cells {
		ps := cellPieces(gs, rights[k])
		n := 0
		for _, p := range ps {
			all = append(all, placed{p, k})
			if p.number {
				n++
			}
		}
		if n >= 2 {
			numberCells++
		}
	}
	if numberCells == 0 || len(all) < 2 {
		return nil
	}
	// Rows are anchored on the lines of numbers: number lines whose
	// centres lie within a third of the row pitch are one row. Glyph boxes
	// may be taller than the line pitch, so overlap alone cannot tell rows
	// apart.
	type band struct {
		y      float64 // centre of the row's numbers (or of its text)
		items  []placed
		number bool
	}
	mid := func(p placed) float64 { return (p.y0 + p.y1) / 2 }
	var centres []float64
	for _, p := range all {
		if p.number {
			centres = append(centres, mid(p))
		}
	}
	slices.Sort(centres)
	pitch := rowPitch(all, all[0].y1-all[0].y0, func(p placed) (float64, bool, int) { return mid(p), p.number, p.cell })
	var rows []band
	for _, c := range centres {
		if n := len(rows); n > 0 && c-rows[n-1].y <= pitch/3 {
			continue
		}
		rows = append(rows, band{y: c, number: true})
	}
	nearest := func(y float64) (int, float64) {
		best, bd := -1, math.Inf(1)
		for i, r := range rows {
			if d := math.Abs(r.y - y); d < bd {
				best, bd = i, d
			}
		}
		return best, bd
	}
	var loose []placed
	for _, p := range all {
		if i, d := nearest(mid(p)); i >= 0 && (p.number || d <= 0.6*pitch) {
			rows[i].items = append(rows[i].items, p)
		} else {
			loose = append(loose, p)
		}
	}
	// Text far from every number line is a row of its own (a heading row
	// without amounts, or the rest of a wrapped label).
	for _, p := range loose {
		if n := len(rows); n > 0 && !rows[n-1].number && math.Abs(rows[n-1].y-mid(p)) <= pitch/3 {
			rows[n-1].items = append(rows[n-1].items, p)
			continue
		}
		rows = append(rows, band{y: mid(p), items: []placed{p}})
	}
	slices.SortStableFunc(rows, func(a, b band) int { return cmpF(a.y, b.y) })
	for i := range rows {
		slices.SortStableFunc(rows[i].items, func(a, b placed) int { return cmpF(a.y0, b.y0) })
	}
	// A row that is only the rest of a label wrapped at its cell's edge
	// (the amount beside the label's first line) joins the row above.
	merged := rows[:0]
	for _, b := range rows {
		if n := len(merged); n > 0 && len(b.items) == 1 && !b.items[0].number && !b.items[0].head {
			prev := &merged[n-1]
			k := b.items[0].cell
			last := -1
			for i, p := range prev.items {
				if p.cell == k {
					last = i
				}
			}
			if last >= 0 && prev.items[last].full && !prev.items[last].number {
				prev.items = append(prev.items, b.items[0])
				continue
			}
		}
		merged = append(merged, b)
	}
	rows = merged
	numberRows := 0
	for _, b := range rows {
		if b.number {
			numberRows++
		}
	}
	if numberRows < 2 {
		return nil
	}
	out := make([][][]glyph, len(rows))
	for i, b := range rows {
		out[i] = make([][]glyph, len(cells))
		for _, p := range b.items {
			out[i][p.cell] = append(out[i][p.cell], p.glyphs...)
		}
	}
	return out
}

// rowPitch is the distance between two rows of numbers: the least gap
// between two successive lines of numbers more than half a line apart
// that have numbers in a common cell (a cell holds one number per row; a
// number printed beside the first line of its wrapped label, the rest of
// its row a line lower, is no row of its own). The least gap, not the
// usual one: where most rows have no numbers, as in a budget table of many
// empty 项, the gaps between number rows span several rows. With no such
// pair, the least gap of any two lines; one line's height when there are
// not two lines. at gives a piece's centre, whether it is a number and its
// cell.
func rowPitch[P any](ps []P, height float64, at func(P) (float64, bool, int)) float64 {
	type line struct {
		y     float64
		cells map[int]bool
	}
	var ys []float64
	cellsAt := map[float64]map[int]bool{}
	for _, p := range ps {
		y, number, cell := at(p)
		if !number {
			continue
		}
		if cellsAt[y] == nil {
			ys = append(ys, y)
			cellsAt[y] = map[int]bool{}
		}
		cellsAt[y][cell] = true
	}
	slices.Sort(ys)
	// Centres of one line differ by fractions of a point between cells.
	var lines []line
	for _, y := range ys {
		if n := len(lines); n > 0 && y-lines[n-1].y < 1 {
			for c := range cellsAt[y] {
				lines[n-1].cells[c] = true
			}
			continue
		}
		lines = append(lines, line{y, maps.Clone(cellsAt[y])})
	}
	shared, any := math.Inf(1), math.Inf(1)
	for i := 1; i < len(lines); i++ {
		g := lines[i].y - lines[i-1].y
		if g <= height/2 {
			continue
		}
		any = min(any, g)
		for c := range lines[i].cells {
			if lines[i-1].cells[c] {
				shared = min(shared, g)
				break
			}
		}
	}
	switch {
	case !math.IsInf(shared, 1):
		return shared
	case !math.IsInf(any, 1):
		return any
	}
	return height
}
