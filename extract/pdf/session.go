package pdf

import (
	"context"
	"fmt"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"

	"github.com/budgetdoc/budgetdoc/extract"
)

// withDocument opens data on a pooled PDFium instance and runs fn on it,
// under the same rules as Read: a concurrency slot per call, the work on
// its own goroutine so that a done ctx returns at once, and an instance
// that failed mid-call destroyed rather than reused. It serves the
// operations other than reading text (annotating, rendering).
func withDocument(ctx context.Context, data []byte, fn func(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT) error) error {
	if err := ctx.Err(); err != nil {
		return timeoutError(ctx)
	}
	eng, err := getEngine()
	if err != nil {
		return fmt.Errorf("%w: %w", errEngine, err)
	}
	inst, err := eng.acquire(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return timeoutError(ctx)
		}
		return fmt.Errorf("%w: %w", errEngine, err)
	}
	type result struct {
		err     error
		healthy bool
	}
	done := make(chan result, 1)
	go func() {
		r := result{healthy: true}
		defer func() {
			if p := recover(); p != nil {
				r = result{err: fmt.Errorf("%w: PDF engine failed: %v", extract.ErrCorrupt, p)}
			}
			done <- r
		}()
		opened, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
		if err != nil {
			r.err, r.healthy = openError(err), isPDFiumError(err)
			return
		}
		defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: opened.Document})
		if err := fn(inst, opened.Document); err != nil {
			r.err, r.healthy = err, isPDFiumError(err) || !isEngineFailure(err)
		}
	}()
	select {
	case r := <-done:
		eng.releaseSlot()
		retire(inst, r.healthy)
		return r.err
	case <-ctx.Done():
		eng.releaseSlot()
		abandon(eng, inst, done)
		return timeoutError(ctx)
	}
}

// usageError marks an error of ours that leaves the instance usable
// (a bad page number, an empty request) apart from PDFium failing.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func isEngineFailure(err error) bool {
	_, ok := err.(usageError)
	return !ok
}

// pageGeometry loads page index (0-based) and returns it with the
// transform between PDF user space and the displayed page that Read uses
// for boxes. The caller closes the page.
func pageGeometry(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) (references.FPDF_PAGE, displayTransform, error) {
	loaded, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return "", displayTransform{}, err
	}
	src := &apiPage{inst: inst, page: requests.Page{ByReference: &loaded.Page}}
	l, b, r, t, err := src.boundingBox()
	if err == nil {
		rot, err := src.rotation()
		if err != nil {
			rot = enums.FPDF_PAGE_ROTATION_NONE
		}
		return loaded.Page, newDisplayTransform(l, b, r, t, rot), nil
	}
	inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: loaded.Page})
	return "", displayTransform{}, err
}

// invert maps a display box [x0, y0, x1, y1] (origin top-left, y down) back
// to PDF user space (left, bottom, right, top): the inverse of apply.
func (t displayTransform) invert(x0, y0, x1, y1 float64) (l, b, r, tp float64) {
	point := func(dx, dy float64) (float64, float64) {
		switch t.rotation {
		case enums.FPDF_PAGE_ROTATION_90_CW: // 90° clockwise: apply gave (y-bottom, x-left)
			return dy + t.left, dx + t.bottom
		case enums.FPDF_PAGE_ROTATION_180_CW: // 180°: (right-x, y-bottom)
			return t.right - dx, dy + t.bottom
		case enums.FPDF_PAGE_ROTATION_270_CW: // 270°: (top-y, right-x)
			return t.right - dy, t.top - dx
		default: // (x-left, top-y)
			return dx + t.left, t.top - dy
		}
	}
	ax, ay := point(x0, y0)
	bx, by := point(x1, y1)
	return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
}

// pageCount returns the number of pages of an open document.
func pageCount(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT) (int, error) {
	n, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
	if err != nil {
		return 0, fmt.Errorf("%w: counting pages: %w", extract.ErrCorrupt, err)
	}
	return n.PageCount, nil
}
