package pdf

import (
	"unicode"

	"github.com/klippa-app/go-pdfium/enums"
)

// Characters whose glyphs have no measurable shape.
//
// PDFium's text page leaves out every text object whose box has no width
// (CPDF_TextPage::ProcessTextObject), meaning to skip empty ones. But the
// box is the union of the glyphs' drawn boxes, and a glyph PDFium cannot
// draw has an empty one: a font that is not embedded (FZSSJW--GB1-0 with
// GBK-EUC-H, common in Word-made government reports) has no outlines in
// the WebAssembly build, which carries no system fonts. A text object of
// two such glyphs still has a width, from the first glyph's origin to the
// second's; a text object of one has none, and its character is lost
// although the font maps its code to Unicode: a date typeset as
// `３`, `月`, `１０`, `日` in separate runs reads `３ １０`.
//
// Before the text page is built, every text object with no width whose
// font is not embedded is given a hairline stroke (fill-and-stroke mode, a
// stroke width, and an identity transform to make PDFium recompute the
// box): a stroked object's box is widened by half its line width on each
// side, so the text page keeps it and its characters come out mapped, with
// their usual loose boxes (from the font's ascent, descent and advance
// width, not from the drawn shape). The pages are read, not drawn or saved,
// so the changed stroke is never seen. In an embedded font a glyph with no
// box is blank (the `<0001>Tj` space Word puts between runs), and such
// objects are left alone.
//
// The other text objects of no width are spaces (a `( )Tj` between runs),
// which the text page skipped before; characters from the widened objects
// that are white space stay left out, so that only the lost characters are
// added. They are told apart by their text object's box, which after
// widening is a square of hairlineWidth around the origin.
//
// This is done through PDFium's public editing API (FPDFTextObj_*,
// FPDFPageObj_*), not by patching the module: the characters of a text
// object can be had from no API but the text page.

// hairlineWidth is the stroke width given to a text object with no width:
// wider than PDFium's size epsilon (0.01 pt), too small to matter to any
// box the layout uses.
const hairlineWidth = 0.1

// sizeEpsilon is PDFium's kSizeEpsilon: text objects narrower than this are
// skipped by its text page.
const sizeEpsilon = 0.01

// widenedObjects holds the boxes, in the object's own space, of the text
// objects widened on one page.
type widenedObjects map[[4]float64]bool

// widenInklessText gives a hairline stroke to every text object of the
// page (also inside forms) whose box has no width and whose font is not
// embedded, and returns their boxes after widening. (Reading a page does
// this in the walk that also reads its rules: readObjects.)
func widenInklessText(src pageSource) (widenedObjects, error) {
	w := &widener{src: src}
	err := walkObjects(src, func(o pageObject, ty enums.FPDF_PAGEOBJ, _ matrix, _ bool) {
		if ty == enums.FPDF_PAGEOBJ_TEXT {
			w.text(o)
		}
	})
	return w.out, err
}

type widener struct {
	src pageSource
	out widenedObjects
}

// text widens text object o if its box has no width and its font is not
// embedded: in an embedded font, a glyph with no box is blank (a space).
// A failure to change o leaves it as it was.
func (w *widener) text(o pageObject) {
	l, _, r, _, err := w.src.objectBounds(o)
	if err != nil || r-l >= sizeEpsilon || l-r >= sizeEpsilon {
		return
	}
	if embedded, err := w.src.fontEmbedded(o); err != nil || embedded {
		return
	}
	if w.src.widenText(o, hairlineWidth) != nil {
		return
	}
	var b [4]float64
	if b[0], b[1], b[2], b[3], err = w.src.objectBounds(o); err != nil {
		return
	}
	if w.out == nil {
		w.out = widenedObjects{}
	}
	w.out[b] = true
}

// fromWidened reports whether character i of the text page comes from one
// of the widened objects.
func (ws widenedObjects) fromWidened(src pageSource, i int) bool {
	if len(ws) == 0 {
		return false
	}
	o, err := src.textObject(i)
	if err != nil {
		return false
	}
	var b [4]float64
	if b[0], b[1], b[2], b[3], err = src.objectBounds(o); err != nil {
		return false
	}
	return ws[b]
}

// isBlank reports characters that carry no text of their own: white space
// of any kind (U+3000 included).
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF
}
