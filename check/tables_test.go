package check

import (
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/extract/read"
)

// tableDoc builds a processed document of blocks: a line "|a|b|" is a
// table row (consecutive rows form one table), a line "\f" starts a new
// page, anything else is a paragraph line.
func tableDoc(lines ...string) *pipeline.Result {
	doc := &extract.Document{Format: extract.FormatDOC}
	pg := extract.Page{Number: 1}
	var tbl *extract.Table
	for _, l := range lines {
		if l == "\f" {
			doc.Pages = append(doc.Pages, pg)
			pg, tbl = extract.Page{Number: pg.Number + 1}, nil
			continue
		}
		if !strings.HasPrefix(l, "|") {
			tbl = nil
			pg.Blocks = append(pg.Blocks, extract.Block{Kind: extract.Paragraph, Lines: []extract.Line{{Text: l}}})
			continue
		}
		if tbl == nil {
			tbl = &extract.Table{}
			pg.Blocks = append(pg.Blocks, extract.Block{Kind: extract.TableBlock, Table: tbl})
		}
		var row []extract.Cell
		for _, s := range strings.Split(l[1:len(l)-1], "|") {
			c := extract.Cell{RowSpan: 1, ColSpan: 1}
			if s != "" {
				c.Lines = []extract.Line{{Text: s}}
			}
			row = append(row, c)
		}
		tbl.Rows = append(tbl.Rows, row)
	}
	doc.Pages = append(doc.Pages, pg)
	doc.Number()
	return process(doc, read.Source{Path: "t.doc", Format: extract.FormatDOC})
}

// 公开03表 of taiyuan_fagaiwei_2016_dept_final.doc, abridged to one 类.
func taiyuanExpense(total, basic string) []string {
	return []string{
		"2016年支出决算表", "公开03表", "金额单位：元",
		"|支出功能分类科目编码|||科目名称|本年支出合计|基本支出|项目支出|",
		"|类|款|项|栏次|1|2|3|",
		"||||合计|" + total + "|22,718,394.48|7,365,910.48|",
		"|201|||一般公共服务支出|30,084,304.96|" + basic + "|7,365,910.48|",
		"|20104|||发展与改革事务|30,084,304.96|22,718,394.48|7,365,910.48|",
		"|2010401|||行政运行|20,861,725.02|20,861,725.02|0.00|",
		"|2010402|||一般行政管理事务|3,063,000.00|0.00|3,063,000.00|",
		"|2010404|||战略规划与实施|864,135.00|0.00|864,135.00|",
		"|2010405|||日常经济运行调节|100,000.00|0.00|100,000.00|",
		"|2010406|||社会事业发展规划|40,000.00|0.00|40,000.00|",
		"|2010408|||物价管理|1,276,366.60|914.22|1,275,452.38|",
		"|2010450|||事业运行|1,855,755.24|1,855,755.24|0.00|",
		"|2010499|||其他发展与改革事务支出|2,023,323.10|0.00|2,023,323.10|",
	}
}

// taiyuanContinued is taiyuanExpense broken over two pages after its 类
// and 款 rows: the next page repeats the header and the column-number row
// (repeat true) or goes straight on with the 项 rows.
func taiyuanContinued(total, basic string, repeat bool) []string {
	all := taiyuanExpense(total, basic)
	out := append(append([]string{}, all[:8]...), "\f")
	if repeat {
		out = append(out, all[3], all[4])
	}
	return append(out, all[8:]...)
}

// tableCase is a document built by tableDoc and every finding rule must
// report on it, as exact as ruleCase.
type tableCase struct {
	name  string
	rule  *Rule
	lines []string
	want  []string
}

// runTableCases runs each case's rule on its document.
func runTableCases(t *testing.T, cases []tableCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			expectFindings(t, tt.rule, runOne(t, tt.rule, tableDoc(tt.lines...)), tt.want)
		})
	}
}

