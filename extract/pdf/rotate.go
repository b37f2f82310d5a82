package pdf

import (
	"math"

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
