package facts

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/internal/rx"
	"github.com/budgetdoc/budgetdoc/nlp/segment"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
)

// subject returns the noun phrase naming what the amount after view[a:b]
// counts, and the sub-unit the phrase is about. It walks back from b over the
// words: link words (为, 合计) are skipped, then nouns — and the verbs that
// are nouns in budget phrases (支出, 预算, 拨款) — are taken until a verb, a
// time word, a pronoun, a preposition or punctuation ends the phrase.
func (s *lineState) subject(a, b int) (subject, entity string) {
	if a >= b {
		return "", ""
	}
	// the organisation's own name is not part of the subject
	if o := s.x.org; o != "" {
		if i := strings.LastIndex(s.view[a:b], o); i >= 0 {
			a += i + len(o)
		}
	}
	// “一般公共服务支出（类）…（项）”25.77万元: a quoted name right before
	// the amount is the subject as a whole, also when the word 科目 follows
	// it (“…-行政运行”科目1,202.95万元).
	pre := strings.TrimRight(s.view[a:b], " ")
	if p, ok := strings.CutSuffix(pre, "科目"); ok && strings.HasSuffix(p, "”") {
		pre = p
	}
	if strings.HasSuffix(pre, "”") {
		if i := strings.LastIndex(pre, "“"); i >= 0 && i+len("“") < len(pre)-len("”") {
			return s.x.clean(s.l.OrigSpan(a+i+len("“"), a+len(pre)-len("”"))), ""
		}
	}
	if s.toks == nil {
		return s.x.splitEntity(s.x.clean(s.view[a:b]))
	}
	// the tokens inside [a, b)
	// (the tokens are in order: binary searches, not a scan from the start
	// of the line for every amount, which was quadratic in its length)
	lo := sort.Search(len(s.toks), func(i int) bool { return s.toks[i].Start >= a })
	for lo < len(s.toks) && s.toks[lo].End <= a {
		lo++
	}
	hi := sort.Search(len(s.toks), func(i int) bool { return s.toks[i].Start >= b })
	if lo >= hi {
		return "", ""
	}
	toks := s.toks[lo:hi]
	i := len(toks) - 1
	for i >= 0 && (isSpace(toks[i].Text) || isLink(toks[i].Text) || isOpenPunct(toks[i])) {
		if sumSuffixes[toks[i].Text] && i > 0 && namesFlow(toks[i-1].Text) {
			break // 收入预算合计, 收入共计: the sum is a figure of its own
		}
		i--
	}
	// 加上转移性收入等692.70亿元: 等 closes a list of what the amount
	// sums; the items, joined by 、, are the subject.
	list := false
	if i > 0 && (toks[i].Text == "等" || toks[i].Text == "等等") {
		list = true
		i--
	}
	i = beforeNoteMark(toks, i)
	end := i
	depth := 0
	estimate := -1 // an estimate word inside the name, cut from it
	for ; i >= 0; i-- {
		t := toks[i]
		switch {
		case isClose(t.Text):
			depth++
			continue
		case isOpen(t.Text):
			if depth == 0 {
				goto done
			}
			depth--
			continue
		case depth > 0:
			continue
		case (t.Text == "”" || t.Text == "」") && i < end:
			// “两重”、“两新”资金, “三公”经费: a quoted term is a name whole,
			// numerals and all, and quoted terms listed with 、 name together.
			if o := openingQuote(toks, i); o >= 0 {
				i = o
				if i >= 2 && toks[i-1].Text == "、" && (toks[i-2].Text == "”" || toks[i-2].Text == "」") {
					i-- // the 、 before it; the loop steps onto the term before
				}
			}
			continue
		case t.Text == "“" || t.Text == "”" || t.Text == "\"" || t.Text == "《" || t.Text == "》":
			continue
		case isSpace(t.Text):
			continue
		}
		if i > 0 && i < end && (t.Text == "等" && (keepPOS[toks[i-1].POS] || budgetVerbs[toks[i-1].Text]) ||
			t.Text != "等" && strings.HasSuffix(t.Text, "等") && isHanWord(t.Text)) &&
			!totalWord.MatchString(s.view[toks[i+1].Start:toks[end].End]) {
			// 交通和农林水等项目: 等 inside the noun phrase (cut 农林/水等);
			// not 加上…结余等收入总量, where 等 closes what is added
			continue
		}
		if list && t.Text == "、" && i > 0 && i < end && isHanWord(toks[i-1].Text) {
			continue
		}
		if i < end && s.namesKemu(toks[i+1].Start, toks[end].End) {
			// a 科目 name (…(项)) is whole back to its clause: a negation opens
			// it (未归口管理行政单位离退休费(项)), and a 、 list closed by 等
			// is inside it (公诉、审判、侦查、执行等检察监督支出(项))
			if (t.Text == "未" || t.Text == "非") && (i == 0 || clauseBound(toks[i-1])) {
				continue
			}
			if t.Text == "、" && i > 0 && isHanWord(toks[i-1].Text) && strings.Contains(s.view[toks[i+1].Start:toks[end].End], "等") {
				for i > 0 && (toks[i-1].Text == "、" || isHanWord(toks[i-1].Text) && !stopWords[toks[i-1].Text]) {
					i--
				}
				continue
			}
		}
		// 财政拨款收、支总预算: 、 between two single characters abbreviates
		// a pair inside one noun phrase.
		if t.Text == "、" && i > 0 && i < end && utf8.RuneCountInString(toks[i-1].Text) == 1 &&
			isHanWord(toks[i-1].Text) && isHanWord(firstRune(toks[i+1].Text)) {
			i-- // and the character before it
			continue
		}
		if t.Text == "、" && i > 0 && i < end && flowPair(toks[i-1].Text, toks[i+1].Text) {
			i-- // 收入、支出预算总计: one total of both flows
			continue
		}
		if i == end && sumSuffixes[t.Text] {
			continue
		}
		if list && i < end && strings.HasPrefix(t.Text, "各") && t.POS == "r" {
			continue // 各区市上解收入: 各 of the places inside a listed name
		}
		if i < end && collectives[t.Text] {
			// 下达各类补助, 国企改革各项支出: the kinds of one head noun; the
			// name runs on before them only over nouns (not 盘活各类存量资金).
			if i > 0 && !nounLike(toks[i-1]) {
				i--
				break
			}
			continue
		}
		if from, to, ok := strings.Cut(t.Text, "对"); ok && i < end {
			// 市对区转移支付, 省对下补助: the levels the funds go between,
			// segmented as 市|对|区, 省|对下 or 市对区
			took := 0
			if from == "" && i > 0 {
				from, took = toks[i-1].Text, 1
			}
			if to == "" {
				to = toks[i+1].Text
			}
			if levelWord[from] && levelWord[to] {
				i -= took
				continue
			}
		}
		if i >= 2 && i < end && levelWord[t.Text] && toks[i-1].Text == "对" && levelWord[toks[i-2].Text] {
			i -= 2 // 省|对|下补助: the level after 对 is tagged a place word
			continue
		}
		if i < end && procurementVerbs[t.Text] && procurementKinds[toks[i+1].Text] {
			continue // 拟购买服务支出: buying goods, works or services names a procurement category
		}
		if i < end && t.Text == "预留" {
			// 单位预留机动经费, 预留政府采购项目: what is reserved is named by
			// it, and so are those it is reserved for (面向中小企业预留,
			// 面向小微企业预留)
			for k := i - 1; k >= 0 && k >= i-4 && isHanWord(toks[k].Text); k-- {
				if toks[k].Text == "面向" {
					i = k
					break
				}
			}
			continue
		}
		if t.Text == "的" && i >= 2 && i+1 == end && toks[i-1].Text == "安排" && nounLike(toks[i-2]) && bareHeads[toks[end].Text] {
			// 超长期特别国债安排的支出, 国有土地使用权出让收入安排的支出: the
			// spending named by the funds it is paid from (a 科目 name)
			i--
			continue
		}
		if t.POS == "l" && i < end && endsFundVerb(t.Text) {
			break // 积极争取置换债: a set phrase ending in a verb that moves funds names none
		}
		if i > 0 && i == end-1 && (t.Text == "预计" || t.Text == "预期") && bareHeads[toks[end].Text] && nounLike(toks[i-1]) {
			// 一般公共预算预计收入, 政府性基金预计收入: the estimate is said of
			// the thing's flow; the name is the thing's, without it
			estimate = i
			continue
		}
		if stop, ok := stopWords[t.Text]; ok {
			if stop && i == end && (t.POS == "n" || t.POS == "vn") {
				continue // 第一季度用款计划: a noun heading the phrase
			}
			if !stop && list && i > 0 && toks[i-1].Text == "、" {
				continue // 加上债务还本支出、安排预算稳定调节基金等: a listed name
			}
			if stop || (t.Text == "安排" && i < end && !genericSubjects[s.view[toks[i+1].Start:toks[end].End]]) {
				break // 预算安排购置车辆: what is arranged is the subject
			}
			continue
		}
		if (t.Text == "和" || t.Text == "及") && i > 0 && i < end && (keepPOS[toks[i-1].POS] || budgetVerbs[toks[i-1].Text]) {
			continue // 对个人和家庭补助支出
		}
		if budgetVerbs[t.Text] || keepPOS[t.POS] || i == end && headVerbs[t.Text] {
			continue
		}
		if t.POS == "v" && i < end && (toks[i+1].Text == "费" || toks[i+1].Text == "费用") {
			continue // 付息和发行费支出: the verb names the fee
		}
		if t.POS == "v" && i == end-1 && utf8.RuneCountInString(toks[end].Text) == 1 && isHanWord(toks[end].Text) &&
			!fundVerb(t.Text) && !stopWords[t.Text] {
			continue // 耕地占用税, 担保额, 置换债: a one-character head is named by the verb before it
		}
		if t.POS == "v" && i == end-1 && i > 0 && bareHeads[toks[end].Text] && nounLike(toks[i-1]) &&
			!fundVerb(t.Text) && !stopWords[t.Text] && t.Text != "累计" {
			continue // 乡村振兴支出: a noun and its verb name the flow (not 相应安排支出; 累计 says how it is summed)
		}
		if t.POS == "v" && i < end && fundNouns[toks[i+1].Text] && !fundVerb(t.Text) && !stopWords[t.Text] {
			continue // 洱海保护资金, 贷款贴息资金: the verb names the funds
		}
		if list && t.POS == "v" && !listStops[t.Text] {
			continue // 转移支付收入: inside a listed name a verb is part of it
		}
		if (t.POS == "m" || t.POS == "mq") && strings.HasPrefix(t.Text, "第") && i < end {
			continue // 第二季度用款计划, 第十三届人代会: an ordinal in a name
		}
		if i < end && carriedOver(t.Text, toks[i+1].Text) {
			continue // 上年结余: the year carried over from
		}
		if i < end && t.POS == "x" && isHanWord(t.Text) && nounLike(toks[i+1]) &&
			!strings.HasSuffix(t.Text, "是") && !strings.ContainsAny(firstRune(t.Text), deictics) {
			// 新增地债资金, 苏宿园区…收入: a word the segmenter does not know,
			// before a noun, is part of the name (not 一是, an item's ordinal,
			// nor 我区, 当期: a pronoun or a time the segmenter cut with it)
			continue
		}
		if i < end && t.POS == "s" && nounLike(toks[i+1]) {
			continue // 国内公务接待支出, 境外培训费: a place word scopes the noun after it (not 站上, a verb tagged one, before the amount)
		}
		if i < end && t.Text == "到期" && nounLike(toks[i+1]) {
			continue // 到期债券本金, 到期政府债务本息: the debt that falls due
		}
		if i < end && t.POS == "v" && utf8.RuneCountInString(t.Text) > 1 && !listStops[t.Text] &&
			toks[i+1].POS == "q" && utf8.RuneCountInString(toks[i+1].Text) == 1 {
			continue // 提前批新增债券额度: a measure word does not open a name; the word before it is its own
		}
		break
	}
	if i >= 0 && i+1 < end && toks[i].Text == "各" && bodyWords[toks[i+1].Text] {
		i++ // 各预算单位政府采购预算总额: the bodies 各 gathers are whose, not what
	}
	if i >= 0 && i < end {
		i = purposeStart(toks, i)
	}
done:
	if end < 0 || i+1 > end {
		return "", ""
	}
	if estimate > i {
		return s.x.splitEntity(s.x.clean(s.l.OrigSpan(toks[i+1].Start, toks[estimate].Start) + s.l.OrigSpan(toks[estimate].End, toks[end].End)))
	}
	return s.x.splitEntity(s.x.clean(s.l.OrigSpan(toks[i+1].Start, toks[end].End)))
}

