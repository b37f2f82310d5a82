// Package sniff identifies a document's format from its bytes, never from
// its file name: government sites serve .doc files that are really HTML,
// .pdf links that return error pages, and WPS files with odd extensions.
package sniff

import (
	"archive/zip"
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/richardlehane/mscfb"
)

var (
	pdfMagic = []byte("%PDF-")
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Format returns the format of data, or an error wrapping
// extract.ErrEmpty, extract.ErrUnsupported or extract.ErrEncrypted.
func Format(data []byte) (extract.Format, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", extract.ErrEmpty
	}
	// The PDF header may be preceded by junk (some servers prepend a BOM or
	// whitespace); readers tolerate up to 1 KiB of it.
	if i := bytes.Index(head(data, 1024), pdfMagic); i >= 0 {
		return extract.FormatPDF, nil
	}
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return zipFormat(data)
	case bytes.HasPrefix(data, oleMagic):
		return oleFormat(data)
	}
	if isHTML(data) {
		return extract.FormatHTML, nil
	}
	if isPagesJSON(data) {
		return extract.FormatPagesJSON, nil
	}
	return extract.FormatText, nil
}

// PrefixLen is how many first bytes of a file Prefix needs.
const PrefixLen = 16 << 10

// Prefix returns the format that Format gives for every file starting with
// p (at least PrefixLen bytes of it), when p decides it: PDF, or a text
// format (plain text, page-text JSON, HTML), which Format judges from the
// first few KiB. ZIP and OLE containers need their whole file, and so does
// a file whose first PrefixLen bytes are mostly blank. It lets a caller
// refuse a file by its format's size limit before reading all of it.
func Prefix(p []byte) (extract.Format, bool) {
	if len(p) < PrefixLen {
		return "", false
	}
	if bytes.Contains(head(p, 1024), pdfMagic) {
		return extract.FormatPDF, true // as Format: the PDF header wins
	}
	if bytes.HasPrefix(p, zipMagic) || bytes.HasPrefix(p, oleMagic) {
		return "", false
	}
	// isHTML looks at the first 8 KiB, isPagesJSON at 4 KiB after the
	// opening "[{" and blanks: those must lie within p.
	d := bytes.TrimLeft(trimBOM(p), " \t\r\n")
	if len(d) < 8192 {
		return "", false
	}
	if d[0] == '[' && len(bytes.TrimLeft(d[1:], " \t\r\n")) < 4096+1 {
		return "", false
	}
	f, err := Format(p)
	return f, err == nil
}

func head(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// zipFormat tells DOCX from XLSX by the parts the package holds; the
// central directory is read, not the entries.
func zipFormat(data []byte) (extract.Format, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("%w: zip archive: %v", extract.ErrCorrupt, err)
	}
	var odf bool
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml", "word/document2.xml":
			return extract.FormatDOCX, nil
		case "xl/workbook.xml":
			return extract.FormatXLSX, nil
		case "mimetype", "content.xml":
			odf = true
		}
	}
	if odf {
		return "", fmt.Errorf("%w: OpenDocument files are not read yet; save as DOCX", extract.ErrUnsupported)
	}
	return "", fmt.Errorf("%w: zip archive that is neither DOCX nor XLSX", extract.ErrUnsupported)
}

// oleFormat accepts OLE2 files that hold a Word document or an Excel 97–2003
// workbook, and recognises
// password-protected OOXML packages, which are OLE2 containers too.
func oleFormat(data []byte) (extract.Format, error) {
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("%w: OLE2 container: %v", extract.ErrCorrupt, err)
	}
	var names []string
	workbook := false
	for e, err := r.Next(); err == nil; e, err = r.Next() {
		switch e.Name {
		case "WordDocument":
			return extract.FormatDOC, nil
		case "Workbook":
			// A Word document may hold a workbook (an embedded sheet in its
			// ObjectPool, or beside its own streams): Word wins.
			workbook = workbook || len(e.Path) == 0
		case "EncryptionInfo", "EncryptedPackage":
			return "", fmt.Errorf("%w: password-protected Office document", extract.ErrEncrypted)
		}
		if len(names) < 8 {
			names = append(names, e.Name)
		}
	}
	if workbook {
		return extract.FormatXLS, nil
	}
	return "", fmt.Errorf("%w: OLE2 file is neither a Word document nor an Excel workbook (streams: %s)", extract.ErrUnsupported, joinNames(names))
}

func joinNames(names []string) string {
	var b bytes.Buffer
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	return b.String()
}

var htmlMarkers = [][]byte{
	[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"), []byte("<meta"),
	[]byte("<title"), []byte("<div"), []byte("<table"), []byte("<p>"), []byte("<p "), []byte("<%@"),
}

// isHTML accepts markup whose first non-blank character opens a tag and that
// uses an HTML element early on. JSP pages (`<%@ page … %>`) count: they are
// HTML with template directives, which the checks flag.
func isHTML(data []byte) bool {
	d := trimBOM(data)
	d = bytes.TrimLeft(head(d, 8192), " \t\r\n")
	if len(d) == 0 || d[0] != '<' {
		return false
	}
	low := bytes.ToLower(d)
	for _, m := range htmlMarkers {
		if bytes.Contains(low, m) {
			return true
		}
	}
	return false
}

// isPagesJSON recognises a JSON list of {"page": N, "text": "…"} objects,
// the page-text form some crawlers store instead of the PDF.
func isPagesJSON(data []byte) bool {
	d := bytes.TrimLeft(trimBOM(data), " \t\r\n")
	if len(d) == 0 || d[0] != '[' {
		return false
	}
	d = bytes.TrimLeft(d[1:], " \t\r\n")
	if len(d) == 0 || d[0] != '{' {
		return false
	}
	h := head(d, 4096)
	return bytes.Contains(h, []byte(`"page"`)) && bytes.Contains(h, []byte(`"text"`)) && utf8.Valid(head(d, 1024)[:validPrefix(head(d, 1024))])
}

// validPrefix trims a possibly cut multi-byte sequence at the end of b.
func validPrefix(b []byte) int {
	n := len(b)
	for i := 0; i < 3 && n > 0 && !utf8.Valid(b[:n]); i++ {
		n--
	}
	return n
}

func trimBOM(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
}
