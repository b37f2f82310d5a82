package pdf

import (
	"math"
	"slices"
	"strings"

	"github.com/budgetdoc/budgetdoc/extract"
)

// glyph is one character placed on the displayed page: box in points,
// origin top-left, y down. The box is PDFium's loose box, so its height is
// the font's line height and serves as the font size in the rules below.
type glyph struct {
	r              rune
	space          bool // a space character present in the document
	x0, y0, x1, y1 float64
}

func (g glyph) height() float64 { return g.y1 - g.y0 }

func (g glyph) valid() bool {
	for _, v := range [...]float64{g.x0, g.y0, g.x1, g.y1} {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e7 {
			return false
		}
	}
	return g.y1 > g.y0
}

// Tunables of the layout, as fractions of the font size (the line height
// of the characters involved). They follow pdftotext's behaviour on the
// corpus rather than any standard.
const (
	// duplicateTolerance: the same character placed within this distance
	// of an earlier copy is a repaint (fake bold, overlay) and is dropped.
	duplicateTolerance = 0.3
	// wordGap: a horizontal gap wider than this between two characters of
	// a line becomes a space. Justified Chinese text stays well below it.
	wordGap = 0.25
	// spaceWidth: wide gaps (table columns) become one space per this much
	// gap, so columns stay visibly apart.
	spaceWidth = 0.5
	maxSpaces  = 24
	// sameLineOverlap: two characters are on one line when their vertical
	// extents overlap by at least this share of the smaller one.
	sameLineOverlap = 0.5
	// paragraphGap: a vertical gap between lines larger than this starts a
	// new paragraph; normal leading in the corpus is 0.3–0.8.
	paragraphGap = 1.0
	// indentStep: a line starting this much right of the body's left edge
	// is the indented first line of a new paragraph (Chinese paragraphs
	// are marked by a two-character indent, rarely by vertical space).
	indentStep = 1.5
	// shortLine: a line ending this much before the page's right text
	// edge ends its paragraph.
	shortLine = 2.0
)

// dedupe drops characters drawn again at (nearly) the place of an earlier
// identical character, as pdftotext does: producers fake bold type by
// painting the text twice with a small offset, and overlays repeat text.
func dedupe(gs []glyph) []glyph {
	// Sort the glyph indices by character and vertical position, so that the
	// copies of a glyph are neighbours; then, within a run of one character,
	// compare each glyph with the following ones while they can still be
	// within the vertical tolerance. The earlier glyph in content order is
	// kept, as pdftotext keeps the first painting.
	order := make([]int32, 0, len(gs))
	for i := range gs {
		if !gs[i].space {
			order = append(order, int32(i))
		}
	}
	slices.SortFunc(order, func(a, b int32) int {
		ga, gb := &gs[a], &gs[b]
		if ga.r != gb.r {
			return int(ga.r) - int(gb.r)
		}
		if ga.y0 != gb.y0 {
			if ga.y0 < gb.y0 {
				return -1
			}
			return 1
		}
		return int(a - b)
	})
	dup := make([]bool, len(gs))
	for k, ia := range order {
		a := &gs[ia]
		h := a.height()
		for _, ib := range order[k+1:] {
			b := &gs[ib]
			if b.r != a.r || b.y0-a.y0 > duplicateTolerance*max(h, b.height()) {
				break
			}
			tolX := duplicateTolerance * max(min(a.x1-a.x0, b.x1-b.x0), 0.1*max(h, b.height()))
			tolY := duplicateTolerance * max(h, b.height())
			if math.Abs(a.x0-b.x0) <= tolX && math.Abs(a.y1-b.y1) <= tolY {
				// Drop the later painting, unless it is already dropped as a
				// copy of something else (then keep checking the pair's other
				// member against the rest of the run).
				if ia < ib {
					dup[ib] = dup[ib] || !dup[ia]
				} else {
					dup[ia] = dup[ia] || !dup[ib]
				}
			}
		}
	}
	out := make([]glyph, 0, len(gs))
	for i := range gs {
		if !dup[i] {
			out = append(out, gs[i])
		}
	}
	return out
}

// row is a visual line: glyphs sorted left to right.
type row struct {
	glyphs         []glyph
	x0, y0, x1, y1 float64
	size           float64 // median glyph height
}

