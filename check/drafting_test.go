package check

import "testing"

func TestTemplateInstruction(t *testing.T) {
	runCases(t, TemplateInstruction, []ruleCase{
		// jiangsu_renda_2018_dept_budget.pdf p26, jiangsu_zhengxie_2019_dept_budget.pdf p14
		{"instruction left", budget2017Dept, [][]string{{
			"（一）人员经费 6298.38万元。主要包括：基本工资、津贴补贴、奖金。（按“部门预算公开06表 财政拨款基本支出预算表”中实际发生经济分类支出事项填写）",
			"（二）公用经费1579.38万元。主要包括：办公费、水费。（按“部门预算公开08 表财政拨款基本支出预算表”中实际发生经济分类支出事项填写）",
		}}, []string{"1:1 error （按“部门预算公开06表", "1:2 error （按“部门预算公开08 表"}},
		{"general form", budget2026Dept, [][]string{{"项目支出100万元（请根据实际情况说明项目用途）。"}}, []string{"1:1 error （请根据实际情况说明项目用途）"}},
		// dongguan_2025_govwide_budget_report.pdf p33, yunfu_2025 p29: a table's
		// title says how the table is laid out
		{"title qualifier", gov2026, [][]string{{"6.2026年东莞市一般公共预算税收返还和转移支付表（按项目分地区列示）", "（按功能分类）"}}, nil},
		{"by the rules", budget2026Dept, [][]string{{"资金（按规定用途使用）已全部拨付。"}}, nil},
	})
}

func TestZeroWithChange(t *testing.T) {
	runCases(t, ZeroWithChange, []ruleCase{
		// shanghai_putuo_wanlijiedao_2023_dept_budget.pdf p6
		{"zero increased", budget2026Dept, [][]string{{"政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元。"}}, []string{"1:1 error 政府性基金拨款支出预算0万元，比2022年预算增加1421\\.25万元"}},
		{"general form", budget2026Dept, [][]string{{"事业收入0万元，较上年增长35万元。"}}, []string{"1:1 error 事业收入0万元，较上年增长35万元"}},
		// shanghai_putuo_sifaju_2026_dept_budget.pdf p8: a zero held flat, and a fall to zero
		{"flat", budget2026Dept, [][]string{{"政府性基金拨款支出预算0万元，与2025年预算持平。", "其他收入0万元，比2025年预算减少12万元。"}}, nil},
	})
}

func TestZeroBaseRate(t *testing.T) {
	runCases(t, ZeroBaseRate, []ruleCase{
		// shanghai_putuo_shehuigongzuobu_2024_dept_final.pdf p18
		{"rate on a zero budget", final2024Dept, [][]string{{"一般公共预算财政拨款支出年初预算为 0 万元，全年预算为321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。"}}, []string{"1:1 error 完成年初预算的 95\\.89%"}},
		{"general form", final2024Dept, [][]string{{"年初预算数为0万元，决算数为10万元，为年初预算数的100%。"}}, []string{"1:1 error 为年初预算数的100%"}},
		// shanghai_putuo_caizhengju_2024_dept_final.pdf p21: a budget with an amount
		{"rate on a budget", final2024Dept, [][]string{{"一般公共预算财政拨款支出年初预算为2860.53万元，支出决算为2940.05万元，完成年初预算的102.78%。"}}, nil},
	})
}

func TestDoubledWord(t *testing.T) {
	runCases(t, DoubledWord, []ruleCase{
		{"doubled", budget2026Dept, [][]string{{"2026年部门预算预算收入9628.22万元。", "公用经费与上年相比增加持平。"}}, []string{"1:1 warning 预算预算", "1:2 warning 增加持平"}},
		// guyuan_2025_govwide_budget_report.pdf p31, lijiang_2025_govwide_budget_report.html,
		// kaifeng_2019_govwide_budget_report.pdf p28: words that share characters, an idiom
		{"not doubled", gov2026, [][]string{{"农业保险保险费补贴资金115万元。", "让人民群众的获得感可感可及。", "认真落实同级人大及其常委会有关预算决算决议。", "比上年增加增长10%。"}}, nil},
	})
}

func TestUnitMagnitude(t *testing.T) {
	runCases(t, UnitMagnitude, []ruleCase{
		{"yuan among 亿元", gov2026, [][]string{{"一般公共预算收入123.45亿元，上级补助收入56.7亿元，调入资金95685元。"}}, []string{"1:1 warning 调入资金95685元"}},
		{"change in yuan among 万元", budget2026Dept, [][]string{{"项目支出189.41万元，基本支出54.32万元，比上年增加135089元，增长248.7%。"}}, []string{"1:1 warning 增加135089元"}},
		// ezhou_2025_govwide_budget_execution_report.pdf p20, guangdong_province_2024 p18:
		// amounts per person
		{"per person", gov2026, [][]string{{"安排育儿补贴资金1.2亿元，对符合条件家庭给予一次性育儿补贴13600元，惠及2.3万户。", "免税额度由5000元提高到15000元，带动消费12.5亿元、进口3.4亿元。"}}, nil},
	})
}

func TestEmptyNoteTopic(t *testing.T) {
	runTableCases(t, []tableCase{
		// shanghai_putuo_caizhengju_2025_dept_budget.pdf p18
		{"note of another table", EmptyNoteTopic, []string{
			"2025年部门国有资本经营预算支出功能分类预算表", "单位：万元",
			"|功能分类科目编码|功能分类科目名称|合计|基本支出|项目支出|",
			"||合计||||",
			"注:本部门2025年无政府性基金预算财政拨款安排的预算,故本表为空表。",
		}, []string{"1:3 warning 无政府性基金预算"}},
		{"its own note", EmptyNoteTopic, []string{
			"2025年部门国有资本经营预算支出功能分类预算表", "单位：万元",
			"|功能分类科目编码|功能分类科目名称|合计|基本支出|项目支出|",
			"||合计||||",
			"注:本部门2025年无国有资本经营预算财政拨款安排的预算,故本表为空表。",
		}, nil},
	})
}
