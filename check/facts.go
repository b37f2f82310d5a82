package check

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/nlp/quantity"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Facts are located by the physical line they start on; the rules need the
// logical line around them to read the sentence, so this file maps facts
// back to lines and lines to facts.

// factPlace is where a fact's mention sits: its logical line, the index of
// that line in Pass.Lines, and the view offsets of the mention.
type factPlace struct {
	line       *normalize.Line
	index      int
	start, end int
}

// facts returns the document's facts (nil before extraction).
func (p *Pass) facts() []schema.Fact {
	if p.Result == nil || p.Result.Out == nil {
		return nil
	}
	return p.Result.Out.Facts
}

// placeOf finds the logical line holding fact f and the view span of its
// mention; ok is false when the mention cannot be found (a fact read from
// a table cell, or text the normalizer changed).
func (p *Pass) placeOf(f schema.Fact) (factPlace, bool) {
	if p.lineAt == nil {
		p.lineAt = map[[2]int][]int{}
		p.allLines = p.Lines()
		for i, l := range p.allLines {
			for _, pt := range l.Parts {
				k := [2]int{pt.Loc.Page, pt.Loc.Line}
				if s := p.lineAt[k]; len(s) == 0 || s[len(s)-1] != i {
					p.lineAt[k] = append(s, i)
				}
			}
		}
	}
	for _, i := range p.lineAt[[2]int{f.Loc.Page, f.Loc.Line}] {
		l := p.allLines[i].Line
		for _, pt := range l.Parts {
			if pt.Loc.Page != f.Loc.Page || pt.Loc.Line != f.Loc.Line || f.Text == "" {
				continue
			}
			off := strings.Index(l.Orig[pt.Start:], f.Text)
			if off < 0 {
				continue
			}
			a := pt.Start + off
			return factPlace{line: l, index: i, start: viewOffset(l, a), end: viewOffset(l, a+len(f.Text))}, true
		}
	}
	return factPlace{}, false
}

// viewOffset is the first view offset whose original offset is at or after
// orig.
func viewOffset(l *normalize.Line, orig int) int {
	lo, hi := 0, len(l.Text)
	for lo < hi {
		m := (lo + hi) / 2
		if l.OrigOffset(m) < orig {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// factIDsAt returns the IDs of the facts whose mentions are the quantities
// qs of line l (view offsets), in the order of qs; quantities without a
// fact are skipped.
func (p *Pass) factIDsAt(l *normalize.Line, qs ...quantity.Quantity) []string {
	var ids []string
	for _, q := range qs {
		loc := l.Loc(l.OrigOffset(q.Start))
		want := squash(l.OrigSpan(q.Start, q.End))
		for _, f := range p.facts() {
			if f.Loc.Page == loc.Page && f.Loc.Line == loc.Line && squash(f.Text) == want {
				ids = append(ids, f.ID)
				break
			}
		}
	}
	return ids
}

// squash folds width and drops spaces, so that 2961.68 万元 and 2961.68万元
// compare equal.
func squash(s string) string {
	return strings.Join(strings.Fields(textnorm.Fold(s).Text), "")
}

// figureOf reads the amount of a fact as a figure with the interval its
// written form allows; ok is false without a value.
func figureOf(f schema.Fact) (figure, bool) {
	v, err := decimal.NewFromString(f.Value)
	if err != nil {
		return figure{}, false
	}
	return newFigure(quantity.Quantity{Text: squash(f.Text), Value: v}), true
}

// prose reports whether a fact was read from running text rather than from
// a table (tables have their own rules).
func prose(f schema.Fact) bool { return f.Table == "" }