// groupRows assigns glyphs to visual lines by vertical overlap and orders
// the lines top to bottom. Baselines are not compared: full-width
// punctuation and mixed fonts sit at different heights on one line.
func groupRows(gs []glyph) []*row {
	order := make([]int, len(gs))
	for i := range order {
		order[i] = i
	}
	mid := func(g glyph) float64 { return (g.y0 + g.y1) / 2 }
	slices.SortStableFunc(order, func(a, b int) int {
		ma, mb := mid(gs[a]), mid(gs[b])
		switch {
		case ma < mb:
			return -1
		case ma > mb:
			return 1
		}
		return 0
	})
	var rows []*row
	var cur *row
	var band0, band1 float64 // vertical extent of the current row's text
	for _, i := range order {
		g := gs[i]
		if cur != nil {
			overlap := min(band1, g.y1) - max(band0, g.y0)
			if overlap >= sameLineOverlap*min(band1-band0, g.height()) {
				cur.glyphs = append(cur.glyphs, g)
				if !g.space {
					band0, band1 = min(band0, g.y0), max(band1, g.y1)
				}
				continue
			}
		}
		cur = &row{glyphs: []glyph{g}}
		band0, band1 = g.y0, g.y1
		rows = append(rows, cur)
	}
	kept := make([]*row, 0, len(rows))
	for _, r := range rows {
		slices.SortStableFunc(r.glyphs, func(a, b glyph) int {
			switch {
			case a.x0 < b.x0:
				return -1
			case a.x0 > b.x0:
				return 1
			}
			return 0
		})
		for _, part := range splitOverprint(r) {
			if part.measure() {
				kept = append(kept, part)
			}
		}
	}
	return kept
}

// overprintShare: a row whose neighbouring characters overlap each other
// this often (as a share of its characters) holds two lines printed over
// one another, not one line with a tight or kerned pair.
const overprintShare = 0.2

// splitOverprint separates two lines printed over each other, such as a
// heading drawn across a line of body text. Their vertical extents
// overlap enough to group them as one row, and sorted by x their
// characters would interleave ("关于(十20二24)年资横…"). The row is cut at
// the widest gap between the characters' vertical centres when each side
// then reads without overlaps; the upper line comes first. r's glyphs are
// sorted by x.
func splitOverprint(r *row) []*row {
	if overlaps(r.glyphs) < max(3, int(overprintShare*float64(len(r.glyphs)))) {
		return []*row{r}
	}
	mids := make([]float64, 0, len(r.glyphs))
	for _, g := range r.glyphs {
		if !g.space {
			mids = append(mids, (g.y0+g.y1)/2)
		}
	}
	slices.Sort(mids)
	cut, gap := 0.0, 0.0
	for i := 1; i < len(mids); i++ {
		if d := mids[i] - mids[i-1]; d > gap {
			cut, gap = (mids[i]+mids[i-1])/2, d
		}
	}
	var upper, lower row
	for _, g := range r.glyphs {
		if (g.y0+g.y1)/2 < cut {
			upper.glyphs = append(upper.glyphs, g)
		} else {
			lower.glyphs = append(lower.glyphs, g)
		}
	}
	if overlaps(upper.glyphs) > 1 || overlaps(lower.glyphs) > 1 {
		return []*row{r}
	}
	return []*row{&upper, &lower}
}

// overlaps counts the characters that start more than half their width
// inside the character before them (gs sorted by x; spaces ignored).
func overlaps(gs []glyph) int {
	n := 0
	var prev *glyph
	for i := range gs {
		g := &gs[i]
		if g.space {
			continue
		}
		if prev != nil && prev.x1-g.x0 > 0.5*min(g.x1-g.x0, prev.x1-prev.x0) {
			n++
		}
		prev = g
	}
	return n
}

// measure sets the row's box and size from its visible glyphs; it reports
// false for a row of spaces only.
func (r *row) measure() bool {
	hs := make([]float64, 0, len(r.glyphs))
	first := true
	for _, g := range r.glyphs {
		if g.space {
			continue
		}
		if first {
			r.x0, r.y0, r.x1, r.y1 = g.x0, g.y0, g.x1, g.y1
			first = false
		} else {
			r.x0, r.y0, r.x1, r.y1 = min(r.x0, g.x0), min(r.y0, g.y0), max(r.x1, g.x1), max(r.y1, g.y1)
		}
		hs = append(hs, g.height())
	}
	if first {
		return false
	}
	slices.Sort(hs)
	r.size = hs[len(hs)/2]
	return true
}

// text renders the row: characters in x order, spaces where the document
// has a space character or where the gap is wide for the font size.
func (r *row) text() string {
	var b strings.Builder
	var prev *glyph
	pendingSpace := false
	for i := range r.glyphs {
		g := &r.glyphs[i]
		if g.space {
			pendingSpace = prev != nil
			continue
		}
		if prev != nil {
			// The row's typical size, not the pair's: Type 3 glyphs may
			// come with tight boxes, and "一" then looks 1pt high.
			size := max(r.size, min(prev.height(), g.height()))
			gap := g.x0 - prev.x1
			n := 0
			if gap > wordGap*size {
				n = min(maxSpaces, max(1, int(math.Round(gap/(spaceWidth*size)))))
			}
			if n == 0 && pendingSpace {
				n = 1
			}
			b.WriteString(strings.Repeat(" ", n))
		}
		b.WriteRune(g.r)
		prev = g
		pendingSpace = false
	}
	return b.String()
}

