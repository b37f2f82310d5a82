package tables

import (
	"regexp"
	"strings"
)

// Kind names a standard table of the disclosures. The values appear in the
// contract (tables[].kind) and must not change.
type Kind string

// The standard tables. 预算 and 决算 versions share a kind; the document's
// meta.kind tells them apart.
const (
	Unknown               Kind = ""
	IncomeExpenseSummary  Kind = "income_expense_summary" // 收支（预算/决算）总表
	IncomeSummary         Kind = "income_summary"         // 收入（预算/决算）总表, 收入决算表
	ExpenseSummary        Kind = "expense_summary"        // 支出（预算/决算）总表, 支出决算表
	FiscalSummary         Kind = "fiscal_summary"         // 财政拨款收支总表
	FiscalExpense         Kind = "fiscal_expense"         // 财政拨款支出表 (功能科目)
	FiscalBasicExpense    Kind = "fiscal_basic_expense"   // 财政拨款基本支出表 (经济科目)
	GeneralExpense        Kind = "general_expense"        // 一般公共预算支出表 (功能分类)
	GeneralBasicExpense   Kind = "general_basic_expense"  // 一般公共预算基本支出表 (经济分类)
	ThreePublic           Kind = "three_public"           // "三公"经费（和机关运行经费）表
	GovFundExpense        Kind = "gov_fund_expense"       // 政府性基金预算支出表
	StateCapitalExpense   Kind = "state_capital_expense"  // 国有资本经营预算支出表
	PerformanceTargets    Kind = "performance_targets"    // 项目支出绩效目标表
	ProcurementAndAssets  Kind = "other_information"      // 政府采购、机关运行经费、国有资产 统计表
	ProjectExpenseDetails Kind = "project_expense"        // 项目支出表
	OfficeOperation       Kind = "office_operation"       // 机关运行经费支出表
	EconomicExpense       Kind = "economic_expense"       // 部门支出总体情况表(按经济分类)
)

var second = regexp.MustCompile(`[（(]二[)）]`)

var dropInTitle = regexp.MustCompile(`\d{4}\s*年度?|[（(][^）)]*[)）]|[“”"'‘’\s]`)

// classify names the standard table t is, from its title and, when the
// title says little, its header.
func classify(t *Table) Kind {
	title := dropInTitle.ReplaceAllStringFunc(t.Title, func(s string) string {
		// Keep what a bracket says about the classification.
		if strings.Contains(s, "经济分类") || strings.Contains(s, "基本支出") || strings.Contains(s, "三公") {
			return s
		}
		if strings.HasPrefix(s, "（") || strings.HasPrefix(s, "(") {
			return ""
		}
		return ""
	})
	title = strings.ReplaceAll(title, "預", "预")
	head := ""
	for _, c := range t.Columns {
		head += strings.Join(c.Path, "/") + "|"
	}
	has := func(s string, words ...string) bool {
		for _, w := range words {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	}
	raw := t.Title
	switch {
	case title == "":
		return Unknown
	case has(raw, "三公"):
		return ThreePublic
	case has(title, "绩效目标"):
		return PerformanceTargets
	case has(title, "政府采购"):
		return ProcurementAndAssets
	case has(title, "机关运行经费") && !has(title, "相关信息"):
		return OfficeOperation
	case has(title, "政府性基金"):
		return GovFundExpense
	case has(title, "国有资本经营"):
		return StateCapitalExpense
	case has(title, "财政拨款", "收") && has(title, "支") && has(title, "总"):
		return FiscalSummary
	case has(title, "收支") && has(title, "总"), has(title, "收入支出") && has(title, "总"):
		return IncomeExpenseSummary
	case has(title, "一般公共预算") && (has(raw, "基本支出") || has(raw, "经济分类") || second.MatchString(raw)):
		return GeneralBasicExpense
	case has(title, "一般公共预算") && has(title, "支出"):
		if second.MatchString(raw) || has(head, "经济分类") {
			return GeneralBasicExpense
		}
		return GeneralExpense
	case has(title, "财政拨款") && has(title, "基本支出"):
		return FiscalBasicExpense
	case has(title, "财政拨款") && has(title, "支出"):
		return FiscalExpense
	case has(title, "收入") && (has(title, "总") || has(title, "决算表") || has(title, "预算表")):
		return IncomeSummary
	case has(title, "支出") && has(raw, "经济分类"):
		return EconomicExpense
	case has(title, "项目支出") && !has(title, "总"):
		return ProjectExpenseDetails
	case has(title, "支出") && (has(title, "总") || has(title, "决算表") || has(title, "预算表")):
		return ExpenseSummary
	case has(title, "相关信息") || has(title, "政府采购") || has(title, "机关运行经费"):
		return ProcurementAndAssets
	}
	return Unknown
}
