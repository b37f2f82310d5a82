package check

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/internal/rx"

	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/nlp/quantity"
	"github.com/budgetdoc/budgetdoc/schema"
)

// ZeroChangeWording finds a zero change phrased as an increase or decrease.
var ZeroChangeWording = &Rule{
	ID:       "zero-change-wording",
	Doc:      "a zero change phrased as an increase or decrease: 增加0万元 (should read 持平), or as 比…持平 (与…持平)",
	Severity: Info,
	Why:      "A change of zero is written as 持平 or 与上年一致; 增加0万元 reads as a template that was filled in mechanically, and 比 (than) does not go with 持平 (比2025年预算持平 for 与2025年预算持平; 同比持平 and 与上年相比持平 are right). It is reported as info.",
	Example:  "一般公共预算拨款支出预算0万元，比上年增加0万元。",
	Since:    "v0.1.0",
	Run:      runZeroChange,
}

// EmptyReason finds reason clauses without content and sentences that stop
// mid-way.
var EmptyReason = &Rule{
	ID:       "empty-reason",
	Doc:      "a reason clause with no content (主要原因是。) or a sentence that stops mid-way",
	Severity: Error,
	Why:      "A reason clause with nothing after it, or a sentence that ends in a comma, is an unfinished draft: the reason readers are owed is missing. A reason continued on the next line, and short numbered headings such as 六、经费收支增加的原因, are not reported.",
	Example:  "（二）公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是。",
	Since:    "v0.1.0",
	Run:      runEmptyReason,
}

// BaseYear finds comparisons and year statements that contradict the
// document's fiscal year.
var BaseYear = &Rule{
	ID:       "base-year",
	Doc:      "the comparison year or the document year contradicts the fiscal year: a 2026 budget saying 比2026年预算增加",
	Severity: Error,
	Why:      "A comparison against the document's own year, or a section that names another year as the document's, or a project of a budget whose 实施周期 ends before the budget's year, is a copy from last year's document left unchanged. 与 and 同 compare only with 相比/持平/同期 in their clause (…执行情况与2026年预算草案 joins two things); a government report, which covers the year it executed and the year it drafts, is held only to its comparisons.",
	Example:  "a 2026 budget saying 比2026年预算增加793.14万元",
	Since:    "v0.1.0",
	Run:      runBaseYear,
}

// ScopeWording finds wording of the wrong scope or kind.
var ScopeWording = &Rule{
	ID:       "scope-wording",
	Doc:      "wording of the wrong scope or kind: 部门 in a 单位预算, 决算 in a 预算",
	Severity: Warning,
	Why:      "Wording of another document kind or scope (部门 in a 单位预算, 决算 in a 预算) shows text copied from another template; names of classifications and of the budget system (部门预算经济分类) are not reported.",
	Example:  "2026年部门预算安排购置车辆0辆 in a unit budget",
	Since:    "v0.1.0",
	Run:      runScopeWording,
}

// OutdatedTerm finds classification names that a later reform renamed.
var OutdatedTerm = &Rule{
	ID:       "outdated-term",
	Doc:      "a 科目 name the current classification renamed: 医疗卫生与计划生育支出 (卫生健康支出 since 2019)",
	Severity: Warning,
	Why:      "A 科目 name that the classification renamed is wrong for documents of later years; the rule knows the year of each renaming and judges by the document's fiscal year.",
	Example:  "11、医疗卫生与计划生育支出（210类） in a 2026 budget (卫生健康支出 since 2019)",
	Since:    "v0.1.0",
	Run:      runOutdatedTerm,
}

// Punctuation finds doubled and unbalanced punctuation.
var Punctuation = &Rule{
	ID:       "punctuation",
	Doc:      "doubled or missing sentence punctuation, unbalanced quotes/brackets/book-title marks, mixed-width bracket pairs",
	Severity: Info,
	Why:      "Doubled or missing sentence punctuation, unbalanced quotes, brackets and book-title marks, and brackets of mixed width are style defects that careful review removes; a mark whose partner is on the neighbouring line (split by layout) is not reported, nor the closing bracket of a list marker (1）, 2), 一）). Info.",
	Example:  "主要用于：信息化建设及运行维护等方面的支出。。",
	Since:    "v0.1.0",
	Run:      runPunctuation,
}

// directionBeforeRE matches a direction word right before a quantity.
var directionBeforeRE = rx.MustCompile(`(增加|减少|增长|下降|上升|降低|增|减)\s*$`)

