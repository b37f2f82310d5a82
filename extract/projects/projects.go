// Package projects finds the project blocks of a budget disclosure — the
// 项目经费情况说明 sections with 项目概述, 立项依据, 实施主体, 实施周期 and
// 年度预算安排 — and their performance indicators, both from prose lists
// (`数量指标：a；b；c`) and from indicator tables (a department's
// 财政项目支出绩效目标填报表, a government's 项目绩效目标表 and
// 重大政策和重点项目绩效目标表), and links each indicator table to its
// project. Categories are those of the national framework (framework.go).
//
// Indicator tables that the reader reconstructed as grids are read by the
// names of their header cells, in any column order (grid.go): a table of
// one project (项目名称 and the other fields as label–value cells above the
// header) or of many (a 项目名称 column merged down over each project's
// rows, under rows naming the unit); the target joins 指标性质, 指标值 and
// 度量单位 when they are columns of their own. A grid without a header on
// the page after an indicator grid continues it.
//
// Tables laid out as text (table.go) are read from the lines the PDF reader
// gives: one line per visual row, cells separated by wide gaps. Label cells
// merged over several rows (一级/二级指标) are printed once, at the vertical
// middle of their span, so rows are assigned to labels by their position.
// Known limits of the text layout: a name and a target that both wrap onto
// a second line read as two indicators; a table continued on a page without
// its header is not read.
package projects

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/nlp/quantity"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Extract returns the projects of a normalized document, in document
// order, with IDs p1, p2 …. tree may be nil; when given, a numbered heading
// that is not a project field ends the block it is in. It stops with ctx's
// error when ctx is done.
func Extract(ctx context.Context, txt *normalize.Text, tree *outline.Outline) ([]schema.Project, error) {
	if txt == nil {
		return nil, nil
	}
	lines := flatten(txt)
	headings := map[[2]int]bool{}
	if tree != nil {
		for _, n := range tree.All {
			if n.Heading {
				headings[[2]int{n.Page, n.Item}] = true
			}
		}
	}
	var out []schema.Project
	for _, b := range findBlocks(lines, headings) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		out = append(out, b.project(lines))
	}
	blocks := len(out)
	for _, t := range findTables(txt) {
		link(&out, t, blocks)
	}
	for i := range out {
		out[i].ID = fmt.Sprintf("p%d", i+1)
	}
	return out, nil
}

// line is a logical line with its place in the document.
type line struct {
	page, item int
	l          *normalize.Line
}

func flatten(txt *normalize.Text) []line {
	var out []line
	for pi, p := range txt.Pages {
		for ii, it := range p.Items {
			if it.Line != nil && it.Line.Text != "" {
				out = append(out, line{pi, ii, it.Line})
			}
		}
	}
	return out
}

// Field kinds of a project block.
type field int

const (
	noField field = iota
	fOverview
	fBasis
	fImplementer
	fPlan
	fPeriod
	fBudget
	fGoals
)

// fieldLabels are the labels of a project block as written in the corpus,
// longest first within a field.
var fieldLabels = []struct {
	label string
	f     field
}{
	{"项目基本情况", fOverview}, {"项目概述", fOverview}, {"项目概况", fOverview}, {"项目简介", fOverview},
	{"项目立项依据", fBasis}, {"立项依据", fBasis},
	{"实施主体", fImplementer}, {"实施单位", fImplementer},
	{"实施方案", fPlan},
	{"实施周期", fPeriod}, {"实施期限", fPeriod}, {"实施时间", fPeriod},
	{"年度预算安排", fBudget}, {"预算安排", fBudget}, {"资金安排", fBudget}, {"年度预算", fBudget},
	{"项目绩效目标", fGoals}, {"绩效目标", fGoals},
}

// parseLabel recognises a field label line: an optional number, the label,
// and either nothing or a colon and the field's first text. It returns the
// field, the marker style and the view offset where the content starts.
func parseLabel(view string) (field, outline.Style, int) {
	m, rest, _ := outline.ParseMarker(view)
	rest = strings.TrimLeft(rest, " \u3000")
	off := len(view) - len(rest)
	for _, fl := range fieldLabels {
		if !strings.HasPrefix(rest, fl.label) {
			continue
		}
		after := rest[len(fl.label):]
		trimmed := strings.TrimLeft(after, " \u3000")
		switch {
		case trimmed == "" || trimmed == "。":
			return fl.f, m.Style, len(view)
		case strings.HasPrefix(trimmed, "：") || strings.HasPrefix(trimmed, ":"):
			_, n := utf8.DecodeRuneInString(trimmed)
			return fl.f, m.Style, off + len(fl.label) + len(after) - len(trimmed) + n
		}
	}
	return noField, outline.NoStyle, 0
}

// block is a project block: lines [start, end) of the flattened document.
type block struct {
	title        int // index of the title line, or -1
	start, end   int
	nameFromLine string
}

var (
	titleSuffixRE = regexp.MustCompile(`(经费)?情况说明$`)
	tableTitleRE  = regexp.MustCompile(`绩效目标(填报|申报)?表`)
	projNameRE    = regexp.MustCompile(`^项目名称[:：]\s*(.+)$`)
)

