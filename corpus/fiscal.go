package corpus

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/budgetdoc/budgetdoc/schema"
)

// The fiscal line items: one row per amount cell of a standard budget
// table, described in the terms of OpenSpending's Fiscal Data Package —
// direction (revenue/expenditure), phase (proposed/approved/adjusted/
// executed), fiscal period, administrative unit, functional and economic
// classification — so that the amounts of many documents can be summed and
// compared without knowing how each table was laid out. The mapping from our
// tables to that model is in README.md ("Warehouse hand-off").

// Fiscal directions and phases, the Fiscal Data Package's keywords.
const (
	Expenditure = "expenditure"
	Revenue     = "revenue"

	PhaseProposed = "proposed" // a draft before the people's congress (草案, 建议数)
	PhaseApproved = "approved" // the budget as passed (预算数, 年初预算数)
	PhaseAdjusted = "adjusted" // the budget as adjusted during the year (调整预算数)
	PhaseExecuted = "executed" // what was spent or collected (执行数, 快报数, 决算数)
)

// FiscalItem is one amount of a standard budget table as a line item.
type FiscalItem struct {
	Fact           *schema.Fact  // the table cell's fact (Value, Text, Loc, Table, Row, Col)
	Table          *schema.Table // the table it is in
	Year           int           // fiscal year of the amount (0: unknown)
	Direction      string        // Expenditure or Revenue
	Phase          string        // PhaseProposed … PhaseExecuted
	PhaseLabel     string        // the header words that gave the phase, as printed; empty when the document's kind did
	Functional     string        // 支出功能分类 code (2xx…), when the row has one
	Economic       string        // 经济分类 code (3xx/5xx, or 收入分类 1xx for revenue), when the row has one
	EconomicName   string        // the row's label when it names an economic class
	FunctionalName string        // the row's label when it names a functional class
	Level          int           // 1 类, 2 款, 3 项 (from the code's length), 0 without a code
	Total          bool          // the row is a total or subtotal (合计, 总计, 小计 …)
}

// Reasons why an amount cell of a standard table is not a line item
// (FiscalItems counts them).
const (
	SkipRatio     = "ratio"     // the column is a percentage (增长%, 完成预算%): not money, though read as an amount
	SkipChange    = "change"    // the column is a change in money (增减额, 比上年增减): not a level of the budget
	SkipDirection = "direction" // neither the column, the row, the title nor the code says revenue or expenditure
	SkipValue     = "value"     // the cell has no exact amount
	SkipUnfit     = "unfit"     // more digits than DECIMAL(38,8) holds: a misread cell (several numbers run together), not an amount
)

// fiscalKinds are the standard tables whose amounts are line items, with
// the direction a table of that kind has when nothing more specific says.
var fiscalKinds = map[string]string{
	"income_expense_summary": "",
	"fiscal_summary":         "",
	"income_summary":         Revenue,
	"expense_summary":        Expenditure,
	"fiscal_expense":         Expenditure,
	"fiscal_basic_expense":   Expenditure,
	"general_expense":        Expenditure,
	"general_basic_expense":  Expenditure,
	"three_public":           Expenditure,
	"gov_fund_expense":       Expenditure,
	"state_capital_expense":  Expenditure,
	"project_expense":        Expenditure,
	"office_operation":       Expenditure,
	"economic_expense":       Expenditure,
	"other_information":      "",
}

// economicKinds are the tables whose rows are economic classes (经济分类).
var economicKinds = map[string]bool{
	"fiscal_basic_expense": true, "general_basic_expense": true, "economic_expense": true,
}

// StandardTable reports whether a table of this kind holds fiscal line items
// (every recognised kind but the performance-target tables).
func StandardTable(kind string) bool {
	_, ok := fiscalKinds[kind]
	return ok
}

// FiscalItems returns the line items of d's standard tables, in fact order,
// and the number of amount cells of those tables that are not line items, by
// reason.
func FiscalItems(d *schema.Document) ([]FiscalItem, map[string]int) {
	skipped := map[string]int{}
	if d == nil {
		return nil, skipped
	}
	tables := make(map[string]*schema.Table, len(d.Tables))
	for i := range d.Tables {
		tables[d.Tables[i].ID] = &d.Tables[i]
	}
	var items []FiscalItem
	for i := range d.Facts {
		f := &d.Facts[i]
		t := tables[f.Table]
		if t == nil || f.Kind != "money" || !StandardTable(t.Kind) {
			continue
		}
		it, reason := fiscalItem(d, t, f)
		if reason != "" {
			skipped[reason]++
			continue
		}
		items = append(items, it)
	}
	return items, skipped
}

