// Package xlsx reads budget tables published as Excel workbooks (.xlsx,
// .xlsm) into an extract.Document: one page per sheet, named after the
// sheet, holding one table of the cells' displayed values (number formats
// applied: "1,234.50", "12.35%", dates as formatted), with merged cells
// padded into the grid. Every line's Loc.Line is the sheet row number.
//
// Hidden sheets, rows and columns and cells outside a sheet's print area
// are read but their cells are marked Hidden (extract/sheet): they are kept
// for inspection, but are not data — a workbook may hide thousands of
// superseded rows. Each hidden sheet is named in doc.Warnings.
package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc/extract"
	xsheet "github.com/budgetdoc/budgetdoc/extract/sheet"
)

// oleMagic starts an OLE2 compound file: a legacy .xls, or an encrypted
// OOXML workbook (the zip inside an EncryptedPackage stream).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Read parses an XLSX workbook.
func Read(ctx context.Context, data []byte, lim extract.Limits) (doc *extract.Document, err error) {
	defer extract.Recover(&doc, &err)
	if len(data) == 0 {
		return nil, extract.ErrEmpty
	}
	if bytes.HasPrefix(data, oleMagic) {
		return nil, classifyOLE(data)
	}
	lim = lim.WithDefaults()
	perPart := lim.MaxBytes
	if err := checkPackage(data, perPart, sharedStringsFactor*lim.MaxText); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// checkPackage has bounded every part by perPart, so no worksheet
	// exceeds UnzipXMLSizeLimit and excelize never spills to temp files.
	total := perPart
	if perPart < 1<<40 {
		total = 4 * perPart
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    total,
		UnzipXMLSizeLimit: perPart,
	})
	if err != nil {
		return nil, classifyOpenError(err)
	}
	defer f.Close()

	doc = &extract.Document{Format: extract.FormatXLSX, Info: docInfo(f)}
	sheets := f.GetSheetList()
	if lim.MaxPages > 0 && len(sheets) > lim.MaxPages {
		return nil, fmt.Errorf("%w: %d sheets, limit %d", extract.ErrTooLarge, len(sheets), lim.MaxPages)
	}
	for i, name := range sheets {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page := extract.Page{Number: i + 1, Name: name}
		if visible, err := f.GetSheetVisible(name); err == nil && !visible {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("sheet %q is hidden", name))
		}
		t, warn, err := readSheet(ctx, f, name, i+1, lim)
		if err != nil {
			return nil, err
		}
		xsheet.AddPage(doc, page, t, warn)
	}
	return xsheet.Done(doc)
}

// sharedStringsFactor bounds the shared-strings part, as a multiple of
// Limits.MaxText: excelize holds the whole table in memory (about twenty
// times the part's size), and the markup around each string (<si><t>…)
// rarely triples its text.
const sharedStringsFactor = 4

// checkPackage verifies that data is a zip holding a workbook, and bounds
// the declared size of every part (archive/zip enforces the declared sizes
// while inflating, so they cannot lie) and of the shared strings.
func checkPackage(data []byte, maxPart, maxSharedStrings int64) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			return fmt.Errorf("%w: broken zip: %v", extract.ErrCorrupt, err)
		}
		return fmt.Errorf("%w: not an XLSX workbook (no zip signature)", extract.ErrUnsupported)
	}
	hasWorkbook, hasBinary := false, false
	for _, zf := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		switch name {
		case "xl/workbook.xml":
			hasWorkbook = true
		case "xl/workbook.bin":
			hasBinary = true
		}
		if strings.HasSuffix(name, "sharedstrings.xml") && zf.UncompressedSize64 > uint64(maxSharedStrings) {
			return fmt.Errorf("%w: the shared strings (%s) inflate to %d MiB, more than %s",
				extract.ErrTooLarge, zf.Name, zf.UncompressedSize64>>20, extract.Size(maxSharedStrings))
		}
		if zf.UncompressedSize64 > uint64(maxPart) {
			return fmt.Errorf("%w: part %s inflates to %d bytes, limit %d", extract.ErrTooLarge, zf.Name, zf.UncompressedSize64, maxPart)
		}
	}
	switch {
	case hasWorkbook:
		return nil
	case hasBinary:
		return fmt.Errorf("%w: binary workbook (.xlsb) is not supported", extract.ErrUnsupported)
	default:
		return fmt.Errorf("%w: zip without xl/workbook.xml is not an XLSX workbook", extract.ErrUnsupported)
	}
}

// classifyOLE tells an encrypted OOXML workbook from a legacy .xls.
func classifyOLE(data []byte) error {
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("%w: broken OLE2 container: %v", extract.ErrCorrupt, err)
	}
	for i := 0; i < 10000; i++ {
		e, err := r.Next()
		if err != nil {
			break
		}
		if e.Name == "EncryptedPackage" || e.Name == "EncryptionInfo" {
			return fmt.Errorf("%w: password-protected workbook", extract.ErrEncrypted)
		}
	}
	return fmt.Errorf("%w: legacy Excel 97-2003 (.xls) or other OLE2 file, not XLSX", extract.ErrUnsupported)
}

func classifyOpenError(err error) error {
	switch {
	case errors.Is(err, excelize.ErrWorkbookPassword), errors.Is(err, excelize.ErrWorkbookFileFormat):
		return fmt.Errorf("%w: %v", extract.ErrEncrypted, err)
	case strings.Contains(err.Error(), "unzip size"):
		return fmt.Errorf("%w: %v", extract.ErrTooLarge, err)
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrAlgorithm),
		errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: %v", extract.ErrCorrupt, err)
	}
	return fmt.Errorf("%w: %v", extract.ErrCorrupt, err)
}

