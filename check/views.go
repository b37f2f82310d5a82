package check

import (
	"context"
	"strings"

	"github.com/budgetdoc/budgetdoc/extract/facts"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/nlp/quantity"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
	"github.com/budgetdoc/budgetdoc/schema"
)

// views are the per-document views the rules share, computed once per Run
// rather than by each rule (as go/analysis analyzers share the inspector
// that inspect.Analyzer builds): the text lines, the prose lines, the
// table-of-contents entries, the facts indexed by mention, and the
// quantities of each line.
type views struct {
	lines []TextLine
	prose []TextLine
	toc   map[[2]int]bool
	facts []facts.Fact
	// byMention indexes the facts with an amount by where the amount is.
	byMention map[mention]int
	// joined maps a prose line made of two lines to them.
	joined map[*normalize.Line][2]*normalize.Line
	// quantities caches quantity.Scan of each line's view.
	quantities map[*normalize.Line][]quantity.Quantity
}

// newViews computes the shared views of res.
func newViews(ctx context.Context, res *pipeline.Result) (*views, error) {
	v := &views{toc: map[[2]int]bool{}, byMention: map[mention]int{},
		joined: map[*normalize.Line][2]*normalize.Line{}, quantities: map[*normalize.Line][]quantity.Quantity{}}
	if res == nil {
		return v, nil
	}
	if res.Tree != nil {
		for _, n := range res.Tree.TOC {
			v.toc[[2]int{n.Page, n.Item}] = true
		}
	}
	if res.Text != nil {
		for pi, pg := range res.Text.Pages {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			for ii, it := range pg.Items {
				if it.Line != nil {
					v.lines = append(v.lines, TextLine{Page: pi, Item: ii, Kind: it.Kind, Line: it.Line})
				}
			}
		}
	}
	for _, l := range v.lines {
		if l.TableRow || v.toc[[2]int{l.Page, l.Item}] {
			continue
		}
		if k := len(v.prose) - 1; k >= 0 && brokenBeforeAmount(v.prose[k].Text, l.Text) && l.Page-v.prose[k].Page <= 1 {
			j := joinLines(v.prose[k].Line, l.Line)
			v.joined[j] = [2]*normalize.Line{v.prose[k].Line, l.Line}
			v.prose[k].Line = j
			continue
		}
		v.prose = append(v.prose, l)
	}
	v.facts = res.Facts
	for i := range v.facts {
		if f := &v.facts[i]; f.Amount != nil && f.Line != nil {
			v.byMention[mention{f.Line, f.Line.OrigOffset(f.Start)}] = i
		}
	}
	return v, nil
}

// source returns the place of original offset orig of l in the lines that
// normalize made, looking through prose lines joined from two.
func (v *views) source(l *normalize.Line, orig int) mention {
	for {
		j, ok := v.joined[l]
		if !ok {
			return mention{l, orig}
		}
		if n := len(j[0].Orig); orig >= n {
			l, orig = j[1], orig-n
		} else {
			l = j[0]
		}
	}
}

// quantitiesOf returns the quantities of l's view, scanned once per
// document. The slice is shared: callers must not change it.
func (v *views) quantitiesOf(l *normalize.Line) []quantity.Quantity {
	qs, ok := v.quantities[l]
	if !ok {
		qs = quantity.Scan(l.Text, quantity.Options{})
		v.quantities[l] = qs
	}
	return qs
}

// brokenBeforeAmount reports whether a line that ends with 为 continues
// with the amount on the next line — a layout break that normalization
// left (`…执行数为` / `241.76万元，…`).
func brokenBeforeAmount(a, b string) bool {
	a = strings.TrimSpace(a)
	b = strings.TrimSpace(b)
	return strings.HasSuffix(a, "为") && b != "" && b[0] >= '0' && b[0] <= '9'
}

// joinLines makes one logical line of a and b, keeping the provenance of
// every byte.
func joinLines(a, b *normalize.Line) *normalize.Line {
	out := &normalize.Line{View: textnorm.Fold(a.Orig + b.Orig)}
	out.Parts = append(out.Parts, a.Parts...)
	for _, pt := range b.Parts {
		pt.Start += len(a.Orig)
		out.Parts = append(out.Parts, pt)
	}
	if len(a.Origins) > 0 || len(b.Origins) > 0 {
		// a side without columns keeps its lines' locations
		origins := func(l *normalize.Line) []normalize.Part {
			if len(l.Origins) > 0 {
				return l.Origins
			}
			return l.Parts
		}
		out.Origins = append(out.Origins, origins(a)...)
		for _, o := range origins(b) {
			o.Start += len(a.Orig)
			out.Origins = append(out.Origins, o)
		}
	}
	out.Spans = append(out.Spans, a.Spans...)
	for _, sp := range b.Spans {
		sp.Start += len(a.Orig)
		sp.End += len(a.Orig)
		out.Spans = append(out.Spans, sp)
	}
	return out
}

// government reports whether the document is a government's report as a
// whole (预算报告, 决算报告 and their tables) rather than a department's
// or a unit's disclosure: several rules judge such reports by their own
// profile.
func (p *Pass) government() bool { return p.Meta.Scope == schema.ScopeGovernment }
