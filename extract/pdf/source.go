package pdf

import (
	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/structs"
)

// pageSource is the part of PDFium's API that reading one loaded page
// needs: its geometry, its characters (from its text page) and its vector
// objects. It has two implementations: go-pdfium's request API (apiPage),
// and direct calls of PDFium's exports (directPage), which are several
// times cheaper per call; both must give the same answers.
type pageSource interface {
	boundingBox() (left, bottom, right, top float64, err error)
	rotation() (enums.FPDF_PAGE_ROTATION, error)

	charCount() (int, error)
	// text returns the page's n characters as runes, or nil when the text
	// cannot be had in one call or does not line up with the indices.
	text(n int) []rune
	unicode(i int) (rune, error)
	generated(i int) (bool, error)
	looseBox(i int) (left, bottom, right, top float64, err error)
	// inkBox is the tight box of the glyph's drawn shape (PDFium's char box).
	inkBox(i int) (left, bottom, right, top float64, err error)
	// textObject is the text object character i comes from.
	textObject(i int) (pageObject, error)

	objectCount() (int, error)
	object(i int) (pageObject, error)
	objectType(o pageObject) (enums.FPDF_PAGEOBJ, error)
	objectMatrix(o pageObject) (matrix, error)
	objectBounds(o pageObject) (left, bottom, right, top float64, err error)
	fillColor(o pageObject) (structs.FPDF_COLOR, error)
	formCount(o pageObject) (int, error)
	formObject(o pageObject, i int) (pageObject, error)
	segmentCount(o pageObject) (int, error)
	drawMode(o pageObject) (fill enums.FPDF_FILLMODE, stroke bool, err error)
	segment(o pageObject, i int) (pathSegment, error)
	segmentType(s pathSegment) (enums.FPDF_SEGMENT, error)
	segmentPoint(s pathSegment) (x, y float64, err error)
	segmentClose(s pathSegment) (bool, error)

	// fontEmbedded reports whether text object o's font is embedded.
	fontEmbedded(o pageObject) (bool, error)
	// widenText strokes text object o with a line of width w (fill and
	// stroke) and has PDFium recompute its box (see inkless.go).
	widenText(o pageObject, w float64) error
}

// pageObject and pathSegment name a PDFium object in either
// implementation: go-pdfium's reference, or the guest pointer.
type pageObject struct {
	ref references.FPDF_PAGEOBJECT
	ptr uint64
}

type pathSegment struct {
	ref references.FPDF_PATHSEGMENT
	ptr uint64
}

// apiPage reads a page through go-pdfium's request API.
type apiPage struct {
	inst pdfium.Pdfium
	page requests.Page
	tp   references.FPDF_TEXTPAGE
}

// readPageAPI loads page index of the document through go-pdfium and reads it.
func readPageAPI(inst pdfium.Pdfium, docRef references.FPDF_DOCUMENT, index int) (*rawPage, error) {
	loaded, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: docRef, Index: index})
	if err != nil {
		return nil, err
	}
	pageRef := loaded.Page
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: pageRef})
	src := &apiPage{inst: inst, page: requests.Page{ByReference: &pageRef}}
	return readPage(src, func() (func(), error) {
		textPage, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: src.page})
		if err != nil {
			return nil, err
		}
		src.tp = textPage.TextPage
		return func() { inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: src.tp}) }, nil
	})
}

func (a *apiPage) boundingBox() (l, b, r, t float64, err error) {
	box, err := a.inst.FPDF_GetPageBoundingBox(&requests.FPDF_GetPageBoundingBox{Page: a.page})
	if err != nil {
		return 0, 0, 0, 0, err
	}
	return float64(box.Rect.Left), float64(box.Rect.Bottom), float64(box.Rect.Right), float64(box.Rect.Top), nil
}

func (a *apiPage) rotation() (enums.FPDF_PAGE_ROTATION, error) {
	rot, err := a.inst.FPDFPage_GetRotation(&requests.FPDFPage_GetRotation{Page: a.page})
	if err != nil {
		return 0, err
	}
	return rot.PageRotation, nil
}

func (a *apiPage) charCount() (int, error) {
	n, err := a.inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: a.tp})
	if err != nil {
		return 0, err
	}
	return n.Count, nil
}

func (a *apiPage) text(n int) []rune {
	all, err := a.inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: a.tp, StartIndex: 0, Count: n})
	if err != nil {
		return nil
	}
	if rs := []rune(all.Text); len(rs) == n {
		return rs
	}
	return nil
}

func (a *apiPage) unicode(i int) (rune, error) {
	u, err := a.inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: a.tp, Index: i})
	if err != nil {
		return 0, err
	}
	return rune(u.Unicode), nil
}

func (a *apiPage) generated(i int) (bool, error) {
	gen, err := a.inst.FPDFText_IsGenerated(&requests.FPDFText_IsGenerated{TextPage: a.tp, Index: i})
	if err != nil {
		return false, err
	}
	return gen.IsGenerated, nil
}

func (a *apiPage) looseBox(i int) (l, b, r, t float64, err error) {
	lb, err := a.inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: a.tp, Index: i})
	if err != nil {
		return 0, 0, 0, 0, err
	}
	return float64(lb.Rect.Left), float64(lb.Rect.Bottom), float64(lb.Rect.Right), float64(lb.Rect.Top), nil
}

func (a *apiPage) inkBox(i int) (l, b, r, t float64, err error) {
	cb, err := a.inst.FPDFText_GetCharBox(&requests.FPDFText_GetCharBox{TextPage: a.tp, Index: i})
	if err != nil {
		return 0, 0, 0, 0, err
	}
	return cb.Left, cb.Bottom, cb.Right, cb.Top, nil
}

