package check

import (
	"fmt"
	"strings"

	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/schema"
)

// NumberingGap finds skipped numbers among sibling headings and list items.
var NumberingGap = &Rule{
	ID:       "numbering-gap",
	Doc:      "a sibling heading or list item skipped within a numbered sequence: （二） → （四）",
	Severity: Warning,
	Run:      func(p *Pass) { walkSiblings(p, checkSequence(p, true, false)) },
}

// NumberingDuplicate finds a number used twice among siblings.
var NumberingDuplicate = &Rule{
	ID:       "numbering-duplicate",
	Doc:      "the same number twice among sibling headings or list items",
	Severity: Warning,
	Run:      func(p *Pass) { walkSiblings(p, checkSequence(p, false, true)) },
}

// NumberingStyle finds mixed numbering forms among siblings.
var NumberingStyle = &Rule{
	ID:       "numbering-style",
	Doc:      "mixed numbering forms among siblings: (一) beside （二）, 1. beside 2、",
	Severity: Info,
	Run:      func(p *Pass) { walkSiblings(p, checkStyle(p)) },
}

// walkSiblings calls f with every list of siblings of the outline, split by
// numbering style (a list of （一） items and a list of 1. items under the
// same heading are two sequences).
func walkSiblings(p *Pass, f func([]*outline.Node)) {
	if p.Result.Tree == nil {
		return
	}
	var walk func(ns []*outline.Node)
	walk = func(ns []*outline.Node) {
		byStyle := map[outline.Style][]*outline.Node{}
		var styles []outline.Style
		for _, n := range ns {
			if n.Marker.Style == outline.NoStyle || isCategoryRow(n) {
				continue
			}
			if _, ok := byStyle[n.Marker.Style]; !ok {
				styles = append(styles, n.Marker.Style)
			}
			byStyle[n.Marker.Style] = append(byStyle[n.Marker.Style], n)
		}
		for _, s := range styles {
			f(byStyle[s])
		}
		for _, n := range ns {
			walk(n.Kids)
		}
	}
	walk(p.Result.Tree.Roots)
}

// checkSequence reports gaps (n → n+2 …) and repeats (n → n, or back to a
// number already used) in one sibling sequence. A return to 1 starts a new
// list and is neither.
func checkSequence(p *Pass, gaps, dups bool) func([]*outline.Node) {
	return func(seq []*outline.Node) {
		prev := seq[0]
		seen := map[int]bool{prev.Marker.N: true}
		for _, n := range seq[1:] {
			want := prev.Marker.N + 1
			switch {
			case n.Marker.N == want:
			case n.Marker.N == 1:
				seen = map[int]bool{}
			case n.Marker.N > want:
				if gaps {
					reportNode(p, n, fmt.Sprintf("编号不连续：上一项为“%s”，本项为“%s”，中间缺少编号（遗漏或未编号的标题）/ numbering skips from %d to %d",
						prev.Marker.Raw, n.Marker.Raw, prev.Marker.N, n.Marker.N))
				}
			case seen[n.Marker.N] || n.Marker.N == prev.Marker.N:
				if dups {
					reportNode(p, n, fmt.Sprintf("编号重复：“%s”在同级中已出现过（上一项为“%s”），可能是内容重复粘贴或编号错误 / number used twice among siblings",
						n.Marker.Raw, prev.Marker.Raw))
				}
			}
			seen[n.Marker.N] = true
			prev = n
		}
	}
}

// checkStyle reports the siblings whose form (bracket width, separator)
// differs from the form most siblings use.
func checkStyle(p *Pass) func([]*outline.Node) {
	return func(seq []*outline.Node) {
		if len(seq) < 2 {
			return
		}
		count := map[string]int{}
		for _, n := range seq {
			count[form(n.Marker)]++
		}
		if len(count) < 2 {
			return
		}
		major, best := "", 0
		for _, n := range seq { // first-seen wins a tie, so the result is stable
			if c := count[form(n.Marker)]; c > best {
				major, best = form(n.Marker), c
			}
		}
		for _, n := range seq {
			if f := form(n.Marker); f != major {
				reportNode(p, n, fmt.Sprintf("编号格式不统一：同级多数使用“%s”格式，本项为“%s” / mixed numbering forms among siblings", major, n.Marker.Raw))
			}
		}
	}
}

// form is a marker's written shape with the number replaced by n:
// "（n）", "(n)", "n.", "n、", "n．".
func form(m outline.Marker) string {
	raw := m.Raw
	var b strings.Builder
	inNum := false
	for _, r := range raw {
		if (r >= '0' && r <= '9') || (r >= '０' && r <= '９') || strings.ContainsRune("零〇一二三四五六七八九十百", r) {
			if !inNum {
				b.WriteString("n")
			}
			inNum = true
			continue
		}
		inNum = false
		b.WriteRune(r)
	}
	return b.String()
}

func reportNode(p *Pass, n *outline.Node, msg string) {
	ev := strings.TrimSpace(n.Marker.Raw + n.Title)
	if n.Heading == false {
		ev = strings.TrimSpace(n.Title)
	}
	p.Report(schema.Finding{Message: msg, Evidence: clip(ev, 60), Loc: n.Loc})
}

// isCategoryRow reports whether a numbered line names a classification
// category (六、科学技术支出): such rows follow the fixed numbering of the
// classification and list only the categories that have money, so their
// gaps and repeats are not errors.
func isCategoryRow(n *outline.Node) bool {
	t := strings.TrimSpace(n.Title)
	t = strings.TrimRight(t, "0123456789., ")
	return strings.HasSuffix(t, "支出") || strings.HasSuffix(t, "传媒") || strings.Contains(t, "   ")
}
