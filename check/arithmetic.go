package check

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/internal/rx"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/extract/facts"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/nlp/quantity"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
	"github.com/budgetdoc/budgetdoc/schema"
)

// ChangeMismatch finds year-over-year statements that contradict
// themselves, working from the figures written in one sentence.
var ChangeMismatch = &Rule{
	ID:       "change-mismatch",
	Doc:      "a change statement contradicts itself: percent ≠ delta/prior at the shown precision, direction word vs sign, percent on a zero base",
	Severity: Error,
	Why:      "A year-over-year statement gives the prior amount, the new amount, the change and the percent; when they contradict each other at the displayed precision one of them is wrong. A percent is judged at its own shown precision over every value the rounding of the amounts allows: rounded, it is within half a unit of its last digit (下降66.69% where 2233.13/3348.98 is 66.68% is off); cut rather than rounded, up to one unit below — both are accepted. The rule also reports a percent given on a zero base and a direction word that contradicts the figures. An average yearly rate (年均增长), a share (占…) and a change stated after an aside or about the base of the comparison (比…的A增加D) are not checked against the two amounts.",
	Example:  "2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%。",
	Since:    "v0.1.0",
	Run:      runChangeMismatch,
}

// figure is a written number with the interval its display allows: a value
// shown to 0.01 万元 may be anything within ±50 元.
type figure struct {
	q      quantity.Quantity
	lo, hi decimal.Decimal
}

var writtenNumberRE = rx.MustCompile(`\d[\d,]*(?:\.(\d+))?`)

var half = decimal.RequireFromString("0.5")

func newFigure(q quantity.Quantity) figure {
	f := figure{q: q, lo: q.Value, hi: q.Value}
	m := writtenNumberRE.FindStringSubmatch(q.Text)
	if m == nil {
		return f
	}
	written, err := decimal.NewFromString(strings.ReplaceAll(m[0], ",", ""))
	if err != nil || written.IsZero() {
		return f // 0万元 is exact: a zero is written when there is nothing
	}
	unit := q.Value.Abs().Div(written)
	h := half.Mul(decimal.New(1, -int32(len(m[1])))).Mul(unit)
	f.lo, f.hi = q.Value.Sub(h), q.Value.Add(h)
	return f
}

// percentRange is the interval of (cur-prior)/prior×100 over the display
// intervals of both figures; ok is false when prior may be zero.
func percentRange(prior, cur figure) (lo, hi decimal.Decimal, ok bool) {
	if !prior.lo.IsPositive() {
		return lo, hi, false
	}
	h := decimal.NewFromInt(100)
	lo = cur.lo.Div(prior.hi).Sub(decimal.NewFromInt(1)).Mul(h)
	hi = cur.hi.Div(prior.lo).Sub(decimal.NewFromInt(1)).Mul(h)
	return lo, hi, true
}

var (
	upRE   = rx.MustCompile(`^(?:增加|增长|上升|提高|多)`)
	downRE = rx.MustCompile(`^(?:减少|下降|降低|减)`)
	// bothYearsRE recognises `2025年…执行数为A万元，2026年预算安排B万元，比…`:
	// the prior year's amount comes first, then this year's.
	yearRE = rx.MustCompile(`(\d{4})\s*年`)
	// finalVsBudgetRE: `年初预算为A万元，支出决算为B万元。决算数大于预算数`
	finalVsBudgetRE = rx.MustCompile(`决算数\s*(大于|小于|等于|与预算数基本持平|与预算数持平)`)
)

func runChangeMismatch(p *Pass) {
	for _, l := range p.Prose() {
		t := l.Text
		qs := p.quantities(l.Line)
		start, next := 0, 0 // next: the first quantity not before start (qs are in order)
		for start < len(t) {
			end := strings.IndexAny(t[start:], "。;")
			if end < 0 {
				end = len(t)
			} else {
				end += start
			}
			for next < len(qs) && qs[next].Start < start {
				next++
			}
			var in []quantity.Quantity
			for _, q := range qs[next:] {
				if q.Start >= end {
					break
				}
				if q.End <= end {
					in = append(in, q)
				}
			}
			checkSentence(p, l, start, end, in)
			start = end + 1
		}
		checkFinalVsBudget(p, l, qs)
	}
	checkFactChanges(p)
}