// namesKemu reports whether view[a:b] is a budget 科目 name: it carries a
// level marker ((类), (款), (项)).
func (s *lineState) namesKemu(a, b int) bool {
	return kemuMarker.MatchString(s.view[a:b])
}

var kemuMarker = rx.MustCompile(`[(（][类款项][)）]`)

// clauseBound reports whether t ends the clause before a name: punctuation,
// space or a list number.
func clauseBound(t segment.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return isSpace(t.Text) || unicode.IsPunct(r) || unicode.IsDigit(r) || t.POS == "m" || t.POS == "x"
}

// flowPair reports whether a is one flow, income or spending, and b opens
// with the other (收入 | 支出预算).
func flowPair(a, b string) bool {
	return a == "收入" && strings.HasPrefix(b, "支出") || a == "支出" && strings.HasPrefix(b, "收入")
}

// beforeNoteMark returns the index of the token before the note mark
// toks[i] closes (动用预算稳定调节基金[1]等: a mark referring to a note at
// the end of the document is no part of the name); i when toks[i] closes none.
func beforeNoteMark(toks []segment.Token, i int) int {
	if i >= 2 && (toks[i].Text == "]" || toks[i].Text == "】") && (toks[i-2].Text == "[" || toks[i-2].Text == "【") &&
		strings.Trim(toks[i-1].Text, "0123456789") == "" {
		return i - 3
	}
	return i
}