func TestTableRules(t *testing.T) {
	tests := []tableCase{
		{"row sums hold", TableRowSum, taiyuanExpense("30,084,304.96", "22,718,394.48"), nil},
		{"row sum broken", TableRowSum, taiyuanExpense("30,084,304.96", "22,718,349.48"), []string{"1:22 error 30,084,304\\.96"}},
		{"column sums hold", TableColumnSum, taiyuanExpense("30,084,304.96", "22,718,394.48"), nil},
		{"合计 ≠ Σ类", TableColumnSum, taiyuanExpense("30,084,305.96", "22,718,394.48"), []string{"1:17 error 30,084,305\\.96"}},
		{"类 ≠ Σ款 (and so 合计 ≠ Σ类)", TableColumnSum, taiyuanExpense("30,084,304.96", "22,718,349.48"), []string{"1:18 error 22,718,394\\.48", "1:23 error 22,718,349\\.48"}},
		// Logical tables: the sums of a table continued on the next page are
		// taken over all its parts (the 款 on page 1, its 项 on page 2); the
		// repeated header and its column-number row 1 2 3 are no parts.
		{"column sums hold over pages, header repeated", TableColumnSum, taiyuanContinued("30,084,304.96", "22,718,394.48", true), nil},
		{"column sums hold over pages, header not repeated", TableColumnSum, taiyuanContinued("30,084,304.96", "22,718,394.48", false), nil},
		{"款 ≠ Σ项 over pages", TableColumnSum, func() []string {
			l := taiyuanContinued("30,084,304.96", "22,718,394.48", true)
			l[len(l)-1] = "|2010499|||其他发展与改革事务支出|2,023,323.10|0.00|2,023,332.10|"
			return l
		}(), []string{"1:29 error 7,365,910\\.48"}},
		// A table printed across facing pages is one table: the 合计 on
		// the left page is the sum of the regions on both pages.
		{"row sums hold across facing pages", TableRowSum, []string{
			"2026年转移支付分地区表",
			"|项目|合计|中堂|望牛墩|",
			"|一般性转移支付|160|40|60|",
			"|专项转移支付|50|20|18|",
			"\f", "单位：万元",
			"|麻涌|高埗|",
			"|40|20|",
			"|7|5|",
		}, nil},
		{"row sum broken across facing pages", TableRowSum, []string{
			"2026年转移支付分地区表",
			"|项目|合计|中堂|望牛墩|",
			"|一般性转移支付|160|40|60|",
			"|专项转移支付|50|20|18|",
			"\f", "单位：万元",
			"|麻涌|高埗|",
			"|40|20|",
			"|7|15|",
		}, []string{"1:11 error 50"}},
		// … and its column sums are taken over both pages: the 类 and its
		// 款 of a right-hand column are the right page's cells, the
		// finding located there.
		{"column sums hold across facing pages", TableColumnSum, facingBySubject("20", "15"), nil},
		{"款 ≠ Σ项 on the right page", TableColumnSum, facingBySubject("20", "18"), []string{"2:5 error 25"}},
		{"row sums hold beside a right page repeating the labels", TableRowSum, []string{
			"2026年转移支付分地区表",
			"|项目|合计|中堂|望牛墩|",
			"|一般性转移支付|160|40|60|",
			"|专项转移支付|50|20|18|",
			"\f",
			"|项目|麻涌|高埗|",
			"|一般性转移支付|40|20|",
			"|专项转移支付|7|15|",
		}, []string{"1:11 error 50"}},
		// A table printed as page sets, the caption and the row labels
		// repeated on each page (shandong_province_2025 表22 p76|p77): one
		// table, its 合计 the sum of the regions on all three pages.
		{"row sums hold across page sets", TableRowSum, pageSets("7"), nil},
		{"row sum broken across page sets", TableRowSum, pageSets("17"), []string{"1:12 error 50"}},
		// shandong_province_2025 表22 p76|p77 (three of its ten rows): 合计
		// and 7 cities on p76, the other 9 on p77, — for nothing.
		{"row sums hold across shandong's page sets", TableRowSum, shandongSets("251"), nil},
		{"row sum broken across shandong's page sets", TableRowSum, shandongSets("351"), []string{"1:23 error 6022"}},
		{"a unit off across shandong's page sets is rounding", TableRowSum, shandongSets("252"), []string{"1:23 info 6022"}},
		// Parts whose rows come in another order are not joined: each
		// stays Partial and its 合计 is not checked.
		{"page sets with rows in another order are not checked", TableRowSum, func() []string {
			l := pageSets("17")
			l[9], l[10] = l[10], l[9]
			return l
		}(), nil},
		{"rounding in 万元 is info", TableRowSum, []string{
			"支出预算总表", "单位：万元",
			"|项目|合计|基本支出|项目支出|",
			"|合计|100.00|33.33|66.66|",
		}, []string{"1:8 info 100\\.00"}},
		// qingdao_2025_govwide_budget_report.pdf p58, taian_2025 p31: a table
		// rounded from 元 misses its sums by a unit in many rows; one note
		{"rounding in many rows is one info", TableRowSum, []string{
			"支出预算总表", "单位：万元",
			"|项目|合计|基本支出|项目支出|",
			"|合计|100.00|33.33|66.66|",
			"|一般公共服务支出|50.00|16.67|33.34|",
			"|教育支出|50.00|16.67|33.34|",
			"|卫生健康支出|20.00|10.00|10.00|",
		}, []string{"1:8 info 100\\.00"}},
		{"same total across tables", TableCrossTotal, []string{
			"收支预算总表", "单位：万元",
			"|项目|金额|项目|金额|",
			"|一、财政拨款|18,330.37|一、一般公共服务支出|18,330.37|",
			"|收入合计|18,330.37|支出合计|18,330.37|",
			"支出预算总表", "单位：元",
			"|项目|合计|基本支出|项目支出|",
			"|合计|183,303,700.00|93,129,000.00|90,174,700.00|",
		}, nil},
		{"different total across tables", TableCrossTotal, []string{
			"收支预算总表", "单位：万元",
			"|项目|金额|项目|金额|",
			"|收入合计|18,330.37|支出合计|18,330.37|",
			"支出预算总表", "单位：万元",
			"|项目|合计|基本支出|项目支出|",
			"|合计|18,303.37|9,312.90|8,990.47|",
		}, []string{"1:18 warning 18,303\\.37"}},
		// shanghai_putuo_sifaju_2026_unit_budget.pdf p8 and p19 (abridged):
		// the same 基本支出, split differently
		{"人员经费/公用经费 split", TableCrossTotal, basicSplit("20,374,181", "1,744,680"), []string{"1:24 warning 20,374,181", "1:25 warning 1,744,680"}},
		// shanghai_putuo_zhengfuban_2025_unit_budget.pdf: the split agrees
		{"人员经费/公用经费 agree", TableCrossTotal, basicSplit("20,272,981.00", "1,845,880.34"), nil},
		// a unit with income of its own: the 收支总表 spends more than the
		// appropriation's 基本支出 table, and its split is not comparable
		{"other funds", TableCrossTotal, basicSplit("25,272,981.00", "2,845,880.34"), nil},
		{"empty table with a statement", TableEmpty, []string{
			"政府性基金预算支出表", "单位：万元",
			"|项目|合计|基本支出|项目支出|",
			"|合计||||",
			"注：本部门无政府性基金预算收支，故本表无数据。",
		}, nil},
		{"empty table with the statement in the text", TableEmpty, []string{
			"本部门2019年无政府性基金预算拨款安排的支出。",
			"政府性基金预算支出表", "单位：万元",
			"|项目|合计|基本支出|项目支出|",
			"|合计||||",
		}, nil},
		{"empty table with a zero amount in the text", TableEmpty, []string{
			"江苏省高级人民法院 2017 年政府性基金支出预算支出 0 万元。",
			"政府性基金支出预算表", "单位：万元",
			"|功能科目代码|功能科目名称|金额|",
			"||合计||",
		}, nil},
		{"empty table without a statement", TableEmpty, []string{
			"政府性基金预算支出表", "单位：万元",
			"|项目|合计|基本支出|项目支出|",
			"|合计||||",
		}, []string{"1:3 warning 政府性基金预算支出表"}},
	}
	// jiangsu_renda_2019: the text's total and 三公 figure beside the tables
	// (公开表九 of jiangsu_renda_2019_dept_budget_tables.pdf: its 合计 adds
	// 会议费 and 培训费 to the 三公 小计).
	renda := func(total, threePublic string) []string {
		return []string{
			"江苏省人大常委会办公厅2019年部门预算", // the title names the organisation
			"2019年江苏省人大常委会办公厅收入、支出预算总计" + total + "万元。",
			"2019年江苏省人大常委会办公厅一般公共预算“三公”经费预算数为" + threePublic + "万元。",
			"收支预算总表", "单位：万元",
			"|项目名称|金额|功能科目名称|金额|",
			"|一、财政拨款|18,330.37|一、一般公共服务支出|13,907.78|",
			"|收入合计|18,330.37|支出合计|18,330.37|",
			"“三公”经费、会议费、培训费支出预算表", "单位：万元",
			"|合计|“三公”经费||||||会议费|培训费|",
			"||小计|因公出国（境）费|公务用车购置及运行维护费|||公务接待费|||",
			"||||小计|公务用车购置费|公务用车运行维护费||||",
			"|2,600.71|767.60|199.25|183.60||183.60|384.75|1,469.73|363.38|",
		}
	}
	tests = append(tests, []tableCase{
		{"text agrees with the tables", TableText, renda("18330.37", "767.60"), nil},
		{"text total differs from the table", TableText, renda("18303.37", "767.60"), []string{"1:2 warning 18303\\.37万元"}},
		{"text 三公 differs from the table", TableText, renda("18330.37", "767.06"), []string{"1:3 warning 767\\.06万元"}},
		// the table's 合计 is not the 三公 total: 2600.71 is not compared with it
		{"三公 against the 合计 of 三公, 会议费 and 培训费", TableText, renda("18330.37", "2600.71"), []string{"1:3 warning 2600\\.71万元"}},
	}...)
	runTableCases(t, tests)
}