// checkSentence handles `Y1年…A万元，Y2年…B万元，比…增加/减少P%` with Y1 < Y2.
func checkSentence(p *Pass, l TextLine, start, end int, qs []quantity.Quantity) {
	t := l.Text
	var money []quantity.Quantity
	var pct *quantity.Quantity
	for k := range qs {
		switch qs[k].Kind {
		case quantity.Money:
			if pct == nil {
				money = append(money, qs[k])
			}
		case quantity.Percent:
			if pct == nil {
				pct = &qs[k]
			}
		}
	}
	if pct == nil || len(money) < 2 {
		return
	}
	a, b := money[len(money)-2], money[len(money)-1]
	// The year written in each amount's clause decides which is prior.
	ya, yb := clauseYear(t, start, a.Start), clauseYear(t, a.End, b.Start)
	if ya == 0 || yb == 0 || ya >= yb {
		return
	}
	if perYearOrShareRE.MatchString(t[b.End:pct.Start]) {
		return // 年均增长5.5% over five years, 占地区生产总值的43%: not B/A−1
	}
	dirText := strings.TrimLeft(lastWord(t[b.End:pct.Start]), " ")
	up, down := upRE.MatchString(dirText), downRE.MatchString(dirText)
	if !up && !down {
		return
	}
	prior, cur := newFigure(a), newFigure(b)
	stated := newFigure(*pct)
	switch {
	case up && cur.hi.LessThan(prior.lo):
		p.ReportSpan(l.Line, a.Start, pct.End, fmt.Sprintf("增减方向矛盾：由%s降至%s，却表述为“增加” / direction word contradicts the figures", a.Text, b.Text), p.factIDsAt(l.Line, a, b)...)
		return
	case down && cur.lo.GreaterThan(prior.hi):
		p.ReportSpan(l.Line, a.Start, pct.End, fmt.Sprintf("增减方向矛盾：由%s增至%s，却表述为“减少” / direction word contradicts the figures", a.Text, b.Text), p.factIDsAt(l.Line, a, b)...)
		return
	}
	lo, hi, ok := percentRange(prior, cur)
	if !ok {
		if prior.q.Value.IsZero() {
			p.ReportSpan(l.Line, a.Start, pct.End, "上年数为0，不能计算增减百分比 / percent change on a zero base", p.factIDsAt(l.Line, a, b)...)
		}
		return
	}
	sign := decimal.NewFromInt(1)
	if down {
		sign = sign.Neg()
	}
	if !percentAgrees(stated, sign, lo, hi) {
		actual := cur.q.Value.Sub(prior.q.Value).Div(prior.q.Value).Mul(decimal.NewFromInt(100)).Abs().StringFixed(2)
		p.ReportSpan(l.Line, a.Start, pct.End, fmt.Sprintf("增减幅度计算错误：由%s到%s，变动应为%s%%，文中为%s / percent does not match the two amounts (%s%% by the figures)",
			a.Text, b.Text, actual, pct.Text, actual), p.factIDsAt(l.Line, a, b)...)
	}
}

// percentAgrees reports whether a percent written as the magnitude stated
// (signed by sign: −1 for 下降/减少) agrees with a true change known to lie
// in [lo, hi] — the interval the displayed precision of the amounts allows.
// The percent is judged at its own shown precision: rounded, it is within
// half a unit of its last digit of the truth; cut (10.158% → 10.15%, as
// some offices write), up to one unit below it. So 66.69% for a true
// 66.6806% is off either way, while 66.68% and, for 66.6851%, 66.69% agree.
func percentAgrees(stated figure, sign, lo, hi decimal.Decimal) bool {
	m := stated.q.Value.Abs()
	unit := stated.hi.Sub(stated.lo)
	if unit.IsZero() { // a written 0% (exact as a figure) or a percent in words
		unit = decimal.New(1, -2)
		if m := writtenNumberRE.FindStringSubmatch(stated.q.Text); m != nil {
			unit = decimal.New(1, -int32(len(m[1])))
		}
	}
	alo, ahi := m.Sub(unit.Mul(half)), m.Add(unit) // magnitudes that print as m
	if sign.IsNegative() {
		alo, ahi = ahi.Neg(), alo.Neg()
	}
	return !ahi.LessThan(lo) && !alo.GreaterThan(hi)
}

// perYearOrShareRE finds, between two amounts and a percent, the words
// that make the percent something other than the change between them: an
// average yearly rate (年均增长) or a share (占…比重).
var perYearOrShareRE = rx.MustCompile(`年均|平均|每年|占`)

// baseBeforeRE matches the text before an amount that is the base of the
// comparison (比“十三五”时期的169.88亿元增加25.21亿元), not the new value.
var baseBeforeRE = rx.MustCompile(`(?:比|较)[^，。；,;]{0,20}$`)

// clauseYear returns the last year written in t[from:to], 0 if none.
func clauseYear(t string, from, to int) int {
	if from < 0 || to > len(t) || from >= to {
		return 0
	}
	ms := yearRE.FindAllStringSubmatch(t[from:to], -1)
	if len(ms) == 0 {
		return 0
	}
	y, _ := strconv.Atoi(ms[len(ms)-1][1])
	return y
}

// lastWord returns the direction word just before a percent: the text
// after the last clause mark.
func lastWord(s string) string {
	if i := strings.LastIndexAny(s, ",，比较与"); i >= 0 {
		s = s[i:]
	}
	// skip the base phrase up to the direction verb
	for _, w := range []string{"增加", "增长", "上升", "提高", "减少", "下降", "降低"} {
		if i := strings.LastIndex(s, w); i >= 0 {
			return s[i:]
		}
	}
	return ""
}

// checkFinalVsBudget handles `年初预算为A万元，支出决算为B万元。决算数大于预算数`.
func checkFinalVsBudget(p *Pass, l TextLine, qs []quantity.Quantity) {
	t := l.Text
	for _, m := range finalVsBudgetRE.FindAllStringSubmatchIndex(t, -1) {
		var budget, final *quantity.Quantity
		for k := range qs {
			q := &qs[k]
			if q.Kind != quantity.Money || q.End > m[0] {
				continue
			}
			before := t[max(0, q.Start-20):q.Start]
			switch {
			case strings.Contains(before, "年初预算") || strings.HasSuffix(before, "预算为"):
				budget, final = q, nil
			case strings.Contains(before, "决算为") && budget != nil:
				final = q
			}
		}
		if budget == nil || final == nil || m[0]-final.End > 12 {
			continue
		}
		bf, ff := newFigure(*budget), newFigure(*final)
		word := t[m[2]:m[3]]
		var wrong bool
		switch {
		case word == "大于":
			wrong = !ff.hi.GreaterThan(bf.lo) || ff.hi.LessThan(bf.lo)
		case word == "小于":
			wrong = ff.lo.GreaterThan(bf.hi)
		case word == "等于":
			wrong = ff.hi.LessThan(bf.lo) || ff.lo.GreaterThan(bf.hi)
		}
		if wrong {
			rel := "小于"
			if final.Value.GreaterThan(budget.Value) {
				rel = "大于"
			} else if final.Value.Equal(budget.Value) {
				rel = "等于"
			}
			p.ReportSpan(l.Line, m[0], m[1], fmt.Sprintf("决算与预算比较表述错误：年初预算%s，决算%s，决算数应%s预算数，文中写“%s” / the comparison word contradicts the figures",
				budget.Text, final.Text, rel, word), p.factIDsAt(l.Line, *budget, *final)...)
		}
	}
}

