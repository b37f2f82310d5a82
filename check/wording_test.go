package check

import "testing"

func TestZeroChangeWording(t *testing.T) {
	runCases(t, ZeroChangeWording, []ruleCase{
		{"increase by zero", budget2017Dept, [][]string{{"一般公共预算拨款支出预算0万元，比上年增加0万元。"}}, []string{"1:1 info 增加0万元"}},
		// shanghai_putuo_sifaju_2026_dept_budget.pdf p8
		{"flat", budget2026Dept, [][]string{{"政府性基金拨款支出预算0万元，与2025年预算持平；事业收入0万元。"}}, nil},
		// altered from jiangsu_jianchayuan_2017_dept_budget.pdf p23: justified
		// prose with wide gaps is prose, not a table row, and is checked
		// shanghai_putuo_sifaju_2026_dept_budget.pdf p22,
		// shanghai_putuo_wanlijiedao_2024_dept_budget.pdf p6
		{"比…持平", budget2026Dept, [][]string{{"公务接待费0.83万元，比2025年预算持平。", "政府性基金拨款支出预算0.00万元，比2023年预算执行数持平；国有资本经营预算拨款支出预算0万元。"}},
			[]string{"1:1 info 比2025年预算持平", "1:2 info 比2023年预算执行数持平"}},
		// jiangsu_renda_2018_dept_budget.pdf p21 and the general forms
		{"与…相比持平, 同比持平", budget2026Dept, [][]string{{"人大立法（项）支出810万元，与上年相比持平。", "税收收入同比持平，比上年增加0.5亿元，基本持平。"}}, nil},
		{"justified prose", budget2017Dept, [][]string{{"1．公共安全（类）支出  13656.34 万元，主要用于检察院行政支出。与上年相比增加    0 万元，增长0   %。"}}, []string{"1:1 info 增加    0 万元", "1:1 info 增长0   %"}},
	})
}

func TestEmptyReason(t *testing.T) {
	runCases(t, EmptyReason, []ruleCase{
		// shanghai_putuo_sifaju_2026_unit_budget.pdf p21
		{"empty", budget2026Unit, [][]string{{"（二）公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是。其中：公务用车购置费0万元。"}}, []string{"1:1 error 主要原因是。"}},
		// shanghai_putuo_caizhengju_2024_dept_final.pdf p24: the reason is on the next line
		{"continued", final2024Dept, [][]string{{"机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。主要原因是", "优化办公环境、提升照明效率，更换了老旧照明设施。"}}, nil},
		{"heading", final2024Dept, [][]string{{"六、经费收支增加的原因"}}, nil},
		{"cut off", budget2026Dept, [][]string{{"上海市普陀区司法局部门预算是包括区司法局本部以及下属1家预算单位的综合收支计划。本部门中，行政单位1家，参公单位1家，", "二、部门机构设置"}}, []string{"1:1 error 行政单位1家，参公单位1家，"}},
	})
}

func TestBaseYear(t *testing.T) {
	runCases(t, BaseYear, []ruleCase{
		// shanghai_putuo_sifaju_2026_dept_budget.pdf p8
		{"same year", budget2026Dept, [][]string{{"2026年，上海市普陀区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2026年预算增加793.14万元。"}}, []string{"1:1 error 比2026年预算增加793\\.14万元"}},
		// shanghai_putuo_caizhengju_2024_dept_final_INJECTED_ERRORS.pdf p18, p24
		{"wrong document year", final2024Dept, [][]string{{"第三部分上海市普陀区财政局 2023年度部门决算情况说明", "截至 2023年 12 月 31 日，上海市普陀区财政局共有车辆0辆。", "上海市普陀区财政局2024年度收入支出总计2995.39万元。"}}, []string{"1:1 error 第三部分上海市普陀区财政局 2023年度部门决算", "1:2 error 截至 2023年 12 月 31 日"}},
		// the originals
		{"right", final2024Dept, [][]string{{"第三部分上海市普陀区财政局2024年度部门决算情况说明", "截至2024年12月31日，上海市普陀区财政局共有车辆0辆。", "与2023年度相比，收入支出总计减少56.95万元。"}}, nil},
		{"budget asset date", budget2026Dept, [][]string{{"2026年部门预算。截至2025年8月31日，上海市普陀区司法局共有车辆3辆。"}}, nil},
		// shanghai_putuo_sifaju_2026_dept_budget.pdf p23: a project block
		// copied from the year before, its period left as it was
		{"past project period", budget2026Dept, [][]string{projectBlock("2026", "2025年1月1日-2025年12月31日")}, []string{"1:8 error 2025年1月1日-2025年12月31日"}},
		// shanghai_putuo_caizhengju_2025_dept_budget.pdf: the budget's own
		// year, and a project over several years that runs into it
		{"project period of the year", budget2026Dept, [][]string{projectBlock("2026", "2026.1.1-2026.12.31")}, nil},
		{"project over years", budget2026Dept, [][]string{projectBlock("2026", "2024年1月1日至2026年12月31日")}, nil},
	})
}

