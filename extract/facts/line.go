package facts

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/internal/rx"

	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/nlp/quantity"
	"github.com/budgetdoc/budgetdoc/nlp/segment"
	"github.com/budgetdoc/budgetdoc/schema"
)

// lineState is the reading state within one logical line.
type lineState struct {
	x      *extractor
	l      *normalize.Line
	view   string
	sec    string
	toks   []segment.Token
	bounds []bound

	sentStart int     // view offset where the current sentence starts
	prevEnd   int     // end of the previous amount
	stack     []scope // open breakdowns, innermost last
	cur       int     // fact whose change is being read in this clause run
	lineFacts []int
	// reasonEnd is where the stated reason being read ends (0 when none):
	// the amounts inside it are the reason's own changes. reasonStart is
	// where its text begins, reasonFirst the first fact made inside it,
	// reasonOwner the fact it explains (-1 if the reason text is not its
	// own, e.g. a cause already stated).
	reasonEnd, reasonStart, reasonFirst, reasonOwner int

	split []string // subjects listed before 分别为, assigned in order
	// heading is the title of the heading line above when this line is an
	// amount alone (六、年度预算安排 / 795万元).
	heading string
	// tail is the last clause of the line above when it stops mid-sentence
	// (see openTail).
	tail string
	// pendingReason is the fact whose reason marker ends the line.
	pendingReason int
	// enumHead is the amount an enumeration (…318.5亿元。一是…；二是…)
	// divides, -1 when none is open; enumOpen is set from an item's marker
	// to its first amount, the part.
	enumHead int
	enumOpen bool
	// listClosed is where a list of parts closed by 等 (…12亿元等，) or
	// by a bracket ends, -1 when none: the open breakdowns go back to
	// listDepth after it.
	listClosed, listDepth int

	// Indexes over bounds made on first use (see lastNonComma, clauseEnd,
	// lastSentence).
	nonComma, nextSentence, prevSentence []int
	// brackets maps the offset of each opening bracket to that of its
	// closing one (-1 when unclosed), made on first use; brOpen are the
	// brackets open at brScan, the offset scanned to (see closingBracket).
	// item is the scope of a carried list item's line (1、… under a
	// total's 其中：), which holds over the item's sentences without an
	// amount.
	item     []scope
	brackets map[int]int
	brOpen   []int
	brScan   int
}

// lastBound returns the end of the last clause boundary before pos (0 if
// none). The bounds are in order, so this is a binary search: a line of
// megabytes has hundreds of thousands of them, and a scan per amount made
// the facts quadratic in the line's length.
func (s *lineState) lastBound(pos int) int {
	i := s.boundsBefore(pos)
	if i == 0 {
		return 0
	}
	return s.bounds[i-1].end
}

// boundsBefore returns how many bounds end at or before pos.
func (s *lineState) boundsBefore(pos int) int {
	return sort.Search(len(s.bounds), func(i int) bool { return s.bounds[i].end > pos })
}

func (s *lineState) newFact(kind string, pos int) *fact {
	f := &fact{line: s.l, parent: -1, pos: pos}
	f.f.Kind = kind
	f.f.Section = s.sec
	f.f.Loc = s.l.Loc(s.l.OrigOffset(pos))
	f.f.Page, f.f.Item, f.f.Line, f.f.Start, f.f.End = s.x.page, s.x.item, s.l, pos, pos
	if len(s.stack) > 0 {
		f.parent = s.stack[len(s.stack)-1].parent
		f.f.Dimension = s.stack[len(s.stack)-1].dim
	}
	s.x.facts = append(s.x.facts, f)
	s.lineFacts = append(s.lineFacts, len(s.x.facts)-1)
	if s.enumOpen {
		// the item's other amounts are its own, not parts of the head
		s.enumOpen, s.stack = false, nil
	}
	return f
}

