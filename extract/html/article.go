package html

import (
	"strings"
	"unicode"
)

// A government web page wraps the document in a site: navigation menus,
// breadcrumbs, search boxes, share widgets, related-article lists and a
// footer of addresses and registration numbers. Their text is not the
// disclosure's, and read as if it were it gives wrong titles and stray
// facts. article finds the element that holds the document the way
// readability tools do, from the shape of the text rather than from any
// site's class names: paragraphs of prose score by their length and their
// punctuation, pass their score to the elements around them, and an
// element's score is discounted by the share of its text that is link text.
// The best element, widened to the wrapper that adds only its title and
// byline, is the article; link-heavy blocks inside it (share bars, "related
// reading") are dropped too.

// textStats are the visible-text measures of a subtree.
type textStats struct {
	runes  int // visible non-space runes
	link   int // of which inside <a>
	punct  int // clause punctuation: ，。；、,
	lpunct int // of which inside <a>
}

// articleMinRunes is the least text a page needs before an article is
// looked for: a short page is kept whole.
const articleMinRunes = 200

// paragraphMinRunes is the least direct text an element needs to count as
// a paragraph.
const paragraphMinRunes = 20

type articleFinder struct {
	stats  map[*node]textStats
	score  map[*node]float64
	parent map[*node]*node
}

// articleScope is what the renderer keeps of a page: the article (and its
// title when that stands apart), the elements on the way to them, and the
// link blocks inside the article that it drops.
type articleScope struct {
	parts map[*node]bool // the article and its title: rendered whole
	path  map[*node]bool // their ancestors: rendered for the parts inside
	skip  map[*node]bool // link blocks inside the article
}

// keeps reports whether n is rendered as usual; outside the scope only
// server-side template text is kept, for the checks that look for it.
func (s *articleScope) keeps(n *node) bool {
	return s == nil || s.parts[n] || s.path[n]
}

// article returns the scope to render — the article, after the element
// that repeats the page's <title> when that stands outside it — or nil when
// the page has no clear article and is rendered whole.
func article(root *node, pageTitle string) *articleScope {
	f := &articleFinder{stats: map[*node]textStats{}, score: map[*node]float64{}, parent: map[*node]*node{}}
	body, skip := f.articleBody(root)
	if body == root {
		return nil
	}
	sc := &articleScope{parts: map[*node]bool{body: true}, path: map[*node]bool{}, skip: skip}
	if t := titleBefore(root, body, pageTitle); t != nil {
		sc.parts[t] = true
	}
	for n := range sc.parts {
		for a := f.parent[n]; a != nil; a = f.parent[a] {
			sc.path[a] = true
		}
	}
	return sc
}

// articleBody returns the article element and the link blocks inside it,
// or (root, nil).
func (f *articleFinder) articleBody(root *node) (*node, map[*node]bool) {
	total := f.measure(root, false, 0)
	if total.runes < articleMinRunes {
		return root, nil
	}
	f.scoreParagraphs(root, 0)
	var best *node
	bestScore := 0.0
	for n, s := range f.score {
		s *= 1 - f.linkDensity(n)
		if s > bestScore || s == bestScore && best != nil && f.stats[n].runes > f.stats[best].runes {
			best, bestScore = n, s
		}
	}
	if best == nil {
		return root, nil
	}
	// Widen to the wrapper that adds a title, a date and a source line but
	// no menu: little text beyond the candidate's, and that text mostly
	// not links.
	for p := f.parent[best]; p != nil; p = f.parent[p] {
		ps, bs := f.stats[p], f.stats[best]
		extra, extraLink := ps.runes-bs.runes, ps.link-bs.link
		if extra > bs.runes*3/10 || extra > 0 && float64(extraLink)/float64(extra) > 0.3 {
			break
		}
		best = p
	}
	// The article must hold most of the page's prose; when it does not, the
	// page is not shaped as one article (a portal page, a list) and is kept.
	prose := func(s textStats) int { return s.runes - s.link }
	if prose(f.stats[best])*2 < prose(total) {
		return root, nil
	}
	skip := map[*node]bool{}
	f.pruneLinkBlocks(best, skip)
	return best, skip
}

