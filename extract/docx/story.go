package docx

import (
	"sort"
	"strings"

	"github.com/budgetdoc/budgetdoc/extract"
)

// storyKind says which flow of text a story is. Only the body paginates.
type storyKind int

const (
	bodyStory storyKind = iota
	textBoxStory
	furnitureStory
	noteStory
)

// story is one flow of text (the body, a text box, a header, a note): fields
// may run across its paragraphs, so their state lives here.
type story struct {
	kind   storyKind
	num    *counters
	para   *paraState
	fields []*field
}

type itemKind int

const (
	blockItem itemKind = iota
	pageBreakItem
	sectionEndItem // a section ends; whether a page break follows depends on the next section
)

// item is a block or a break in reading order, before pagination.
type item struct {
	kind    itemKind
	block   extract.Block
	section int       // sectionEndItem: index of the section that ends
	notes   []noteRef // notes referenced from inside the block
}

type noteRef struct {
	endnote bool
	id      string
}

type numRef struct {
	numID        string
	set          bool
	ilvl         int
	ilvlSet      bool
	fromStyleFor string // style id whose numPr this came from, if any
}

type paraProps struct {
	styleID                       string
	num                           numRef
	outline                       int
	outlineSet                    bool
	pageBreakBefore, pageBreakSet bool
	sectionEnd                    bool
	section                       int
}

// paraState accumulates one paragraph.
type paraState struct {
	props    paraProps
	lines    []extract.Line
	cur      []byte
	spans    []extract.Span
	breaks   []int // a page break falls before lines[i]
	notes    []lineNote
	anchored []item
}

type lineNote struct {
	ref  noteRef
	line int
}

// field is an open Word field. Its result is displayed only when every
// enclosing field is in its result part; a field nested inside another
// field's instruction contributes its result to that instruction instead.
type field struct {
	instr     []byte
	instrText string
	result    bool // past w:fldChar separate (or a w:fldSimple)
	displayed bool
	start     int // where the result began on the current line
	emitted   bool
}

func (st *story) curLen() int {
	if st.para == nil {
		return 0
	}
	return len(st.para.cur)
}

// displayedNow reports whether text added now would be displayed.
func (st *story) displayedNow() bool {
	for _, f := range st.fields {
		if !f.result || !f.displayed {
			return false
		}
	}
	return true
}

func (st *story) text(s string) {
	ps := st.para
	if ps == nil || s == "" {
		return
	}
	if n := len(st.fields); n > 0 && !st.fields[n-1].displayed {
		// The result of a field nested in an instruction is part of that instruction.
		for i := n - 1; i >= 0; i-- {
			if !st.fields[i].result {
				st.fields[i].instr = append(st.fields[i].instr, s...)
				return
			}
		}
	}
	// Text in a displayed field's instruction part (w:t where w:instrText
	// belongs) is shown rather than lost.
	ps.cur = append(ps.cur, s...)
}

func (st *story) instr(s string) {
	if n := len(st.fields); n > 0 && !st.fields[n-1].result {
		st.fields[n-1].instr = append(st.fields[n-1].instr, s...)
	}
}

func (st *story) beginField() {
	st.fields = append(st.fields, &field{displayed: st.displayedNow()})
}

func (st *story) beginSimpleField(instr string) *field {
	f := &field{displayed: st.displayedNow(), result: true, instrText: strings.TrimSpace(instr), start: st.curLen()}
	st.fields = append(st.fields, f)
	return f
}

func (st *story) separateField() {
	n := len(st.fields)
	if n == 0 || st.fields[n-1].result {
		return
	}
	f := st.fields[n-1]
	f.result, f.instrText, f.start = true, strings.TrimSpace(string(f.instr)), st.curLen()
}

// endField closes the innermost field, or — for w:fldSimple — the given
// field and any unbalanced complex field left open inside it.
func (st *story) endField(target *field) {
	for len(st.fields) > 0 {
		n := len(st.fields)
		f := st.fields[n-1]
		if target != nil && !containsField(st.fields, target) {
			return
		}
		st.fields = st.fields[:n-1]
		if !f.result { // no result part: an empty result at the end position
			f.result, f.instrText, f.start = true, strings.TrimSpace(string(f.instr)), st.curLen()
		}
		if f.displayed {
			st.emitFragment(f, true)
		}
		if target == nil || f == target {
			return
		}
	}
}

