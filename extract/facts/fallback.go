package facts

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/internal/rx"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Subjects that the walk back from an amount does not find because the
// clause names the thing elsewhere or with a verb. A reader still labels
// these amounts:
//
//	城乡低保补助标准由645元/月提高至685元/月  — both are the 城乡低保补助标准
//	政府性基金预算收支总计由14.8亿元调整为21.4亿元 — both are the 收支总计
//	支持推进绿色低碳发展。投入3.06亿元，…      — the funds put in (投入资金)
//
// fallbackSubjects gives such amounts of the line, from first on, the
// subject the sentence states: the thing before 由/从 for the amount it
// moves from and for the amount it moves to, and for an amount whose
// clause is only a verb that moves funds, the title the line opens with
// or the funds the verb names.

// fromClause ends the clause before the amount a figure moves from: 由,
// 从, 从年初预算的, 较“十三五”时期的. Group 1 is the word.
var fromClause = rx.MustCompile(`(由|从|较|比)(?:[^，,。;；由从较比]{0,16}?的)?\s*$`)

// toClause is the whole clause before the amount a figure moves to.
// (提高至, 调整为, 增至2024年的).
var toClause = rx.MustCompile(`^\s*(?:/[^\s，,。;；/]{1,4}){0,2}\s*` + toVerb + `(?:[^，,。;；]{0,12}的)?\s*$`)

// toVerb moves a figure to the amount after it (提高至, 调整为, 提高到每人每月).
const toVerb = `(?:分别)?(?:(?:提高|增长|增加|上升|下降|减少|降低|调整|压减|扩大|增|降|减|升)(?:至|到|为)|变为|达到)` +
	`(?:每人每月|每人每年|每生每年|每人|每月|每年|人均)?(?:不低于|不少于|不超过)?`

// toEnd is a clause that names a figure before the verb moving it to the
// amount (城乡居民基础养老金最低标准提高到每人每月103元). Group 1 is the verb.
var toEnd = rx.MustCompile(`(` + toVerb + `)\s*$`)

// listJoin is the clause between two amounts of one list (A亿元和B亿元,
// 分别达到A、B、C, 331元/人/月、700元/人/年).
var listJoin = rx.MustCompile(`^\s*(?:/[^\s，,。;；/]{1,4}){0,2}\s*[、和及与]\s*$`)

// sumWords stand for the sum of the amounts listed before (合计50亿元).
var sumWords = map[string]bool{"合计": true, "共计": true, "总计": true, "累计": true}

// fundClause is a clause that is only a verb moving funds, after a scope
// word and adverbs (全市共投入, 累计筹集, 统筹下达). Group 1 is the verb.
var fundClause = rx.MustCompile(`^\s*(?:` + scopeWords + `)?(?:共|累计|五年|全年|当年|合计|共计|统筹|积极|再|新|又|已)*` +
	`(投入|筹集|筹措|下达|安排|拨付|争取|落实|兑现|整合|盘活|统筹|发放|拨|补助|奖补|奖励|支持|减免|减税降费)(?:资金)?(?:超|近|约|达|逾)?\s*$`)

// introduces ends a clause whose amount is followed by the thing it
// measures (设立0.5亿元人才发展专项, 发行1万亿元超长期特别国债).
var introduces = rx.MustCompile(`(?:设立|组建|发行|获|获得|撬动了?|带动|争取|新增|筹措|给予)(?:首笔|首批|一笔|一批)?\s*$`)

// nominalVerbs name the amount by themselves (减税降费219.8亿元).
var nominalVerbs = map[string]bool{"减免": true, "减税降费": true}

