package pdf

import (
	"math"
	"regexp"
	"slices"

	"github.com/budgetdoc/budgetdoc/extract"
)

// Pages whose text runs up or down the page (a landscape table set on a
// portrait page by rotating its content, with no /Rotate) are laid out in
// the text's own frame: glyphs and rules are turned so that the text runs
// left to right, the page is laid out as usual, and every box is turned
// back, so locations stay on the page as displayed.

// turn is the rotation of a page's text: 0 none, +1 reading downwards,
// -1 reading upwards.
type turn int

// minTurnPairs: fewer neighbouring glyph pairs than this never decide
// that a page is turned.
const minTurnPairs = 40

// textTurn tells how the page's text runs, from neighbouring glyphs in
// content order: a pair whose second glyph sits right of the first (same
// height) runs across, one whose second glyph sits just below or above
// (same column) runs down or up. The page is turned when pairs running
// down or up outnumber those running across four to one.
func textTurn(gs []glyph) turn {
	across, down, up := 0, 0, 0
	for i := 1; i < len(gs); i++ {
		a, b := gs[i-1], gs[i]
		if a.space || b.space {
			continue
		}
		size := max(a.x1-a.x0, a.y1-a.y0, b.x1-b.x0, b.y1-b.y0)
		if size <= 0 {
			continue
		}
		dx, dy := (b.x0+b.x1-a.x0-a.x1)/2, (b.y0+b.y1-a.y0-a.y1)/2
		switch {
		case math.Abs(dy) < 0.3*size && dx > 0.3*size && dx < 2*size:
			across++
		case math.Abs(dx) < 0.3*size && dy > 0.3*size && dy < 2*size:
			down++
		case math.Abs(dx) < 0.3*size && -dy > 0.3*size && -dy < 2*size:
			up++
		}
	}
	switch {
	case down >= minTurnPairs && down > 4*(across+up):
		return 1
	case up >= minTurnPairs && up > 4*(across+down):
		return -1
	}
	return 0
}

// forward maps a box of the page (w × h) into the text's frame.
func (t turn) forward(b box, w, h float64) box {
	switch t {
	case 1: // reading down: the glyphs' tops face right
		return box{b.y0, w - b.x1, b.y1, w - b.x0}
	case -1: // reading up: the glyphs' tops face left
		return box{h - b.y1, b.x0, h - b.y0, b.x1}
	}
	return b
}

// back maps a box of the text's frame back onto the page (w × h).
func (t turn) back(b box, w, h float64) box {
	switch t {
	case 1:
		return box{w - b.y1, b.x0, w - b.y0, b.x1}
	case -1:
		return box{b.y0, h - b.x1, b.y1, h - b.x0}
	}
	return b
}

// turnPage turns the glyphs and rules of raw into the text's frame.
func (t turn) turnPage(raw *rawPage) *rawPage {
	out := &rawPage{width: raw.height, height: raw.width, dropped: raw.dropped}
	out.glyphs = make([]glyph, len(raw.glyphs))
	for i, g := range raw.glyphs {
		b := t.forward(box{g.x0, g.y0, g.x1, g.y1}, raw.width, raw.height)
		g.x0, g.y0, g.x1, g.y1 = b.x0, b.y0, b.x1, b.y1
		out.glyphs[i] = g
	}
	out.rules = make([]box, len(raw.rules))
	for i, r := range raw.rules {
		out.rules[i] = t.forward(r, raw.width, raw.height)
	}
	return out
}

// unturn maps every line box of the page back onto the page (w × h).
func (t turn) unturn(p *extract.Page, w, h float64) {
	fix := func(ls []extract.Line) {
		for k := range ls {
			if bb := ls[k].Loc.BBox; bb != nil {
				b := t.back(box{bb[0], bb[1], bb[2], bb[3]}, w, h)
				ls[k].Loc.BBox = &extract.BBox{b.x0, b.y0, b.x1, b.y1}
			}
		}
	}
	eachLines(p, fix)
}

// uprightNumberRE matches the text of a page number: `— 58 —`, `-5-`, `58`,
// `— ５ —` (full-width digits).
var uprightNumberRE = regexp.MustCompile(`^[\-—–－_]*[0-9０-９]{1,4}[\-—–－_]*$`)

// uprightFooter is the share of the page's height, at the top and at the
// bottom, where a page number printed upright on a turned page is looked
// for.
const uprightFooter = 0.15

