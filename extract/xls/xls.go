// Package xls reads Excel 97–2003 workbooks (BIFF8 .xls) into an
// extract.Document with the behaviour of extract/xlsx: one page per sheet,
// named after the sheet, holding one table of the cells' displayed values
// (number formats applied), merged cells padded into the grid, every line's
// Loc.Line the sheet row number. Hidden sheets, rows and columns and cells
// outside a sheet's print area are kept but marked Hidden: they are not
// data.
//
// The workbook is an OLE2 compound file (read with richardlehane/mscfb)
// holding a "Workbook" stream of BIFF records: the globals (sheets, shared
// strings, number formats, cell formats, defined names) and then one
// substream per sheet (rows, columns, cells, merged ranges). Choices worth
// knowing:
//   - no maintained pure-Go BIFF8 reader reads hidden rows, columns, sheets
//     and print areas, so the few records needed are read here;
//   - Excel 5.0/95 (BIFF5) workbooks, whose strings are in a code page, are
//     refused with a clear error rather than decoded by guess;
//   - formulas give their cached result; a workbook saved without results
//     shows them empty.
package xls

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/sheet"
)

// BIFF record types read here.
const (
	recBOF        = 0x0809
	recEOF        = 0x000A
	recBoundSheet = 0x0085
	recSST        = 0x00FC
	recContinue   = 0x003C
	recFormat     = 0x041E
	recXF         = 0x00E0
	recDateMode   = 0x0022
	recFilePass   = 0x002F
	recName       = 0x0018
	recRow        = 0x0208
	recColInfo    = 0x007D
	recLabelSST   = 0x00FD
	recLabel      = 0x0204
	recRString    = 0x00D6
	recNumber     = 0x0203
	recRK         = 0x027E
	recMulRK      = 0x00BD
	recFormula    = 0x0006
	recString     = 0x0207
	recBoolErr    = 0x0205
	recMerge      = 0x00E5
)

// errMalformed is raised (as a panic) deep in record parsing and turned
// into ErrCorrupt at the entry point; other panics are bugs.
type errMalformed struct{ msg string }

func malformed(format string, args ...any) { panic(errMalformed{fmt.Sprintf(format, args...)}) }

// Read parses a BIFF8 workbook.
func Read(ctx context.Context, data []byte, lim extract.Limits) (doc *extract.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			if m, ok := r.(errMalformed); ok {
				doc, err = nil, fmt.Errorf("%w: %s", extract.ErrCorrupt, m.msg)
				return
			}
			doc, err = nil, fmt.Errorf("%w: internal error reading XLS: %v", extract.ErrCorrupt, r)
		}
	}()
	if len(data) == 0 {
		return nil, extract.ErrEmpty
	}
	lim = lim.WithDefaults()
	stream, err := workbookStream(data, lim.MaxBytes)
	if err != nil {
		return nil, err
	}
	wb, err := parseGlobals(stream)
	if err != nil {
		return nil, err
	}
	if len(wb.sheets) > lim.MaxPages {
		return nil, fmt.Errorf("%w: %d sheets, limit %d", extract.ErrTooLarge, len(wb.sheets), lim.MaxPages)
	}
	doc = &extract.Document{Format: extract.FormatXLS, Info: map[string]string{}}
	for i, bs := range wb.sheets {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page := extract.Page{Number: i + 1, Name: bs.name}
		if bs.hidden {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("sheet %q is hidden: its cells are marked hidden", bs.name))
		}
		if bs.kind != 0 { // chart, macro or VB sheet: no cells
			doc.Pages = append(doc.Pages, page)
			continue
		}
		sh, err := wb.readSheet(stream, bs, lim.MaxCells)
		if err != nil {
			return nil, err
		}
		sh.PrintArea = wb.printAreas[i]
		t, warn, err := sh.Table(bs.name, i+1, lim.MaxCells)
		if err != nil {
			return nil, err
		}
		sheet.AddPage(doc, page, t, warn)
	}
	return sheet.Done(doc)
}

