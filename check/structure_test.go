package check

import "testing"

func TestNumbering(t *testing.T) {
	// shanghai_putuo_sifaju_2026_dept_budget.pdf p4–5: the end of the list
	// of functions is printed twice.
	dup := [][]string{{"上海市普陀区司法局主要职能", "一、部门主要职能",
		"（五）承担统筹规划本区法治社会建设的责任。", "（六）组织实施和指导监督本区社区矫正工作。", "（七）负责推进本区公共法律服务体系建设。"},
		{"（六）组织实施和指导监督本区社区矫正工作。", "（七）负责推进本区公共法律服务体系建设。"}}
	runCases(t, NumberingDuplicate, []ruleCase{
		{"repeated page", budget2026Dept, dup, []string{"2:1 warning （六）"}},
		{"clean", budget2026Dept, dup[:1], nil},
		// lincang_2025_govwide_budget_report.pdf p124–125, shandong_province_2025 p121:
		// each table's notes are a list of their own
		{"notes of two tables", gov2026, [][]string{{"一、地方政府债务", "2025年地方政府债务限额表", "1.本表反映地方政府债务限额。", "2.本表由县级以上地方各级财政部门在本级人大常委会批准后填列。", "3.本表单位为亿元。"},
			{"2025年地方政府债务余额表", "2.本表由县级以上地方各级财政部门在本级人大常委会批准后填列。", "3.本表单位为亿元。"}}, nil},
	})
	runCases(t, NumberingGap, []ruleCase{
		{"gap", budget2026Dept, [][]string{{"一、部门主要职能", "（一）贯彻执行国家和本市有关司法行政工作的法律。", "（二）承担区委全面依法治区委员会办公室日常工作。", "（四）负责本区行政执法监督工作。"}}, []string{"1:4 warning （四）"}},
		// classification rows list only the categories with money
		// (shanghai_putuo_caizhengju_2024_dept_final.pdf p12)
		// jiangsu_suqian_2026_govwide_budget_report.pdf p4: a list of tables in
		// brackets broken by the layout before 十三、
		{"enumeration in brackets", gov2026, [][]string{{"一、2025年预算执行情况", "市本级政府性基金支出74.37亿元，加上补助下级支出24.88亿元，上解支出2.2亿元，调出资金8.44亿元，总支出186.89亿元。收支相抵，结余34.94亿元，拟结转下年使用。（表", "十三、表十四）", "二、2026年预算草案"}}, nil},
		{"category rows", final2024Dept, [][]string{{"一、一般公共服务支出", "三、国防支出", "七、文化旅游体育与传媒支出"}}, nil},
		{"joined item", final2024Dept, [][]string{{"主要职能", "（七）负责本区财政监督工作。（八）负责本区暂未划转入税务部门的非税收入征收管理。", "（九）拟订和组织实施本区国库管理制度。"}}, nil},
	})
	runCases(t, NumberingStyle, []ruleCase{
		{"mixed", budget2026Dept, [][]string{{"五、部门预算表", "1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于：行政单位的基本支出。", "2、公共安全支出基层司法业务2170.39万元。主要用于：人民调解等工作支出。", "3．公共安全支出普法宣传124.29万元。主要用于：法制宣传工作支出。"}}, []string{"1:4 info 3．"}},
		{"uniform", budget2026Dept, [][]string{{"五、部门预算表", "1、公共安全支出行政运行1672.67万元。主要用于：行政单位的基本支出。", "2、公共安全支出基层司法业务2170.39万元。主要用于：人民调解等工作支出。"}}, nil},
	})
}
