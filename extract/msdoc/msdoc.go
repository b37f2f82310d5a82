// Package msdoc reads Word 97–2003 binary documents (.doc, also the ones
// WPS Office writes) into an extract.Document.
//
// The OLE2 container is opened with github.com/richardlehane/mscfb; the
// Word structures are read here following [MS-DOC]: the FIB, the piece
// table (Clx in the 0Table/1Table stream) that maps character positions
// (CPs) to text, the paragraph property pages (PlcBtePapx) that say which
// paragraphs are table cells, row ends and headings, the style sheet, the
// section table and the header story table.
//
// What the Document holds:
//   - pages split at explicit page breaks and page-breaking section breaks
//     only: a .doc stores no layout, so soft page breaks are unknown;
//   - paragraphs (0x0D), lines within them (0x0B, 0x0E), headings from
//     built-in heading styles (sti 1–9, Level = sti);
//   - tables with merged cells from the row definitions (sprmTDefTable,
//     sprmTVertMerge, sprmTMerge); nested tables are flattened into the
//     cell that holds them;
//   - field results with FieldSpan marks carrying the instruction;
//   - footnote, endnote and text box text as paragraphs at the end of the
//     last page (in that order): they are content, not page furniture;
//   - headers, footers and header text boxes in Furniture, each distinct
//     paragraph once; their lines have no page (Loc is zero);
//   - Info from the SummaryInformation stream (Title, Subject, Author,
//     Keywords, LastAuthor, Creator = the application name);
//   - a warning for each embedded object (EMBED field), whose content —
//     often a spreadsheet pasted as a table — is not document text.
//
// Not interpreted: list numbering generated from list styles (the
// "一、" of an auto-numbered heading is missing from the text), character
// formatting including hidden text, property modifiers in the short Prm
// form, and the Word 6/95 format (rejected as unsupported).
package msdoc

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/budgetdoc/budgetdoc/extract"
)

// reader holds what is shared by the stages of reading one document.
type reader struct {
	wd       []byte // WordDocument stream
	dataStm  []byte // Data stream (may be absent)
	fib      *fib
	clx      *clx
	papx     []papxRun
	chars    []uint16     // decoded text of all stories, indexed by CP
	sections map[int]bool // section mark CP → breaks the page
	styles   []style
	hdd      []int // PlcfHdd: header story CPs relative to the header sub-document
	warnings []string
}

// warn records a non-fatal problem once.
func (r *reader) warn(msg string) {
	if !slices.Contains(r.warnings, msg) {
		r.warnings = append(r.warnings, msg)
	}
}

// Read parses a .doc file.
func Read(ctx context.Context, data []byte, lim extract.Limits) (doc *extract.Document, err error) {
	defer extract.Recover(&doc, &err)
	if len(data) == 0 {
		return nil, extract.ErrEmpty
	}
	doc, err = read(ctx, data, lim)
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("%w: %w", extract.ErrTimeout, err)
		}
	}
	return doc, err
}

func read(ctx context.Context, data []byte, lim extract.Limits) (*extract.Document, error) {
	ole, err := openOLE(data, lim)
	if err != nil {
		return nil, err
	}
	if !ole.has("WordDocument") {
		return nil, fmt.Errorf("%w: OLE file is not a Word document (streams: %s)", extract.ErrUnsupported, ole.describe())
	}
	r := &reader{}
	if r.wd, err = ole.read("WordDocument"); err != nil {
		return nil, err
	}
	if r.fib, err = parseFIB(r.wd); err != nil {
		return nil, err
	}
	table, err := ole.read(r.fib.tableStm)
	if err != nil {
		return nil, err
	}
	if ole.has("Data") {
		if r.dataStm, err = ole.read("Data"); err != nil {
			return nil, err
		}
	}
	if err := r.parseStructures(table, lim); err != nil {
		return nil, err
	}
	doc := &extract.Document{Format: extract.FormatDOC}
	// mscfb drops the leading 0x05 of property set stream names.
	if ole.has("SummaryInformation") {
		if b, err := ole.read("SummaryInformation"); err == nil {
			if info := parseSummary(b); len(info) > 0 {
				doc.Info = info
			}
		}
	}
	if err := r.layout(ctx, doc, lim); err != nil {
		return nil, err
	}
	doc.Warnings = append(doc.Warnings, r.warnings...)
	doc.Number()
	return doc, nil
}