func (a *apiPage) textObject(i int) (pageObject, error) {
	o, err := a.inst.FPDFText_GetTextObject(&requests.FPDFText_GetTextObject{TextPage: a.tp, Index: i})
	if err != nil {
		return pageObject{}, err
	}
	return pageObject{ref: o.TextObject}, nil
}

func (a *apiPage) fontEmbedded(o pageObject) (bool, error) {
	f, err := a.inst.FPDFTextObj_GetFont(&requests.FPDFTextObj_GetFont{PageObject: o.ref})
	if err != nil {
		return false, err
	}
	e, err := a.inst.FPDFFont_GetIsEmbedded(&requests.FPDFFont_GetIsEmbedded{Font: f.Font})
	if err != nil {
		return false, err
	}
	return e.IsEmbedded, nil
}

func (a *apiPage) widenText(o pageObject, w float64) error {
	if _, err := a.inst.FPDFTextObj_SetTextRenderMode(&requests.FPDFTextObj_SetTextRenderMode{
		PageObject: o.ref, TextRenderMode: enums.FPDF_TEXTRENDERMODE_FILL_STROKE}); err != nil {
		return err
	}
	if _, err := a.inst.FPDFPageObj_SetStrokeWidth(&requests.FPDFPageObj_SetStrokeWidth{
		PageObject: o.ref, StrokeWidth: float32(w)}); err != nil {
		return err
	}
	_, err := a.inst.FPDFPageObj_Transform(&requests.FPDFPageObj_Transform{
		PageObject: o.ref, Transform: structs.FPDF_FS_MATRIX{A: 1, D: 1}})
	return err
}

func (a *apiPage) objectCount() (int, error) {
	n, err := a.inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: a.page})
	if err != nil {
		return 0, err
	}
	return n.Count, nil
}

func (a *apiPage) object(i int) (pageObject, error) {
	o, err := a.inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: a.page, Index: i})
	if err != nil {
		return pageObject{}, err
	}
	return pageObject{ref: o.PageObject}, nil
}

func (a *apiPage) objectType(o pageObject) (enums.FPDF_PAGEOBJ, error) {
	ty, err := a.inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: o.ref})
	if err != nil {
		return 0, err
	}
	return ty.Type, nil
}

func (a *apiPage) objectMatrix(o pageObject) (matrix, error) {
	m, err := a.inst.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: o.ref})
	if err != nil {
		return matrix{}, err
	}
	return fromFS(m.Matrix), nil
}

func (a *apiPage) objectBounds(o pageObject) (l, b, r, t float64, err error) {
	bb, err := a.inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: o.ref})
	if err != nil {
		return 0, 0, 0, 0, err
	}
	return float64(bb.Left), float64(bb.Bottom), float64(bb.Right), float64(bb.Top), nil
}

func (a *apiPage) fillColor(o pageObject) (structs.FPDF_COLOR, error) {
	fc, err := a.inst.FPDFPageObj_GetFillColor(&requests.FPDFPageObj_GetFillColor{PageObject: o.ref})
	if err != nil {
		return structs.FPDF_COLOR{}, err
	}
	return fc.FillColor, nil
}

func (a *apiPage) formCount(o pageObject) (int, error) {
	n, err := a.inst.FPDFFormObj_CountObjects(&requests.FPDFFormObj_CountObjects{PageObject: o.ref})
	if err != nil {
		return 0, err
	}
	return n.Count, nil
}

func (a *apiPage) formObject(o pageObject, i int) (pageObject, error) {
	in, err := a.inst.FPDFFormObj_GetObject(&requests.FPDFFormObj_GetObject{PageObject: o.ref, Index: uint64(i)})
	if err != nil {
		return pageObject{}, err
	}
	return pageObject{ref: in.PageObject}, nil
}

func (a *apiPage) segmentCount(o pageObject) (int, error) {
	sc, err := a.inst.FPDFPath_CountSegments(&requests.FPDFPath_CountSegments{PageObject: o.ref})
	if err != nil {
		return 0, err
	}
	return sc.Count, nil
}

func (a *apiPage) drawMode(o pageObject) (enums.FPDF_FILLMODE, bool, error) {
	dm, err := a.inst.FPDFPath_GetDrawMode(&requests.FPDFPath_GetDrawMode{PageObject: o.ref})
	if err != nil {
		return 0, false, err
	}
	return dm.FillMode, dm.Stroke, nil
}

func (a *apiPage) segment(o pageObject, i int) (pathSegment, error) {
	seg, err := a.inst.FPDFPath_GetPathSegment(&requests.FPDFPath_GetPathSegment{PageObject: o.ref, Index: i})
	if err != nil {
		return pathSegment{}, err
	}
	return pathSegment{ref: seg.PathSegment}, nil
}

func (a *apiPage) segmentType(s pathSegment) (enums.FPDF_SEGMENT, error) {
	st, err := a.inst.FPDFPathSegment_GetType(&requests.FPDFPathSegment_GetType{PathSegment: s.ref})
	if err != nil {
		return 0, err
	}
	return st.Type, nil
}

func (a *apiPage) segmentPoint(s pathSegment) (x, y float64, err error) {
	pt, err := a.inst.FPDFPathSegment_GetPoint(&requests.FPDFPathSegment_GetPoint{PathSegment: s.ref})
	if err != nil {
		return 0, 0, err
	}
	return float64(pt.X), float64(pt.Y), nil
}

func (a *apiPage) segmentClose(s pathSegment) (bool, error) {
	cl, err := a.inst.FPDFPathSegment_GetClose(&requests.FPDFPathSegment_GetClose{PathSegment: s.ref})
	if err != nil {
		return false, err
	}
	return cl.IsClose, nil
}
