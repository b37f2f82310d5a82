package check

import "testing"

// The tables below are abridged from the documents named, keeping the
// rows and columns the narrative restates.

// caizhengjuFiscal is 财政拨款收入支出决算总表 of
// shanghai_putuo_caizhengju_2024_dept_final.pdf (p12–13), after the
// narrative's 四、 (p21) with the total stated as total.
func caizhengjuFiscal(total string) []string {
	return []string{
		"上海市普陀区财政局2024年度部门决算",
		"四、财政拨款收入支出决算总体情况说明",
		"上海市普陀区财政局2024年度财政拨款收入支出总计" + total + "万元。与2023年度相比，财政拨款收入支出总计持平。",
		"财政拨款收入支出决算总表", "单位：万元",
		"|收入||支出|||",
		"|项目|决算数|项目|合计|一般公共预算财政拨款|",
		"|一、一般公共预算财政拨款|2,940.05|一、一般公共服务支出|2,106.66|2,106.66|",
		"|本年收入合计|2,940.05|本年支出合计|2,940.05|2,940.05|",
		"|年初财政拨款结转和结余|21.63|年末财政拨款结转和结余|21.63|21.63|",
		"|总计|2,961.68|总计|2,961.68|2,961.68|",
	}
}

// basicExpense is 六、 of a final account with the 一般公共预算财政拨款支出决算表
// (合计 row) and 基本支出决算表 (人员经费合计/公用经费合计 row) it restates:
// shanghai_putuo_guihuaziyuanju_2024_dept_final.pdf p24, p15, p16.
func basicExpense(basic, staff, office string) []string {
	return []string{
		"上海市普陀区规划和自然资源局2024年度部门决算",
		"六、一般公共预算财政拨款基本支出决算情况说明",
		"一般公共预算财政拨款基本支出 " + basic + "万元。其中：人员经费 " + staff + "万元，主要包括：基本工资、津贴补贴、奖金、绩效工资；公用经费 " + office + " 万元，主要包括：办公费、手续费、水费、电费。",
		"一般公共预算财政拨款支出决算表", "单位：万元",
		"|功能分类科目编码|科目名称|合计|基本支出|项目支出|",
		"|221|住房保障支出|461.08|461.08|0.00|",
		"|合计||9746.50|5364.75|4381.74|",
		"一般公共预算财政拨款基本支出决算表", "单位：万元",
		"|经济分类科目编码|科目名称|决算数|经济分类科目编码|科目名称|决算数|",
		"|301|工资福利支出|4816.14|302|商品和服务支出|440.90|",
		"|人员经费合计||4884.09|公用经费合计||480.66|",
	}
}

// threePublicFinal is 七、 of shanghai_putuo_caizhengju_2024_dept_final.pdf
// (p23) with its 三公 table (p18); row is the table's figures, blank in
// the copy with injected errors (…_INJECTED_ERRORS.pdf p15, p22).
func threePublicFinal(row string) []string {
	return []string{
		"上海市普陀区财政局2024年度部门决算",
		"“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0%。",
		"财政拨款“三公”经费支出决算表", "单位：万元",
		"|合计||因公出国（境）费||公务用车购置及运行维护费||公务接待费||",
		"|预算数|决算数|预算数|决算数|预算数|决算数|预算数|决算数|",
		row,
	}
}

// generalByClass is 五、（二） of shanghai_putuo_guihuaziyuanju_2024_dept_final.pdf
// (p21) with the 类 rows of its 一般公共预算财政拨款支出决算表 (p14–15):
// the table has 236.64 for 卫生健康支出, the text 236.63 — one unit of the
// last place, within the rounding of both figures.
func generalByClass(health string) []string {
	return []string{
		"上海市普陀区规划和自然资源局2024年度部门决算",
		"一般公共预算财政拨款支出 9746.50万元，主要用于以下方面：社会保障和就业支出（类）754.75万元，占 7.74%；卫生健康支出（类）" + health + " 万元，占2.43%；住房保障支出（类）461.08万元，占4.73%。",
		"一般公共预算财政拨款支出决算表", "单位：万元",
		"|功能分类科目编码|科目名称|合计|基本支出|项目支出|",
		"|208|社会保障和就 业支出|754.75|754.75|0.00|",
		"|210|卫生健康支出|236.64|236.64|0.00|",
		"|221|住房保障支出|461.08|461.08|0.00|",
		"|合计||9746.50|5364.75|4381.74|",
	}
}

// incomeExpense is 一、 of shanghai_putuo_caizhengju_2024_dept_final.pdf
// (p21) with the 总计 row of its 收入支出决算总表 (p6–7); the copy with
// injected errors has 0 for 2995.39 (p18).
func incomeExpense(total string) []string {
	return []string{
		"上海市普陀区财政局2024年度部门决算",
		"上海市普陀区财政局2024年度收入支出总计" + total + "万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。",
		"收入支出决算总表", "单位：万元",
		"|收入||支出||",
		"|项目|决算数|项目|决算数|",
		"|本年收入合计|2,946.25|本年支出合计|2,940.05|",
		"|年初结转和结余|49.14|年末结转和结余|55.34|",
		"|总计|2,995.39|总计|2,995.39|",
	}
}

