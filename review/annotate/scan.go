package annotate

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"unicode/utf8"
)

// A DOCX comment is anchored by markers between runs, so the main
// document part is scanned for its lines of text with, for every piece of
// text, where its characters are in the part's bytes: a comment boundary
// inside a run splits the run there (the run's properties copied to the
// second half), and the rest of the part is left as it was.
//
// Lines follow the DOCX reader's rules (extract/docx): a paragraph is a
// line, broken again at w:br and w:cr; deleted, moved-away, hidden and
// ruby text and mc:Fallback content are not text; w:tab is a tab.

// xline is one line of text of the main document part.
type xline struct {
	text string
	segs []segment
}

// segment is a piece of a line's text. Text from a w:t maps to the part's
// bytes: raw is the character data's byte range, rPr the run's raw
// properties element. A tab has no raw range (raw[0] < 0).
type segment struct {
	start, end int // byte range in xline.text
	raw        [2]int
	rawText    string
	rPr        string
}

// scanLines reads the main document part's lines; prefix is the namespace
// prefix the part uses for WordprocessingML (usually "w").
func scanLines(body []byte) (lines []*xline, prefix string, err error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	type para struct{ cur *xline }
	// Runs nest through text boxes (a w:r holding a drawing whose text
	// box holds paragraphs of runs), so run state is a stack.
	type run struct {
		rPr    string
		hidden bool
	}
	var (
		paras    []*para
		runs     []run
		rPrStart = -1
		rPrDepth int // w:rPr nests inside w:rPrChange (the former formatting)
		inText   bool
		skipping int      // depth inside content that is not text
		parents  []string // local names of the open elements
	)
	top := func() *run {
		if len(runs) == 0 {
			return nil
		}
		return &runs[len(runs)-1]
	}
	newLine := func(p *para) {
		p.cur = &xline{}
		lines = append(lines, p.cur)
	}
	for {
		before := int(d.InputOffset())
		tok, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			return nil, "", err
		}
		after := int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			parent := ""
			if len(parents) > 0 {
				parent = parents[len(parents)-1]
			}
			parents = append(parents, t.Name.Local)
			if skipping > 0 {
				skipping++
				continue
			}
			w := t.Name.Space == nsW
			switch {
			case t.Name.Space == nsMC && t.Name.Local == "Fallback",
				w && (t.Name.Local == "del" || t.Name.Local == "moveFrom" || t.Name.Local == "rt"):
				skipping = 1
			case w && t.Name.Local == "document" && prefix == "":
				prefix = rawPrefix(body[before:after])
			case w && t.Name.Local == "p":
				p := &para{}
				newLine(p)
				paras = append(paras, p)
			case w && t.Name.Local == "r":
				runs = append(runs, run{})
			case w && t.Name.Local == "rPr" && top() != nil && (parent == "r" || rPrDepth > 0):
				if rPrDepth == 0 {
					rPrStart = before
				}
				rPrDepth++
			case w && t.Name.Local == "vanish" && rPrDepth == 1:
				v := attrVal(t, "val")
				top().hidden = v != "false" && v != "0" && v != "off"
			case w && t.Name.Local == "t" && top() != nil && !top().hidden:
				inText = true
			case w && (t.Name.Local == "tab" || t.Name.Local == "ptab") && top() != nil && !top().hidden && len(paras) > 0:
				paras[len(paras)-1].cur.add("\t", segment{raw: [2]int{-1, -1}})
			case w && (t.Name.Local == "br" || t.Name.Local == "cr") && top() != nil && !top().hidden && len(paras) > 0:
				if attrVal(t, "type") != "page" {
					newLine(paras[len(paras)-1])
				}
			}
		case xml.EndElement:
			if len(parents) > 0 {
				parents = parents[:len(parents)-1]
			}
			if skipping > 0 {
				skipping--
				continue
			}
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "p":
				if len(paras) > 0 {
					paras = paras[:len(paras)-1]
				}
			case "r":
				if len(runs) > 0 {
					runs = runs[:len(runs)-1]
				}
			case "rPr":
				if rPrDepth == 0 {
					continue // a paragraph mark's properties
				}
				rPrDepth--
				if rPrDepth == 0 && rPrStart >= 0 && top() != nil {
					top().rPr = string(body[rPrStart:after])
					rPrStart = -1
				}
			case "t":
				inText = false
			}
		case xml.CharData:
			if !inText || skipping > 0 || len(paras) == 0 || top() == nil {
				continue
			}
			raw := string(body[before:after])
			seg := segment{raw: [2]int{before, after}, rawText: raw, rPr: top().rPr}
			if strings.HasPrefix(raw, "<![CDATA[") {
				seg.raw = [2]int{-1, -1} // cannot be split; text still counts
			}
			paras[len(paras)-1].cur.add(string(t), seg)
		}
	}
	if prefix == "" {
		return nil, "", fmt.Errorf("no w:document root element")
	}
	return lines, prefix, nil
}

const nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

func (l *xline) add(text string, s segment) {
	s.start = len(l.text)
	l.text += text
	s.end = len(l.text)
	l.segs = append(l.segs, s)
}

func attrVal(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// rawPrefix returns the prefix of a raw start tag: "w" for "<w:document …".
func rawPrefix(tag []byte) string {
	tag = bytes.TrimPrefix(tag, []byte("<"))
	if i := bytes.IndexAny(tag, ": \t\r\n>/"); i > 0 && tag[i] == ':' {
		return string(tag[:i])
	}
	return ""
}

// splitAt returns the byte offset in the part that splits the line's text
// at text offset off, with the segment it falls in; ok is false when the
// line has no splittable text. A start boundary belongs to the text after
// it, an end boundary to the text before it; a boundary at a tab or CDATA
// moves outward to the nearest splittable text.
func (l *xline) splitAt(off int, atStart bool) (at int, seg *segment, ok bool) {
	var inside, after, before *segment
	for i := range l.segs {
		s := &l.segs[i]
		if s.raw[0] < 0 {
			continue
		}
		switch {
		case atStart && s.start <= off && off < s.end, !atStart && s.start < off && off <= s.end:
			if inside == nil {
				inside = s
			}
		case s.start >= off:
			if after == nil {
				after = s
			}
		case s.end <= off:
			before = s
		}
	}
	switch {
	case inside != nil:
		return inside.raw[0] + rawOffset(inside.rawText, off-inside.start), inside, true
	case atStart && after != nil:
		return after.raw[0], after, true
	case before != nil:
		return before.raw[1], before, true
	case after != nil:
		return after.raw[0], after, true
	}
	return 0, nil, false
}

// rawOffset maps a byte offset in decoded character data to the offset in
// its raw form, where entities (&amp; &#x4E00; …) and CR LF pairs take more
// bytes.
func rawOffset(raw string, dec int) int {
	i, n := 0, 0
	for i < len(raw) && n < dec {
		switch {
		case raw[i] == '&':
			j := strings.IndexByte(raw[i:], ';')
			if j < 0 {
				return i
			}
			n += utf8.RuneLen(entityRune(raw[i+1 : i+j]))
			i += j + 1
		case raw[i] == '\r' && i+1 < len(raw) && raw[i+1] == '\n':
			n++
			i += 2
		default:
			n++
			i++
		}
	}
	return i
}

func entityRune(name string) rune {
	switch name {
	case "amp":
		return '&'
	case "lt":
		return '<'
	case "gt":
		return '>'
	case "quot":
		return '"'
	case "apos":
		return '\''
	}
	var r rune
	if strings.HasPrefix(name, "#x") || strings.HasPrefix(name, "#X") {
		fmt.Sscanf(name[2:], "%x", &r)
	} else if strings.HasPrefix(name, "#") {
		fmt.Sscanf(name[1:], "%d", &r)
	}
	if r <= 0 || !utf8.ValidRune(r) {
		return utf8.RuneError
	}
	return r
}

// markup returns the edits that put comment id around text [start, end) of
// the line: a range start, a range end and the reference run after it.
func (l *xline) markup(start, end int, id, w string) []edit {
	a, sa, ok1 := l.splitAt(start, true)
	b, sb, ok2 := l.splitAt(end, false)
	if !ok1 || !ok2 || b < a {
		return nil
	}
	reopen := func(s *segment) string {
		return fmt.Sprintf(`<%[1]s:r>%[2]s<%[1]s:t xml:space="preserve">`, w, s.rPr)
	}
	closeRun := fmt.Sprintf(`</%[1]s:t></%[1]s:r>`, w)
	return []edit{
		{at: a, text: closeRun + fmt.Sprintf(`<%s:commentRangeStart %s:id="%s"/>`, w, w, id) + reopen(sa)},
		{at: b, text: closeRun + fmt.Sprintf(`<%[1]s:commentRangeEnd %[1]s:id="%[2]s"/><%[1]s:r><%[1]s:commentReference %[1]s:id="%[2]s"/></%[1]s:r>`, w, id) + reopen(sb)},
	}
}
