package pdf

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"strings"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/structs"

	"github.com/budgetdoc/budgetdoc/extract"
)

// Note is one annotation to add to a PDF: a box on a page, in the
// coordinates of extract.Loc.BBox (points, origin at the top-left of the
// displayed page), with the text a viewer shows in its popup.
type Note struct {
	Page     int // 1-based
	Box      extract.BBox
	Title    string // the annotation's author line (/T)
	Contents string // the popup text (/Contents)
	Color    color.RGBA
}

// notePadding widens each box a little so that the frame does not cut
// through the glyphs it marks.
const notePadding = 1.5

// Annotate returns a copy of the PDF data with one square annotation per
// note: a coloured frame with its own appearance stream (so that every
// viewer draws it, not only those that synthesise appearances) and the
// note's text as /Contents, which viewers show as the annotation's popup.
// The copy is an incremental update: the original bytes are kept
// unchanged at its start, and the annotations are appended.
func Annotate(ctx context.Context, data []byte, notes []Note) ([]byte, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: no bytes", extract.ErrEmpty)
	}
	var out []byte
	err := withDocument(ctx, data, func(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT) error {
		n, err := pageCount(inst, doc)
		if err != nil {
			return err
		}
		byPage := map[int][]Note{}
		for _, nt := range notes {
			if nt.Page < 1 || nt.Page > n {
				return usageError{fmt.Sprintf("annotation on page %d, the PDF has %d pages", nt.Page, n)}
			}
			byPage[nt.Page] = append(byPage[nt.Page], nt)
		}
		for page := 1; page <= n; page++ {
			if len(byPage[page]) == 0 {
				continue
			}
			if ctx.Err() != nil {
				return timeoutError(ctx)
			}
			if err := annotatePage(inst, doc, page, byPage[page]); err != nil {
				return fmt.Errorf("page %d: %w", page, err)
			}
		}
		saved, err := inst.FPDF_SaveAsCopy(&requests.FPDF_SaveAsCopy{Document: doc, Flags: requests.SaveFlagIncremental})
		if err != nil || saved.FileBytes == nil {
			return fmt.Errorf("saving the annotated PDF: %v", err)
		}
		out = *saved.FileBytes
		return nil
	})
	return out, err
}

func annotatePage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, page int, notes []Note) error {
	ref, tr, err := pageGeometry(inst, doc, page-1)
	if err != nil {
		return err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: ref})
	pg := requests.Page{ByReference: &ref}
	for _, nt := range notes {
		b := nt.Box
		l, bot, r, t := tr.invert(b[0]-notePadding, b[1]-notePadding, b[2]+notePadding, b[3]+notePadding)
		created, err := inst.FPDFPage_CreateAnnot(&requests.FPDFPage_CreateAnnot{Page: pg, Subtype: enums.FPDF_ANNOT_SUBTYPE_SQUARE})
		if err != nil {
			return fmt.Errorf("creating an annotation: %w", err)
		}
		err = fillSquare(inst, created.Annotation, nt, l, bot, r, t)
		inst.FPDFPage_CloseAnnot(&requests.FPDFPage_CloseAnnot{Annotation: created.Annotation})
		if err != nil {
			return err
		}
	}
	return nil
}

// fillSquare sets a new square annotation's rectangle, colour, border,
// flags, text and appearance.
func fillSquare(inst pdfium.Pdfium, a references.FPDF_ANNOTATION, nt Note, l, b, r, t float64) error {
	const width = 1.2
	c := nt.Color
	if c.A == 0 {
		c = color.RGBA{R: 220, A: 255}
	}
	steps := []func() error{
		func() error {
			_, err := inst.FPDFAnnot_SetRect(&requests.FPDFAnnot_SetRect{Annotation: a, Rect: structs.FPDF_FS_RECTF{
				Left: float32(l), Bottom: float32(b), Right: float32(r), Top: float32(t)}})
			return err
		},
		func() error {
			_, err := inst.FPDFAnnot_SetColor(&requests.FPDFAnnot_SetColor{Annotation: a,
				ColorType: enums.FPDFANNOT_COLORTYPE_Color, R: uint(c.R), G: uint(c.G), B: uint(c.B), A: 255})
			return err
		},
		func() error {
			_, err := inst.FPDFAnnot_SetBorder(&requests.FPDFAnnot_SetBorder{Annotation: a, BorderWidth: width})
			return err
		},
		func() error {
			_, err := inst.FPDFAnnot_SetFlags(&requests.FPDFAnnot_SetFlags{Annotation: a, Flags: enums.FPDF_ANNOT_FLAG_PRINT})
			return err
		},
		func() error {
			_, err := inst.FPDFAnnot_SetStringValue(&requests.FPDFAnnot_SetStringValue{Annotation: a, Key: "Contents", Value: nt.Contents})
			return err
		},
		func() error {
			if nt.Title == "" {
				return nil
			}
			_, err := inst.FPDFAnnot_SetStringValue(&requests.FPDFAnnot_SetStringValue{Annotation: a, Key: "T", Value: nt.Title})
			return err
		},
		func() error {
			// The appearance stream's bounding box is the annotation's
			// rectangle, in page space: draw the frame just inside it.
			h := width / 2
			ap := fmt.Sprintf("q %.3f %.3f %.3f RG %.2f w %.2f %.2f %.2f %.2f re S Q",
				float64(c.R)/255, float64(c.G)/255, float64(c.B)/255, width, l+h, b+h, r-l-width, t-b-width)
			_, err := inst.FPDFAnnot_SetAP(&requests.FPDFAnnot_SetAP{Annotation: a,
				AppearanceMode: enums.FPDF_ANNOT_APPEARANCEMODE_NORMAL, Value: &ap})
			return err
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("writing an annotation: %w", err)
		}
	}
	return nil
}

