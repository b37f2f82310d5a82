package pdf

import (
	"context"
	"errors"
	"math"
	"reflect"
	"unicode/utf16"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/structs"
	"github.com/tetratelabs/wazero/api"
)

// Direct calls. go-pdfium wraps every PDFium function in a request: a
// mutex, a handle lookup, and for each out-parameter a malloc, a memset
// and a free in the guest, each a call into WebAssembly of its own; every
// object it returns is registered under a fresh UUID (a getrandom system
// call) in a map that only grows until the document is closed. Reading a
// page asks PDFium about every character and every path object, so that
// overhead was a third of the time spent outside PDFium's own parsing.
// directCalls calls the same exports straight through wazero instead, with
// one scratch buffer for out-parameters, and is checked against the
// go-pdfium path (TestDirectMatchesAPI).

// useDirectCalls is switched off only by benchmarks measuring the
// go-pdfium path.
var useDirectCalls = true

// The exports used, by index into directCalls.fns.
const (
	fnLoadPage = iota
	fnClosePage
	fnGetPageBoundingBox
	fnGetRotation
	fnTextLoadPage
	fnTextClosePage
	fnCountChars
	fnGetText
	fnGetUnicode
	fnIsGenerated
	fnGetLooseCharBox
	fnGetCharBox
	fnCountObjects
	fnGetObject
	fnObjGetType
	fnObjGetMatrix
	fnObjGetBounds
	fnObjGetFillColor
	fnFormCountObjects
	fnFormGetObject
	fnPathCountSegments
	fnPathGetDrawMode
	fnPathGetPathSegment
	fnSegmentGetType
	fnSegmentGetPoint
	fnSegmentGetClose
	fnTextGetTextObject
	fnTextObjSetRenderMode
	fnObjSetStrokeWidth
	fnObjTransform
	fnTextObjGetFont
	fnFontGetIsEmbedded
	fnMalloc
	fnFree
	fnCount
)

var exportNames = [fnCount]string{
	fnLoadPage:             "FPDF_LoadPage",
	fnClosePage:            "FPDF_ClosePage",
	fnGetPageBoundingBox:   "FPDF_GetPageBoundingBox",
	fnGetRotation:          "FPDFPage_GetRotation",
	fnTextLoadPage:         "FPDFText_LoadPage",
	fnTextClosePage:        "FPDFText_ClosePage",
	fnCountChars:           "FPDFText_CountChars",
	fnGetText:              "FPDFText_GetText",
	fnGetUnicode:           "FPDFText_GetUnicode",
	fnIsGenerated:          "FPDFText_IsGenerated",
	fnGetLooseCharBox:      "FPDFText_GetLooseCharBox",
	fnGetCharBox:           "FPDFText_GetCharBox",
	fnCountObjects:         "FPDFPage_CountObjects",
	fnGetObject:            "FPDFPage_GetObject",
	fnObjGetType:           "FPDFPageObj_GetType",
	fnObjGetMatrix:         "FPDFPageObj_GetMatrix",
	fnObjGetBounds:         "FPDFPageObj_GetBounds",
	fnObjGetFillColor:      "FPDFPageObj_GetFillColor",
	fnFormCountObjects:     "FPDFFormObj_CountObjects",
	fnFormGetObject:        "FPDFFormObj_GetObject",
	fnPathCountSegments:    "FPDFPath_CountSegments",
	fnPathGetDrawMode:      "FPDFPath_GetDrawMode",
	fnPathGetPathSegment:   "FPDFPath_GetPathSegment",
	fnSegmentGetType:       "FPDFPathSegment_GetType",
	fnSegmentGetPoint:      "FPDFPathSegment_GetPoint",
	fnSegmentGetClose:      "FPDFPathSegment_GetClose",
	fnTextGetTextObject:    "FPDFText_GetTextObject",
	fnTextObjSetRenderMode: "FPDFTextObj_SetTextRenderMode",
	fnObjSetStrokeWidth:    "FPDFPageObj_SetStrokeWidth",
	fnObjTransform:         "FPDFPageObj_Transform",
	fnTextObjGetFont:       "FPDFTextObj_GetFont",
	fnFontGetIsEmbedded:    "FPDFFont_GetIsEmbedded",
	fnMalloc:               "malloc",
	fnFree:                 "free",
}

// scratchSize: room for the largest out-parameter set (a matrix of six
// floats, four colour channels, four bounds).
const scratchSize = 32

