package check

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/extract/facts"
	"github.com/budgetdoc/budgetdoc/extract/tables"
	"github.com/budgetdoc/budgetdoc/internal/rx"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
	"github.com/budgetdoc/budgetdoc/schema"
)

// The narrative of a department's or unit's disclosure restates, section
// by section, the totals of the standard tables: 四、财政拨款收入支出…总计
// is the 总计 of the 财政拨款收支总表, 六、一般公共预算财政拨款基本支出 and
// its 人员经费/公用经费 are cells of the 一般公共预算支出表 and 基本支出表,
// 七、“三公”经费 the 合计 of the 三公 table. table-text-mismatch reconciles
// each such figure with the cell it restates, and reports only when the
// match is unambiguous: the fact's subject names the figure exactly (the
// fact is a part of the right total for 人员经费/公用经费), the table is of
// the kind that holds it, the cell is in the figure's row and column, the
// column is of the same year and the same 预算/决算 as the figure (年初预算
// of a final account is the 预算数 column), and amounts are compared in
// yuan within the rounding of both.

// narrativeTarget is one figure of the narrative and where its table
// holds it.
// cellPlace is an amount cell as the targets see it: its row's label and
// code, its column's header path (quotes and spaces removed, levels joined
// by "/"), and the cleaned subject of the fact it is compared with.
type cellPlace struct {
	label, code, path, subject string
}

type narrativeTarget struct {
	what    string     // the figure, for the message
	subject *rx.Regexp // the fact's subject, cleaned by narrativeSubject
	// parent, when set, must match the cleaned subject of the total the
	// fact is a part of (人员经费 of 一般公共预算财政拨款基本支出, not of 基本支出).
	parent *rx.Regexp
	kinds  []tables.Kind
	// cell reports whether a cell of t holds the figure.
	cell func(t *tables.Table, c cellPlace) bool
	// emptyIsZero: a table of these kinds without any amount states that
	// the figure is zero (an empty 三公 table), so a non-zero figure in the
	// text contradicts it.
	emptyIsZero bool
}

var (
	totalRowRE      = rx.MustCompile(`^(?:合计|总计)$`)
	grandTotalRowRE = rx.MustCompile(`^(?:收入|支出)?总计$`)
	sideTotalRowRE  = rx.MustCompile(`^(?:收入|支出)?合计$`)
	partColumnRE    = rx.MustCompile(`基本支出|项目支出|人员经费|公用经费`)
	threePublicItem = rx.MustCompile(`因公出国|公务用车|公务接待|购置费|运行费`)
	otherThanThree  = rx.MustCompile(`会议费|培训费|机关运行`)
	// figureWordRE starts the name of a figure of the targets; orgEndRE
	// ends the name of an organisation written before it.
	figureWordRE     = rx.MustCompile(`三公|一般公共预算|财政拨款|人员经费|公用经费|收入、支出`)
	orgEndRE         = rx.MustCompile(`(?:厅|局|院|委|办|部|中心|街道|政府|所|站|队|馆|会)$`)
	generalSubjectRE = rx.MustCompile(`^一般公共预算(?:财政)?拨款支出(?:年初)?(?:预算|决算)?(?:数|总额|合计)?$`)
	classSubjectRE   = rx.MustCompile(`^(\p{Han}+支出)[(（]类[)）]$`)
	staffSubjectRE   = rx.MustCompile(`^人员经费(?:支出)?(?:预算|决算)?(?:数)?$`)
	officeSubjectRE  = rx.MustCompile(`^公用经费(?:支出)?(?:预算|决算)?(?:数)?$`)
	basicSubjectRE   = rx.MustCompile(`^一般公共预算(?:财政)?拨款基本支出(?:预算|决算)?(?:数|总额|合计)?$`)
)

