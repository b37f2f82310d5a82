// Package outline recognises the numbered headings and list items of a
// normalized document — every numbering style of Chinese budget disclosures
// (第一部分, 一、, （一）/(一), 1./1、/1．, 1）/(1), ①) — and builds the section
// tree with the raw numbers kept, so that facts can point to their section
// and checks can find gaps, duplicates and mixed styles.
package outline

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/schema"
)

// maxTitleRunes is the longest text after a number that still reads as a
// heading; longer numbered lines are list items with content
// (`1.数量指标：办理案件数≥120件；…`).
const maxTitleRunes = 40

// maxSentenceTitleRunes is the longest heading that ends with a full stop;
// some documents write short headings so (`一、主要职能。`), longer ones that
// do are sentences.
const maxSentenceTitleRunes = 12

// Node is a numbered heading or list item.
type Node struct {
	ID      string // s1, s2 … in document order (headings only)
	Marker  Marker
	Title   string // the text after the number (headings) or the whole item text
	Heading bool   // false for numbered list items with content
	Level   int    // depth in the tree, 1 = top
	Loc     extract.Loc
	Page    int // index into normalize.Text.Pages
	Item    int // index into the page's Items
	Parent  *Node
	Kids    []*Node
}

// Outline is the tree of a document.
type Outline struct {
	Roots []*Node
	All   []*Node // every node in document order
	// TOC lists the table-of-contents entries that were skipped.
	TOC []*Node
}

var (
	tocTitleRE = regexp.MustCompile(`^目\s*录$`)
	leaderRE   = regexp.MustCompile(`(?:…|\.{3,}|．{2,}|·{3,}|-{4,})\s*\d*\s*$|\s\d{1,3}$`)
)

// Build recognises the outline of t. It stops with ctx's error when ctx is
// done.
func Build(ctx context.Context, t *normalize.Text) (*Outline, error) {
	o := &Outline{}
	var stack []*Node
	inTOC := false
	var tocFirst string
	tocPage := -1
	nextID := 1
	for pi, p := range t.Pages {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if inTOC && pi > tocPage+2 {
			inTOC = false // a TOC longer than two pages is not one
		}
		for ii, it := range p.Items {
			if it.Line == nil {
				continue
			}
			view := it.Line.Text
			text := strings.TrimSpace(view)
			if tocTitleRE.MatchString(strings.ReplaceAll(text, " ", "")) {
				inTOC, tocFirst, tocPage = true, "", pi
				continue
			}
			m, rest, ok := ParseMarker(view)
			if !ok && it.Kind != extract.Heading {
				continue
			}
			if it.Line.TableRow {
				continue // a row of a table laid out as text, not a heading
			}
			// Parsing ran on the view; report the number and title as written.
			numEnd := len(view) - len(rest)
			if ok {
				m.Raw = strings.TrimSpace(it.Line.OrigSpan(numEnd-len(m.Raw), numEnd))
			}
			rest = strings.TrimSpace(rest)
			orig := strings.TrimSpace(it.Line.Orig)
			n := &Node{Marker: m, Title: strings.TrimSpace(it.Line.OrigSpan(numEnd, len(view))), Loc: it.Line.Parts[0].Loc, Page: pi, Item: ii}
			if inTOC {
				key := tocKey(text)
				switch {
				case tocFirst == "":
					tocFirst = key
					o.TOC = append(o.TOC, n)
					continue
				case key == tocFirst:
					inTOC = false // the body repeats the first entry
				case leaderRE.MatchString(text) || pi == tocPage:
					o.TOC = append(o.TOC, n)
					continue
				default:
					inTOC = false
				}
			}
			if !ok {
				// A heading by style (DOCX/HTML) without a number.
				n.Marker = Marker{}
				n.Title = orig
			}
			n.Heading = isHeading(it, rest, ok)
			if !n.Heading {
				n.Title = orig
			} else {
				n.ID = fmt.Sprintf("s%d", nextID)
				nextID++
			}
			r := rank(n, it)
			for len(stack) > 0 && rank(stack[len(stack)-1], normalize.Item{}) >= r {
				stack = stack[:len(stack)-1]
			}
			if len(stack) > 0 {
				n.Parent = stack[len(stack)-1]
				n.Parent.Kids = append(n.Parent.Kids, n)
			} else {
				o.Roots = append(o.Roots, n)
			}
			n.Level = len(stack) + 1
			stack = append(stack, n)
			o.All = append(o.All, n)
		}
	}
	return o, nil
}

// tocKey compares a TOC entry with a body heading: leaders, page numbers
// and spaces removed.
func tocKey(s string) string {
	s = leaderRE.ReplaceAllString(s, "")
	s = strings.TrimRight(s, "。.")
	return strings.Join(strings.Fields(s), "")
}

func isHeading(it normalize.Item, rest string, numbered bool) bool {
	if it.Kind == extract.Heading {
		return true
	}
	if !numbered || rest == "" {
		return false
	}
	body := strings.TrimRight(rest, "。.")
	n := utf8.RuneCountInString(body)
	if body != rest && n > maxSentenceTitleRunes {
		return false // a sentence: `（一）依法对危害国家安全的案件行使检察权。`
	}
	return n <= maxTitleRunes && !strings.ContainsAny(body, "。；;")
}

// rank orders numbering styles for nesting; a heading without a number
// ranks by its style level.
func rank(n *Node, it normalize.Item) int {
	if n.Marker.Style != NoStyle {
		return int(n.Marker.Style)
	}
	if it.Level > 0 {
		return it.Level
	}
	return int(CNComma)
}

// SectionAt returns the innermost heading that contains item ii of page pi,
// or nil.
func (o *Outline) SectionAt(pi, ii int) *Node {
	k := sort.Search(len(o.All), func(k int) bool {
		n := o.All[k]
		return n.Page > pi || (n.Page == pi && n.Item > ii)
	})
	for k--; k >= 0; k-- {
		if o.All[k].Heading {
			return o.All[k]
		}
	}
	return nil
}

// Sections converts the heading tree to the contract's form. Numbered list
// items are left out (they are content, not sections); their headings'
// children are kept.
func (o *Outline) Sections() []schema.Section {
	var conv func(ns []*Node, level int) []schema.Section
	conv = func(ns []*Node, level int) []schema.Section {
		var out []schema.Section
		for _, n := range ns {
			if !n.Heading {
				continue
			}
			out = append(out, schema.Section{
				ID: n.ID, Level: level, Number: n.Marker.Raw, Title: n.Title, Loc: n.Loc,
				Children: conv(n.Kids, level+1),
			})
		}
		return out
	}
	return conv(o.Roots, 1)
}