// deictics open words that point at a body or a time (我区, 本级, 当期, 该项);
// unknown to the segmenter, such a word is no part of a name.
const deictics = "我本当该其今"

// openingQuote is the index of the quote that opens the quoted term toks[i]
// closes, within a few tokens and over no clause mark; -1 when none.
func openingQuote(toks []segment.Token, i int) int {
	open := map[string]string{"”": "“", "」": "「"}[toks[i].Text]
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		switch t := toks[k].Text; {
		case t == open:
			if k == i-1 {
				return -1 // “” holds nothing
			}
			return k
		case strings.ContainsAny(t, clauseMarks):
			return -1 // digits and marks inside a term are its own (“6·30”, “4+4”)
		}
	}
	return -1
}

// clauseMarks end a clause; no quoted term spans one.
const clauseMarks = "，,。；;：:！!？?"

// nounLike reports whether t may stand in a noun phrase before its head:
// a noun or a budget word the segmenter tags as a verb; not a verb or an
// adjective (落实 is tagged one).
func nounLike(t segment.Token) bool {
	return budgetVerbs[t.Text] || t.POS != "v" && t.POS != "vn" && t.POS != "a" && keepPOS[t.POS]
}

// purposeStart returns the index of 用于 when the walk back from an amount
// stopped at toks[i] inside the purpose 用于 introduces (用于收回收储存量土地
// 29.86亿元, 用于置换隐债15.1亿元): the purpose names the amount whole,
// verbs included. Otherwise it returns i.
func purposeStart(toks []segment.Token, i int) int {
	runes := 0
	for k := i; k >= 0; k-- {
		t := toks[k].Text
		switch {
		case t == "用于":
			return k
		case t == "的":
			return i // 用于项目建设的新增专项债券: the purpose qualifies a noun
		case isSpace(t):
			continue
		case !isHanWord(t):
			return i
		}
		if runes += utf8.RuneCountInString(t); runes > maxPurpose {
			return i
		}
	}
	return i
}

