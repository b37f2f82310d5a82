package msdoc

import (
	"context"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/budgetdoc/budgetdoc/extract"
)

// Special characters of the text stream ([MS-DOC] 2.4.3 and 2.8.25).
const (
	chCell         = 0x07 // cell mark or row end mark
	chTab          = 0x09
	chLineBreak    = 0x0B
	chPageBreak    = 0x0C // also the section mark
	chParagraph    = 0x0D
	chColumnBreak  = 0x0E
	chFieldBegin   = 0x13
	chFieldSep     = 0x14
	chFieldEnd     = 0x15
	chNBHyphen     = 0x1E
	chSoftHyphen   = 0x1F
	chNoBreakSpace = 0xA0
)

// item is what the scanner produces: a paragraph (or the part of one before
// a page break) with its properties, or a page break.
type item struct {
	pageBreak bool
	lines     []extract.Line
	mark      uint16 // chParagraph, chCell, chPageBreak or 0 for a part
	props     paraProps
	cp        int // CP of the mark, for error messages and debugging
}

// openField is a field whose end mark has not been seen yet.
type openField struct {
	instr     strings.Builder
	separated bool // the separator (0x14) has been seen: now in the result
	toLine    bool // the result is visible text (not inside another field's instruction)
	start     int  // byte offset in the current line where the visible result starts
}

// scanner turns a CP range into items.
type scanner struct {
	r      *reader
	line   []byte
	spans  []extract.Span
	lines  []extract.Line
	fields []*openField
	items  []item
	// firstPart is the index of the first item still waiting for the
	// properties of the paragraph it belongs to (split by a page break).
	firstPart int
}

// scan reads the characters [start, end) of r.chars.
func (r *reader) scan(ctx context.Context, start, end int, main bool) ([]item, error) {
	s := &scanner{r: r}
	s.firstPart = -1
	chars := r.chars
	end = min(end, len(chars))
	for cp := start; cp < end; cp++ {
		if cp&0xFFF == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		c := chars[cp]
		switch c {
		case chParagraph, chCell:
			s.endParagraph(cp, c)
		case chPageBreak:
			if breaks, isSection := r.sections[cp]; isSection && main {
				s.endParagraph(cp, chParagraph)
				if breaks {
					s.items = append(s.items, item{pageBreak: true, cp: cp})
				}
			} else if main {
				s.splitParagraph(cp)
			} else {
				s.appendText(" ")
			}
		case chLineBreak, chColumnBreak:
			if f := s.instrSink(); f != nil {
				f.instr.WriteByte(' ')
			} else {
				s.endLine()
			}
		case chFieldBegin:
			s.fields = append(s.fields, &openField{})
		case chFieldSep:
			if n := len(s.fields); n > 0 && !s.fields[n-1].separated {
				f := s.fields[n-1]
				f.separated = true
				f.toLine = s.instrSinkBelow(n-1) == nil
				f.start = len(s.line)
			}
		case chFieldEnd:
			s.endField()
		case chTab:
			s.appendText("\t")
		case chNBHyphen:
			s.appendText("-")
		case chNoBreakSpace:
			s.appendText(" ")
		default:
			if c < 0x20 || c == chSoftHyphen || c == 0x7F {
				continue // pictures, footnote marks, annotation marks …
			}
			var ru rune = rune(c)
			if utf16.IsSurrogate(ru) {
				ru = '\uFFFD'
				if c < 0xDC00 && cp+1 < end && chars[cp+1] >= 0xDC00 && chars[cp+1] < 0xE000 {
					ru = utf16.DecodeRune(rune(c), rune(chars[cp+1]))
					cp++
				}
			}
			s.appendRune(ru)
		}
	}
	// A story normally ends with a paragraph mark; keep trailing text that
	// does not.
	if len(s.line) > 0 || len(s.lines) > 0 || len(s.spans) > 0 {
		s.endParagraph(end-1, chParagraph)
	}
	return s.items, nil
}