// parseStructures reads the piece table, decodes the text and loads the
// tables that the layout consults.
func (r *reader) parseStructures(table []byte, lim extract.Limits) error {
	f := r.fib
	fc, lcb := f.pair(fcClx)
	b, err := slice(table, fc, lcb, "Clx")
	if err != nil {
		return err
	}
	if r.clx, err = parseCLX(b, len(r.wd)); err != nil {
		return err
	}
	n := min(r.totalCPs(), r.clx.cpLimit())
	if n > len(r.wd) {
		return fmt.Errorf("%w: piece table describes %d characters in a %d-byte stream", extract.ErrCorrupt, n, len(r.wd))
	}
	if lim.MaxBytes > 0 && int64(n)*2 > lim.MaxBytes {
		return fmt.Errorf("%w: %d characters of text (limit %d bytes)", extract.ErrTooLarge, n, lim.MaxBytes)
	}
	r.chars = r.clx.decode(r.wd, n)

	fc, lcb = f.pair(fcPlcfBtePapx)
	if b, err = slice(table, fc, lcb, "PlcBtePapx"); err != nil {
		return err
	}
	if r.papx, err = parsePapxRuns(b, r.wd); err != nil {
		return err
	}
	if fc, lcb = f.pair(fcStshf); lcb > 0 {
		if b, err := slice(table, fc, lcb, "STSH"); err == nil {
			r.styles = parseStyles(b)
		}
	}
	if fc, lcb = f.pair(fcPlcfHdd); lcb > 0 {
		if b, err := slice(table, fc, lcb, "PlcfHdd"); err == nil {
			r.hdd = plcCPs(b)
		}
	}
	if fc, lcb = f.pair(fcPlcfSed); lcb > 0 {
		if b, err := slice(table, fc, lcb, "PlcfSed"); err == nil {
			r.sections = sectionMarks(b, r.wd)
		}
	}
	return nil
}

// totalCPs is the number of CPs of all sub-documents, including the final
// paragraph mark that follows them when any besides the main text exists.
func (r *reader) totalCPs() int {
	n := r.fib.ccpBefore(lwCcpHdrTxbx + 1)
	if n > r.fib.ccp[lwCcpText] {
		n++
	}
	return n
}

// propsAtCP returns the properties of the paragraph whose mark is at cp.
func (r *reader) propsAtCP(cp int) paraProps {
	if r.clx == nil {
		return paraProps{}
	}
	i := r.clx.pieceAt(cp)
	if i < 0 {
		return paraProps{}
	}
	return propsAt(r.papx, r.clx.fcAt(cp), r.clx, r.clx.pieces[i].prm, r.dataStm)
}

// layout builds the pages, then appends the note and text box stories and
// collects the header stories into Furniture.
func (r *reader) layout(ctx context.Context, doc *extract.Document, lim extract.Limits) error {
	f := r.fib
	if f.ccp[lwCcpText] > len(r.chars) {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("main text is %d characters but the piece table holds %d", f.ccp[lwCcpText], len(r.chars)))
	}
	l := newLayout(r.styles, lim)
	items, err := r.scan(ctx, 0, f.ccp[lwCcpText], true)
	if err != nil {
		return err
	}
	if err := l.add(items); err != nil {
		return err
	}
	// Notes and body text boxes: content, placed after the main text.
	for _, lw := range []int{lwCcpFtn, lwCcpEdn, lwCcpTxbx} {
		start := f.ccpBefore(lw)
		items, err := r.scan(ctx, start, start+f.ccp[lw], false)
		if err != nil {
			return err
		}
		if err := l.add(items); err != nil {
			return err
		}
	}
	doc.Pages = l.pages

	// Furniture: headers and footers, one story at a time, and text boxes
	// in headers.
	furn := newLayout(r.styles, lim)
	hdd := f.ccpBefore(lwCcpHdd)
	for _, s := range r.headerStories() {
		items, err := r.scan(ctx, hdd+s[0], hdd+s[1], false)
		if err != nil {
			return err
		}
		if err := furn.add(items); err != nil {
			return err
		}
	}
	start := f.ccpBefore(lwCcpHdrTxbx)
	items, err = r.scan(ctx, start, start+f.ccp[lwCcpHdrTxbx], false)
	if err != nil {
		return err
	}
	if err := furn.add(items); err != nil {
		return err
	}
	// The same header usually repeats for every section: keep it once.
	seen := map[string]bool{}
	for _, b := range furn.pages[0].Blocks {
		key := b.Style + "\x00" + b.Text()
		if !seen[key] {
			seen[key] = true
			doc.Furniture = append(doc.Furniture, b)
		}
	}
	return nil
}

// headerStories returns the CP ranges, relative to the start of the header
// sub-document, of the header and footer stories (PlcfHdd, [MS-DOC]
// 2.8.8): the first six stories are footnote and endnote separators, then
// six per section.
func (r *reader) headerStories() [][2]int {
	ccpHdd := r.fib.ccp[lwCcpHdd]
	cps := r.hdd
	var out [][2]int
	for i := 6; i+1 < len(cps); i++ {
		s, e := cps[i], min(cps[i+1], ccpHdd)
		if s >= 0 && s < e {
			out = append(out, [2]int{s, e})
		}
	}
	if len(cps) == 0 && ccpHdd > 0 {
		out = append(out, [2]int{0, ccpHdd})
	}
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}
