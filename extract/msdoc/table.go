package msdoc

import (
	"fmt"
	"sort"

	"github.com/budgetdoc/budgetdoc/extract"
)

// snapTwips is how close two cell boundaries of different rows must be to
// count as the same grid line (≈0.5 mm); writers round widths differently
// from row to row.
const snapTwips = 30

// buildTable lays the rows out on a grid. The grid columns are the union
// of the cell boundaries (sprmTDefTable rgdxaCenter) of all rows, so a
// cell that spans several columns of other rows gets ColSpan > 1, and
// vertically merged cells (fVertMerge without fVertRestart) are folded into
// the cell above with RowSpan > 1. Rows without a usable definition are laid
// out one cell per column. Rows are padded to equal width.
func buildTable(rows []rawRow, maxCells int) (*extract.Table, error) {
	grid := gridLines(rows)
	extents := make([][][2]int, len(rows)) // per row, per cell: [first, end) grid columns
	width := 0
	for r, row := range rows {
		extents[r] = rowExtents(row, grid)
		for _, e := range extents[r] {
			width = max(width, e[1])
		}
	}
	if maxCells <= 0 {
		// The grid can grow with the square of the row count when every
		// row has its own boundaries: never build it unbounded.
		maxCells = extract.DefaultLimits.MaxCells
	}
	if width*len(rows) > maxCells {
		return nil, fmt.Errorf("%w: table of %d rows × %d columns exceeds %d cells", extract.ErrTooLarge, len(rows), width, maxCells)
	}
	t := &extract.Table{Rows: make([][]extract.Cell, len(rows))}
	// origin[r][c] is the row and column of the cell that owns grid position
	// (r, c).
	type pos struct{ r, c int }
	origin := make([][]pos, len(rows))
	for r, row := range rows {
		cells := make([]extract.Cell, width)
		origin[r] = make([]pos, width)
		for c := range cells {
			cells[c] = extract.Cell{RowSpan: 1, ColSpan: 1}
			origin[r][c] = pos{r, c}
		}
		t.Rows[r] = cells
		for k, e := range extents[r] {
			first, end := e[0], e[1]
			lines := row.cells[k]
			if vertMerged(row, k) && r > 0 {
				o := origin[r-1][first]
				oc := &t.Rows[o.r][o.c]
				if o.c == first && oc.ColSpan == end-first {
					oc.RowSpan = r - o.r + 1
					oc.Lines = append(oc.Lines, lines...)
					for c := first; c < end; c++ {
						cells[c] = extract.Cell{Covered: true}
						origin[r][c] = o
					}
					continue
				}
			}
			if hMerged(row, k) && k > 0 && extents[r][k-1][1] == first {
				// Old-style horizontal merge: widen the cell to the left.
				o := origin[r][first-1]
				oc := &t.Rows[o.r][o.c]
				if o.r == r {
					oc.ColSpan = end - o.c
					oc.Lines = append(oc.Lines, lines...)
					for c := first; c < end; c++ {
						cells[c] = extract.Cell{Covered: true}
						origin[r][c] = o
					}
					continue
				}
			}
			cells[first] = extract.Cell{Lines: lines, RowSpan: 1, ColSpan: end - first}
			for c := first + 1; c < end; c++ {
				cells[c] = extract.Cell{Covered: true}
				origin[r][c] = pos{r, first}
			}
		}
	}
	return t, nil
}

// vertMerged reports whether cell k of row continues the cell above.
func vertMerged(row rawRow, k int) bool {
	if row.tap == nil || k >= len(row.tap.cells) {
		return false
	}
	c := row.tap.cells[k]
	return c.vertMerge && !c.vertRestart
}

// hMerged reports whether cell k of row is merged into the cell to its
// left (TC80 fMerged, or sprmTMerge).
func hMerged(row rawRow, k int) bool {
	return row.tap != nil && k < len(row.tap.cells) && row.tap.cells[k].merged
}

// gridLines returns the sorted, snapped union of the boundaries of every
// row with a usable definition.
func gridLines(rows []rawRow) []int {
	var all []int
	for _, row := range rows {
		if usableBounds(row) {
			all = append(all, row.tap.bounds[:len(row.cells)+1]...)
		}
	}
	sort.Ints(all)
	var grid []int
	for _, x := range all {
		if len(grid) == 0 || x-grid[len(grid)-1] > snapTwips {
			grid = append(grid, x)
		}
	}
	return grid
}

// usableBounds reports whether the row's definition describes its cells:
// at least as many cells as marks and increasing boundaries.
func usableBounds(row rawRow) bool {
	if row.tap == nil || len(row.cells) == 0 || len(row.tap.bounds) < len(row.cells)+1 {
		return false
	}
	b := row.tap.bounds
	for i := 0; i < len(row.cells); i++ {
		if b[i+1] <= b[i] {
			return false
		}
	}
	return true
}

// rowExtents maps each cell of the row to grid columns.
func rowExtents(row rawRow, grid []int) [][2]int {
	ext := make([][2]int, len(row.cells))
	if usableBounds(row) {
		ok := true
		prevEnd := 0
		for k := range row.cells {
			first, end := nearest(grid, row.tap.bounds[k]), nearest(grid, row.tap.bounds[k+1])
			if end <= first || first < prevEnd {
				ok = false
				break
			}
			ext[k] = [2]int{first, end}
			prevEnd = end
		}
		if ok {
			return ext
		}
	}
	for k := range ext {
		ext[k] = [2]int{k, k + 1}
	}
	return ext
}

// nearest returns the index of the grid line closest to x.
func nearest(grid []int, x int) int {
	i := sort.SearchInts(grid, x)
	if i == len(grid) || (i > 0 && x-grid[i-1] < grid[i]-x) {
		i--
	}
	return max(i, 0)
}