// directCalls calls PDFium's exports of one instance for one document.
type directCalls struct {
	ctx      context.Context
	lookup   reflect.Value // the instance's Module, to resolve exports lazily
	mem      api.Memory
	fns      [fnCount]api.Function
	stack    [8]uint64
	doc      uint64 // FPDF_DOCUMENT in guest memory
	scratch  uint32
	textBuf  uint32 // guest buffer for FPDFText_GetText, textSize bytes
	textSize uint32
	fault    error // first failure of the engine itself (a trap)
}

var errNoExport = errors.New("PDFium export missing")

// newDirectCalls prepares direct calls on inst for the open document
// docRef. It returns nil when go-pdfium's internals are not as expected
// (they are reached through reflection: go-pdfium exposes neither the
// module nor the document's guest pointer); the caller then uses go-pdfium.
func newDirectCalls(inst pdfium.Pdfium, docRef references.FPDF_DOCUMENT) (d *directCalls) {
	defer func() {
		if recover() != nil {
			d = nil
		}
	}()
	impl := reflect.ValueOf(inst.GetImplementation())
	if impl.Kind() != reflect.Pointer || impl.Elem().Kind() != reflect.Struct {
		return nil
	}
	impl = impl.Elem()
	ctx, ok := impl.FieldByName("Context").Interface().(context.Context)
	if !ok || ctx == nil {
		return nil
	}
	mod := impl.FieldByName("Module")
	if !mod.IsValid() || mod.IsNil() {
		return nil
	}
	mem, ok := mod.MethodByName("Memory").Call(nil)[0].Interface().(api.Memory)
	if !ok {
		return nil
	}
	docs := impl.FieldByName("documentRefs")
	if docs.Kind() != reflect.Map {
		return nil
	}
	handle := docs.MapIndex(reflect.ValueOf(docRef))
	if !handle.IsValid() || handle.IsNil() {
		return nil
	}
	ptr := handle.Elem().FieldByName("handle")
	if ptr.Kind() != reflect.Pointer || ptr.IsNil() {
		return nil
	}
	d = &directCalls{ctx: ctx, lookup: mod, mem: mem, doc: ptr.Elem().Uint()}
	p, err := d.call(fnMalloc, scratchSize)
	if err != nil || p == 0 {
		return nil
	}
	d.scratch = uint32(p)
	return d
}

// close frees the guest buffers.
func (d *directCalls) close() {
	if d.textBuf != 0 {
		_, _ = d.call(fnFree, uint64(d.textBuf))
	}
	_, _ = d.call(fnFree, uint64(d.scratch))
}

// call calls export f with args and returns its result (0 for none).
func (d *directCalls) call(f int, args ...uint64) (uint64, error) {
	fn := d.fns[f]
	if fn == nil {
		out := d.lookup.MethodByName("ExportedFunction").Call([]reflect.Value{reflect.ValueOf(exportNames[f])})[0]
		if out.IsNil() {
			return 0, errNoExport
		}
		var ok bool
		if fn, ok = out.Interface().(api.Function); !ok {
			return 0, errNoExport
		}
		d.fns[f] = fn
	}
	stack := d.stack[:]
	copy(stack, args)
	if err := fn.CallWithStack(d.ctx, stack); err != nil {
		if d.fault == nil {
			d.fault = err
		}
		return 0, err
	}
	return stack[0], nil
}

// callOK calls an export returning FPDF_BOOL and fails on false.
func (d *directCalls) callOK(f int, args ...uint64) error {
	res, err := d.call(f, args...)
	if err != nil {
		return err
	}
	if int32(res) == 0 {
		return errors.New(exportNames[f] + " failed")
	}
	return nil
}

// callObject calls an export returning a page object and fails on null.
func (d *directCalls) callObject(f int, args ...uint64) (pageObject, error) {
	o, err := d.call(f, args...)
	if err != nil {
		return pageObject{}, err
	}
	if uint32(o) == 0 {
		return pageObject{}, errors.New(exportNames[f] + " found no object")
	}
	return pageObject{ptr: o}, nil
}

func (d *directCalls) f32(off uint32) float64 {
	v, _ := d.mem.ReadUint32Le(d.scratch + off)
	return float64(math.Float32frombits(v))
}

func (d *directCalls) f64(off uint32) float64 {
	v, _ := d.mem.ReadUint64Le(d.scratch + off)
	return math.Float64frombits(v)
}

func (d *directCalls) u32(off uint32) uint32 {
	v, _ := d.mem.ReadUint32Le(d.scratch + off)
	return v
}

// readPage loads page index and reads it.
func (d *directCalls) readPage(index int) (*rawPage, error) {
	page, err := d.call(fnLoadPage, d.doc, uint64(index))
	if err != nil {
		return nil, err
	}
	if uint32(page) == 0 {
		return nil, pdfiumerrors.ErrPage
	}
	defer d.call(fnClosePage, page)
	src := &directPage{d: d, page: page}
	return readPage(src, func() (func(), error) {
		tp, err := d.call(fnTextLoadPage, page)
		if err != nil {
			return nil, err
		}
		if uint32(tp) == 0 {
			return nil, errors.New("could not load text page")
		}
		src.tp = tp
		return func() { d.call(fnTextClosePage, tp) }, nil
	})
}

