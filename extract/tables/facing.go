package tables

import "slices"

// Facing pages: a table too wide for one page is printed across a spread,
// the row labels and the first columns on the left page, more columns of
// the same rows on the right page, the title and 单位 often on one page
// only. The right-hand part has rows of numbers and no row labels, as many
// as the left-hand part has on the page before; row i of one is row i of
// the other. It becomes more columns of the same table: one logical table
// whose title, unit and row labels apply to both parts, each cell keeping
// its own page and box. A table printed over several spreads continues on
// the next left page as any table continues, and its next right page
// fills the same columns.

// facingStart returns the index in left.Body of the first row printed on
// left's last page when right, read on the next page, is the right-hand
// part of left; -1 when it is not.
func facingStart(left, right *Table, page int) int {
	if left == nil || len(left.Pages) == 0 || page != left.Pages[len(left.Pages)-1]+1 ||
		right.Title != "" && right.Title != left.Title || right.Code != "" && right.Code != left.Code ||
		!unlabelled(right) {
		return -1
	}
	if left.facing > 0 && len(right.Columns) != len(left.Columns)-left.facing {
		return -1
	}
	last := left.Pages[len(left.Pages)-1]
	start := len(left.Body)
	for start > 0 && rowPage(&left.Body[start-1]) == last {
		start--
	}
	if len(left.Body)-start != len(right.Body) {
		return -1
	}
	// The left-hand rows are named: most rows with numbers have a label.
	named, numbered := 0, 0
	for i := start; i < len(left.Body); i++ {
		r := &left.Body[i]
		if names(r.Label) {
			named++
		}
		if slices.ContainsFunc(r.Cells, func(c Cell) bool { return c.IsAmount }) {
			numbered++
		}
	}
	if named < 2 || named*2 < numbered {
		return -1
	}
	return start
}

// unlabelled reports whether t's body is rows of numbers without a word:
// at least two rows with numbers, no cell that names anything.
func unlabelled(t *Table) bool {
	rows := 0
	for i := range t.Body {
		r := &t.Body[i]
		number := false
		for _, c := range r.Cells {
			if c.Covered {
				continue
			}
			if names(fold(c.Text)) {
				return false
			}
			number = number || c.IsAmount
		}
		if number {
			rows++
		}
	}
	return rows >= 2
}

// rowPage is the page a row is printed on (0 when it has no located cell).
func rowPage(r *Row) int {
	for _, c := range r.Cells {
		if c.Loc.Page > 0 {
			return c.Loc.Page
		}
	}
	return 0
}

// joinFacing makes right the columns of left's rows from start on.
func joinFacing(left, right *Table, start int) {
	at := left.facing
	if at == 0 {
		at = len(left.Columns)
		left.facing, left.leftHeader = at, left.Header
		left.Columns = append(left.Columns, right.Columns...)
		left.Header = joinHeaders(left.Header, right.Header)
	}
	for i := range left.Body {
		for len(left.Body[i].Cells) < len(left.Columns) {
			left.Body[i].Cells = append(left.Body[i].Cells, Cell{})
		}
	}
	for i, r := range right.Body {
		copy(left.Body[start+i].Cells[at:], r.Cells)
	}
	if p := right.Pages[0]; !slices.Contains(left.Pages, p) {
		left.Pages = append(left.Pages, p)
	}
	if left.Title == "" {
		left.Title, left.Code = right.Title, right.Code
	}
	if left.Unit == "" && right.Unit != "" {
		left.Unit, left.Scale = right.Unit, right.Scale
	}
	left.Notes = append(left.Notes, right.Notes...)
}

// joinHeaders puts the header rows of two parts side by side; the part
// with fewer rows repeats its top row above them (a merged cell repeats
// over the positions it covers).
func joinHeaders(a, b [][]string) [][]string {
	pad := func(h [][]string, n, width int) [][]string {
		if len(h) == 0 {
			h = [][]string{make([]string, width)}
		}
		for len(h) < n {
			h = append([][]string{slices.Clone(h[0])}, h...)
		}
		return h
	}
	wa, wb := 0, 0
	if len(a) > 0 {
		wa = len(a[0])
	}
	if len(b) > 0 {
		wb = len(b[0])
	}
	n := max(len(a), len(b))
	a, b = pad(a, n, wa), pad(b, n, wb)
	out := make([][]string, n)
	for i := range out {
		out[i] = append(slices.Clone(a[i]), b[i]...)
	}
	return out
}
