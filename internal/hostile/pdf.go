package hostile

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
)

// pdfFile writes a PDF of the given objects (numbered from 1, the first
// one the catalog) with a correct cross-reference table.
func pdfFile(w io.Writer, objects ...[]byte) error {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(o)
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	_, err := w.Write(b.Bytes())
	return err
}

// page is a page object under parent 2 showing text with font object 4 and
// content object content.
func page(content int) []byte {
	return fmt.Appendf(nil, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents %d 0 R >>", content)
}

var (
	catalog = []byte("<< /Type /Catalog /Pages 2 0 R >>")
	font    = []byte("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
)

func stream(data []byte) []byte {
	return fmt.Appendf(nil, "<< /Length %d >>\nstream\n%s\nendstream", len(data), data)
}

var helloContent = stream([]byte("BT /F1 12 Tf 72 720 Td (Budget 2024: total 1234.56) Tj ET"))

// PDFPageCount writes a one-page PDF whose page tree claims count pages.
func PDFPageCount(w io.Writer, count int64) error {
	return pdfFile(w, catalog,
		fmt.Appendf(nil, "<< /Type /Pages /Kids [3 0 R] /Count %d >>", count),
		page(5), font, helloContent)
}

// PDFPageTreeLoop writes a PDF whose page tree holds itself: the root's
// kids are a page and the root again.
func PDFPageTreeLoop(w io.Writer) error {
	return pdfFile(w, catalog,
		[]byte("<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 3 >>"),
		page(5), font, helloContent)
}

// PDFInflateBomb writes a one-page PDF whose content is one stream that
// inflates to n bytes (spaces), listed k times in the page's /Contents: a
// small file that makes the PDF engine hold k×n bytes.
func PDFInflateBomb(w io.Writer, n int64, k int) error {
	content, err := deflatedContent("                                                                ", n)
	if err != nil {
		return err
	}
	refs := bytes.Repeat([]byte("5 0 R "), k)
	pg := fmt.Appendf(nil, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents [%s] >>", refs)
	return pdfFile(w, catalog, []byte("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"), pg, font, content)
}

// PDFSlowPages writes a PDF of the given number of pages that all show one
// content stream of about n bytes of graphics-state operators (q Q): a
// small file whose every page keeps the PDF engine busy in one call, for
// as long as n makes it, without using memory.
func PDFSlowPages(w io.Writer, pages int, n int64) error {
	content, err := deflatedContent("q Q ", n)
	if err != nil {
		return err
	}
	fontObj, contentObj := 3+pages, 4+pages
	var kids bytes.Buffer
	objects := [][]byte{catalog, nil}
	for i := range pages {
		fmt.Fprintf(&kids, "%d 0 R ", 3+i)
		objects = append(objects, fmt.Appendf(nil, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", fontObj, contentObj))
	}
	objects[1] = fmt.Appendf(nil, "<< /Type /Pages /Kids [%s] /Count %d >>", kids.Bytes(), pages)
	return pdfFile(w, append(objects, font, content)...)
}

// deflatedContent is a content stream object, compressed, of about n bytes
// of unit repeated, then a line of text in font F1.
func deflatedContent(unit string, n int64) ([]byte, error) {
	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	if err := repeat(zw, unit, n); err != nil {
		return nil, err
	}
	if _, err := io.WriteString(zw, "\nBT /F1 12 Tf 72 720 Td (Budget) Tj ET\n"); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	content := fmt.Appendf(nil, "<< /Length %d /Filter /FlateDecode >>\nstream\n", z.Len())
	return append(append(content, z.Bytes()...), "\nendstream"...), nil
}