func runZeroChange(p *Pass) {
	for _, l := range p.Prose() {
		for _, q := range p.quantities(l.Line) {
			if !q.Value.IsZero() || (q.Kind != quantity.Money && q.Kind != quantity.Percent && q.Kind != quantity.PercentPoint) {
				continue
			}
			m := directionBeforeRE.FindStringSubmatchIndex(l.Text[:q.Start])
			if m == nil {
				continue
			}
			p.ReportSpan(l.Line, m[2], q.End, fmt.Sprintf("变动为零却表述为“%s”，应表述为“持平”或“与上年一致” / zero change worded as %s", l.Text[m[2]:m[3]], l.Text[m[2]:m[3]]))
		}
		for _, m := range thanFlatRE.FindAllStringIndex(l.Text, -1) {
			if m[0] > 0 && strings.ContainsAny(lastRune(l.Text[:m[0]]), "同环相对") {
				continue // 同比持平, 与上年相比持平: right
			}
			p.ReportSpan(l.Line, m[0], m[1], "“比…持平”搭配不当，应为“与…持平” / 比 … 持平 should read 与 … 持平")
		}
	}
}

// thanFlatRE finds 比 (than) with 持平 (flat) in one clause, where a flat
// change is written 与…持平: 比2025年预算持平. A direction word between
// them (比上年增加0万元，持平) or a second comparison leaves it alone.
var thanFlatRE = rx.MustCompile(`比[^，。；：,;比与同和较增减多少高低上下]{0,20}?(?:基本)?持平`)

// emptyReasonRE matches a reason marker followed by nothing but a full
// stop or the end of the paragraph: 主要原因是。 / 原因：； / 主要用于：。
var emptyReasonRE = rx.MustCompile(`(?:主要原因(?:是|为|主要是)?|原因(?:是|为)|主要用于)[:：]?\s*(?:[。；;]|$)`)

func runEmptyReason(p *Pass) {
	lines := p.Prose()
	for k, l := range lines {
		t := strings.TrimRightFunc(l.Text, unicode.IsSpace)
		if _, _, numbered := outline.ParseMarker(l.Orig); numbered && utf8.RuneCountInString(t) < 30 {
			continue // a heading such as 六、经费收支增加的原因
		}
		for _, m := range emptyReasonRE.FindAllStringIndex(t, -1) {
			if m[1] == len(t) && continuesOnNext(lines, k) {
				continue // the reason is on the next line (a layout break)
			}
			p.ReportSpan(l.Line, m[0], m[1], "原因说明没有内容（“主要原因是”之后为空），请补充具体原因 / the reason clause is empty")
		}
		if stopsMidway(t) && !continuesOnNext(lines, k) {
			i := len(t)
			for n := 0; i > 0 && n < 12; n++ {
				_, w := utf8.DecodeLastRuneInString(t[:i])
				i -= w
			}
			p.ReportSpan(l.Line, i, len(t), "句子不完整，疑似中途截断（段落以逗号结束）/ the sentence stops mid-way")
		}
	}
}

// stopsMidway reports whether a prose paragraph ends with a comma or an
// enumeration comma: a sentence that was cut off. Paragraphs ending in a
// word are not judged, since layout breaks that normalization could not
// join look the same.
func stopsMidway(t string) bool {
	if utf8.RuneCountInString(t) < 20 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return last == '，' || last == '、' || last == ','
}

// continuesOnNext reports whether the next prose line carries on the
// sentence: it starts with text or a figure, not with a new item.
func continuesOnNext(lines []TextLine, k int) bool {
	if k+1 >= len(lines) {
		return false
	}
	next := strings.TrimSpace(lines[k+1].Text)
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.Is(unicode.Han, r) && !unicode.IsDigit(r) {
		return false
	}
	// Inside an open quote the next line goes on with it, even when it
	// looks like an item (“两节及六一、教师节、/ 八一、记者节等”慰问费).
	cur := lines[k].Text
	return strings.Count(cur, "“") > strings.Count(cur, "”") || !startsNewItem(next)
}

var newItemRE = rx.MustCompile(`^(?:[一二三四五六七八九十]+、|\(|（|\d{1,2}[.、．]\D|第[一二三四五六七八九十]+部分)`)

func startsNewItem(s string) bool { return newItemRE.MatchString(s) }

// comparisonRE finds a year that a change is measured against: 比2025年,
// 较2025年度, 与2025年预算相比/持平, 2025年当年预算执行数.
var comparisonRE = rx.MustCompile(`(?:比|较|与|同)\s*(\d{4})\s*年`)

