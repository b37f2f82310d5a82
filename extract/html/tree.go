package html

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"

	"github.com/budgetdoc/budgetdoc/extract"
)

// node is an element or a run of text in a light document tree. Unlike
// golang.org/x/net/html's parser, which drops token positions, the tree
// remembers the source line of every piece of text.
type node struct {
	tag      string // "" for text
	attrs    []xhtml.Attribute
	pieces   []piece // text nodes: the text split at source line breaks
	children []*node
}

// piece is text that starts on a given source line, at a given column
// (0-based, in characters of that line). Its text has entities decoded; a
// source line break it ends with is kept as "\n". Text is split at every
// entity, so that the characters of a piece other than an entity's are
// the source's own, one column each.
type piece struct {
	line, col int
	text      string
	ent       bool // one decoded entity
}

// entity reports whether p is one decoded entity (all its characters stand
// at its column).
func (p piece) entity() bool { return p.ent }

func (n *node) attr(key string) string {
	for _, a := range n.attrs {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// maxDepth bounds element nesting so that hostile input cannot exhaust the
// stack of the recursive renderer; deeper elements are flattened.
const maxDepth = 256

var voidTags = set("area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
	"input", "keygen", "link", "meta", "param", "source", "track", "wbr")

// headTags may appear in <head>; any other start tag (or visible text)
// implies the end of the head, as in browsers.
var headTags = set("base", "basefont", "bgsound", "link", "meta", "noframes", "noscript", "script", "style",
	"template", "title")

// closesP are the start tags that implicitly close an open <p>.
var closesP = set("address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
	"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
	"hr", "li", "dd", "dt", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "search", "section",
	"summary", "table", "ul", "xmp")

var headings = set("h1", "h2", "h3", "h4", "h5", "h6")

var tableParts = set("caption", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th")

func set(s ...string) map[string]bool {
	m := make(map[string]bool, len(s))
	for _, k := range s {
		m[k] = true
	}
	return m
}

// builder turns the token stream into a node tree, applying the few implied
// end tags that matter for text structure (p, li, dt/dd, table rows and
// cells, head) the way browsers do.
type builder struct {
	root     *node
	stack    []*node // open elements, root first
	line     int     // source line at the current position
	col      int     // characters of that line before the current position
	prevCR   bool    // the previous token ended in '\r'
	seenHead bool
	cells    int // table cells so far, for lim.MaxCells
	lim      extract.Limits
}

func parse(ctx context.Context, src string, lim extract.Limits) (*node, error) {
	b := &builder{root: &node{tag: "#root"}, line: 1, lim: lim}
	b.stack = []*node{b.root}
	z := xhtml.NewTokenizer(strings.NewReader(src))
	for i := 0; ; i++ {
		if i&0x3ff == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			if errors.Is(z.Err(), io.EOF) {
				return b.root, nil
			}
			return nil, fmt.Errorf("%w: %v", extract.ErrCorrupt, z.Err())
		}
		switch tt {
		case xhtml.TextToken:
			b.text(z.Raw()) // advances b.line itself
			continue
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			var attrs []xhtml.Attribute
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "colspan", "rowspan", "name", "content", "charset", "http-equiv":
					attrs = append(attrs, xhtml.Attribute{Key: string(k), Val: string(v)})
				}
			}
			if err := b.start(tag, attrs); err != nil {
				return nil, err
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			b.end(string(name))
		}
		b.advance(z.Raw())
	}
}

// advance moves the line counter over raw source bytes; "\r\n", "\r" and
// "\n" each end a line, also when "\r\n" is split between two tokens.
func (b *builder) advance(raw []byte) {
	for i, c := range raw {
		switch {
		case c == '\n':
			if !(i == 0 && b.prevCR) {
				b.line++
			}
			b.col = 0
		case c == '\r':
			if i+1 >= len(raw) || raw[i+1] != '\n' {
				b.line++
			}
			b.col = 0
		case c&0xC0 != 0x80: // the first byte of a character
			b.col++
		}
	}
	// A counted '\r' at the end makes a '\n' that starts the next token
	// its second half.
	b.prevCR = len(raw) > 0 && raw[len(raw)-1] == '\r'
}

// text adds a text token, split at source line breaks. Entities never
// contain line breaks, so each line can be unescaped on its own.
func (b *builder) text(raw []byte) {
	cur := b.top()
	start := 0
	flush := func(end int, brk bool) {
		for _, p := range linePieces(string(raw[start:end]), b.line, b.col) {
			b.addText(cur, p)
		}
		b.col += utf8.RuneCount(raw[start:end])
		if brk {
			b.addText(cur, piece{line: b.line, col: b.col, text: "\n"})
		}
	}
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '\n':
			if i == 0 && b.prevCR {
				start = 1
				continue
			}
			flush(i, true)
			b.line++
			b.col = 0
			start = i + 1
		case '\r':
			flush(i, true)
			b.line++
			b.col = 0
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	flush(len(raw), false)
	b.prevCR = len(raw) > 0 && raw[len(raw)-1] == '\r'
}

// linePieces splits the raw text of one source line, starting at column
// col, into pieces: runs of the source's own characters and single
// entities, decoded.
func linePieces(raw string, line, col int) []piece {
	var out []piece
	add := func(s string, at int, ent bool) {
		if s = strings.ReplaceAll(s, "\x00", "\uFFFD"); s != "" {
			out = append(out, piece{line: line, col: at, text: s, ent: ent})
		}
	}
	for raw != "" {
		amp := strings.IndexByte(raw, '&')
		if amp < 0 {
			add(raw, col, false)
			break
		}
		add(raw[:amp], col, false)
		col += utf8.RuneCountInString(raw[:amp])
		end := amp + 1
		for end < len(raw) && (isAlnum(raw[end]) || raw[end] == '#') {
			end++
		}
		if end < len(raw) && raw[end] == ';' {
			end++
		}
		add(xhtml.UnescapeString(raw[amp:end]), col, true)
		col += utf8.RuneCountInString(raw[amp:end])
		raw = raw[end:]
	}
	return out
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (b *builder) addText(parent *node, p piece) {
	if b.isOpen("head") && strings.TrimLeft(p.text, " \t\n\f\r") != "" && parent.tag == "head" {
		// Visible text ends the head, as in browsers.
		b.popTo("head")
		parent = b.top()
	}
	if k := len(parent.children); k > 0 && parent.children[k-1].tag == "" {
		last := parent.children[k-1]
		last.pieces = append(last.pieces, p)
		return
	}
	parent.children = append(parent.children, &node{pieces: []piece{p}})
}

func (b *builder) top() *node { return b.stack[len(b.stack)-1] }

func (b *builder) push(n *node) {
	b.top().children = append(b.top().children, n)
	if len(b.stack) < maxDepth {
		b.stack = append(b.stack, n)
	}
}

func (b *builder) start(tag string, attrs []xhtml.Attribute) error {
	if tag == "image" {
		tag = "img"
	}
	if b.isOpen("head") && !headTags[tag] {
		b.popTo("head")
	}
	switch tag {
	case "html", "body", "frameset":
		return nil // the root stands for them
	case "head":
		if b.seenHead {
			return nil
		}
		b.seenHead = true
	case "td", "th":
		b.cells++
		if b.lim.MaxCells > 0 && b.cells > b.lim.MaxCells {
			return fmt.Errorf("%w: more than %d table cells", extract.ErrTooLarge, b.lim.MaxCells)
		}
	}
	b.implyEnds(tag)
	n := &node{tag: tag, attrs: attrs}
	if voidTags[tag] {
		b.top().children = append(b.top().children, n)
		return nil
	}
	b.push(n)
	return nil
}

// implyEnds closes the elements that a start tag ends implicitly.
func (b *builder) implyEnds(tag string) {
	switch {
	case tag == "li":
		b.closeIfOpen("li", "ul", "ol")
	case tag == "dd" || tag == "dt":
		b.closeIfOpen("dd", "dl")
		b.closeIfOpen("dt", "dl")
	case tag == "tr":
		b.closeInTable("td", "th", "tr")
	case tag == "td" || tag == "th":
		b.closeInTable("td", "th")
		if !b.openInTable("tr") {
			b.push(&node{tag: "tr"}) // a cell outside any row starts one
		}
	case tag == "thead" || tag == "tbody" || tag == "tfoot":
		b.closeInTable("td", "th", "tr", "thead", "tbody", "tfoot")
	case tag == "option":
		if b.top().tag == "option" {
			b.stack = b.stack[:len(b.stack)-1]
		}
	case headings[tag]:
		if headings[b.top().tag] {
			b.stack = b.stack[:len(b.stack)-1]
		}
	}
	if closesP[tag] {
		b.closeIfOpen("p", "button")
	}
}

// scopeStop are elements that an implied or explicit end tag does not reach
// across: closing a <div> inside a table cell must not close a <div> that
// encloses the table.
func scopeStop(tag string) bool {
	switch tag {
	case "table", "td", "th", "caption", "template", "#root":
		return true
	}
	return false
}

// tableScopeStop bounds the end tags of table parts (</tr>, </td> …).
func tableScopeStop(tag string) bool {
	return tag == "table" || tag == "template" || tag == "#root"
}

// closeIfOpen closes the innermost open element named tag unless one of
// extraStops or a scope boundary comes first.
func (b *builder) closeIfOpen(tag string, extraStops ...string) {
	for i := len(b.stack) - 1; i > 0; i-- {
		t := b.stack[i].tag
		if t == tag {
			b.stack = b.stack[:i]
			return
		}
		if scopeStop(t) {
			return
		}
		for _, s := range extraStops {
			if t == s {
				return
			}
		}
	}
}

// closeInTable closes, in order, the innermost open element of each name
// inside the current table (an unclosed <td> before the next <tr>).
func (b *builder) closeInTable(tags ...string) {
	for _, tag := range tags {
		for i := len(b.stack) - 1; i > 0; i-- {
			t := b.stack[i].tag
			if t == tag {
				b.stack = b.stack[:i]
				break
			}
			if t == "table" || t == "template" {
				break
			}
		}
	}
}

func (b *builder) openInTable(tag string) bool {
	for i := len(b.stack) - 1; i > 0; i-- {
		switch b.stack[i].tag {
		case tag:
			return true
		case "table", "template":
			return false
		}
	}
	return false
}

func (b *builder) isOpen(tag string) bool {
	for i := len(b.stack) - 1; i > 0; i-- {
		if b.stack[i].tag == tag {
			return true
		}
	}
	return false
}

func (b *builder) popTo(tag string) {
	for i := len(b.stack) - 1; i > 0; i-- {
		if b.stack[i].tag == tag {
			b.stack = b.stack[:i]
			return
		}
	}
}

func (b *builder) end(tag string) {
	switch tag {
	case "br":
		// Browsers treat </br> as <br>.
		b.top().children = append(b.top().children, &node{tag: "br"})
		return
	case "html", "body":
		return
	case "table":
		for i := len(b.stack) - 1; i > 0; i-- {
			switch b.stack[i].tag {
			case "table":
				b.stack = b.stack[:i]
				return
			case "template":
				return
			}
		}
		return
	}
	stops := scopeStop
	if tableParts[tag] {
		stops = tableScopeStop
	}
	for i := len(b.stack) - 1; i > 0; i-- {
		t := b.stack[i].tag
		if t == tag {
			b.stack = b.stack[:i]
			return
		}
		if stops(t) || (tag == "li" && (t == "ul" || t == "ol")) {
			break
		}
	}
	if tag == "p" {
		// A stray </p> makes an empty paragraph in browsers: a break.
		b.top().children = append(b.top().children, &node{tag: "p"})
	}
}