// maxPurpose is the longest purpose after 用于, in characters, read as a
// subject; a longer one is a sentence, not a name.
const maxPurpose = 30

// fundVerb reports whether w moves funds (统筹, 下达 …: fundVerbs), which
// before 资金 is no part of their name.
func fundVerb(w string) bool {
	return slices.Contains(fundVerbs, w)
}

// endsFundVerb reports whether the phrase w ends in one of fundVerbs.
func endsFundVerb(w string) bool {
	return slices.ContainsFunc(fundVerbs, func(v string) bool { return strings.HasSuffix(w, v) })
}

// sumSuffixes name the sum of what the noun before them names (收入合计,
// 支出共计, 收入预算合计 — the row of every 收支 table): part of the
// subject, not a link to the amount (总计 is not a link word at all). After
// a stock or a count they only say "in all" (政府债务余额合计, 预算单位共计):
// see namesFlow.
var sumSuffixes = map[string]bool{"合计": true, "共计": true}

// flowHeads end the name of a flow of money, which a sum word after it
// totals into a figure of its own.
var flowHeads = []string{"收入", "支出", "预算", "资金", "经费"}

// namesFlow reports whether the word w ends the name of a flow of money.
func namesFlow(w string) bool {
	for _, h := range flowHeads {
		if strings.HasSuffix(w, h) {
			return true
		}
	}
	return false
}