// --- sum-mismatch ---------------------------------------------------------

// SumMismatch compares a stated total with the sum of its stated parts.
var SumMismatch = &Rule{
	ID:       "sum-mismatch",
	Doc:      "a stated total differs from the sum of its stated parts (其中/包括/按…划分); rounding-level differences are info",
	Severity: Error,
	Why:      "A total that does not equal its stated parts is the most common arithmetic error in these documents. Amounts are exact decimals and each figure carries the tolerance of its displayed precision, so a difference within rounding is info and only a real difference is an error; a breakdown that falls short is reported only when it is visibly whole, and never in a government report, whose 其中 names the main items only. A part's own parts are not its siblings: parts in a bracketed aside (（含…）) and runs that add up to an earlier part are left out, a total in an aside heads no breakdown, and a part larger than the total shows a wrong link, not an error.",
	Example:  "2026年本部门政府采购预算1468.42万元，其中：政府采购货物预算3.66万元、政府采购工程预算36.44万元、政府采购服务预算1446.32万元。",
	Since:    "v0.1.0",
	Run:      runSumMismatch,
}

var wan = decimal.NewFromInt(10000)

// wanText writes a yuan amount in 万元, as the documents do.
func wanText(v decimal.Decimal) string { return v.Div(wan).String() + "万元" }

func runSumMismatch(p *Pass) {
	fs := p.facts()
	type key struct {
		parent int
		dim    string
	}
	groups := map[key][]*facts.Fact{}
	var order []key
	for i := range fs {
		f := &fs[i]
		if f.Parent < 0 {
			continue
		}
		k := key{f.Parent, f.Dimension}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], f)
	}
	for _, k := range order {
		checkBreakdown(p, fs, &fs[k.parent], groups[k])
	}
}

// levelRE finds the classification level a subject names (行政运行（项）).
var levelRE = rx.MustCompile(`[（(]([类款项])[)）]`)

func level(subject string) string {
	ms := levelRE.FindAllStringSubmatch(subject, -1)
	if len(ms) == 0 {
		return ""
	}
	return ms[len(ms)-1][1]
}

// flowClash reports whether one subject is income and the other
// expenditure: the extractor linked two statements that only sit together.
func flowClash(a, b string) bool {
	in := func(s string) bool { return strings.Contains(s, "收入") && !strings.Contains(s, "支出") }
	out := func(s string) bool { return strings.Contains(s, "支出") && !strings.Contains(s, "收入") }
	return in(a) && out(b) || out(a) && in(b)
}

// checkBreakdown checks one total and the parts the extractor linked to it.
// Links are heuristic, so a mismatch is only reported when the breakdown
// looks whole: at least two money parts, no part twice, no part at the
// total's own classification level or of the other flow (收入 vs 支出), and
// the parts not adding up to an ancestor instead.
func checkBreakdown(p *Pass, fs []facts.Fact, parent *facts.Fact, kids []*facts.Fact) {
	if parent.Kind != schema.FactMoney || parent.Amount == nil || parent.Approx || len(kids) < 2 {
		return
	}
	total, ok := figureOf(parent)
	if !ok {
		return
	}
	pp, ok := placeOf(parent)
	if !ok || inBrackets(pp.line.Text, pp.start) {
		return // a total in an aside (（含高新区73.16亿元）) heads no breakdown
	}
	if enumerated(pp, kids) {
		return // 分别为A和B: values side by side, not a total and its parts
	}
	kids = dropSubBreakdowns(dropAsides(dropParallel(pp, kids)))
	if len(kids) < 2 || mixedMeasures(kids) {
		return
	}
	seen := map[string]bool{}
	var sum, lo, hi decimal.Decimal
	ids := []string{parent.ID}
	for _, c := range kids {
		if c.Kind != schema.FactMoney || c.Amount == nil {
			return
		}
		k := c.Subject + "|" + c.Amount.Value.String()
		if c.Approx || seen[k] ||
			(level(parent.Subject) != "" && level(parent.Subject) == level(c.Subject)) ||
			flowClash(parent.Subject, c.Subject) || c.Loc.Page < parent.Loc.Page || c.Loc.Page > parent.Loc.Page+1 {
			return
		}
		seen[k] = true
		f, ok := figureOf(c)
		if !ok || f.lo.GreaterThan(total.hi) {
			return // a part larger than its whole was linked to the wrong total
		}
		sum, lo, hi = sum.Add(f.q.Value), lo.Add(f.lo), hi.Add(f.hi)
		ids = append(ids, c.ID)
	}
	if sum.Equal(total.q.Value) {
		return
	}
	// Parts after a run that already adds up to the total were linked from
	// the next passage.
	var run decimal.Decimal
	for _, c := range kids[:len(kids)-1] {
		if run = run.Add(c.Amount.Value); run.Equal(total.q.Value) {
			return
		}
	}
	// Parts that add up to an ancestor were linked one level too low.
	for a := parent.Parent; a >= 0; a = fs[a].Parent {
		if v, ok := fs[a].Value(); ok && !v.LessThan(lo) && !v.GreaterThan(hi) {
			return
		}
	}
	diff := total.q.Value.Sub(sum)
	if !hi.LessThan(total.lo) && !lo.GreaterThan(total.hi) {
		p.ReportSpanSeverity(pp.line, pp.start, pp.end, Info, fmt.Sprintf("分项之和%s与总额%s相差%s，在显示精度的舍入范围内 / parts differ from the total by rounding only",
			wanText(sum), parent.Text, wanText(diff.Abs())), ids...)
		return
	}
	if sum.LessThan(total.q.Value) && (p.government() || !p.wholeBreakdown(pp, kids)) {
		// A 其中 may list only some parts, or a part was not read; a
		// government report's 其中 names the main items of a budget and
		// never all of them.
		return
	}
	p.ReportSpan(pp.line, pp.start, pp.end, fmt.Sprintf("分项之和%s与总额%s不符，相差%s / the parts do not add up to the total",
		wanText(sum), parent.Text, wanText(diff.Abs())), ids...)
}