var narrativeTargets = []narrativeTarget{
	{
		what:    "收入支出总计",
		subject: rx.MustCompile(`^(?:收入支出|收支|收入)(?:预算|决算)?总计$`),
		kinds:   []tables.Kind{tables.IncomeExpenseSummary},
		cell:    grandTotalCell,
	},
	{
		what:    "财政拨款收支总计",
		subject: rx.MustCompile(`^财政拨款(?:收入支出|收支|收入|支出)(?:预算|决算)?(?:总计|总额)$`),
		kinds:   []tables.Kind{tables.FiscalSummary},
		cell:    grandTotalCell,
	},
	{
		what:    "一般公共预算财政拨款支出",
		subject: generalSubjectRE,
		kinds:   []tables.Kind{tables.GeneralExpense},
		cell: func(t *tables.Table, c cellPlace) bool {
			return totalRowRE.MatchString(c.label) && !partColumnRE.MatchString(c.path)
		},
	},
	{
		// the 类 of 一般公共预算财政拨款支出 “主要用于以下方面：…（类）X万元”
		what:    "一般公共预算财政拨款支出的类",
		subject: classSubjectRE,
		parent:  generalSubjectRE,
		kinds:   []tables.Kind{tables.GeneralExpense},
		cell: func(t *tables.Table, c cellPlace) bool {
			return len(c.code) == 3 && c.label == classSubjectRE.FindStringSubmatch(c.subject)[1] && !partColumnRE.MatchString(c.path)
		},
	},
	{
		what:    "一般公共预算财政拨款基本支出",
		subject: basicSubjectRE,
		kinds:   []tables.Kind{tables.GeneralExpense, tables.GeneralBasicExpense},
		cell: func(t *tables.Table, c cellPlace) bool {
			if !totalRowRE.MatchString(c.label) {
				return false
			}
			if t.Kind == tables.GeneralExpense {
				return strings.Contains(c.path, "基本支出") && !strings.Contains(c.path, "人员经费") && !strings.Contains(c.path, "公用经费")
			}
			return !partColumnRE.MatchString(strings.ReplaceAll(c.path, "基本支出", ""))
		},
	},
	partOfBasic("人员经费", staffSubjectRE),
	partOfBasic("公用经费", officeSubjectRE),
	{
		what:    "“三公”经费",
		subject: rx.MustCompile(`^三公经费(?:支出)?(?:年初)?(?:预算|决算)?(?:数|支出|总额|合计)?$`),
		kinds:   []tables.Kind{tables.ThreePublic},
		cell: func(t *tables.Table, c cellPlace) bool {
			if c.label != "" && !totalRowRE.MatchString(c.label) || threePublicItem.MatchString(c.path) {
				return false
			}
			segs := strings.Split(c.path, "/")
			for k, s := range segs {
				if strings.Contains(s, "三公") {
					return k+1 < len(segs) && (segs[k+1] == "合计" || segs[k+1] == "小计")
				}
			}
			// a 合计 column is the 三公 total when the table holds nothing else
			return segs[0] == "合计" && !hasColumn(t, otherThanThree)
		},
		emptyIsZero: true,
	},
}

// partOfBasic is the target of 人员经费 or 公用经费 stated as a part of
// 一般公共预算财政拨款基本支出: the 人员经费合计 row of the 基本支出表, or
// its 人员经费 column in the 合计 row.
func partOfBasic(name string, subject *rx.Regexp) narrativeTarget {
	return narrativeTarget{
		what:    name,
		subject: subject,
		parent:  basicSubjectRE,
		kinds:   []tables.Kind{tables.GeneralBasicExpense},
		cell: func(t *tables.Table, c cellPlace) bool {
			return c.label == name || c.label == name+"合计" || totalRowRE.MatchString(c.label) && strings.HasSuffix(c.path, name)
		},
	}
}

// grandTotalCell is a cell of a 总计 row (收入总计, 支出总计), or of a
// side's 合计 row in a table that has no 总计 row.
func grandTotalCell(t *tables.Table, c cellPlace) bool {
	if grandTotalRowRE.MatchString(c.label) {
		return true
	}
	return sideTotalRowRE.MatchString(c.label) && !hasRow(t, grandTotalRowRE)
}

