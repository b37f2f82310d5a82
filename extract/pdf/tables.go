package pdf

import (
	"math"
	"slices"
	"sort"

	"github.com/budgetdoc/budgetdoc/extract"
)

// Table reconstruction from ruling lines: the page's rules (thin path boxes
// and the edges of larger ones) are merged into horizontal and vertical
// lines; lines that touch form a grid; the grid's distinct positions give
// the rows and columns, and a missing border between two grid cells merges
// them. Each character then goes to the cell under its centre, and the
// characters of a cell are laid out into lines like a small page.

const (
	// ruleThickness: a path box thinner than this (points) is a rule.
	ruleThickness = 3.0
	// snap: rules and borders closer than this (points) are one.
	snap = 2.0
	// borderCover: a border exists between two grid cells when rules cover
	// this share of their common side.
	borderCover = 0.5
	// maxRules bounds the merged rules of one page considered for tables.
	maxRules = 3000
)

type hrule struct{ y, x0, x1 float64 }
type vrule struct{ x, y0, y1 float64 }

// pdfTable is one reconstructed table with the page area it covers.
type pdfTable struct {
	area  box
	table *extract.Table
}

// rulesFrom turns path boxes into merged horizontal and vertical rules.
func rulesFrom(boxes []box, pageW, pageH float64) (hs []hrule, vs []vrule) {
	for _, b := range boxes {
		w, h := b.w(), b.h()
		switch {
		case w < snap && h < snap:
			continue // a dot
		case w > 0.95*pageW && h > 0.95*pageH:
			continue // a page background
		case h <= ruleThickness && w > h:
			hs = append(hs, hrule{(b.y0 + b.y1) / 2, b.x0, b.x1})
		case w <= ruleThickness && h > w:
			vs = append(vs, vrule{(b.x0 + b.x1) / 2, b.y0, b.y1})
		default: // a cell frame or shading: its edges
			hs = append(hs, hrule{b.y0, b.x0, b.x1}, hrule{b.y1, b.x0, b.x1})
			vs = append(vs, vrule{b.x0, b.y0, b.y1}, vrule{b.x1, b.y0, b.y1})
		}
	}
	return mergeH(hs), mergeV(vs)
}

func mergeH(hs []hrule) []hrule {
	slices.SortFunc(hs, func(a, b hrule) int { return cmpF(a.y, b.y) })
	var out []hrule
	for i := 0; i < len(hs); {
		j := i + 1
		for j < len(hs) && hs[j].y-hs[j-1].y <= snap/2 {
			j++
		}
		group := hs[i:j]
		y := group[len(group)/2].y
		slices.SortFunc(group, func(a, b hrule) int { return cmpF(a.x0, b.x0) })
		cur := hrule{y, group[0].x0, group[0].x1}
		for _, r := range group[1:] {
			if r.x0 <= cur.x1+snap {
				cur.x1 = max(cur.x1, r.x1)
				continue
			}
			out = append(out, cur)
			cur = hrule{y, r.x0, r.x1}
		}
		out = append(out, cur)
		i = j
	}
	return out
}

func mergeV(vs []vrule) []vrule {
	hs := make([]hrule, len(vs))
	for i, v := range vs {
		hs[i] = hrule{v.x, v.y0, v.y1}
	}
	hs = mergeH(hs)
	out := make([]vrule, len(hs))
	for i, h := range hs {
		out[i] = vrule{h.y, h.x0, h.x1}
	}
	return out
}

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// clusters returns the sorted distinct values of vs, values closer than
// snap taken as one (their mean).
func clusters(vs []float64) []float64 {
	slices.Sort(vs)
	var out []float64
	for i := 0; i < len(vs); {
		j, sum := i+1, vs[i]
		for j < len(vs) && vs[j]-vs[j-1] <= snap {
			sum += vs[j]
			j++
		}
		out = append(out, sum/float64(j-i))
		i = j
	}
	return out
}

