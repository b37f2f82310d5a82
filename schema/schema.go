// Package schema defines the output contract of budgetdoc, schema
// "budgetdoc/v1": the Go types that are written as JSON (and, in batch mode,
// as JSONL, CSV and SQLite rows). Fields may be added within v1; none may be
// renamed or change meaning without a new Version.
//
// Amounts are decimal strings with no exponent and no separators; money is
// in yuan. Every located item carries a Loc with a 1-based page and line.
package schema

// Version is the schema identifier written in every document.
const Version = "budgetdoc/v1"

// Document is the result for one input file.
type Document struct {
	// Schema is always Version, "budgetdoc/v1".
	Schema string `json:"schema"`
	// Source describes the input file.
	Source Source `json:"source"`
	// Meta is what the document says about itself.
	Meta Meta `json:"meta"`
	// Outline is the tree of numbered headings.
	Outline []Section `json:"outline,omitempty"`
	// Facts are the money and count mentions.
	Facts []Fact `json:"facts,omitempty"`
	// Projects are the project blocks with their performance indicators.
	Projects []Project `json:"projects,omitempty"`
	// Tables are the tables of the document.
	Tables []Table `json:"tables,omitempty"`
	// Findings are the results of the draft checks.
	Findings []Finding `json:"findings,omitempty"`
	// Warnings are non-fatal problems met while reading.
	Warnings []string `json:"warnings,omitempty"`
}

// Source describes the input file.
type Source struct {
	// Path is the file name as given on the command line.
	Path string `json:"path"`
	// Format is the format sniffed from the bytes: pdf, docx, doc, text,
	// html, xlsx, xls or pages-json.
	Format string `json:"format"`
	// SHA256 is the hex SHA-256 of the file's bytes.
	SHA256 string `json:"sha256"`
	// Bytes is the file size in bytes.
	Bytes int64 `json:"bytes"`
	// Pages is the number of pages (sheets for XLSX; 1 for plain text).
	Pages int `json:"pages"`
}

// Fact kinds (Fact.Kind).
const (
	FactMoney = "money"
	FactCount = "count"
)

// Document kinds and scopes (Meta.Kind, Meta.Scope).
const (
	KindBudget        = "budget"
	KindFinalAccounts = "final_accounts"
	ScopeDepartment   = "department"
	ScopeUnit         = "unit"
	// ScopeGovernment is a government as a whole: its budget report, final
	// accounts report, their 附表 and debt disclosures.
	ScopeGovernment = "government"
)

// Coverages of a government document (Meta.Coverage).
const (
	CoverageJurisdiction = "jurisdiction" // the whole jurisdiction: 全市, 全省
	CoverageOwnLevel     = "own_level"    // the government's own level: 市本级, 省级
	CoverageBoth         = "both"         // both, as most budget reports
)

// Meta is what the document says about itself.
type Meta struct {
	// Title is the document's title as written.
	Title string `json:"title,omitempty"`
	// Organization is the department or unit the document is about; for a
	// government document, the body that issues it (the finance bureau or
	// the government).
	Organization string `json:"organization,omitempty"`
	// FiscalYear is the year the budget or final accounts are for: for a
	// report on one year's execution and the next year's draft, the draft's
	// year.
	FiscalYear int `json:"fiscal_year,omitempty"`
	// ExecutionYear is the year whose budget execution the document reports
	// (预算执行情况), when it reports one: for a report on 2025's execution
	// and the 2026 draft, 2025 (and FiscalYear 2026).
	ExecutionYear int `json:"execution_year,omitempty"`
	// Kind is "budget" (预算) or "final_accounts" (决算); absent for a
	// document that is neither (a debt table: 政府债务限额和余额情况表).
	Kind string `json:"kind,omitempty"`
	// Scope is "department" (部门, with its sub-units), "unit" (单位) or
	// "government" (a government as a whole).
	Scope string `json:"scope,omitempty"`
	// Coverage says what a government document covers: "jurisdiction"
	// (the whole area: 全市, 全省), "own_level" (the government's own
	// level: 市本级, 省级) or "both".
	Coverage string `json:"coverage,omitempty"`
	// Jurisdiction is the place a government document is about (南通市,
	// 广东省).
	Jurisdiction string `json:"jurisdiction,omitempty"`
	// Meeting is the meeting header printed above a report's title
	// (`南通市十六届人大六次会议大会文件（八）`), kept out of the title.
	Meeting string `json:"meeting,omitempty"`
}

