package facts

import (
	"strings"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/internal/rx"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Elliptic subjects. A report names the thing once and then leaves it out:
//
//	一般公共预算收入预算134.5亿元，执行中按法定程序调整为134.9亿元，实际完成135.1亿元。
//	批准的支出预算319.5亿元，……支出预算调整为342.5亿元，实际完成312.9亿元。
//
// The second and third amounts read 法定程序调整 and 实际 as their subject,
// the fourth 支出预算 — an adverb, a phase word or a bare head noun where
// a reader supplies the thing from the clause before. fillElliptic gives
// such an amount the thing of the nearest earlier amount of the same
// paragraph (a logical line) that names one, with the head noun the clause
// writes (支出 in place of 收入) and the phase it writes (调整为 → 调整预算,
// 支出预算 → 预算, 实际完成 → none).
//
// An amount inside （含高新区10.1亿元） right after an amount is a part of
// it: its subject is the place with the thing of the total, and the total
// is its parent; so are the amounts of a bracket that lists parts after a
// total (当年新增债务88.48亿元（新增一般债券16.64亿元、…）). Where no amount
// of the paragraph names the thing, a numbered or dashed title sentence
// does (——契税。完成303.05亿元, 2.保运行。安排20.1亿元), and bare 资金 takes
// the verb that moves it (统筹资金).

// thingHeads end a noun phrase that names a budget figure; an earlier
// subject ending in one can lend its thing to an elliptic one.
var thingHeads = []string{"收入", "支出", "结余", "余额", "限额", "收支"}

// phaseSuffixes are the words after the thing that say which figure of it
// is meant, longest first.
var phaseSuffixes = []string{"调整预算数", "调整预算", "预算调整", "年初预算数", "年初预算", "预算数", "执行数", "完成数", "决算数", "预算", "决算", "调整"}

// ellipticWords are what remains of a subject that names no thing: adverbs
// and verbs of a budget's course (实际完成, 按法定程序调整为).
var ellipticWords = []string{"执行中", "按法定程序", "法定程序", "经法定程序", "实际", "完成", "执行", "调整后", "调整"}

// arranged are the verbs that stand for an amount spent on the thing the
// title names (安排20.1亿元, 投入63.01亿元).
var arranged = map[string]bool{"安排": true, "投入": true, "统筹": true, "下达": true, "拨付": true, "筹集": true, "筹措": true}

// fundVerbs move funds, or say which funds a measure touches (涉及资金);
// with 资金 they name the amount (统筹资金).
var fundVerbs = []string{"统筹", "下达", "筹措", "直拨", "拨付", "争取", "到位", "投入", "整合", "盘活", "安排", "涉及", "落实"}

// bareHeads are head nouns that alone do not name the thing.
var bareHeads = map[string]bool{"收入": true, "支出": true, "结余": true}

// qualifiers narrow a head noun to one figure of the thing without naming
// the thing (当年收支结余, 年末滚存结余).
var qualifiers = []string{"年初", "年末", "年终", "当年", "本年", "收支", "滚存"}

// bareHead splits a subject made of qualifiers and a bare head noun
// (年末滚存结余 → 年末滚存, 结余); head is "" when s names more.
func bareHead(s string) (qual, head string) {
	for h := range bareHeads {
		if q, ok := strings.CutSuffix(s, h); ok && trimQualifiers(q) == "" {
			return q, h
		}
	}
	return "", ""
}

// clauseHead reads qualifiers and a bare head noun at the end of the
// clause before an amount (收支相抵年终结余, 年末滚存结余): the subject
// walk stops at a verb or a time word inside them. rest is the subject
// found, which the clause must end with when it is not empty.
func clauseHead(clause, rest string) (qual, head string) {
	c := strings.TrimSpace(clause)
	for _, w := range []string{"为", "达", "是"} {
		c = strings.TrimSuffix(c, w)
	}
	c = strings.TrimSpace(c)
	for h := range bareHeads {
		q, ok := strings.CutSuffix(c, h)
		if !ok || rest != "" && !strings.HasSuffix(c, rest) {
			continue
		}
		k := len(q)
		for k > 0 {
			n := 0
			for _, w := range qualifiers {
				if strings.HasSuffix(q[:k], w) {
					n = len(w)
					break
				}
			}
			if n == 0 {
				break
			}
			k -= n
		}
		return q[k:], h
	}
	return "", ""
}

// totalWord marks a clause that sums what was listed before.
var totalWord = rx.MustCompile(`共计|合计|总计|总额|总量`)

// trimQualifiers drops the qualifiers at the end of s.
func trimQualifiers(s string) string {
	for changed := true; changed; {
		changed = false
		for _, q := range qualifiers {
			if r, ok := strings.CutSuffix(s, q); ok {
				s, changed = r, true
			}
		}
	}
	return s
}

// stem is the thing without its head and qualifiers
// (全市社会保险基金当年收支结余 → 全市社会保险基金).
func stem(thing string) string {
	// 预算总收入, 社会保险基金预算总支出: 总 marks the total of what the
	// stem names, not part of the name; 预算 alone names no budget.
	s := strings.TrimSuffix(trimQualifiers(strings.TrimSuffix(thing, headOf(thing))), "总")
	if s == "预算" {
		return ""
	}
	return s
}

// splitPhase returns the thing of subj without a phase suffix, and the
// suffix; the thing keeps its head (一般公共预算收入预算 → 一般公共预算收入,
// 预算), and a subject whose remainder has no head keeps it whole
// (一般公共预算).
func splitPhase(subj string) (thing, phase string) {
	for _, p := range phaseSuffixes {
		if rest, ok := strings.CutSuffix(subj, p); ok && (rest == "" || headOf(rest) != "" || bareHeads[rest]) {
			return rest, p
		}
	}
	return subj, ""
}

// headOf is the thingHeads word subj ends in, or "".
func headOf(subj string) string {
	for _, h := range thingHeads {
		if strings.HasSuffix(subj, h) && len(subj) > len(h) {
			return h
		}
	}
	return ""
}

// ellipticCore strips the adverbs and verbs from what is left of a subject
// after its phase: "" or a bare head noun means the subject is elliptic.
func ellipticCore(s string) string {
	for changed := true; changed; {
		changed = false
		for _, w := range ellipticWords {
			if r, ok := strings.CutPrefix(s, w); ok {
				s, changed = r, true
			}
			if r, ok := strings.CutSuffix(s, w); ok {
				s, changed = r, true
			}
		}
	}
	return s
}

// clausePhase is the phase a clause writes before its amount: 调整为 and
// 调整后 name the adjusted budget.
func clausePhase(clause, subjPhase string) string {
	switch {
	case strings.Contains(clause, "调整"), strings.Contains(subjPhase, "调整"):
		return "调整预算"
	case strings.HasPrefix(subjPhase, "年初预算"):
		return "年初预算" // 完成年初预算数3161万元
	case strings.HasPrefix(subjPhase, "预算"):
		return "预算"
	case strings.HasPrefix(subjPhase, "决算"):
		return "决算"
	}
	return ""
}

// namesNothing reports whether a clause before an amount holds no noun
// besides the elliptic words (执行中按法定程序调整为, 实际完成): an empty
// subject there is elliptic, not lost.
func namesNothing(clause string) bool {
	c := strings.TrimSpace(clause)
	c = strings.TrimRight(c, "为达 ")
	c = ellipticCore(c)
	c = strings.TrimRight(c, "为达 ")
	c = ellipticCore(c)
	return c == ""
}

// partOf matches the opening of a part written in brackets after its
// total: （含高新区, (其中市本级.
var partOf = rx.MustCompile(`[（(]\s*(?:含|其中[：:]?)\s*([\p{Han}]{1,8}?(?:区|县|市|州|旗|镇|乡|本级|级))\s*$`)

// fillElliptic completes the elliptic subjects of the money facts made on
// the line read by s, from first on.
func (s *lineState) fillElliptic(first int) {
	x := s.x
	thing := ""   // the thing named last in this paragraph
	budget := ""  // the last thing that is a budget's (一般公共预算收入)
	total := -1   // the last amount outside brackets
	thingAt := -1 // the fact that named thing
	prev := -1    // the money fact before f
	for i := first; i < len(x.facts); i++ {
		f := x.facts[i]
		if !f.hasValue || f.f.Kind != schema.FactMoney || f.line != s.l {
			continue
		}
		paired := thingAt >= 0 && prev == thingAt && s.pairedAfter(x.facts[thingAt], f)
		prev = i
		clause := s.view[s.lastBound(f.pos):f.pos]
		if m := partOf.FindStringSubmatch(clause); m != nil && total >= 0 && x.facts[total].f.End >= s.lastBound(f.pos) && (f.f.Subject == "" || f.f.Subject == m[1]) {
			t := x.facts[total]
			f.f.Subject = m[1] + scopePrefix.ReplaceAllString(t.f.Subject, "")
			if f.parent < 0 && !rateBase.MatchString(window(s.view, f.f.End)) {
				f.parent = total // not the base of a rate (完成年初预算14.06亿元的96.51%)
			}
			continue
		}
		if total >= 0 && s.inBracketAfter(x.facts[total].f.End, f.pos) {
			// 当年新增债务88.48亿元（新增一般债券16.64亿元、…）: a part
			// (linked already when the aside says 其中), never the thing
			// the paragraph goes on about; a part of the total, not its
			// sibling in the breakdown the total is a part of
			if (f.parent < 0 || f.parent == x.facts[total].parent) && !rateBase.MatchString(window(s.view, f.f.End)) {
				f.parent = total // not the base of a rate (完成年初预算14.06亿元的96.51%)
			}
			continue
		}
		total = i
		subj := f.f.Subject
		if subj == "资金" {
			// 统筹资金0.45亿元, 下达资金2.5亿元: the funds are named by
			// the verb that moves them
			c := strings.TrimSpace(clause)
			for _, v := range fundVerbs {
				if strings.HasSuffix(c, v+"资金") {
					f.f.Subject = v + "资金"
					break
				}
			}
			continue
		}
		if arranged[subj] || subj == "" && arranged[strings.TrimSpace(clause)] {
			// 2.保运行。安排20.1亿元: what is arranged is named by the
			// title, never by an earlier amount of the paragraph; 在支持
			// 生态建设方面，共安排45.42亿元: by the field the clause before
			// names
			if t := s.titleSentence(); t != "" {
				f.f.Subject = t
			} else if a := s.aspectBefore(s.lastBound(f.pos)); a != "" {
				f.f.Subject = a
			}
			continue
		}
		rest, phase := splitPhase(trimSum(subj))
		core := ellipticCore(rest)
		qual, head := bareHead(core)
		if q, h := clauseHead(clause, rest); h != "" && (core == "" || h == head) {
			qual, head = q, h
		}
		elliptic := core == "" && (subj != "" || namesNothing(clause)) || head != ""
		if totalWord.MatchString(clause) {
			elliptic = false // 收入共计: the sum of what the sentence listed
		}
		if !elliptic {
			// 加上转移性收入等: what is added to the thing is not the thing,
			// nor is what adjusts it (按程序调减收入预算55.3亿元)
			if t, _ := splitPhase(trimSum(subj)); headOf(t) != "" && !strings.HasSuffix(strings.TrimSpace(clause), "等") && !adjusts.MatchString(t) {
				thing, thingAt = t, i
				if budgetFigure(scopePrefix.ReplaceAllString(t, "")) {
					budget = t
				}
			}
			continue
		}
		if thing == "" {
			// ——契税。完成303.05亿元: a title sentence names the thing
			if t := s.titleSentence(); t != "" && core == "" {
				f.f.Subject = t
				if headOf(t) != "" {
					thing = t
				}
			}
			continue
		}
		t := thing
		if head == "结余" && budget != "" && strings.Contains(s.view[max(0, f.pos-len(balanceWindow)):f.pos], "相抵") {
			// 调出资金…，补助下级支出0.06亿元；收支相抵年终结余0.01亿元:
			// the balance is the budget's, not its last item's
			t = budget
		}
		if head != "" && budget != "" && !paired && !namesBudget(t) && bareHeads[headOf(t)] && headOf(t) != head && headOf(budget) != head {
			// 一般公共预算收入…其中：…非税收入24.16亿元。支出预算为155.32亿元,
			// 加上上解上级支出…、调出资金…、年终结余…: the other flow or the
			// balance is the budget's, not its last part's — unless it is
			// paired with that part (城乡居民基本养老保险基金收入7.65亿元、
			// 支出4.71亿元), or the thing is a budget's figure itself (城乡一体化
			// 示范区一般公共预算收入…。支出预算20.1亿元)
			t = budget
		}
		if head != "" {
			if !bareHeads[headOf(t)] {
				continue // 余额 and 支出: not one thing
			}
			t = stem(t) + qual + head
		}
		thing, thingAt = t, i
		f.f.Subject = t + clausePhase(clause, phase)
	}
}

// pairedAfter reports whether the amount of f follows that of t as its
// pair in one clause group: only a list mark and f's own bare name between
// them (收入7.65亿元、支出4.71亿元).
func (s *lineState) pairedAfter(t, f *fact) bool {
	if t.f.End > f.pos {
		return false
	}
	between := strings.TrimSpace(s.view[t.f.End:f.pos])
	if between == "" || strings.ContainsAny(between, "。；;") {
		return false
	}
	r, n := utf8.DecodeRuneInString(between)
	return strings.ContainsRune("、，,", r) && utf8.RuneCountInString(between[n:]) <= maxPairedName
}

// maxPairedName is the longest name, in characters, of the second amount
// of a pair (支出预算为, 年末滚存结余).
const maxPairedName = 8

// titleSentence is the first sentence of the line when it is a title: a
// short noun phrase without numbers before 。 or ：, as in
// ——契税。完成303.05亿元 or 1.税收收入：完成120亿元, numbered or led by a
// dash; "" otherwise.
func (s *lineState) titleSentence() string {
	end := strings.IndexAny(s.view, "。：:")
	if end <= 0 {
		return ""
	}
	t := strings.TrimSpace(s.view[:end])
	if _, rest, ok := outline.ParseMarker(t); ok {
		t = rest
	} else if d := strings.TrimLeft(t, "—－-─ "); d != t {
		t = d
	} else {
		return "" // a title is numbered or led by a dash
	}
	// a bracket inside a name is part of it (国有资源（资产）有偿使用收入);
	// one with a number or a list is not a title
	if t == "" || utf8.RuneCountInString(t) > 24 || strings.ContainsAny(t, "0123456789，,；;") || !balanced(t) {
		return ""
	}
	return s.x.clean(t)
}

// balanced reports whether the brackets of t are closed in order.
func balanced(t string) bool {
	depth := 0
	for _, r := range t {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// inBracketAfter reports whether pos lies inside a bracket opened after
// end (the end of a total's amount) in the same sentence that lists the
// total's parts: 收入5.56亿元，同比增长11.71%（其中：国有土地使用权出让收入
// 5.39亿元）, 新增债务88.48亿元（新增一般债券16.64亿元、…）.
func (s *lineState) inBracketAfter(end, pos int) bool {
	if end > pos {
		return false
	}
	depth, open := 0, -1
	for i, r := range s.view[end:pos] {
		switch r {
		case '（', '(':
			depth++
			open = end + i + utf8.RuneLen(r)
		case '）', ')':
			depth--
			if depth < 0 {
				return false
			}
		case '。', '；', ';':
			if depth == 0 {
				return false
			}
		}
	}
	if open < 0 || depth <= 0 {
		return false
	}
	// only a bracket that lists parts: 其中, 含, 包括 or an enumeration with
	// 、 — not （调整后为…）, （上年为…）, （不含…）
	content := s.view[open:]
	if c := strings.IndexAny(content, "）)"); c >= 0 {
		content = content[:c]
	}
	content = strings.TrimSpace(content)
	return partOpen.MatchString(content) || strings.Contains(content, "、") && !notPart.MatchString(content)
}

// balanceWindow is how far before a balance 收支相抵 is looked for (a
// few characters: 收支相抵，年终结余): the length of this string, in bytes.
const balanceWindow = "收支相抵，当年年终结余为"

// adjusts names a change made to a figure during the year (调减收入预算,
// 追加支出), not the figure.
var adjusts = rx.MustCompile(`调减|调增|追加|追减|核减|核增`)

// partOpen and notPart open a bracket that lists parts of the amount
// before it, or that names something else (an amount left out, another
// figure of it).
var (
	partOpen = rx.MustCompile(`^(?:其中|含|包括)`)
	notPart  = rx.MustCompile(`^(?:不含|未含|剔除|扣除|不包括|调整|上年|比|较|同比|按)`)
)

// aspect is a clause that names a field of spending (在支持生态建设方面,
// ──偿还政府债务方面); group 1 is the field with 方面.
var aspect = rx.MustCompile(`^[\s—－─-]*(?:在|从)?(\p{Han}[^，,。；;：:]{1,30}?方面)\s*[，,]?\s*$`)

// aspectBefore is the field named by the clause before view offset start
// (在支持生态建设方面，共安排45.42亿元 → 支持生态建设方面), or "".
func (s *lineState) aspectBefore(start int) string {
	_, c := s.clauseBefore(start)
	m := aspect.FindStringSubmatch(c)
	if m == nil {
		return ""
	}
	return s.x.clean(m[1])
}
