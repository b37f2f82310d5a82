package check

import "testing"

func TestChangeMismatch(t *testing.T) {
	runCases(t, ChangeMismatch, []ruleCase{
		// shanghai_putuo_sifaju_2026_dept_budget.pdf p9: 43269.3 is a typo for 3269.3
		{"direction", budget2026Dept, [][]string{{"6、其他司法支出（99项）3845.49万元。2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%。主要原因是：业务量增加。"}}, 1, "43269.3万元"},
		{"percent", budget2026Dept, [][]string{{"2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.66%。"}}, 1, ""},
		// rounding: 59.11 → 57.8 is −2.216%; 57.8 shown to 0.1 allows −2.21%
		{"within precision", budget2026Dept, [][]string{{"2025年当年预算执行数为59.11万元，2026年预算安排57.8万元，比2025年预算执行数减少2.21%。"}}, 0, ""},
		{"right", budget2026Dept, [][]string{{"2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。"}}, 0, ""},
		{"zero base", budget2026Dept, [][]string{{"2022年当年预算执行数为0万元，2023年预算安排60.13万元，比2022年预算执行数增加100.00%。"}}, 1, ""},
		// shanghai_putuo_caizhengju_2024_dept_final_INJECTED_ERRORS.pdf p19 vs the original
		{"final vs budget", final2024Dept, [][]string{{"1、行政运行（项）。年初预算为1560.05万元，支出决算为1511.89万元。决算数大于预算数的主要原因：人员进出及退休变化。"}}, 1, "大于"},
		{"final vs budget right", final2024Dept, [][]string{{"1、行政运行（项）。年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员进出及退休变化。"}}, 0, ""},
		// a line break before the amount (shanghai_putuo_sifaju_2026_unit_budget.pdf p7)
		{"broken line", budget2026Unit, [][]string{{"13、购房补贴（03项）207万元。主要用于：发放购房补贴。2025年当年预算执行数为", "241.76万元，2026年预算安排170.03万元，比2025年预算执行数增加21.74%。主要原因是：支出增加。"}}, 1, ""},
	})
}
