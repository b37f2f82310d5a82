package check

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/budgetdoc/budgetdoc/internal/rx"

	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/schema"
)

// NumberingGap finds skipped numbers among sibling headings and list items.
var NumberingGap = &Rule{
	ID:       "numbering-gap",
	Doc:      "a sibling heading or list item skipped within a numbered sequence: （二） → （四）",
	Severity: Warning,
	Why:      "A skipped number among sibling headings or list items means that an item was deleted or never written, and readers and citations lose their place. Classification rows, which list only the categories with money, items joined onto the previous line, a \"number\" inside a bracket the line before left open (（表 / 十三、表十四）) and a list that restarts after a table (the notes of each table) are not judged.",
	Example:  "（二）承担区委全面依法治区委员会办公室日常工作。 followed by （四）负责本区行政执法监督工作。",
	Since:    "v0.1.0",
	Run:      func(p *Pass) { walkSiblings(p, checkSequence(p, true, false)) },
}

// NumberingDuplicate finds a number used twice among siblings.
var NumberingDuplicate = &Rule{
	ID:       "numbering-duplicate",
	Doc:      "the same number twice among sibling headings or list items",
	Severity: Warning,
	Why:      "The same number twice among siblings is a copy-and-paste accident: a passage or a page printed twice, or an item inserted without renumbering. A list that restarts after a table (the notes of each table: 注：1.本表… 2.…) is a new list.",
	Example:  "（六）组织实施和指导监督本区社区矫正工作。 on page 4 and again on page 5",
	Since:    "v0.1.0",
	Run:      func(p *Pass) { walkSiblings(p, checkSequence(p, false, true)) },
}

// NumberingStyle finds mixed numbering forms among siblings.
var NumberingStyle = &Rule{
	ID:       "numbering-style",
	Doc:      "mixed numbering forms among siblings: (一) beside （二）, 1. beside 2、",
	Severity: Info,
	Why:      "Mixed numbering forms among siblings are a style defect that shows the items were assembled from different drafts; it is reported as info.",
	Example:  "1、公共安全支出… 2、公共安全支出… 3．公共安全支出…",
	Since:    "v0.1.0",
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
			if n.Marker.Style == outline.NoStyle {
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
			quiet := isCategoryRow(n) || isCategoryRow(prev) || insideBrackets(p, n)
			switch {
			case quiet:
			case n.Marker.N == want:
			case n.Marker.N == 1 || tableBetween(p, prev, n):
				// a list restarts at 1, and the notes of each table
				// (注：1.本表… 2.…) are a list of their own
				seen = map[int]bool{}
			case n.Marker.N > want:
				if gaps && !writtenInside(p, prev, want) {
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
	if !n.Heading {
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
	if strings.HasSuffix(t, "支出") || strings.Contains(t, "   ") {
		return true
	}
	return n.Marker.Style == outline.CNComma && categoryRE.MatchString(t)
}

// categoryRE matches the heads of 功能分类 categories and of the rows of the
// 收支总表, which PDF layout may cut short (九、医疗卫生与计划生育支).
var categoryRE = rx.MustCompile(`^(?:一般公共服务|外交|国防|公共安全|教育|科学技术|文化|社会保障|卫生健康|医疗卫生|节能环保|城乡社区|农林水|交通运输|资源勘探|商业服务|金融|援助其他|自然资源|国土海洋|住房保障|粮油物资|国有资本经营预算|灾害防治|预备费|其他支出|债务|抗疫|政府性基金|一般公共预算|单位预留|上年结转|事业收入|事业单位经营|其他收入|用事业基金|收入预算|支出预算|财政拨款)`)

// writtenInside reports whether the marker that should come after prev is
// written inside prev's own logical line — a numbered item that layout
// joined onto the previous line, which is no gap.
func writtenInside(p *Pass, prev *outline.Node, n int) bool {
	pg := p.Result.Text.Pages
	if prev.Page >= len(pg) || prev.Item >= len(pg[prev.Page].Items) {
		return false
	}
	l := pg[prev.Page].Items[prev.Item].Line
	if l == nil {
		return false
	}
	num := strconv.Itoa(n)
	if strings.ContainsAny(prev.Marker.Raw, "一二三四五六七八九十") {
		num = cnNumeral(n)
	}
	want := strings.Replace(form(prev.Marker), "n", num, 1)
	return strings.Contains(l.Orig[len(prev.Marker.Raw):], want)
}

// cnNumeral writes 1–99 as Chinese numerals: 八, 十二, 二十.
func cnNumeral(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return d[n]
	case n < 20:
		return "十" + d[n%10]
	default:
		return d[n/10] + "十" + d[n%10]
	}
}

// tableBetween reports whether a table or a table's title lies between
// nodes a and b in document order.
func tableBetween(p *Pass, a, b *outline.Node) bool {
	pages := p.Result.Text.Pages
	for pi := a.Page; pi <= b.Page && pi < len(pages); pi++ {
		from, to := 0, len(pages[pi].Items)
		if pi == a.Page {
			from = a.Item + 1
		}
		if pi == b.Page {
			to = min(b.Item, to)
		}
		for ii := from; ii < to; ii++ {
			it := pages[pi].Items[ii]
			if it.Table != nil || it.Line != nil && looksLikeTableTitle(it.Line) {
				return true
			}
		}
	}
	return false
}

// insideBrackets reports whether node n's line goes on with a bracket the
// line before it left open — （详见表一至（表 / 十三、表十四）: the "number" is
// a word of an enumeration broken by the layout, not an item.
func insideBrackets(p *Pass, n *outline.Node) bool {
	pages := p.Result.Text.Pages
	pi, ii := n.Page, n.Item-1
	for pi >= 0 && pi < len(pages) {
		if ii >= 0 && ii < len(pages[pi].Items) {
			l := pages[pi].Items[ii].Line
			if l == nil {
				return false
			}
			return strings.ContainsAny(lastOpen(l.Orig), "（(")
		}
		pi--
		if pi >= 0 {
			ii = len(pages[pi].Items) - 1
		}
	}
	return false
}
