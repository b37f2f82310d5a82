// Package extract holds the Document model that every reader produces, and the
// stages that turn a Document into facts. Readers live in sub-packages
// (extract/pdf, extract/docx, extract/msdoc, extract/html, extract/xlsx,
// extract/plain); extract/read sniffs the format and dispatches to them.
//
// A Document is deliberately format-neutral: pages hold ordered blocks
// (paragraphs, headings, tables) and every line of text carries its location
// (page, line and, for PDF, a bounding box), so that every figure the tool
// reports can be traced back to the page it came from.
package extract

import "github.com/budgetdoc/budgetdoc/schema"

// Format names the file format a Document was read from.
type Format string

// The formats budgetdoc reads. The values appear in the JSON contract
// (source.format) and must not change.
const (
	FormatPDF       Format = "pdf"
	FormatDOCX      Format = "docx"
	FormatDOC       Format = "doc"
	FormatText      Format = "text"
	FormatHTML      Format = "html"
	FormatXLSX      Format = "xlsx"
	FormatXLS       Format = "xls"        // Excel 97–2003 (BIFF8)
	FormatPagesJSON Format = "pages-json" // a JSON list of {page, text}
)

// Document is the result of reading one file.
type Document struct {
	Format Format
	Pages  []Page
	// Furniture holds text that a format marks as outside the body —
	// DOCX/DOC headers and footers — kept apart so that running text does not
	// leak into facts, yet remains available to checks.
	Furniture []Block
	// Info holds format-level metadata (PDF Info dictionary, DOCX core
	// properties: "Title", "Author", "Creator", "Producer" …) when present.
	Info map[string]string
	// Warnings are non-fatal problems met while reading (an unreadable page,
	// a truncated stream); the document is still usable.
	Warnings []string
}

// TextBytes returns the bytes of text in the document: every line of the
// pages and the furniture, table cells included.
func (d *Document) TextBytes() int64 {
	var n int64
	blocks := func(bs []Block) {
		for i := range bs {
			for _, l := range bs[i].Lines {
				n += int64(len(l.Text))
			}
			if t := bs[i].Table; t != nil {
				for _, row := range t.Rows {
					for _, c := range row {
						for _, l := range c.Lines {
							n += int64(len(l.Text))
						}
					}
				}
			}
		}
	}
	for i := range d.Pages {
		blocks(d.Pages[i].Blocks)
	}
	blocks(d.Furniture)
	return n
}

// Page is one page of a Document. Formats without pagination (plain text,
// HTML) produce a single page; DOCX splits at explicit and last-rendered page
// breaks; XLSX makes one page per sheet.
type Page struct {
	Number int // 1-based
	// Width and Height in PDF points for PDF pages, zero otherwise.
	Width, Height float64
	// Name is the sheet name for XLSX, empty otherwise.
	Name   string
	Blocks []Block
}

// BlockKind says what a Block is.
type BlockKind int

const (
	Paragraph BlockKind = iota
	Heading
	TableBlock
)

func (k BlockKind) String() string {
	switch k {
	case Heading:
		return "heading"
	case TableBlock:
		return "table"
	default:
		return "paragraph"
	}
}

// Block is a paragraph, heading or table in reading order.
type Block struct {
	Kind BlockKind
	// Style is the format's own style name when it has one (DOCX style id,
	// HTML tag name); Level is the heading level (1 = top) when the format
	// states it, 0 otherwise.
	Style string
	Level int
	// Numbering is list numbering that the format generates rather than
	// stores in the text (DOCX w:numPr rendered as "一、", "1." …); empty when
	// the number is part of the text itself.
	Numbering string
	// Column numbers the text column the block was read from on a page set
	// in several columns of prose (1 = leftmost); 0 when the block spans
	// the page's width, as on every page set in one column.
	Column int
	// Lines of a paragraph or heading, in order. Empty for tables.
	Lines []Line
	// Table is set when Kind == TableBlock.
	Table *Table
}

// Text returns the block's lines joined by newlines (tables: rows by
// newlines, cells by tabs).
func (b *Block) Text() string {
	if b.Table != nil {
		return b.Table.Text()
	}
	return joinLines(b.Lines)
}

// Line is one physical line of text with its provenance.
type Line struct {
	Text string
	Loc  Loc
	// Spans mark parts of Text with a special origin, such as the result of a
	// Word field (MERGEFIELD, PAGEREF, TOC …).
	Spans []Span
	// Origins locate runs of Text more finely than Loc, for sources whose
	// lines hold many items (HTML): Text[o.Start:], up to the next origin,
	// begins at o.Loc, each character one column after the one before.
	// Empty when Loc says all.
	Origins []Origin
}