func (s *lineState) fallbackSubjects(first int) {
	x := s.x
	defer s.rangeSubjects(first)
	for i := first; i < len(x.facts); i++ {
		f := x.facts[i]
		if !f.hasValue || f.f.Kind != schema.FactMoney || f.line != s.l {
			continue
		}
		start := s.lastBound(f.pos)
		if i > first && x.facts[i-1].line == s.l && x.facts[i-1].f.End > start && x.facts[i-1].f.End <= f.pos {
			start = x.facts[i-1].f.End // 由14.8亿元调整为: after the amount before
		}
		clause := s.view[start:f.pos]
		if toClause.MatchString(clause) {
			// …由A调整为B: B is what A is (调整 is no subject)
			if p := s.movedFrom(i); p >= 0 {
				f.f.Subject, f.f.Entity = x.facts[p].f.Subject, x.facts[p].f.Entity
				continue
			}
		}
		if m := fundClause.FindStringSubmatch(clause); m != nil && arranged[m[1]] && (f.f.Subject == "" || f.f.Subject == m[1]) {
			// 安排24.8亿元，支持…重点项目建设: the verb alone names nothing;
			// what the funds go to names them
			if subj := s.supportedAfter(f.f.End); subj != "" {
				f.f.Subject, f.f.Entity = subj, ""
				continue
			}
			// 拨付1828.6万元城市更新资金用于…: the funds named after the amount
			if r, _ := utf8.DecodeRuneInString(s.view[f.f.End:]); unicode.Is(unicode.Han, r) {
				if subj := s.x.clean(s.followingName(f.f.End, true)); utf8.RuneCountInString(subj) >= 2 && namesFunds(subj) {
					f.f.Subject, f.f.Entity = subj, ""
					continue
				}
			}
		}
		if f.f.Entity == "" && balanceWords[f.f.Subject] {
			// 收支相抵，年终结余结转41.6亿元 (cut 年|终结|余|结转): a short
			// clause of a balance's time and kind, which the segmenter cut
			// into verbs, names the balance whole
			if name := s.clauseName(start, f.pos); name != f.f.Subject && strings.HasSuffix(name, f.f.Subject) &&
				utf8.RuneCountInString(name) <= maxBalanceClause && hasQualifier(name) {
				f.f.Subject = name
				continue
			}
		}
		if f.f.Subject != "" {
			continue
		}
		if p := s.listedAfter(i, first); p >= 0 {
			// 分别为62,520万元和64,400万元: the list's amounts are of one thing
			f.f.Subject, f.f.Entity = x.facts[p].f.Subject, x.facts[p].f.Entity
			continue
		}
		if subj := s.purposeAfter(f.f.End); subj != "" {
			// 其中：364544万元用于征地和拆迁补偿等支出: what it is for
			f.f.Subject = subj
			continue
		}
		if p := s.countBefore(i, first); p >= 0 {
			// 新增农业信贷担保项目1152个、16.3亿元: the amount of the count
			f.f.Subject, f.f.Entity = x.facts[p].f.Subject, x.facts[p].f.Entity
			continue
		}
		if toClause.MatchString(clause) {
			// 最低标准再提高20元，达到220元: the figure the clause before raised
			if subj := s.raisedBefore(start); subj != "" {
				f.f.Subject = subj
				continue
			}
		}
		if subj := s.reached(clause, start); subj != "" {
			// 一般公共预算收入于2023年重回百亿元规模: the figure that reached it
			f.f.Subject = subj
			continue
		}
		if subj := s.standardAfter(f.f.End); subj != "" {
			// 按照每人每月30元标准发放高龄津贴: the standard of the allowance
			f.f.Subject = subj
			continue
		}
		if subj := s.leadingName(clause, f.pos, first); subj != "" {
			// 一般公共预算收入约按3%递增，预计分别为62,520万元和64,400万元
			f.f.Subject = subj
			continue
		}
		if c := strings.TrimSpace(clause); sumWords[c] {
			f.f.Subject = c
			continue
		}
		if m := toEnd.FindStringSubmatchIndex(clause); m != nil {
			// X提高到每人每月103元: the amount is X's
			if subj, ent := s.fullSubject(start, start+m[2]); subj != "" {
				f.f.Subject, f.f.Entity = subj, ent
				continue
			}
		}
		if m := fromClause.FindStringSubmatchIndex(clause); m != nil {
			// X由A…: A is the X
			if subj, ent := s.fullSubject(start, start+m[2]); subj != "" {
				f.f.Subject, f.f.Entity = subj, ent
				continue
			}
		}
		if m := fundClause.FindStringSubmatch(clause); m != nil {
			verb := m[1]
			switch {
			case nominalVerbs[verb]:
				f.f.Subject = verb
			case s.titleSentence() != "":
				f.f.Subject = s.titleSentence()
			default:
				f.f.Subject = verb + "资金"
			}
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s.view[f.f.End:]); unicode.Is(unicode.Han, r) &&
			(introduces.MatchString(clause) || s.introducedBefore(i, first)) {
			// 设立0.5亿元人才发展专项、0.1亿元自然科学基金, 获5亿元中央
			// 资金支持: the thing after the amount
			if subj := s.x.clean(s.followingName(f.f.End, true)); utf8.RuneCountInString(subj) >= 2 {
				f.f.Subject = subj
				continue
			}
		}
		// 年终结转5.9亿元, 其中财力偿还6.68亿元: a short clause that the
		// segmenter cut into verbs names the amount as a whole
		if name := s.clauseName(start, f.pos); !ellipticCoreEmpty(name) {
			f.f.Subject = name
		} else if t := s.titleSentence(); t != "" {
			f.f.Subject = t // ——契税。完成303.05亿元
		} else if m := fundTail.FindStringSubmatch(clause); m != nil {
			// 漾濞6.4级地震累计投入25.67亿元: the funds put in
			f.f.Subject = m[1] + "资金"
		} else if m := reliefEnd.FindStringSubmatch(clause); m != nil {
			// 为全市企业减轻缴费负担17.3亿元: the burden taken off
			f.f.Subject = m[1]
		} else if subj := s.countedBefore(start); subj != "" {
			// 累计实现放款5.07万笔、448.6亿元: the amount of what was counted
			f.f.Subject = subj
		} else if subj := s.x.clean(s.followingName(f.f.End, true)); namesFunds(subj) {
			// 纳入预算管理的700万元培训费收入, 划转240万元办案费: the funds
			// written right after the amount
			f.f.Subject = subj
		}
	}
}