// docYearRE finds a statement of the document's own year: 2024年度部门决算,
// 2026年单位预算, 2026年区级部门预算.
var docYearRE = rx.MustCompile(`(\d{4})\s*年度?(?:区级|市级|省级)?(?:部门|单位)(?:预算|决算)(?:情况说明|编制说明|表|公开)?`)

// asOfRE finds the cut-off date of an asset statement.
var asOfRE = rx.MustCompile(`截至\s*(\d{4})\s*年\s*(\d{1,2})\s*月`)

func runBaseYear(p *Pass) {
	fy := p.Meta.FiscalYear
	if fy == 0 {
		return
	}
	lines := p.Prose()
	// The metadata may come from a stale Info dictionary: trust the fiscal
	// year only when the text itself states it.
	fyText := strconv.Itoa(fy) + "年"
	confirmed := false
	for _, l := range lines {
		if strings.Contains(l.Text, fyText) {
			confirmed = true
			break
		}
	}
	if !confirmed {
		return
	}
	budget := p.Meta.Kind == schema.KindBudget
	final := p.Meta.Kind == schema.KindFinalAccounts
	for _, l := range lines {
		t := l.Text
		for _, m := range comparisonRE.FindAllStringSubmatchIndex(t, -1) {
			y, _ := strconv.Atoi(t[m[2]:m[3]])
			if y >= fy && y < fy+5 && comparing(t, m) {
				p.ReportSpan(l.Line, m[0], m[1], fmt.Sprintf("比较基期错误：%d年度文件应与%d年（上年）比较，不应写“%d年” / comparison year %d in a %d document", fy, fy-1, y, y, fy))
			}
		}
		if p.government() {
			// A government report covers the year it executed and the
			// year it drafts, names the departments' budgets of other
			// years and dates its debt figures to the day it was written.
			continue
		}
		for _, m := range docYearRE.FindAllStringSubmatchIndex(t, -1) {
			y, _ := strconv.Atoi(t[m[2]:m[3]])
			if y == fy || y < 2000 || (m[0] > 0 && strings.ContainsAny(lastRune(t[:m[0]]), "比较与同对上")) {
				continue
			}
			p.ReportSpan(l.Line, m[0], m[1], fmt.Sprintf("年度错误：本文件为%d年度，此处写为%d年 / the document is for %d, this says %d", fy, y, fy, y))
		}
		for _, m := range asOfRE.FindAllStringSubmatchIndex(t, -1) {
			y, _ := strconv.Atoi(t[m[2]:m[3]])
			mo, _ := strconv.Atoi(t[m[4]:m[5]])
			switch {
			case final && y != fy && mo == 12:
				p.ReportSpan(l.Line, m[0], m[1], fmt.Sprintf("时点错误：%d年度决算的资产情况应截至%d年12月31日 / final accounts for %d should state assets as of 31 Dec %d", fy, fy, fy, fy))
			case budget && y >= fy:
				p.ReportSpan(l.Line, m[0], m[1], fmt.Sprintf("时点错误：%d年预算编制时资产情况应截至%d年（上年）某日 / a %d budget cannot state assets as of %d", fy, fy-1, fy, y))
			}
		}
	}
	if budget && p.Result != nil && p.Result.Out != nil {
		reportPastPeriods(p, fy)
	}
}

// periodYearRE finds the years of a project's 实施周期 (2025年1月1日-2025年
// 12月31日, 2025.1.1-2025.12.31, 2021至2026).
var periodYearRE = rx.MustCompile(`(?:19|20)\d\d`)

// reportPastPeriods reports the projects of a budget for year fy whose
// 实施周期 ends before fy: a project block copied from last year's
// document, its period left as it was.
func reportPastPeriods(p *Pass, fy int) {
	for _, pr := range p.Result.Out.Projects {
		if pr.PeriodLoc == nil {
			continue
		}
		end := 0
		for _, m := range periodYearRE.FindAllStringIndex(pr.Period, -1) {
			n, _ := strconv.Atoi(pr.Period[m[0]:m[1]])
			end = max(end, n)
		}
		if end == 0 || end >= fy {
			continue
		}
		p.Report(schema.Finding{
			Message: fmt.Sprintf("项目实施周期早于预算年度：%s的实施周期为“%s”，本文件为%d年预算 / the project's period ends in %d, before the %d budget",
				pr.Name, pr.Period, fy, end, fy),
			Evidence: pr.Period,
			Loc:      *pr.PeriodLoc,
		})
	}
}

