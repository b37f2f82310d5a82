// Package normalize is the stage between reading and understanding: it
// drops running headers, footers and bare page numbers, joins the physical
// lines that page layout split mid-sentence into logical lines (never across
// a heading or a list item), and gives each logical line a parsing view
// (nlp/textnorm) while keeping the original text and the location of every
// piece of it.
package normalize

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
)

// Text is the normalized text of a document.
type Text struct {
	Pages []Page
	// Dropped lists the lines removed as running headers, footers or page
	// numbers, so that a user can see what was removed and why.
	Dropped []Dropped
}

// Dropped is a line removed by normalization.
type Dropped struct {
	Line   extract.Line
	Reason string // "page-number", "running-header", "running-footer"
}

// Page holds the items that start on one page.
type Page struct {
	Number int
	Name   string // sheet name for spreadsheets
	Items  []Item
}

// Item is a logical line (paragraph or heading) or a table.
type Item struct {
	Kind      extract.BlockKind
	Style     string
	Level     int
	Numbering string
	Line      *Line          // paragraphs and headings
	Table     *extract.Table // tables, unchanged
}

// Line is a logical line: one or more physical lines joined.
type Line struct {
	textnorm.View                // Text is the parsing view, Orig the text as written
	Parts         []Part         // where each physical piece of Orig came from
	Origins       []Part         // finer: runs of Orig by source column (HTML); empty for most formats
	Spans         []extract.Span // marked spans, offsets into Orig
	// TableRow is set on a row of a table laid out as text: decided here,
	// once, for every later stage (facts skip such lines, the checks do not
	// read them as prose, the outline takes no heading from them).
	TableRow bool

	// While Document joins physical lines, Orig is built here and last is
	// the latest piece: adding to a string each time copied the whole line
	// per piece, quadratic in a long paragraph.
	orig strings.Builder
	last string
}

// NewLine returns the logical line made of one physical line, text at loc,
// as Run would make it.
func NewLine(text string, loc extract.Loc) *Line {
	l := &Line{View: textnorm.Fold(text), Parts: []Part{{Loc: loc}}}
	l.TableRow = IsTableRow(l.Orig)
	return l
}

// IsTableRow reports whether a logical line, as written, is a row of a
// table laid out as text: columns separated by
// a wide run of spaces (three or more, ASCII or ideographic) between two
// characters, and no clause or sentence punctuation. Justified prose also
// spreads its spaces wide (`与上年相比增加    309.03 万元，增长2.31   %。`)
// but keeps its punctuation; a comma between digits is no sign of prose,
// since table rows write thousands with it (`21,123,668`).
func IsTableRow(orig string) bool {
	return wideGap.MatchString(orig) && !hasClausePunct(orig)
}