// namesFunds reports whether s, a noun phrase, names money: it ends in a
// fee, fund, income or spending word.
func namesFunds(s string) bool {
	if utf8.RuneCountInString(s) < 2 {
		return false
	}
	for _, h := range []string{"费", "资金", "经费", "基金", "收入", "支出", "补助", "补贴"} {
		if strings.HasSuffix(s, h) {
			return true
		}
	}
	return false
}

// fullSubject is the subject of the amount after view[a:b], or the whole
// clause when the walk back stops inside a name that the segmenter cut
// into verbs (农村特困供养标准 read as 标准, 全社会研发投入 as nothing).
func (s *lineState) fullSubject(a, b int) (subject, entity string) {
	subject, entity = s.subject(a, b)
	if name := s.clauseName(a, b); name != "" && strings.HasSuffix(name, subject) && entity == "" {
		return name, ""
	}
	return subject, entity
}

// clauseName is the text of view[a:b] as a subject when it is a short run
// of Han characters (after the list numbers, link words and a leading 用于
// or 其中 are dropped); "" otherwise.
func (s *lineState) clauseName(a, b int) string {
	t := strings.TrimSpace(s.view[a:b])
	for _, w := range linkWords {
		t = strings.TrimSuffix(t, w)
	}
	for _, w := range []string{"用于", "其中", "包括"} {
		t = strings.TrimPrefix(t, w)
	}
	t = s.x.clean(t)
	if n := utf8.RuneCountInString(t); n < 2 || n > 24 || notName.MatchString(t) {
		return ""
	}
	for _, r := range t {
		if !unicode.Is(unicode.Han, r) && !strings.ContainsRune("（）()“”、", r) {
			return ""
		}
	}
	return t
}

// notName opens or contains what a name does not: a preposition or a
// demonstrative before what the clause is about (由我局申请, 对企业), a reason
// (主要原因一是…).
var notName = rx.MustCompile(`^(?:由|从|为|对|向|按|经|将|在|是|因|该)|原因|由于`)

// ellipticCoreEmpty reports whether a name is empty or only the adverbs
// and verbs of a budget's course (实际完成, 调整为), which name no thing.
func ellipticCoreEmpty(name string) bool {
	return name == "" || ellipticCore(name) == ""
}