// Loc locates an item in the source: 1-based page and line (for plain text
// input, the physical line of the file) and, for PDF, the bounding box.
type Loc struct {
	// Page is the 1-based page number.
	Page int `json:"page"`
	// Line is the 1-based line within the page (for plain text, within the file).
	Line int `json:"line"`
	// Column is the 1-based column, in characters, of the source line where
	// the located text begins; stated for sources whose lines are long and
	// hold many items (HTML: a page may be one line), absent otherwise.
	Column int `json:"column,omitempty"`
	// BBox is the bounding box (PDF only).
	BBox *BBox `json:"bbox,omitempty"`
}

// BBox is a bounding box in PDF points, origin at the top-left corner of the
// page, y growing downwards: [x0, top, x1, bottom].
type BBox [4]float64

// Union returns the smallest box containing b and o.
func (b BBox) Union(o BBox) BBox {
	return BBox{min(b[0], o[0]), min(b[1], o[1]), max(b[2], o[2]), max(b[3], o[3])}
}

// Section is a node of the document outline.
type Section struct {
	// ID identifies the section within the document ("s1", "s2" …).
	ID string `json:"id"`
	// Level is the depth in the tree, 1 for top-level sections.
	Level int `json:"level"`
	// Number is the heading's number as written (第一部分, 一、, （一）, 1. …).
	Number string `json:"number,omitempty"`
	// Title is the heading text after the number.
	Title string `json:"title"`
	// Loc is where the heading is.
	Loc Loc `json:"loc"`
	// Children are the sections nested under this one.
	Children []Section `json:"children,omitempty"`
}

// Fact is a money or count mention.
type Fact struct {
	// ID identifies the fact within the document ("f1", "f2" …).
	ID string `json:"id"`
	// Kind is "money" or "count".
	Kind string `json:"kind"`
	// Subject is the shortest noun phrase naming what is counted, without
	// year, organisation name or verbs (收入预算总额).
	Subject string `json:"subject,omitempty"`
	// Entity names the sub-unit the sentence is about, if any.
	Entity string `json:"entity,omitempty"`
	// Value is the amount as a decimal string (money in yuan); absent for a
	// change-only mention.
	Value string `json:"value,omitempty"`
	// Unit is "CNY" for money, the measure word for counts (人, 辆 …).
	Unit string `json:"unit,omitempty"`
	// Text is the mention as written (1234.56万元).
	Text string `json:"text"`
	// Approx is true when the amount is marked approximate (余, 多, 约, 近).
	Approx bool `json:"approx"`
	// Change is the year-over-year change stated with the mention.
	Change *Change `json:"change,omitempty"`
	// Prior is the previous amount, a decimal string, derived only when both
	// value and change are known.
	Prior string `json:"prior,omitempty"`
	// Reason is the stated reason for the change (主要原因是…).
	Reason string `json:"reason,omitempty"`
	// Parent is the ID of the fact this one is a part of (其中, 包括 …);
	// for a table cell, the cell of the same column in the row its row is
	// a part of (by 类/款/项 code, numbering, 其中, indentation).
	Parent string `json:"parent,omitempty"`
	// Dimension is the breakdown the part belongs to (支出功能科目 …).
	Dimension string `json:"dimension,omitempty"`
	// Section is the ID of the outline section the fact is in.
	Section string `json:"section,omitempty"`
	// Table is the ID of the table whose cell the fact is (absent for
	// facts from prose): Subject is then the row's label (科目名称) and
	// Dimension the column's header path.
	Table string `json:"table,omitempty"`
	// Code is the classification code of a table row (科目编码: 类 3
	// digits, 款 5, 项 7), when the row has one.
	Code string `json:"code,omitempty"`
	// Row is the 1-based row of a table fact's cell in the table's rows
	// (header rows counted): the cell is tables[Table].rows[Row-1][Col-1].
	Row int `json:"row,omitempty"`
	// Col is the 1-based column of a table fact's cell.
	Col int `json:"col,omitempty"`
	// Loc is where the mention is.
	Loc Loc `json:"loc"`
}