func fiscalItem(d *schema.Document, t *schema.Table, f *schema.Fact) (FiscalItem, string) {
	if f.Value == "" {
		return FiscalItem{}, SkipValue
	}
	col := squeeze(f.Dimension)
	switch {
	case ratioRe.MatchString(col):
		return FiscalItem{}, SkipRatio
	case changeRe.MatchString(col):
		return FiscalItem{}, SkipChange
	}
	if _, err := decimal128(f.Value); err != nil {
		return FiscalItem{}, SkipUnfit
	}
	it := FiscalItem{Fact: f, Table: t}
	it.Direction = direction(t, f, col)
	if it.Direction == "" {
		return FiscalItem{}, SkipDirection
	}
	it.Phase, it.PhaseLabel = phase(d, t, col)
	// The year the column names, else the table's title, else the document's.
	it.Year = yearIn(col)
	if it.Year == 0 {
		it.Year = yearIn(squeeze(t.Title))
	}
	if it.Year == 0 {
		it.Year = d.Meta.FiscalYear
	}
	code := f.Code
	switch {
	case code == "":
	case code[0] == '2':
		it.Functional, it.FunctionalName = code, f.Subject
	case code[0] == '1' || code[0] == '3' || code[0] == '5':
		it.Economic, it.EconomicName = code, f.Subject
	}
	if code == "" && economicKinds[t.Kind] {
		it.EconomicName = f.Subject
	}
	switch len(code) {
	case 3:
		it.Level = 1
	case 5:
		it.Level = 2
	case 7:
		it.Level = 3
	}
	it.Total = totalRe.MatchString(squeeze(f.Subject))
	return it, ""
}

// squeeze removes the spaces that spread a header over a wide cell (收 入).
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// A percentage column: 增减%, 同比增长(%), 完成调整预算%, 占年初预算(%),
// 决算数为预算数的% ….
var ratioRe = regexp.MustCompile(`[%％]|百分|占比|比重`)

// A change column: 增减额, 比上年增、减金额, 2026年预算数比2025年预算数 ….
var changeRe = regexp.MustCompile(`增减|增、减|增长|增幅|下降|变动|比上年|比[0-9一二三四五六七八九〇○零]{4}年`)

// totalRe matches a total row's label: 合计, 总计, 小计, 收入合计, 支出总计 ….
var totalRe = regexp.MustCompile(`^(合计|总计|小计)|(合计|总计|小计)$`)

// direction decides revenue or expenditure: the column's header first (收入
// / 合计), then, in the two-sided summary tables, the row's label, then the
// table's title, its kind, and last the classification code (1xx revenue).
func direction(t *schema.Table, f *schema.Fact, col string) string {
	if dir := dirWords(col); dir != "" {
		return dir
	}
	if t.Kind == "income_expense_summary" || t.Kind == "fiscal_summary" || t.Kind == "other_information" {
		if dir := dirWords(squeeze(f.Subject)); dir != "" {
			return dir
		}
	}
	title := squeeze(t.Title)
	if dir := dirWords(title); dir != "" {
		return dir
	}
	if strings.Contains(title, "采购") {
		return Expenditure // 政府采购预算: what the budget spends on purchases
	}
	if dir := fiscalKinds[t.Kind]; dir != "" {
		return dir
	}
	switch {
	case f.Code == "":
	case f.Code[0] == '1':
		return Revenue
	case f.Code[0] == '2' || f.Code[0] == '3' || f.Code[0] == '5':
		return Expenditure
	}
	return ""
}

// dirWords says revenue for a text that names 收入 and not 支出, and the
// other way round; both or neither say nothing.
func dirWords(s string) string {
	in, out := strings.Contains(s, "收入"), strings.Contains(s, "支出")
	switch {
	case in && !out:
		return Revenue
	case out && !in:
		return Expenditure
	}
	return ""
}

// phaseWords map header words to phases, most specific first: 调整预算 is
// adjusted before 预算 is approved.
var phaseWords = []struct {
	word, phase string
}{
	{"调整", PhaseAdjusted},
	{"决算", PhaseExecuted},
	{"执行", PhaseExecuted},
	{"快报", PhaseExecuted},
	{"完成", PhaseExecuted},
	{"实际", PhaseExecuted},
	{"建议", PhaseProposed},
	{"草案", PhaseProposed},
	{"预算", PhaseApproved},
	{"计划", PhaseApproved},
}

