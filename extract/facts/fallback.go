package facts

import (
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
var toClause = rx.MustCompile(`^\s*(?:/[^\s，,。;；/]{1,4})?\s*` + toVerb + `(?:[^，,。;；]{0,12}的)?\s*$`)

// toVerb moves a figure to the amount after it (提高至, 调整为, 提高到每人每月).
const toVerb = `(?:分别)?(?:(?:提高|增长|增加|上升|下降|减少|降低|调整|压减|扩大|增|降|减|升)(?:至|到|为)|变为|达到)` +
	`(?:每人每月|每人每年|每生每年|每人|每月|每年|人均)?(?:不低于|不少于|不超过)?`

// toEnd is a clause that names a figure before the verb moving it to the
// amount (城乡居民基础养老金最低标准提高到每人每月103元). Group 1 is the verb.
var toEnd = rx.MustCompile(`(` + toVerb + `)\s*$`)

// listJoin is the clause between two amounts of one list (A亿元和B亿元,
// 分别达到A、B、C).
var listJoin = rx.MustCompile(`^\s*(?:/[^\s，,。;；/]{1,4})?\s*[、和及与]\s*$`)

// sumWords stand for the sum of the amounts listed before (合计50亿元).
var sumWords = map[string]bool{"合计": true, "共计": true, "总计": true, "累计": true}

// fundClause is a clause that is only a verb moving funds, after a scope
// word and adverbs (全市共投入, 累计筹集, 统筹下达). Group 1 is the verb.
var fundClause = rx.MustCompile(`^\s*(?:` + scopeWords + `)?(?:共|累计|五年|全年|当年|合计|共计|统筹|积极|再|新|又|已)*` +
	`(投入|筹集|筹措|下达|安排|拨付|争取|落实|兑现|整合|盘活|统筹|发放|拨|补助|奖补|奖励|支持|减免|减税降费)(?:资金)?(?:超|近|约|达|逾)?\s*$`)

// introduces ends a clause whose amount is followed by the thing it
// measures (设立0.5亿元人才发展专项, 发行1万亿元超长期特别国债).
var introduces = rx.MustCompile(`(?:设立|组建|发行|获|获得|撬动了?|带动|争取|新增|筹措)\s*$`)

// nominalVerbs name the amount by themselves (减税降费219.8亿元).
var nominalVerbs = map[string]bool{"减免": true, "减税降费": true}

func (s *lineState) fallbackSubjects(first int) {
	x := s.x
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
		if f.f.Subject != "" {
			continue
		}
		if p := s.listedAfter(i, first); p >= 0 {
			// 分别为62,520万元和64,400万元: the list's amounts are of one thing
			f.f.Subject, f.f.Entity = x.facts[p].f.Subject, x.facts[p].f.Entity
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
		if r, _ := utf8.DecodeRuneInString(s.view[f.f.End:]); unicode.Is(unicode.Han, r) && introduces.MatchString(clause) {
			// 设立0.5亿元人才发展专项, 获5亿元中央资金支持: the thing
			// after the amount
			if subj := s.x.clean(s.following(f.f.End)); utf8.RuneCountInString(subj) >= 2 {
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
		}
	}
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
		if !unicode.Is(unicode.Han, r) && !strings.ContainsRune("（）()“”", r) {
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