func docInfo(f *excelize.File) map[string]string {
	m := map[string]string{}
	p, err := f.GetDocProps()
	if err != nil || p == nil {
		return m
	}
	for k, v := range map[string]string{
		"Title": p.Title, "Author": p.Creator, "Subject": p.Subject, "Keywords": p.Keywords,
		"Description": p.Description, "LastModifiedBy": p.LastModifiedBy, "Created": p.Created, "Modified": p.Modified,
	} {
		if v = strings.TrimSpace(v); v != "" {
			m[k] = v
		}
	}
	return m
}

// readSheet reads one sheet into a table of displayed values. It returns a
// nil table for an empty sheet, and a warning instead of an error for a
// sheet that holds no cells (a chart sheet).
func readSheet(ctx context.Context, f *excelize.File, sheet string, page int, lim extract.Limits) (*extract.Table, string, error) {
	maxCells, maxText := lim.WithDefaults().MaxCells, lim.WithDefaults().MaxText
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Sprintf("sheet %q has no cells: %v", sheet, err), nil
	}
	defer rows.Close()
	var (
		values [][]string
		cells  int
		text   int64
		width  int
		height int // rows up to the last one with a value
	)
	for rows.Next() {
		if len(values)&0xff == 0 {
			if err := ctx.Err(); err != nil {
				return nil, "", err
			}
		}
		cols, err := rows.Columns()
		if err != nil {
			return nil, "", fmt.Errorf("%w: sheet %q row %d: %v", extract.ErrCorrupt, sheet, len(values)+1, err)
		}
		// Trailing empty cells carry no text; keep the row short.
		for len(cols) > 0 && cols[len(cols)-1] == "" {
			cols = cols[:len(cols)-1]
		}
		cells += max(1, len(cols)) // an empty row still costs an entry
		if cells > maxCells {
			return nil, "", fmt.Errorf("%w: sheet %q has more than %d cells", extract.ErrTooLarge, sheet, maxCells)
		}
		for _, c := range cols {
			text += int64(len(c))
		}
		if text > maxText { // inline strings: the shared-strings bound does not see them
			return nil, "", extract.TextLimitError(maxText)
		}
		values = append(values, cols)
		if len(cols) > 0 {
			height = len(values)
			width = max(width, len(cols))
		}
	}
	if err := rows.Error(); err != nil {
		return nil, "", fmt.Errorf("%w: sheet %q: %v", extract.ErrCorrupt, sheet, err)
	}
	values = values[:height]
	if height == 0 {
		return nil, "", nil
	}
	merges, warn := mergedRanges(f, sheet)
	sh := &xsheet.Sheet{Values: values, Merges: merges, HiddenRows: map[int]bool{}, HiddenCols: map[int]bool{},
		PrintArea: printArea(f, sheet)}
	if visible, err := f.GetSheetVisible(sheet); err == nil && !visible {
		sh.Hidden = true
	}
	for r := range height {
		if visible, err := f.GetRowVisible(sheet, r+1); err == nil && !visible {
			sh.HiddenRows[r] = true
		}
	}
	for c := range width {
		name, err := excelize.ColumnNumberToName(c + 1)
		if err != nil {
			break
		}
		if visible, err := f.GetColVisible(sheet, name); err == nil && !visible {
			sh.HiddenCols[c] = true
		}
	}
	t, w, err := sh.Table(sheet, page, maxCells)
	if warn == "" {
		warn = w
	}
	return t, warn, err
}

// printArea returns the sheet's print area (the built-in name
// _xlnm.Print_Area scoped to it), empty when it has none or it cannot be
// read: then the whole sheet prints.
func printArea(f *excelize.File, sheet string) []xsheet.Range {
	var out []xsheet.Range
	for _, dn := range f.GetDefinedName() {
		if dn.Name != "_xlnm.Print_Area" || dn.Scope != sheet {
			continue
		}
		for _, ref := range strings.Split(dn.RefersTo, ",") {
			if i := strings.LastIndexByte(ref, '!'); i >= 0 {
				ref = ref[i+1:]
			}
			ref = strings.ReplaceAll(ref, "$", "")
			from, to, ok := strings.Cut(ref, ":")
			if !ok {
				to = from
			}
			c0, r0, err1 := excelize.CellNameToCoordinates(from)
			c1, r1, err2 := excelize.CellNameToCoordinates(to)
			if err1 != nil || err2 != nil {
				return nil
			}
			out = append(out, xsheet.Range{R0: r0 - 1, C0: c0 - 1, R1: r1 - 1, C1: c1 - 1})
		}
	}
	return out
}

func mergedRanges(f *excelize.File, sheet string) ([]xsheet.Range, string) {
	merges, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, fmt.Sprintf("sheet %q: merged cells unreadable: %v", sheet, err)
	}
	var out []xsheet.Range
	bad := 0
	for _, m := range merges {
		c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			bad++
			continue
		}
		out = append(out, xsheet.Range{R0: min(r0, r1) - 1, C0: min(c0, c1) - 1, R1: max(r0, r1) - 1, C1: max(c0, c1) - 1})
	}
	if bad > 0 {
		return out, fmt.Sprintf("sheet %q: %d invalid merged ranges ignored", sheet, bad)
	}
	return out, ""
}
