package check

import "testing"

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
		{"blank back page", budget2026Dept, [][]string{{"上海市普陀区2026年区级部门预算"}, {"上海市普陀区司法局主要职能"}, {}}, nil},
	})
}