func hasRow(t *tables.Table, re *rx.Regexp) bool {
	for _, r := range t.Body {
		if re.MatchString(squeezeAll(r.Label)) {
			return true
		}
	}
	return false
}

func hasColumn(t *tables.Table, re *rx.Regexp) bool {
	for j := range t.Columns {
		if re.MatchString(t.Path(j)) {
			return true
		}
	}
	return false
}

// squeezeAll folds s and drops its spaces and quotes.
func squeezeAll(s string) string {
	return quotesAndSpaces.ReplaceAllString(textnorm.Fold(s).Text, "")
}

// columnPath is a column's header path with quotes and spaces dropped and
// its levels joined by "/".
func columnPath(t *tables.Table, j int) string {
	parts := make([]string, len(t.Columns[j].Path))
	for k, s := range t.Columns[j].Path {
		parts[k] = squeezeAll(s)
	}
	return strings.Join(parts, "/")
}

// phase says whether a figure or a column is a budget (预算) or an outturn
// (决算): the word if written — 一般公共预算 is the name of a fund, not a
// phase — or else the document's own.
func phase(s string, final bool) string {
	s = strings.ReplaceAll(s, "一般公共预算", "")
	switch {
	case strings.Contains(s, "决算"):
		return "决算"
	case strings.Contains(s, "预算"):
		return "预算"
	case final:
		return "决算"
	}
	return "预算"
}

var columnYearRE = rx.MustCompile(`((?:19|20)\d{2})年`)

// otherYear reports whether a column is about another year than fy: 上年,
// 上年预算数, or a year written in its header other than fy.
func otherYear(path string, fy int) bool {
	if strings.Contains(path, "上年") || strings.Contains(path, "执行") {
		return true
	}
	for _, m := range columnYearRE.FindAllStringSubmatch(path, -1) {
		if y, _ := strconv.Atoi(m[1]); fy != 0 && y != fy {
			return true
		}
	}
	return false
}

// narrativeSubject cleans a fact's subject for the targets: folded,
// without quotes, spaces, the organisation and 本部门/本单位; the fund
// words 财政拨款/安排 are dropped for 三公 only, where they qualify
// the same figure.
func (p *Pass) narrativeSubject(s string) string {
	s = squeezeAll(s)
	if org := p.Meta.Organization; org != "" {
		s = strings.ReplaceAll(s, squeezeAll(org), "")
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "本部门"), "本单位")
	// an organisation the metadata did not name: 江苏省人大常委会办公厅一般公共预算…
	if m := figureWordRE.FindStringIndex(s); m != nil && m[0] > 0 && orgEndRE.MatchString(s[:m[0]]) {
		s = s[m[0]:]
	}
	if strings.HasPrefix(s, "三公") || strings.HasPrefix(subjectNoise.ReplaceAllString(s, ""), "三公") {
		s = subjectNoise.ReplaceAllString(s, "")
	}
	return s
}

type tableCell struct {
	t *tables.Table
	c tables.Cell
}

// narrativeFigure is a fact of the narrative matched to a target: its
// value, its cleaned subject, and whether it is a 预算 or a 决算 figure.
type narrativeFigure struct {
	f       *facts.Fact
	v       decimal.Decimal
	subject string
	phase   string
}

// reconcileNarrative checks the narrative's figures against the cells
// they restate (see narrativeTargets).
func reconcileNarrative(p *Pass, ts []*tables.Table) {
	final := p.Meta.Kind == schema.KindFinalAccounts
	fs := p.facts()
	for i := range fs {
		f := &fs[i]
		v, ok := f.Value()
		if f.Kind != schema.FactMoney || !ok || f.Approx || f.Entity != "" {
			continue
		}
		subject := p.narrativeSubject(f.Subject)
		if strings.Contains(subject, "上年") || strings.Contains(subject, "执行") {
			continue
		}
		for _, tg := range narrativeTargets {
			if !tg.subject.MatchString(subject) {
				continue
			}
			// a part is a 预算 or 决算 figure as its total is
			whole := subject
			if tg.parent != nil {
				w := wholeOf(fs, i)
				if w < 0 {
					continue
				}
				ps := p.narrativeSubject(fs[w].Subject)
				if !tg.parent.MatchString(ps) {
					continue
				}
				whole = ps + subject
			}
			reconcileFact(p, tg, narrativeFigure{f, v, subject, phase(whole, final)}, ts, final)
			break
		}
	}
}