// gridComponents groups rules that touch into candidate table grids.
func gridComponents(hs []hrule, vs []vrule) [][2][]int {
	parent := make([]int, len(hs)+len(vs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, h := range hs {
		for j, v := range vs {
			if v.x >= h.x0-snap && v.x <= h.x1+snap && h.y >= v.y0-snap && h.y <= v.y1+snap {
				a, b := find(i), find(len(hs)+j)
				if a != b {
					parent[a] = b
				}
			}
		}
	}
	byRoot := map[int]*[2][]int{}
	var order []int
	for i := range parent {
		r := find(i)
		c, ok := byRoot[r]
		if !ok {
			c = &[2][]int{}
			byRoot[r] = c
			order = append(order, r)
		}
		if i < len(hs) {
			c[0] = append(c[0], i)
		} else {
			c[1] = append(c[1], i-len(hs))
		}
	}
	var out [][2][]int
	for _, r := range order {
		if c := byRoot[r]; len(c[0]) >= 1 && len(c[1]) >= 1 {
			out = append(out, *c)
		}
	}
	return out
}

// covered reports whether the intervals cover at least borderCover of [a, b].
func covered(ivs [][2]float64, a, b float64) bool {
	need := borderCover * (b - a)
	got := 0.0
	for _, iv := range ivs {
		if l, r := max(iv[0], a), min(iv[1], b); r > l {
			got += r - l
		}
	}
	return got >= need
}

// findTables builds the tables drawn by the rules and returns them with the
// glyphs that lie outside every table.
func findTables(gs []glyph, boxes []box, pageW, pageH float64, maxCells int) ([]pdfTable, []glyph) {
	if len(boxes) == 0 || len(gs) == 0 {
		return nil, gs
	}
	hs, vs := rulesFrom(boxes, pageW, pageH)
	if len(hs) < 2 || len(vs) < 1 || len(hs)+len(vs) > maxRules {
		return nil, gs
	}
	taken := make([]bool, len(gs))
	var tables []pdfTable
	for _, comp := range gridComponents(hs, vs) {
		if t, ok := buildTable(gs, taken, hs, vs, comp, maxCells); ok {
			tables = append(tables, t)
		}
	}
	if len(tables) == 0 {
		return nil, gs
	}
	rest := make([]glyph, 0, len(gs))
	for i, g := range gs {
		if !taken[i] {
			rest = append(rest, g)
		}
	}
	slices.SortFunc(tables, func(a, b pdfTable) int { return cmpF(a.area.y0, b.area.y0) })
	return tables, rest
}

// buildTable makes the table of one grid component; taken marks the glyphs
// it claims. ok is false when the rules do not form a table with text in
// at least two columns.
func buildTable(gs []glyph, taken []bool, hs []hrule, vs []vrule, comp [2][]int, maxCells int) (pdfTable, bool) {
	var xs, ys []float64
	area := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, i := range comp[0] {
		h := hs[i]
		ys = append(ys, h.y)
		area = box{min(area.x0, h.x0), min(area.y0, h.y), max(area.x1, h.x1), max(area.y1, h.y)}
	}
	for _, i := range comp[1] {
		v := vs[i]
		xs = append(xs, v.x)
		area = box{min(area.x0, v.x), min(area.y0, v.y0), max(area.x1, v.x), max(area.y1, v.y1)}
	}
	// Open sides (no outer vertical or horizontal rule) are still edges.
	xs = clusters(append(xs, area.x0, area.x1))
	ys = clusters(append(ys, area.y0, area.y1))
	nR, nC := len(ys)-1, len(xs)-1
	if nR < 1 || nC < 2 || (maxCells > 0 && nR*nC > maxCells) {
		return pdfTable{}, false
	}
	// Borders: the rule coverage of each interior grid line segment.
	near := func(a, b float64) bool { return math.Abs(a-b) <= snap }
	vBorder := make([][]bool, nR) // vBorder[r][c]: a rule at xs[c] beside row r
	for r := range nR {
		vBorder[r] = make([]bool, nC+1)
		for c := range nC + 1 {
			var ivs [][2]float64
			for _, i := range comp[1] {
				if near(vs[i].x, xs[c]) {
					ivs = append(ivs, [2]float64{vs[i].y0, vs[i].y1})
				}
			}
			vBorder[r][c] = c == 0 || c == nC || covered(ivs, ys[r], ys[r+1])
		}
	}
	hBorder := make([][]bool, nR+1) // hBorder[r][c]: a rule at ys[r] above column c
	for r := range nR + 1 {
		hBorder[r] = make([]bool, nC)
		var ivs [][2]float64
		for _, i := range comp[0] {
			if near(hs[i].y, ys[r]) {
				ivs = append(ivs, [2]float64{hs[i].x0, hs[i].x1})
			}
		}
		for c := range nC {
			hBorder[r][c] = r == 0 || r == nR || covered(ivs, xs[c], xs[c+1])
		}
	}
	// Merged cells: grow right while there is no border, then down while
	// no border crosses the whole width.
	type span struct{ r, c, rs, cs int }
	owner := make([][]int, nR)
	for r := range owner {
		owner[r] = make([]int, nC)
		for c := range owner[r] {
			owner[r][c] = -1
		}
	}
	var spans []span
	for r := range nR {
		for c := range nC {
			if owner[r][c] >= 0 {
				continue
			}
			cs := 1
			for c+cs < nC && !vBorder[r][c+cs] && owner[r][c+cs] < 0 {
				cs++
			}
			rs := 1
		grow:
			for r+rs < nR {
				for k := c; k < c+cs; k++ {
					if hBorder[r+rs][k] || owner[r+rs][k] >= 0 {
						break grow
					}
				}
				rs++
			}
			for i := r; i < r+rs; i++ {
				for k := c; k < c+cs; k++ {
					owner[i][k] = len(spans)
				}
			}
			spans = append(spans, span{r, c, rs, cs})
		}
	}
	// Characters go to the cell under their centre.
	members := make([][]int, len(spans))
	for i, g := range gs {
		if taken[i] {
			continue
		}
		cx, cy := (g.x0+g.x1)/2, (g.y0+g.y1)/2
		if cx < area.x0 || cx > area.x1 || cy < area.y0 || cy > area.y1 {
			continue
		}
		c := sort.SearchFloat64s(xs, cx) - 1
		r := sort.SearchFloat64s(ys, cy) - 1
		c, r = max(0, min(c, nC-1)), max(0, min(r, nR-1))
		members[owner[r][c]] = append(members[owner[r][c]], i)
	}
	// A table has text in at least two columns; a framed paragraph or a
	// grid around a single label is not one.
	cols := map[int]bool{}
	for k, m := range members {
		for _, i := range m {
			if !gs[i].space {
				cols[spans[k].c] = true
				break
			}
		}
	}
	if len(cols) < 2 {
		return pdfTable{}, false
	}
	// Leading rows that are one cell across the whole table hold the title
	// and unit of a spreadsheet export; they stay text above the table, where
	// title and unit are looked for.
	top := 0
	for top < nR-2 {
		s := spans[owner[top][0]]
		if s.cs != nC || s.rs != 1 {
			break
		}
		top++
	}
	area.y0 = ys[top]
	// Bands: grid rows that hold several data rows (no rules between
	// them) are split from the text. A cell merged over several grid rows
	// (a region or bond kind printed once beside the rows it groups) takes
	// no part in the split: it spans all the new rows.
	split := make(map[int][][][]glyph)
	for r := top; r < nR; r++ {
		var cells [][]glyph
		var rights []float64
		for c := 0; c < nC; {
			s := spans[owner[r][c]]
			var gsOf []glyph
			if s.r == r && s.rs == 1 {
				gsOf = make([]glyph, 0, len(members[owner[r][c]]))
				for _, i := range members[owner[r][c]] {
					gsOf = append(gsOf, gs[i])
				}
			}
			cells = append(cells, gsOf)
			rights = append(rights, xs[c+s.cs])
			c += s.cs
		}
		if sub := bandRows(cells, rights); sub != nil {
			split[r] = sub
		}
	}
	t := &extract.Table{}
	newRow := make([]int, nR+1) // first output row of each grid row
	for r := top; r < nR; r++ {
		newRow[r] = len(t.Rows)
		n := 1
		if sub, ok := split[r]; ok {
			n = len(sub)
		}
		for range n {
			row := make([]extract.Cell, nC)
			for c := range nC {
				row[c] = extract.Cell{RowSpan: 1, ColSpan: 1, Covered: true}
			}
			t.Rows = append(t.Rows, row)
		}
	}
	newRow[nR] = len(t.Rows)
	// The middle of each output row: of its numbers' lines when its grid
	// row was split, else of the grid row.
	centres := make([]float64, len(t.Rows))
	for r := top; r < nR; r++ {
		sub, ok := split[r]
		if !ok {
			centres[newRow[r]] = (ys[r] + ys[r+1]) / 2
			continue
		}
		for d, cells := range sub {
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, cg := range cells {
				for _, g := range cg {
					lo, hi = min(lo, g.y0), max(hi, g.y1)
				}
			}
			centres[newRow[r]+d] = (lo + hi) / 2
		}
	}
	rowCentre := func(r int) float64 { return centres[r] }
	for k, s := range spans {
		if s.r < top {
			continue
		}
		for _, i := range members[k] {
			taken[i] = true
		}
		if sub, ok := split[s.r]; ok && s.rs == 1 {
			pos := 0 // the span's position among the row's cells
			for c := 0; c < s.c; c += spans[owner[s.r][c]].cs {
				pos++
			}
			for d, cells := range sub {
				t.Rows[newRow[s.r]+d][s.c] = extract.Cell{RowSpan: 1, ColSpan: s.cs, Lines: cellLines(cells[pos])}
			}
			continue
		}
		cell := extract.Cell{RowSpan: newRow[s.r+s.rs] - newRow[s.r], ColSpan: s.cs}
		cg := make([]glyph, 0, len(members[k]))
		for _, i := range members[k] {
			cg = append(cg, gs[i])
		}
		if cell.RowSpan > 1 && spreadLines(t, cg, s.c, s.cs, newRow[s.r], cell.RowSpan, rowCentre) {
			continue
		}
		cell.Lines = cellLines(cg)
		t.Rows[newRow[s.r]][s.c] = cell
	}
	return pdfTable{area: area, table: t}, true
}

// spreadLines gives each line of a cell merged over n output rows from
// row r0 its own row, when the cell is a column of labels that no rule
// divides (the labels of a table ruled only for its numbers): three lines
// or more, one per row at least every other row, no two in one row. A
// merged cell that names a group of rows (全市, a date over its bonds, a
// label wrapped over two lines) stays one cell. centre gives the middle of
// an output row. It reports whether it spread the lines.
func spreadLines(t *extract.Table, gs []glyph, c, cs, r0, n int, centre func(int) float64) bool {
	lines := groupRows(gs)
	if len(lines) < 3 || 2*len(lines) < n {
		return false
	}
	at := make([]int, len(lines))
	used := map[int]bool{}
	for i, l := range lines {
		mid, best, bd := (l.y0+l.y1)/2, -1, math.Inf(1)
		for r := r0; r < r0+n; r++ {
			if d := math.Abs(centre(r) - mid); d < bd {
				best, bd = r, d
			}
		}
		if used[best] {
			return false
		}
		used[best], at[i] = true, best
	}
	for r := r0; r < r0+n; r++ {
		t.Rows[r][c] = extract.Cell{RowSpan: 1, ColSpan: cs}
		for k := c + 1; k < c+cs && k < len(t.Rows[r]); k++ {
			t.Rows[r][k] = extract.Cell{Covered: true}
		}
	}
	for i, l := range lines {
		t.Rows[at[i]][c].Lines = cellLines(l.glyphs)
	}
	return true
}
