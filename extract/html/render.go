package html

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/budgetdoc/budgetdoc/extract"
)

// skipped elements are never rendered: code, styles, fallbacks for disabled
// scripting, inert templates, and the head (its <title> goes to Info).
var skipped = set("script", "style", "noscript", "template", "head", "title", "iframe", "noembed", "noframes",
	"object", "applet", "frameset")

// blockTags start and end a paragraph, like display:block in browsers.
var blockTags = set("address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
	"dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup",
	"hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "search", "section", "summary",
	"tbody", "td", "tfoot", "th", "thead", "tr", "ul")

// preTags keep their whitespace and line breaks.
var preTags = set("pre", "textarea", "listing", "xmp", "plaintext")

// renderer walks the node tree and produces blocks of lines, collapsing
// whitespace as a browser does.
type renderer struct {
	ctx    context.Context
	lim    extract.Limits
	blocks []extract.Block
	err    error
	visits int

	// the block being built
	lines   []extract.Line
	style   string // tag of the innermost block element when the block began
	heading int    // heading level while inside h1–h6

	// the line being built
	buf          strings.Builder
	bufLine      int  // source line where the line's text starts
	pendingSpace bool // collapsed whitespace waits for the next visible rune
	pendingBreak bool // … and it contained a source line break
	lastRune     rune
	// origins locate the runs of buf in the source: a new one starts
	// wherever the next character is not the source character after the
	// last one (a tag, collapsed white space or an entity between them).
	origins          []extract.Origin
	lastLine, endCol int // source position after the last character written
	spaceLine        int // where the pending space was (its first white-space character)
	spaceCol         int

	blockStack []string
	pre        int

	scope  *articleScope // the article of the page; nil renders the page whole
	inside int           // > 0 while rendering an article part
}

func newRenderer(ctx context.Context, lim extract.Limits) *renderer {
	return &renderer{ctx: ctx, lim: lim}
}

func (r *renderer) visitChildren(n *node) {
	for _, c := range n.children {
		if r.err != nil {
			return
		}
		r.visit(c)
	}
}

func (r *renderer) visit(n *node) {
	if r.visits++; r.visits&0x3ff == 0 {
		if err := r.ctx.Err(); err != nil {
			r.err = err
			return
		}
	}
	if r.scope != nil && r.inside == 0 && !r.scope.keeps(n) {
		r.templatesOnly(n, 0)
		return
	}
	if r.scope != nil && r.scope.parts[n] {
		r.inside++
		defer func() { r.inside-- }()
	}
	if n.tag == "" {
		for _, p := range n.pieces {
			r.addText(p)
		}
		return
	}
	switch {
	case skipped[n.tag] || r.scope != nil && r.scope.skip[n]:
	case n.tag == "br":
		r.lineBreak()
	case headings[n.tag]:
		r.endBlock()
		r.heading = int(n.tag[1] - '0')
		r.enterBlock(n)
		r.endBlock()
		r.heading = 0
	case n.tag == "table":
		r.table(n)
	case preTags[n.tag]:
		r.endBlock()
		r.pre++
		r.enterBlock(n)
		r.pre--
		r.endBlock()
	case blockTags[n.tag]:
		r.endBlock()
		r.enterBlock(n)
		r.endBlock()
	default: // inline
		r.visitChildren(n)
	}
}

// templatesOnly renders, each as a paragraph of its own, the text pieces
// of n's subtree that hold server-side template syntax (<%…%>, ${…}): they
// are kept from the page's navigation and furniture because a template
// left unrendered anywhere on the page is what the leftover check reports.
func (r *renderer) templatesOnly(n *node, depth int) {
	if n.tag != "" && skipped[n.tag] || depth > maxDepth {
		return
	}
	var text strings.Builder // pieces are cut at entities: &lt;% is <%
	for _, p := range n.pieces {
		text.WriteString(p.text)
	}
	if t := text.String(); strings.Contains(t, "<%") || strings.Contains(t, "${") {
		r.endBlock()
		for _, p := range n.pieces {
			r.addText(p)
		}
		r.endBlock()
	}
	for _, c := range n.children {
		r.templatesOnly(c, depth+1)
	}
}

func (r *renderer) enterBlock(n *node) {
	r.blockStack = append(r.blockStack, n.tag)
	r.visitChildren(n)
	r.blockStack = r.blockStack[:len(r.blockStack)-1]
}

func isCollapsible(c rune) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '\u00A0': // &nbsp; is a space here
		return true
	}
	return false
}

