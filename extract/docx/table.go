package docx

import (
	"fmt"
	"strings"

	"github.com/budgetdoc/budgetdoc/extract"
)

// maxSpan clamps w:gridSpan, w:gridBefore and w:gridAfter; Word allows 63
// columns, hostile files could ask for billions.
const maxSpan = 1000

type vmerge int

const (
	noMerge vmerge = iota
	mergeRestart
	mergeContinue
)

type rawCell struct {
	lines []extract.Line
	span  int
	vm    vmerge
	hCont bool // legacy w:hMerge continue: belongs to the cell on its left
}

type rawRow struct {
	cells         []rawCell
	before, after int
	deleted       bool
	pageBreak     bool // a page break falls inside the row: it starts a new page
	notes         []noteRef
}

type tableState struct {
	gridCols int
	style    string
	rows     []rawRow
}

// table reads a w:tbl. Rows that contain a page break start a new table
// fragment on the next page, so that every cell keeps its true page.
func (p *parser) table(st *story, out *[]item) error {
	t := &tableState{}
	var visit func(se xmlStart) error
	visit = func(se xmlStart) error {
		if isMC(se.Name) {
			return p.alternate(se, visit)
		}
		if !isW(se.Name) {
			return p.children(visit)
		}
		switch se.Name.Local {
		case "tblGrid":
			return p.children(func(c xmlStart) error {
				if isW(c.Name) && c.Name.Local == "gridCol" {
					t.gridCols++
				}
				return p.skip()
			})
		case "tblPr":
			return p.children(func(c xmlStart) error {
				if isW(c.Name) && c.Name.Local == "tblStyle" {
					t.style = attr(c, "val")
				}
				return p.skip()
			})
		case "tr":
			row, err := p.row(st)
			if !row.deleted {
				t.rows = append(t.rows, row)
			}
			return err
		}
		if skipped[se.Name.Local] {
			return p.skip()
		}
		return p.children(visit) // w:sdt, w:customXml, w:ins around rows
	}
	if err := p.children(visit); err != nil {
		return err
	}
	if len(t.rows) == 0 {
		return nil
	}
	t.gridCols = min(t.gridCols, maxSpan)
	start := 0
	for r := 0; r <= len(t.rows); r++ {
		if r < len(t.rows) && (!t.rows[r].pageBreak || r == 0) {
			continue
		}
		if t.rows[start].pageBreak || start > 0 {
			*out = append(*out, item{kind: pageBreakItem})
		}
		tbl, err := buildGrid(t.rows[start:r], t.gridCols, p.lim.MaxCells)
		if err != nil {
			return fmt.Errorf("%w: %s", err, p.part)
		}
		if tbl != nil {
			var notes []noteRef
			for _, row := range t.rows[start:r] {
				notes = append(notes, row.notes...)
			}
			*out = append(*out, item{kind: blockItem, notes: notes,
				block: extract.Block{Kind: extract.TableBlock, Style: t.style, Table: tbl}})
		}
		start = r
	}
	return nil
}

func (p *parser) row(st *story) (rawRow, error) {
	var row rawRow
	var visit func(se xmlStart) error
	visit = func(se xmlStart) error {
		if isMC(se.Name) {
			return p.alternate(se, visit)
		}
		if !isW(se.Name) {
			return p.children(visit)
		}
		switch se.Name.Local {
		case "trPr":
			return p.children(func(c xmlStart) error {
				if isW(c.Name) {
					switch c.Name.Local {
					case "gridBefore":
						row.before = clampSpan(atoi(attr(c, "val"), 0), 0)
					case "gridAfter":
						row.after = clampSpan(atoi(attr(c, "val"), 0), 0)
					case "del":
						row.deleted = true
					}
				}
				return p.skip()
			})
		case "tc":
			return p.cell(st, &row)
		}
		if skipped[se.Name.Local] {
			return p.skip()
		}
		return p.children(visit)
	}
	err := p.children(visit)
	return row, err
}

func clampSpan(n, lo int) int { return max(lo, min(n, maxSpan)) }

func (p *parser) cell(st *story, row *rawRow) error {
	c := rawCell{span: 1}
	var items []item
	err := p.children(func(se xmlStart) error {
		if isW(se.Name) && se.Name.Local == "tcPr" {
			return p.children(func(pr xmlStart) error {
				if isW(pr.Name) {
					switch pr.Name.Local {
					case "gridSpan":
						c.span = clampSpan(atoi(attr(pr, "val"), 1), 1)
					case "vMerge":
						c.vm = mergeContinue // no val means continue
						if attr(pr, "val") == "restart" {
							c.vm = mergeRestart
						}
					case "hMerge":
						c.hCont = attr(pr, "val") != "restart"
					}
				}
				return p.skip()
			})
		}
		return p.blockElem(st, se, &items)
	})
	var brk bool
	var notes []noteRef
	c.lines, brk, notes = flattenItems(items)
	row.pageBreak = row.pageBreak || brk
	row.notes = append(row.notes, notes...)
	if n := len(row.cells); c.hCont && n > 0 {
		prev := &row.cells[n-1]
		prev.span = clampSpan(prev.span+c.span, 1)
		prev.lines = append(prev.lines, c.lines...)
		return err
	}
	row.cells = append(row.cells, c)
	return err
}