// measure fills stats for n's subtree; inLink says n is inside <a>.
func (f *articleFinder) measure(n *node, inLink bool, depth int) textStats {
	var s textStats
	if n.tag != "" && skipped[n.tag] || depth > maxDepth {
		return s
	}
	inLink = inLink || n.tag == "a"
	for _, p := range n.pieces {
		for _, r := range p.text {
			if unicode.IsSpace(r) {
				continue
			}
			s.runes++
			switch r {
			case '，', '。', '；', '、', ',', ';':
				s.punct++
			}
		}
	}
	if inLink {
		s.link, s.lpunct = s.runes, s.punct
	}
	for _, c := range n.children {
		f.parent[c] = n
		cs := f.measure(c, inLink, depth+1)
		s.runes += cs.runes
		s.link += cs.link
		s.punct += cs.punct
		s.lpunct += cs.lpunct
	}
	f.stats[n] = s
	return s
}

// scoreParagraphs gives every paragraph-like element (one whose own text,
// outside nested blocks, is long enough) a score and passes it up: all of
// it to the parent, half to the grandparent, a third beyond.
func (f *articleFinder) scoreParagraphs(n *node, depth int) {
	if n.tag != "" && skipped[n.tag] || depth > maxDepth {
		return
	}
	if n.tag != "" && n.tag != "a" {
		own := f.ownText(n)
		if own.runes-own.link >= paragraphMinRunes {
			s := 1 + float64(own.punct) + min(float64(own.runes)/100, 3)
			s *= 1 - float64(own.link)/float64(own.runes)
			level := 0
			for a := f.parent[n]; a != nil && level < 3; a = f.parent[a] {
				switch level {
				case 0:
					f.score[a] += s
				case 1:
					f.score[a] += s / 2
				default:
					f.score[a] += s / 3
				}
				level++
			}
		}
	}
	for _, c := range n.children {
		f.scoreParagraphs(c, depth+1)
	}
}

// ownText is the text of n outside nested block elements and tables.
func (f *articleFinder) ownText(n *node) textStats {
	var s textStats
	for _, c := range n.children {
		if c.tag != "" && (blockTags[c.tag] || c.tag == "table" || headings[c.tag] || skipped[c.tag]) {
			continue
		}
		cs := f.stats[c]
		s.runes += cs.runes
		s.link += cs.link
		s.punct += cs.punct
	}
	return s
}

func (f *articleFinder) linkDensity(n *node) float64 {
	s := f.stats[n]
	if s.runes == 0 {
		return 0
	}
	return float64(s.link) / float64(s.runes)
}

// pruneLinkBlocks marks the block elements inside the article that are
// mostly links and carry no prose of their own (share bars, related
// articles, pagers); data tables are left alone.
func (f *articleFinder) pruneLinkBlocks(n *node, skip map[*node]bool) {
	for _, c := range n.children {
		if c.tag == "" || c.tag == "table" {
			continue
		}
		if blockTags[c.tag] && f.stats[c].runes > 0 && f.linkDensity(c) > 0.5 && f.stats[c].punct-f.stats[c].lpunct <= 1 {
			skip[c] = true
			continue
		}
		f.pruneLinkBlocks(c, skip)
	}
}

// titleBefore finds the last element before the article whose whole text
// is the start of the page's <title> (`2025年度福州市财政决算收支情况` for
// `2025年度福州市财政决算收支情况 _ 本级年度决算及三公 _ 福州市人民政府门户网站`):
// the article's own title, which sites print in a wrapper of its own.
func titleBefore(root, body *node, pageTitle string) *node {
	want := squeezeSpace(pageTitle)
	if want == "" {
		return nil
	}
	var found *node
	done := false
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		for _, c := range n.children {
			if done || c == body {
				done = true
				return
			}
			if c.tag == "" || skipped[c.tag] || depth > maxDepth {
				continue
			}
			if t := squeezeSpace(textOf(c)); len([]rune(t)) >= 6 && len([]rune(t)) <= 100 && strings.HasPrefix(want, t) {
				found = c
				continue
			}
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return found
}

// textOf is the text of n's subtree as written.
func textOf(n *node) string {
	var sb strings.Builder
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		if n.tag != "" && skipped[n.tag] || depth > maxDepth {
			return
		}
		for _, p := range n.pieces {
			sb.WriteString(p.text)
		}
		for _, c := range n.children {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return sb.String()
}

func squeezeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