// layoutPage builds the page's blocks from its glyphs and rules: tables
// where rules draw them, paragraphs of lines elsewhere, in top-to-bottom
// order, with every line numbered in that order.
func layoutPage(number int, raw *rawPage, maxCells int) extract.Page {
	if t := textTurn(raw.glyphs); t != 0 {
		footer, rest := splitUpright(raw.glyphs, raw.height)
		turned := *raw
		turned.glyphs = rest
		page := layoutPage(number, t.turnPage(&turned), maxCells)
		t.unturn(&page, raw.width, raw.height)
		page.Width, page.Height = raw.width, raw.height
		// The page number goes last, in the page's own frame, where the
		// page's furniture is found and dropped like any footer.
		appendLines(&page, footer)
		numberLines(&page)
		return page
	}
	page := extract.Page{Number: number, Width: raw.width, Height: raw.height}
	sunk, glyphs := splitSunkNumbers(dedupe(raw.glyphs), raw.height)
	tables, rest := findTables(glyphs, raw.rules, raw.width, raw.height, maxCells)
	rows := groupRows(rest)
	aligned, rows := alignedTables(rows)
	if len(aligned) > 0 {
		tables = append(tables, aligned...)
		slices.SortStableFunc(tables, func(a, b pdfTable) int { return cmpF(a.area.y0, b.area.y0) })
	}
	flows := []flow{{rows: rows}}
	if len(tables) == 0 {
		flows = readingFlows(rows)
	}
	var block *extract.Block
	var prev *row
	addTable := func(t pdfTable) {
		page.Blocks = append(page.Blocks, extract.Block{Kind: extract.TableBlock, Table: t.table})
		block, prev = nil, nil
	}
	for _, fl := range flows {
		var left, right float64
		if len(fl.rows) > 0 {
			right = fl.rows[0].x1
			for _, r := range fl.rows {
				right = max(right, r.x1)
			}
			left = bodyLeft(fl.rows, right)
		}
		block = nil // a column or a headline starts a paragraph
		for _, r := range fl.rows {
			for len(tables) > 0 && tables[0].area.y0 <= r.y0 {
				addTable(tables[0])
				tables = tables[1:]
			}
			if block == nil || startsParagraph(prev, r, left, right) {
				page.Blocks = append(page.Blocks, extract.Block{Kind: extract.Paragraph, Column: fl.column})
				block = &page.Blocks[len(page.Blocks)-1]
			}
			block.Lines = append(block.Lines, extract.Line{
				Text: r.text(),
				Loc:  extract.Loc{BBox: &extract.BBox{r.x0, r.y0, r.x1, r.y1}},
			})
			prev = r
		}
	}
	for _, t := range tables {
		addTable(t)
	}
	// A page number printed over the page's last (or first) line goes
	// last, where the page's furniture is found and dropped like any
	// footer.
	appendLines(&page, sunk)
	numberLines(&page)
	return page
}

// appendLines adds the rows of gs to the page, each a paragraph of its own.
func appendLines(page *extract.Page, gs []glyph) {
	for _, r := range groupRows(gs) {
		page.Blocks = append(page.Blocks, extract.Block{Kind: extract.Paragraph, Lines: []extract.Line{{
			Text: r.text(),
			Loc:  extract.Loc{BBox: &extract.BBox{r.x0, r.y0, r.x1, r.y1}},
		}}})
	}
}

// numberLines gives every line of the page, table cells included (row by
// row, cell by cell), its page and its 1-based number in reading order.
func numberLines(p *extract.Page) {
	n := 0
	visit := func(ls []extract.Line) {
		for k := range ls {
			n++
			ls[k].Loc.Page, ls[k].Loc.Line = p.Number, n
		}
	}
	eachLines(p, visit)
}

// eachLines calls fn with the lines of every block of the page in reading
// order, table cells row by row, cell by cell.
func eachLines(p *extract.Page, fn func([]extract.Line)) {
	for b := range p.Blocks {
		fn(p.Blocks[b].Lines)
		if t := p.Blocks[b].Table; t != nil {
			for _, row := range t.Rows {
				for c := range row {
					fn(row[c].Lines)
				}
			}
		}
	}
}

// bodyLeft estimates the left edge of the body text: the leftmost start of
// the lines that run to the right edge (full lines are continuation lines
// or indented first lines, never centred titles).
func bodyLeft(rows []*row, right float64) float64 {
	left, found := 0.0, false
	for _, r := range rows {
		if right-r.x1 <= shortLine*r.size && (!found || r.x0 < left) {
			left, found = r.x0, true
		}
	}
	if !found {
		left = rows[0].x0
		for _, r := range rows {
			left = min(left, r.x0)
		}
	}
	return left
}

// startsParagraph decides whether line cur begins a new paragraph after
// line prev: a clear vertical gap, a change of font size, a first-line
// indent, or a previous line that stopped short of the right edge.
func startsParagraph(prev, cur *row, left, right float64) bool {
	size := max(prev.size, cur.size)
	if cur.y0-prev.y1 > paragraphGap*size {
		return true
	}
	if math.Abs(prev.size-cur.size) > 0.2*size {
		return true
	}
	if cur.x0-left >= indentStep*size {
		return true
	}
	return right-prev.x1 > shortLine*size
}