// workbookStream returns the BIFF stream of an OLE2 file. mscfb panics on
// some malformed containers (a sector table sized from garbage): that is
// the file's fault, reported as corrupt.
func workbookStream(data []byte, maxBytes int64) (_ []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: broken OLE2 container: %v", extract.ErrCorrupt, r)
		}
	}()
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: broken OLE2 container: %v", extract.ErrCorrupt, err)
	}
	for e, err := r.Next(); err == nil; e, err = r.Next() {
		if len(e.Path) != 0 {
			continue // an embedded object's streams (a chart's own workbook)
		}
		switch e.Name {
		case "Workbook":
			if e.Size > maxBytes {
				return nil, fmt.Errorf("%w: Workbook stream is %d bytes, limit %d", extract.ErrTooLarge, e.Size, maxBytes)
			}
			b, err := io.ReadAll(io.LimitReader(e, maxBytes))
			if err != nil {
				return nil, fmt.Errorf("%w: Workbook stream: %v", extract.ErrCorrupt, err)
			}
			return b, nil
		case "Book":
			return nil, fmt.Errorf("%w: Excel 5.0/95 workbook (BIFF5) is not supported", extract.ErrUnsupported)
		case "EncryptionInfo", "EncryptedPackage":
			return nil, fmt.Errorf("%w: password-protected workbook", extract.ErrEncrypted)
		}
	}
	return nil, fmt.Errorf("%w: OLE2 file without a Workbook stream is not an Excel workbook", extract.ErrUnsupported)
}

// record is one BIFF record: its type, data and offset in the stream.
type record struct {
	typ  uint16
	data []byte
	pos  int
}

// records iterates the records of stream from pos.
type records struct {
	b   []byte
	pos int
}

func (rs *records) next() (record, bool) {
	if rs.pos+4 > len(rs.b) {
		return record{}, false
	}
	typ := binary.LittleEndian.Uint16(rs.b[rs.pos:])
	n := int(binary.LittleEndian.Uint16(rs.b[rs.pos+2:]))
	start := rs.pos + 4
	if start+n > len(rs.b) {
		malformed("record 0x%04X at %d runs past the end of the stream", typ, rs.pos)
	}
	rec := record{typ, rs.b[start : start+n], rs.pos}
	rs.pos = start + n
	return rec, true
}

// boundSheet is a sheet as listed in the globals.
type boundSheet struct {
	name   string
	pos    int // stream offset of its BOF
	hidden bool
	kind   byte // 0 worksheet, 2 chart, 6 VB module
}

type workbook struct {
	sheets     []boundSheet
	sst        []string
	formats    map[uint16]string
	xfFormat   []uint16 // number format of each XF
	date1904   bool
	printAreas map[int][]sheet.Range // by sheet index
}

func parseGlobals(b []byte) (*workbook, error) {
	wb := &workbook{formats: map[uint16]string{}, printAreas: map[int][]sheet.Range{}}
	rs := &records{b: b}
	first, ok := rs.next()
	if !ok || first.typ != recBOF || len(first.data) < 4 {
		return nil, fmt.Errorf("%w: Workbook stream does not start with a BOF record", extract.ErrCorrupt)
	}
	if v := u16(first.data, 0); v != 0x0600 {
		return nil, fmt.Errorf("%w: BIFF version 0x%04X (only Excel 97–2003 BIFF8 is read)", extract.ErrUnsupported, v)
	}
	for {
		rec, ok := rs.next()
		if !ok || rec.typ == recEOF {
			break
		}
		d := rec.data
		switch rec.typ {
		case recFilePass:
			return nil, fmt.Errorf("%w: password-protected workbook", extract.ErrEncrypted)
		case recDateMode:
			wb.date1904 = len(d) >= 2 && u16(d, 0) == 1
		case recBoundSheet:
			if len(d) < 8 {
				malformed("short BOUNDSHEET record")
			}
			name, _ := shortString(d[6:])
			wb.sheets = append(wb.sheets, boundSheet{name: name, pos: int(u32(d, 0)), hidden: d[4]&3 != 0, kind: d[5]})
		case recFormat:
			if len(d) < 2 {
				malformed("short FORMAT record")
			}
			s, _ := unicodeString(d[2:])
			wb.formats[u16(d, 0)] = s
		case recXF:
			if len(d) < 4 {
				malformed("short XF record")
			}
			wb.xfFormat = append(wb.xfFormat, u16(d, 2))
		case recSST:
			segs := [][]byte{d}
			for rs.pos+4 <= len(b) && u16(b, rs.pos) == recContinue {
				c, _ := rs.next()
				segs = append(segs, c.data)
			}
			wb.sst = readSST(segs)
		case recName:
			wb.name(d)
		}
	}
	return wb, nil
}