func (s *lineState) quantity(q *quantity.Quantity) {
	// 公共安全支出（204类）司法（06款）: classification codes, part of the name
	if q.Kind == quantity.Count && (q.Unit == "类" || q.Unit == "款" || q.Unit == "项") {
		if pre := strings.TrimRight(s.view[:q.Start], " "); strings.HasSuffix(pre, "(") || strings.HasSuffix(pre, "（") {
			return
		}
	}
	if q.Start < s.prevEnd {
		return // inside a clause already read (与上年持平 around a number)
	}
	if s.listClosed >= 0 && q.Start > s.listClosed {
		s.listClosed = -1
		if len(s.stack) > s.listDepth {
			s.stack = s.stack[:s.listDepth]
		}
	}
	clause := max(s.lastBound(q.Start), s.prevEnd)
	if clause == s.prevEnd && clause > s.lastBound(q.Start) && s.namedAside(s.lastBound(q.Start), clause, q.Start) {
		clause = s.lastBound(q.Start) // 工会经费（60%部分）787.58万元: the share is in the name
	}
	pre := s.view[clause:q.Start]
	defer func() { s.prevEnd = q.End }()

	saving := false
	if s.flatZero(q, s.view[s.lastBound(q.Start):q.Start]) {
		return
	}
	if q.Kind == quantity.Number {
		// a bare number read only as a change's percent left out
		if dir, word := trailingDirection(pre); dir != "" {
			s.change(q, dir, word)
		}
		return
	}
	if dir, word := trailingDirection(pre); dir != "" {
		if saving = word == "节约" && q.Kind == quantity.Money && !comparedWith.MatchString(pre); !saving {
			s.change(q, dir, word)
			return
		}
	}
	if m := comparedTo.FindStringSubmatchIndex(pre); m != nil {
		if base := strings.TrimSpace(s.l.OrigSpan(clause+m[4], clause+m[5])); periodBase(base) {
			dir := dirUp
			if strings.ContainsAny(pre[m[2]:m[3]], "小少低") {
				dir = dirDown
			}
			s.comparison(q, dir, base, clause+m[0])
			return
		}
	}
	if q.Kind != quantity.Money && q.Kind != quantity.Count {
		return // a share (占20.4%) or a completion rate, not a change
	}
	if s.verbChange(q, clause, clauseVerbObject) {
		return
	}
	if statedPrior.MatchString(pre) {
		if t := s.target(); t >= 0 && s.x.facts[t].prior == nil {
			v := q.Value
			s.x.facts[t].prior = &v
			return
		}
	}
	if q.Kind == quantity.Count && yearLike.MatchString(q.Text) {
		return
	}
	kind := schema.FactMoney
	unit := "CNY"
	if q.Kind == quantity.Count {
		kind, unit = schema.FactCount, q.Unit
	} else if q.Unit != "" {
		unit = q.Unit
	}
	f := s.newFact(kind, q.Start)
	f.f.Unit = unit
	f.f.Text = s.l.OrigSpan(q.Start, q.End)
	f.f.Approx = q.Approx
	f.value, f.hasValue, f.amount = q.Value, true, q
	f.f.End = q.End
	bound := boundBefore.FindStringSubmatchIndex(window(s.view, q.End))
	if bound != nil && kind == schema.FactMoney {
		// 单价50万元以上通用设备: a bound on the things named after it, no
		// amount of theirs and no part of a breakdown
		f.parent, f.f.Dimension = -1, ""
	}
	if p := f.parent; p >= 0 && s.x.facts[p].hasValue && (s.x.facts[p].f.Kind != kind || s.x.facts[p].f.Unit != unit) {
		// 平均得分99.43分（其中，评级为“优”的项目4个…）: a part is
		// counted in its total's measure
		f.parent, f.f.Dimension = -1, ""
	}
	if f.parent >= 0 && closedList.MatchString(window(s.view, q.End)) {
		// 包括A7.8亿元、…、其他收入12亿元等，B58.5亿元: 等 closes the list
		s.closeList(q.End)
	}
	if f.parent >= 0 && rateBase.MatchString(window(s.view, q.End)) {
		// 其中，A收入10.75亿元，完成年初预算9.27亿元的115.97%: the budget
		// the part is measured against is no part of the total
		f.parent, f.f.Dimension = -1, ""
	}
	if f.parent >= 0 && s.otherYearReading(f, pre) {
		// “…”2026年度预算50万元，2025年度预算77.59万元: the item's figure
		// of another year, no part of this year's total
		f.parent, f.f.Dimension = -1, ""
	}
	from := clause
	if strings.HasSuffix(strings.TrimSpace(pre), "等") || kemuMarker.MatchString(pre) && strings.Contains(pre, "等") {
		// a list closed by 等 spans its 、, also inside a 科目 name
		// (公诉、审判、侦查、执行等检察监督支出(项))
		from = max(s.lastBoundNoComma(q.Start), s.prevEnd)
	}
	f.f.Subject, f.f.Entity = s.subject(from, q.Start)
	if len(s.split) > 0 {
		if f.f.Subject == "" {
			f.f.Subject = s.split[0]
		}
		s.split = s.split[1:]
	}
	if f.f.Subject == "" && q.Kind == quantity.Count {
		f.f.Subject = s.following(q.End)
	}
	if f.f.Subject == "" && bound != nil && kind == schema.FactMoney {
		// 申请400.00万元以上基本建设项目: what the bound is of
		f.f.Subject = s.following(q.End + bound[2])
	}
	if f.f.Subject == "" {
		f.f.Subject = s.heading
	}
	if (f.f.Subject == "" || bareHeads[f.f.Subject]) && s.tail != "" {
		// …投入卫生健康资金 / 39.79亿元, ——金融、商业服务业等事务支 / 出3.47亿元:
		// the line above stopped mid-sentence and the amount opens this one
		if pre := strings.TrimSpace(s.view[:q.Start]); pre == "" || utf8.RuneCountInString(pre) <= maxFragment && isHanWord(pre) {
			f.f.Subject, f.f.Entity = s.x.phraseSubject(s.tail + pre)
		}
	}
	if genericSubjects[f.f.Subject] {
		// 1.住房公积金(项):支出 1,073.77万元: the 科目 before the colon
		if item := s.itemBeforeColon(clause); item != "" {
			f.f.Subject = item + f.f.Subject
		}
	}
	if f.f.Subject == "" && len(s.lineFacts) > 1 {
		// 在建工程1项12277.73万元: the amount of the count just before it
		prev := s.x.facts[s.lineFacts[len(s.lineFacts)-2]]
		if prev.f.Kind == schema.FactCount && prev.pos < q.Start && clause == s.prevEnd && strings.TrimSpace(s.view[clause:q.Start]) == "" {
			f.f.Subject = prev.f.Subject
		}
	}
	if saving && (f.f.Subject == "" || f.f.Subject == "节约") {
		// 批复预算评审项目58个，节约5.4亿元: what the count's work saved
		if n := len(s.lineFacts); n > 1 && s.x.facts[s.lineFacts[n-2]].f.Kind == schema.FactCount && s.x.facts[s.lineFacts[n-2]].f.Subject != "" {
			f.f.Subject = s.x.facts[s.lineFacts[n-2]].f.Subject + "节约"
		} else {
			f.f.Subject = "节约资金"
		}
	}
	s.cur = len(s.x.facts) - 1
}

// boundBefore is the text after an amount that makes it a bound on a
// noun, written right after (以上通用设备, （含）以上的设备, 及以下的财务竣工
// 决算审计): the size of the things named, not an amount of money of its
// own. An amount that ends its clause with 以上 (融资288.6亿元以上，) is an
// amount, approximate. Group 1 is empty, where the noun begins.
var boundBefore = rx.MustCompile(`^\s*(?:[（(]含[)）])?\s*及?以[上下内]的?()[\p{Han}“]`)

// otherYearReading reports whether f, a part, restates the figure of the
// part before it of the same total on the line in the same phase for another
// year: both clauses name a year and the same phase word (2026年度预算…，
// 2025年度预算…), in one sentence. Parts by year without a phase word
// (2024年发行…，2025年发行…) stay parts.
func (s *lineState) otherYearReading(f *fact, pre string) bool {
	ph := phaseBefore(f)
	year := yearLike.FindString(pre)
	if ph == "" || year == "" {
		return false
	}
	for k := len(s.lineFacts) - 2; k >= 0; k-- {
		e := s.x.facts[s.lineFacts[k]]
		if e.pos < s.sentStart {
			break
		}
		if e.parent != f.parent || !e.hasValue || phaseBefore(e) != ph {
			continue
		}
		// the nearest such reading decides
		y := yearLike.FindString(s.view[s.lastBound(e.pos):e.pos])
		return y != "" && y != year
	}
	return false
}

// namedAside reports whether the quantity read last, ending at prevEnd, sat
// in a bracket that qualifies a name and closes right before the amount at
// pos (工会经费（60%部分）787.58万元): the bracket is part of the amount's
// name, not a clause of its own. A bracket right after an amount (收入100万元
// （增长5%）) is a remark on that amount.
func (s *lineState) namedAside(from, prevEnd, pos int) bool {
	between := strings.TrimSpace(s.view[prevEnd:pos])
	c := strings.LastIndexAny(between, ")）")
	if c < 0 || strings.TrimSpace(between[c+runeLen(between[c:]):]) != "" || strings.ContainsAny(between[:c], "(（") {
		return false
	}
	o := strings.LastIndexAny(s.view[from:prevEnd], "(（")
	if o < 0 {
		return false
	}
	name := strings.TrimRight(s.view[from:from+o], " ")
	r, _ := utf8.DecodeLastRuneInString(name)
	if !unicode.Is(unicode.Han, r) {
		return false
	}
	// the facts are in order: walk back only to the bracket
	for k := len(s.lineFacts) - 1; k >= 0 && s.x.facts[s.lineFacts[k]].f.End >= from+len(name); k-- {
		if s.x.facts[s.lineFacts[k]].f.End == from+len(name) {
			return false // the bracket follows an amount of the line
		}
	}
	return true
}

// comparedWith opens the comparison a change is measured against (比上年,
// 较年初预算, 同比, 与…相比); 节约 without one is a saving, an amount of its
// own, not a change over time.
var comparedWith = rx.MustCompile(`比|较|与|同口径|可比口径`)

// flatZero reads a zero amount written after the words of a flat change
// (与2024年预算一致0万元) as that change's amount: no difference, not an
// amount of its own. It reports whether q was taken.
func (s *lineState) flatZero(q *quantity.Quantity, pre string) bool {
	if q.Kind != quantity.Money || !q.Value.IsZero() || s.cur < 0 || !flatEnd.MatchString(pre) {
		return false
	}
	f := s.x.facts[s.cur]
	if f.change == nil || f.change.Direction != dirFlat || f.line != s.l {
		return false
	}
	zero := q.Value
	f.changeVal, f.changeQ[0], f.changeEnd = &zero, q, q.End
	return true
}