// hasClausePunct reports whether s holds a mark that ends a clause or a
// sentence: ，。；; or a comma that does not separate thousands.
func hasClausePunct(s string) bool {
	if strings.ContainsAny(s, "，。；;") {
		return true
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ',' && !(i > 0 && isDigit(s[i-1]) && i+1 < len(s) && isDigit(s[i+1])) {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// wideGap is a run of spaces wide enough to separate columns.
var wideGap = regexp.MustCompile(`\S[ \x{3000}]{3,}\S`)

// Part says that Orig[Start:] (up to the next part) came from the physical
// line at Loc. As an origin (Line.Origins), it says that the run of Orig
// from Start, up to the next origin, begins at Loc's column of the source
// line, one column per character.
type Part struct {
	Start int
	Loc   extract.Loc
}

// Loc returns the location of the physical line holding byte off of Orig,
// with the column of off where the source gives columns.
func (l *Line) Loc(off int) extract.Loc {
	loc := partAt(l.Parts, off).Loc
	if len(l.Origins) > 0 {
		o := partAt(l.Origins, off)
		loc = o.Loc
		if off > o.Start && off <= len(l.Orig) && o.Loc.Column > 0 {
			loc.Column += utf8.RuneCountInString(l.Orig[o.Start:off])
		}
	}
	return loc
}

// partAt returns the last part starting at or before off (the first part
// when none does).
func partAt(parts []Part, off int) Part {
	i, _ := slices.BinarySearchFunc(parts, off, func(p Part, off int) int {
		if p.Start <= off {
			return -1
		}
		return 1
	})
	if i == 0 {
		return parts[0]
	}
	return parts[i-1]
}

// Run normalizes doc. It stops with ctx's error when ctx is done.
func Run(ctx context.Context, doc *extract.Document) (*Text, error) {
	out := &Text{}
	dropped := findFurniture(doc)
	layoutWrapped := doc.Format == extract.FormatPDF || doc.Format == extract.FormatText || doc.Format == extract.FormatPagesJSON
	var geo columnGeometry
	var open *Line // the logical line that may still continue
	var openKind extract.BlockKind
	openColumn := 0
	for pi := range doc.Pages {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		p := &doc.Pages[pi]
		page := Page{Number: p.Number, Name: p.Name}
		if page.Number == 0 {
			page.Number = pi + 1
		}
		prevGeo := geo
		geo = columnGeometry{page: p, dropped: dropped, of: map[int]*geometry{}}
		for bi := range p.Blocks {
			b := &p.Blocks[bi]
			if b.Kind == extract.TableBlock {
				open = nil
				page.Items = append(page.Items, Item{Kind: extract.TableBlock, Table: b.Table, Style: b.Style})
				continue
			}
			for li := range b.Lines {
				ln := &b.Lines[li]
				if reason, ok := dropped[ln]; ok {
					out.Dropped = append(out.Dropped, Dropped{Line: *ln, Reason: reason})
					continue
				}
				text := strings.TrimRightFunc(ln.Text, unicode.IsSpace)
				if strings.TrimSpace(text) == "" {
					continue
				}
				if open != nil && b.Kind == extract.Paragraph && openKind == extract.Paragraph && layoutWrapped &&
					continues(open, ln, text, geoFor(open, geo, prevGeo, page.Number), openColumn, geo, b.Column) {
					appendPart(open, ln, text)
					continue
				}
				l := &Line{}
				appendPart(l, ln, text)
				page.Items = append(page.Items, Item{Kind: b.Kind, Style: b.Style, Level: b.Level, Numbering: b.Numbering, Line: l})
				open, openKind, openColumn = l, b.Kind, b.Column
				if b.Kind == extract.Heading {
					open = nil
				}
			}
			if !layoutWrapped {
				open = nil // blocks of word processors and HTML are real paragraphs
			}
		}
		out.Pages = append(out.Pages, page)
	}
	for pi := range out.Pages {
		for ii := range out.Pages[pi].Items {
			if l := out.Pages[pi].Items[ii].Line; l != nil {
				orig := l.orig.String()
				l.orig, l.last = strings.Builder{}, ""
				l.View = textnorm.Fold(orig)
				l.TableRow = IsTableRow(l.View.Orig)
			}
		}
	}
	return out, nil
}

// geoFor returns the geometry of the page the open line ends on.
func geoFor(open *Line, cur, prev columnGeometry, curPage int) columnGeometry {
	last := open.Parts[len(open.Parts)-1].Loc.Page
	if last != curPage && prev.page != nil {
		return prev
	}
	return cur
}

func appendPart(l *Line, ln *extract.Line, text string) {
	start := l.orig.Len()
	if start > 0 && needsSpace(l.last, text) {
		l.orig.WriteByte(' ')
		start++
	}
	l.Parts = append(l.Parts, Part{Start: start, Loc: ln.Loc})
	for _, o := range ln.Origins {
		if o.Start < len(text) {
			l.Origins = append(l.Origins, Part{Start: start + o.Start, Loc: o.Loc})
		}
	}
	l.orig.WriteString(text)
	l.last = text
	for _, s := range ln.Spans {
		if s.End > len(text) {
			s.End = len(text)
		}
		if s.Start > s.End {
			continue
		}
		s.Start += start
		s.End += start
		l.Spans = append(l.Spans, s)
	}
}

// needsSpace keeps Latin words apart when joining; Chinese text is written
// without spaces, so CJK lines join directly.
func needsSpace(prev, next string) bool {
	a, _ := utf8.DecodeLastRuneInString(prev)
	b, _ := utf8.DecodeRuneInString(next)
	return isLatin(a) && isLatin(b)
}

func isLatin(r rune) bool { return r < 0x80 && (unicode.IsLetter(r)) }

// geometry summarises the text column of a page.
type geometry struct {
	hasBox      bool
	left, right float64 // typical left and right edge of body lines
	charW       float64 // typical character width
	maxRunes    int     // typical length of a full line (no boxes)
	lines       int     // non-blank lines measured
}

// columnGap is the run of spaces that separates table columns in text
// extracted from a laid-out page.
const columnGap = "   "

// hasColumnGap reports whether the physical line s may be a table row laid
// out as text, so that it is never joined with its neighbours: it holds a
// wide run of spaces that is not merely justified prose spacing
// between a number and its unit (`增长 21.95   %`, `21,940.96  万 元`) or
// before an amount written with its unit (`增加    309.03 万元`). Whether a
// logical line is a table row is Line.TableRow.
func hasColumnGap(s string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], columnGap)
		if k < 0 {
			return false
		}
		start := i + k
		end := start
		for end < len(s) && s[end] == ' ' {
			end++
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:start])
		next, _ := utf8.DecodeRuneInString(s[end:])
		numberUnit := (prev >= '0' && prev <= '9') && strings.ContainsRune("%％‰万亿元千个人名辆台套项次家所", next)
		// 与上年相比增加    309.03 万元: justified prose also spreads the
		// space before an amount; a table cell holds the number alone,
		// without its unit.
		amount := prev != ' ' && !(prev >= '0' && prev <= '9') && amountWithUnit.MatchString(s[end:])
		if !numberUnit && !amount {
			return true
		}
		i = end
	}
}