// changeWordRE finds the words that introduce a change amount, which is
// not a part of a breakdown.
var changeWordRE = rx.MustCompile(`增加|减少|增长|下降|降低|上升|持平|一致|比|较`)

// wholeBreakdown reports whether the parts of a breakdown that falls short
// of its total are all there is: they sit on the total's line, and every
// other amount between the total and the end of the sentence of the last
// part is a change amount.
func (p *Pass) wholeBreakdown(pp factPlace, kids []*facts.Fact) bool {
	t := pp.line.Text
	mine := map[int]bool{}
	last := pp.end
	for _, c := range kids {
		cp, ok := placeOf(c)
		if !ok || cp.line != pp.line {
			return false
		}
		mine[cp.start] = true
		last = max(last, cp.end)
	}
	i := strings.IndexAny(t[last:], "。;")
	if i < 0 {
		return false // the sentence goes on past the line: a part may be there
	}
	end := last + i
	prev := pp.end
	for _, q := range p.quantities(pp.line) {
		if q.Start < pp.end || q.End > end || q.Kind != quantity.Money {
			continue
		}
		if !mine[q.Start] && !changeWordRE.MatchString(t[prev:q.Start]) {
			return false
		}
		prev = q.End
	}
	return true
}

// checkFactChanges checks the change the extractor attached to each fact:
// with the amount A, the change D and the percent P, the prior is A−D and
// P must be D/(A−D) at the shown precision. It finds what the sentence
// check cannot see, such as `收入支出总计0万元。与上年相比减少56.95万元，下降
// 1.87%` (the prior would be 56.95万元, a fall of 100%).
func checkFactChanges(p *Pass) {
	done := map[schema.Loc]bool{}
	for _, f := range *p.found {
		if f.Rule == p.Rule.ID {
			done[schema.Loc{Page: f.Loc.Page, Line: f.Loc.Line}] = true
		}
	}
	fs := p.facts()
	for i := range fs {
		f := &fs[i]
		c := f.Change
		if f.Kind != schema.FactMoney || f.Approx || c == nil || c.Amount == nil || c.Percent == nil || c.Points != nil {
			continue
		}
		cur, ok := figureOf(f)
		if !ok || c.Amount.Kind != quantity.Money {
			continue
		}
		delta, pct := newFigure(*c.Amount), newFigure(*c.Percent)
		sign := decimal.NewFromInt(1)
		if c.Direction == "decrease" {
			sign = sign.Neg()
		} else if c.Direction != "increase" {
			continue
		}
		// prior = cur − sign·delta over the display intervals
		dlo, dhi := delta.lo.Mul(sign), delta.hi.Mul(sign)
		if sign.IsNegative() {
			dlo, dhi = dhi, dlo
		}
		plo, phi := cur.lo.Sub(dhi), cur.hi.Sub(dlo)
		if !plo.IsPositive() {
			continue // a zero or negative prior has no percent; other rules say so
		}
		h := decimal.NewFromInt(100)
		// the percent D/prior is monotone in each argument: take the corners
		var lo, hi decimal.Decimal
		for i, v := range []decimal.Decimal{dlo.Div(plo), dlo.Div(phi), dhi.Div(plo), dhi.Div(phi)} {
			v = v.Mul(h)
			if i == 0 || v.LessThan(lo) {
				lo = v
			}
			if i == 0 || v.GreaterThan(hi) {
				hi = v
			}
		}
		if percentAgrees(pct, sign, lo, hi) {
			continue
		}
		if done[schema.Loc{Page: f.Loc.Page, Line: f.Loc.Line}] {
			continue
		}
		fp, ok := placeOf(f)
		if !ok || !p.ownYear(fp) || inBrackets(fp.line.Text, fp.start) {
			// an amount in an aside (…(前期经费4,000万元、配套资金2,000万元),
			// 较上年增加1,800万元) is not the one the change is about
			continue
		}
		if a, _ := clause(fp.line.Text, fp.start, fp.end); baseBeforeRE.MatchString(fp.line.Text[a:fp.start]) {
			continue // the amount is the base of the comparison
		}
		prior := cur.q.Value.Sub(delta.q.Value.Mul(sign))
		actual := delta.q.Value.Div(prior).Mul(h).Abs().StringFixed(2)
		p.ReportSpan(fp.line, fp.start, fp.end, fmt.Sprintf("增减幅度与金额不符：%s，变动%s，上年应为%s，幅度应为%s%%，文中为%s / the percent does not match the amount and the change",
			f.Text, delta.q.Text, wanText(prior), actual, pct.q.Text), f.ID)
	}
}