// flatEnd ends the text before an amount with the words of a flat change.
var flatEnd = rx.MustCompile(`(?:` + flatWords + `)\s*$`)

// percentLeftOut reads a bare decimal after a change word as the percent
// of a change whose amount the sentence has just given, the % left out
// (增加1193.20万元，增长 13.95。 — 减少 100 万元，减少 9.52，): a number with
// decimals, nothing after it but the clause's end, and the current fact's
// change in the same direction with an amount and no percent yet. It
// returns q as a percentage, or nil.
func (s *lineState) percentLeftOut(q *quantity.Quantity, dir string) *quantity.Quantity {
	if s.cur < 0 || !strings.Contains(s.view[q.Start:q.End], ".") || strings.Contains(s.view[q.Start:q.End], ",") {
		return nil
	}
	if rest := strings.TrimLeft(s.view[q.End:], " "); rest != "" && !strings.ContainsRune("，。；,;", []rune(rest)[0]) {
		return nil
	}
	f := s.x.facts[s.cur]
	if f.change == nil || f.changeVal == nil || f.change.Percent != "" || f.change.Direction != dir || f.line != s.l || f.changeEnd < s.sentStart {
		return nil
	}
	p := *q
	p.Kind = quantity.Percent
	return &p
}

// change reads a change amount, percentage or points (q) whose direction
// word was just before it.
func (s *lineState) change(q *quantity.Quantity, dir, word string) {
	if q.Kind == quantity.Number {
		if q = s.percentLeftOut(q, dir); q == nil {
			return
		}
	}
	if wend := strings.LastIndex(s.view[:q.Start], word) + len(word); q.Kind == quantity.PercentPoint && rateWord.MatchString(s.view[min(s.lastBound(q.Start), wend):wend]) {
		// 拉低全市收入增幅9.2个百分点, 增幅提高1.5个百分点: the growth
		// rate changes, not an amount
		return
	}
	inReason := q.Start < s.reasonEnd
	// the direction word's position
	wpos := strings.LastIndex(s.view[:q.Start], word)
	winStart := min(max(s.sentStart, s.prevEnd), wpos)
	if inReason {
		winStart = min(max(winStart, s.reasonStart), wpos)
	}
	base, trig := "", -1
	if ms := changeTrigger.FindAllStringSubmatchIndex(s.view[winStart:wpos+len(word)], -1); len(ms) > 0 {
		m := ms[len(ms)-1]
		trig = winStart + m[0]
		switch {
		case m[2] >= 0:
			base = s.l.OrigSpan(winStart+m[2], winStart+m[3])
		case m[4] >= 0:
			base = s.l.OrigSpan(winStart+m[4], winStart+m[5])
		default:
			base = "上年"
		}
	}
	if !periodBase(base) {
		return // 决算数比预算数减少…: budget against actual, not a change over time
	}
	start := trig
	if start < 0 {
		start = wpos
	}
	own := max(s.lastBound(start), s.prevEnd)
	if inReason {
		own = max(own, s.reasonStart)
	}
	// within a reason only the facts made inside it are targets
	eligible := func(i int) bool { return i >= 0 && (!inReason || i >= s.reasonFirst) }
	var t int = -1
	if own < start {
		end := start
		if inReason {
			// 其余会议费按照规定压减10%: what changes is before the adverbs
			if m := trailingAdverbial.FindStringIndex(s.view[own:start]); m != nil && m[0] > 0 {
				end = own + m[0]
			}
		}
		subj, ent := s.subject(own, end)
		if inReason {
			subj = trimChangeSubject(subj)
		}
		if newThisYear.MatchString(s.view[own:end]) {
			subj = "" // 教育支出80亿元，今年新增10亿元: the amount just stated grew
		}
		if c := s.target(); subj != "" && eligible(c) && s.slotFree(c, q, dir) && sameThing(subj, s.x.facts[c].f.Subject) {
			subj = "" // 与2023年度相比，一般公共预算财政拨款支出减少…: the fact just stated
		}
		if subj != "" {
			f := s.newFact(kindOf(q), start)
			f.f.Subject, f.f.Entity = subj, ent
			f.f.Text = strings.TrimSpace(s.l.OrigSpan(own, q.End))
			t = len(s.x.facts) - 1
		}
	}
	if t < 0 {
		if eligible(s.cur) && s.slotFree(s.cur, q, dir) {
			t = s.cur
		} else if c := s.target(); eligible(c) && s.slotFree(c, q, dir) {
			t = c
		} else if !inReason && len(s.lineFacts) == 0 && s.x.prevLast >= 0 && s.slotFree(s.x.prevLast, q, dir) {
			t = s.x.prevLast
		} else if !inReason && q.Kind != quantity.Money && q.Kind != quantity.Count {
			return // 比重提高2.5个百分点: a change of a share, not of an amount
		} else {
			f := s.newFact(kindOf(q), start)
			f.f.Text = strings.TrimSpace(s.l.OrigSpan(start, q.End))
			if inReason {
				// 增减相抵后增加125.62万元: the change the reason explains
				if s.reasonOwner >= 0 {
					f.f.Subject = s.x.facts[s.reasonOwner].f.Subject
				}
			} else if c := s.target(); c >= 0 && c != len(s.x.facts)-1 {
				f.f.Subject = s.x.facts[c].f.Subject
			}
			t = len(s.x.facts) - 1
		}
	}
	s.setChange(t, q, dir, base, start)
}

// itemBeforeColon returns the 科目 item that ends, with its level marker,
// right before a colon at clause (住房公积金(项):), or "".
func (s *lineState) itemBeforeColon(clause int) string {
	pre := strings.TrimRight(s.view[:clause], " ")
	colon := strings.TrimSuffix(strings.TrimSuffix(pre, ":"), "：")
	if colon == pre || !classMarker.MatchString(strings.TrimRight(colon, " ")) {
		return ""
	}
	return s.x.clean(s.l.OrigSpan(s.lastBound(len(colon)), len(colon)))
}

var classMarker = rx.MustCompile(`[(（][类款项][)）]$`)

// comparedTo is a change written as a comparison of this year's figure
// with a figure of another period: 本年数小于上年预算数40.05万元. Group 1 is
// the comparison, group 2 the base.
var comparedTo = rx.MustCompile(`(?:本年度?|今年|当年)?(?:预算)?数?(小于|少于|低于|大于|多于|高于)((?:上年|上一年度|去年|[0-9]{4}\s*年)[^\s，,。；;：:、]{0,8}?)的?\s*$`)

// comparison records q as the change (direction dir, against base) of the
// amount the sentence is about: the fact just read, or the last one before
// the line; a comparison with nothing before it is a change-only mention.
func (s *lineState) comparison(q *quantity.Quantity, dir, base string, start int) {
	t := -1
	switch {
	case s.slotFree(s.cur, q, dir):
		t = s.cur
	case s.slotFree(s.target(), q, dir):
		t = s.target()
	case len(s.lineFacts) == 0 && s.slotFree(s.x.prevLast, q, dir):
		t = s.x.prevLast
	default:
		f := s.newFact(kindOf(q), start)
		f.f.Text = strings.TrimSpace(s.l.OrigSpan(start, q.End))
		t = len(s.x.facts) - 1
	}
	s.setChange(t, q, dir, base, start)
}

