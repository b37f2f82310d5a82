// Package annotate writes annotated copies of checked drafts, so that the
// author sees the findings where they work: a PDF gets one framed note per
// finding at the finding's box (its popup says severity, rule, problem,
// text and suggestion); a DOCX gets one Word comment per finding anchored
// on the evidence, listed in Word's and WPS's review pane.
//
// Both keep the original: the PDF copy is an incremental update appended
// to the original bytes, and in the DOCX copy only the main document, the
// comments part and (when the comments part is new) the content types and
// relationships change; every other zip entry is copied byte for byte.
package annotate

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/pdf"
	"github.com/budgetdoc/budgetdoc/review"
	"github.com/budgetdoc/budgetdoc/schema"
)

// ErrFormat is returned for a format that cannot carry annotations.
var ErrFormat = errors.New("annotated copies are made of PDF and DOCX files only (for DOC, XLSX, HTML or text, annotate the PDF export of the draft)")

// Report says how each finding was placed.
type Report struct {
	Items []Item
	// Exact counts findings placed on their evidence: the PDF box of the
	// finding, or the DOCX text that contains the evidence.
	Exact int
}

// Item is the placement of one finding.
type Item struct {
	Finding schema.Finding
	// Exact is true when the note sits on the finding's evidence; false
	// when it stands in for a whole document or page (a missing section, a
	// finding without a box), at the top of the page or the document, or
	// when the finding's box does not hold its evidence.
	Exact bool
	// Anchor is the DOCX text the comment covers ("" for PDF).
	Anchor string
}

func (r *Report) add(f schema.Finding, exact bool, anchor string) {
	r.Items = append(r.Items, Item{Finding: f, Exact: exact, Anchor: anchor})
	if exact {
		r.Exact++
	}
}

// Extension is the file extension of the annotated copy of a format.
func Extension(format extract.Format) string {
	if format == extract.FormatDOCX {
		return ".docx"
	}
	return ".pdf"
}

// Copy makes the annotated copy of a document of the given format: data
// are its bytes, doc the document read from them, fs its findings.
func Copy(ctx context.Context, format extract.Format, data []byte, doc *extract.Document, fs []schema.Finding) ([]byte, Report, error) {
	switch format {
	case extract.FormatPDF:
		return PDF(ctx, data, doc, fs)
	case extract.FormatDOCX:
		return DOCX(data, doc, fs)
	}
	return nil, Report{}, fmt.Errorf("%w; this file is %s", ErrFormat, format)
}

// severityColor is the frame colour of a note.
func severityColor(sev string) color.RGBA {
	switch sev {
	case "error":
		return color.RGBA{R: 220, G: 30, B: 30, A: 255}
	case "warning":
		return color.RGBA{R: 235, G: 140, B: 0, A: 255}
	}
	return color.RGBA{R: 30, G: 110, B: 220, A: 255}
}

// pageNoteBox is where a finding without a box is noted: a small square in
// the top-left margin of its page.
var pageNoteBox = extract.BBox{8, 8, 26, 26}

// PDF returns the annotated copy of a PDF. doc is the document read from
// data (for the page count); fs are its findings.
func PDF(ctx context.Context, data []byte, doc *extract.Document, fs []schema.Finding) ([]byte, Report, error) {
	var rep Report
	notes := make([]pdf.Note, 0, len(fs))
	for _, f := range fs {
		page := min(max(f.Loc.Page, 1), max(len(doc.Pages), 1))
		box, exact := pageNoteBox, false
		if f.Loc.BBox != nil && f.Loc.Page == page {
			box, exact = EvidenceBox(doc.Pages[page-1], f)
		}
		notes = append(notes, pdf.Note{Page: page, Box: box, Title: "budgetdoc · " + f.Rule,
			Contents: review.NoteText(f), Color: severityColor(f.Severity)})
		rep.add(f, exact, "")
	}
	out, err := pdf.Annotate(ctx, data, notes)
	if err != nil {
		return nil, Report{}, err
	}
	return out, rep, nil
}

// EvidenceBox returns the box to frame for a finding: the box of its line,
// widened over the next or previous lines of the page when the evidence
// runs on (a clause broken across lines). exact is false when neither the
// line nor its neighbours hold the evidence: the box is then the finding's
// own, not known to be on its text.
func EvidenceBox(p extract.Page, f schema.Finding) (box extract.BBox, exact bool) {
	box = *f.Loc.BBox
	var lines []extract.Line
	for _, l := range p.Lines() {
		if l.Loc.BBox != nil {
			lines = append(lines, l)
		}
	}
	at := -1
	for i, l := range lines {
		if l.Loc.Line == f.Loc.Line {
			at = i
			break
		}
	}
	ev := squash(f.Evidence)
	if at < 0 || ev == "" {
		return box, false
	}
	const maxSpan = 4
	for span := 1; span <= maxSpan; span++ {
		for s := max(0, at-span+1); s <= at && s+span <= len(lines); s++ {
			var text strings.Builder
			for _, l := range lines[s : s+span] {
				text.WriteString(squash(l.Text))
			}
			if strings.Contains(text.String(), ev) {
				b := *lines[s].Loc.BBox
				for _, l := range lines[s+1 : s+span] {
					b = b.Union(*l.Loc.BBox)
				}
				return b, true
			}
		}
	}
	return box, Overlap(lines[at].Text, f.Evidence) >= min(minOverlap, len([]rune(ev)))
}

