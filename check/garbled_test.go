package check

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/pipeline"
)

func TestGarbledText(t *testing.T) {
	runCases(t, GarbledText, []ruleCase{
		{"dropped first character", final2024Dept, [][]string{{"四、政拨款收入支出决算总表"}}, []string{"1:1 error 政拨款"}},
		{"kangxi radicals", final2024Dept, [][]string{{"\u2F00般公共预算财政拨款支出决算表"}}, []string{"1:1 error ⼀般公共预算财政拨款支出决算表"}},
		{"replacement char", final2024Dept, [][]string{{"收入支出决算总表\uFFFD\uFFFD"}}, []string{"1:1 error 收入支出决算总表��"}},
		// negatives: shanghai_putuo_caizhengju_2024_dept_final.pdf p3, and a
		// line break inside running text that splits 财/政拨款.
		{"intact", final2024Dept, [][]string{{"四、财政拨款收入支出决算总表", "上海市普陀区财政局2024年度财政拨款收入支出总计2961.68万元，其中一般公共预算财政拨款支出2940.05万元，政拨款部分另行说明。"}}, nil},
	})
}

func TestBlankPage(t *testing.T) {
	runCases(t, BlankPage, []ruleCase{
		// shanghai_putuo_sifaju_2026_dept_budget.pdf p3 is empty between the TOC and 主要职能
		{"blank inside", budget2026Dept, [][]string{{"上海市普陀区2026年区级部门预算"}, {}, {"上海市普陀区司法局主要职能"}}, []string{"2:1 warning 第2页"}},
		// guyuan_2025_govwide_budget_report.pdf p2, taian_2025_govwide_budget_execution_report.pdf
		// p7: the back of a sheet before a part that opens with its title
		{"government part break", gov2026, [][]string{{"关于固原市2025年预算执行情况和2026年预算草案的报告"}, {}, {"2025年全市一般公共预算收入执行情况表"}, {"一般公共预算收入完成39.6亿元。"}}, nil},
		// jincheng_2025_govwide_budget_report.pdf p9–11: the sentence before the
		// blank page breaks off and the next page starts another item
		{"government text lost", gov2026, [][]string{{"四是厚植情怀办实事惠民生。倾力办好民生实事项目。强化民生实事财政"}, {}, {"五是精准施策防范化解财政风险。坚守底线、严守红线。"}, {"六是推进改革。"}}, []string{"2:1 warning 第2页"}},
		{"blank back page", budget2026Dept, [][]string{{"上海市普陀区2026年区级部门预算"}, {"上海市普陀区司法局主要职能"}, {}}, nil},
	})
}

// TestUnusableText: ../extract/pipeline/testdata/no_tounicode.pdf has junk
// for text on pages 2 and 3 (fonts without /ToUnicode): one error names
// both; the pages are not blank pages either.
func TestUnusableText(t *testing.T) {
	res, err := pipeline.File(context.Background(), filepath.Join("..", "extract", "pipeline", "testdata", "no_tounicode.pdf"), pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	expectFindings(t, UnusableText, runOne(t, UnusableText, res), []string{"2:1 error ^第2、3页$"})
	expectFindings(t, BlankPage, runOne(t, BlankPage, res), nil)
	runCases(t, UnusableText, []ruleCase{
		// shanghai_putuo_caizhengju_2024_dept_final.pdf p21 and an English line
		{"text", final2024Dept, [][]string{{"上海市普陀区财政局2024年度收入支出总计2995.39万元。"}, {"Budget of the Finance Bureau for 2024: see Table 3 for details."}, {"1,234.56 2,345.67 3,580.23"}}, nil},
	})
}
