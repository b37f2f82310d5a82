package corpus

import (
	"fmt"
	"testing"

	"github.com/budgetdoc/budgetdoc/schema"
)

// TestFiscalItem: column headers, titles and rows as printed in department
// disclosures (Jiangsu, Shanghai Putuo) and government-wide reports
// (Weihai, Dongguan, Lincang), and the general forms of the rules.
func TestFiscalItem(t *testing.T) {
	type cell struct {
		docKind, docTitle string
		docYear           int
		tableKind, title  string
		column, subject   string
		code, value       string
	}
	// want: direction phase(label) year F=functional E=economic L=level total, or the skip reason.
	for _, tc := range []struct {
		c    cell
		want string
	}{
		// 部门预算 (Jiangsu 2018, Shanghai Putuo 2025/2026)
		{cell{"budget", "", 2025, "general_expense", "2025年部门一般公共预算支出功能分类预算表", "一般公共预算支出 / 基本支出", "事业单位离退休", "2080502", "17280"},
			"expenditure approved(预算) 2025 F=2080502 E= L3 false"},
		{cell{"budget", "", 2026, "income_summary", "2026年部门收入预算总表", "收入预算 / 合计", "其他行政事业单位养老支出", "2080599", "6440"},
			"revenue approved(预算) 2026 F=2080599 E= L3 false"},
		{cell{"budget", "", 2024, "expense_summary", "2024年预算单位支出预算总表", "支出预算 / 合计", "社会福利", "20810", "9584796"},
			"expenditure approved(预算) 2024 F=20810 E= L2 false"},
		{cell{"budget", "", 2026, "general_basic_expense", "2026年预算单位一般公共预算基本支出部门预算经济分类预算表", "一般公共预算基本支出 / 人员经费", "职工基本医疗保险缴费", "30110", "982692"},
			"expenditure approved(预算) 2026 F= E=30110 L2 false"},
		{cell{"budget", "", 2025, "general_basic_expense", "一般公共预算基本支出预算表(经济科目)", "金额", "工资福利支出", "", "4153300"},
			"expenditure approved() 2025 F= E= L0 false"},
		{cell{"budget", "", 2019, "three_public", "2019年“三公”经费预算表", "“三公”经费 / 公务接待费", "", "", "1012600"},
			"expenditure approved() 2019 F= E= L0 false"},
		{cell{"budget", "", 2019, "other_information", "2019年政府采购预算表", "总计", "办公设备购置", "", "120000"},
			"expenditure approved() 2019 F= E= L0 false"},
		{cell{"budget", "", 2018, "fiscal_summary", "2018年财政拨款收支预算总表", "预算数", "一、一般公共预算拨款收入", "", "100000"},
			"revenue approved(预算) 2018 F= E= L0 false"},
		{cell{"budget", "", 2018, "fiscal_summary", "2018年财政拨款收支预算总表", "预算数", "支出总计", "", "100000"},
			"expenditure approved(预算) 2018 F= E= L0 true"},
		{cell{"budget", "", 2018, "income_expense_summary", "2018年部门收支预算总表", "预算数", "上年结转", "", "5000"}, "direction"},
		// 部门决算 (Shanghai Putuo 2024): no phase word, the document is executed
		{cell{"final_accounts", "", 2024, "fiscal_expense", "一般公共预算财政拨款支出决算表", "基本支出", "行政事业单位养老支出", "20805", "3267200"},
			"expenditure executed() 2024 F=20805 E= L2 false"},
		{cell{"final_accounts", "", 2024, "expense_summary", "支出表", "合计", "合计", "", "3267200"},
			"expenditure executed() 2024 F= E= L0 true"},
		// 政府预算报告 (Weihai 2025, Dongguan 2026, Lincang 2025)
		{cell{"budget", "关于2025年预算执行情况和2026年预算草案的报告", 2025, "general_expense", "2025年威海市一般公共预算支出执行情况表", "2025年调整预算数", "十四、商业服务业等支出", "", "259580000"},
			"expenditure adjusted(调整) 2025 F= E= L0 false"},
		{cell{"budget", "关于2025年预算执行情况和2026年预算草案的报告", 2025, "general_expense", "2025年威海市一般公共预算支出执行情况表", "2025年预算数", "十四、商业服务业等支出", "", "351810000"},
			"expenditure approved(预算) 2025 F= E= L0 false"},
		{cell{"budget", "", 2025, "general_expense", "二○二五年全市一般公共预算支出执行情况表", "二○二四年决算数", "其他消防救援事务支出", "", "217910000"},
			"expenditure executed(决算) 2024 F= E= L0 false"},
		{cell{"budget", "", 2025, "general_expense", "市本级2025年一般公共预算支出执行情况表", "2025年快报数", "农业保险保费补贴", "", "287250000"},
			"expenditure executed(快报) 2025 F= E= L0 false"},
		{cell{"budget", "", 2025, "general_expense", "2026年市本级一般公共预算支出表(草案)", "2026年预算数", "其他进修及培训", "2050899", "200000"},
			"expenditure proposed(预算) 2026 F=2050899 E= L3 false"},
		{cell{"budget", "", 2025, "general_expense", "2026年市级一般公共预算支出草案表", "合计", "其他社会科学支出", "", "5280000"},
			"expenditure proposed() 2026 F= E= L0 false"},
		{cell{"budget", "", 2026, "gov_fund_expense", "市本级2025年政府性基金预算收入执行情况表", "2025年执行数", "国有土地使用权出让收入", "", "100"},
			"revenue executed(执行) 2025 F= E= L0 false"},
		{cell{"budget", "", 2026, "income_summary", "2026年市级部门收入预算表", "2026年预算 / 建议数", "2.财政补贴收入", "", "330290000"},
			"revenue proposed(建议) 2026 F= E= L0 false"},
		{cell{"budget", "", 2025, "general_expense", "市本级2025年一般公共预算支出执行情况表", "2025年快报数比2024年决算数 / 增减额", "行政运行", "", "820000"}, "change"},
		{cell{"budget", "", 2025, "three_public", "2026年市本级“三公”经费预算统计表", "比上年增、减情况 / 增、减金额", "公务接待费", "", "-20000"}, "change"},
		{cell{"budget", "", 2025, "general_expense", "市本级2025年一般公共预算支出执行情况表", "完成调整预算%", "行政运行", "", "98.5"}, "ratio"},
		{cell{"budget", "", 2025, "general_expense", "二○二五年全市一般公共预算支出执行情况表", "二○二五年执行数比二○二四年决算数增减%", "行政运行", "", "3.2"}, "ratio"},
		{cell{"budget", "", 2025, "state_capital_expense", "2024年全省国有资本经营收支决算总表", "决算数为调整预算数的%", "利润收入", "", "101.2"}, "ratio"},
		// a misread cell: several numbers run together
		{cell{"budget", "", 2025, "general_expense", "2025年市级一般公共预算支出执行情况表", "2025年调整预算数", "教育支出", "", "2010911952863102014213018932014634210618"}, "unfit"},
		// synthetic: a revenue code decides when nothing else does
		{cell{"budget", "", 2025, "income_expense_summary", "收支总表", "金额", "税收收入", "101", "5"},
			"revenue approved() 2025 F= E=101 L1 false"},
	} {
		d := &schema.Document{Meta: schema.Meta{Kind: tc.c.docKind, Title: tc.c.docTitle, FiscalYear: tc.c.docYear}}
		d.Tables = []schema.Table{{ID: "t1", Title: tc.c.title, Kind: tc.c.tableKind, Unit: "元"}}
		d.Facts = []schema.Fact{{ID: "f1", Kind: "money", Table: "t1", Dimension: tc.c.column, Subject: tc.c.subject, Code: tc.c.code, Value: tc.c.value, Row: 3, Col: 2}}
		items, skipped := FiscalItems(d)
		got := ""
		switch {
		case len(items) == 1:
			it := items[0]
			got = fmt.Sprintf("%s %s(%s) %d F=%s E=%s L%d %v", it.Direction, it.Phase, it.PhaseLabel, it.Year, it.Functional, it.Economic, it.Level, it.Total)
		case len(skipped) == 1:
			for r := range skipped {
				got = r
			}
		default:
			got = fmt.Sprintf("%d items, skipped %v", len(items), skipped)
		}
		if got != tc.want {
			t.Errorf("%s | %s | %s:\n got %s\nwant %s", tc.c.title, tc.c.column, tc.c.subject, got, tc.want)
		}
	}
}