// name reads a defined name: only the built-in Print_Area is used.
func (wb *workbook) name(d []byte) {
	if len(d) < 16 || u16(d, 0)&0x20 == 0 || d[3] != 1 {
		return
	}
	cce, itab := int(u16(d, 4)), int(u16(d, 8))
	if d[14]&1 == 0 && d[15] != 0x06 || d[14]&1 == 1 && (len(d) < 17 || u16(d, 15) != 0x06) {
		return
	}
	start := 16
	if d[14]&1 == 1 {
		start = 17
	}
	if itab == 0 || start+cce > len(d) {
		return
	}
	var areas []sheet.Range
	rgce := d[start : start+cce]
	for p := 0; p < len(rgce); {
		switch rgce[p] {
		case 0x3B, 0x5B, 0x7B: // PtgArea3d
			if p+11 > len(rgce) {
				return
			}
			areas = append(areas, sheet.Range{R0: int(u16(rgce, p+3)), R1: int(u16(rgce, p+5)),
				C0: int(u16(rgce, p+7) & 0x3FFF), C1: int(u16(rgce, p+9) & 0x3FFF)})
			p += 11
		case 0x29, 0x49, 0x69: // PtgMemFunc: the list follows
			p += 3
		case 0x10: // PtgUnion
			p++
		default:
			return // a print area we do not understand: the whole sheet prints
		}
	}
	wb.printAreas[itab-1] = areas
}