// amountWithUnit is an amount written with its unit at the start of a text.
var amountWithUnit = regexp.MustCompile(`^[0-9][0-9,]*(?:\.[0-9]+)? *(?:万 ?元|亿 ?元|万|亿|元|%|％)`)

// minLinesForWidth is the fewest lines from which the typical width of a
// full line can be told; a cover page with three lines has no such width.
const minLinesForWidth = 6

// columnGeometry holds the geometry of each text column of one page
// (extract.Block.Column), measured when first needed; column 0 is the
// page's whole width, the only one of a page set in one column.
type columnGeometry struct {
	page    *extract.Page
	dropped map[*extract.Line]string
	of      map[int]*geometry
}

func (cg columnGeometry) column(c int) *geometry {
	if g := cg.of[c]; g != nil {
		return g
	}
	g := measure(cg.page, cg.dropped, c)
	cg.of[c] = g
	return g
}

// measure summarises the lines of p's blocks in the given column.
func measure(p *extract.Page, dropped map[*extract.Line]string, column int) *geometry {
	var xs0, xs1, ws []float64
	var lens []int
	for bi := range p.Blocks {
		if p.Blocks[bi].Column != column {
			continue
		}
		for li := range p.Blocks[bi].Lines {
			ln := &p.Blocks[bi].Lines[li]
			if _, ok := dropped[ln]; ok {
				continue
			}
			n := utf8.RuneCountInString(strings.TrimSpace(ln.Text))
			if n == 0 {
				continue
			}
			lens = append(lens, displayWidth(strings.TrimSpace(ln.Text)))
			if bb := ln.Loc.BBox; bb != nil {
				xs0 = append(xs0, bb[0])
				xs1 = append(xs1, bb[2])
				ws = append(ws, (bb[2]-bb[0])/float64(max(displayWidth(ln.Text), 1))*2)
			}
		}
	}
	g := &geometry{}
	g.lines = len(lens)
	if len(lens) > 0 {
		g.maxRunes = percentile(lens, 0.9)
	}
	if len(xs1) > 0 {
		g.hasBox = true
		g.left = percentileF(xs0, 0.2)
		g.right = percentileF(xs1, 0.9)
		g.charW = percentileF(ws, 0.5)
	}
	return g
}

// displayWidth counts a wide (CJK) character as 2 and others as 1.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 && (unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x30FF) || (r >= 0xFF00 && r <= 0xFF60)) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func percentile(v []int, q float64) int {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

