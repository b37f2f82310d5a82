package projects

import (
	"strings"

	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/schema"
)

// joined is the parsing views of consecutive logical lines concatenated, so
// that a list broken by a line or page break reads as one string, with the
// way back to each line.
type joined struct {
	text    string
	segs    []segment
	written string // the lines as written, list numbers kept

	oneToALine bool // the lines are a list's items, one to a line
}

// segment says that text[off:] (up to the next segment) is view[from:] of line.
type segment struct {
	off, from int
	line      *normalize.Line
}

// add appends the view of l from byte from. A line that starts with a
// list number, or follows one ending with a full stop, starts a new item
// ('\n'); otherwise the line continues the previous one directly, which
// joins a word broken by the line break (服务对象满意 + 度).
func (j *joined) add(l *normalize.Line, from int) {
	j.written += strings.TrimSpace(l.OrigSpan(from, len(l.Text)))
	view := l.Text[from:]
	if _, rest, ok := outline.ParseMarker(view); ok {
		from += len(view) - len(rest)
		view = rest
		if j.text != "" {
			j.text += "\n"
		}
	} else if strings.HasSuffix(j.text, "。") || j.oneToALine {
		j.text += "\n"
	}
	// A label that ends its line (`数量指标：`) heads indicators written one
	// to a line, numbered or not: each following line is an item until one
	// reads as prose.
	t := strings.TrimSpace(view)
	switch {
	case strings.HasSuffix(t, "指标：") || strings.HasSuffix(t, "指标:"):
		j.oneToALine = true
	case j.oneToALine && !looksLikeItem(t):
		j.oneToALine = false
	}
	j.segs = append(j.segs, segment{off: len(j.text), from: from, line: l})
	j.text += view
}

// seg returns the index of the segment holding byte off.
func (j *joined) seg(off int) int {
	k := 0
	for i, s := range j.segs {
		if s.off <= off {
			k = i
		}
	}
	return k
}

// orig returns the text as written of joined bytes [a, b).
func (j *joined) orig(a, b int) string {
	var sb strings.Builder
	for i, s := range j.segs {
		end := len(j.text)
		if i+1 < len(j.segs) {
			end = j.segs[i+1].off
		}
		lo, hi := max(a, s.off), min(b, end)
		if lo >= hi {
			continue
		}
		// A '\n' inserted between lines has no original.
		vlo, vhi := s.from+lo-s.off, s.from+hi-s.off
		vhi = min(vhi, len(s.line.Text))
		if vlo < vhi {
			sb.WriteString(s.line.OrigSpan(vlo, vhi))
		}
	}
	return strings.TrimSpace(sb.String())
}

// loc returns the location of joined byte off.
func (j *joined) loc(off int) schema.Loc {
	if len(j.segs) == 0 {
		return schema.Loc{}
	}
	s := j.segs[j.seg(off)]
	v := min(s.from+off-s.off, len(s.line.Text))
	return lineLoc(s.line, s.line.OrigOffset(max(v, 0)))
}

// lineLoc is Line.Loc, safe for lines built without parts (tests).
func lineLoc(l *normalize.Line, origOff int) schema.Loc {
	if len(l.Parts) == 0 {
		return schema.Loc{}
	}
	return l.Loc(origOff)
}