// readSheet reads the cells of one worksheet substream.
func (wb *workbook) readSheet(b []byte, bs boundSheet, maxCells int) (*sheet.Sheet, error) {
	if bs.pos < 0 || bs.pos >= len(b) {
		return nil, fmt.Errorf("%w: sheet %q starts outside the stream", extract.ErrCorrupt, bs.name)
	}
	rs := &records{b: b, pos: bs.pos}
	if rec, ok := rs.next(); !ok || rec.typ != recBOF {
		return nil, fmt.Errorf("%w: sheet %q does not start with a BOF record", extract.ErrCorrupt, bs.name)
	}
	sh := &sheet.Sheet{HiddenRows: map[int]bool{}, HiddenCols: map[int]bool{}, Hidden: bs.hidden}
	cells := map[[2]int]string{}
	height, width := 0, 0
	set := func(r, c int, v string) {
		if v == "" {
			return
		}
		cells[[2]int{r, c}] = v
		height, width = max(height, r+1), max(width, c+1)
	}
	depth := 0 // embedded substreams (charts) inside the sheet
	var pendingString [2]int
	havePending := false
	for {
		rec, ok := rs.next()
		if !ok {
			break
		}
		d := rec.data
		switch rec.typ {
		case recBOF:
			depth++
			continue
		case recEOF:
			if depth == 0 {
				goto done
			}
			depth--
			continue
		}
		if depth > 0 {
			continue
		}
		switch rec.typ {
		case recRow:
			if len(d) >= 16 && u16(d, 12)&0x20 != 0 {
				sh.HiddenRows[int(u16(d, 0))] = true
			}
		case recColInfo:
			if len(d) >= 10 && u16(d, 8)&1 != 0 {
				for c := int(u16(d, 0)); c <= int(u16(d, 2)) && c < 256; c++ {
					sh.HiddenCols[c] = true
				}
			}
		case recLabelSST:
			need(d, 10)
			if i := int(u32(d, 6)); i < len(wb.sst) {
				set(int(u16(d, 0)), int(u16(d, 2)), wb.sst[i])
			}
		case recLabel, recRString:
			need(d, 8)
			s, _ := unicodeString(d[6:])
			set(int(u16(d, 0)), int(u16(d, 2)), s)
		case recNumber:
			need(d, 14)
			v := math.Float64frombits(binary.LittleEndian.Uint64(d[6:]))
			set(int(u16(d, 0)), int(u16(d, 2)), wb.display(v, u16(d, 4)))
		case recRK:
			need(d, 10)
			set(int(u16(d, 0)), int(u16(d, 2)), wb.display(rk(u32(d, 6)), u16(d, 4)))
		case recMulRK:
			need(d, 6)
			r, c := int(u16(d, 0)), int(u16(d, 2))
			for p := 4; p+6 <= len(d)-2; p += 6 {
				set(r, c, wb.display(rk(u32(d, p+2)), u16(d, p)))
				c++
			}
		case recFormula:
			need(d, 20)
			r, c := int(u16(d, 0)), int(u16(d, 2))
			if u16(d, 12) != 0xFFFF {
				set(r, c, wb.display(math.Float64frombits(binary.LittleEndian.Uint64(d[6:])), u16(d, 4)))
				break
			}
			switch d[6] {
			case 0: // a string, in the STRING record that follows
				pendingString, havePending = [2]int{r, c}, true
			case 1:
				set(r, c, boolText(d[8]))
			case 2:
				set(r, c, errorText(d[8]))
			}
		case recString:
			if havePending {
				s, _ := unicodeString(d)
				set(pendingString[0], pendingString[1], s)
				havePending = false
			}
		case recBoolErr:
			need(d, 8)
			if d[7] == 0 {
				set(int(u16(d, 0)), int(u16(d, 2)), boolText(d[6]))
			} else {
				set(int(u16(d, 0)), int(u16(d, 2)), errorText(d[6]))
			}
		case recMerge:
			need(d, 2)
			n := int(u16(d, 0))
			for k := 0; k < n && 2+8*k+8 <= len(d); k++ {
				p := 2 + 8*k
				sh.Merges = append(sh.Merges, sheet.Range{R0: int(u16(d, p)), R1: int(u16(d, p+2)), C0: int(u16(d, p+4)), C1: int(u16(d, p+6))})
			}
		}
	}
done:
	if height*width > maxCells {
		return nil, fmt.Errorf("%w: sheet %q grid is %d×%d cells, limit %d", extract.ErrTooLarge, bs.name, height, width, maxCells)
	}
	sh.Values = make([][]string, height)
	for k, v := range cells {
		row := sh.Values[k[0]]
		if len(row) <= k[1] {
			row = append(row, make([]string, k[1]+1-len(row))...)
		}
		row[k[1]] = v
		sh.Values[k[0]] = row
	}
	return sh, nil
}

func need(d []byte, n int) {
	if len(d) < n {
		malformed("cell record of %d bytes, want %d", len(d), n)
	}
}

func boolText(b byte) string {
	if b != 0 {
		return "TRUE"
	}
	return "FALSE"
}

func errorText(b byte) string {
	switch b {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	}
	return "#N/A"
}

// rk decodes an RK number: a 30-bit integer or the high bits of a double,
// optionally divided by 100.
func rk(v uint32) float64 {
	var f float64
	if v&2 != 0 {
		f = float64(int32(v) >> 2)
	} else {
		f = math.Float64frombits(uint64(v&0xFFFFFFFC) << 32)
	}
	if v&1 != 0 {
		f /= 100
	}
	return f
}

