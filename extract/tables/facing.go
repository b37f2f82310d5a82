package tables

import "slices"

// Facing pages: a table too wide for one page is printed across a spread,
// the row labels and the first columns on the left page, more columns of
// the same rows on the right page, the title and 单位 often on one page
// only (the title on the left, 表6 and 单位：万元 on the right, or the
// other way round). The right-hand part has rows of numbers and no row
// labels, or repeats the label column; its rows are printed level with
// the left-hand rows they continue. It becomes more columns of the same
// table: one logical table whose title, unit, row labels and header apply
// to both parts, each cell keeping its own page and box. A table printed
// over several spreads continues on the next left page as any table
// continues, and its next right page fills the same columns.
//
// The rows are paired by their printed height on the page when the cells
// have boxes (PDF), else by order, as many rows of numbers on each side;
// a right page that repeats the labels must repeat them row for row, and
// has no caption of its own. A table on the next page with other rows, its
// own title or number, or the same columns again is not a right-hand part.

// facingRows tells whether right, read on page, the page after left's
// last page, is the right-hand part of left. It returns for each row of
// right.Body the row of left.Body printed beside it (-1 for a row without
// numbers), and skip, how many leading columns of right repeat the row
// labels; rows is nil when right is not a right-hand part.
func facingRows(left, right *Table, page int) (rows []int, skip int) {
	if left == nil || len(left.Pages) == 0 || page != left.Pages[len(left.Pages)-1]+1 ||
		!sameOrAbsent(right.Title, left.Title) || !sameOrAbsent(right.Code, left.Code) {
		return nil, 0
	}
	// The first spread needs two rows side by side; a later spread of a
	// table already joined may end with one.
	need := 2
	if left.facing > 0 {
		need = 1
	}
	labelled := wordsIn(right)
	if labelled {
		// A page that repeats the labels under its own caption is a page
		// set (pagesets.go), not a right-hand page.
		skip = labelColumns(right)
		if right.Title != "" || right.Code != "" || skip == 0 || skip == len(right.Columns) || sameColumnPaths(left, right, skip) {
			return nil, 0
		}
	}
	if left.facing > 0 && len(right.Columns)-skip != len(left.Columns)-left.facing {
		return nil, 0
	}
	last := left.Pages[len(left.Pages)-1]
	var lrows, rrows []int // the rows with numbers: left's on its last page, right's
	for i := range left.Body {
		if rowPage(&left.Body[i]) == last && hasNumber(&left.Body[i]) {
			lrows = append(lrows, i)
		}
	}
	for i := range right.Body {
		if hasNumber(&right.Body[i]) {
			rrows = append(rrows, i)
		}
	}
	pairs, placed := byHeight(left, lrows, right, rrows)
	if !placed {
		pairs = byOrder(lrows, rrows)
	}
	if len(pairs) < need {
		return nil, 0
	}
	named := 0
	for k, i := range pairs {
		l := squeeze(fold(left.Body[i].Label))
		if labelled && (l == "" || l != squeeze(fold(right.Body[rrows[k]].Label))) {
			return nil, 0
		}
		if names(left.Body[i].Label) {
			named++
		}
	}
	// The left-hand rows are named: most rows with numbers have a label.
	if named < need || named*2 < len(pairs) {
		return nil, 0
	}
	rows = make([]int, len(right.Body))
	for i := range rows {
		rows[i] = -1
	}
	for k, i := range pairs {
		rows[rrows[k]] = i
	}
	return rows, skip
}

// sameOrAbsent reports whether the right-hand part's caption (title or
// number) agrees with the left-hand part's: the same, or printed on one of
// the pages only.
func sameOrAbsent(right, left string) bool { return right == "" || left == "" || right == left }

// labelColumns is the number of t's leading columns before its first
// amount column (the label columns).
func labelColumns(t *Table) int {
	for j, c := range t.Columns {
		if c.Role == AmountColumn {
			return j
		}
	}
	return len(t.Columns)
}

// sameColumnPaths reports whether right's columns after its label columns
// have the header paths of left's columns after its own: the same table
// again (another unit's table on the next page), not more columns.
func sameColumnPaths(left, right *Table, skip int) bool {
	from := labelColumns(left)
	if len(left.Columns)-from != len(right.Columns)-skip {
		return false
	}
	for j := range right.Columns[skip:] {
		if !slices.Equal(left.Columns[from+j].Path, right.Columns[skip+j].Path) {
			return false
		}
	}
	return true
}

// hasNumber reports whether r has a number in a cell of its own.
func hasNumber(r *Row) bool {
	return slices.ContainsFunc(r.Cells, func(c Cell) bool { return c.IsAmount && !c.Covered })
}

// rowSpan is the vertical extent of r's own cells on its page; ok is
// false when a cell with text has no box.
func rowSpan(r *Row) (top, bottom float64, ok bool) {
	top, bottom = -1, -1
	for _, c := range r.Cells {
		if c.Covered || c.Text == "" {
			continue
		}
		if c.Loc.BBox == nil {
			return 0, 0, false
		}
		b := c.Loc.BBox
		if top < 0 || b[1] < top {
			top = b[1]
		}
		bottom = max(bottom, b[3])
	}
	return top, bottom, top >= 0
}