// listedAfter returns the fact before fact i when i follows it in one list
// of amounts (joined by 、 or 和) and it has a subject, or -1.
func (s *lineState) listedAfter(i, first int) int {
	if i <= first {
		return -1
	}
	p, f := s.x.facts[i-1], s.x.facts[i]
	if p.line != s.l || p.f.End > f.pos || p.f.Subject == "" || p.f.Kind != f.f.Kind || !listJoin.MatchString(s.view[p.f.End:f.pos]) {
		return -1
	}
	return i - 1
}

// sentenceStart is where the sentence holding view offset pos starts.
func (s *lineState) sentenceStart(pos int) int {
	i := strings.LastIndexAny(s.view[:pos], "。；;！？")
	if i < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s.view[i:])
	return i + n
}

// movedFrom returns the fact before fact i in the same sentence whose
// clause is a 由/从 clause (the amount a figure moves from), or -1.
func (s *lineState) movedFrom(i int) int {
	x := s.x
	if i == 0 {
		return -1
	}
	p := x.facts[i-1]
	f := x.facts[i]
	if p.line != f.line || p.f.Subject == "" || p.pos > f.pos || s.sentenceStart(f.pos) > p.pos {
		return -1
	}
	if !fromClause.MatchString(s.view[s.lastBound(p.pos):p.pos]) {
		return -1
	}
	return i - 1
}

// purposeAfter is the purpose written right after an amount (364544万元
// 用于征地和拆迁补偿等支出), up to the end of its clause; "" when the
// amount is not followed by 用于 or the purpose is not a short name.
func (s *lineState) purposeAfter(end int) string {
	rest, ok := strings.CutPrefix(strings.TrimLeft(s.view[end:], " "), "用于")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(rest, "，,。；;：:（("); i >= 0 {
		rest = rest[:i]
	}
	p := s.x.clean(rest)
	if n := utf8.RuneCountInString(p); n < 2 || n > maxTail {
		return ""
	}
	return p
}

// balanceWords end the name of what is left at a year's end (年终结余结转,
// 年末滚存结余).
var balanceWords = map[string]bool{"结余": true, "结转": true}

// maxBalanceClause is the longest clause, in characters, read as the name
// of a balance whose walk found only the bare word.
const maxBalanceClause = 8

// hasQualifier reports whether name opens with a word that says which
// figure of a balance it is (年终, 年末, 本年 …: qualifiers).
func hasQualifier(name string) bool {
	for _, q := range qualifiers {
		if strings.HasPrefix(name, q) {
			return true
		}
	}
	return false
}

// supportVerb opens the clause after an amount that says what the funds go
// to (安排24.8亿元，支持…建设; 安排2.6亿元支持保供稳价; 安排71.4亿元，按时偿还…;
// 安排1000万元落实…奖补政策):
// adverbs, then a verb of support that is no part of the thing supported.
// Verbs that name the work (偿还, 打造) stay. At least one word is required:
// a clause after the amount that opens otherwise is a sentence of its own.
var supportVerb = rx.MustCompile(`^\s*[，,]?\s*((?:深入|加快|积极|顺利|全力|持续|重点|大力|着力|按时|及时|进一步|继续|有力|有效)*` +
	`(?:推进|推动|支持|保障|助推|助力|确保|用于|落实)|(?:深入|加快|积极|顺利|全力|持续|重点|大力|着力|按时|及时|进一步|继续|有力|有效)+)`)

// exampleList opens a name with examples and their count before the kind
// (博雅、丁村等11个政府收储类项目, 129个城镇老旧小区改造项目): the kind is
// the name.
var exampleList = rx.MustCompile(`^(?:[^，,。；;：:]*等)?[0-9０-９]+(?:个|项|家|所|座|条|批)`)

// maxSupportBytes bounds the text after an amount read for what the funds
// go to: the verbs and a name of maxTail characters, in UTF-8.
const maxSupportBytes = 256