// TestFiscalItemsScope: only money cells of the standard tables count;
// prose facts, count cells and performance-target tables do not.
func TestFiscalItemsScope(t *testing.T) {
	d := &schema.Document{Meta: schema.Meta{Kind: "budget", FiscalYear: 2025}}
	d.Tables = []schema.Table{
		{ID: "t1", Title: "支出预算总表", Kind: "expense_summary"},
		{ID: "t2", Title: "项目支出绩效目标表", Kind: "performance_targets"},
		{ID: "t3", Title: "债券发行情况表"},
	}
	d.Facts = []schema.Fact{
		{ID: "f1", Kind: "money", Subject: "收入预算总额", Value: "100"}, // prose
		{ID: "f2", Kind: "money", Table: "t1", Dimension: "合计", Subject: "教育支出", Code: "205", Value: "1"},
		{ID: "f3", Kind: "count", Table: "t1", Dimension: "合计", Subject: "人数", Value: "3"},
		{ID: "f4", Kind: "money", Table: "t2", Dimension: "年度预算", Subject: "项目", Value: "5"},
		{ID: "f5", Kind: "money", Table: "t3", Dimension: "金额", Subject: "专项债券", Value: "5"},
		{ID: "f6", Kind: "money", Table: "t1", Dimension: "合计", Subject: "科学技术支出", Code: "206"}, // change-only: no value
	}
	items, skipped := FiscalItems(d)
	if len(items) != 1 || items[0].Fact.ID != "f2" || len(skipped) != 1 || skipped[SkipValue] != 1 {
		t.Errorf("items %v, skipped %v", items, skipped)
	}
	if items, skipped := FiscalItems(nil); items != nil || len(skipped) != 0 {
		t.Error("nil document")
	}
}
