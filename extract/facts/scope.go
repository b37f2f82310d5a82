package facts

import (
	"strings"

	"github.com/budgetdoc/budgetdoc/internal/rx"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Scope words in government reports. A report on a government as a whole
// gives each figure for the whole jurisdiction (全市) or for the
// government's own level (市本级), and says which once for a run of
// figures:
//
//	全市一般公共预算收入750.55亿元，……；一般公共预算支出1037.15亿元，……
//	全市实现一般公共预算收入515.74亿元，……。实现一般公共预算支出1099.03亿元，……
//
// The second figure is the 全市 one as much as the first; a reader labels
// it 全市一般公共预算支出. scopeSubjects gives the figures of the budgets
// (一般公共预算, 政府性基金预算 …) the scope word last stated before them in
// the same paragraph, when their subject has none.

// scopeMention is a scope word stated for what follows: before a budget's
// name or its 收支, possibly with the verb of the figure between
// (全市完成地方一般公共预算收入, 全市收支情况, 汇总全市各级, 全市发行政府债券), or a year
// (市本级2025年政府性基金预算收入), or after what
// the scope includes (市级（含高新区，下同）实现…). Group 1 is the scope word.
var scopeMention = rx.MustCompile(`(` + scopeWords + `)` +
	`(?:[（(][^（()）]{0,40}[)）])?(?:\s*[0-9]{4}\s*年度?)?(?:完成|实现|累计完成|预计完成|共|各级|地方|发行)*` +
	`(?:一般公共预算|政府性基金|国有资本经营|社会保险基金|政府债务|政府债券|财政收支|收支|预算|决算)`)

// scopeWords are the scope words: the whole jurisdiction (全市, 全自治区)
// or the government's own level (市本级, 省级, 本级).
const scopeWords = `全(?:自治区|地区|省|市|区|州|县|盟|旗)|(?:省|市|区|县|州|盟|旗)本级|(?:省|市|区|县|州|盟|旗)级|本级`

// scopeInside is a scope word anywhere in a subject.
var scopeInside = rx.MustCompile(scopeWords)

// scopePrefix is a scope word at the start of a subject.
var scopePrefix = rx.MustCompile(`^(?:` + scopeWords + `)`)

// budgetNames begin the subjects of a budget's figures, which a scope word
// qualifies.
var budgetNames = []string{"一般公共预算", "地方一般公共预算", "政府性基金", "国有资本经营", "社会保险基金", "政府债务", "地方政府债务",
	"政府债券", "地方政府债券"}

// namesBudget reports whether a subject names a figure of one of the
// budgets, of whichever body: a budget's name anywhere in it, not only at
// its start as budgetFigure asks (城乡一体化示范区一般公共预算收入,
// 市本级（含南湖新区）社会保险基金收入).
func namesBudget(subject string) bool {
	for _, n := range budgetNames {
		if strings.Contains(subject, n) {
			return true
		}
	}
	return false
}

// budgetFigure reports whether a subject begins with a budget's name.
func budgetFigure(subject string) bool {
	for _, n := range budgetNames {
		if strings.HasPrefix(subject, n) {
			return true
		}
	}
	return false
}

// scopeSubjects prefixes the scope word in force to the subjects of the
// budget figures of the line's facts from first on that have none.
func (s *lineState) scopeSubjects(first int) {
	if !s.x.government || first >= len(s.x.facts) {
		return
	}
	ms := scopeMention.FindAllStringSubmatchIndex(s.view, -1)
	scope, k := "", 0
	scoped, last := -1, -1 // the last budget figure with the scope, the last amount
	for i := first; i < len(s.x.facts); i++ {
		f := s.x.facts[i]
		if f.line != s.l && f.f.Line != s.l {
			continue
		}
		prev := last
		if f.hasValue && f.f.Kind == schema.FactMoney {
			last = i
		}
		for ; k < len(ms) && ms[k][0] < f.f.Start; k++ {
			scope = s.view[ms[k][2]:ms[k][3]]
		}
		sub := f.f.Subject
		if rest, ok := strings.CutPrefix(sub, "本级"); ok && scope != "本级" && strings.HasSuffix(scope, "本级") {
			// 2025年市本级…: the segmenter cuts 年市 and the walk back
			// loses 市
			sub = scope + rest
			f.f.Subject = sub
		}
		if p := scopePrefix.FindString(sub); p != "" {
			if budgetFigure(sub[len(p):]) {
				scope = p // 市级一般公共预算收入, not 市级和部分县区…
				scoped = i
			}
			continue
		}
		if scope == "" {
			continue
		}
		if budgetFigure(sub) {
			f.f.Subject = scope + sub
			scoped = i
		} else if m := timePrefix.FindString(sub); m != "" && budgetFigure(sub[len(m):]) {
			f.f.Subject = m + scope + sub[len(m):] // 年末政府债务余额 → 年末全市政府债务余额
			scoped = i
		} else if scoped >= 0 && scoped == prev && s.sibling(s.x.facts[scoped], f) {
			f.f.Subject = scope + sub
		}
	}
}

// sibling reports whether the amount f, right after the budget figure b in
// the same sentence, is another figure of the same kind named without the
// budget (全市政府债务财力还本支出12.61亿元，付息和发行费支出59.65亿元): a
// coordinate of b, which the scope word covers as much as b. What is added
// to b, a part of it or what it is used for (加上…, 其中…, 用于…) is not.
func (s *lineState) sibling(b, f *fact) bool {
	if f.parent >= 0 || b.f.End > f.pos || scopeInside.MatchString(f.f.Subject) {
		return false // 区市级政府债务余额: a level of its own
	}
	head := headOf(f.f.Subject)
	if head == "" || head != headOf(b.f.Subject) || !commaOnly(s.view[b.f.End:s.lastBound(f.pos)]) {
		return false // not the next clause of a list X a亿元，Y b亿元
	}
	// b names one item of the budget (政府债务还本支出), not the budget's
	// total (一般公共预算收入), whose next amounts are its parts or what is
	// added to it (税收收入, 上级补助收入)
	item := scopePrefix.ReplaceAllString(b.f.Subject, "")
	for _, n := range budgetNames {
		if r, ok := strings.CutPrefix(item, n); ok && len(r) < len(item) {
			item = r
			break
		}
	}
	item = strings.TrimPrefix(strings.TrimPrefix(item, "预算"), "收入")
	if item == "" || bareHeads[item] {
		return false
	}
	clause := strings.TrimSpace(s.view[s.lastBound(f.pos):f.pos])
	return !notSibling.MatchString(clause)
}

// commaOnly reports whether s is one comma, with spaces around it.
func commaOnly(s string) bool {
	s = strings.TrimSpace(s)
	return s == "，" || s == ","
}

// notSibling opens a clause whose amount is added to the figure before,
// part of it or spent from it.
var notSibling = rx.MustCompile(`^(?:加上|加|减去|减|扣除|其中|包括|含|用于|主要用于|另|以及|再加上)`)

// timePrefix is the time of a stock figure said before its name
// (年末政府债务余额, 2025年末政府债务限额), which the scope word follows.
var timePrefix = rx.MustCompile(`^(?:\d{4}年)?(?:年末|年初|期末|期初)`)