// Origin is where a run of a Line's Text begins in the source: Start is a
// byte offset into the Line's Text.
type Origin struct {
	Start int
	Loc   Loc
}

// Loc locates text in the source: 1-based page and line (for plain text,
// the physical line of the file) and, for PDF, a bounding box. It is the
// contract's location type.
type Loc = schema.Loc

// BBox is a bounding box in PDF points, origin at the top-left corner of the
// page, y growing downwards: [x0, top, x1, bottom].
type BBox = schema.BBox

// SpanKind says what a Span marks.
type SpanKind int

const (
	// FieldSpan marks a word-processor field: Instr holds its instruction
	// ("MERGEFIELD 单位名称", "PAGEREF _Toc123 \h") and Text[Start:End] the
	// displayed result (possibly empty).
	FieldSpan SpanKind = iota + 1
)

// Span marks the byte range [Start, End) of a Line's Text.
type Span struct {
	Kind       SpanKind
	Start, End int
	Instr      string
}

// Table is a grid of cells. Rows are padded so that every row has the same
// number of cells: a merged cell appears once as the origin (with RowSpan or
// ColSpan > 1) and its other grid positions hold cells with Covered set.
type Table struct {
	Rows [][]Cell
}

// Cell is one table cell.
type Cell struct {
	Lines            []Line
	RowSpan, ColSpan int // 1 for an ordinary cell
	// Covered marks a grid position covered by a merged cell that starts
	// above or to the left of it; such a cell has no Lines.
	Covered bool
	// Hidden marks a spreadsheet cell that is not shown: in a hidden row,
	// column or sheet, or outside the sheet's print area. It is kept for
	// inspection but is not data.
	Hidden bool
}

// Text returns the cell's lines joined by newlines.
func (c *Cell) Text() string { return joinLines(c.Lines) }

// Text renders the table as tab-separated rows.
func (t *Table) Text() string {
	var n int
	for _, r := range t.Rows {
		for _, c := range r {
			for _, l := range c.Lines {
				n += len(l.Text) + 1
			}
		}
	}
	buf := make([]byte, 0, n)
	for i, r := range t.Rows {
		if i > 0 {
			buf = append(buf, '\n')
		}
		for j, c := range r {
			if j > 0 {
				buf = append(buf, '\t')
			}
			for k, l := range c.Lines {
				if k > 0 {
					buf = append(buf, ' ')
				}
				buf = append(buf, l.Text...)
			}
		}
	}
	return string(buf)
}

func joinLines(ls []Line) string {
	switch len(ls) {
	case 0:
		return ""
	case 1:
		return ls[0].Text
	}
	n := len(ls) - 1
	for _, l := range ls {
		n += len(l.Text)
	}
	buf := make([]byte, 0, n)
	for i, l := range ls {
		if i > 0 {
			buf = append(buf, '\n')
		}
		buf = append(buf, l.Text...)
	}
	return string(buf)
}

// Lines returns the page's lines in the order Number numbers them: each
// block's lines, a table's cells row by row.
func (p *Page) Lines() []Line {
	var out []Line
	for _, b := range p.Blocks {
		out = append(out, b.Lines...)
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for _, c := range row {
					out = append(out, c.Lines...)
				}
			}
		}
	}
	return out
}

// Number assigns page numbers and 1-based line numbers in reading order to
// every line of the document that does not have them yet (Loc.Line == 0),
// including the lines of table cells (row by row, cell by cell). Readers
// without physical line positions call it once after building the pages.
func (d *Document) Number() {
	for i := range d.Pages {
		p := &d.Pages[i]
		if p.Number == 0 {
			p.Number = i + 1
		}
		n := 0
		visit := func(ls []Line) {
			for k := range ls {
				if ls[k].Loc.Line == 0 {
					n++
					ls[k].Loc.Page = p.Number
					ls[k].Loc.Line = n
				} else if ls[k].Loc.Line > n {
					n = ls[k].Loc.Line
				}
			}
		}
		for b := range p.Blocks {
			blk := &p.Blocks[b]
			visit(blk.Lines)
			if blk.Table != nil {
				for _, row := range blk.Table.Rows {
					for c := range row {
						visit(row[c].Lines)
					}
				}
			}
		}
	}
}