// flattenItems turns the blocks of a table cell into lines. List numbers
// are written in front of the text (a cell has no Numbering of its own), and
// nested tables become one line per row, cells separated by tabs.
func flattenItems(items []item) (lines []extract.Line, pageBreak bool, notes []noteRef) {
	for _, it := range items {
		switch it.kind {
		case pageBreakItem:
			pageBreak = true
		case blockItem:
			notes = append(notes, it.notes...)
			b := it.block
			if b.Table != nil {
				lines = append(lines, tableLines(b.Table)...)
				continue
			}
			for i, l := range b.Lines {
				if i == 0 && b.Numbering != "" {
					l = prefixLine(b.Numbering, l)
				}
				lines = append(lines, l)
			}
		}
	}
	return lines, pageBreak, notes
}

func prefixLine(prefix string, l extract.Line) extract.Line {
	out := extract.Line{Text: prefix + l.Text}
	for _, s := range l.Spans {
		s.Start += len(prefix)
		s.End += len(prefix)
		out.Spans = append(out.Spans, s)
	}
	return out
}

// tableLines renders a nested table as lines: one per row, its cells joined
// by tabs and a cell's own lines by spaces; covered positions are left out.
func tableLines(t *extract.Table) []extract.Line {
	var out []extract.Line
	for _, row := range t.Rows {
		var b strings.Builder
		var spans []extract.Span
		first := true
		for _, c := range row {
			if c.Covered {
				continue
			}
			if !first {
				b.WriteByte('\t')
			}
			first = false
			for k, l := range c.Lines {
				if k > 0 {
					b.WriteByte(' ')
				}
				off := b.Len()
				b.WriteString(l.Text)
				for _, s := range l.Spans {
					s.Start += off
					s.End += off
					spans = append(spans, s)
				}
			}
		}
		l := extract.Line{Text: b.String(), Spans: spans}
		if !blankLine(l) {
			out = append(out, l)
		}
	}
	return out
}

// buildGrid pads the rows to one width and resolves merges: a w:gridSpan
// cell is an origin with ColSpan n followed by covered positions; a
// w:vMerge continue cell is covered and extends the RowSpan of the origin
// above it. Positions left empty by w:gridBefore, w:gridAfter or short rows
// are ordinary empty cells.
func buildGrid(rows []rawRow, gridCols, maxCells int) (*extract.Table, error) {
	width := gridCols
	for _, r := range rows {
		w := r.before + r.after
		for _, c := range r.cells {
			w += c.span
		}
		width = max(width, w)
	}
	if width == 0 {
		return nil, nil
	}
	if width > maxCells || len(rows) > maxCells/width {
		return nil, fmt.Errorf("%w: table of %d rows × %d columns exceeds %d cells", extract.ErrTooLarge, len(rows), width, maxCells)
	}
	t := &extract.Table{Rows: make([][]extract.Cell, len(rows))}
	owner := make([][]int, len(rows)) // grid position → r*width+c of its origin, -1 for none
	for r, row := range rows {
		cells := make([]extract.Cell, width)
		own := make([]int, width)
		for c := range cells {
			cells[c] = extract.Cell{RowSpan: 1, ColSpan: 1}
			own[c] = -1
		}
		col := row.before
		for _, rc := range row.cells {
			if col >= width {
				break
			}
			span := min(rc.span, width-col)
			if rc.vm == mergeContinue && r > 0 && owner[r-1][col] >= 0 {
				o := owner[r-1][col]
				origin := &t.Rows[o/width][o%width]
				origin.RowSpan = max(origin.RowSpan, r-o/width+1)
				// Text in a continuation cell is not lost: it joins the origin.
				for _, l := range rc.lines {
					if !blankLine(l) {
						origin.Lines = append(origin.Lines, l)
					}
				}
				for k := col; k < col+span; k++ {
					cells[k] = extract.Cell{RowSpan: 1, ColSpan: 1, Covered: true}
					own[k] = o
				}
			} else {
				cells[col] = extract.Cell{Lines: rc.lines, RowSpan: 1, ColSpan: span}
				for k := col; k < col+span; k++ {
					if k > col {
						cells[k] = extract.Cell{RowSpan: 1, ColSpan: 1, Covered: true}
					}
					own[k] = r*width + col
				}
			}
			col += span
		}
		t.Rows[r], owner[r] = cells, own
	}
	return t, nil
}
