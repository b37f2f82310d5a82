package docx

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/budgetdoc/budgetdoc/extract"
)

type xmlStart = xml.StartElement

// Namespaces. Element names are matched by local name once the namespace is
// known to be WordprocessingML (transitional or strict).
const (
	nsW          = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict    = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC         = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsMath       = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsMathStrict = "http://purl.oclc.org/ooxml/officeDocument/math"
)

// isW reports a WordprocessingML element. "w" is accepted for parts that use
// the prefix without declaring it (the decoder then leaves the prefix).
func isW(n xml.Name) bool  { return n.Space == nsW || n.Space == nsWStrict || n.Space == "w" }
func isMC(n xml.Name) bool { return n.Space == nsMC || n.Space == "mc" }
func isMath(n xml.Name) bool {
	return n.Space == nsMath || n.Space == nsMathStrict || n.Space == "m"
}

// maxDepth bounds element nesting that the walkers recurse into; real
// documents stay far below it, hostile ones would otherwise grow the stack.
const maxDepth = 256

// parser walks the token stream of one XML part.
type parser struct {
	ctx      context.Context
	dec      *xml.Decoder
	part     string
	lim      extract.Limits
	tokens   int
	charData int64 // bytes of character data read, against Limits.MaxText
	depth    int
	defs     *defs
	sections []string // w:type of each w:sectPr met in the body, in order
	warn     []string
}

func newParser(ctx context.Context, r io.Reader, part string, lim extract.Limits) *parser {
	dec := xml.NewDecoder(r)
	dec.Strict = false // tolerate the small mistakes some writers make; tokens stay balanced
	dec.CharsetReader = charset.NewReaderLabel
	return &parser{ctx: ctx, dec: dec, part: part, lim: lim}
}

// classify turns a walker error into one that wraps an extract sentinel.
func (p *parser) classify(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, extract.ErrTooLarge), errors.Is(err, extract.ErrTimeout),
		errors.Is(err, extract.ErrCorrupt), errors.Is(err, extract.ErrUnsupported):
		return err
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: %s ends early", extract.ErrCorrupt, p.part)
	default:
		return fmt.Errorf("%w: %s: %v", extract.ErrCorrupt, p.part, err)
	}
}

func (p *parser) token() (xml.Token, error) {
	p.tokens++
	if p.tokens&1023 == 0 {
		if err := p.ctx.Err(); err != nil {
			return nil, fmt.Errorf("%w (%w)", extract.ErrTimeout, err)
		}
	}
	tok, err := p.dec.Token()
	if cd, ok := tok.(xml.CharData); ok {
		// Stop at the text limit instead of building a document that the
		// later stages could not hold: a small DOCX can inflate to an XML
		// part of hundreds of megabytes.
		if p.charData += int64(len(cd)); p.charData > p.lim.MaxText {
			return nil, extract.TextLimitError(p.lim.MaxText)
		}
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF // callers only ask for tokens inside an element
	}
	return tok, err
}

func (p *parser) skip() error { return p.dec.Skip() }