// trimSum drops a sum word at the end of a subject (一般公共预算收入年初预算合计
// → 一般公共预算收入年初预算): what is summed is the thing.
func trimSum(subj string) string {
	for w := range sumSuffixes {
		if r, ok := strings.CutSuffix(subj, w); ok && r != "" {
			return r
		}
	}
	return subj
}

// listStops are the verbs that add a list to the amount before it (加上…等).
var listStops = map[string]bool{"加": true, "加上": true, "减": true, "减去": true, "扣除": true}

func firstRune(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

func isSpace(s string) bool { return strings.TrimSpace(s) == "" }
func isOpen(s string) bool  { return s == "(" || s == "（" || s == "[" || s == "【" }
func isClose(s string) bool { return s == ")" || s == "）" || s == "]" || s == "】" }

// isOpenPunct reports whether t is punctuation that may stand between a
// subject and its amount; a word the segmenter tags x (a dictionary word
// without a tag, 还本) is not.
func isOpenPunct(t segment.Token) bool {
	return t.POS == "x" && !isHanWord(t.Text) && !isClose(t.Text) && t.Text != "”" && t.Text != "\"" && t.Text != "》"
}

func isLink(s string) bool {
	for _, w := range linkWords {
		if s == w {
			return true
		}
	}
	return false
}

// carriedOver reports whether the time word w before rest names the year
// funds are carried over from, part of the name (上年结转资金, 上年结余), not
// the year of the amount.
func carriedOver(w, rest string) bool {
	return w == "上年" && (strings.HasPrefix(rest, "结转") || strings.HasPrefix(rest, "结余"))
}

// clean strips from a candidate subject what is not part of it: list
// numbers, years, the organisation's name, link words at the end, quotes and
// unbalanced brackets.
func (x *extractor) clean(s string) string {
	s = textnorm.Squeeze(s) // 专 项 债 务 转 贷 收 入: a justified line's spacing
	for range 4 {
		before := s
		s = strings.TrimLeftFunc(s, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsDigit(r) || strings.ContainsRune(".．、,，:：;；《》—－─", r)
		})
		if _, rest, ok := outline.ParseMarker(s); ok {
			s = rest
		}
		if m := yearPrefix.FindString(s); m != "" && !carriedOver(m, s[len(m):]) {
			s = s[len(m):]
		}
		// 2016年收入决算 may be cut as 2016/年收入: a bare 年 left over
		if strings.HasPrefix(s, "年") && !strings.HasPrefix(s, "年初") && !strings.HasPrefix(s, "年末") && !strings.HasPrefix(s, "年终") {
			s = s[len("年"):]
		}
		if x.org != "" {
			if i := strings.Index(s, x.org); i >= 0 {
				s = s[i+len(x.org):]
			}
			s = trimShortName(s, x.org)
		}
		// a bare 单位 is not stripped: it starts names of its own
		// (单位预留机动经费, 区直单位经费), where 部门 is the reporting body
		for _, p := range []string{"本部门", "我部门", "本单位", "我单位", "其中", "包括", "部门"} {
			if strings.HasPrefix(s, p) && len(s) > len(p) {
				s = s[len(p):]
			}
		}
		for _, w := range linkWords {
			if utf8.RuneCountInString(w) == 1 && w != "为" && w != "是" || sumSuffixes[w] {
				continue // 总计, 收入合计: a single character or a sum may end a noun
			}
			if strings.HasSuffix(s, w) && len(s) > len(w) {
				s = s[:len(s)-len(w)]
			}
		}
		for _, w := range estimateWords {
			if strings.HasSuffix(s, w) && len(s) > len(w) {
				s = s[:len(s)-len(w)]
			}
		}
		s = strings.TrimRightFunc(s, func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(",，:：;；、\"《", r)
		})
		s = trimQuotes(s)
		if s == before {
			break
		}
	}
	s = balance(s)
	// 社会保险基金预算（包括机关事业单位基本养老保险…，下同）收入: a
	// definition in brackets inside the name is not part of it
	if m := innerRemark.FindStringIndex(s); m != nil && m[1] < len(s) {
		s = s[:m[0]] + s[m[1]:]
	}
	// 政府采购金额（以合同签订为准）: a remark in brackets is not part of
	// the name; short markers are ((类), (款), (项), (境), (含)).
	if m := trailingRemark.FindStringIndex(s); m != nil && m[0] > 0 {
		s = strings.TrimSpace(s[:m[0]])
	}
	if utf8.RuneCountInString(s) < 2 && !isHanWord(s) {
		return ""
	}
	return s
}

