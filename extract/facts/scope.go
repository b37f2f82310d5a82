package facts

import (
	"strings"

	"github.com/budgetdoc/budgetdoc/internal/rx"
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
// (全市完成地方一般公共预算收入, 全市收支情况, 汇总全市各级, 全市发行政府债券), or after what
// the scope includes (市级（含高新区，下同）实现…). Group 1 is the scope word.
var scopeMention = rx.MustCompile(`(` + scopeWords + `)` +
	`(?:[（(][^（()）]{0,40}[)）])?(?:完成|实现|累计完成|预计完成|共|各级|地方|发行)*` +
	`(?:一般公共预算|政府性基金|国有资本经营|社会保险基金|政府债务|政府债券|财政收支|收支|预算|决算)`)

// scopeWords are the scope words: the whole jurisdiction (全市, 全自治区)
// or the government's own level (市本级, 省级, 本级).
const scopeWords = `全(?:自治区|地区|省|市|区|州|县|盟|旗)|(?:省|市|区|县|州|盟|旗)本级|(?:省|市|区|县|州|盟|旗)级|本级`

// scopePrefix is a scope word at the start of a subject.
var scopePrefix = rx.MustCompile(`^(?:` + scopeWords + `)`)

// budgetNames begin the subjects of a budget's figures, which a scope word
// qualifies.
var budgetNames = []string{"一般公共预算", "地方一般公共预算", "政府性基金", "国有资本经营", "社会保险基金", "政府债务", "地方政府债务",
	"政府债券", "地方政府债券"}

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
	for i := first; i < len(s.x.facts); i++ {
		f := s.x.facts[i]
		if f.line != s.l && f.f.Line != s.l {
			continue
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
			}
			continue
		}
		if scope == "" {
			continue
		}
		if budgetFigure(sub) {
			f.f.Subject = scope + sub
		} else if m := timePrefix.FindString(sub); m != "" && budgetFigure(sub[len(m):]) {
			f.f.Subject = m + scope + sub[len(m):] // 年末政府债务余额 → 年末全市政府债务余额
		}
	}
}

// timePrefix is the time of a stock figure said before its name
// (年末政府债务余额, 2025年末政府债务限额), which the scope word follows.
var timePrefix = rx.MustCompile(`^(?:\d{4}年)?(?:年末|年初|期末|期初)`)