// isWide reports East Asian wide and full-width characters, between which a
// source line break disappears instead of becoming a space (CSS Text 3,
// segment break transformation): "服务对象满意\n度" reads "服务对象满意度".
func isWide(c rune) bool {
	if unicode.Is(unicode.Hangul, c) {
		return false
	}
	switch width.LookupRune(c).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

func (r *renderer) addText(p piece) {
	if r.pre > 0 {
		r.addPre(p)
		return
	}
	col := p.col
	for _, c := range p.text {
		at := col
		if !p.entity() {
			col++
		}
		if isCollapsible(c) {
			if r.buf.Len() > 0 {
				if !r.pendingSpace {
					r.spaceLine, r.spaceCol = p.line, at
				}
				r.pendingSpace = true
				r.pendingBreak = r.pendingBreak || c == '\n'
			}
			continue
		}
		if r.pendingSpace {
			if !(r.pendingBreak && isWide(r.lastRune) && isWide(c)) {
				r.writeAt(' ', r.spaceLine, r.spaceCol)
			}
			r.pendingSpace, r.pendingBreak = false, false
		}
		r.writeAt(c, p.line, at)
	}
}

// addPre adds preformatted text: every source line break is a line break.
func (r *renderer) addPre(p piece) {
	col := p.col
	for _, c := range p.text {
		at := col
		if !p.entity() {
			col++
		}
		switch c {
		case '\n':
			r.lineBreak()
		case '\r':
		default:
			if c == '\u00A0' {
				c = ' '
			}
			r.writeAt(c, p.line, at)
		}
	}
}

// writeAt adds c, the character at source line and (0-based) column col.
func (r *renderer) writeAt(c rune, line, col int) {
	if r.buf.Len() == 0 {
		r.bufLine = line
		r.origins = r.origins[:0]
		if len(r.lines) == 0 {
			r.style = ""
			if k := len(r.blockStack); k > 0 {
				r.style = r.blockStack[k-1]
			}
		}
	}
	if r.buf.Len() == 0 || line != r.lastLine || col != r.endCol {
		r.origins = append(r.origins, extract.Origin{Start: r.buf.Len(), Loc: extract.Loc{Page: 1, Line: line, Column: col + 1}})
	}
	r.lastLine, r.endCol = line, col+1
	r.buf.WriteRune(c)
	r.lastRune = c
}

// flushLine ends the current line; it reports whether there was one.
func (r *renderer) flushLine() bool {
	text := strings.TrimRight(r.buf.String(), " \t")
	r.buf.Reset()
	r.pendingSpace, r.pendingBreak = false, false
	if strings.TrimFunc(text, invisible) == "" {
		return false
	}
	line := extract.Line{Text: text, Loc: extract.Loc{Page: 1, Line: r.bufLine}}
	for _, o := range r.origins {
		if o.Start < len(text) {
			line.Origins = append(line.Origins, o)
		}
	}
	if len(line.Origins) > 0 {
		line.Loc.Column = line.Origins[0].Loc.Column
	}
	r.lines = append(r.lines, line)
	return true
}

// invisible reports runes that show nothing on their own (spaces and
// zero-width format characters such as the &zwj; of editor bookmarks).
func invisible(c rune) bool {
	return unicode.IsSpace(c) || unicode.Is(unicode.Cf, c)
}

// lineBreak handles <br>: it ends the line; a break on an empty line (two
// <br> in a row) ends the paragraph, as a blank line does in plain text.
func (r *renderer) lineBreak() {
	if !r.flushLine() && len(r.lines) > 0 {
		r.endBlock()
	}
}

func (r *renderer) endBlock() {
	r.flushLine()
	if len(r.lines) == 0 {
		return
	}
	b := extract.Block{Kind: extract.Paragraph, Style: r.style, Lines: r.lines}
	if r.heading > 0 {
		b.Kind, b.Level = extract.Heading, r.heading
	}
	r.blocks = append(r.blocks, b)
	r.lines = nil
}

// table renders a data table as a TableBlock. Layout tables — those that
// nest another table, or have a single column — are rendered as ordinary
// blocks: old government sites wrap whole pages in them, and the text they
// hold is running prose, not a grid.
func (r *renderer) table(n *node) {
	r.endBlock()
	if isLayoutTable(n) {
		r.enterBlock(n)
		r.endBlock()
		return
	}
	var rows [][]*node
	var stray []*node
	var collect func(n *node)
	collect = func(n *node) {
		for _, c := range n.children {
			switch c.tag {
			case "tr":
				var cells []*node
				for _, cc := range c.children {
					if cc.tag == "td" || cc.tag == "th" {
						cells = append(cells, cc)
					} else {
						stray = append(stray, cc)
					}
				}
				rows = append(rows, cells)
			case "thead", "tbody", "tfoot":
				collect(c)
			case "colgroup", "col":
			default:
				// caption and misplaced content: browsers show it
				// outside the grid.
				stray = append(stray, c)
			}
		}
	}
	collect(n)
	for _, s := range stray {
		r.visit(s)
	}
	r.endBlock()
	if len(rows) == 0 || r.err != nil {
		return
	}
	t, err := r.grid(rows)
	if err != nil {
		r.err = err
		return
	}
	if t != nil {
		r.blocks = append(r.blocks, extract.Block{Kind: extract.TableBlock, Style: "table", Table: t})
	}
}

func isLayoutTable(n *node) bool {
	maxCells := 0
	nested := false
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		for _, c := range n.children {
			switch c.tag {
			case "table":
				nested = true
			case "tr":
				k := 0
				for _, cc := range c.children {
					if cc.tag == "td" || cc.tag == "th" {
						k += span(cc.attr("colspan"), 1000)
						walk(cc, depth+1)
					}
				}
				maxCells = max(maxCells, k)
			default:
				walk(c, depth+1)
			}
		}
	}
	walk(n, 0)
	return nested || maxCells <= 1
}

