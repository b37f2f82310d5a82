// Package sheet turns the cells of one spreadsheet sheet — displayed
// values, merged ranges, hidden rows and columns, the print area — into
// an extract.Table, the same way for every workbook format (xlsx, xls).
package sheet

import (
	"fmt"
	"strings"

	"github.com/budgetdoc/budgetdoc/extract"
)

// Range is a rectangle of cells, 0-based and inclusive.
type Range struct{ R0, C0, R1, C1 int }

func (r Range) has(row, col int) bool {
	return row >= r.R0 && row <= r.R1 && col >= r.C0 && col <= r.C1
}

// Sheet is what a reader found in one sheet.
type Sheet struct {
	Values     [][]string // displayed values, row by row
	Merges     []Range
	HiddenRows map[int]bool
	HiddenCols map[int]bool
	Hidden     bool    // the whole sheet is hidden
	PrintArea  []Range // empty: the whole sheet prints
}

// hidden reports whether cell (r, c) is not shown.
func (s *Sheet) hidden(r, c int) bool {
	if s.Hidden || s.HiddenRows[r] || s.HiddenCols[c] {
		return true
	}
	if len(s.PrintArea) == 0 {
		return false
	}
	for _, a := range s.PrintArea {
		if a.has(r, c) {
			return false
		}
	}
	return true
}

// Table builds the sheet's table; page numbers its lines. It returns a nil
// table for an empty sheet, and a warning for ranges it had to drop.
func (s *Sheet) Table(name string, page, maxCells int) (*extract.Table, string, error) {
	height, width := 0, 0
	for r, row := range s.Values {
		for len(row) > 0 && row[len(row)-1] == "" {
			row = row[:len(row)-1]
		}
		s.Values[r] = row
		if len(row) > 0 {
			height = r + 1
			width = max(width, len(row))
		}
	}
	if height == 0 {
		return nil, "", nil
	}
	var warn string
	// Let the grid take in merged ranges that start inside it (a label
	// merged down over an empty row), unless that would blow the cell
	// limit; then they are clipped.
	gh, gw := height, width
	for _, m := range s.Merges {
		if m.R0 < height && m.C0 < width {
			gh, gw = max(gh, m.R1+1), max(gw, m.C1+1)
		}
	}
	if gh*gw <= maxCells {
		height, width = gh, gw
	} else {
		warn = fmt.Sprintf("sheet %q: merged ranges beyond the data clipped", name)
	}
	if height*width > maxCells {
		return nil, "", fmt.Errorf("%w: sheet %q grid is %d×%d cells, limit %d", extract.ErrTooLarge, name, height, width, maxCells)
	}
	t := &extract.Table{Rows: make([][]extract.Cell, height)}
	for r := range t.Rows {
		t.Rows[r] = make([]extract.Cell, width)
		for c := range t.Rows[r] {
			cell := extract.Cell{RowSpan: 1, ColSpan: 1, Hidden: s.hidden(r, c)}
			if r < len(s.Values) && c < len(s.Values[r]) {
				cell.Lines = cellLines(s.Values[r][c], page, r+1)
			}
			t.Rows[r][c] = cell
		}
	}
	if n := applyMerges(t, s.Merges); n > 0 && warn == "" {
		warn = fmt.Sprintf("sheet %q: %d overlapping merged ranges ignored", name, n)
	}
	return t, warn, nil
}

// cellLines splits a cell value at its line breaks (Alt+Enter); every line
// is located at the cell's row.
func cellLines(v string, page, row int) []extract.Line {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	v = strings.ReplaceAll(strings.ReplaceAll(v, "\r\n", "\n"), "\r", "\n")
	var lines []extract.Line
	for _, s := range strings.Split(v, "\n") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		lines = append(lines, extract.Line{Text: s, Loc: extract.Loc{Page: page, Line: row}})
	}
	return lines
}

// applyMerges marks merged ranges in the grid: the top-left cell gets the
// spans, the others Covered. Ranges are clipped to the grid. Overlapping
// ranges (invalid, but written by some tools) keep the first; it returns
// how many were dropped.
func applyMerges(t *extract.Table, merges []Range) (overlapping int) {
	height, width := len(t.Rows), len(t.Rows[0])
	for _, m := range merges {
		r0, c0 := m.R0, m.C0
		r1, c1 := min(m.R1, height-1), min(m.C1, width-1)
		if r0 < 0 || c0 < 0 || r0 >= height || c0 >= width || r1 < r0 || c1 < c0 || (r0 == r1 && c0 == c1) {
			continue
		}
		if overlaps(t, r0, c0, r1, c1) {
			overlapping++
			continue
		}
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				if r == r0 && c == c0 {
					continue
				}
				t.Rows[r][c] = extract.Cell{RowSpan: 1, ColSpan: 1, Covered: true, Hidden: t.Rows[r][c].Hidden}
			}
		}
		t.Rows[r0][c0].RowSpan = r1 - r0 + 1
		t.Rows[r0][c0].ColSpan = c1 - c0 + 1
	}
	return overlapping
}

func overlaps(t *extract.Table, r0, c0, r1, c1 int) bool {
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			cell := t.Rows[r][c]
			if cell.Covered || cell.RowSpan > 1 || cell.ColSpan > 1 {
				return true
			}
		}
	}
	return false
}

// AddPage appends a sheet's page to doc: its table (none for an empty
// sheet) and the warning of building it.
func AddPage(doc *extract.Document, page extract.Page, t *extract.Table, warn string) {
	if warn != "" {
		doc.Warnings = append(doc.Warnings, warn)
	}
	if t != nil {
		page.Blocks = []extract.Block{{Kind: extract.TableBlock, Style: "sheet", Table: t}}
	}
	doc.Pages = append(doc.Pages, page)
}

// Done returns doc, or an error when the workbook had no sheet.
func Done(doc *extract.Document) (*extract.Document, error) {
	if len(doc.Pages) == 0 {
		return nil, fmt.Errorf("%w: workbook has no sheets", extract.ErrEmpty)
	}
	return doc, nil
}
