package docx

import (
	"fmt"
	"strconv"

	"github.com/budgetdoc/budgetdoc/extract"
)

// noteStore holds the footnotes or endnotes of a document by id, in the
// order of their part.
type noteStore struct {
	foot, end           map[string][]extract.Block
	footOrder, endOrder []string
}

// parseNotes reads word/footnotes.xml or word/endnotes.xml; separator notes
// (the rule above the notes) are left out.
func parseNotes(p *parser, ns *noteStore, endnotes bool) error {
	return p.root(func(se xmlStart) error {
		if !isW(se.Name) || (se.Name.Local != "footnote" && se.Name.Local != "endnote") {
			return p.skip()
		}
		switch attr(se, "type") {
		case "separator", "continuationSeparator", "continuationNotice":
			return p.skip()
		}
		id := attr(se, "id")
		st := &story{kind: noteStory, num: newCounters()}
		var items []item
		err := p.children(func(c xmlStart) error { return p.blockElem(st, c, &items) })
		var blocks []extract.Block
		for _, it := range items {
			if it.kind == blockItem {
				blocks = append(blocks, it.block)
			}
		}
		m, order := &ns.foot, &ns.footOrder
		if endnotes {
			m, order = &ns.end, &ns.endOrder
		}
		if *m == nil {
			*m = map[string][]extract.Block{}
		}
		if _, dup := (*m)[id]; !dup && len(blocks) > 0 {
			(*m)[id] = blocks
			*order = append(*order, id)
		}
		return err
	})
}

// nextPageStarts reports whether a section break before section k starts a
// new page (w:type nextPage, evenPage, oddPage; continuous and nextColumn
// do not).
func nextPageStarts(sections []string, k int) bool {
	if k >= len(sections) {
		return true
	}
	switch sections[k] {
	case "continuous", "nextColumn":
		return false
	}
	return true
}

// buildPages lays the body items onto pages. Breaks are only taken when
// the page has content, so a w:br page followed by Word's
// w:lastRenderedPageBreak makes one break, not an empty page. Footnotes go
// to the end of the page that references them; endnotes and unreferenced
// notes to the end of the last page.
func buildPages(items []item, sections []string, notes *noteStore, maxPages int) ([]extract.Page, error) {
	pages := []extract.Page{{Number: 1}}
	hasContent, pending := false, false
	var pageNotes []noteRef
	var endRefs []noteRef
	usedFoot, usedEnd := map[string]bool{}, map[string]bool{}
	footN := 0
	placeNotes := func() {
		pg := &pages[len(pages)-1]
		for _, r := range pageNotes {
			if blocks, ok := notes.foot[r.id]; ok && !usedFoot[r.id] {
				usedFoot[r.id] = true
				footN++
				pg.Blocks = append(pg.Blocks, noteBlocks(blocks, strconv.Itoa(footN))...)
			}
		}
		pageNotes = pageNotes[:0]
	}
	for _, it := range items {
		switch it.kind {
		case pageBreakItem:
			pending = pending || hasContent
		case sectionEndItem:
			if nextPageStarts(sections, it.section+1) {
				pending = pending || hasContent
			}
		case blockItem:
			if pending {
				placeNotes()
				if len(pages) >= maxPages {
					return nil, fmt.Errorf("%w: more than %d pages", extract.ErrTooLarge, maxPages)
				}
				pages = append(pages, extract.Page{Number: len(pages) + 1})
				pending = false
			}
			pg := &pages[len(pages)-1]
			pg.Blocks = append(pg.Blocks, it.block)
			hasContent = true
			for _, r := range it.notes {
				if r.endnote {
					endRefs = append(endRefs, r)
				} else {
					pageNotes = append(pageNotes, r)
				}
			}
		}
	}
	placeNotes()
	pg := &pages[len(pages)-1]
	endN := 0
	for _, r := range endRefs {
		if blocks, ok := notes.end[r.id]; ok && !usedEnd[r.id] {
			usedEnd[r.id] = true
			endN++
			pg.Blocks = append(pg.Blocks, noteBlocks(blocks, formatNumber(endN, "lowerRoman", ""))...)
		}
	}
	for _, id := range notes.footOrder {
		if !usedFoot[id] {
			pg.Blocks = append(pg.Blocks, notes.foot[id]...)
		}
	}
	for _, id := range notes.endOrder {
		if !usedEnd[id] {
			pg.Blocks = append(pg.Blocks, notes.end[id]...)
		}
	}
	return pages, nil
}

// noteBlocks copies a note's blocks, marking the first with the note mark.
func noteBlocks(blocks []extract.Block, mark string) []extract.Block {
	out := make([]extract.Block, len(blocks))
	copy(out, blocks)
	out[0].Numbering = mark
	return out
}