// Change is a year-over-year change.
type Change struct {
	// Direction is "increase", "decrease" or "flat".
	Direction string `json:"direction"`
	// Value is the signed change as a decimal string (negative for a decrease).
	Value string `json:"value,omitempty"`
	// Percent is the signed number before %, as a decimal string.
	Percent string `json:"percent,omitempty"`
	// Points is the signed change in percentage points (个百分点), as a
	// decimal string.
	Points string `json:"points,omitempty"`
	// Base is what the change is measured against, as written (上年,
	// 2025年预算执行数 …).
	Base string `json:"base,omitempty"`
	// Text is the change as written (比上年减少200万元，下降13.9%).
	Text string `json:"text"`
}

// Project is a project block with its performance indicators.
type Project struct {
	// ID identifies the project within the document ("p1", "p2" …).
	ID string `json:"id"`
	// Name is the project name.
	Name string `json:"name"`
	// Overview is the 项目概述 text.
	Overview string `json:"overview,omitempty"`
	// Basis is the 立项依据 text.
	Basis string `json:"basis,omitempty"`
	// Implementer is the 实施主体.
	Implementer string `json:"implementer,omitempty"`
	// Period is the 实施周期 as written.
	Period string `json:"period,omitempty"`
	// PeriodLoc is where Period is written, when it is read from the text.
	PeriodLoc *Loc `json:"period_loc,omitempty"`
	// Budget is the 年度预算安排 in yuan, as a decimal string.
	Budget string `json:"budget,omitempty"`
	// Indicators are the project's performance indicators.
	Indicators []Indicator `json:"indicators,omitempty"`
	// Loc is where the project block starts.
	Loc Loc `json:"loc"`
}

// Indicator is a performance indicator.
type Indicator struct {
	// Group is the first-level group (产出指标, 效益指标, 满意度指标) when
	// stated or implied.
	Group string `json:"group,omitempty"`
	// Category is the second-level category as written (数量指标, 质量指标 …).
	Category string `json:"category,omitempty"`
	// Name is the indicator itself.
	Name string `json:"name"`
	// Target is the indicator value as written (≥80.00(%)).
	Target string `json:"target,omitempty"`
	// Loc is where the indicator is.
	Loc Loc `json:"loc"`
}

// Table is a table with its rows as text.
type Table struct {
	// ID identifies the table within the document ("t1", "t2" …).
	ID string `json:"id"`
	// Title is the table's caption.
	Title string `json:"title,omitempty"`
	// Unit is the amount unit stated for the table (元, 万元).
	Unit string `json:"unit,omitempty"`
	// Kind names the standard table it is (income_expense_summary,
	// expense_summary, three_public …), absent when not recognised.
	Kind string `json:"kind,omitempty"`
	// Code is the table's number as written (公开表一, 公开02表).
	Code string `json:"code,omitempty"`
	// HeaderRows is how many of Rows are header rows.
	HeaderRows int `json:"header_rows,omitempty"`
	// Columns are the columns' header paths, levels joined by " / ".
	Columns []string `json:"columns,omitempty"`
	// ColumnKinds say what each column holds: text, money (in Unit),
	// percent, points, rate, count, years, code, ordinal, indicator, date.
	// Only money columns give money facts.
	ColumnKinds []string `json:"column_kinds,omitempty"`
	// HiddenRows are the indexes in Rows of spreadsheet rows that are not
	// shown (hidden rows or sheets, outside the print area): kept, but not
	// data — they give no facts.
	HiddenRows []int `json:"hidden_rows,omitempty"`
	// Pages are the 1-based pages the table spans.
	Pages []int `json:"pages"`
	// Rows are the cells' text, row by row.
	Rows [][]string `json:"rows"`
	// Loc is where the table starts.
	Loc Loc `json:"loc"`
}

// Finding is a draft-check result.
type Finding struct {
	// Rule is the stable kebab-case rule ID from RULES.md.
	Rule string `json:"rule"`
	// Severity is "error" (must fix before release), "warning" (probably
	// wrong) or "info" (style or rounding-level).
	Severity string `json:"severity"`
	// Message explains the problem.
	Message string `json:"message"`
	// Evidence is the offending text as written.
	Evidence string `json:"evidence"`
	// Loc is where the problem is.
	Loc Loc `json:"loc"`
	// Facts are the IDs of the facts involved.
	Facts []string `json:"facts,omitempty"`
}
