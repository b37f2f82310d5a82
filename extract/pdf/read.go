// Package pdf reads PDF files into an extract.Document: the text of every
// page in reading order, as lines with bounding boxes grouped into
// paragraph blocks. Parsing, decryption, font decoding (embedded and
// predefined CJK CMaps, Type 3) are PDFium's, run as WebAssembly through
// go-pdfium and wazero, so no cgo and no host library are needed; this
// package turns PDFium's positioned characters into lines and blocks.
//
// The module run is go-pdfium's with one hot function memoized by
// extract/pdf/pdfiumpatch (a third less reading time); TestPatchedMatchesStock
// reads every test PDF on both and requires identical documents.
//
// Where PDFium's text page drops characters that are in the page, the
// reader works around it through PDFium's own API: one-glyph runs of fonts
// it cannot draw (inkless.go), decimal points drawn with private-use
// glyphs (privatedot.go).
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"

	"github.com/budgetdoc/budgetdoc/extract"
)

// infoKeys are the Info dictionary entries copied into Document.Info.
var infoKeys = []string{"Title", "Author", "Creator", "Producer"}

// Read parses a PDF held in memory. It returns an error wrapping one of the
// extract sentinels: ErrEmpty, ErrUnsupported (not a PDF), ErrCorrupt,
// ErrEncrypted (a user password is needed), ErrTooLarge (more pages than
// lim.MaxPages) or ErrTimeout (ctx done before the document was read) — or
// ErrInternal when our code or the engine's Go side panicked.
func Read(ctx context.Context, data []byte, lim extract.Limits) (*extract.Document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: no bytes", extract.ErrEmpty)
	}
	// PDF readers accept the header anywhere in the first KiB.
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return nil, fmt.Errorf("%w: no %%PDF- header", extract.ErrUnsupported)
	}
	if err := ctx.Err(); err != nil {
		return nil, timeoutError(ctx)
	}
	eng, err := getEngine()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errEngine, err)
	}
	inst, err := eng.acquire(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, timeoutError(ctx)
		}
		return nil, fmt.Errorf("%w: %w", errEngine, err)
	}

	// The work runs on its own goroutine so that Read can return when ctx
	// is done even if a single PDFium call does not.
	type result struct {
		doc     *extract.Document
		err     error
		healthy bool
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r = result{err: extract.FromPanic(p)} // unhealthy: the instance is discarded
			}
			done <- r
		}()
		r.doc, r.healthy, r.err = readDocument(ctx, inst, data, lim)
	}()

	select {
	case r := <-done:
		eng.releaseSlot()
		retire(inst, r.healthy)
		return r.doc, r.err
	case <-ctx.Done():
		eng.releaseSlot()
		abandon(eng, inst, done)
		return nil, timeoutError(ctx)
	}
}

func timeoutError(ctx context.Context) error {
	return fmt.Errorf("%w: %w", extract.ErrTimeout, context.Cause(ctx))
}

// readDocument does the reading on one instance. healthy reports whether
// the instance may be reused: false after an engine failure (a trap leaves
// PDFium's state undefined).
func readDocument(ctx context.Context, inst pdfium.Pdfium, data []byte, lim extract.Limits) (_ *extract.Document, healthy bool, _ error) {
	opened, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		if !isPDFiumError(err) {
			return nil, false, engineFailure(inst, "opening", err)
		}
		return nil, true, openError(err)
	}
	docRef := opened.Document
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: docRef})

	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: docRef})
	if err != nil {
		return nil, false, engineFailure(inst, "counting pages", err)
	}
	if count.PageCount <= 0 {
		return nil, true, fmt.Errorf("%w: the PDF has no pages", extract.ErrEmpty)
	}
	pages, warning := realPageCount(inst, docRef, count.PageCount, lim.MaxPages)
	if pages == 0 { // a page tree that claims pages and holds none
		return nil, true, fmt.Errorf("%w: the PDF has no pages (its page tree claims %d)", extract.ErrEmpty, count.PageCount)
	}
	if lim.MaxPages > 0 && pages > lim.MaxPages {
		return nil, true, fmt.Errorf("%w: more than %d pages, the limit", extract.ErrTooLarge, lim.MaxPages)
	}

	doc := &extract.Document{Format: extract.FormatPDF, Pages: make([]extract.Page, 0, pages)}
	if warning != "" {
		doc.Warnings = append(doc.Warnings, warning)
	}
	for _, key := range infoKeys {
		meta, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: docRef, Tag: key})
		if err != nil {
			continue // absent entries are reported as errors too
		}
		if v := cleanText(decodeInfo(meta.Value)); v != "" {
			if doc.Info == nil {
				doc.Info = map[string]string{}
			}
			doc.Info[key] = v
		}
	}

	// Pages are read with direct calls of PDFium's exports where possible
	// (see direct.go), through go-pdfium's API otherwise.
	var direct *directCalls
	if useDirectCalls {
		direct = newDirectCalls(inst, docRef)
	}
	if direct != nil {
		defer direct.close()
	}
	var dropped int
	for i := 0; i < pages; i++ {
		if ctx.Err() != nil {
			return nil, true, timeoutError(ctx)
		}
		var raw *rawPage
		if direct != nil {
			raw, err = direct.readPage(i)
		} else {
			raw, err = readPageAPI(inst, docRef, i)
		}
		if err != nil {
			if !isPDFiumError(err) {
				return nil, false, engineFailure(inst, fmt.Sprintf("page %d", i+1), err)
			}
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d: unreadable, left empty: %v", i+1, err))
			doc.Pages = append(doc.Pages, extract.Page{Number: i + 1})
			continue
		}
		dropped += raw.dropped
		doc.Pages = append(doc.Pages, layoutPage(i+1, raw, lim.MaxCells))
	}
	if dropped > 0 {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("dropped %d characters without a Unicode mapping (U+FFFD or private use)", dropped))
	}
	return doc, true, nil
}