// projectBlock is a project block of a district budget (as
// shanghai_putuo_sifaju_2026_dept_budget.pdf p23) with the given 实施周期.
func projectBlock(year, period string) []string {
	return []string{
		year + "年部门预算。",
		"人民调解项目经费情况说明",
		"一、项目概述",
		"人民调解承担着化解社会矛盾、维护社会稳定的责任。",
		"三、实施主体",
		"上海市普陀区司法局",
		"五、实施周期",
		period,
		"六、年度预算安排",
		"795万元",
	}
}

func TestScopeWording(t *testing.T) {
	runCases(t, ScopeWording, []ruleCase{
		// shanghai_putuo_sifaju_2026_unit_budget.pdf p21
		{"dept in unit", budget2026Unit, [][]string{{"2026年部门预算安排购置车辆0辆，其中：执法执勤用车0辆。"}}, []string{"1:1 warning 部门预算"}},
		{"classification name", budget2026Unit, [][]string{{"2026年预算单位一般公共预算基本支出部门预算经济分类预算表", "是区级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款", "深化部门预算改革"}}, nil},
		{"final in budget", budget2026Dept, [][]string{{"本部门决算数为100万元。"}}, []string{"1:1 warning 本部门决算数为100万元"}},
		{"functions", budget2026Dept, [][]string{{"向区人大常委会报告调整预算及决算等事项。"}}, nil},
		// yunfu_2025_govwide_budget_report.pdf p82: a government report speaks of past 决算
		{"government", gov2026, [][]string{{"2025年政府债务余额决算数待上级统一核定后另行向本级人大常委会报告。"}}, nil},
	})
}

func TestOutdatedTerm(t *testing.T) {
	runCases(t, OutdatedTerm, []ruleCase{
		// shanghai_putuo_sifaju_2026_dept_budget.pdf p9
		{"renamed", budget2026Dept, [][]string{{"11、医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）114.97万元。"}}, []string{"1:1 warning 医疗卫生与计划生育支出"}},
		// jiangsu 2017: the old name was right then
		{"before the reform", budget2017Dept, [][]string{{"九、医疗卫生与计划生育支出"}}, nil},
	})
}

func TestPunctuation(t *testing.T) {
	runCases(t, Punctuation, []ruleCase{
		// shanghai_putuo_sifaju_2026_dept_budget.pdf p8, p23
		{"doubled", budget2026Dept, [][]string{{"主要用于：信息化建设及运行维护等方面的支出。。2025年当年预算执行数为60.41万元。"}}, []string{"1:1 info 。。"}},
		{"lone quote", budget2026Dept, [][]string{{"4.开展“人民调解协议书检查”、优秀调解案例”活动。"}}, []string{"1:1 info ”、优秀调解案例”"}},
		{"mixed brackets", budget2026Dept, [][]string{{"单价100万元（含)以上设备。"}}, []string{"1:1 info （含\\)"}},
		{"no full stop", budget2026Dept, [][]string{{"财政拨款收入支出增加的主要原因是工作量增加"}}, []string{"1:1 info 主要原因是工作量增加"}},
		{"clean", budget2026Dept, [][]string{{"“三公”经费预算数为10.81万元，其中：因公出国（境）费0万元。"}}, nil},
		// list markers (zhangye_2025_govwide_budget_report.html writes （1）; other
		// provinces' budgets 1） and 2)) are not brackets
		{"list markers", budget2017Dept, [][]string{{"1）基本支出1000万元；2）项目支出500万元。", "a) 办公费10万元；b) 印刷费10万元。", "主要用于：1）会议费；2）培训费。"}}, nil},
		{"closing without opening", budget2017Dept, [][]string{{"基本支出1000万元）。"}}, []string{"1:1 info 基本支出1000万元）"}},
	})
}