// periodBase reports whether a comparison base names another period
// (上年, 2024年预算, 上年同期, 上一年度) rather than another figure of the same
// year (预算数, 年初预算, 全年预算数). An unknown base ("") is accepted.
func periodBase(base string) bool {
	if base == "" || periodWord.MatchString(base) {
		return true
	}
	b := strings.NewReplacer("年初", "", "全年", "", "年中", "", "年末", "").Replace(base)
	return strings.Contains(b, "年")
}

var periodWord = rx.MustCompile(`上|去年|前年|同期|[0-9]{2,4}`)

// setChange records q (direction dir, against base) as part of the change
// of fact t, whose change clause starts at start.
func (s *lineState) setChange(t int, q *quantity.Quantity, dir, base string, start int) {
	f := s.x.facts[t]
	if f.change == nil {
		f.change = &schema.Change{Direction: dir, Base: strings.TrimSpace(base)}
		f.line = s.l
		f.changeStart = start
	} else if f.change.Base == "" {
		f.change.Base = strings.TrimSpace(base)
	}
	f.changeEnd = q.End
	v := q.Value
	if dir == dirDown && v.Sign() > 0 {
		v = v.Neg()
	}
	switch q.Kind {
	case quantity.Money, quantity.Count:
		f.changeVal = &v
		f.changeQ[0] = q
	case quantity.Percent:
		f.change.Percent = v.String()
		f.changeQ[1] = q
	case quantity.PercentPoint:
		f.change.Points = v.String()
		f.changeQ[2] = q
	}
	s.cur = t
}

// reasonQuantity reads an amount inside a stated reason: a change of its
// own (运转类项目经费统一压减10%, 增加外事经费200万元, 增减相抵后增加
// 125.62万元), or a plain amount. A plain amount that opens a clause with
// a subject of its own starts a new statement: the reason ended before it
// (主要是因为严格执行规定,严控290.5万元，比上年减少26.7万元).
func (s *lineState) reasonQuantity(q *quantity.Quantity) {
	if q.Start < s.prevEnd {
		return
	}
	clause := max(s.lastBound(q.Start), s.prevEnd, s.reasonStart)
	pre := s.view[clause:q.Start]
	if dir, word := trailingDirection(pre); dir != "" {
		s.change(q, dir, word)
		s.prevEnd = q.End
		return
	}
	if q.Kind == quantity.Money || q.Kind == quantity.Count || q.Kind == quantity.Percent {
		if s.verbChange(q, clause, verbObject) || s.verbChange(q, clause, baseVerbObject) {
			s.prevEnd = q.End
			return
		}
	}
	if q.Kind != quantity.Money && q.Kind != quantity.Count {
		return
	}
	if o := s.reasonOwner; o >= 0 && clause > s.reasonStart {
		if subj, _ := s.subject(clause, q.Start); subj != "" {
			if text := strings.TrimRight(strings.TrimSpace(s.l.OrigSpan(s.reasonStart, clause)), "，,；;、：: "); text != "" {
				s.x.facts[o].f.Reason = text
				s.reasonEnd = 0
			}
		}
	}
	n := len(s.x.facts)
	s.quantity(q)
	for _, f := range s.x.facts[n:] {
		f.inReason = true
	}
}

// verbChange reads the amount q as a change written verb first (增加综合
// 管理费209万元, 较上年减少部门支出1,653万元) when the clause before it, from
// clause, matches re (named groups verb, what and optionally base). It
// makes a change-only fact and reports whether it did.
func (s *lineState) verbChange(q *quantity.Quantity, clause int, re *rx.Regexp) bool {
	pre := s.view[clause:q.Start]
	m := re.FindStringSubmatchIndex(pre)
	if m == nil {
		return false
	}
	verb, what, b := 2*re.SubexpIndex("verb"), 2*re.SubexpIndex("what"), 2*re.SubexpIndex("base")
	raw := s.l.OrigSpan(clause+m[what], clause+m[what+1])
	subj := trimChangeSubject(s.x.clean(raw))
	if subj == "" {
		return false
	}
	if genericSubjects[subj] {
		subj = strings.TrimSpace(raw) // 部门支出, not 支出
	}
	base := ""
	start := clause + m[verb]
	if b >= 0 {
		base = strings.TrimSpace(s.l.OrigSpan(clause+m[b], clause+m[b+1]))
		start = clause + m[0] // the comparison opens the change
	}
	dir := dirUp
	if strings.ContainsAny(pre[m[verb]:m[verb+1]], "减压削") {
		dir = dirDown
	}
	f := s.newFact(kindOf(q), start)
	f.f.Subject = subj
	f.f.Text = strings.TrimSpace(s.l.OrigSpan(start, q.End))
	s.setChange(len(s.x.facts)-1, q, dir, base, start)
	return true
}

// baseVerbObject is a change written verb first after its comparison:
// 这一因素较上年减少部门支出1,653万元. Named groups: verb, what changes, base.
var baseVerbObject = rx.MustCompile(`(?:比|较)(?P<base>(?:上年|上一年度|去年|[0-9]{4}\s*年)[^\s，,。；;：:、增减]{0,6}?)\s*(?P<verb>(?:增加|减少|压减|核减|调减|削减|追加|调增)了?)\s*(?P<what>[^\s，,。；;：:、0-9]{2,40}?)\s*$`)

// clauseVerbObject is a clause that states a change verb first outside a
// stated reason: …下达给省级部门，增加部门预算1,464.3万元. 新增 is left out:
// 新增设备购置50万元 is what the new item costs, not a change.
var clauseVerbObject = rx.MustCompile(`^\s*(?P<verb>(?:增加|减少|压减|核减|调减|削减|调增)了?)\s*(?P<what>[^\s，,。；;：:、0-9]{2,40}?)\s*$`)

// verbObject is a change written verb first inside a reason: 增加综合管理费
// (209万元), 增加了…专项经费 (200万元). Named groups: verb, what changes.
var verbObject = rx.MustCompile(`^\s*(?:主要是|是)?(?P<verb>(?:增加|新增|追加|调增|减少|压减|核减|调减|削减)了?)\s*(?P<what>[^\s，,。；;：:、0-9]{2,40}?)\s*$`)

