package normalize

import (
	"regexp"
	"strings"

	"github.com/budgetdoc/budgetdoc/extract"
)

// pageNumberRE matches a line that is only a page number in the forms used
// by these documents: `3`, `- 3 -`, `—3—`, `— ３ —` (full-width digits),
// `第3页`, `第 3 页 共 25 页`, `3/25`, `Page 3`.
var pageNumberRE = regexp.MustCompile(`^[\s\-—–－_]*(?:第\s*)?(?:[\d０-９]{1,4}|[ivxlcIVXLC]{1,6})\s*(?:页)?\s*(?:(?:[/／]|共)\s*[\d０-９]{1,4}\s*页?)?[\s\-—–－_]*$|^\s*[Pp]age\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s*$`)

// marginShare is the part of the page height, at the top and at the bottom,
// where running headers and footers live.
const marginShare = 0.1

// pageNumberMargin is the same for a bare page number, whose form is signal
// enough to look further in: 公文 put it 7 mm under the text block, which
// lands at 86–90% of an A4 page's height in reports of several provinces
// (`— 1 —` at 0.894, `-1-` at 0.886).
const pageNumberMargin = 0.15

// findFurniture finds the lines to drop: bare page numbers at the top or
// bottom of a page, and running headers and footers — lines at the same
// edge of the page whose text, digits aside, repeats on many pages.
func findFurniture(doc *extract.Document) map[*extract.Line]string {
	drop := map[*extract.Line]string{}
	type cand struct {
		line *extract.Line
		top  bool
	}
	var cands []cand
	for pi := range doc.Pages {
		p := &doc.Pages[pi]
		lines := bodyLines(p)
		if len(lines) == 0 {
			continue
		}
		// The first two and last two lines of a page are candidates; with
		// positions they must also lie in the page margin.
		for i, ln := range lines {
			top := i < 2
			bottom := i >= len(lines)-2
			if !top && !bottom {
				continue
			}
			if bb := ln.Loc.BBox; bb != nil && p.Height > 0 {
				margin := marginShare
				if pageNumberRE.MatchString(ln.Text) {
					margin = pageNumberMargin
				}
				top = top && bb[3] <= p.Height*margin
				bottom = bottom && bb[1] >= p.Height*(1-margin)
				if !top && !bottom {
					continue
				}
			} else if doc.Format != extract.FormatText && doc.Format != extract.FormatPagesJSON {
				// Word processors keep headers and footers apart already;
				// only bare page numbers typed into the body are dropped.
				if pageNumberRE.MatchString(ln.Text) && (i == 0 || i == len(lines)-1) && len(doc.Pages) > 1 {
					drop[ln] = "page-number"
				}
				continue
			}
			if pageNumberRE.MatchString(ln.Text) && strings.TrimSpace(ln.Text) != "" {
				if len(lines) > 1 || len(doc.Pages) > 1 {
					drop[ln] = "page-number"
				}
				continue
			}
			cands = append(cands, cand{ln, top})
		}
	}
	// Running headers/footers: the same text (digits masked) at the same edge
	// on at least 3 pages and 40% of the pages.
	need := max(3, len(doc.Pages)*4/10)
	count := map[string]int{}
	key := func(c cand) string {
		k := maskDigits(strings.Join(strings.Fields(c.line.Text), ""))
		if c.top {
			return "t" + k
		}
		return "b" + k
	}
	for _, c := range cands {
		count[key(c)]++
	}
	for _, c := range cands {
		if count[key(c)] >= need {
			if c.top {
				drop[c.line] = "running-header"
			} else {
				drop[c.line] = "running-footer"
			}
		}
	}
	return drop
}

// bodyLines lists the non-blank paragraph and heading lines of a page in
// reading order (tables are never furniture).
func bodyLines(p *extract.Page) []*extract.Line {
	var out []*extract.Line
	for bi := range p.Blocks {
		b := &p.Blocks[bi]
		if b.Kind == extract.TableBlock {
			continue
		}
		for li := range b.Lines {
			if strings.TrimSpace(b.Lines[li].Text) != "" {
				out = append(out, &b.Lines[li])
			}
		}
	}
	return out
}

func maskDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r >= '０' && r <= '９' {
			return '#'
		}
		return r
	}, s)
}
