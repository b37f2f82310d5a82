package pdf

import (
	"slices"
	"unicode"
)

// Pages set in several columns of prose — a report printed in a newspaper,
// six columns to a broadsheet page — must be read column by column. Grouped
// into lines across the whole width, their lines would run from one
// column into the next ("支持水    国家公共就业服务能力提升示范项    …"), and
// with baselines that differ between columns, lines of one column would
// even be merged.
//
// A column boundary is a gutter: a band of the page, at least a fraction
// of the font size wide, that (almost) no line's characters touch while
// text stands on both sides of it. Headlines spanning the columns are the
// exception the gutter allows, and they keep their place between the runs
// of columns. Only prose is read this way: every column must be mostly Han
// characters in lines that fill it, so that the columns of a table without
// rulings (numbers, ragged labels) are never taken for text columns.
const (
	// gutterWidth: the least width of a gutter, in font sizes; prose keeps
	// its characters closer, letter-spaced lines included.
	gutterWidth = 0.6
	// gutterCrossings: the share of the lines that may cross a gutter
	// (headlines over several columns); two lines always may.
	gutterCrossings = 0.05
	// columnRows: the least number of lines of a column of prose.
	columnRows = 5
	// columnWidth: the least width of a column, in font sizes.
	columnWidth = 6
	// columnFill: the median line of a column of prose fills this share of
	// the column's width (justified text), unlike the cells of a table.
	columnFill = 0.6
	// columnHan: the least share of Han characters in a column of prose.
	columnHan = 0.5
)

// flow is a run of lines read in order: the whole page, a headline across
// the columns, or one column of a run of columns (column counts from 1).
type flow struct {
	rows   []*row
	column int
}

// readingFlows returns the page's lines as flows in reading order: one
// flow for a page in one column; for a page of prose columns, the lines of
// each column in turn, with a headline that spans the columns as a flow of
// its own between the runs of columns. rows are in top-to-bottom order.
func readingFlows(rows []*row) []flow {
	single := []flow{{rows: rows}}
	if len(rows) < columnRows {
		return single
	}
	gutters, size := findGutters(rows)
	if len(gutters) == 0 {
		return single
	}
	// The columns lie between the gutters.
	bounds := make([]float64, 0, len(gutters)+1)
	for _, g := range gutters {
		bounds = append(bounds, (g[0]+g[1])/2)
	}
	column := func(g *glyph) int {
		c, _ := slices.BinarySearch(bounds, (g.x0+g.x1)/2)
		return c
	}
	crosses := func(r *row) bool {
		for _, g := range r.glyphs {
			for _, gt := range gutters {
				// more than half the character in the gutter: a
				// character at the column's edge may touch it
				if !g.space && min(g.x1, gt[1])-max(g.x0, gt[0]) > 0.5*(g.x1-g.x0) {
					return true
				}
			}
		}
		return false
	}
	var flows []flow
	var spanning, segment []*row
	split := false // some run of lines was read as columns
	// flush ends a run of lines between headlines: its columns in turn
	// when each reads as prose, else the run as it is (a masthead, a
	// table, a short passage).
	flush := func() {
		if len(spanning) > 0 {
			flows = append(flows, flow{rows: spanning})
			spanning = nil
		}
		if len(segment) == 0 {
			return
		}
		parts := make([][]glyph, len(bounds)+1)
		for _, r := range segment {
			for _, g := range r.glyphs {
				c := column(&g)
				parts[c] = append(parts[c], g)
			}
		}
		cols := make([]flow, 0, len(parts))
		for c, gs := range parts {
			if len(gs) == 0 {
				continue
			}
			col := groupRows(gs)
			left, right := columnEdge(bounds, c, rows)
			if !proseColumn(col, right-left, size) {
				cols = nil
				break
			}
			cols = append(cols, flow{rows: col, column: c + 1})
		}
		if len(cols) > 1 {
			flows = append(flows, cols...)
			split = true
		} else {
			flows = append(flows, flow{rows: segment})
		}
		segment = nil
	}
	for _, r := range rows {
		if crosses(r) {
			if len(segment) > 0 {
				flush()
			}
			spanning = append(spanning, r)
			continue
		}
		if len(spanning) > 0 {
			flows = append(flows, flow{rows: spanning})
			spanning = nil
		}
		segment = append(segment, r)
	}
	flush()
	if !split {
		return single
	}
	return flows
}

// findGutters returns the x-ranges of the gutters between columns of
// text, left to right, and the median font size of the lines.
func findGutters(rows []*row) ([][2]float64, float64) {
	sizes := make([]float64, len(rows))
	x0, x1 := rows[0].x0, rows[0].x1
	for i, r := range rows {
		sizes[i] = r.size
		x0, x1 = min(x0, r.x0), max(x1, r.x1)
	}
	slices.Sort(sizes)
	size := sizes[len(sizes)/2]
	if size <= 0 || x1-x0 > 20000 {
		return nil, size
	}
	// cover[b] counts the lines whose characters touch the 1pt band b.
	cover := make([]int32, int(x1-x0)+1)
	last := make([]int32, len(cover))
	for i, r := range rows {
		for _, g := range r.glyphs {
			if g.space {
				continue
			}
			for b := int(g.x0 - x0); b < int(g.x1-x0) && b < len(cover); b++ {
				if b >= 0 && last[b] != int32(i+1) {
					last[b] = int32(i + 1)
					cover[b]++
				}
			}
		}
	}
	allowed := max(2, int32(gutterCrossings*float64(len(rows)))) // a headline of two lines
	var gutters [][2]float64
	for b := 0; b < len(cover); {
		if cover[b] > allowed {
			b++
			continue
		}
		e := b
		for e < len(cover) && cover[e] <= allowed {
			e++
		}
		if b > 0 && e < len(cover) && float64(e-b) >= gutterWidth*size {
			gutters = append(gutters, [2]float64{x0 + float64(b), x0 + float64(e)})
		}
		b = e
	}
	return gutters, size
}

// columnEdge returns the left and right edge of column c: the gutters
// around it, or the page's text edge for the first and last column.
func columnEdge(bounds []float64, c int, rows []*row) (left, right float64) {
	left, right = rows[0].x0, rows[0].x1
	for _, r := range rows {
		left, right = min(left, r.x0), max(right, r.x1)
	}
	if c > 0 {
		left = bounds[c-1]
	}
	if c < len(bounds) {
		right = bounds[c]
	}
	return left, right
}

// proseColumn reports whether the lines of one column read as prose: enough
// lines, mostly Han characters, most lines filling the column's width.
func proseColumn(col []*row, width, size float64) bool {
	if len(col) < columnRows || width < columnWidth*size {
		return false
	}
	han, all := 0, 0
	fill := make([]float64, len(col))
	for i, r := range col {
		fill[i] = r.x1 - r.x0
		for _, g := range r.glyphs {
			if g.space {
				continue
			}
			all++
			if unicode.Is(unicode.Han, g.r) {
				han++
			}
		}
	}
	slices.Sort(fill)
	return float64(han) >= columnHan*float64(all) && fill[len(fill)/2] >= columnFill*width
}