func percentileF(v []float64, q float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

// continues decides whether physical line next (text) continues the open
// logical line rather than starting a new one. The open line ends in
// column openCol of the page measured by og, next stands in column col of
// the page measured by ng; a line is full or indented by its own column.
func continues(open *Line, next *extract.Line, text string, og columnGeometry, openCol int, ng columnGeometry, col int) bool {
	g := og.column(openCol)
	indentBy := g // across pages, as the open line's page is indented
	if col != openCol {
		indentBy = ng.column(col) // a sentence run on into the next column
	}
	if StartsListItem(text) {
		return false
	}
	prevPiece := open.last // the physical line the open line ends with
	if hasColumnGap(text) || hasColumnGap(prevPiece) {
		return false // rows of a table laid out as text are never joined
	}
	last, _ := utf8.DecodeLastRuneInString(prevPiece)
	lastLoc := open.Parts[len(open.Parts)-1].Loc
	if g.hasBox && lastLoc.BBox != nil && next.Loc.BBox != nil {
		pb, nb := lastLoc.BBox, next.Loc.BBox
		cw := g.charW
		if cw <= 0 {
			cw = 10
		}
		midSentence := !strings.ContainsRune("。！？!?：:；;", last)
		// Justified CJK lines end up to a character or two short of the
		// margin when the next character may not start a line; a line
		// that stops mid-sentence gets a little more room.
		slack := 1.5
		if midSentence {
			slack = 2.5
		}
		full := pb[2] >= g.right-slack*cw
		indented := nb[0] > indentBy.left+1.2*cw
		// Layout wraps before a number it cannot break (`支出决算为` /
		// `449.52万元。`) or before a unit or bracketed marker that may not
		// start a line (`1511.89万` / `元。`, `离退休` / `（项）。`), leaving
		// the line short of the margin: a line that stops mid-sentence and
		// a next line that starts with such a piece still belong together.
		wrapped := !full && pb[2] >= g.right-8*cw && midSentence &&
			(startsWithDigit(text) || continuationStart.MatchString(text))
		if (!full && !wrapped) || indented {
			return false
		}
		if lastLoc.Page == next.Loc.Page {
			h := pb[3] - pb[1]
			gap := nb[1] - pb[3]
			if h > 0 && gap > 1.2*h {
				return false
			}
			// A different font size starts a new block (a heading). Loose
			// boxes vary with the fonts a line mixes (digits in a Latin font
			// are taller), so only a large difference counts.
			nh := nb[3] - nb[1]
			ratio, below := 1.8, 0.5
			if hasDigit(prevPiece) || hasDigit(text) {
				// A box holding digits of a Latin font is taller, up to
				// twice the height of a line of Han characters alone.
				ratio, below = 2.0, 0.45
			}
			// Boxes that overlap are lines of one paragraph: a heading in a
			// larger font stands apart, while a box holding Latin digits
			// reaches up into the line above (税收收入 / 券资金21.65亿元).
			if h > 0 && gap >= 0 && (nh > ratio*h || nh < below*h) {
				return false
			}
		}
		return !strings.ContainsRune("。！？!?", last) || !indented
	}
	// Without positions: a line that fills the typical width and does not
	// end a sentence is continued by the next one, unless that one is
	// indented like a paragraph start.
	if strings.ContainsRune("。！？!?：:", last) {
		return false
	}
	if strings.HasPrefix(next.Text, "  ") || strings.HasPrefix(next.Text, "\u3000") {
		return false
	}
	return g.lines >= minLinesForWidth && g.maxRunes > 0 && displayWidth(strings.TrimSpace(prevPiece)) >= g.maxRunes*85/100
}

// continuationStart matches the start of a line that cannot begin a
// sentence: a unit after a wrapped number (元, 万元, %) or a short bracketed
// marker of the name before it ((项), (境), (含)); list numbers such as (一)
// are told apart before this is asked.
var continuationStart = regexp.MustCompile(`^[ \x{3000}]*(?:万?亿?元|%|％|[（(]\p{Han}{1,2}[）)])`)

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, " \u3000"))
	return (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
}

var listItemRE = regexp.MustCompile(`^[\s\x{3000}]*(?:` +
	`第[一二三四五六七八九十百零〇]+[部分章节条]` + // 第一部分
	`|[一二三四五六七八九十]+[、.．]` + // 一、
	`|[（(][一二三四五六七八九十]+[）)]` + // （一）
	`|\d{1,2}(?:[、．]|\.(?:\D|$))` + // 1、 1． 1.
	`|[（(]\d{1,2}[）)]` + // (1)
	`|\d{1,2}[）)]` + // 1）
	`|[①-⑳]` + // ①
	`|[●•·◆■□▪-]\s` + // bullets
	`|附件|附表|表[一二三四五六七八九十\d]` +
	`)`)

// StartsListItem reports whether a line starts with a heading or list
// number of one of the styles used in budget documents (`第一部分`, `一、`,
// `（一）`, `1.`, `1、`, `(1)`, `1）`, `①`) or a bullet.
func StartsListItem(s string) bool {
	return listItemRE.MatchString(s)
}