// trimChangeSubject drops the adverbs around what changes in a reason
// (按规定运转类专项经费统一 → 运转类专项经费).
func trimChangeSubject(s string) string {
	s = changeSubjectPrefix.ReplaceAllString(s, "")
	s = changeSubjectSuffix.ReplaceAllString(s, "")
	if utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

var (
	trailingAdverbial   = rx.MustCompile(`(?:按照?(?:有关|相关)?规定|根据(?:有关|相关)?规定|按要求|统一|相应|同比)+\s*$`)
	changeSubjectPrefix = rx.MustCompile(`^(?:按照?(?:有关|相关)?规定|根据(?:有关|相关)?规定)`)
	changeSubjectSuffix = rx.MustCompile(`(?:统一|相应|同比|分别|均|各|按照?(?:有关|相关)?规定|按要求)+$`)
)

func kindOf(q *quantity.Quantity) string {
	if q.Kind == quantity.Count {
		return schema.FactCount
	}
	return schema.FactMoney
}

// slotFree reports whether fact i can take q, a change in direction dir,
// as part of its change: an amount and a percentage of one change go the
// same way.
func (s *lineState) slotFree(i int, q *quantity.Quantity, dir string) bool {
	if i < 0 || i >= len(s.x.facts) {
		return false
	}
	f := s.x.facts[i]
	if f.change == nil {
		return true
	}
	if f.line != s.l || f.change.Direction == dirFlat || f.change.Direction != dir {
		return false
	}
	switch q.Kind {
	case quantity.Money, quantity.Count:
		return f.changeVal == nil
	case quantity.Percent:
		return f.change.Percent == "" && f.change.Points == ""
	case quantity.PercentPoint:
		return f.change.Points == "" && f.change.Percent == ""
	}
	return false
}

// target is the fact a change, prior or reason on this line refers to: the
// last fact of the line.
func (s *lineState) target() int {
	if len(s.lineFacts) == 0 {
		return -1
	}
	return s.lineFacts[len(s.lineFacts)-1]
}

// breakdownTarget is the fact a breakdown after it divides: the line's
// last fact, passing over the base of a rate (收入114.3亿元，完成年初预算
// 112.76亿元的101.37%。其中…): that amount measures the total; it is not
// the total.
func (s *lineState) breakdownTarget() int {
	if n := len(s.lineFacts); n > 1 {
		if f := s.x.facts[s.lineFacts[n-1]]; f.line == s.l && rateBase.MatchString(window(s.view, f.f.End)) {
			return s.lineFacts[n-2]
		}
	}
	return s.target()
}

func (s *lineState) flat(e *event) {
	start := e.pos
	base := ""
	if e.m == nil {
		s.bareFlat(e)
		return
	}
	if e.m[2] >= 0 {
		base = strings.TrimSpace(s.l.OrigSpan(e.m[2], e.m[3]))
	}
	// 安排数与《收支预算总表》支出数一致 says two tables agree, 决算数与预算数
	// 基本持平 that the budget was spent: only a comparison with another
	// period is a change.
	if strings.ContainsAny(base, "《》") || !periodBase(base) {
		return
	}
	if w := s.view[e.pos:e.end]; (strings.HasSuffix(w, "一致") && !strings.HasSuffix(w, "保持一致") || strings.HasSuffix(w, "相同") || strings.HasSuffix(w, "相等")) &&
		!strings.Contains(base, "年") && !strings.Contains(base, "上期") {
		return
	}
	own := max(s.lastBound(start), s.prevEnd)
	t := -1
	if own < start {
		subj, ent := s.subject(own, start)
		if c := s.target(); subj != "" && c >= 0 && s.x.facts[c].change == nil && (sameThing(subj, s.x.facts[c].f.Subject) || figureWords[subj]) {
			subj = "" // 本年数与上年预算数一致: the amount just stated
		}
		if subj != "" {
			f := s.newFact(schema.FactMoney, start)
			f.f.Subject, f.f.Entity = subj, ent
			f.f.Text = strings.TrimSpace(s.l.OrigSpan(own, e.end))
			t = len(s.x.facts) - 1
		}
	}
	if t < 0 {
		c := s.target()
		if c < 0 || s.x.facts[c].change != nil {
			return
		}
		t = c
	}
	f := s.x.facts[t]
	f.change = &schema.Change{Direction: dirFlat, Base: base}
	f.line = s.l
	f.changeStart, f.changeEnd = start, e.end
	s.prevEnd = e.end
}

// figureWords name a figure of the amount just stated, not another thing
// (本年数 — the year is cut from the subject — 预算数, 决算数).
var figureWords = map[string]bool{"数": true, "预算数": true, "决算数": true, "执行数": true, "安排数": true, "本年数": true}

// bareFlat reads a 持平 without a comparison of its own: a flat change when
// the sentence opened one (与2023年度相比，财政拨款收入支出总计持平) or when
// it names a part of a total whose change is stated (其中：因公出国（境）费
// 支出决算持平).
func (s *lineState) bareFlat(e *event) {
	start := e.pos
	own := max(s.lastBound(start), s.prevEnd)
	if own > start {
		return
	}
	base, ok := "", false
	if ms := compareFirst.FindAllStringSubmatchIndex(s.view[s.sentStart:own], -1); len(ms) > 0 {
		m := ms[len(ms)-1]
		base, ok = strings.TrimSpace(s.l.OrigSpan(s.sentStart+m[2], s.sentStart+m[3])), true
	} else if len(s.stack) > 0 {
		if p := s.stack[len(s.stack)-1].parent; p >= 0 && s.x.facts[p].change != nil {
			base, ok = s.x.facts[p].change.Base, true
		}
	}
	if !ok && strings.TrimSpace(s.view[own:start]) == "" {
		// 收入3亿元，基本持平: a 持平 clause of its own right after an
		// amount is that amount's change
		if c := s.target(); c >= 0 && s.x.facts[c].change == nil && s.x.facts[c].hasValue {
			f := s.x.facts[c]
			f.line = s.l
			f.change = &schema.Change{Direction: dirFlat}
			f.changeStart, f.changeEnd = start, e.end
			s.prevEnd = e.end
		}
		return
	}
	if !ok || !periodBase(base) {
		return
	}
	subj, ent := s.subject(own, start)
	if subj == "" {
		return
	}
	var f *fact
	if c := s.target(); c >= 0 && s.x.facts[c].change == nil && sameThing(subj, s.x.facts[c].f.Subject) {
		f = s.x.facts[c] // the total just stated
		f.line = s.l
	} else {
		f = s.newFact(schema.FactMoney, start)
		f.f.Subject, f.f.Entity = subj, ent
		f.f.Text = strings.TrimSpace(s.l.OrigSpan(own, e.end))
	}
	f.change = &schema.Change{Direction: dirFlat, Base: base}
	f.changeStart, f.changeEnd = start, e.end
	s.prevEnd = e.end
}

// breakdownAdverbs stand between a whole and the 包括 that lists its parts
// (主要包括, 重点项目支出具体包括); they name nothing.
var breakdownAdverbs = []string{"具体", "主要", "还", "也"}

// listFollows reports whether the clause after a verb ends in a colon
// (用于以下方面：, 用于：): the parts are listed after it.
func listFollows(after string) bool {
	i := strings.IndexAny(after, "：:，,。；;")
	return i >= 0 && (strings.HasPrefix(after[i:], "：") || after[i] == ':')
}

// compareFirst is a comparison written before what is compared: 与2023年度
// 相比，… Group 1 is the base.
var compareFirst = rx.MustCompile(`(?:与|同)([^，,。;；:：、]{1,20}?)相比[，,]\s*$`)

func (s *lineState) breakdown(e *event) {
	word := s.view[e.pos:e.end]
	dim := ""
	if e.m[2] >= 0 {
		dim = s.view[e.m[2]:e.m[3]]
	}
	last := s.breakdownTarget()
	if e.m[6] >= 0 && slices.Contains(breakdownAdverbs, s.view[e.m[6]:e.m[7]]) {
		if !listFollows(s.view[e.end:]) {
			// 支出0.40亿元，主要用于应对…工作，结余11.60亿元: a purpose, not
			// a list of parts
			return
		}
		// …2940.05万元，主要用于以下方面：the adverb names no total; the
		// parts listed after the colon are those of the amount just stated
		e.m[6], e.m[7] = -1, -1
	}
	if named := max(e.m[4], e.m[6]); named >= 0 {
		// 财政拨款支出预算中，… / 新增债券用于…: the parts of the fact with
		// that subject.
		end := e.m[5]
		if e.m[6] >= 0 {
			end = e.m[7]
		}
		name := s.x.clean(s.l.OrigSpan(named, end))
		last = s.x.recent(name)
		dimName := ""
		if last < 0 && e.m[4] >= 0 {
			// 全市主要支出中，教育支出…: a total not stated by that name;
			// the parts belong to the enclosing total of their kind, as a
			// group of their own.
			last, dimName = s.x.enclosingTotal(name), name
		}
		if last < 0 {
			return
		}
		if e.m[6] >= 0 {
			s.stack = []scope{{parent: last}}
			return // 用于 stays the verb of the part's clause
		}
		s.stack = []scope{{parent: last, dim: dimName}}
		s.prevEnd = e.end
		return
	}
	if last >= 0 && s.x.facts[last].pos < s.sentStart && strings.HasPrefix(word, "包括") {
		// 其中，市本级49.48亿元，区级10.87亿元。第二次预算调整包括…: a
		// sentence that names its own whole breaks down that, not the
		// amount of the sentence before
		end := e.pos
		for _, adv := range breakdownAdverbs {
			end -= len(s.view[:end]) - len(strings.TrimSuffix(s.view[:end], adv))
		}
		if subj, _ := s.subject(max(s.lastBound(e.pos), s.prevEnd), end); subj != "" && !sameThing(subj, s.x.facts[last].f.Subject) {
			if last = s.x.recent(subj); last < 0 {
				s.stack = nil
				return
			}
		}
	}
	if last < 0 && len(s.stack) > 0 {
		last = s.stack[0].parent
	}
	if last < 0 {
		// 按支出功能分类，包括…: the total is the last amount before the
		// line, unless the line names its own total (内设机构包括…), which
		// may be a recent amount (基本支出按经济分类).
		if subj, _ := s.subject(max(s.lastBound(e.pos), s.prevEnd), e.pos); subj == "" {
			last = s.x.prevLast
			// …预算支出33172.15万元…主要原因是基本支出增加1447.63万元。
			// 其中：the last amount of the line, not a change in its reason
			for last >= 0 && last > s.x.prevFirst && (!s.x.facts[last].hasValue || s.x.facts[last].inReason) {
				last--
			}
			// 2．按支出经济分类，… after 1．按支出功能分类，…: the same total
			// broken down another way.
			if last >= 0 && s.x.facts[last].f.Dimension != "" && s.x.facts[last].parent >= 0 {
				last = s.x.facts[last].parent
			}
		} else {
			last = s.x.recent(subj)
		}
	}
	if last < 0 && strings.HasPrefix(word, "按") {
		s.stack = []scope{{parent: -1, dim: dim}}
		s.prevEnd = e.end
		return
	}
	if strings.HasPrefix(word, "分别") {
		// 因公出国（境）费、公务接待费分别为…: the names listed before it.
		from := s.lastBoundNoComma(e.pos)
		var names []string
		for _, n := range strings.FieldsFunc(s.l.OrigSpan(from, e.pos), func(r rune) bool { return r == '、' || r == '和' }) {
			if sub := s.x.clean(n); sub != "" {
				names = append(names, sub)
			}
		}
		if len(names) > 1 {
			s.split = sharedHeads(names)
		}
		s.prevEnd = e.end
		if last < 0 || s.x.facts[last].pos < s.sentStart {
			return
		}
	}
	if last < 0 {
		return
	}
	aside := s.closingBracket(e.pos)
	if strings.HasPrefix(word, "按") {
		s.stack = []scope{{parent: last, dim: dim}}
	} else {
		switch {
		case len(s.stack) == 0:
			s.stack = []scope{{parent: last}}
		case s.stack[len(s.stack)-1].parent == last:
		case s.x.facts[last].parent == s.stack[len(s.stack)-1].parent || aside >= 0:
			// （其中：…）: an aside's breakdown nests, and the list it
			// interrupts goes on after the bracket
			s.stack = append(s.stack, scope{parent: last})
		default:
			s.stack = []scope{{parent: last}}
		}
	}
	if aside >= 0 {
		s.closeList(aside) // （其中：A…；B…）: the parts end with the aside
	}
	s.prevEnd = e.end
}

// sharedHeads completes the names listed before 分别 that are a bare flow
// after a name of the other flow (地方一般公共预算收入、支出 → …收入, 地方一般
// 公共预算支出): the flow words share what the first name says before its
// own.
func sharedHeads(names []string) []string {
	first := names[0]
	k := flowKind(first)
	if k == "" || !strings.HasSuffix(first, k) {
		return names
	}
	stem := strings.TrimSuffix(first, k)
	if stem == "" {
		return names
	}
	out := slices.Clone(names)
	for i, n := range out[1:] {
		if bareHeads[n] && n != k {
			out[i+1] = stem + n
		}
	}
	return out
}

// closeList ends the innermost open breakdown after view offset end.
func (s *lineState) closeList(end int) {
	s.listClosed, s.listDepth = end, len(s.stack)-1
}

// addsOn reports whether the clause at view offset pos ends the one open
// breakdown because it adds to the sentence (see addOnClause).
func (s *lineState) addsOn(pos int) bool {
	return len(s.stack) == 1 && addOnClause.MatchString(window(s.view, pos))
}

// addOnClause opens a clause that adds to the sentence rather than to the
// list before it: a connective (加之, 此外) or a sum word stating a figure of
// its own (合计认缴40.8亿元，其中…；合计实缴16.2亿元).
var addOnClause = rx.MustCompile(`^\s*(?:加之|此外|另外|同时|合计|共计|总计)`)

// parallelClause reports whether the clause after the semicolon at pos
// states another figure like the total of the one open breakdown rather
// than a further part: two parts or more so far, listed with commas, and it
// opens with a verb of the total's clause that the first part's clause
// does not have (拟先行分配市级147.2亿元，其中一般债务
// 限额131亿元，专项债务限额16.2亿元；拟分配区级104.5亿元 / 发行新增债券
// 73.8亿元，其中…；发行再融资债券90.1亿元). Parts that repeat the verb
// (其中：安排A…；安排B…) or are listed with semicolons (其中，A10亿元，
// 主要用于…；B3.3亿元，…；安排资金8000万元，…) go on.
func (s *lineState) parallelClause(pos int) bool {
	if len(s.stack) != 1 || s.stack[0].parent < 0 || len(s.toks) == 0 {
		return false
	}
	total := s.x.facts[s.stack[0].parent]
	if total.line != s.l || total.pos > pos {
		return false
	}
	// the first two parts, looked for from the total on (lineFacts hold
	// increasing indexes)
	var parts []*fact
	from := sort.SearchInts(s.lineFacts, s.stack[0].parent+1)
	for _, i := range s.lineFacts[from:] {
		f := s.x.facts[i]
		if f.pos >= pos || len(parts) == 2 {
			break
		}
		if f.parent == s.stack[0].parent {
			parts = append(parts, f)
		}
	}
	if len(parts) < 2 {
		return false // one part: no list yet
	}
	if k := s.boundsBefore(pos); k > 0 {
		if prev := s.lastSentence(k - 1); prev >= 0 && s.bounds[prev].pos > parts[0].pos {
			return false // parts listed with semicolons: this is one more
		}
	}
	verb := s.leadingVerb(pos)
	if verb == "" {
		return false
	}
	part := parts[0]
	return strings.Contains(s.view[s.lastBound(total.pos):total.pos], verb) &&
		!strings.Contains(s.view[s.lastBound(part.pos):part.pos], verb)
}

// leadingVerb returns the verb that opens the clause at pos, past one
// adverb (拟分配区级 → 分配), or "".
func (s *lineState) leadingVerb(pos int) string {
	i := sort.Search(len(s.toks), func(i int) bool { return s.toks[i].Start >= pos })
	// past one adverb or auxiliary verb (拟, 再, 另)
	if i < len(s.toks) && utf8.RuneCountInString(s.toks[i].Text) == 1 && (s.toks[i].POS == "d" || strings.HasPrefix(s.toks[i].POS, "v")) {
		i++
	}
	if i < len(s.toks) && strings.HasPrefix(s.toks[i].POS, "v") && utf8.RuneCountInString(s.toks[i].Text) >= 2 {
		return s.toks[i].Text
	}
	return ""
}

// closingBracket returns the offset of the bracket that closes the
// innermost one open at pos, or -1 when pos is in no bracket (within the
// line). The line is scanned once: pos only grows between calls.
func (s *lineState) closingBracket(pos int) int {
	if s.brackets == nil {
		s.brackets = map[int]int{}
		var open []int
		for i, r := range s.view {
			switch r {
			case '(', '（':
				open = append(open, i)
				s.brackets[i] = -1
			case ')', '）':
				if n := len(open); n > 0 {
					s.brackets[open[n-1]] = i
					open = open[:n-1]
				}
			}
		}
	}
	if pos < s.brScan {
		s.brScan, s.brOpen = 0, nil
	}
	for i, r := range s.view[s.brScan:pos] {
		switch r {
		case '(', '（':
			s.brOpen = append(s.brOpen, s.brScan+i)
		case ')', '）':
			if n := len(s.brOpen); n > 0 {
				s.brOpen = s.brOpen[:n-1]
			}
		}
	}
	s.brScan = pos
	if len(s.brOpen) == 0 {
		return -1
	}
	return s.brackets[s.brOpen[len(s.brOpen)-1]]
}

// newThisYear is the clause before a direction word 增 that says this
// year's increase of the amount just stated (今年新增10亿元, 本年新增).
var newThisYear = rx.MustCompile(`^\s*(?:今年|本年|当年|年内)新$`)

// rateWord ends the text up to a direction word that names a rate, whose
// change in points is no change of an amount: 增幅, 增幅提高, 增速回落.
var rateWord = rx.MustCompile(`(?:增幅|涨幅|降幅|减幅|增速)(?:提高|上升|下降|降低|回落|加快|放缓)?$`)

// closedList is the text after the last part of a list closed by 等
// (…其他政府性基金收入12亿元等，).
var closedList = rx.MustCompile(`^\s*等[，,;；]`)

// enumItem opens an item of an enumeration (一是税收返还8.3亿元；二是…).
// The first item takes as the list's head the amount that ends the clause
// right before it (下达各类补助318.5亿元。一是…); an item whose first clause
// states an amount is a part of the head. Whatever an item broke down
// (二是…268.5亿元，包括…) ends with the item.
func (s *lineState) enumItem(e *event, rest []event) {
	if e.m[0] == 1 {
		s.enumHead = s.listHead(e.pos)
		if s.enumHead < 0 && len(s.stack) > 0 {
			// 新增债券5381.25亿元中，一是…: the items of the open breakdown
			s.enumHead = s.stack[len(s.stack)-1].parent
		}
	}
	s.stack, s.enumOpen = nil, false
	if s.enumHead < 0 {
		return
	}
	next := len(s.view)
	if i := s.boundsBefore(e.end); i < len(s.bounds) {
		next = s.bounds[i].pos
	}
	for _, r := range rest {
		if r.pos >= next {
			return // 一是保障民生，安排资金100亿元: the item is no amount of the head
		}
		if r.kind == evQuantity && r.q.Kind == quantity.Money {
			s.stack, s.enumOpen = []scope{{parent: s.enumHead}}, true
			return
		}
	}
}

// listHead returns the amount whose clause ends right before pos (only
// punctuation between, past its change), or -1.
func (s *lineState) listHead(pos int) int {
	t := s.target()
	if t < 0 {
		return -1
	}
	f := s.x.facts[t]
	if !f.hasValue || f.f.Line != s.l || f.f.Kind != schema.FactMoney {
		return -1
	}
	end := f.f.End
	if f.change != nil && f.line == s.l && f.changeEnd > end {
		end = f.changeEnd
	}
	if end > pos || strings.Trim(s.view[end:pos], "。.：:；;，, ") != "" {
		return -1
	}
	return t
}

// levelView opens the breakdown of the total just given by level or area
// (…207亿元…。其中税收收入…；非税收入…。分级次看，市本级…；县市区…): the
// last amount, or the total it is a part of. The parts are a dimension of
// their own, apart from the total's other parts.
func (s *lineState) levelView(e *event) {
	t := s.target()
	if t < 0 {
		t = s.x.prevLast
	}
	if t < 0 {
		return
	}
	if p := s.x.facts[t].parent; p >= 0 {
		t = p
	}
	s.stack = []scope{{parent: t, dim: s.view[e.m[2]:e.m[3]]}}
	s.prevEnd = e.end
}

// lastBoundNoComma is lastBound ignoring 、 (the separator of a name list).
func (s *lineState) lastBoundNoComma(pos int) int {
	b := max(s.sentStart, s.prevEnd)
	if i := s.lastNonComma(s.boundsBefore(pos)); i >= 0 && s.bounds[i].end > b {
		b = s.bounds[i].end
	}
	return b
}

// lastSentence returns the index of the last sentence bound (; or 。)
// before the n-th bound (-1 if none): a breakdown over a long line asks at
// every semicolon.
func (s *lineState) lastSentence(n int) int {
	return s.lastBoundWhere(&s.prevSentence, n, func(bd bound) bool { return bd.sentence })
}

// lastNonComma returns the index of the last bound before the n-th that is
// not a 、 (-1 if none), so that a long list of names is not walked again
// for every one of them.
func (s *lineState) lastNonComma(n int) int {
	return s.lastBoundWhere(&s.nonComma, n, func(bd bound) bool { return s.view[bd.pos:bd.end] != "、" })
}

// lastBoundWhere returns the index of the last bound before the n-th that
// keep accepts (-1 if none), from the table *index, made on first use.
func (s *lineState) lastBoundWhere(index *[]int, n int, keep func(bound) bool) int {
	if *index == nil {
		t := make([]int, len(s.bounds)+1)
		t[0] = -1
		for i, bd := range s.bounds {
			t[i+1] = t[i]
			if keep(bd) {
				t[i+1] = i
			}
		}
		*index = t
	}
	return (*index)[n]
}

func (s *lineState) reason(e *event) {
	end := s.clauseEnd(e.end)
	if k := strings.Index(s.view[e.end:end], "其中"); k > 0 {
		// 未达预算数的主要原因是：…有所下降，其中：税收收入…: a reason
		// without amounts ends where the total's breakdown begins (the
		// view folds ， to ,)
		before := strings.TrimSpace(s.view[e.end : e.end+k])
		after := s.view[e.end+k : end]
		if d := strings.IndexAny(after, "0123456789"); d > 0 && strings.HasSuffix(before, ",") && !strings.ContainsAny(before, "0123456789") &&
			!changeWord.MatchString(after[:d]) {
			end = e.end + k
		}
	}
	text := strings.TrimSpace(s.l.OrigSpan(e.end, end))
	text = strings.TrimRight(text, "，,；;、 ")
	if text == "" && end < len(s.view) {
		return
	}
	t := -1
	for i := len(s.lineFacts) - 1; i >= 0; i-- {
		f := s.x.facts[s.lineFacts[i]]
		if f.pos >= e.pos {
			continue
		}
		if f.change != nil {
			t = s.lineFacts[i]
			break
		}
	}
	if t < 0 {
		t = s.target()
	}
	if t < 0 && len(s.lineFacts) == 0 {
		t = s.x.prevChanged
		// 支出增加的主要原因是…: the last change in that direction
		if dir := reasonDirection(s.view[e.pos:e.end]); dir != "" && t >= 0 && s.x.facts[t].change.Direction != dir {
			for i := t - 1; i >= s.x.prevFirst && i >= 0; i-- {
				if c := s.x.facts[i].change; c != nil && c.Direction == dir {
					t = i
					break
				}
			}
		}
		if t < 0 {
			t = s.x.prevLast
		}
	}
	owner := -1
	defer func() {
		if text != "" {
			s.reasonEnd, s.reasonStart, s.reasonFirst, s.reasonOwner = end, e.end, len(s.x.facts), owner
		}
	}()
	if t < 0 {
		return
	}
	f := s.x.facts[t]
	if text == "" {
		s.pendingReason = t // 主要原因是 at the end of the line
		return
	}
	if f.f.Reason == "" {
		f.f.Reason = text
		owner = t
	}
}

// clauseEnd returns the end of the statement that starts at pos: the next
// full stop, or semicolon outside brackets (a reason or purpose ends there;
// the next item of a list follows).
func (s *lineState) clauseEnd(pos int) int {
	if s.nextSentence == nil {
		// nextSentence[i] is the first sentence bound at index i or later
		// (len(bounds) when none), made on first use: a scan per reason
		// would be quadratic in a long line without one.
		s.nextSentence = make([]int, len(s.bounds)+1)
		s.nextSentence[len(s.bounds)] = len(s.bounds)
		for i := len(s.bounds) - 1; i >= 0; i-- {
			s.nextSentence[i] = s.nextSentence[i+1]
			if s.bounds[i].sentence {
				s.nextSentence[i] = i
			}
		}
	}
	i := sort.Search(len(s.bounds), func(i int) bool { return s.bounds[i].pos >= pos })
	if j := s.nextSentence[i]; j < len(s.bounds) {
		return s.bounds[j].pos
	}
	return len(s.view)
}

// following returns the noun phrase right after a count (4个专门委员会 →
// 专门委员会).
func (s *lineState) following(pos int) string { return s.followingName(pos, false) }

// followingName is following, also taking a verb that qualifies the funds
// after it (奖补资金) when modifiers is set.
func (s *lineState) followingName(pos int, modifiers bool) string {
	end := pos
	first := sort.Search(len(s.toks), func(i int) bool { return s.toks[i].Start >= pos })
	toks := s.toks[first:]
	for k, t := range toks {
		// 奖补资金: a verb (or a word the segmenter does not know) that
		// qualifies the funds after it is part of their name
		modifier := modifiers && (t.POS == "v" || t.POS == "x" && isHanWord(t.Text)) &&
			k+1 < len(toks) && toks[k+1].Start == t.End && fundNouns[toks[k+1].Text]
		if t.Start != end || t.POS == "x" && !modifier {
			break
		}
		if !(keepPOS[t.POS] || budgetVerbs[t.Text] || modifier) {
			break
		}
		end = t.End
	}
	if end == pos {
		return ""
	}
	return s.l.OrigSpan(pos, end)
}

// fundNouns name funds; a verb before one qualifies it (奖补资金, 引导基金).
var fundNouns = map[string]bool{"资金": true, "基金": true, "经费": true}

// recent returns the latest of the last few facts with a value whose
// subject names the same thing as name, or -1.
func (x *extractor) recent(name string) int {
	for i := len(x.facts) - 1; i >= 0 && i >= len(x.facts)-20; i-- {
		sub := x.facts[i].f.Subject
		if x.facts[i].hasValue && sameThing(name, sub) && !genericSubjects[min2(name, sub)] {
			return i
		}
	}
	return -1
}

// enclosingTotal returns the latest amount of the flow (收入 or 支出) that
// name is of, on this or the previous lines, or the total it is a part of
// when that is of the same flow; -1 when name names no flow.
func (x *extractor) enclosingTotal(name string) int {
	k := flowKind(name)
	if k == "" || flowOnly.ReplaceAllString(name, "") != k {
		return -1 // 三公经费预算支出中: a total of its own, not stated
	}
	for i := len(x.facts) - 1; i >= 0 && i >= len(x.facts)-20; i-- {
		f := x.facts[i]
		if !f.hasValue || flowKind(f.f.Subject) != k {
			continue
		}
		if p := f.parent; p >= 0 && flowKind(x.facts[p].f.Subject) == k {
			return p
		}
		return i
	}
	return -1
}

// changeWord is a comparison or a change before an amount: 其中项目支出较
// 年初减少… is the reason's own detail, not a breakdown of the total.
var changeWord = rx.MustCompile(`较|比|增|减|降|升`)

// flowOnly are the words around a flow (支出, 收入) that leave it the
// jurisdiction's whole flow: a scope word and 主要/重点 (全市主要支出).
var flowOnly = rx.MustCompile(`^(?:` + scopeWords + `)?(?:主要|重点|各项)?`)

// sameThing reports whether two subjects name the same amount: equal, or one
// ends the other once a trailing 数/额 is dropped (决算数 ~ 支出决算).
func sameThing(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	a = strings.TrimSuffix(strings.TrimSuffix(a, "数"), "额")
	b = strings.TrimSuffix(strings.TrimSuffix(b, "数"), "额")
	if a == b {
		return true
	}
	// a suffix must name something specific (决算, not 项目)
	short := min(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	return short >= 2 && (strings.HasSuffix(a, b) || strings.HasSuffix(b, a))
}

func min2(a, b string) string {
	if len(a) < len(b) {
		return a
	}
	return b
}

// genericSubjects are too general to tie two mentions together.
var genericSubjects = map[string]bool{"项目": true, "资金": true, "金额": true, "经费": true, "支出": true, "收入": true, "单位": true, "预算": true, "决算": true, "偿还": true}

// reasonDirection is the direction a reason marker names (增加的主要原因).
func reasonDirection(marker string) string {
	switch {
	case strings.Contains(marker, "增加"), strings.Contains(marker, "增长"):
		return dirUp
	case strings.Contains(marker, "减少"), strings.Contains(marker, "下降"):
		return dirDown
	}
	return ""
}