// --- share-mismatch -------------------------------------------------------

// ShareMismatch checks the shares (占X%) stated for the parts of one whole.
var ShareMismatch = &Rule{
	ID:       "share-mismatch",
	Doc:      "stated shares of one whole do not sum to 100% at the shown precision, or contradict the amounts",
	Severity: Error,
	Why:      "Shares of one whole must add up to 100% and agree with the amounts they are shares of. The check works at the displayed precision; a share one unit off in its last digit (the usual adjustment that makes rounded shares add up) is info.",
	Example:  "一般公共服务支出（类）2106.66万元，占71.73%（2106.66/2940.05 is 71.65%）",
	Since:    "v0.1.0",
	Run:      runShareMismatch,
}

// shareRE matches `占X%` and `占“三公”经费的X%`; group 1 names the whole.
var shareRE = rx.MustCompile(`占\s*([^\d%，。；;,、]{0,24}?)\s*(\d+(?:\.\d+)?)\s*%`)

// completionBaseRE matches the base of a completion rate written with 占
// (占预算的, 占调整预算的, 占调整及变动预算的, 占年初预算的, 占计划的):
// the amount's own budget, not a whole it is part of.
var completionBaseRE = rx.MustCompile(`^(?:年初|调整(?:后|及变动)?|变动|全年)?(?:预算|计划|目标)(?:数)?的?$`)

// introRE marks the start of a breakdown: shares after it belong to a new
// whole.
var introRE = rx.MustCompile(`其中|主要用于|如下`)

type share struct {
	line       TextLine
	idx        int // index of the line in Prose
	amount     *quantity.Quantity
	pct        figure
	start, end int // view span of amount…percent
}

type shareRun struct {
	whole string
	total *quantity.Quantity // the amount the breakdown starts from, if stated
	items []share
}

func runShareMismatch(p *Pass) {
	// Lines rather than Prose: a share line padded with wide spaces
	// (`占   100    %`) looks like a table row to Prose.
	var lines []TextLine
	for _, l := range p.Lines() {
		if !p.inTOC(l) {
			lines = append(lines, l)
		}
	}
	var run shareRun
	flush := func() {
		checkShares(p, run)
		run = shareRun{}
	}
	for li, l := range lines {
		t := l.Text
		qs := p.quantities(l.Line)
		prevEnd := 0
		for _, m := range shareRE.FindAllStringSubmatchIndex(t, -1) {
			whole := strings.TrimSpace(t[m[2]:m[3]])
			if completionBaseRE.MatchString(whole) {
				// 占调整预算的96.3% is a completion rate of the amount
				// against its own budget, not a share of a whole.
				continue
			}
			var pq *quantity.Quantity
			for k := range qs {
				if qs[k].Start == m[4] && qs[k].Kind == quantity.Percent {
					pq = &qs[k]
				}
			}
			if pq == nil {
				// a wide gap before % (`占   100    %`) is not a quantity to
				// the scanner, but it is a share
				v, err := decimal.NewFromString(t[m[4]:m[5]])
				if err != nil {
					continue
				}
				pq = &quantity.Quantity{Kind: quantity.Percent, Start: m[4], End: m[5], Text: t[m[4]:m[5]] + "%", Value: v, Unit: "%"}
			}
			// the amount the share belongs to ends just before 占
			var amount *quantity.Quantity
			for k := range qs {
				if qs[k].Kind == quantity.Money && qs[k].End <= m[0] && qs[k].Start >= prevEnd &&
					strings.Trim(t[qs[k].End:m[0]], " ,，") == "" {
					amount = &qs[k]
				}
			}
			before := t[prevEnd:m[0]]
			newWhole := len(run.items) == 0 || run.whole != whole || li-run.items[len(run.items)-1].idx > 1 ||
				introRE.MatchString(before) || (prevEnd == 0 && li != run.items[len(run.items)-1].idx && strings.HasSuffix(strings.TrimSpace(lines[li-1].Text), "其中:"))
			if newWhole {
				flush()
				run.whole = whole
				run.total = introTotal(p, t[:m[0]], qs, lines, li)
			}
			s := share{line: l, idx: li, amount: amount, pct: newFigure(*pq), start: m[0], end: m[1]}
			if amount != nil {
				s.start = amount.Start
			}
			run.items = append(run.items, s)
			prevEnd = m[1]
		}
		if prevEnd == 0 && len(run.items) > 0 {
			flush() // a line without shares ends the breakdown
		}
	}
	flush()
}

// introTotal finds the total a breakdown starts from: the last amount
// before 其中/主要用于 on the line of its first share, or on the line
// before when that line ends with the introduction.
func introTotal(p *Pass, head string, qs []quantity.Quantity, lines []TextLine, li int) *quantity.Quantity {
	lastBefore := func(text string, qs []quantity.Quantity, end int) *quantity.Quantity {
		var out *quantity.Quantity
		for k := range qs {
			// an amount in an aside (（其中，广东地区290.4亿元、深圳市69.22亿元）)
			// is not the total that the breakdown after it divides
			if qs[k].Kind == quantity.Money && qs[k].End <= end && !inBrackets(text, qs[k].Start) {
				out = &qs[k]
			}
		}
		return out
	}
	if loc := introRE.FindAllStringIndex(head, -1); len(loc) > 0 {
		return lastBefore(head, qs, loc[len(loc)-1][0])
	}
	if li > 0 {
		prev := strings.TrimSpace(lines[li-1].Text)
		if loc := introRE.FindAllStringIndex(prev, -1); len(loc) > 0 && len(prev)-loc[len(loc)-1][1] <= 4 {
			return lastBefore(lines[li-1].Text, p.quantities(lines[li-1].Line), loc[len(loc)-1][0]+len(lines[li-1].Text)-len(strings.TrimLeftFunc(lines[li-1].Text, unicode.IsSpace)))
		}
	}
	return nil
}