var innerRemark = rx.MustCompile(`[（(](?:包括|即)[^（()）]{3,}[）)]|[（(][^（()）]*下同[）)]`)

var trailingRemark = rx.MustCompile(`[（(][^（()）0-9]{4,}[）)]$`)

func isHanWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// balance drops a leading closing bracket or a trailing opening one, and an
// unmatched bracket at either end (with the part marker after an opening
// one: (含政府债务外贷 → 政府债务外贷).
func balance(s string) string {
	for {
		opens := strings.Count(s, "（") + strings.Count(s, "(")
		closes := strings.Count(s, "）") + strings.Count(s, ")")
		switch {
		case opens > closes && (strings.HasPrefix(s, "（") || strings.HasPrefix(s, "(")):
			// (含政府债务外贷: the amount is inside an aside; the aside's
			// part marker is no part of its name
			_, n := utf8.DecodeRuneInString(s)
			s = strings.TrimLeft(s[n:], " ")
			if m := partOpen.FindString(s); m != "" && len(m) < len(s) {
				s = strings.TrimLeft(s[len(m):], "：:，, ")
			}
		case closes > opens && (strings.HasSuffix(s, "）") || strings.HasSuffix(s, ")")):
			_, n := utf8.DecodeLastRuneInString(s)
			s = s[:len(s)-n]
		case strings.HasPrefix(s, "）"):
			s = s[len("）"):]
		case strings.HasPrefix(s, ")"):
			s = s[1:]
		case strings.HasSuffix(s, "（"):
			s = s[:len(s)-len("（")]
		case strings.HasSuffix(s, "("):
			s = s[:len(s)-1]
		default:
			return strings.TrimSpace(s)
		}
	}
}

