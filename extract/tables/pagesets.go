package tables

import "slices"

// Page sets: a table too wide for a page is also printed as page sets,
// each page with the caption (title, 表N, 单位) and the row labels again
// and other columns of the same rows (合计 and the first regions on the
// first page, more regions on the next). Unlike facing pages (facing.go)
// the pages need not be printed level with each other, and each part may
// run over several pages of its own. The parts are matched once each is
// whole (stitched over its pages like any table): a part joins the table
// before it when it has the same labelled rows in the same order, row for
// row. They become one logical table: the row labels once, the columns
// of each part appended, every cell keeping its own page and box.
//
// Both orders a long wide table is printed in join: all the rows of each
// part before the next part (rows 1–60 over pages 1|2, then their other
// columns over pages 3|4), and bands of rows with every part (rows 1–30
// over pages 1|2, rows 31–60 over pages 3|4: each band joined, then the
// second band continues the first). Parts whose rows differ (other rows,
// another order, a row split differently) are not joined: they stay
// tables of their own, marked Partial.

// joinSets joins the page sets among ts, in document order, and returns
// the tables left.
func joinSets(ts []*Table) []*Table {
	var out []*Table
	for _, t := range ts {
		if n := len(out); n > 0 {
			if rows, skip := setRows(out[n-1], t); rows != nil {
				joinSet(out[n-1], t, rows, skip)
				t, out = out[n-1], out[:n-1]
			}
		}
		if n := len(out); n > 0 && nextBand(out[n-1], t) {
			a := out[n-1]
			a.Body = append(a.Body, t.Body...)
			a.Pages = append(a.Pages, t.Pages...)
			a.Notes = append(a.Notes, t.Notes...)
			continue
		}
		out = append(out, t)
	}
	return out
}

// setRows tells whether right, printed on the pages after left's, is
// another part of left: the same caption (or none on right) and unit, the
// same labelled rows in the same order, other columns. It returns for
// each row of right.Body the row of left.Body it continues (-1 for a row
// without a label) and skip, how many leading columns of right repeat the
// labels; rows is nil when right is not a part of left.
func setRows(left, right *Table) (rows []int, skip int) {
	if len(left.Pages) == 0 || len(right.Pages) == 0 || right.Pages[0] != left.Pages[len(left.Pages)-1]+1 ||
		left.Title == "" && left.Code == "" || !sameOrAbsent(right.Title, left.Title) || !sameOrAbsent(right.Code, left.Code) ||
		left.Unit != "" && right.Unit != "" && left.Unit != right.Unit || right.facing > 0 || !wordsIn(right) {
		return nil, 0
	}
	skip = labelColumns(right)
	if skip == 0 || skip == len(right.Columns) || skip != labelColumns(left) || repeatsPart(left, right, skip) {
		return nil, 0
	}
	lrows, rrows := labelled(left), labelled(right)
	if len(lrows) < 2 || len(lrows) != len(rrows) {
		return nil, 0
	}
	rows = make([]int, len(right.Body))
	for i := range rows {
		rows[i] = -1
	}
	for k, i := range rrows {
		if squeeze(fold(left.Body[lrows[k]].Label)) != squeeze(fold(right.Body[i].Label)) {
			return nil, 0
		}
		rows[i] = lrows[k]
	}
	for i, r := range right.Body {
		if rows[i] < 0 && hasNumber(&r) {
			return nil, 0 // numbers without a label to place them by
		}
	}
	return rows, skip
}

// labelled is the indexes of t's body rows that have a label.
func labelled(t *Table) []int {
	var out []int
	for i := range t.Body {
		if t.Body[i].Label != "" {
			out = append(out, i)
		}
	}
	return out
}

// parts is the first column of each part of t after its own: those joined
// as page sets, or the right-hand part of facing pages.
func parts(t *Table) []int {
	if len(t.sets) == 0 && t.facing > 0 {
		return []int{t.facing}
	}
	return t.sets
}

// repeatsPart reports whether right's columns after its first skip have
// the header paths of one of left's parts: the first (after its label
// columns) or one joined already (the same table again, not more columns).
func repeatsPart(left, right *Table, skip int) bool {
	starts := append([]int{labelColumns(left)}, parts(left)...)
	for k, from := range starts {
		to := len(left.Columns)
		if k+1 < len(starts) {
			to = starts[k+1]
		}
		if to-from == len(right.Columns)-skip && slices.EqualFunc(left.Columns[from:to], right.Columns[skip:],
			func(a, b Column) bool { return slices.Equal(a.Path, b.Path) }) {
			return true
		}
	}
	return false
}

// joinSet appends right's columns after its first skip (the repeated
// labels) to left's; rows[k] is the row of left that right's row k
// continues.
func joinSet(left, right *Table, rows []int, skip int) {
	left.sets = append(parts(left), appendColumns(left, right, skip))
	fillRows(left, right, rows, skip, left.sets[len(left.sets)-1])
	adopt(left, right)
}

// nextBand reports whether b is the next band of rows of a, both joined
// from parts (page sets or facing pages) and b printed on the pages after
// a's: the same caption, unit, parts and column paths.
func nextBand(a, b *Table) bool {
	return len(a.sets) > 0 && len(b.Pages) > 0 && b.Pages[0] == a.Pages[len(a.Pages)-1]+1 && a.Title == b.Title &&
		a.Code == b.Code && a.Unit == b.Unit && slices.Equal(a.sets, parts(b)) && len(a.Columns) == len(b.Columns) &&
		slices.EqualFunc(a.Columns, b.Columns, func(x, y Column) bool { return slices.Equal(x.Path, y.Path) })
}
