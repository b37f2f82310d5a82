package check

import (
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/read"
)

func TestTemplateLeftover(t *testing.T) {
	runCases(t, TemplateLeftover, []ruleCase{
		// shanghai_putuo_sifaju_2026_unit_budget.pdf p6
		{"alternative", budget2026Unit, [][]string{{"财政拨款收入支出增加（减少）的主要原因是业务量增加。"}}, []string{"1:1 error 增加（减少）"}},
		// jiangsu_renda_2019_dept_budget.pdf p9
		{"alternatives twice", budget2017Dept, [][]string{{"与上年相比增加（减少）0万元，增长（减少）0%。"}}, []string{"1:1 error 与上年相比增加（减少）0万元", "1:1 error 增长（减少）0%"}},
		// shanghai_putuo_caizhengju_2024_dept_final_INJECTED_ERRORS.pdf p7
		{"XX", final2024Dept, [][]string{{"第二部分 上海市普陀区XX局 2024 年度部门决算表"}}, []string{"1:1 error XX局"}},
		{"template note", budget2026Unit, [][]string{{"（如持平作持平表述）"}}, []string{"1:1 error （如持平作持平表述）"}},
		{"merge field text", budget2026Unit, [][]string{{"MERGEFIELD ${page1234.ds5678_REP_BGT_T_X}"}}, []string{"1:1 error MERGEFIELD \\$\\{page1234\\.ds", "1:1 error MERGEFIELD \\$\\{page1234\\.ds"}},
		// negatives: the original wording (shanghai_putuo_caizhengju_2024_dept_final.pdf p7)
		{"filled", final2024Dept, [][]string{{"第二部分 上海市普陀区财政局2024年度部门决算表"}}, nil},
		// tianjin_2025_govwide_budget_report.pdf p6: «» as book-title marks
		{"title marks", gov2026, [][]string{{"认真贯彻预算法和«天津市人大预算审查监督条例»有关要求。"}}, nil},
		{"mail merge", budget2026Unit, [][]string{{"«单位名称»2026年部门预算；«Org»；«»"}}, []string{"1:1 error «单位名称»", "1:1 error «Org»", "1:1 error «»"}},
		{"resolved", budget2026Unit, [][]string{{"财政拨款收入支出增加的主要原因是业务量增加。", "因公出国（境）费0万元", "Excel XLSX 格式"}}, nil},
	})
}

func TestTemplateLeftoverFieldSpans(t *testing.T) {
	doc := &extract.Document{Format: extract.FormatDOCX, Pages: []extract.Page{{Number: 1, Blocks: []extract.Block{
		{Kind: extract.Paragraph, Lines: []extract.Line{{Text: "单位名称：«单位»", Spans: []extract.Span{{Kind: extract.FieldSpan, Start: len("单位名称："), End: len("单位名称：«单位»"), Instr: "MERGEFIELD 单位"}}}}},
		{Kind: extract.Paragraph, Lines: []extract.Line{{Text: "第一部分 单位概况 3", Spans: []extract.Span{{Kind: extract.FieldSpan, Start: len("第一部分 单位概况 "), End: len("第一部分 单位概况 3"), Instr: "PAGEREF _Toc25831 \\h"}}}}},
		{Kind: extract.Paragraph, Lines: []extract.Line{{Text: "见第页", Spans: []extract.Span{{Kind: extract.FieldSpan, Start: len("见第"), End: len("见第"), Instr: "PAGEREF _Toc1 \\h"}}}}},
	}}}}
	doc.Number()
	res := process(doc, read.Source{Path: "t.docx", Format: extract.FormatDOCX})
	fs := runOne(t, TemplateLeftover, res)
	// the merge field (as a field and as «…» text) and the empty PAGEREF;
	// the PAGEREF with a page number is ordinary Word usage.
	expectFindings(t, TemplateLeftover, fs, []string{"1:1 error ^«单位»$", "1:1 error 单位名称：«单位»", "1:3 error 见第页"})
}