// wholeOf returns the index of the total that fact i is a part of: the
// parent extraction linked, or else the first amount of its line when it
// comes before it (一般公共预算财政拨款支出X万元，主要用于以下方面：…（类）Y万元);
// -1 when there is none.
func wholeOf(fs []facts.Fact, i int) int {
	if fs[i].Parent >= 0 && fs[i].Parent < len(fs) {
		return fs[i].Parent
	}
	first := -1
	for k := i - 1; k >= 0 && fs[k].Line != nil && fs[k].Line == fs[i].Line; k-- {
		if fs[k].Start < fs[i].Start {
			first = k
		}
	}
	return first
}

func reconcileFact(p *Pass, tg narrativeTarget, fig narrativeFigure, ts []*tables.Table, final bool) {
	f, v, ph, subject := fig.f, fig.v, fig.phase, fig.subject
	var cands []tableCell
	var empty *tables.Table // the first table of the kinds without figures
	filled := false         // some table of the kinds has figures
	for _, t := range ts {
		if !slices.Contains(tg.kinds, t.Kind) {
			continue
		}
		if !t.Empty() || writtenFigures(t) {
			filled = true
		} else if empty == nil {
			empty = t
		}
		t.AmountCells(func(i, j int, label, code string) {
			c := t.Body[i].Cells[j]
			path := columnPath(t, j)
			if severalFigures(c) || ratioHeader.MatchString(path) || otherYear(path, p.Meta.FiscalYear) ||
				phase(path, final) != ph || !tg.cell(t, cellPlace{squeezeAll(label), code, path, subject}) {
				return
			}
			cands = append(cands, tableCell{t, c})
		})
	}
	tol := textTolerance(f.Text)
	if len(cands) == 0 {
		if tg.emptyIsZero && empty != nil && !filled && v.IsPositive() {
			where := tableName(empty)
			// name the blank cell that states the figure: the column of its
			// phase and year that the target reads (合计/预算数)
			for j := range empty.Columns {
				path := columnPath(empty, j)
				if len(empty.Columns[j].Path) > 0 && !otherYear(path, p.Meta.FiscalYear) && phase(path, final) == ph &&
					tg.cell(empty, cellPlace{path: path, subject: subject}) {
					where += "的“" + path + "”栏"
					break
				}
			}
			p.Report(schema.Finding{
				Message: fmt.Sprintf("说明中%s为%s，而%s没有任何数字 / the text gives %s as %s, but %s shows no amount",
					f.Subject, f.Text, where, f.Subject, f.Text, where),
				Evidence: f.Text,
				Loc:      f.Loc,
				Facts:    []string{f.ID},
			})
		}
		return
	}
	for _, c := range cands {
		if v.Sub(c.t.Yuan(c.c)).Abs().LessThanOrEqual(tol.Add(ulp(c.t, c.c).Div(decimal.NewFromInt(2)))) {
			return
		}
	}
	c := cands[0]
	p.Report(schema.Finding{
		Message: fmt.Sprintf("说明中%s为%s，而%s中为%s%s / the text gives %s as %s, but %s shows %s %s",
			f.Subject, f.Text, tableName(c.t), c.c.Text, c.t.Unit, f.Subject, f.Text, tableName(c.t), c.c.Text, c.t.Unit),
		Evidence: f.Text,
		Loc:      f.Loc,
		Facts:    []string{f.ID},
	})
}
