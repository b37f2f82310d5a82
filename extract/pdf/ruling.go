package pdf

import (
	"math"

	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/structs"
)

// box is an axis-aligned rectangle on the displayed page: origin top-left,
// y down, in points.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) w() float64 { return b.x1 - b.x0 }
func (b box) h() float64 { return b.y1 - b.y0 }

// Limits on the vector graphics read from one page: a page with more path
// objects than this is a drawing (a map, a chart), not a ruled table, and
// nested forms deeper than this are not followed.
const (
	maxPathObjects = 4000
	maxFormDepth   = 4
	// maxSegmentsPerPath: paths with more segments than a rectangle are read
	// segment by segment (a whole grid drawn as one path), up to this many.
	maxSegmentsPerPath = 2000
)

// matrix is a PDF transformation [a b c d e f]: x' = a·x + c·y + e,
// y' = b·x + d·y + f.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

func fromFS(m structs.FPDF_FS_MATRIX) matrix {
	return matrix{float64(m.A), float64(m.B), float64(m.C), float64(m.D), float64(m.E), float64(m.F)}
}

// then returns the transformation applying m first and n second.
func (m matrix) then(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) point(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// rulingReader collects the rectangles and line segments a page paints with
// path objects, in display coordinates: the raw material of table rules.
type rulingReader struct {
	src  pageSource
	tr   displayTransform
	out  []box
	seen int  // path objects seen
	off  bool // the page has too many objects to be a ruled table
}

// visit reads one path object; inForm tells that its coordinates are in
// the space of an enclosing form, mapped to the page by m. Past
// maxPathObjects paths the page is a drawing and no more are read.
func (rr *rulingReader) visit(obj pageObject, m matrix, inForm bool) {
	rr.seen++
	if rr.off || rr.seen > maxPathObjects {
		return
	}
	rr.path(obj, m, inForm)
}

// rules returns the boxes read, none for a drawing.
func (rr *rulingReader) rules() []box {
	if rr.off || rr.seen > maxPathObjects {
		return nil
	}
	return rr.out
}

func (rr *rulingReader) path(obj pageObject, m matrix, inForm bool) {
	segments, err := rr.src.segmentCount(obj)
	if err != nil || segments < 2 {
		return
	}
	if rr.invisible(obj) {
		return
	}
	if segments <= 5 {
		// A line or a rectangle (move, three lines, close): its bounds say it
		// all, in one call.
		left, bottom, right, top, err := rr.src.objectBounds(obj)
		if err != nil {
			return
		}
		if !inForm {
			m = identity // page objects' bounds are in page space already
		}
		rr.add(m, left, bottom, right, top)
		return
	}
	if segments > maxSegmentsPerPath {
		return
	}
	pm, err := rr.src.objectMatrix(obj)
	if err != nil {
		return
	}
	full := pm.then(m)
	var px, py, sx, sy float64
	for i := 0; i < segments; i++ {
		seg, err := rr.src.segment(obj, i)
		if err != nil {
			return
		}
		st, err := rr.src.segmentType(seg)
		if err != nil {
			return
		}
		x, y, err := rr.src.segmentPoint(seg)
		if err != nil {
			return
		}
		switch st {
		case enums.FPDF_SEGMENT_MOVETO:
			sx, sy = x, y
		case enums.FPDF_SEGMENT_LINETO:
			rr.line(full, px, py, x, y)
			if closed, err := rr.src.segmentClose(seg); err == nil && closed {
				rr.line(full, x, y, sx, sy)
			}
		}
		px, py = x, y
	}
}

// invisible reports whether a path only fills in white (or not at all,
// or fully transparent) and strokes nothing: on a white page it paints
// nothing, so its edges are not rules. Word fills each table cell's
// background with white pieces (the margins and the text area), whose
// edges would otherwise split every column in three and every wrapped cell
// into rows.
func (rr *rulingReader) invisible(obj pageObject) bool {
	fill, stroke, err := rr.src.drawMode(obj)
	if err != nil || stroke {
		return false
	}
	if fill == enums.FPDF_FILLMODE_NONE {
		return true
	}
	c, err := rr.src.fillColor(obj)
	if err != nil {
		return false
	}
	return c.A == 0 || c.R >= whiteLevel && c.G >= whiteLevel && c.B >= whiteLevel
}

// whiteLevel: a fill whose channels are all at least this (of 255) is
// white to the eye.
const whiteLevel = 250

// line adds one straight segment when it is (nearly) horizontal or vertical.
func (rr *rulingReader) line(m matrix, x0, y0, x1, y1 float64) {
	ax, ay := m.point(x0, y0)
	bx, by := m.point(x1, y1)
	if math.Abs(ax-bx) > 1 && math.Abs(ay-by) > 1 {
		return // diagonal: not a rule
	}
	rr.addPage(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
}

// add maps a rectangle from form space through m to the page, then to the
// display.
func (rr *rulingReader) add(m matrix, l, b, r, t float64) {
	xs, ys := [4]float64{}, [4]float64{}
	xs[0], ys[0] = m.point(l, b)
	xs[1], ys[1] = m.point(r, b)
	xs[2], ys[2] = m.point(l, t)
	xs[3], ys[3] = m.point(r, t)
	rr.addPage(min(xs[0], xs[1], xs[2], xs[3]), min(ys[0], ys[1], ys[2], ys[3]),
		max(xs[0], xs[1], xs[2], xs[3]), max(ys[0], ys[1], ys[2], ys[3]))
}

func (rr *rulingReader) addPage(l, b, r, t float64) {
	x0, y0, x1, y1 := rr.tr.apply(l, b, r, t)
	for _, v := range [...]float64{x0, y0, x1, y1} {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e6 {
			return
		}
	}
	rr.out = append(rr.out, box{x0, y0, x1, y1})
}