// span parses a colspan/rowspan value; invalid or missing values are 1,
// "0" is returned as 0 (rowspan to the end of the table), large values are
// capped as browsers do.
func span(v string, limit int) int {
	v = strings.TrimSpace(v)
	if v == "" {
		return 1
	}
	// Browsers read the leading digits ("2px" is 2).
	end := 0
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(v[:end])
	if err != nil || n < 0 {
		if end > 0 {
			return limit // a huge number
		}
		return 1
	}
	return min(n, limit)
}

// grid lays out the cells, expanding colspan/rowspan into covered positions.
func (r *renderer) grid(rows [][]*node) (*extract.Table, error) {
	const (
		empty = iota
		origin
		covered
	)
	type spanned struct {
		cell extract.Cell
		r, c int
	}
	var (
		occ     [][]uint8 // per grid position: empty, origin or covered
		origins []spanned
		width   int
	)
	occ = make([][]uint8, len(rows))
	maxCells := r.lim.WithDefaults().MaxCells
	for ri, row := range rows {
		c := 0
		for _, cellNode := range row {
			for c < len(occ[ri]) && occ[ri][c] != empty {
				c++
			}
			cs := max(1, span(cellNode.attr("colspan"), 1000))
			rs := span(cellNode.attr("rowspan"), 65534)
			if rs == 0 || rs > len(rows)-ri {
				rs = len(rows) - ri
			}
			if (c+cs)*len(rows) > maxCells {
				return nil, fmt.Errorf("%w: table grid exceeds %d cells", extract.ErrTooLarge, maxCells)
			}
			for i := ri; i < ri+rs; i++ {
				for len(occ[i]) < c+cs {
					occ[i] = append(occ[i], empty)
				}
				for j := c; j < c+cs; j++ {
					occ[i][j] = covered
				}
			}
			occ[ri][c] = origin
			origins = append(origins, spanned{extract.Cell{Lines: r.cellLines(cellNode), RowSpan: rs, ColSpan: cs}, ri, c})
			width = max(width, c+cs)
			c += cs
			if r.err != nil {
				return nil, r.err
			}
		}
	}
	if width == 0 {
		return nil, nil
	}
	t := &extract.Table{Rows: make([][]extract.Cell, len(rows))}
	for i := range t.Rows {
		t.Rows[i] = make([]extract.Cell, width)
		for j := range t.Rows[i] {
			t.Rows[i][j] = extract.Cell{RowSpan: 1, ColSpan: 1}
			if j < len(occ[i]) && occ[i][j] == covered {
				t.Rows[i][j].Covered = true
			}
		}
	}
	for _, o := range origins {
		t.Rows[o.r][o.c] = o.cell
	}
	return t, nil
}

// cellLines renders a cell's content; its paragraphs become lines.
func (r *renderer) cellLines(n *node) []extract.Line {
	sub := newRenderer(r.ctx, r.lim)
	sub.visitChildren(n)
	sub.endBlock()
	if sub.err != nil {
		r.err = sub.err
	}
	var lines []extract.Line
	for _, b := range sub.blocks {
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for _, c := range row {
					lines = append(lines, c.Lines...)
				}
			}
			continue
		}
		lines = append(lines, b.Lines...)
	}
	return lines
}