// realPageCount returns how many pages the document really has, up to
// max+1, and a warning when that is not what its page tree claims. The
// claim (/Count) is what PDFium reports unless it is absurd, and a broken
// or looping page tree claims pages it does not hold: a claim of 2³¹−1 would
// be accepted and one of 100 000 refused while both files hold one page.
// The pages that can be found are counted instead (a page is found by
// index without being parsed, and the found ones come first, so a binary
// search suffices).
func realPageCount(inst pdfium.Pdfium, docRef references.FPDF_DOCUMENT, claimed, max int) (int, string) {
	found := func(i int) bool {
		_, err := inst.FPDF_GetPageSizeByIndex(&requests.FPDF_GetPageSizeByIndex{Document: docRef, Index: i})
		return err == nil
	}
	upper := claimed // pages [0, upper) are to be checked
	if max > 0 && upper > max+1 {
		upper = max + 1
	}
	if found(upper - 1) {
		return upper, "" // (more than max when the limit is reached)
	}
	lo, hi := 0, upper-1 // found(i) for i < lo; not found(hi)
	for lo < hi {
		mid := (lo + hi) / 2
		if found(mid) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, fmt.Sprintf("the page tree claims %d pages but only %d can be found (it is broken or loops); those were read", claimed, lo)
}

// engineFailure words a failure of the PDF engine itself (a WebAssembly
// trap) during what: one line, never the engine's stack trace. A trap of an
// instance whose memory has grown near its limit is the limit (PDFium
// aborts when an allocation fails), a deterministic property of the file:
// ErrTooLarge, not ErrCorrupt.
func engineFailure(inst pdfium.Pdfium, what string, err error) error {
	if instanceMemory(inst) >= memoryLimitPages*65536/4*3 {
		return fmt.Errorf("%w: %s: the PDF engine reached its memory limit (%d MiB)", extract.ErrTooLarge, what, memoryLimitPages*65536>>20)
	}
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return fmt.Errorf("%w: %s: the PDF engine failed: %s", extract.ErrCorrupt, what, msg)
}

// isPDFiumError tells PDFium's own, orderly failures (bad file, bad page,
// password) from failures of the engine itself (WebAssembly traps).
func isPDFiumError(err error) bool {
	for _, known := range []error{pdfiumerrors.ErrUnknown, pdfiumerrors.ErrFile, pdfiumerrors.ErrFormat,
		pdfiumerrors.ErrPassword, pdfiumerrors.ErrSecurity, pdfiumerrors.ErrPage} {
		if errors.Is(err, known) {
			return true
		}
	}
	return false
}

func openError(err error) error {
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword):
		return fmt.Errorf("%w: the PDF is protected by an open (user) password", extract.ErrEncrypted)
	case errors.Is(err, pdfiumerrors.ErrSecurity):
		return fmt.Errorf("%w: unsupported security handler", extract.ErrEncrypted)
	case errors.Is(err, pdfiumerrors.ErrFormat):
		return fmt.Errorf("%w: not a readable PDF (bad structure)", extract.ErrCorrupt)
	case errors.Is(err, pdfiumerrors.ErrFile):
		return fmt.Errorf("%w: the file could not be parsed", extract.ErrCorrupt)
	default:
		return fmt.Errorf("%w: opening the PDF: %w", extract.ErrCorrupt, err)
	}
}

// rawPage is what PDFium tells about one page: its displayed size and its
// characters in content-stream order, in display coordinates.
type rawPage struct {
	width, height float64
	glyphs        []glyph
	rules         []box // path boxes, the material of table rules
	dropped       int   // U+FFFD and private-use characters left out
}

