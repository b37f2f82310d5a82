package check

import (
	"github.com/budgetdoc/budgetdoc/extract/facts"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/nlp/quantity"
)

// Facts come from extraction with the logical line and view offsets of
// their mentions; this file reads them in that form. Nothing is found
// again by searching for a fact's text: two facts on one line with the same
// amount text are two places.

// factPlace is where a fact's mention sits: its logical line and the view
// offsets of the mention.
type factPlace struct {
	line       *normalize.Line
	start, end int
}

// facts returns the document's facts read from the text (nil before
// extraction).
func (p *Pass) facts() []facts.Fact { return p.views.facts }

// placeOf returns where fact f is mentioned; ok is false for a fact
// without a place in the text.
func placeOf(f *facts.Fact) (factPlace, bool) {
	if f.Line == nil {
		return factPlace{}, false
	}
	return factPlace{line: f.Line, start: f.Start, end: f.End}, true
}

// mention names the place of an amount in the normalized text: a logical
// line as normalize made it and the offset in its original text.
type mention struct {
	line *normalize.Line
	orig int
}

// factIDsAt returns the IDs of the facts whose mentions are the quantities
// qs of line l (view offsets), in the order of qs; quantities without a
// fact are skipped. l may be a prose line joined from two lines.
func (p *Pass) factIDsAt(l *normalize.Line, qs ...quantity.Quantity) []string {
	var ids []string
	for _, q := range qs {
		if i, ok := p.views.byMention[p.views.source(l, l.OrigOffset(q.Start))]; ok {
			ids = append(ids, p.views.facts[i].ID)
		}
	}
	return ids
}

// figureOf is the amount of a fact as a figure with the interval its
// written form allows; ok is false without a value.
func figureOf(f *facts.Fact) (figure, bool) {
	if f.Amount == nil {
		return figure{}, false
	}
	return newFigure(*f.Amount), true
}