// inBrackets reports whether byte i of s lies inside a bracketed aside
// opened before it on the line: （含高新区73.16亿元）, (当年预算安排的支出508.4亿元.
//
// An aside lies within its sentence: the scan goes back from i to the
// sentence's start (。 or ；) only, so that it is not quadratic over a long
// line's amounts.
func inBrackets(s string, i int) bool {
	open := 0 // closing brackets seen walking back, still to be matched
	for j := min(i, len(s)); j > 0; {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		j -= w
		switch r {
		case '。', '；', ';':
			return false
		case '）', ')':
			open++
		case '（', '(':
			if open == 0 {
				return true
			}
			open--
		}
	}
	return false
}

// checkShares checks one breakdown's shares: each against its amount and
// the total, and their sum against 100%. A share that contradicts its
// amount pinpoints the defect, so the sum is only reported without one.
func checkShares(p *Pass, run shareRun) {
	if len(run.items) < 2 {
		return
	}
	h := decimal.NewFromInt(100)
	var sumLo, sumHi, amLo, amHi decimal.Decimal
	amounts := true
	for _, s := range run.items {
		sumLo, sumHi = sumLo.Add(s.pct.lo), sumHi.Add(s.pct.hi)
		if s.amount == nil {
			amounts = false
			continue
		}
		f := newFigure(*s.amount)
		amLo, amHi = amLo.Add(f.lo), amHi.Add(f.hi)
	}
	sumOK := !sumHi.LessThan(h) && !sumLo.GreaterThan(h)
	var tLo, tHi decimal.Decimal
	switch {
	case run.total != nil:
		f := newFigure(*run.total)
		tLo, tHi = f.lo, f.hi
	case amounts && sumOK:
		tLo, tHi = amLo, amHi
	}
	reported := false
	if tLo.IsPositive() {
		for _, s := range run.items {
			if s.amount == nil {
				continue
			}
			a := newFigure(*s.amount)
			lo, hi := a.lo.Div(tHi).Mul(h), a.hi.Div(tLo).Mul(h)
			if !s.pct.hi.LessThan(lo) && !s.pct.lo.GreaterThan(hi) {
				continue
			}
			actual := s.amount.Value.Div(tLo.Add(tHi).Div(decimal.NewFromInt(2))).Mul(h).StringFixed(2)
			ids := p.factIDsAt(s.line.Line, *s.amount)
			// One unit of the last shown digit off is the adjustment that
			// makes rounded shares add up to 100%: rounding-level.
			unit := s.pct.hi.Sub(s.pct.lo)
			if !s.pct.hi.Add(unit).LessThan(lo) && !s.pct.lo.Sub(unit).GreaterThan(hi) {
				p.ReportSpanSeverity(s.line.Line, s.start, s.end, Info, fmt.Sprintf("占比与金额差一个尾数：%s按总额计算约占%s%%，文中为%s（凑整调整） / the share is off by one rounding unit",
					s.amount.Text, actual, s.pct.q.Text), ids...)
				continue
			}
			p.ReportSpan(s.line.Line, s.start, s.end, fmt.Sprintf("占比与金额不符：%s按总额计算应占约%s%%，文中为%s / the share contradicts the amounts",
				s.amount.Text, actual, s.pct.q.Text), ids...)
			reported = true
		}
	}
	if !sumOK && !reported {
		first, last := run.items[0], run.items[len(run.items)-1]
		var sum decimal.Decimal
		var ids []string
		for _, s := range run.items {
			sum = sum.Add(s.pct.q.Value)
			if s.amount != nil {
				ids = append(ids, p.factIDsAt(s.line.Line, *s.amount)...)
			}
		}
		end := first.end
		if last.line.Line == first.line.Line {
			end = last.end
		}
		p.ReportSpan(first.line.Line, first.start, end, fmt.Sprintf("各项占比合计为%s%%，不等于100%% / the shares of one whole do not add up to 100%%", sum.String()), ids...)
	}
}

// --- contradiction --------------------------------------------------------

// Contradiction finds one item given two different amounts in one passage.
var Contradiction = &Rule{
	ID:       "contradiction",
	Doc:      "one item given two different amounts within one numbered item or passage (住房公积金…208.8万元 … 预算安排201.50万元)",
	Severity: Error,
	Why:      "One item given two different amounts in one passage (its heading amount and its 预算安排 later in the same item) means one of them is a typo; the change stated with the wrong one then fails too, and is reported with it as one finding.",
	Example:  "住房公积金（01项）208.8万元。…2026年预算安排201.50万元，比2025年预算执行数增加5.27%。",
	Since:    "v0.1.0",
	Run:      runContradiction,
}

var (
	// itemHeadRE is a numbered item that names its amount first:
	// `12、住房公积金（02项）208.8万元。`
	itemHeadRE = rx.MustCompile(`^\s*(?:\d+\s*[、.．]|[（(][一二三四五六七八九十\d]+[)）])`)
	// thisYearRE introduces the item's amount for a year later in the item.
	thisYearRE = rx.MustCompile(`(\d{4})\s*年(?:度)?(?:当年)?(?:预算安排|预算数|预算)(?:为|是)?\s*$`)
)