// byHeight pairs each row of rrows with the row of lrows printed at the
// same height, the one its box overlaps most and by at least half the
// lower of the two; pairs is nil when one finds no partner (or two share
// one). placed is false when some row has no boxes.
func byHeight(left *Table, lrows []int, right *Table, rrows []int) (pairs []int, placed bool) {
	used := map[int]bool{}
	for _, ri := range rrows {
		rt, rb, ok := rowSpan(&right.Body[ri])
		if !ok {
			return nil, false
		}
		best, most := -1, 0.0
		for _, li := range lrows {
			lt, lb, ok := rowSpan(&left.Body[li])
			if !ok {
				return nil, false
			}
			if o := min(rb, lb) - max(rt, lt); o > most && o*2 >= min(rb-rt, lb-lt) {
				best, most = li, o
			}
		}
		if best < 0 || used[best] {
			return nil, true
		}
		used[best] = true
		pairs = append(pairs, best)
	}
	return pairs, true
}

// byOrder pairs the rows in order when both sides have as many.
func byOrder(lrows, rrows []int) []int {
	if len(lrows) != len(rrows) {
		return nil
	}
	return lrows
}

// wordsIn reports whether a cell of t's body names anything (a right-hand
// page that repeats the labels), not only numbers.
func wordsIn(t *Table) bool {
	for i := range t.Body {
		for _, c := range t.Body[i].Cells {
			if !c.Covered && names(fold(c.Text)) {
				return true
			}
		}
	}
	return false
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

// joinFacing makes right's columns after its first skip (the repeated
// labels) more columns of left's rows: rows[k] is the row of left that
// right's row k continues.
func joinFacing(left, right *Table, rows []int, skip int) {
	at := left.facing
	if at == 0 {
		at = appendColumns(left, right, skip)
	}
	fillRows(left, right, rows, skip, at)
	adopt(left, right)
}

// appendColumns appends right's columns after its first skip to left's,
// their header rows beside left's, and returns the first new column. The
// first part appended marks where left's own part ends (Table.facing).
func appendColumns(left, right *Table, skip int) int {
	at := len(left.Columns)
	if left.facing == 0 {
		left.facing, left.leftHeader = at, left.Header
	}
	header := make([][]string, len(right.Header))
	for i, h := range right.Header {
		header[i] = h[min(skip, len(h)):]
	}
	left.Header = joinHeaders(left.Header, header)
	for j, c := range right.Columns[skip:] {
		c.Path = headerPath(left.Header, at+j)
		left.Columns = append(left.Columns, c)
	}
	return at
}

// fillRows copies the cells of right's rows after its first skip into
// left's columns from at: rows[k] is the row of left that right's row k
// continues (-1 for none).
func fillRows(left, right *Table, rows []int, skip, at int) {
	for i := range left.Body {
		for len(left.Body[i].Cells) < len(left.Columns) {
			left.Body[i].Cells = append(left.Body[i].Cells, Cell{})
		}
	}
	for k, i := range rows {
		if i >= 0 && skip < len(right.Body[k].Cells) {
			copy(left.Body[i].Cells[at:], right.Body[k].Cells[skip:])
		}
	}
}

// adopt gives left, joined with right, right's pages and what left lacks
// of right's caption, unit and notes.
func adopt(left, right *Table) {
	for _, p := range right.Pages {
		if !slices.Contains(left.Pages, p) {
			left.Pages = append(left.Pages, p)
		}
	}
	if left.Title == "" {
		left.Title = right.Title
	}
	if left.Code == "" {
		left.Code = right.Code
	}
	if left.Unit == "" && right.Unit != "" {
		left.Unit, left.Scale = right.Unit, right.Scale
	}
	left.Notes = append(left.Notes, right.Notes...)
}

// joinHeaders puts the header rows of two parts side by side. When the
// right part has fewer rows, a group of the left part that spans its last
// columns (一般公共预算支出 over 调整预算数 | 快报数 | 完成调整预算%) runs on
// over the right part, as a merged cell cut by the gutter; otherwise the
// part with fewer rows repeats its top row above them (a merged cell
// repeats over the positions it covers).
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
	if len(b) > 0 && len(b) < len(a) {
		// The rows of a above b's depth: a group when the text over a's last
		// column also covers the column before it and is not that column's
		// own header.
		var groups [][]string
		leaf := a[len(a)-1]
		for _, row := range a[:len(a)-len(b)] {
			if wa < 2 || len(row) < wa || len(leaf) < wa || row[wa-1] == "" ||
				row[wa-1] != row[wa-2] || row[wa-1] == leaf[wa-1] {
				groups = nil
				break
			}
			g := make([]string, wb)
			for j := range g {
				g[j] = row[wa-1]
			}
			groups = append(groups, g)
		}
		if groups != nil {
			b = append(groups, b...)
		}
	}
	a, b = pad(a, n, wa), pad(b, n, wb)
	out := make([][]string, n)
	for i := range out {
		out[i] = append(slices.Clone(a[i]), b[i]...)
	}
	return out
}