// directPage is a pageSource on direct calls.
type directPage struct {
	d        *directCalls
	page, tp uint64
}

func (p *directPage) boundingBox() (l, b, r, t float64, err error) {
	d := p.d
	if err := d.callOK(fnGetPageBoundingBox, p.page, uint64(d.scratch)); err != nil {
		return 0, 0, 0, 0, err
	}
	// FS_RECTF: left, top, right, bottom.
	return d.f32(0), d.f32(12), d.f32(8), d.f32(4), nil
}

func (p *directPage) rotation() (enums.FPDF_PAGE_ROTATION, error) {
	r, err := p.d.call(fnGetRotation, p.page)
	return enums.FPDF_PAGE_ROTATION(r), err
}

func (p *directPage) charCount() (int, error) {
	n, err := p.d.call(fnCountChars, p.tp)
	if err != nil {
		return 0, err
	}
	if int32(n) == -1 {
		return 0, errors.New("could not get char count")
	}
	return int(int32(n)), nil
}

func (p *directPage) text(n int) []rune {
	d := p.d
	size := uint32(n+1) * 2 // UTF-16 code units and the terminator
	if size > d.textSize {
		if d.textBuf != 0 {
			_, _ = d.call(fnFree, uint64(d.textBuf))
			d.textBuf, d.textSize = 0, 0
		}
		ptr, err := d.call(fnMalloc, uint64(size))
		if err != nil || ptr == 0 {
			return nil
		}
		d.textBuf, d.textSize = uint32(ptr), size
	}
	written, err := d.call(fnGetText, p.tp, 0, uint64(n), uint64(d.textBuf))
	if err != nil || int32(written) <= 0 {
		return nil
	}
	raw, ok := d.mem.Read(d.textBuf, uint32(int32(written))*2)
	if !ok {
		return nil
	}
	units := make([]uint16, len(raw)/2)
	for i := range units {
		units[i] = uint16(raw[2*i]) | uint16(raw[2*i+1])<<8
	}
	rs := utf16.Decode(units)
	if len(rs) > 0 && rs[len(rs)-1] == 0 {
		rs = rs[:len(rs)-1]
	}
	if len(rs) != n {
		return nil
	}
	return rs
}

func (p *directPage) unicode(i int) (rune, error) {
	u, err := p.d.call(fnGetUnicode, p.tp, uint64(i))
	return rune(u), err
}

func (p *directPage) generated(i int) (bool, error) {
	g, err := p.d.call(fnIsGenerated, p.tp, uint64(i))
	if err != nil {
		return false, err
	}
	if int32(g) == -1 {
		return false, errors.New("could not get whether text is generated")
	}
	return int32(g) == 1, nil
}

func (p *directPage) looseBox(i int) (l, b, r, t float64, err error) {
	d := p.d
	if err := d.callOK(fnGetLooseCharBox, p.tp, uint64(i), uint64(d.scratch)); err != nil {
		return 0, 0, 0, 0, err
	}
	return d.f32(0), d.f32(12), d.f32(8), d.f32(4), nil
}

func (p *directPage) inkBox(i int) (l, b, r, t float64, err error) {
	d, s := p.d, uint64(p.d.scratch)
	// FPDFText_GetCharBox(text_page, index, &left, &right, &bottom, &top), doubles.
	if err := d.callOK(fnGetCharBox, p.tp, uint64(i), s, s+8, s+16, s+24); err != nil {
		return 0, 0, 0, 0, err
	}
	return d.f64(0), d.f64(16), d.f64(8), d.f64(24), nil
}

func (p *directPage) textObject(i int) (pageObject, error) {
	return p.d.callObject(fnTextGetTextObject, p.tp, uint64(i))
}

func (p *directPage) fontEmbedded(o pageObject) (bool, error) {
	f, err := p.d.call(fnTextObjGetFont, o.ptr)
	if err != nil {
		return false, err
	}
	if uint32(f) == 0 {
		return false, errors.New("text object without a font")
	}
	e, err := p.d.call(fnFontGetIsEmbedded, f)
	if err != nil {
		return false, err
	}
	if int32(e) == -1 {
		return false, errors.New("could not get whether the font is embedded")
	}
	return int32(e) == 1, nil
}