// instrSink returns the field whose instruction receives text now: the
// innermost field not yet separated, provided every field above it is in
// its result (results of fields nested in an instruction become part of
// that instruction, like Word's own evaluation).
func (s *scanner) instrSink() *openField {
	return s.instrSinkBelow(len(s.fields))
}

func (s *scanner) instrSinkBelow(n int) *openField {
	for i := n - 1; i >= 0; i-- {
		if !s.fields[i].separated {
			return s.fields[i]
		}
	}
	return nil
}

func (s *scanner) appendText(t string) {
	if f := s.instrSink(); f != nil {
		f.instr.WriteString(t)
		return
	}
	s.line = append(s.line, t...)
}

func (s *scanner) appendRune(r rune) {
	if f := s.instrSink(); f != nil {
		f.instr.WriteRune(r)
		return
	}
	s.line = append(s.line, string(r)...)
}

// endField closes the innermost open field and records its span when its
// result is visible text.
func (s *scanner) endField() {
	n := len(s.fields)
	if n == 0 {
		return // stray end mark
	}
	f := s.fields[n-1]
	s.fields = s.fields[:n-1]
	instr := strings.TrimSpace(f.instr.String())
	if strings.HasPrefix(instr, "EMBED") {
		s.r.warn("embedded object not read (field " + strings.Join(strings.Fields(instr), " ") + "): its content, such as a spreadsheet, is not part of the document text")
	}
	switch {
	case f.separated && f.toLine:
		s.spans = append(s.spans, extract.Span{Kind: extract.FieldSpan, Start: f.start, End: len(s.line), Instr: instr})
	case !f.separated && s.instrSink() == nil:
		// No separator: the field has no result but its instruction is
		// still worth keeping (a MERGEFIELD left in a template).
		s.spans = append(s.spans, extract.Span{Kind: extract.FieldSpan, Start: len(s.line), End: len(s.line), Instr: instr})
	}
}

// endLine finishes the current line. Fields whose visible result continues
// on the next line get a span for the part on this line.
func (s *scanner) endLine() {
	for _, f := range s.fields {
		if f.separated && f.toLine {
			if f.start < len(s.line) {
				s.spans = append(s.spans, extract.Span{Kind: extract.FieldSpan, Start: f.start, End: len(s.line),
					Instr: strings.TrimSpace(f.instr.String())})
			}
			f.start = 0
		}
	}
	// Empty lines carry nothing, unless a field marks a place in them.
	if len(s.line) > 0 || len(s.spans) > 0 {
		l := extract.Line{Text: string(s.line)}
		if len(s.spans) > 0 {
			sort.SliceStable(s.spans, func(a, b int) bool { return s.spans[a].Start < s.spans[b].Start })
			l.Spans = s.spans
			s.spans = nil
		}
		s.lines = append(s.lines, l)
	}
	s.line = s.line[:0]
}

// endParagraph finishes a paragraph whose mark c is at cp.
func (s *scanner) endParagraph(cp int, c uint16) {
	s.endLine()
	props := s.r.propsAtCP(cp)
	if s.firstPart >= 0 {
		for i := s.firstPart; i < len(s.items); i++ {
			if !s.items[i].pageBreak {
				s.items[i].props = props
			}
		}
		s.firstPart = -1
	}
	s.items = append(s.items, item{lines: s.lines, mark: c, props: props, cp: cp})
	s.lines = nil
}

// splitParagraph handles a page break inside a paragraph: the text before
// it becomes a part that gets the paragraph's properties later.
func (s *scanner) splitParagraph(cp int) {
	s.endLine()
	if s.firstPart < 0 {
		s.firstPart = len(s.items)
	}
	if len(s.lines) > 0 {
		s.items = append(s.items, item{lines: s.lines, cp: cp})
		s.lines = nil
	}
	s.items = append(s.items, item{pageBreak: true, cp: cp})
}