// minOverlap is how many characters of the evidence a framed line must
// hold for the frame to count as on the evidence.
const minOverlap = 4

// Overlap is the length in runes of the longest run of the evidence's
// characters that text contains, comparing without white space and with
// full-width digits and letters folded (the evidence may quote the
// parsing view, the page has the characters as printed).
func Overlap(text, ev string) int {
	t, e := width.Fold.String(squash(text)), []rune(width.Fold.String(squash(ev)))
	best := 0
	for i := range e {
		for j := i + best + 1; j <= len(e); j++ {
			if !strings.Contains(t, string(e[i:j])) {
				break
			}
			best = j - i
		}
	}
	return best
}

// lineFinder places findings on the lines of a DOCX main document part.
type lineFinder struct {
	keys   []string       // the read document's lines, squashed, in reading order
	index  map[[2]int]int // (page, line) → index into keys
	xlines []*xline
	xkeys  []string
}

func newLineFinder(doc *extract.Document, xl []*xline) *lineFinder {
	lf := &lineFinder{index: map[[2]int]int{}, xlines: xl}
	if doc != nil {
		for _, p := range doc.Pages {
			for _, l := range p.Lines() {
				lf.index[[2]int{l.Loc.Page, l.Loc.Line}] = len(lf.keys)
				lf.keys = append(lf.keys, squash(l.Text))
			}
		}
	}
	for _, l := range xl {
		lf.xkeys = append(lf.xkeys, squash(l.text))
	}
	return lf
}

// anchor is where a comment goes: text [start, end) of line; placed when
// that text holds the finding's evidence.
type anchor struct {
	line, start, end int
	placed           bool
}

// anchor finds the finding's line — the line of the read document at its
// page and line, matched to the part's lines by its text and how many
// identical lines precede it — and the evidence in it. Evidence that is not
// in that line (a clause joined across a line break) is looked for in the
// lines that contain it, counted the same way; a finding about the whole
// document (a missing section) covers its line, or the first line.
func (lf *lineFinder) anchor(f schema.Finding) anchor {
	ev := strings.TrimSpace(f.Evidence)
	r, known := lf.index[[2]int{f.Loc.Page, f.Loc.Line}]
	line := -1
	if known {
		line = nth(lf.xkeys, lf.keys[r], count(lf.keys[:r], func(k string) bool { return k == lf.keys[r] }))
		if line >= 0 {
			if a, b, ok := find(lf.xlines[line].text, ev); ok {
				return anchor{line: line, start: a, end: b, placed: true}
			}
		}
	}
	if sq := squash(ev); sq != "" {
		k := 0
		if known {
			k = count(lf.keys[:r], func(key string) bool { return strings.Contains(key, sq) })
		}
		for _, cand := range []int{k, 0} {
			if i := nthFunc(lf.xkeys, cand, func(key string) bool { return strings.Contains(key, sq) }); i >= 0 {
				if a, b, ok := find(lf.xlines[i].text, ev); ok {
					return anchor{line: i, start: a, end: b, placed: true}
				}
			}
		}
	}
	if line < 0 {
		line = nthFunc(lf.xkeys, 0, func(key string) bool { return key != "" })
		line = max(line, 0)
	}
	return anchor{line: line, start: 0, end: len(lf.xlines[line].text)}
}

func count(keys []string, match func(string) bool) int {
	n := 0
	for _, k := range keys {
		if match(k) {
			n++
		}
	}
	return n
}

func nth(keys []string, key string, k int) int {
	return nthFunc(keys, k, func(s string) bool { return s == key })
}

// nthFunc returns the index of the k-th (0-based) key that matches, or -1.
func nthFunc(keys []string, k int, match func(string) bool) int {
	for i, s := range keys {
		if match(s) {
			if k == 0 {
				return i
			}
			k--
		}
	}
	return -1
}

// squash drops white space: the reader and the part may space text
// differently (tabs, trimmed ends).
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// find returns the byte range of ev in text, comparing without white space
// when the exact text is not there.
func find(text, ev string) (int, int, bool) {
	if ev == "" {
		return 0, 0, false
	}
	if i := strings.Index(text, ev); i >= 0 {
		return i, i + len(ev), true
	}
	var sq strings.Builder
	var at []int // byte offset in text of each byte of sq
	for i, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		n := sq.Len()
		sq.WriteRune(r)
		for range sq.Len() - n {
			at = append(at, i)
		}
	}
	want := squash(ev)
	i := strings.Index(sq.String(), want)
	if i < 0 || want == "" {
		return 0, 0, false
	}
	last := i + len(want) - 1
	end := at[last]
	for end < len(text) && (end == at[last]) {
		end++
		for end < len(text) && !isRuneStart(text[end]) {
			end++
		}
	}
	return at[i], end, true
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