func (p *directPage) widenText(o pageObject, w float64) error {
	d := p.d
	if err := d.callOK(fnTextObjSetRenderMode, o.ptr, uint64(enums.FPDF_TEXTRENDERMODE_FILL_STROKE)); err != nil {
		return err
	}
	if err := d.callOK(fnObjSetStrokeWidth, o.ptr, api.EncodeF32(float32(w))); err != nil {
		return err
	}
	// FPDFPageObj_Transform(page_object, a, b, c, d, e, f), doubles; no result.
	one, zero := api.EncodeF64(1), api.EncodeF64(0)
	_, err := d.call(fnObjTransform, o.ptr, one, zero, zero, one, zero, zero)
	return err
}

func (p *directPage) objectCount() (int, error) {
	n, err := p.d.call(fnCountObjects, p.page)
	return int(int32(n)), err
}

func (p *directPage) object(i int) (pageObject, error) {
	return p.d.callObject(fnGetObject, p.page, uint64(i))
}

func (p *directPage) objectType(o pageObject) (enums.FPDF_PAGEOBJ, error) {
	t, err := p.d.call(fnObjGetType, o.ptr)
	return enums.FPDF_PAGEOBJ(int32(t)), err
}

func (p *directPage) objectMatrix(o pageObject) (matrix, error) {
	d := p.d
	if err := d.callOK(fnObjGetMatrix, o.ptr, uint64(d.scratch)); err != nil {
		return matrix{}, err
	}
	// FS_MATRIX holds float32s; go-pdfium's path converts them the same way.
	return matrix{d.f32(0), d.f32(4), d.f32(8), d.f32(12), d.f32(16), d.f32(20)}, nil
}

func (p *directPage) objectBounds(o pageObject) (l, b, r, t float64, err error) {
	d, s := p.d, uint64(p.d.scratch)
	if err := d.callOK(fnObjGetBounds, o.ptr, s, s+4, s+8, s+12); err != nil {
		return 0, 0, 0, 0, err
	}
	return d.f32(0), d.f32(4), d.f32(8), d.f32(12), nil
}

func (p *directPage) fillColor(o pageObject) (structs.FPDF_COLOR, error) {
	d, s := p.d, uint64(p.d.scratch)
	if err := d.callOK(fnObjGetFillColor, o.ptr, s, s+4, s+8, s+12); err != nil {
		return structs.FPDF_COLOR{}, err
	}
	return structs.FPDF_COLOR{R: uint(d.u32(0)), G: uint(d.u32(4)), B: uint(d.u32(8)), A: uint(d.u32(12))}, nil
}

func (p *directPage) formCount(o pageObject) (int, error) {
	n, err := p.d.call(fnFormCountObjects, o.ptr)
	return int(int32(n)), err
}

func (p *directPage) formObject(o pageObject, i int) (pageObject, error) {
	return p.d.callObject(fnFormGetObject, o.ptr, uint64(i))
}

func (p *directPage) segmentCount(o pageObject) (int, error) {
	n, err := p.d.call(fnPathCountSegments, o.ptr)
	if err != nil {
		return 0, err
	}
	if int32(n) == -1 {
		return 0, errors.New("could not get path segment count")
	}
	return int(int32(n)), nil
}

func (p *directPage) drawMode(o pageObject) (enums.FPDF_FILLMODE, bool, error) {
	d, s := p.d, uint64(p.d.scratch)
	if err := d.callOK(fnPathGetDrawMode, o.ptr, s, s+4); err != nil {
		return 0, false, err
	}
	return enums.FPDF_FILLMODE(int32(d.u32(0))), int32(d.u32(4)) == 1, nil
}

func (p *directPage) segment(o pageObject, i int) (pathSegment, error) {
	seg, err := p.d.call(fnPathGetPathSegment, o.ptr, uint64(i))
	if err != nil {
		return pathSegment{}, err
	}
	if uint32(seg) == 0 {
		return pathSegment{}, errors.New("could not get path segment")
	}
	return pathSegment{ptr: seg}, nil
}

func (p *directPage) segmentType(s pathSegment) (enums.FPDF_SEGMENT, error) {
	t, err := p.d.call(fnSegmentGetType, s.ptr)
	return enums.FPDF_SEGMENT(int32(t)), err
}

func (p *directPage) segmentPoint(s pathSegment) (x, y float64, err error) {
	d, sc := p.d, uint64(p.d.scratch)
	if err := d.callOK(fnSegmentGetPoint, s.ptr, sc, sc+4); err != nil {
		return 0, 0, err
	}
	return d.f32(0), d.f32(4), nil
}

func (p *directPage) segmentClose(s pathSegment) (bool, error) {
	c, err := p.d.call(fnSegmentGetClose, s.ptr)
	return int32(c) == 1, err
}