func containsField(fs []*field, f *field) bool {
	for _, g := range fs {
		if g == f {
			return true
		}
	}
	return false
}

// emitFragment records the part of f's result on the current line. A field
// whose result is empty still gets one (empty) span.
func (st *story) emitFragment(f *field, final bool) {
	ps := st.para
	if ps == nil {
		return
	}
	end := len(ps.cur)
	start := min(f.start, end)
	if end > start || (final && !f.emitted) {
		ps.spans = append(ps.spans, extract.Span{Kind: extract.FieldSpan, Start: start, End: end, Instr: f.instrText})
		f.emitted = true
	}
}

// closeLine ends the current line: open fields get a span up to the line
// end and continue at the start of the next line.
func (st *story) closeLine() {
	ps := st.para
	if ps == nil {
		return
	}
	for _, f := range st.fields {
		if f.result && f.displayed {
			st.emitFragment(f, false)
			f.start = 0
		}
	}
	spans := ps.spans
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].Start != spans[j].Start {
			return spans[i].Start < spans[j].Start
		}
		return spans[i].End > spans[j].End // enclosing field first
	})
	ps.lines = append(ps.lines, extract.Line{Text: string(ps.cur), Spans: spans})
	ps.cur = ps.cur[:0]
	ps.spans = nil
}

// pageBreak ends the line and marks a page break before the next one. Only
// the body paginates; breaks in text boxes, headers and notes are ignored.
func (st *story) pageBreak() {
	if st.kind != bodyStory || st.para == nil {
		return
	}
	st.closeLine()
	st.para.breaks = append(st.para.breaks, len(st.para.lines))
}

func (st *story) noteRef(r noteRef) {
	if st.para != nil && r.id != "" {
		st.para.notes = append(st.para.notes, lineNote{ref: r, line: len(st.para.lines)})
	}
}

func blankLine(l extract.Line) bool {
	return len(l.Spans) == 0 && strings.TrimSpace(l.Text) == ""
}

// finishParagraph turns a paragraph into items: its blocks (split at page
// breaks inside it), the blocks of anchored text boxes, and a section end.
// Blank lines are dropped; a paragraph with no text yields no block.
func (p *parser) finishParagraph(st *story, ps *paraState, out *[]item) {
	d := p.defs
	if d == nil {
		d = &defs{styles: newStyleSheet(), numbering: newNumbering()}
	}
	kind, level := d.headingOf(ps.props)
	numbering := ""
	if ref, ok := d.numberingOf(ps.props); ok && st.num != nil {
		numbering = st.num.next(d, ref)
	}
	if d.pageBreakBefore(ps.props) {
		*out = append(*out, item{kind: pageBreakItem})
	}
	var cur []extract.Line
	var curNotes []noteRef
	emitted := false
	lastBlock := -1
	flush := func() {
		if len(cur) == 0 {
			return
		}
		b := extract.Block{Kind: kind, Style: ps.props.styleID, Level: level, Lines: cur}
		if !emitted {
			b.Numbering = numbering
		}
		*out = append(*out, item{kind: blockItem, block: b, notes: curNotes})
		lastBlock = len(*out) - 1
		emitted, cur, curNotes = true, nil, nil
	}
	bi, ni := 0, 0
	for li, l := range ps.lines {
		for bi < len(ps.breaks) && ps.breaks[bi] <= li {
			flush()
			*out = append(*out, item{kind: pageBreakItem})
			bi++
		}
		for ni < len(ps.notes) && ps.notes[ni].line <= li {
			curNotes = append(curNotes, ps.notes[ni].ref)
			ni++
		}
		if !blankLine(l) {
			cur = append(cur, l)
		}
	}
	for ; ni < len(ps.notes); ni++ {
		curNotes = append(curNotes, ps.notes[ni].ref)
	}
	flush()
	if len(curNotes) > 0 && lastBlock >= 0 { // references on blank lines
		(*out)[lastBlock].notes = append((*out)[lastBlock].notes, curNotes...)
	}
	for ; bi < len(ps.breaks); bi++ {
		*out = append(*out, item{kind: pageBreakItem})
	}
	*out = append(*out, ps.anchored...)
	if ps.props.sectionEnd {
		*out = append(*out, item{kind: sectionEndItem, section: ps.props.section})
	}
}
