package pdf

import "unicode/utf16"

// Decimal points drawn with a private-use glyph.
//
// Some typesetting systems (Founder's 书版/飞腾, common for people's
// congress documents) draw the decimal point with a glyph of their own
// symbol font whose ToUnicode entry is a private-use code point
// (U+1001B0 in one report), so the text reads 2221.7 as 22217 — ten times
// the amount, silently. The code point says nothing, but the glyph's drawn
// shape does: a decimal point is a small dot, about as wide as high, sitting
// on the baseline of the digit before it. A middle dot (·) floats at half
// height, a comma is taller than wide and hangs below the baseline, a
// footnote marker (①) is as large as a digit; none of them pass.
//
// The shape comes from PDFium's tight character box (FPDFText_GetCharBox),
// asked only for private-use characters and the digit before them.

// Shape limits of a dot, as fractions of the ink height of the digit
// before it (a digit's ink is about 0.7 em).
const (
	dotMaxSize     = 0.4  // the dot's width and height at most this
	dotBaselineTol = 0.12 // its bottom within this of the digit's bottom
	dotMaxAspect   = 1.6  // height/width and width/height at most this
)

// isDigit reports ASCII and full-width decimal digits.
func isDigit(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
}

// isBaselineDot reports whether ink, the drawn box of a glyph, is a dot on
// the baseline of digit, the drawn box of the digit before it. Both are
// display boxes [x0, y0, x1, y1] (y down: y1 is the bottom).
func isBaselineDot(ink, digit [4]float64) bool {
	dh := digit[3] - digit[1]
	w, h := ink[2]-ink[0], ink[3]-ink[1]
	if dh <= 0 || w <= 0 || h <= 0 {
		return false
	}
	if w > dotMaxSize*dh || h > dotMaxSize*dh {
		return false
	}
	if h > dotMaxAspect*w || w > dotMaxAspect*h {
		return false
	}
	bottom := ink[3] - digit[3]
	return bottom <= dotBaselineTol*dh && bottom >= -dotBaselineTol*dh
}

// joinSurrogates returns the code point of a UTF-16 surrogate pair PDFium
// reports as two characters (it does so for code points beyond the BMP),
// and whether hi and lo form one.
func joinSurrogates(hi, lo rune) (rune, bool) {
	if !utf16.IsSurrogate(hi) || !utf16.IsSurrogate(lo) {
		return 0, false
	}
	r := utf16.DecodeRune(hi, lo)
	return r, r != 0xFFFD
}

// privateDot decides whether the unmapped character at index i of src,
// with display transform tr, is a decimal point: it must directly follow
// a kept digit (prev, the index of that digit's character, or -1) and be
// drawn as a dot on that digit's baseline.
func privateDot(src pageSource, tr displayTransform, i int, prev glyph, prevIndex int) bool {
	if prevIndex < 0 || prev.space || !isDigit(prev.r) {
		return false
	}
	ink, ok := inkDisplayBox(src, tr, i)
	if !ok {
		return false
	}
	digit, ok := inkDisplayBox(src, tr, prevIndex)
	return ok && isBaselineDot(ink, digit)
}

func inkDisplayBox(src pageSource, tr displayTransform, i int) ([4]float64, bool) {
	l, b, r, t, err := src.inkBox(i)
	if err != nil {
		return [4]float64{}, false
	}
	g := glyph{}
	g.x0, g.y0, g.x1, g.y1 = tr.apply(l, b, r, t)
	if !g.valid() {
		return [4]float64{}, false
	}
	return [4]float64{g.x0, g.y0, g.x1, g.y1}, true
}