// phase reads the phase from the column header, else from the document:
// a budget's tables are approved amounts — proposed when the table's title
// says 草案 — and a final account's are executed.
func phase(d *schema.Document, t *schema.Table, col string) (string, string) {
	for _, w := range phaseWords {
		if strings.Contains(col, w.word) {
			p := w.phase
			if p == PhaseApproved && isDraft(t) {
				p = PhaseProposed
			}
			return p, w.word
		}
	}
	switch {
	case d.Meta.Kind == schema.KindFinalAccounts || strings.Contains(t.Title, "决算"):
		return PhaseExecuted, ""
	case isDraft(t):
		return PhaseProposed, ""
	}
	return PhaseApproved, ""
}

// isDraft: the table says it is a draft. A report on a draft (关于…预算草案
// 的报告) also carries tables of the current year's approved budget, so the
// document's title does not decide.
func isDraft(t *schema.Table) bool {
	return strings.Contains(t.Title, "草案")
}

var yearRe = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})年|([一二〇○零][〇○零一二三四五六七八九]{3})年`)

// yearIn returns the first year a column header names (2025年执行数,
// 二○二四年决算数), or 0.
func yearIn(col string) int {
	m := yearRe.FindStringSubmatch(col)
	switch {
	case m == nil:
		return 0
	case m[1] != "":
		y, _ := strconv.Atoi(m[1])
		return y
	}
	y := 0
	for _, r := range m[2] {
		y = y*10 + hanDigit[r]
	}
	return y
}

var hanDigit = map[rune]int{'〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// fiscalTable is the line items as an output table (fiscal.csv, the
// SQLite table fiscal): the dimensions of the Fiscal Data Package model
// (see fiscalModel) and the cell's provenance.
var fiscalTable = &Table{
	Name: "fiscal", Doc: "fiscal line items: one row per amount of a standard budget table (Fiscal Data Package model in datapackage.json)",
	Columns: []Column{
		{"sha256", "TEXT", "document key"},
		{"fact", "TEXT", "id of the table cell's fact (facts.id)"},
		{"organization", "TEXT", "administrative unit: the document's organisation (meta.organization)"},
		{"fiscal_year", "INTEGER", "fiscal year of the amount: the year the column names (2025年执行数), else the table's title, else the document's"},
		{"document_kind", "TEXT", "budget or final_accounts (meta.kind)"},
		{"direction", "TEXT", "expenditure or revenue"},
		{"phase", "TEXT", "proposed, approved, adjusted or executed"},
		{"phase_label", "TEXT", "the header words that gave the phase (预算, 调整, 执行, 决算 …); empty when the document's kind did"},
		{"functional_code", "TEXT", "支出功能分类 code of the row (类 3 digits, 款 5, 项 7)"},
		{"functional_name", "TEXT", "the row's label when it has a functional code"},
		{"economic_code", "TEXT", "经济分类 code of the row (部门 3xx, 政府 5xx; 收入分类 1xx for revenue)"},
		{"economic_name", "TEXT", "the row's label when it names an economic class"},
		{"level", "INTEGER", "1 类, 2 款, 3 项 from the code's length; empty without a code"},
		{"total", "INTEGER", "1 when the row is a total or subtotal (合计, 总计, 小计 …): sum level rows, not these"},
		{"item", "TEXT", "the row's label as printed"},
		{"column_path", "TEXT", "the column's header path as printed, levels joined by \" / \""},
		{"amount", "TEXT", "the amount in yuan, exact decimal"},
		{"amount_text", "TEXT", "the cell as printed"},
		{"unit", "TEXT", "the table's unit as printed (元, 万元)"},
		{"table_id", "TEXT", "id of the table"},
		{"table_kind", "TEXT", "the standard table's kind (expense_summary, three_public …)"},
		{"table_title", "TEXT", "the table's title"},
		{"table_row", "INTEGER", "1-based row of the cell in the table (header rows counted)"},
		{"table_col", "INTEGER", "1-based column of the cell"},
		{"page", "INTEGER", "1-based page of the cell"},
		{"line", "INTEGER", "1-based line on the page"},
	},
	Key:     []string{"sha256", "fact"},
	Indexes: [][]string{{"organization", "fiscal_year"}, {"functional_code"}},
	rows: func(r *Record, emit func(...any)) {
		if r.Doc == nil {
			return
		}
		items, _ := FiscalItems(r.Doc)
		d := r.Doc
		for _, it := range items {
			f, t := it.Fact, it.Table
			emit(r.SHA256, f.ID, d.Meta.Organization, optInt(it.Year), d.Meta.Kind, it.Direction, it.Phase, it.PhaseLabel,
				it.Functional, it.FunctionalName, it.Economic, it.EconomicName, optInt(it.Level), boolInt(it.Total),
				f.Subject, f.Dimension, f.Value, f.Text, t.Unit, t.ID, t.Kind, t.Title, optInt(f.Row), optInt(f.Col),
				f.Loc.Page, f.Loc.Line)
		}
	},
}
