package check

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/nlp/quantity"
)

// ChangeMismatch finds year-over-year statements that contradict
// themselves, working from the figures written in one sentence.
var ChangeMismatch = &Rule{
	ID:       "change-mismatch",
	Doc:      "a change statement contradicts itself: percent ≠ delta/prior at the shown precision, direction word vs sign, percent on a zero base",
	Severity: Error,
	Run:      runChangeMismatch,
}

// figure is a written number with the interval its display allows: a value
// shown to 0.01 万元 may be anything within ±50 元.
type figure struct {
	q      quantity.Quantity
	lo, hi decimal.Decimal
}

var writtenNumberRE = regexp.MustCompile(`\d[\d,]*(?:\.(\d+))?`)

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
	upRE   = regexp.MustCompile(`^(?:增加|增长|上升|提高|多)`)
	downRE = regexp.MustCompile(`^(?:减少|下降|降低|减)`)
	// bothYearsRE recognises `2025年…执行数为A万元，2026年预算安排B万元，比…`:
	// the prior year's amount comes first, then this year's.
	yearRE = regexp.MustCompile(`(\d{4})\s*年`)
	// finalVsBudgetRE: `年初预算为A万元，支出决算为B万元。决算数大于预算数`
	finalVsBudgetRE = regexp.MustCompile(`决算数\s*(大于|小于|等于|与预算数基本持平|与预算数持平)`)
)

func runChangeMismatch(p *Pass) {
	for _, l := range p.Prose() {
		t := l.Text
		qs := quantity.Scan(t, quantity.Options{})
		start := 0
		for start < len(t) {
			end := strings.IndexAny(t[start:], "。;")
			if end < 0 {
				end = len(t)
			} else {
				end += start
			}
			var in []quantity.Quantity
			for _, q := range qs {
				if q.Start >= start && q.End <= end {
					in = append(in, q)
				}
			}
			checkSentence(p, l, start, end, in)
			start = end + 1
		}
		checkFinalVsBudget(p, l, qs)
	}
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
	dirText := strings.TrimLeft(lastWord(t[b.End:pct.Start]), " ")
	up, down := upRE.MatchString(dirText), downRE.MatchString(dirText)
	if !up && !down {
		return
	}
	prior, cur := newFigure(a), newFigure(b)
	stated := newFigure(*pct)
	switch {
	case up && cur.hi.LessThan(prior.lo):
		p.ReportSpan(l.Line, a.Start, pct.End, fmt.Sprintf("增减方向矛盾：由%s降至%s，却表述为“增加” / direction word contradicts the figures", a.Text, b.Text))
		return
	case down && cur.lo.GreaterThan(prior.hi):
		p.ReportSpan(l.Line, a.Start, pct.End, fmt.Sprintf("增减方向矛盾：由%s增至%s，却表述为“减少” / direction word contradicts the figures", a.Text, b.Text))
		return
	}
	lo, hi, ok := percentRange(prior, cur)
	if !ok {
		if prior.q.Value.IsZero() {
			p.ReportSpan(l.Line, a.Start, pct.End, "上年数为0，不能计算增减百分比 / percent change on a zero base")
		}
		return
	}
	sl, sh := stated.lo, stated.hi
	if down {
		sl, sh = sh.Neg(), sl.Neg()
	}
	if sh.LessThan(lo) || sl.GreaterThan(hi) {
		actual := cur.q.Value.Sub(prior.q.Value).Div(prior.q.Value).Mul(decimal.NewFromInt(100)).Abs().StringFixed(2)
		p.ReportSpan(l.Line, a.Start, pct.End, fmt.Sprintf("增减幅度计算错误：由%s到%s，变动应为%s%%，文中为%s / percent does not match the two amounts (%s%% by the figures)",
			a.Text, b.Text, actual, pct.Text, actual))
	}
}

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
				budget.Text, final.Text, rel, word))
		}
	}
}