// supportedAfter is what the funds of the amount ending at view offset end
// go to, when the clause after it opens with a verb of support (see
// supportVerb), up to the end of that clause; "" when it does not, or the
// rest is no short name.
func (s *lineState) supportedAfter(end int) string {
	// a window, not the rest of the line: a long line has many amounts
	rest := s.view[end:min(len(s.view), end+maxSupportBytes)]
	m := supportVerb.FindStringIndex(rest)
	if m == nil {
		return ""
	}
	rest = rest[m[1]:]
	i := strings.IndexAny(rest, "，,。；;：:！？")
	if i < 0 {
		return "" // a clause longer than the window is no name
	}
	rest = rest[:i]
	if l := exampleList.FindStringIndex(rest); l != nil && l[1] < len(rest) {
		rest = rest[l[1]:]
	}
	if strings.ContainsFunc(rest, unicode.IsDigit) {
		return "" // 建设保障性租赁住房4894套, 6,199万元用于…: a sentence with figures of its own
	}
	p := s.x.clean(rest)
	if n := utf8.RuneCountInString(p); n < 2 || n > maxTail || !isHanWord(firstRune(p)) && !strings.HasPrefix(p, "“") {
		return ""
	}
	return p
}

// countBefore returns the count right before fact i in one list (项目1152个、
// 16.3亿元: the projects and their amount) when it has a subject, or -1.
func (s *lineState) countBefore(i, first int) int {
	if i <= first {
		return -1
	}
	p, f := s.x.facts[i-1], s.x.facts[i]
	if p.line != s.l || p.f.Kind != schema.FactCount || p.f.Subject == "" || p.f.End > f.pos || !listJoin.MatchString(s.view[p.f.End:f.pos]) {
		return -1
	}
	return i - 1
}

// clauseBefore returns the clause that ends where the clause at view
// offset start begins, and where it starts ("" at the start of the line).
func (s *lineState) clauseBefore(start int) (int, string) {
	if start == 0 {
		return 0, ""
	}
	ps := s.lastBound(start - 1)
	return ps, s.view[ps:start]
}

// raiseVerb raises a figure by the amount after it (再提高20元); the
// adverbs before it are not part of the figure's name.
var raiseVerb = rx.MustCompile(`(?:再|又|进一步|分别|均|各|统一)*(?:提高|增加|上调|提升)`)

// raisedBefore is the figure the clause before view offset start raises
// (最低标准再提高20元，达到220元: the 最低标准), or "".
func (s *lineState) raisedBefore(start int) string {
	ps, c := s.clauseBefore(start)
	m := raiseVerb.FindStringIndex(c)
	if m == nil {
		return ""
	}
	subj, _ := s.fullSubject(ps, ps+m[0])
	return subj
}

// listVerb is a clause that only lists amounts (预计分别为, 均为).
var listVerb = rx.MustCompile(`^\s*(?:预计|预期|初步|约)?(?:分别|均|各)(?:为|是|达到|达)?\s*$`)

// leadingName is, for an amount whose clause only lists amounts, the noun
// phrase that opens its sentence (一般公共预算收入约按3%递增，预计分别为…);
// a bare head (支出约按2%递增) takes the thing of the amount before it
// in the line. "" otherwise.
func (s *lineState) leadingName(clause string, pos, first int) string {
	if !listVerb.MatchString(clause) || s.toks == nil {
		return ""
	}
	ss := s.sentenceStart(pos)
	k := sort.Search(len(s.toks), func(i int) bool { return s.toks[i].Start >= ss })
	end := ss
	for ; k < len(s.toks) && s.toks[k].Start < pos; k++ {
		t := s.toks[k]
		if end == ss && (isSpace(t.Text) || t.POS == "m" || t.POS == "t" || t.POS == "q" || t.Text == "和" || t.Text == "至") {
			ss = t.End // 2027年和2028年一般公共预算收入: the years before the name
			end = ss
			continue
		}
		if !(keepPOS[t.POS] || budgetVerbs[t.Text]) || t.POS == "x" {
			break
		}
		end = t.End
	}
	name := s.x.clean(s.view[ss:end])
	if name == "" || !bareHeads[name] {
		return name
	}
	for j := len(s.x.facts) - 1; j >= first; j-- {
		if p := s.x.facts[j]; p.line == s.l && p.pos < ss {
			if t := headOf(p.f.Subject); t != "" {
				return stem(p.f.Subject) + name
			}
		}
	}
	return name
}