// basicSplit is a 财务收支总表 whose 支出总计 splits 基本支出 into the
// given 人员经费 and 公用经费, beside the 基本支出 table by economic
// classification of shanghai_putuo_sifaju_2026_unit_budget.pdf p19.
func basicSplit(staff, office string) []string {
	return []string{
		"2026年预算单位财务收支预算总表", "单位：元",
		"|本年收入||本年支出||||",
		"|项目|预算数|项目|合计|基本支出||项目支出|",
		"|||||人员经费|公用经费||",
		"|一、财政拨款收入|86,959,408.34|一、公共安全支出|86,959,408.34|" + staff + "|" + office + "|64,840,547.00|",
		"|收入总计|86,959,408.34|支出总计|86,959,408.34|" + staff + "|" + office + "|64,840,547.00|",
		"2026年预算单位一般公共预算基本支出部门预算经济分类预算表", "单位：元",
		"|科目编码||科目名称|合计|人员经费|公用经费|",
		"|301||工资福利支出|20,272,981.00|20,272,981.00|0.00|",
		"|302||商品和服务支出|1,845,880.34|0.00|1,845,880.34|",
		"|合计|||22,118,861.34|20,272,981.00|1,845,880.34|",
	}
}

// facingBySubject is a table by subject and town printed across facing
// pages, the 科目 and 合计 on the left page and two towns on the right;
// a and b are the first 款 of 麻涌 and 高埗 (20 and 15 add up).
func facingBySubject(a, b string) []string {
	return []string{
		"2026年一般公共预算支出分地区表",
		"|科目编码|科目名称|合计|中堂|望牛墩|",
		"|201|一般公共服务支出|160|40|60|",
		"|20101|人大事务|95|25|35|",
		"|20102|政协事务|65|15|25|",
		"\f", "单位：万元",
		"|麻涌|高埗|",
		"|35|25|",
		"|" + a + "|" + b + "|",
		"|15|10|",
	}
}