func u16(b []byte, p int) uint16 {
	if p+2 > len(b) {
		malformed("record too short")
	}
	return binary.LittleEndian.Uint16(b[p:])
}

func u32(b []byte, p int) uint32 {
	if p+4 > len(b) {
		malformed("record too short")
	}
	return binary.LittleEndian.Uint32(b[p:])
}

// shortString reads a ShortXLUnicodeString (8-bit length).
func shortString(b []byte) (string, int) {
	if len(b) < 2 {
		malformed("short string header")
	}
	return chars(b[2:], int(b[0]), b[1]&1 != 0), 2 + int(b[0])*(1+int(b[1]&1))
}

// unicodeString reads an XLUnicodeString (16-bit length) without rich text.
func unicodeString(b []byte) (string, int) {
	if len(b) < 3 {
		malformed("short string header")
	}
	n := int(u16(b, 0))
	return chars(b[3:], n, b[2]&1 != 0), 3 + n*(1+int(b[2]&1))
}

// chars decodes n characters, 16-bit (UTF-16LE) or 8-bit (Latin-1).
func chars(b []byte, n int, wide bool) string {
	if wide {
		if 2*n > len(b) {
			malformed("string runs past its record")
		}
		u := make([]uint16, n)
		for i := range u {
			u[i] = binary.LittleEndian.Uint16(b[2*i:])
		}
		return string(utf16.Decode(u))
	}
	if n > len(b) {
		malformed("string runs past its record")
	}
	r := make([]rune, n)
	for i := range r {
		r[i] = rune(b[i])
	}
	return string(r)
}

// sstReader reads the shared strings across the SST record and its
// CONTINUE records: a string's characters may continue in the next record,
// which then starts with a new flag byte saying whether they are 16-bit.
type sstReader struct {
	segs [][]byte
	i, p int
}

var errEnd = errors.New("end of SST")

func (r *sstReader) byte() byte {
	for r.i < len(r.segs) && r.p >= len(r.segs[r.i]) {
		r.i, r.p = r.i+1, 0
	}
	if r.i >= len(r.segs) {
		panic(errEnd)
	}
	b := r.segs[r.i][r.p]
	r.p++
	return b
}

func (r *sstReader) u16() int { return int(r.byte()) | int(r.byte())<<8 }
func (r *sstReader) u32() int { return r.u16() | r.u16()<<16 }

func (r *sstReader) skip(n int) {
	for ; n > 0; n-- {
		r.byte()
	}
}

func (r *sstReader) str() string {
	n := r.u16()
	flags := r.byte()
	wide := flags&1 != 0
	runs, ext := 0, 0
	if flags&8 != 0 {
		runs = r.u16()
	}
	if flags&4 != 0 {
		ext = r.u32()
	}
	u := make([]uint16, 0, n)
	for len(u) < n {
		if r.i < len(r.segs) && r.p >= len(r.segs[r.i]) { // the characters continue in the next record
			r.i, r.p = r.i+1, 0
			if r.i >= len(r.segs) {
				panic(errEnd)
			}
			wide = r.byte()&1 != 0
		}
		if wide {
			u = append(u, uint16(r.u16()))
		} else {
			u = append(u, uint16(r.byte()))
		}
	}
	r.skip(4*runs + ext)
	return string(utf16.Decode(u))
}

// readSST reads the shared string table; a truncated table keeps the
// strings read so far.
func readSST(segs [][]byte) (out []string) {
	r := &sstReader{segs: segs}
	defer func() {
		if e := recover(); e != nil && e != errEnd {
			panic(e)
		}
	}()
	r.skip(4)
	n := r.u32()
	for range min(n, 1<<22) {
		out = append(out, r.str())
	}
	return out
}