// Annotation is an annotation found on a page, with the text under it: for
// checking what Annotate wrote with PDFium's own reading of the result.
type Annotation struct {
	Page     int
	Subtype  string // "square", "highlight", "text" …
	Box      extract.BBox
	Contents string
	Text     string // the page text inside Box
}

// Annotations reads every annotation of the PDF with the text inside its
// rectangle.
func Annotations(ctx context.Context, data []byte) ([]Annotation, error) {
	var out []Annotation
	err := withDocument(ctx, data, func(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT) error {
		n, err := pageCount(inst, doc)
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			got, err := pageAnnotations(inst, doc, i)
			if err != nil {
				return fmt.Errorf("page %d: %w", i+1, err)
			}
			out = append(out, got...)
		}
		return nil
	})
	return out, err
}

func pageAnnotations(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) ([]Annotation, error) {
	ref, tr, err := pageGeometry(inst, doc, index)
	if err != nil {
		return nil, err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: ref})
	pg := requests.Page{ByReference: &ref}
	count, err := inst.FPDFPage_GetAnnotCount(&requests.FPDFPage_GetAnnotCount{Page: pg})
	if err != nil || count.Count == 0 {
		return nil, err
	}
	// The text under an annotation is read like the page's text, with the
	// characters of text objects of no width (inkless.go); their blank
	// characters are not told apart here, as spaces do not matter to it.
	if _, err := widenInklessText(&apiPage{inst: inst, page: pg}); err != nil {
		return nil, err
	}
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: pg})
	if err != nil {
		return nil, err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	var out []Annotation
	for k := 0; k < count.Count; k++ {
		got, err := inst.FPDFPage_GetAnnot(&requests.FPDFPage_GetAnnot{Page: pg, Index: k})
		if err != nil {
			return nil, err
		}
		a := got.Annotation
		ann := Annotation{Page: index + 1}
		if st, err := inst.FPDFAnnot_GetSubtype(&requests.FPDFAnnot_GetSubtype{Annotation: a}); err == nil {
			ann.Subtype = subtypeName(st.Subtype)
		}
		if c, err := inst.FPDFAnnot_GetStringValue(&requests.FPDFAnnot_GetStringValue{Annotation: a, Key: "Contents"}); err == nil {
			ann.Contents = c.Value
		}
		if rc, err := inst.FPDFAnnot_GetRect(&requests.FPDFAnnot_GetRect{Annotation: a}); err == nil {
			l, b := float64(rc.Rect.Left), float64(rc.Rect.Bottom)
			r, t := float64(rc.Rect.Right), float64(rc.Rect.Top)
			x0, y0, x1, y1 := tr.apply(l, b, r, t)
			ann.Box = extract.BBox{x0, y0, x1, y1}
			if txt, err := inst.FPDFText_GetBoundedText(&requests.FPDFText_GetBoundedText{TextPage: tp.TextPage,
				Left: min(l, r), Top: max(b, t), Right: max(l, r), Bottom: min(b, t)}); err == nil {
				ann.Text = txt.Text
			}
		}
		inst.FPDFPage_CloseAnnot(&requests.FPDFPage_CloseAnnot{Annotation: a})
		out = append(out, ann)
	}
	return out, nil
}

func subtypeName(st enums.FPDF_ANNOTATION_SUBTYPE) string {
	switch st {
	case enums.FPDF_ANNOT_SUBTYPE_SQUARE:
		return "square"
	case enums.FPDF_ANNOT_SUBTYPE_HIGHLIGHT:
		return "highlight"
	case enums.FPDF_ANNOT_SUBTYPE_TEXT:
		return "text"
	case enums.FPDF_ANNOT_SUBTYPE_POPUP:
		return "popup"
	case enums.FPDF_ANNOT_SUBTYPE_LINK:
		return "link"
	case enums.FPDF_ANNOT_SUBTYPE_WIDGET:
		return "widget"
	}
	return strings.ToLower(fmt.Sprintf("subtype-%d", st))
}
