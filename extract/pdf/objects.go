package pdf

import "github.com/klippa-app/go-pdfium/enums"

// The page's objects are walked once, before its text page is built, for
// the two readers that need them: the rules of tables (ruling.go) and the
// text objects PDFium's text page would skip (inkless.go). Walking costs a
// call into PDFium per object, and pages hold thousands.

// visitFunc is called for one object of type ty; m maps the object's space
// to the page's when it is inside a form (inForm), and is the identity
// otherwise.
type visitFunc func(o pageObject, ty enums.FPDF_PAGEOBJ, m matrix, inForm bool)

// walkObjects calls visit for every object of the page and of the forms in
// it, down to maxFormDepth. It fails only when PDFium cannot list the
// page's objects or tell an object's type; a form whose matrix or objects
// cannot be had is passed over.
func walkObjects(src pageSource, visit visitFunc) error {
	n, err := src.objectCount()
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		o, err := src.object(i)
		if err != nil {
			return err
		}
		if err := walkObject(src, o, identity, false, 0, visit); err != nil {
			return err
		}
	}
	return nil
}

func walkObject(src pageSource, o pageObject, m matrix, inForm bool, depth int, visit visitFunc) error {
	ty, err := src.objectType(o)
	if err != nil {
		return err
	}
	visit(o, ty, m, inForm)
	if ty != enums.FPDF_PAGEOBJ_FORM || depth >= maxFormDepth {
		return nil
	}
	fm, err := src.objectMatrix(o)
	if err != nil {
		return nil
	}
	inner := fm.then(m)
	n, err := src.formCount(o)
	if err != nil {
		return nil
	}
	for i := 0; i < n; i++ {
		in, err := src.formObject(o, i)
		if err != nil {
			return nil
		}
		if err := walkObject(src, in, inner, true, depth+1, visit); err != nil {
			return err
		}
	}
	return nil
}

// readObjects walks the page's objects once: it returns the boxes of its
// path objects (for a path of more than one rectangle, of each straight
// segment; thin boxes are rules, others cell frames or shading, whose edges
// are rules too), and widens the text objects of no width (see
// widenInklessText).
func readObjects(src pageSource, tr displayTransform) ([]box, widenedObjects, error) {
	n, err := src.objectCount()
	if err != nil {
		return nil, nil, err
	}
	rr := &rulingReader{src: src, tr: tr, off: n > 4*maxPathObjects}
	w := &widener{src: src}
	err = walkObjects(src, func(o pageObject, ty enums.FPDF_PAGEOBJ, m matrix, inForm bool) {
		switch ty {
		case enums.FPDF_PAGEOBJ_PATH:
			rr.visit(o, m, inForm)
		case enums.FPDF_PAGEOBJ_TEXT:
			w.text(o)
		}
	})
	if err != nil {
		return nil, nil, err
	}
	return rr.rules(), w.out, nil
}