// splitUpright takes from a turned page's glyphs its page number: printed
// upright at the foot (or head) of the page as displayed while the table
// runs up or down it. Turned with the rest, its glyphs would stand in a
// column at the table's side and join the rows beside them (`58—  2025年
// 市级对区…情况表`). A page number is a run of glyphs in content order,
// each right of the one before on one line, that reads as a bare number
// with its dashes and lies in the page's top or bottom margin; the text of
// the turned page runs down or up, so none of its runs is two glyphs long.
func splitUpright(gs []glyph, height float64) (number, rest []glyph) {
	runStart := 0
	flush := func(end int) {
		run := gs[runStart:end]
		var b []rune
		top, bottom := math.Inf(1), math.Inf(-1)
		for _, g := range run {
			if !g.space {
				b = append(b, g.r)
				top, bottom = min(top, g.y0), max(bottom, g.y1)
			}
		}
		// Two glyphs at least: one glyph runs no way, and a table cell's
		// single digit may stand in the margin too.
		if len(b) > 1 && uprightNumberRE.MatchString(string(b)) &&
			(bottom <= uprightFooter*height || top >= (1-uprightFooter)*height) {
			number = append(number, run...)
		} else {
			rest = append(rest, run...)
		}
		runStart = end
	}
	for i := 1; i < len(gs); i++ {
		a, b := gs[i-1], gs[i]
		size := max(a.y1-a.y0, b.y1-b.y0)
		dx, dy := (b.x0+b.x1-a.x0-a.x1)/2, (b.y0+b.y1-a.y0-a.y1)/2
		if !(math.Abs(dy) < 0.3*size && dx > 0 && dx < 2*size) {
			flush(i)
		}
	}
	if len(gs) > 0 {
		flush(len(gs))
	}
	return number, rest
}

// sunkOffset: a page number whose middle lies this far (in line heights)
// from the middle of the text line it shares a band with is printed over
// that line, not on it.
const sunkOffset = 0.2

// splitSunkNumbers takes from an upright page's glyphs the page numbers
// printed over its last or first line of text: a footer (`— ４ —`) set so
// close under the text that its glyphs' boxes overlap the line's, so that
// the line would take it in (`政—府４性—基金`). A page number is found as
// on a turned page (a run of glyphs in content order reading as a number
// between dashes, in the top or bottom margin); it is taken out only when
// it would join a line of other glyphs whose middle is not its own, so a
// page number on a line of its own, or a number on a text line, stays.
func splitSunkNumbers(gs []glyph, height float64) (sunk, rest []glyph) {
	numbers, others := splitUpright(gs, height)
	if len(numbers) == 0 {
		return nil, gs
	}
	for _, r := range groupRows(numbers) {
		// The line it would join: the glyphs reaching into its band.
		var mids, sizes []float64
		band0, band1 := math.Inf(1), math.Inf(-1)
		for _, g := range others {
			if !g.space && min(r.y1, g.y1) > max(r.y0, g.y0) {
				mids = append(mids, (g.y0+g.y1)/2)
				sizes = append(sizes, g.height())
				band0, band1 = min(band0, g.y0), max(band1, g.y1)
			}
		}
		joins := len(mids) > 0 && slices.ContainsFunc(r.glyphs, func(g glyph) bool {
			return !g.space && min(band1, g.y1)-max(band0, g.y0) >= sameLineOverlap*min(band1-band0, g.height())
		})
		if joins && dashedNumberRE.MatchString(r.text()) && math.Abs((r.y0+r.y1)/2-median(mids)) > sunkOffset*median(sizes) {
			sunk = append(sunk, r.glyphs...)
		}
	}
	if len(sunk) == 0 {
		return nil, gs
	}
	// The rest keeps its content order.
	taken := map[glyph]int{}
	for _, g := range sunk {
		taken[g]++
	}
	rest = make([]glyph, 0, len(gs)-len(sunk))
	for _, g := range gs {
		if taken[g] > 0 {
			taken[g]--
			continue
		}
		rest = append(rest, g)
	}
	return sunk, rest
}

// dashedNumberRE matches a page number set between dashes (`— ４ —`,
// `－5－`): a bare number at the foot of a page may be a table's last cell.
var dashedNumberRE = regexp.MustCompile(`^[\-—–－_]+\s*[0-9０-９]{1,4}\s*[\-—–－_]+$`)

// median is the middle of xs (xs is reordered).
func median(xs []float64) float64 {
	slices.Sort(xs)
	return xs[len(xs)/2]
}