// splitEntity separates a sub-unit named at the start of a subject
// (事业单位XX中心收入预算 → XX中心, 收入预算).
func (x *extractor) splitEntity(s string) (subject, entity string) {
	if s == "" {
		return "", ""
	}
	rest := s
	intro := false
	if loc := entityIntro.FindStringIndex(rest); loc != nil && loc[0] == 0 {
		rest = rest[loc[1]:]
		intro = true
	}
	if !intro {
		return unitsOf(s)
	}
	best := -1
	for _, suf := range entitySuffixes {
		if i := strings.Index(rest, suf); i > 0 && (best < 0 || i+len(suf) < best) {
			if i+len(suf) < len(rest) {
				best = i + len(suf)
			}
		}
	}
	if best < 0 {
		return s, "" // no sub-unit named: 事业单位经营收入 is a name whole
	}
	return rest[best:], rest[:best]
}

// unitsOf separates the bodies a subject opens with when 单位 follows
// their name (南京、徐州铁路检察院单位预留机动经费 → 徐州铁路检察院,
// 单位预留机动经费): 单位 then means "their units'", and the name, which
// ends like a body (entitySuffixes), is the entity.
func unitsOf(s string) (subject, entity string) {
	i := strings.Index(s, "单位")
	if i <= 0 || i+len("单位") == len(s) || utf8.RuneCountInString(s[:i]) < 3 {
		return s, ""
	}
	for _, suf := range entitySuffixes {
		if strings.HasSuffix(s[:i], suf) {
			return s[i:], s[:i]
		}
	}
	return s, ""
}

// trimQuotes removes quotes around s but keeps a pair inside it
// (“三公”经费).
func trimQuotes(s string) string {
	s = strings.TrimSuffix(s, "“")
	if strings.HasPrefix(s, "“") && !strings.Contains(s[len("“"):], "”") {
		s = s[len("“"):]
	}
	if strings.HasSuffix(s, "”") && !strings.Contains(s, "“") {
		s = s[:len(s)-len("”")]
	}
	if strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”") && strings.Count(s, "“") == 1 {
		s = s[len("“") : len(s)-len("”")]
	}
	return strings.Trim(s, "\"")
}

// trimShortName drops a short form of the organisation's name at the start
// of s: 省检察院 for 江苏省人民检察院, 省法院 or 省高院 for 江苏省高级人民法院,
// 区司法局 for 上海市普陀区司法局. A short form keeps the characters of the
// name in order and ends like it (the kind of body: 院, 厅, 局 …), so it is
// recognised from the name itself, not from a list; it has at least three
// characters and names the administrative level (adminLevels) or is the
// end of the name (检察院 when the year split 2019年省|检察院).
func trimShortName(s, org string) string {
	last, _ := utf8.DecodeLastRuneInString(org)
	if last == utf8.RuneError {
		return s
	}
	n := 0
	for i, r := range s {
		n++
		if n > utf8.RuneCountInString(org) {
			break
		}
		if r != last || n < 3 {
			// 法院系统培训费: two characters are the kind of body, not
			// this organisation
			continue
		}
		end := i + utf8.RuneLen(r)
		short := s[:end]
		if end < len(s) && (strings.HasSuffix(org, short) || strings.ContainsAny(short, adminLevels) && isSubsequence(short, org)) {
			return s[end:]
		}
	}
	return s
}

// adminLevels are the characters of an administrative level; a short form
// of an organisation's name keeps its level (省检察院), a name that only
// mentions the kind of body does not (江苏法院云平台).
const adminLevels = "省市区县州盟旗镇乡"

// isSubsequence reports whether the runes of short appear in long in order.
func isSubsequence(short, long string) bool {
	for _, r := range short {
		i := strings.IndexRune(long, r)
		if i < 0 {
			return false
		}
		long = long[i+utf8.RuneLen(r):]
	}
	return true
}