// children calls fn for each child element of the element whose start tag
// was just read, and consumes its end tag. fn must consume the child whole.
func (p *parser) children(fn func(xmlStart) error) error {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxDepth {
		return fmt.Errorf("%w: %s nests elements deeper than %d", extract.ErrTooLarge, p.part, maxDepth)
	}
	for {
		tok, err := p.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// root finds the document element and walks its children.
func (p *parser) root(fn func(xmlStart) error) error {
	for {
		tok, err := p.dec.Token()
		if err != nil {
			if err == io.EOF {
				return fmt.Errorf("%w: %s has no root element", extract.ErrCorrupt, p.part)
			}
			return err
		}
		if _, ok := tok.(xml.StartElement); ok {
			return p.children(fn)
		}
	}
}

// text returns the character data of the current element.
func (p *parser) text() (string, error) {
	var b []byte
	for {
		tok, err := p.token()
		if err != nil {
			return string(b), err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b = append(b, t...)
		case xml.StartElement:
			if err := p.skip(); err != nil {
				return string(b), err
			}
		case xml.EndElement:
			return string(b), nil
		}
	}
}

// attr returns an attribute by local name, preferring the w namespace.
func attr(se xmlStart, local string) string {
	v, found := "", false
	for _, a := range se.Attr {
		if a.Name.Local == local {
			if isW(a.Name) {
				return a.Value
			}
			if !found {
				v, found = a.Value, true
			}
		}
	}
	return v
}

// onOff reads a WordprocessingML on/off property: absent val means on.
func onOff(se xmlStart) bool {
	switch strings.ToLower(attr(se, "val")) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// alternate reads mc:AlternateContent: the first mc:Choice is walked with
// fn, mc:Fallback (the same content for old readers) is skipped so that text
// boxes and shapes are read once.
func (p *parser) alternate(se xmlStart, fn func(xmlStart) error) error {
	if se.Name.Local != "AlternateContent" {
		return p.skip()
	}
	taken := false
	return p.children(func(c xmlStart) error {
		if isMC(c.Name) && c.Name.Local == "Choice" && !taken {
			taken = true
			return p.children(fn)
		}
		return p.skip()
	})
}

// skipped lists elements whose content is never displayed text: properties,
// revisions that removed content, and references whose text lives elsewhere.
var skipped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "delInstrText": true,
	"rPr": true, "pPr": true, "tblPr": true, "trPr": true, "tcPr": true, "sectPr": true,
	"sdtPr": true, "sdtEndPr": true, "customXmlPr": true, "smartTagPr": true,
	"rPrChange": true, "pPrChange": true, "tblPrEx": true, "tblGrid": true,
	"softHyphen": true, "commentReference": true, "annotationRef": true,
	"footnoteRef": true, "endnoteRef": true, "separator": true, "continuationSeparator": true,
	"fldData": true, "ffData": true, "bookmarkStart": true, "bookmarkEnd": true,
	"proofErr": true, "permStart": true, "permEnd": true,
	"rt": true, // ruby (phonetic guide) text above its base: not part of the line
}

// blockElem handles one block-level element (paragraph, table, or a wrapper
// such as w:sdt, w:customXml, w:ins around them).
func (p *parser) blockElem(st *story, se xmlStart, out *[]item) error {
	if isMC(se.Name) {
		return p.alternate(se, func(c xmlStart) error { return p.blockElem(st, c, out) })
	}
	if !isW(se.Name) {
		return p.children(func(c xmlStart) error { return p.blockElem(st, c, out) })
	}
	switch se.Name.Local {
	case "p":
		return p.paragraph(st, out)
	case "tbl":
		return p.table(st, out)
	case "sectPr": // the body's last section
		typ, err := p.sectionType()
		p.sections = append(p.sections, typ)
		return err
	case "altChunk":
		p.warn = append(p.warn, "embedded alternative-format content (w:altChunk) not read")
		return p.skip()
	}
	if skipped[se.Name.Local] {
		return p.skip()
	}
	return p.children(func(c xmlStart) error { return p.blockElem(st, c, out) })
}

// sectionType reads a w:sectPr and returns its w:type (how the section
// starts; nextPage when absent).
func (p *parser) sectionType() (string, error) {
	typ := "nextPage"
	err := p.children(func(c xmlStart) error {
		if isW(c.Name) && c.Name.Local == "type" {
			if v := attr(c, "val"); v != "" {
				typ = v
			}
		}
		return p.skip()
	})
	return typ, err
}

// paragraph reads a w:p into one or more block items (more when a page break
// falls inside it), followed by the blocks of text boxes it anchors.
func (p *parser) paragraph(st *story, out *[]item) error {
	ps := &paraState{}
	saved := st.para
	st.para = ps
	err := p.children(func(se xmlStart) error {
		if isW(se.Name) && se.Name.Local == "pPr" {
			return p.paraProps(&ps.props)
		}
		return p.inlineElem(st, se, false)
	})
	st.closeLine()
	st.para = saved
	if err != nil {
		return err
	}
	p.finishParagraph(st, ps, out)
	return nil
}

func (p *parser) paraProps(pp *paraProps) error {
	return p.children(func(se xmlStart) error {
		if !isW(se.Name) {
			return p.skip()
		}
		switch se.Name.Local {
		case "pStyle":
			pp.styleID = attr(se, "val")
		case "outlineLvl":
			pp.outline, pp.outlineSet = atoi(attr(se, "val"), 9), true
		case "pageBreakBefore":
			pp.pageBreakBefore, pp.pageBreakSet = onOff(se), true
		case "numPr":
			return p.numPr(&pp.num)
		case "sectPr":
			typ, err := p.sectionType()
			p.sections = append(p.sections, typ)
			pp.sectionEnd, pp.section = true, len(p.sections)-1
			return err
		}
		return p.skip()
	})
}

func (p *parser) numPr(n *numRef) error {
	return p.children(func(se xmlStart) error {
		if isW(se.Name) {
			switch se.Name.Local {
			case "numId":
				n.numID, n.set = attr(se, "val"), true
			case "ilvl":
				n.ilvl, n.ilvlSet = atoi(attr(se, "val"), 0), true
			}
		}
		return p.skip()
	})
}

// inlineElem handles one element inside a paragraph: runs and the many
// wrappers runs can sit in (hyperlinks, content controls, insertions, fields,
// smart tags …).
func (p *parser) inlineElem(st *story, se xmlStart, hidden bool) error {
	if isMC(se.Name) {
		return p.alternate(se, func(c xmlStart) error { return p.inlineElem(st, c, hidden) })
	}
	if !isW(se.Name) {
		if isMath(se.Name) && se.Name.Local == "t" {
			s, err := p.text()
			if !hidden {
				st.text(s)
			}
			return err
		}
		// Drawings, VML shapes, math: walk through them to reach text boxes.
		return p.children(func(c xmlStart) error { return p.inlineElem(st, c, hidden) })
	}
	switch se.Name.Local {
	case "r":
		return p.children(func(c xmlStart) error {
			if isW(c.Name) && c.Name.Local == "rPr" {
				h, err := p.runHidden()
				hidden = hidden || h
				return err
			}
			return p.inlineElem(st, c, hidden)
		})
	case "t":
		s, err := p.text()
		if !hidden {
			st.text(s)
		}
		return err
	case "instrText":
		s, err := p.text()
		st.instr(s)
		return err
	case "tab", "ptab":
		if !hidden {
			st.text("\t")
		}
	case "noBreakHyphen":
		if !hidden {
			st.text("-")
		}
	case "sym":
		if s := symbolText(attr(se, "font"), attr(se, "char")); s != "" && !hidden {
			st.text(s)
		}
	case "br":
		switch attr(se, "type") {
		case "page":
			st.pageBreak()
		default: // textWrapping, column
			if !hidden {
				st.closeLine()
			}
		}
	case "cr":
		if !hidden {
			st.closeLine()
		}
	case "lastRenderedPageBreak":
		st.pageBreak()
	case "fldChar":
		switch attr(se, "fldCharType") {
		case "begin":
			st.beginField()
		case "separate":
			st.separateField()
		case "end":
			st.endField(nil)
		}
	case "fldSimple":
		f := st.beginSimpleField(attr(se, "instr"))
		err := p.children(func(c xmlStart) error { return p.inlineElem(st, c, hidden) })
		st.endField(f)
		return err
	case "footnoteReference", "endnoteReference":
		st.noteRef(noteRef{endnote: se.Name.Local == "endnoteReference", id: attr(se, "id")})
	case "txbxContent":
		return p.textBox(st)
	default:
		if skipped[se.Name.Local] {
			return p.skip()
		}
		return p.children(func(c xmlStart) error { return p.inlineElem(st, c, hidden) })
	}
	return p.skip()
}

// runHidden reads a run's w:rPr and reports hidden text (w:vanish).
// (w:webHidden is not hidden in print and is kept: TOC page numbers use it.)
func (p *parser) runHidden() (bool, error) {
	hidden := false
	err := p.children(func(c xmlStart) error {
		if isW(c.Name) && c.Name.Local == "vanish" {
			hidden = onOff(c)
		}
		return p.skip()
	})
	return hidden, err
}

// textBox reads a w:txbxContent as its own story; its blocks are emitted
// after the anchoring paragraph.
func (p *parser) textBox(st *story) error {
	sub := &story{kind: textBoxStory, num: st.num}
	var items []item
	err := p.children(func(c xmlStart) error { return p.blockElem(sub, c, &items) })
	if st.para != nil {
		for _, it := range items {
			if it.kind == blockItem {
				st.para.anchored = append(st.para.anchored, it)
			}
		}
	}
	return err
}

func atoi(s string, def int) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return def
	}
	n, neg := 0, false
	for i, c := range s {
		if i == 0 && (c == '-' || c == '+') {
			neg = c == '-'
			continue
		}
		if c < '0' || c > '9' {
			return def
		}
		n = n*10 + int(c-'0')
		if n > 1<<30 {
			return def
		}
	}
	if neg {
		n = -n
	}
	return n
}