// comparingRE finds the words that make 与/同 a comparison (与2025年相比)
// rather than a conjunction (2025年预算执行情况与2026年预算草案).
var comparingRE = rx.MustCompile(`相比|比较|对比|持平|一致|同期`)

// comparing reports whether the comparisonRE match m in t compares: 比 and
// 较 always do; 与 and 同 only with a word of comparison later in their
// clause.
func comparing(t string, m []int) bool {
	w := t[m[0]:m[2]]
	if !strings.HasPrefix(w, "与") && !strings.HasPrefix(w, "同") {
		return true
	}
	rest := t[m[1]:]
	if i := strings.IndexAny(rest, "，。；,;"); i >= 0 {
		rest = rest[:i]
	}
	return comparingRE.MatchString(rest)
}

func lastRune(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}

// unitWrongRE finds department-level wording; 部门预算经济分类 and
// 部门经济分类 are names of the classification and are right in any scope,
// and 预算主管部门 names the department a unit belongs to.
var unitWrongRE = rx.MustCompile(`本部门|部门(?:预算|决算)|部门(?:主要职能|机构设置|财务收支|收入|支出)`)

// finalWordRE finds 决算 outside 预决算 and 决算数/决算表 of earlier years.
var finalWordRE = rx.MustCompile(`(?:本部门|本单位|部门|单位)决算|决算(?:数|表)`)

// notDepartmentWordRE is what follows 部门 when it names a system, not the
// scope (部门预算改革, 部门经济分类); yearBeforeRE is a year or 上年 right
// before 决算 (2024年决算, 上年决算): the prior year's accounts, not the
// document's kind.
var (
	notDepartmentWordRE = rx.MustCompile(`^(?:改革|管理|制度|编制|公开|经济分类)`)
	yearBeforeRE        = rx.MustCompile(`\d{4}\s*年度?$|上年度?$`)
)

func runScopeWording(p *Pass) {
	unit := p.Meta.Scope == schema.ScopeUnit
	budget := p.Meta.Kind == schema.KindBudget
	for _, l := range p.Prose() {
		t := l.Text
		if unit {
			for _, m := range unitWrongRE.FindAllStringIndex(t, -1) {
				rest := t[m[1]:]
				if strings.HasPrefix(rest, "经济分类") || notDepartmentWordRE.MatchString(rest) {
					continue
				}
				p.ReportSpan(l.Line, m[0], m[1], fmt.Sprintf("口径用词不当：单位预算/决算中出现“%s”，应为“单位”口径 / department wording in a unit document", t[m[0]:m[1]]))
			}
		}
		if budget && !p.government() { // a government report reports on the 决算 of past years
			for _, m := range finalWordRE.FindAllStringIndex(t, -1) {
				before := lastRune(t[:m[0]])
				if before == "预" || yearBeforeRE.MatchString(t[:m[0]]) {
					continue // 预决算; a past year's 决算 is a legitimate reference
				}
				p.ReportSpan(l.Line, m[0], m[1], "口径用词不当：预算文件中出现“决算” / final-accounts wording in a budget document")
			}
		}
	}
}

func runOutdatedTerm(p *Pass) {
	fy := p.Meta.FiscalYear
	if fy == 0 {
		return
	}
	for _, l := range p.Lines() {
		for _, r := range renamedTerms() {
			if fy < r.since {
				continue
			}
			for off := 0; ; {
				i := strings.Index(l.Text[off:], r.old)
				if i < 0 {
					break
				}
				i += off
				p.ReportSpan(l.Line, i, i+len(r.old), fmt.Sprintf("科目名称已调整：自%d年起“%s”更名为“%s” / renamed classification: use %s", r.since, r.old, r.now, r.now))
				off = i + len(r.old)
			}
		}
	}
}

// doubledRE matches doubled or clashing sentence punctuation in the
// original text (full-width marks are not folded there).
var doubledRE = rx.MustCompile(`。。|，，|；；|、、|，。|。，|；。|。；|，；|；，|：：`)