// readPage reads one loaded page from src; loadText loads the page's text
// page (PDFium's character analysis) and returns the function closing it.
func readPage(src pageSource, loadText func() (func(), error)) (*rawPage, error) {
	left, bottom, right, top, err := src.boundingBox()
	if err != nil {
		return nil, err
	}
	rot, err := src.rotation()
	if err != nil {
		return nil, err
	}
	tr := newDisplayTransform(left, bottom, right, top, rot)
	raw := &rawPage{width: tr.width, height: tr.height}

	// Text objects PDFium's text page would skip although they hold
	// characters (inkless.go) are widened before it is built, in the walk
	// over the page's objects that also reads its rules.
	rules, widened, err := readObjects(src, tr)
	if err != nil {
		return nil, err
	}
	closeText, err := loadText()
	if err != nil {
		return nil, err
	}
	defer closeText()

	count, err := src.charCount()
	if err != nil {
		return nil, err
	}
	raw.glyphs = make([]glyph, 0, count)
	// One call for the whole page's characters instead of one per
	// character; when the text does not line up with the character indices
	// (a character outside the BMP), fall back to asking per character.
	var runes []rune
	if count > 0 {
		runes = src.text(count)
	}
	charAt := func(i int) (rune, error) {
		if runes != nil {
			return runes[i], nil
		}
		return src.unicode(i)
	}
	lastKept := -1 // character index of the last glyph kept
	for i := 0; i < count; i++ {
		r, err := charAt(i)
		if err != nil {
			return nil, err
		}
		first := i // a surrogate pair is two characters with one box
		if i+1 < count && utf16.IsSurrogate(r) {
			if lo, err := charAt(i + 1); err == nil {
				if pair, ok := joinSurrogates(r, lo); ok {
					r = pair
					i++
				}
			}
		}
		if widened != nil && isBlank(r) && widened.fromWidened(src, first) {
			continue // a space the text page left out before widening
		}
		space := false
		switch {
		case r == '\r' || r == '\n' || r == 0 || r == 0xFEFF || r == 0xFFFE:
			continue
		case isUnmapped(r):
			if n := len(raw.glyphs); n == 0 || !privateDot(src, tr, first, raw.glyphs[n-1], lastKept) {
				raw.dropped++
				continue
			}
			r = '.'
		case r == ' ' || r == '\t' || r == 0xA0:
			// PDFium inserts spaces of its own where it guesses a word
			// break; only the document's own spaces are kept, the layout
			// decides about the rest from the geometry.
			if gen, err := src.generated(first); err != nil || gen {
				continue
			}
			space = true
		case r < 0x20 || (r >= 0x7F && r < 0xA0):
			continue
		}
		// The loose box spans the font's ascent to descent and the glyph's
		// advance: the same height for every character of a line (unlike
		// the tight glyph box, where "，" sits low and "一" is flat).
		left, bottom, right, top, err := src.looseBox(first)
		if err != nil {
			continue // PDFium has no box for it: not a drawn character
		}
		g := glyph{r: r, space: space}
		g.x0, g.y0, g.x1, g.y1 = tr.apply(left, bottom, right, top)
		if !g.valid() {
			continue
		}
		// Text outside the page is not shown (spreadsheet exports draw
		// whole sheets and let the page clip them). Like pdftotext, keep a
		// character when its origin is on the page; the baseline sits at
		// about 0.8 of the loose box's height for common fonts.
		if baseline := g.y0 + 0.8*g.height(); g.x1 < 0 || g.x0 > tr.width || baseline < 0 || baseline > tr.height {
			continue
		}
		raw.glyphs = append(raw.glyphs, g)
		lastKept = first
	}
	if len(raw.glyphs) > 0 {
		raw.rules = rules // rules only matter where there is text to put in cells
	}
	return raw, nil
}

// isUnmapped reports characters that carry no text: the replacement
// character and the private-use areas (glyphs PDFium could not map).
func isUnmapped(r rune) bool {
	return r == 0xFFFD ||
		(r >= 0xE000 && r <= 0xF8FF) ||
		(r >= 0xF0000 && r <= 0xFFFFD) ||
		(r >= 0x100000 && r <= 0x10FFFD) ||
		r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)
}

// cleanText trims metadata values and removes characters that carry no text.
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		if isUnmapped(r) || r == 0 {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// displayTransform maps PDF user space (origin bottom-left, y up) to the
// displayed page (origin top-left, y down), honouring /Rotate.
type displayTransform struct {
	left, bottom, right, top float64
	rotation                 enums.FPDF_PAGE_ROTATION
	width, height            float64
}

func newDisplayTransform(left, bottom, right, top float64, rot enums.FPDF_PAGE_ROTATION) displayTransform {
	if right < left {
		left, right = right, left
	}
	if top < bottom {
		bottom, top = top, bottom
	}
	t := displayTransform{left: left, bottom: bottom, right: right, top: top, rotation: rot}
	t.width, t.height = right-left, top-bottom
	if rot == enums.FPDF_PAGE_ROTATION_90_CW || rot == enums.FPDF_PAGE_ROTATION_270_CW {
		t.width, t.height = t.height, t.width
	}
	return t
}

// apply maps a user-space rectangle to a display box [x0, y0, x1, y1].
func (t displayTransform) apply(l, b, r, tp float64) (x0, y0, x1, y1 float64) {
	point := func(x, y float64) (float64, float64) {
		switch t.rotation {
		case enums.FPDF_PAGE_ROTATION_90_CW:
			return y - t.bottom, x - t.left
		case enums.FPDF_PAGE_ROTATION_180_CW:
			return t.right - x, y - t.bottom
		case enums.FPDF_PAGE_ROTATION_270_CW:
			return t.top - y, t.right - x
		default:
			return x - t.left, t.top - y
		}
	}
	ax, ay := point(l, b)
	bx, by := point(r, tp)
	return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
}
