package pdf

import (
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
			number: isAmount(chunk{glyphs: r.glyphs}),
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
	slices.SortStableFunc(all, func(a, b placed) int { return cmpF(a.y0+a.y1, b.y0+b.y1) })
	// Rows: pieces overlapping the row's vertical range by at least a
	// third of the smaller height join it.
	type band struct {
		y0, y1 float64
		items  []placed
	}
	var rows []band
	for _, p := range all {
		if n := len(rows); n > 0 {
			b := &rows[n-1]
			ov := min(b.y1, p.y1) - max(b.y0, p.y0)
			if ov > 0 && ov >= 0.34*min(b.y1-b.y0, p.y1-p.y0) {
				b.items = append(b.items, p)
				b.y0, b.y1 = min(b.y0, p.y0), max(b.y1, p.y1)
				continue
			}
		}
		rows = append(rows, band{p.y0, p.y1, []placed{p}})
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
				prev.y1 = max(prev.y1, b.y1)
				continue
			}
		}
		merged = append(merged, b)
	}
	rows = merged
	numberRows := 0
	for _, b := range rows {
		if slices.ContainsFunc(b.items, func(p placed) bool { return p.number }) {
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