// introducedBefore reports whether fact i follows, in one list or range,
// an amount named by the thing after it (设立0.5亿元人才发展专项资金、0.1亿元
// 自然科学基金, 给予30万—1000万元奖补资金).
func (s *lineState) introducedBefore(i, first int) bool {
	if i <= first {
		return false
	}
	p, f := s.x.facts[i-1], s.x.facts[i]
	if p.line != s.l || p.f.End > f.pos || !introduces.MatchString(s.view[s.lastBound(p.pos):p.pos]) {
		return false
	}
	// what stands between: the thing named after p, then the join
	// (…专项资金、), or only the mark of a range (30万—1000万元)
	between := strings.TrimLeftFunc(s.view[p.f.End:f.pos], func(r rune) bool { return unicode.Is(unicode.Han, r) })
	return listJoin.MatchString(between) || rangeMark.MatchString(between)
}

// fundTail ends a clause with a verb that puts funds in (累计投入, 获奖补):
// the amount after it is the funds.
var fundTail = rx.MustCompile(`(投入|筹集|筹措|下达|拨付|统筹|奖补|补助|奖励)(?:资金)?(?:超|近|约|达|逾)?\s*$`)

// rangeMark joins the two ends of a range of amounts (30万—1000万元).
var rangeMark = rx.MustCompile(`^\s*[—－\-~～至到]\s*$`)

// rangeSubjects gives the low end of a range the subject of its high end
// (给予30万—1000万元奖补资金).
func (s *lineState) rangeSubjects(first int) {
	x := s.x
	for i := len(x.facts) - 2; i >= first; i-- {
		f, n := x.facts[i], x.facts[i+1]
		if f.f.Subject == "" && f.hasValue && f.line == s.l && n.line == s.l && n.f.Subject != "" && f.f.End <= n.pos && rangeMark.MatchString(s.view[f.f.End:n.pos]) {
			f.f.Subject = n.f.Subject
		}
	}
}

// reachVerb ends a clause whose figure reaches the amount after it
// (收入于2023年重回百亿元, 规模突破1000亿元); the time before the verb is
// not part of the figure.
var reachVerb = rx.MustCompile(`(?:(?:于|在)?(?:\d{4}年(?:末|底|初)?|当年|全年))?(?:首次|再次|已)?(?:突破|重回|迈上|跨越|站上|超过)\s*$`)

// reached is the figure a clause says reached the amount after it, or "".
func (s *lineState) reached(clause string, start int) string {
	m := reachVerb.FindStringIndex(clause)
	if m == nil || m[0] == 0 {
		return ""
	}
	subj, _ := s.fullSubject(start, start+m[0])
	return subj
}

// standardVerbs hand out what a standard is for (按每人每月30元标准发放高龄津贴).
var standardVerbs = []string{"发放", "给予", "补助", "补贴", "安排"}

// standardAfter names an amount that is a standard, written before the
// word 标准: the standard of what the verb after it hands out
// (高龄津贴标准), or 标准 alone; "" when 标准 does not follow the amount.
func (s *lineState) standardAfter(end int) string {
	rest, ok := strings.CutPrefix(strings.TrimLeft(s.view[end:], " "), "标准")
	if !ok {
		return ""
	}
	at := len(s.view) - len(rest)
	for _, v := range standardVerbs {
		if strings.HasPrefix(rest, v) {
			if what := s.x.clean(s.following(at + len(v))); what != "" {
				return what + "标准"
			}
		}
	}
	return "标准"
}

// reliefEnd ends a clause that takes a burden or a cost off someone
// (减轻缴费负担, 降低融资成本); group 1 is what is taken off.
var reliefEnd = rx.MustCompile(`(?:减轻|降低|减少|节约)(\p{Han}{0,8}?(?:负担|成本))\s*$`)

// countedList is a list item counted with a measure word that is no fact
// of its own (放款5.07万笔、); group 1 is what is counted.
var countedList = rx.MustCompile(`^(?:累计|共|全年)?(?:实现|完成|发放|办理)?(\p{Han}{2,12}?)\s*[\d.]+\s*[万亿]?\s*[` + measureWords + `]\s*[、和及]\s*$`)

// countedBefore is, for an amount listed after a count of the same thing
// (放款5.07万笔、448.6亿元), what the count counts; "".
func (s *lineState) countedBefore(start int) string {
	_, c := s.clauseBefore(start)
	m := countedList.FindStringSubmatch(c)
	if m == nil {
		return ""
	}
	return s.x.clean(m[1])
}