// TestRoundingNoteOrder: when several 合计 columns of a table differ from
// their parts within rounding, the one info reported names the first
// column, every run (the totals were once visited in map order, so the
// note named one column or another from run to run).
func TestRoundingNoteOrder(t *testing.T) {
	doc := []string{
		"一般公共预算财政拨款支出决算表", "单位：万元",
		"|功能分类科目编码|科目名称|合计|基本支出|项目支出|",
		"|201|一般公共服务支出|100.01|60.01|40.00|",
		"|208|社会保障和就业支出|200.01|150.01|50.00|",
		"|合计||300.03|210.03|90.00|",
	}
	for range 20 {
		fs := runOne(t, TableColumnSum, tableDoc(doc...))
		if len(fs) != 1 || !strings.Contains(fs[0].Message, "合计 合计") || !strings.Contains(fs[0].Message, "另有1处") {
			t.Fatalf("findings %+v, want one info on the 合计 column noting one more", fs)
		}
	}
}

// pageSets is a table by region printed as three page sets, each with the
// title, unit and row labels; last is 专项转移支付's figure on the last page.
func pageSets(last string) []string {
	return []string{
		"2026年转移支付分地区表", "单位：万元",
		"|项目|合计|中堂|望牛墩|",
		"|一般性转移支付|160|40|60|",
		"|专项转移支付|50|20|18|",
		"\f", "2026年转移支付分地区表", "单位：万元",
		"|项目|麻涌|高埗|",
		"|一般性转移支付|40|10|",
		"|专项转移支付|3|2|",
		"\f", "2026年转移支付分地区表", "单位：万元",
		"|项目|洪梅|",
		"|一般性转移支付|10|",
		"|专项转移支付|" + last + "|",
	}
}

// shandongSets is shandong_province_2025 表22 p76|p77 abridged to three
// rows; last is 菏泽市's figure in its second row.
func shandongSets(last string) []string {
	const title = "2025年省对各市政府性基金预算转移支付分地区分项目执行情况表"
	return []string{
		"表22", title, "单位：万元",
		"|项  目|合  计|济南市|青岛市|淄博市|枣庄市|东营市|烟台市|潍坊市|",
		"|合    计|5257416|674695|27787|238040|189501|180688|422718|511971|",
		"|一、国家电影事业发展专项资金|6022|698|1674|242|226|144|338|383|",
		"|二、旅游发展基金|4855|320|—|526|223|212|678|209|",
		"\f", "表22", title, "单位：万元",
		"|项  目|济宁市|泰安市|威海市|日照市|临沂市|德州市|聊城市|滨州市|菏泽市|",
		"|合    计|401786|271604|206652|158837|504214|469421|368947|263791|366764|",
		"|一、国家电影事业发展专项资金|365|227|339|245|382|188|175|145|" + last + "|",
		"|二、旅游发展基金|403|349|383|508|255|190|210|164|225|",
	}
}