func TestNarrativeTables(t *testing.T) {
	runTableCases(t, []tableCase{
		// the original says 0.3万元 where the table says 2,961.68; the copy
		// with injected errors (p18) has it right
		{"altered: 类 differs", TableText, generalByClass("263.64"), []string{"1:2 warning 263\\.64 万元"}},
		{"类 agrees within rounding", TableText, generalByClass("236.63"), nil},
		// the 类 of all funds' expenditure are not the 一般公共预算 table's rows
		{"类 of another total", TableText, append(generalByClass("236.64"),
			"本年支出合计9759.38万元，主要用于：卫生健康支出（类）263.64万元。"), nil},
		{"收入支出总计 differs", TableText, incomeExpense("0"), []string{"1:2 warning ^0万元$"}},
		{"收入支出总计 agrees", TableText, incomeExpense("2995.39"), nil},
		{"财政拨款收支总计 differs", TableText, caizhengjuFiscal("0.3"), []string{"1:3 warning 0\\.3万元"}},
		{"财政拨款收支总计 agrees", TableText, caizhengjuFiscal("2961.68"), nil},
		// 5377.64 is the 基本支出 of all funds (三、), not of the 一般公共预算
		// table; 4896.98 is not the table's 人员经费合计 4884.09
		{"基本支出 and 人员经费 differ", TableText, basicExpense("5377.64", "4896.98", "480.66"), []string{"1:3 warning 5377\\.64万元", "1:3 warning 4896\\.98万元"}},
		{"基本支出 agrees", TableText, basicExpense("5364.75", "4884.09", "480.66"), nil},
		{"公用经费 differs", TableText, basicExpense("5364.75", "4884.09", "408.66"), []string{"1:3 warning 408\\.66 万元"}},
		{"三公 budget against a blank table", TableText, threePublicFinal("||||||||"), []string{"1:2 warning 0\\.95万元"}},
		// 0.00 决算 beside a blank 决算数 cell, 0.95 年初预算 in the 预算数
		// column: both agree (the 0.95 is not compared with the 决算数 column)
		{"三公 budget and outturn agree", TableText, threePublicFinal("|0.95||0.00||0.00||0.95||"), nil},
		// synthetic: a table with the 决算数 only, and an empty page of it —
		// the budget figure has no column to be compared with
		{"三公 without a 预算数 column", TableText, []string{
			"上海市普陀区财政局2024年度部门决算",
			"“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.39万元。",
			"财政拨款“三公”经费支出决算表", "单位：万元",
			"|合计|因公出国（境）费|公务接待费|",
			"|决算数|决算数|决算数|",
			"|0.39|0.00|0.39|",
			"\f",
			"财政拨款“三公”经费支出决算表（续）", "单位：万元",
			"|合计|因公出国（境）费|公务接待费|",
			"||||",
		}, nil},
		{"三公 budget differs from its column", TableText, threePublicFinal("|0.59||0.00||0.00||0.59||"), []string{"1:2 warning 0\\.95万元"}},
		// jiangsu_gaoyuan_2017_dept_budget.pdf p24 and 公开表八 (p16):
		// the 人员经费 of the text is not a row of the Jiangsu table
		{"jiangsu 基本支出 agrees", TableText, []string{
			"江苏省高级人民法院2017年度部门预算",
			"江苏省高级人民法院2017年度一般公共预算财政拨款基本支出预算 17123.19 万元，其中：",
			"人员经费13594.82万元。主要包括：基本工资、津贴补贴。",
			"公用经费3528.37 万元。主要包括：办公费、印刷费。",
			"一般公共预算基本支出预算表", "单位：万元",
			"|科目编码|科目名称|金额|",
			"||合计|17,123.19|",
			"|301|工资福利支出|12,186.53|",
		}, nil},
		{"altered: jiangsu 基本支出 differs", TableText, []string{
			"江苏省高级人民法院2017年度部门预算",
			"江苏省高级人民法院2017年度一般公共预算财政拨款基本支出预算 17213.19 万元，其中：",
			"人员经费13594.82万元。主要包括：基本工资、津贴补贴。",
			"一般公共预算基本支出预算表", "单位：万元",
			"|科目编码|科目名称|金额|",
			"||合计|17,123.19|",
			"|301|工资福利支出|12,186.53|",
		}, []string{"1:2 warning 17213\\.19 万元"}},
		// the 人员经费 of all funds (三、支出…) is no part of the 一般公共预算
		// 基本支出 and is not compared with the table's 人员经费合计
		{"人员经费 of another total", TableText, append(basicExpense("5364.75", "4884.09", "480.66"),
			"本年支出合计9759.38万元，其中：基本支出5377.64万元，其中人员经费4896.98万元。"), nil},
	})
}

// TestNarrativeYears: a column of another year is not the figure's column
// (shanghai_putuo_sifaju_2026_dept_budget.pdf p21–22, the 三公 table with
// the prior year beside it).
func TestNarrativeYears(t *testing.T) {
	doc := func(text string) []string {
		return []string{
			"上海市普陀区司法局2026年度部门预算",
			"2026年“三公”经费预算数为" + text + "万元，比2025年预算增加0.10万元。",
			"2026年部门“三公”经费和机关运行经费预算表", "单位：万元",
			"|“三公”经费预算数||机关运行经费预算数|2025年“三公”经费预算数|",
			"|合计|公务接待费|||",
			"|10.81|0.83|217.83|10.71|",
		}
	}
	runTableCases(t, []tableCase{
		{"this year's column", TableText, doc("10.81"), nil},
		{"the prior year's figure", TableText, doc("10.71"), []string{"1:2 warning 10\\.71万元"}},
	})
}