// findBlocks finds every project block: an overview label (一、项目概述) starts
// one; the line before it, when it is a short title, names the project.
func findBlocks(lines []line, headings map[[2]int]bool) []block {
	var bs []block
	var labelStyle outline.Style
	for i := 0; i < len(lines); i++ {
		f, st, _ := parseLabel(lines[i].l.Text)
		if f != fOverview {
			continue
		}
		b := block{title: -1, start: i}
		labelStyle = st
		for k := i - 1; k >= max(0, i-3); k-- {
			t := strings.TrimSpace(lines[k].l.Text)
			if m := projNameRE.FindStringSubmatch(t); m != nil {
				b.title, b.start = k, k
				b.nameFromLine = m[1]
				break
			}
			if k == i-1 && isTitle(t) {
				b.title, b.start = k, k
				break
			}
		}
		// The block runs to the next block, an indicator table or a
		// numbered heading of the labels' rank or above that is no label.
		end := len(lines)
		for k := i + 1; k < len(lines); k++ {
			t := strings.TrimSpace(lines[k].l.Text)
			f, _, _ := parseLabel(t)
			if f == fOverview {
				end = k
				if k-1 > i && isTitle(strings.TrimSpace(lines[k-1].l.Text)) {
					end = k - 1
				}
				break
			}
			if tableTitleRE.MatchString(t) && utf8.RuneCountInString(t) <= 30 {
				end = k
				break
			}
			if f == noField && headings[[2]int{lines[k].page, lines[k].item}] {
				if m, _, ok := outline.ParseMarker(t); ok && m.Style <= labelStyle && labelStyle != outline.NoStyle {
					end = k
					break
				}
			}
		}
		b.end = end
		bs = append(bs, b)
		i = end - 1
	}
	return bs
}

// isTitle reports a short line without sentence punctuation, fit to name a
// project (`科技创新专项经费情况说明`).
func isTitle(t string) bool {
	n := utf8.RuneCountInString(t)
	if n == 0 || n > 60 || strings.ContainsAny(t, "。；;，,") || strings.Contains(t, "   ") {
		return false
	}
	f, _, _ := parseLabel(t)
	return f == noField
}

// projectName takes the project's name from its block title: the title
// without `经费情况说明`; a bare `项目经费情况说明` names nothing.
func projectName(title string) string {
	title = strings.TrimSpace(title)
	if _, rest, ok := outline.ParseMarker(title); ok {
		title = strings.TrimSpace(rest)
	}
	name := titleSuffixRE.ReplaceAllString(title, "")
	if name == "项目" {
		return ""
	}
	return name
}

func (b block) project(lines []line) schema.Project {
	p := schema.Project{}
	first := lines[b.start]
	p.Loc = lineLoc(first.l, 0)
	if b.nameFromLine != "" {
		p.Name = strings.TrimSpace(b.nameFromLine)
	} else if b.title >= 0 {
		p.Name = projectName(lines[b.title].l.Orig)
	}
	fields := map[field]*joined{}
	var cur *joined
	for k := b.start; k < b.end; k++ {
		if k == b.title {
			continue
		}
		l := lines[k].l
		f, _, from := parseLabel(l.Text)
		if f != noField {
			cur = &joined{}
			if fields[f] == nil {
				fields[f] = cur
			} else {
				cur = fields[f]
			}
			if from < len(l.Text) {
				cur.add(l, from)
			}
			continue
		}
		if cur != nil {
			cur.add(l, 0)
		}
	}
	text := func(f field) string {
		if j := fields[f]; j != nil {
			return j.written
		}
		return ""
	}
	p.Overview = text(fOverview)
	p.Basis = text(fBasis)
	p.Implementer = text(fImplementer)
	p.Period = text(fPeriod)
	if j := fields[fPeriod]; j != nil && p.Period != "" {
		loc := j.loc(0)
		p.PeriodLoc = &loc
	}
	if j := fields[fBudget]; j != nil {
		p.Budget = budget(j.text)
	}
	if j := fields[fGoals]; j != nil {
		p.Indicators = append(p.Indicators, listIndicators(j)...)
	}
	return p
}

// listIndicators reads the prose lists of a field.
func listIndicators(j *joined) []schema.Indicator {
	var out []schema.Indicator
	for _, it := range ParseList(j.text) {
		out = append(out, schema.Indicator{
			Group:    it.Group,
			Category: it.Category,
			Name:     j.orig(it.NameStart, it.NameEnd),
			Target:   j.orig(it.TargetStart, it.TargetEnd),
			Loc:      j.loc(it.NameStart),
		})
	}
	return out
}

// totalWords mark the total of an amount list (合计1170.00万).
var totalWords = []string{"合计", "共计", "总计", "总额", "总预算", "共"}

// budget reads the annual budget of a 年度预算安排 field, in yuan: the amount
// before 其中 (项目总预算1720.00万，其中…), else one marked as the total, else
// the only amount, else the sum of the amounts listed (quarterly plans,
// items without a total). Empty when the field states no amount.
func budget(view string) string {
	var money []quantity.Quantity
	for _, q := range quantity.Scan(view, quantity.Options{}) {
		// The field is an amount slot: a bare 万/亿 amount (合计400.00万) is money.
		bare := q.Kind == quantity.Number && (strings.HasSuffix(q.Text, "万") || strings.HasSuffix(q.Text, "亿"))
		if (q.Kind == quantity.Money && q.Unit == "CNY" || bare) && !q.Negative {
			money = append(money, q)
		}
	}
	if len(money) == 0 {
		return ""
	}
	if i := strings.Index(view, "其中"); i >= 0 {
		var last *quantity.Quantity
		for k := range money {
			if money[k].End <= i {
				last = &money[k]
			}
		}
		if last != nil {
			return last.Value.String()
		}
	}
	for _, q := range money {
		before := view[max(0, q.Start-12):q.Start]
		for _, w := range totalWords {
			if strings.HasSuffix(strings.TrimRight(before, "为是：: "), w) {
				return q.Value.String()
			}
		}
	}
	sum := decimal.Zero
	for _, q := range money {
		sum = sum.Add(q.Value)
	}
	return sum.String()
}