func runPunctuation(p *Pass) {
	lines := p.Prose()
	for k, l := range lines {
		o := l.Orig
		for _, m := range doubledRE.FindAllStringIndex(o, -1) {
			p.ReportOrig(l.Line, max(0, m[0]-15), m[1], "标点重复或连用："+o[m[0]:m[1]]+" / doubled punctuation")
		}
		var prev, next string
		if k > 0 {
			prev = lines[k-1].Orig
		}
		if k+1 < len(lines) {
			next = lines[k+1].Orig
		}
		checkPairs(p, l, prev, next)
		if reasonNoStop(o) && !continuesOnNext(lines, k) {
			p.ReportOrig(l.Line, max(0, len(o)-30), len(o), "句末缺少句号 / the sentence has no full stop")
		}
	}
}

// reasonNoStop reports a reason sentence that ends without a full stop:
// `财政拨款收入支出增加的主要原因是工作量增加`.
func reasonNoStop(o string) bool {
	o = strings.TrimSpace(o)
	if !strings.Contains(o, "原因") || utf8.RuneCountInString(o) < 12 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(o)
	return unicode.Is(unicode.Han, last)
}

// pairs are the brackets and quotes checked for balance; half- and
// full-width round brackets pair with each other but are reported as mixed.
var openers = map[rune]rune{'（': '）', '(': ')', '“': '”', '《': '》', '【': '】', '〔': '〕'}
var closers = map[rune]rune{'）': '（', ')': '(', '”': '“', '》': '《', '】': '【', '〕': '〔'}

// checkPairs checks the marks of one logical line; prev and next are the
// neighbouring lines, where a mark split off by a layout break may sit.
func checkPairs(p *Pass, l TextLine, prev, next string) {
	o := l.Orig
	type open struct {
		r   rune
		off int
	}
	var stack []open
	for i, r := range o {
		if _, ok := openers[r]; ok {
			stack = append(stack, open{r, i})
			continue
		}
		want, ok := closers[r]
		if !ok {
			continue
		}
		// Find the nearest matching opener, treating ( and （ as one kind.
		k := len(stack) - 1
		for k >= 0 && !samePair(stack[k].r, want) {
			k--
		}
		if k < 0 && strings.ContainsRune(lastOpen(prev), want) {
			continue // opened on the previous line
		}
		if k < 0 && listMarkerRE.MatchString(o[:i]) {
			continue // 1）, 2) and 一）: a list marker, not a bracket
		}
		if k < 0 {
			// a ）closing a half-width ( of the previous line is not unbalanced
			if !(want == '（' && strings.ContainsRune(lastOpen(prev), '(')) {
				p.ReportOrig(l.Line, max(0, i-24), i+utf8.RuneLen(r), "括号或引号不成对：多出一个“"+string(r)+"” / unbalanced closing mark")
			}
			continue
		}
		if stack[k].r != want {
			p.ReportOrig(l.Line, stack[k].off, i+utf8.RuneLen(r), "括号全角半角混用：“"+string(stack[k].r)+"”与“"+string(r)+"”配对 / mixed-width bracket pair")
		}
		stack = stack[:k]
	}
	for _, s := range stack {
		if closesFirst(next, openers[s.r]) {
			continue // closed on the next line
		}
		if s.r == '“' || s.r == '《' || s.r == '（' || s.r == '(' {
			end := min(len(o), s.off+36)
			for end < len(o) && !utf8.RuneStart(o[end]) {
				end++
			}
			p.ReportOrig(l.Line, s.off, end, "括号或引号不成对：“"+string(s.r)+"”没有对应的结束符号 / unbalanced opening mark")
		}
	}
}

// listMarkerRE matches the text before a closing bracket that makes it a
// list marker: a number of one or two digits (or a Chinese numeral) at the
// start of the line or after a space or punctuation.
var listMarkerRE = rx.MustCompile(`(?:^|[\s。；，：:;,、])\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[a-zA-Z])$`)

func samePair(a, b rune) bool {
	round := func(r rune) bool { return r == '(' || r == '（' }
	return a == b || (round(a) && round(b))
}

// lastOpen returns the opening marks of s that are still open at its end.
func lastOpen(s string) string {
	var stack []rune
	for _, r := range s {
		if _, ok := openers[r]; ok {
			stack = append(stack, r)
		} else if o, ok := closers[r]; ok && len(stack) > 0 && samePair(stack[len(stack)-1], o) {
			stack = stack[:len(stack)-1]
		}
	}
	return string(stack)
}

// closesFirst reports whether s closes the mark before opening another of
// its kind.
func closesFirst(s string, closer rune) bool {
	for _, r := range s {
		if r == closer || (closer == '）' && r == ')') || (closer == ')' && r == '）') {
			return true
		}
		if _, ok := openers[r]; ok && openers[r] == closer {
			return false
		}
	}
	return false
}