func runContradiction(p *Pass) {
	if p.Meta.FiscalYear == 0 || p.Meta.Kind != schema.KindBudget {
		return
	}
	for _, l := range p.Prose() {
		t := l.Text
		m := itemHeadRE.FindStringIndex(t)
		if m == nil {
			continue
		}
		qs := p.quantities(l.Line)
		var head *quantity.Quantity
		for k := range qs {
			if qs[k].Kind == quantity.Money {
				if qs[k].Start >= m[1] && !strings.ContainsAny(t[m[1]:qs[k].Start], "。，；：:,;") {
					head = &qs[k]
				}
				break
			}
		}
		if head == nil {
			continue
		}
		hf := newFigure(*head)
		for k := range qs {
			q := &qs[k]
			if q.Kind != quantity.Money || q.Start <= head.End {
				continue
			}
			ym := thisYearRE.FindStringSubmatch(t[max(head.End, q.Start-40):q.Start])
			if ym == nil {
				continue
			}
			if y, _ := strconv.Atoi(ym[1]); y != p.Meta.FiscalYear {
				continue
			}
			qf := newFigure(*q)
			if qf.hi.LessThan(hf.lo) || qf.lo.GreaterThan(hf.hi) {
				msg := fmt.Sprintf("同一项目金额前后不一致：开头为%s，此处为%s / the item is given two different amounts", head.Text, q.Text)
				if p.absorbChangeMismatch(l.Line, q) {
					msg = fmt.Sprintf("同一项目金额前后不一致：开头为%s，此处为%s，本句的增减表述因此也对不上 / the item is given two different amounts, and the change stated with them disagrees", head.Text, q.Text)
				}
				p.ReportSpan(l.Line, q.Start, q.End, msg, p.factIDsAt(l.Line, *head, *q)...)
			}
			break
		}
	}
}

// --- cross-total ----------------------------------------------------------

// CrossTotal finds a document total stated with different values in
// different places.
var CrossTotal = &Rule{
	ID:       "cross-total",
	Doc:      "the same total (收入预算总额, 支出预算总额, 三公经费 …) stated with different values in different places",
	Severity: Error,
	Why:      "The document totals (收入预算总额, 支出预算总额, 三公经费) are stated several times in the text; different values for the same total of the same year are an error in one of the places. Department and unit documents only: a government report states a 收入总计 for each of its four budgets, for the whole jurisdiction, its own level and its zones, and for two years, so one name is many totals there.",
	Example:  "收入预算总计 24,169.74 万元 … 支出预算总计 24,196.74 万元",
	Since:    "v0.1.0",
	Run:      runCrossTotal,
}

var (
	totalSubjectRE = rx.MustCompile(`^(?:本年|本部门|本单位)?(?:财政拨款)?(?:收入|支出|收支|收入支出|收、支|收入、支出)(?:预算|决算)?(?:总额|总计|合计)$|^(?:收入|支出)(?:预算|决算)总(?:额|计)$|^三公经费(?:财政拨款)?(?:预算|决算)?(?:数|支出)?$`)
	quoteMarks     = strings.NewReplacer("“", "", "”", "", "\"", "", "「", "", "」", "", "‘", "", "’", "", " ", "")
	clauseYearRE   = rx.MustCompile(`(\d{4})\s*年`)
)

// totalKeys names the totals a subject states, none when it is not a
// document total. A joint total of both flows (收入、支出预算总计, 收、支预算
// 总计) states the income total and the spending total at once.
func totalKeys(subject string) []string {
	s := quoteMarks.Replace(subject)
	if !totalSubjectRE.MatchString(s) {
		return nil
	}
	s = strings.TrimSuffix(s, "数")
	if t, ok := strings.CutSuffix(s, "总额"); ok {
		s = t + "总计" // 收入预算总额 and 收入预算总计 are one total
	}
	for _, pair := range []string{"收入、支出", "收、支"} {
		if i := strings.Index(s, pair); i >= 0 {
			head, rest := s[:i], s[i+len(pair):]
			return []string{head + "收入" + rest, head + "支出" + rest}
		}
	}
	return []string{s}
}

func runCrossTotal(p *Pass) {
	if p.Meta.Scope != schema.ScopeDepartment && p.Meta.Scope != schema.ScopeUnit {
		return // the totals of one department's or unit's disclosure only
	}
	type stated struct {
		f   *facts.Fact
		fig figure
		at  factPlace
	}
	first := map[string][]stated{}
	fs := p.facts()
	for i := range fs {
		f := &fs[i]
		keys := totalKeys(f.Subject)
		if len(keys) == 0 || f.Kind != schema.FactMoney || f.Approx || f.Entity != "" {
			continue
		}
		fig, ok := figureOf(f)
		if !ok {
			continue
		}
		at, ok := placeOf(f)
		if !ok {
			continue
		}
		if !p.ownYear(at) {
			continue
		}
		s := stated{f, fig, at}
		reported := false // one finding per mention, even of a joint total
		for _, key := range keys {
			prev := first[key]
			agrees := false
			for _, o := range prev {
				if !s.fig.hi.LessThan(o.fig.lo) && !s.fig.lo.GreaterThan(o.fig.hi) {
					agrees = true
					break
				}
			}
			if len(prev) > 0 && !agrees && !reported {
				o := prev[0]
				p.ReportSpan(at.line, at.start, at.end, fmt.Sprintf("%s前后不一致：此处为%s，第%d页第%d行为%s / the same total is stated with different values",
					key, f.Text, o.f.Loc.Page, o.f.Loc.Line, o.f.Text), o.f.ID, f.ID)
				reported = true
			}
			first[key] = append(prev, s)
		}
	}
}

// clauseLead is the text of a mention's clause before its amount:
// 投入 in 投入2.01亿元, 专项债务余额 in …，专项债务余额293.65亿元.
func clauseLead(at factPlace) string {
	a, _ := clause(at.line.Text, at.start, at.end)
	return strings.TrimSpace(at.line.Text[a:at.start])
}

// enumerated reports whether the total's or a part's clause says 分别: the
// amounts are listed side by side (预计收入分别为328,417万元和331,701万元).
func enumerated(pp factPlace, kids []*facts.Fact) bool {
	in := func(at factPlace) bool {
		a, b := clause(at.line.Text, at.start, at.end)
		return strings.Contains(at.line.Text[a:b], "分别")
	}
	if in(pp) {
		return true
	}
	for _, c := range kids {
		if cp, ok := placeOf(c); ok && in(cp) {
			return true
		}
	}
	return false
}

// dropParallel removes the "parts" whose clause opens like the total's
// (投入2.01亿元，用于…；投入1.36亿元，用于…) — statements side by side, not
// parts of the first — and amounts per person or per unit
// (每人每月2,375元), which are no part of a total.
func dropParallel(pp factPlace, kids []*facts.Fact) []*facts.Fact {
	lead := clauseLead(pp)
	var out []*facts.Fact
	for _, c := range kids {
		if cp, ok := placeOf(c); ok {
			if l := clauseLead(cp); lead != "" && l == lead || perUnitRE.MatchString(before(cp.line.Text, cp.start, tailWindow)) {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// measureRE finds what an amount measures: income, spending, a balance, a
// limit. The parts of one total measure one thing.
var measureRE = rx.MustCompile(`(收入|支出|结余|余额|限额)[^收支结余限]*$`)

// mixedMeasures reports whether the parts measure different things (收入 9.5,
// 支出 9.1, 滚存结余 2 of each fund): the extractor linked a passage of
// several statements per item, not a breakdown.
func mixedMeasures(kids []*facts.Fact) bool {
	seen := ""
	for _, c := range kids {
		m := measureRE.FindStringSubmatch(c.Subject)
		if m == nil {
			continue
		}
		if seen != "" && m[1] != seen {
			return true
		}
		seen = m[1]
	}
	return false
}

// dropAsides removes the parts mentioned inside a bracketed aside, which
// break down the part before them (一般性转移支付837.7亿元（含共同财政事权
// 转移支付62.7亿元），专项转移支付191.6亿元): a part's own parts are not its
// siblings.
func dropAsides(kids []*facts.Fact) []*facts.Fact {
	var out []*facts.Fact
	for _, c := range kids {
		if cp, ok := placeOf(c); ok && inBrackets(cp.line.Text, cp.start) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// dropSubBreakdowns removes parts that break down an earlier part and were
// linked to the total as well: `公务用车购置及运行费21.56万元，其中：购置费0万元；
// 运行费21.56万元` under the 三公经费.
//
// A part i is followed by the parts i+1…j that add up to it when the prefix
// sums differ by its value: the sums are indexed once, so that a long list
// of parts is not summed again from every part (that was quadratic).
func dropSubBreakdowns(kids []*facts.Fact) []*facts.Fact {
	vals := make([]decimal.Decimal, len(kids))
	prefix := make([]decimal.Decimal, len(kids)+1) // prefix[j]: sum of vals[:j]
	at := map[string][]int{}                       // prefix sum → the j with it, in order
	for j, k := range kids {
		vals[j], _ = k.Value()
		prefix[j+1] = prefix[j].Add(vals[j])
	}
	for j, p := range prefix {
		at[p.String()] = append(at[p.String()], j)
	}
	out := kids[:0:0]
	for i := 0; i < len(kids); i++ {
		out = append(out, kids[i])
		if vals[i].IsZero() {
			continue
		}
		// the first j > i with vals[i+1…j] summing to vals[i]
		js := at[prefix[i+1].Add(vals[i]).String()]
		if n, _ := slices.BinarySearch(js, i+2); n < len(js) {
			i = js[n] - 1 // parts i+1 … js[n]-1 are dropped
		}
	}
	return out
}

// ownYear reports whether the clause before a mention names no year or the
// document's own: `2016年度部门支出预算安排为8,648.07万元` in a 2017 budget is
// last year's amount.
func (p *Pass) ownYear(at factPlace) bool {
	a, _ := clause(at.line.Text, at.start, at.end)
	ms := clauseYearRE.FindAllStringSubmatch(at.line.Text[a:at.start], -1)
	if len(ms) == 0 || p.Meta.FiscalYear == 0 {
		return true
	}
	y, _ := strconv.Atoi(ms[len(ms)-1][1])
	return y == p.Meta.FiscalYear
}

// absorbChangeMismatch removes a change-mismatch finding made on the
// sentence of q: when an item gives two amounts, the change computed from
// one of them is wrong as a consequence — one defect, one finding.
func (p *Pass) absorbChangeMismatch(l *normalize.Line, q *quantity.Quantity) bool {
	loc := l.Loc(l.OrigOffset(q.Start))
	written := squash(l.OrigSpan(q.Start, q.End))
	found := *p.found
	for i, f := range found {
		if f.Rule == ChangeMismatch.ID && f.Loc.Page == loc.Page && f.Loc.Line == loc.Line && strings.Contains(squash(f.Evidence), written) {
			*p.found = append(found[:i:i], found[i+1:]...)
			return true
		}
	}
	return false
}

// squash folds width and drops spaces, so that 2961.68 万元 and 2961.68万元
// compare equal.
func squash(s string) string {
	return strings.Join(strings.Fields(textnorm.Fold(s).Text), "")
}
