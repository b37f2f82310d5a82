package facts

import (
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/schema"
)

// want is the part of a fact a case checks; empty fields are not checked,
// except that Value "-" means "no value" and Dir "-" means "no change".
type want struct {
	Subject, Entity, Value, Kind, Unit string
	Dir, Change, Percent, Points, Base string
	Prior, Reason, Dim                 string
	Parent                             int // 1-based index of the parent among the facts; 0 = not checked, -1 = none
}

var cases = []struct {
	name  string
	org   string
	lines []string
	want  []want
}{
	{"subject without year and organisation", "", []string{"2024年本部门收入预算总额为1234.56万元。"},
		[]want{{Subject: "收入预算总额", Value: "12345600", Kind: "money", Unit: "CNY", Dir: "-"}}},
	{"其中 with colon", "", []string{"2016年收入决算4258.39万元，其中：财政拨款4154.28万元。"},
		[]want{{Subject: "收入决算", Value: "42583900"}, {Subject: "财政拨款", Value: "41542800", Parent: 1}}},
	// hohhot_2024_govwide_budget_report.pdf p1 (abridged) and the general
	// form: a rate's base heads no breakdown and is no part of one
	{"breakdown after the base of a rate", "", []string{"全市社会保险基金收入114.3亿元，完成年初预算112.76亿元的101.37%。其中，养老保险基金收入10.75亿元，完成年初预算9.27亿元的115.97%；医疗保险基金收入103.55亿元。"},
		[]want{{Value: "11430000000"}, {Value: "11276000000", Parent: -1}, {Value: "1075000000", Parent: 1}, {Value: "927000000", Parent: -1}, {Value: "10355000000", Parent: 1}}},
	{"subject with budget verbs", "", []string{"一般公共预算拨款支出预算9,101.68万元。"},
		[]want{{Subject: "一般公共预算拨款支出预算", Value: "91016800"}}},
	{"比上年增加 with reason in the same sentence", "", []string{"１.机关运行经费情况。2018年一般公共预算财政拨款运行经费16252.11万元，比上年增加654.94万元，主要原因为市级部门公用经费标准统一提高。主要用于:办公费及印刷费、邮电费。"},
		[]want{{Subject: "一般公共预算财政拨款运行经费", Value: "162521100", Dir: "increase", Change: "6549400", Base: "上年", Prior: "155971700", Reason: "市级部门公用经费标准统一提高"}}},
	{"与上年相比 in the next sentence, reason after", "", []string{"1. 一般公共服务（类）支出 6,543.55 万元，主要用于单位行政运行、一般行政管理事务、政协会议和委员视察等。与上年相比减少 108.56万元，下降 1.63%。主要原因是本年在职人员和商品服务公用定额数减少等。"},
		[]want{{Subject: "一般公共服务（类）支出", Value: "65435500", Dir: "decrease", Change: "-1085600", Percent: "-1.63", Base: "上年", Reason: "本年在职人员和商品服务公用定额数减少等"}}},
	{"增长 percent", "", []string{"1.人大事务（款）行政运行（项）支出6372.32万元，与上年相比增加1826.38 万元，增长40.18%。主要原因是政策性增资以及预留机动人员工资福利支出增加。"},
		[]want{{Subject: "人大事务（款）行政运行（项）支出", Value: "63723200", Dir: "increase", Change: "18263800", Percent: "40.18"}}},
	{"减少 written twice", "", []string{"1. 人大事务行政运行（项）支出 10528.33 万元，与上年相比减少 17.89万元，减少 0.17%。"},
		[]want{{Value: "105283300", Dir: "decrease", Change: "-178900", Percent: "-0.17"}}},
	{"降幅", "", []string{"2．社会保障和就业支出 1,836.22 万元，主要用于离休费、基本养老金。与上年相比减少  184.96 万元，降幅  9.1  %。主要原因是退休人员基本养老金改由社保发放。"},
		[]want{{Subject: "社会保障和就业支出", Dir: "decrease", Change: "-1849600", Percent: "-9.1", Reason: "退休人员基本养老金改由社保发放"}}},
	{"较上年预算安排增加", "", []string{"2025年项目支出预算300万元，较上年预算安排增加50万元，增长20%。"},
		[]want{{Subject: "项目支出预算", Value: "3000000", Dir: "increase", Change: "500000", Percent: "20", Base: "上年预算安排", Prior: "2500000"}}},
	{"与2023年度相比 before the subject", "", []string{"一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。与2023年度相比，一般公共预算财政拨款支出减少63.14万元，下降2.10%。主要原因：基本支出中人员进出及退休变化。"},
		[]want{{Subject: "一般公共预算财政拨款支出", Value: "29400500", Dir: "decrease", Change: "-631400", Percent: "-2.1", Base: "2023年度", Reason: "基本支出中人员进出及退休变化"}}},
	{"比2024年预算（执行数）增加", "", []string{"2025年一般公共预算拨款支出预算500万元，比2024年预算（执行数）增加20万元。"},
		[]want{{Value: "5000000", Dir: "increase", Change: "200000", Base: "2024年预算（执行数）"}}},
	// shanghai_putuo_shiquanlujiedao_2026_unit_budget_pages.json p7 (page
	// text JSON): levels joined by -, the item's 年度预算 of two years
	{"shiquanlu: 科目 levels joined by -, 2026年度预算 and 2025年度预算 named by the item", "", []string{"   1.  “一般公共服务支出(类）-统计信息事务（款）-统计管理（项）”2026年度预算0.12万元，2025年度预算3.84万元，主要用于：各类统计工作。2025年当年预算执行数为3.39万元，2026年预算安排0.12万元。"},
		[]want{{Subject: "统计管理（项）预算", Value: "1200"}, {Subject: "统计管理（项）预算", Value: "38400"},
			{Subject: "统计管理（项）预算执行数", Value: "33900"}, {Subject: "统计管理（项）预算安排", Value: "1200"}}},
	{"比执行数 percent only: the stated 执行数 is the prior; generic subjects get the item's name", "", []string{"1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。主要原因是：项目调整。"},
		[]want{{Subject: "一般公共服务支出（类）统计信息事务（款）专项普查活动（项）", Value: "257700", Dir: "-", Reason: "-"}, // 主要用于 is a purpose, not a reason
			{Subject: "专项普查活动（项）预算执行数", Value: "601300"},
			{Subject: "专项普查活动（项）预算安排", Value: "257700", Dir: "decrease", Percent: "-57.14", Base: "2023年预算执行数", Prior: "601300", Reason: "项目调整"}}},
	{"同比", "", []string{"全年政府采购支出1200万元，同比增长8.5%。"},
		[]want{{Subject: "政府采购支出", Dir: "increase", Percent: "8.5", Base: "上年"}}},
	{"持平 without amount", "", []string{"(2)公务用车运行维护费预算支出 183.6 万元，与上年预算数持平。"},
		[]want{{Subject: "公务用车运行维护费预算支出", Value: "1836000", Dir: "flat", Base: "上年预算数"}}},
	{"与上年数一致", "", []string{"1.因公出国（境）费预算支出 106万元，与上年数一致。"},
		[]want{{Subject: "因公出国（境）费预算支出", Dir: "flat", Base: "上年数"}}},
	{"与上年保持一致", "", []string{"机关运行经费预算80万元，与上年保持一致。"},
		[]want{{Subject: "机关运行经费预算", Dir: "flat", Base: "上年"}}},
	{"比上年预算持平 in a breakdown", "", []string{"2024年“三公”经费预算数为6.40万元，与2023年预算持平。其中：公务接待费6.40万元，与2023年预算持平。"},
		[]want{{Subject: "“三公”经费预算数", Value: "64000", Dir: "flat", Base: "2023年预算"}, {Subject: "公务接待费", Parent: 1, Dir: "flat"}}},
	{"change-only mention", "", []string{"局本级支出预算比上年减少120万元。"},
		[]want{{Subject: "局本级支出预算", Value: "-", Dir: "decrease", Change: "-1200000", Base: "上年", Prior: "-"}}},
	{"change-only flat parts", "", []string{"2024 年度“三公”经费财政拨款支出决算数与 2023 年度持平。 其中：因公出国（境）费支出决算持平； 公务用车购置及运行维护费支出与上一年度持平。"},
		[]want{{Value: "-", Dir: "flat", Base: "2023 年度"}, {Subject: "因公出国（境）费支出决算", Value: "-", Dir: "flat", Base: "2023 年度", Parent: 1},
			{Subject: "公务用车购置及运行维护费支出", Value: "-", Dir: "flat", Base: "上一年度", Parent: 1}}},
	{"change-only decrease parts", "", []string{"2024年度“三公”经费财政拨款支出决算数比 2023年度减少 0.15 万元，下降（增长）27.78%，其中：因公出国（境）费支出与上一年度持平；公务接待费支出决算减少 0.15万元，下降 27.78%。"},
		[]want{{Subject: "“三公”经费财政拨款支出决算数", Value: "-", Dir: "decrease", Change: "-1500", Percent: "-27.78", Base: "2023年度"},
			{Subject: "因公出国（境）费支出", Dir: "flat", Parent: 1},
			{Subject: "公务接待费支出决算", Value: "-", Dir: "decrease", Change: "-1500", Percent: "-27.78", Parent: 1}}},
	{"percentage points", "", []string{"基本支出占总支出的比重为60%，比上年提高2.5个百分点。"},
		[]want{}},
	{"points on a money fact", "", []string{"项目支出800万元，比上年增加100万元，占比提高3个百分点。"},
		[]want{{Subject: "项目支出", Value: "8000000", Change: "1000000", Dir: "increase", Points: "3"}}},
	{"stated prior", "", []string{"2025年机关运行经费预算为300万元，上年为280万元，比上年增加20万元。"},
		[]want{{Subject: "机关运行经费预算", Value: "3000000", Prior: "2800000", Change: "200000", Dir: "increase"}}},
	{"reason on the next line", "", []string{"2023年，收入预算16497.86万元，其中：财政拨款收入16497.86万元，比2022年（上一年度，下同）预算增加1421.25万元；事业收入0万元。", "财政拨款收入支出增加的主要原因是项目调整。"},
		[]want{{Subject: "收入预算", Value: "164978600"},
			{Subject: "财政拨款收入", Parent: 1, Dir: "increase", Change: "14212500", Base: "2022年（上一年度，下同）预算"},
			{Subject: "事业收入", Value: "0", Parent: 1, Dir: "-"}}},
	{"reason is the next sentence", "", []string{"4． 法院（款）案件审判（项）支出 1733.3 万元，与上年相比减少 200 万元，减少 10.35%。主要原因是案件审判经费 2017 年度预算安排较上年压减 200万元。"},
		[]want{{Subject: "法院（款）案件审判（项）支出", Value: "17333000", Change: "-2000000", Percent: "-10.35", Reason: "案件审判经费 2017 年度预算安排较上年压减 200万元"},
			{Value: "-", Dir: "decrease", Change: "-2000000", Base: "上年"}}},
	{"减少的原因", "", []string{"公用经费支出50万元，比上年减少10万元。减少的原因是压减一般性支出。"},
		[]want{{Subject: "公用经费支出", Change: "-100000", Reason: "压减一般性支出"}}},
	{"organisation name left out", "上海市普陀区人民政府万里街道办事处", []string{"2023年，上海市普陀区人民政府万里街道办事处收入预算16497.86万元。"},
		[]want{{Subject: "收入预算", Value: "164978600"}}},
	{"entity", "", []string{"下属事业单位上海市普陀区交流服务中心收入预算120万元。"},
		[]want{{Subject: "收入预算", Entity: "上海市普陀区交流服务中心", Value: "1200000"}}},
	{"包括 by function", "", []string{"1．按支出功能分类，包括一般公共服务支出3008.34万元、国防支出5万元、科学技术支出297.82万元。"},
		[]want{{Subject: "一般公共服务支出", Dim: "支出功能分类"}, {Subject: "国防支出", Value: "50000"}, {Subject: "科学技术支出"}}},
	{"按经济分类 after a total", "", []string{"基本支出4154.27万元。", "3．一般公共预算安排的基本支出按经济分类，包括工资福利支出1948.06万元、对个人和家庭补助支出1163.48万元。"},
		[]want{{Subject: "基本支出"}, {Subject: "工资福利支出", Parent: 1, Dim: "经济分类"}, {Subject: "个人和家庭补助支出", Parent: 1}}},
	{"按支出功能科目划分 over list lines", "", []string{"2025年支出预算1000万元。按支出功能科目划分：", "1.一般公共服务支出800万元；", "2.社会保障和就业支出200万元。"},
		[]want{{Subject: "支出预算"}, {Subject: "一般公共服务支出", Parent: 1, Dim: "支出功能科目"}, {Subject: "社会保障和就业支出", Parent: 1, Dim: "支出功能科目"}}},
	{"其中 at line end, parts on list lines", "", []string{"1．财政拨款收入预算总计  21,940.96 万元。其中", "(1)一般公共预算收入预算 21,940.96 万元。"},
		[]want{{Subject: "财政拨款收入预算总计", Value: "219409600"}, {Subject: "一般公共预算收入预算", Parent: 1}}},
	{"nested breakdown", "", []string{"支出预算16497.86万元，其中：财政拨款支出预算16497.86万元，比2022年预算增加1421.25万元。财政拨款支出预算中，一般公共预算拨款支出预算16497.86万元；政府性基金拨款支出预算0万元。"},
		[]want{{Subject: "支出预算"}, {Subject: "财政拨款支出预算", Parent: 1}, {Subject: "一般公共预算拨款支出预算", Parent: 2}, {Subject: "政府性基金拨款支出预算", Parent: 2}}},
	{"nested 其中 inside a part", "", []string{"支出预算1000万元，其中：基本支出600万元，其中人员经费400万元；项目支出400万元。"},
		[]want{{Subject: "支出预算"}, {Subject: "基本支出", Parent: 1}, {Subject: "人员经费", Parent: 2}, {Subject: "项目支出", Parent: 1}}},
	// jiangsu_renda_2019_dept_budget 9:6 (江苏, PDF); jiangsu_jianchayuan_2019_dept_budget 25:4 (江苏, PDF)
	{"renda: 收入、支出预算总计", "江苏省人大常委会办公厅", []string{"2019年江苏省人大常委会办公厅收入、支出预算总计18330.37万元。"},
		[]want{{Subject: "收入、支出预算总计", Value: "183303700"}}},
	{"jianchayuan: 收入、支出预算总计", "江苏省人民检察院", []string{"江苏省人民检察院2019年度收入、支出预算总计24,169.74 万元，与上年相比收、支预算总计各增加 2214.39万元，增长 10.09 %。"},
		[]want{{Subject: "收入、支出预算总计", Value: "241697400"}}},
	{"事业单位 with no sub-unit named is part of the name", "", []string{"事业单位经营收入5万元。"},
		[]want{{Subject: "事业单位经营收入", Value: "50000"}}},
	// shanghai_putuo_sifaju_2026_dept_budget 8:3 (上海 区, PDF); shanghai_caizhengju_2025_unit_budget 6:3 (上海 市, PDF)
	{"sifaju: 事业单位经营收入", "上海市普陀区司法局", []string{"2026年，上海市普陀区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2026年预算增加793.14万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。"},
		[]want{{Subject: "收入预算"}, {Subject: "财政拨款收入"}, {Subject: "事业收入"}, {Subject: "事业单位经营收入", Value: "0"}, {Subject: "其他收入"}}},
	{"caizhengju: 事业单位经营收入", "上海市财政局", []string{"　　2025年，上海市财政局收入预算17,192万元，其中：财政拨款收入17,192万元，比2024年预算减少990万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。"},
		[]want{{Subject: "收入预算"}, {Subject: "财政拨款收入"}, {Subject: "事业收入"}, {Subject: "事业单位经营收入", Value: "0"}, {Subject: "其他收入"}}},
	{"procurement breakdown", "", []string{"2017 年度我部门政府采购预算总金额为2247.85 万元。其中拟购买货物 59 万元，拟购买工程 0 万元，拟购买服务2188.85万元。"},
		[]want{{Subject: "政府采购预算总金额", Value: "22478500"}, {Subject: "购买货物", Parent: 1}, {Subject: "购买工程", Parent: 1}, {Subject: "购买服务", Parent: 1}}},
	{"分别为", "", []string{"“三公”经费预算30万元，其中因公出国（境）费、公务接待费分别为10万元、20万元。"},
		[]want{{Value: "300000"}, {Subject: "因公出国（境）费", Value: "100000", Parent: 1}, {Subject: "公务接待费", Value: "200000", Parent: 1}}},
	{"staffing counts", "", []string{"1．根据部门职责分工，本部门内设机构包括省人大常委会下设办公厅、研究室和4个专门委员会、8个工作委员会，有38个处室，编制338名，其中行政编制200名、行政附属编制104名、事业编制34名。"},
		[]want{{Subject: "专门委员会", Kind: "count", Unit: "个", Value: "4", Parent: -1}, {Subject: "工作委员会"}, {Subject: "处室", Value: "38"},
			{Subject: "编制", Value: "338", Unit: "名", Parent: -1}, {Subject: "行政编制", Value: "200", Parent: 4}, {Subject: "行政附属编制", Parent: 4}, {Subject: "事业编制", Value: "34", Parent: 4}}},
	{"编制人数", "", []string{"本部门编制人数45人，其中：行政编制40人，事业编制5人。"},
		[]want{{Subject: "编制人数", Kind: "count", Unit: "人", Value: "45"}, {Subject: "行政编制", Parent: 1}, {Subject: "事业编制", Parent: 1}}},
	{"vehicles", "", []string{"1、全年政府采购金额452.42万元。其中货物117.97万元、服务334.45万元。机关运行费用399.94万元。国有资产车辆合计20辆。"},
		[]want{{Subject: "政府采购金额"}, {Subject: "货物", Parent: 1}, {Subject: "服务", Parent: 1}, {Subject: "机关运行费用", Parent: -1}, {Subject: "国有资产车辆", Kind: "count", Unit: "辆", Value: "20", Parent: -1}}},
	{"vehicle purchase breakdown", "", []string{"2024年单位预算安排购置车辆0辆，其中：部级领导干部用车0辆、主要领导干部用车0辆。"},
		[]want{{Subject: "购置车辆", Value: "0", Kind: "count"}, {Subject: "部级领导干部用车", Parent: 1}, {Subject: "主要领导干部用车", Parent: 1}}},
	{"approximate", "", []string{"全年培训约3000人次，经费约50万元。"},
		[]want{{Kind: "count"}, {Subject: "经费", Value: "500000"}}},
	{"table row as text is skipped", "", []string{"一般公共服务支出      1,234.56      1,000.00"},
		[]want{}},
	{"share is not a change", "", []string{"2017年度部门政府采购预算总金额为 1,271.22万元。其中，货物类政府采购支出预算 259.32万元,占 20.40%。"},
		[]want{{Value: "12712200", Dir: "-"}, {Subject: "货物类政府采购支出预算", Dir: "-", Parent: 1}}},
	{"决算 completion and 同预算数持平 (not a change over time)", "", []string{"12、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：行政单位住房公积金支出。年初预算为289.59万元，支出决算为289.59万元，完成年初预算的100.00%。决算数同预算数持平。"},
		[]want{{Subject: "住房公积金（项）年初预算", Value: "2895900", Dir: "-"}, {Subject: "住房公积金（项）支出决算", Value: "2895900", Dir: "-"}}},
	{"three public expenses with change and reasons", "", []string{"2018年“三公”经费预算2800.68万元,比2017年减少295.18万元。"},
		[]want{{Subject: "“三公”经费预算", Value: "28006800", Dir: "decrease", Change: "-2951800", Base: "2017年", Prior: "30958600"}}},
	{"reason marker ends the line", "", []string{"机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。主要原因是", "优化办公环境、提升照明效率，导致相关支出略有增加。"},
		[]want{{Subject: "机关运行经费支出", Change: "25500", Percent: "1.4", Base: "2023年度", Reason: "优化办公环境、提升照明效率，导致相关支出略有增加"}}},
	{"nested list lines", "", []string{"（一）收入预算总计15897.44万元。包括：", "1．财政拨款收入预算总计15897.44万元。", "（1）一般公共预算收入预算 15897.44万元，与上年相比增加 2248.37万元。", "2．其他资金收入预算总计0万元。"},
		[]want{{Subject: "收入预算总计"}, {Subject: "财政拨款收入预算总计", Parent: 1}, {Subject: "一般公共预算收入预算", Parent: 2, Change: "22483700"}, {Subject: "其他资金收入预算总计", Parent: 1}}},
	{"X中 with a generic name is no breakdown", "", []string{"绩效评级为“优”的项目4个。", "在面向中小企业预留的政府采购项目中，采购金额246.47万元。"},
		[]want{{Kind: "count"}, {Subject: "采购金额", Parent: -1}}},
	{"two breakdowns of one total", "", []string{"2016年支出决算4267.52万元。", "1．按支出功能分类，包括一般公共服务支出3008.43万元、国防支出5万元。", "2．按支出经济分类，包括工资福利支出1957.72万元、商品和服务支出844.77万元。"},
		[]want{{Subject: "支出决算"}, {Parent: 1, Dim: "支出功能分类"}, {Parent: 1}, {Subject: "工资福利支出", Parent: 1, Dim: "支出经济分类"}, {Parent: 1}}},
	{"按支出用途 then 其中", "", []string{"2016年部门决算中，一般公共预算资金安排支出4154.28万元。", "2．按支出用途分类，分基本支出和项目支出，其中基本支出3389.69万元，包括人员支出等；项目支出764.6万元。"},
		[]want{{Subject: "一般公共预算资金安排支出", Parent: -1}, {Subject: "基本支出", Parent: 1}, {Subject: "项目支出", Parent: 1}}},
	{"breakdown levels over list lines", "", []string{"2017 年度收入、支出预算总计  17996.68 万元。其中：", "（一）收入预算总计  17996.68 万元。包括：", "1．财政拨款收入预算总计  17981.68 万元。", "（1）一般公共预算收入预算  17981.68 万元。", "2．其他资金收入预算总计 15 万元。", "（二）支出预算总计  17996.68 万元。包括：", "1．公共安全（类）支出  13656.34 万元。", "本部门无其他支出10万元。"},
		// each flow's 总计 reads the joint 收入、支出预算总计 for its flow: no part of it
		[]want{{Parent: -1}, {Parent: -1}, {Parent: 2}, {Parent: 3}, {Parent: 2}, {Parent: -1}, {Parent: 6}, {Parent: -1}}},
	{"justified prose with wide gaps", "", []string{"年相比收、支预算总计各增加       1463.8  万元，增长"},
		[]want{{Dir: "increase", Change: "14638000"}}},
	{"classification codes are not counts", "", []string{"1、公共安全支出（204类）司法（06款）行政运行（01项）1434.89万元。"},
		[]want{{Subject: "公共安全支出（204类）司法（06款）行政运行（01项）", Value: "14348900"}}},
	{"next-line reason goes to the change in its direction", "", []string{"财政拨款支出预算8695.94万元，比2025年预算增加794.88万元；政府性基金拨款支出预算0万元，比2025年预算持平。", "财政拨款收入支出增加的主要原因是业务量增加。"},
		[]want{{Reason: "业务量增加"}, {Dir: "flat", Reason: "-"}}},
	{"列 years in headings are not counts", "", []string{"1.2023年部门财务收支预算总表"},
		[]want{}},
	{"changes inside a reason, 万 without 元", "", []string{"项目支出预算数为6459.58万元。与上年相比增加125.62万元，增长1.98%。主要原因是运转类项目经费统一压减10%，综合管理费专项增加209万用于办公用房租赁，外事经费专项增加200万元，增减相抵后项目支出预算数增加125.62万元。"},
		[]want{{Subject: "项目支出预算数", Value: "64595800", Change: "1256200", Percent: "1.98", Reason: "运转类项目经费统一压减10%"},
			{Subject: "运转类项目经费", Value: "-", Dir: "decrease", Percent: "-10"},
			{Subject: "综合管理费专项", Value: "-", Dir: "increase", Change: "2090000"},
			{Subject: "外事经费专项", Value: "-", Change: "2000000"},
			{Subject: "项目支出预算数", Value: "-", Change: "1256200", Percent: "-"}}},
	{"verb-first changes inside a reason, ordinal counts in names", "", []string{"3. 人大事务（款）人大会议（项）支出1469.73万元，与上年相比增加164.48万元，增长12.6%。主要原因是增加了江苏省第十三届人代会二次会议专项经费200万元，其余会议费按照规定压减10%，增减相抵后增加164.48万元。"},
		[]want{{Subject: "人大事务（款）人大会议（项）支出", Change: "1644800", Percent: "12.6"},
			{Subject: "江苏省第十三届人代会二次会议专项经费", Value: "-", Dir: "increase", Change: "2000000"},
			{Subject: "其余会议费", Dir: "decrease", Percent: "-10"},
			{Subject: "人大事务（款）人大会议（项）支出", Value: "-", Dir: "increase", Change: "1644800"}}},
	{"a reason ends at a semicolon; an amount with its own subject ends it", "", []string{"其中：基本支出61042.17万元，比2017年增加4824.58万元，主要原因是支出结构调整、公用经费定额调标等,主要用于保障在职人员工资福利;项目支出263928.15万元，比2017年减少150086.1万元。其中:因公出国(境)费用60万元,比2017年减少25.36万元,主要是因为严格执行中央有关规定,严控290.5万元，比2017年减少26.7万元。"},
		[]want{{Subject: "基本支出", Change: "48245800", Reason: "支出结构调整、公用经费定额调标等"},
			{Subject: "项目支出", Value: "2639281500", Change: "-1500861000", Base: "2017年"},
			{Subject: "因公出国(境)费用", Change: "-253600", Reason: "严格执行中央有关规定"},
			{Value: "2905000", Change: "-267000"}}},
	{"a template change of nothing is flat", "", []string{"（2）政府性基金收入预算0万元，与上年相比增加（减少）0万元，增长（减少）0%。主要原因是本部门无此项收入。"},
		[]want{{Subject: "政府性基金收入预算", Value: "0", Dir: "flat", Change: "0", Percent: "0", Reason: "本部门无此项收入"}}},
	{"an amount after a count shares its subject", "", []string{"长期投资0项0万元。在建工程1项12277.73万元。无形资产471项234.37万元。"},
		[]want{{Kind: "count"}, {Subject: "长期投资", Value: "0", Kind: "money"}, {Kind: "count"}, {Subject: "在建工程", Value: "122777300"}, {Kind: "count"}, {Subject: "无形资产", Value: "2343700"}}},
	{"持平 after 与…相比 in the same sentence", "", []string{"上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。与2023年度相比，财政拨款收入支出总计持平。主要原因："},
		[]want{{Subject: "财政拨款收入支出总计", Value: "3000", Dir: "flat", Base: "2023年度"}}},
	{"收、支 is one subject; a remark in brackets is not", "江苏省人大常委会办公厅", []string{"江苏省人大常委会办公厅2019年度财政拨款收、支总预算18330.37万元。", "上海市普陀区财政局2024年度政府采购金额（以合同签订为准）为251.25万元。"},
		[]want{{Subject: "财政拨款收、支总预算"}, {Subject: "政府采购金额", Value: "2512500"}}},
	{"用款计划 heads its phrase; 及 after a budget verb", "", []string{"第一季度用款计划25.88万元，第二季度用款计划180.74万元。", "（二）、公务车购置及运行费21.56万元"},
		[]want{{Subject: "第一季度用款计划"}, {Subject: "第二季度用款计划"}, {Subject: "公务车购置及运行费"}}},
	// jiangsu_jianchayuan_2017 19:17 and 19:22, jiangsu_jianchayuan_2019 31:17
	{"a short form of the organisation's name is left out", "江苏省人民检察院", []string{"省检察院本年收入预算合计  17996.68 万元，其中：", "省检察院本年支出预算合计  17996.68 万元。",
		"2019年省检察院一般公共预算机关运行经费预算支出2391.92 万元。"},
		[]want{{Subject: "收入预算合计", Value: "179966800"}, {Subject: "支出预算合计", Value: "179966800"}, {Subject: "一般公共预算机关运行经费预算支出"}}},
	{"short forms of a court's name", "江苏省高级人民法院", []string{"省法院本级支出预算100万元，省高院机关运行经费20万元，法院系统培训费10万元，江苏法院云平台租赁费400万元。"},
		[]want{{Subject: "本级支出预算"}, {Subject: "机关运行经费"}, {Subject: "法院系统培训费"}, {Subject: "江苏法院云平台租赁费"}}},
	// jiangsu_jianchayuan_2017 22:19
	{"与上年预算数相等 is flat", "", []string{"1．因公出国（境）费预算支出  110  万元，与上年预算数相等。"},
		[]want{{Subject: "因公出国（境）费预算支出", Value: "1100000", Dir: "flat", Base: "上年预算数"}}},
	// jiangsu_jianchayuan_2017 23:2, jiangsu_renda_2017 29:2
	{"本年数小于上年预算数 is a decrease", "", []string{"3．公务接待费预算支出  156.55 万元，本年数小于上年预算数 29.65 万元，主要是省检察院党组严格贯彻落实厉行节约相关规定作出的选择。",
		"江苏省人大常委会办公厅 2017 年度一般公共预算拨款安排的会议费预算支出 1305.25 万元，本年数小于上年预算数 403.75 万元，原因是调减会议费预算用于培训费开支。"},
		[]want{{Subject: "公务接待费预算支出", Value: "1565500", Dir: "decrease", Change: "-296500", Base: "上年预算数", Prior: "1862000"},
			{Subject: "会议费预算支出", Value: "13052500", Dir: "decrease", Change: "-4037500", Base: "上年预算数", Reason: "调减会议费预算"}}},
	{"大于上年 is an increase; 决算数大于预算数 is no change over time", "", []string{"培训费预算支出50万元，本年数大于上年预算数10万元。", "培训费支出决算60万元，决算数大于预算数10万元。"},
		[]want{{Subject: "培训费预算支出", Dir: "increase", Change: "100000"}, {Subject: "培训费支出决算", Dir: "-"}, {Dir: "-"}}},
	// jiangsu_jianchayuan_2017 and 2018 layout, jiangsu_renda_2017 23:17
	{"changes written verb first, in and after a reason", "", []string{"社会保障和就业支出 1,836.22 万元，与上年相比减少  184.96 万元，降幅  9.1  %。主要原因是退休人员基本养老金由社保中心发放，这一因素较上年减少部门支出 1,653  万元。同时，省财政将单位缴费下达给省级部门，增加部门预算  1,464.3万元。新增设备购置50万元。"},
		[]want{{Subject: "社会保障和就业支出", Dir: "decrease", Change: "-1849600", Percent: "-9.1"},
			{Subject: "部门支出", Value: "-", Dir: "decrease", Change: "-16530000", Base: "上年"},
			{Subject: "部门预算", Value: "-", Dir: "increase", Change: "14643000"},
			{Subject: "新增设备购置", Value: "500000", Dir: "-"}}},
	{"a 科目 before a colon names the amount", "", []string{"1.住房公积金(项):支出 1,073.77万元。", "（2）公务接待费：支出5万元。"},
		[]want{{Subject: "住房公积金(项)支出", Value: "10737700"}, {Subject: "支出", Value: "50000"}}},
	// shanghai_putuo_wanlijiedao_2023 30:24 has the heading; its amounts are in a sentence
	{"an amount alone under a heading", "", []string{"六、年度预算安排", "795万元", "七、绩效目标", "第一季度用款计划25.88万元。"},
		[]want{{Subject: "预算安排", Value: "7950000"}, {Subject: "第一季度用款计划"}}},
	{"a heading does not name an amount in a sentence", "", []string{"六、年度预算安排", "全年795万元。"},
		[]want{{Subject: "-", Value: "7950000"}}},
	// Breakdowns (issue 12 item 5): a part attaches to the nearest
	// enclosing total of its kind.
	{"X用于a；用于b: parts of the fact named X; a 包括 list inside one item closes at ；", "", []string{
		"发行债券100亿元，其中新增债券80亿元。新增债券用于保障性安居工程10亿元；用于社会事业项目20亿元，包括学校建设5亿元、医院15亿元；用于基础设施50亿元。"},
		[]want{{Value: "10000000000"}, {Subject: "新增债券", Parent: 1}, {Subject: "保障性安居工程", Parent: 2}, {Subject: "社会事业项目", Parent: 2},
			{Subject: "学校建设", Parent: 4}, {Subject: "医院", Parent: 4}, {Subject: "基础设施", Parent: 2}}},
	// jiangsu_yancheng_2026_govwide_budget_report 3:18 (江苏)
	{"用于 list of new bonds", "", []string{
		"2025年，全市发行政府债券277.16亿元，其中新增债券102.54亿元、再融资债券174.62亿元。新增债券用于保障性安居工程 14.52 亿元；用于交通和农林水等项目 3.03亿元；用于社会事业项目20.45亿元，包括卫生健康13.08亿元、学校建设 2.07 亿元、其他社会事业项目 5.3 亿元；用于市政和产业园区等基础设施 14.35 亿元。"},
		[]want{{Value: "27716000000"}, {Subject: "新增债券", Parent: 1}, {Subject: "再融资债券", Parent: 1},
			{Subject: "保障性安居工程", Parent: 2}, {Subject: "交通和农林水等项目", Parent: 2}, {Subject: "社会事业项目", Parent: 2},
			{Subject: "卫生健康", Parent: 6}, {Subject: "学校建设", Parent: 6}, {Subject: "其他社会事业项目", Parent: 6},
			{Subject: "市政和产业园区等基础设施", Parent: 2}}},
	{"a 用于 after a name that is no amount opens nothing", "", []string{"项目支出50万元。该资金用于设备购置20万元。"},
		[]want{{Value: "500000"}, {Value: "200000", Parent: -1}}},
	{"parts of a revenue after a shortfall belong to the revenue", "", []string{
		"本级收入10亿元，完成预算的95%，短收0.5亿元（其中：税收收入7亿元；非税收入3亿元）。"},
		[]want{{Value: "1000000000"}, {Value: "50000000"}, {Subject: "税收收入", Parent: 1}, {Subject: "非税收入", Parent: 1}}},
	// guyuan_2025_govwide_budget_report 8:1 (宁夏)
	{"guyuan: 短收 then 其中", "", []string{
		"市本级地方一般公共预算收入 5.89 亿元，同比增长 0.19%，完成年度预算的 95.88%，短收 0.25 亿元（其中：税收收入3.97 亿元，同比下降 5.17%；非税收入 1.92 亿元，同比增长13.43%）。"},
		[]want{{Value: "589000000"}, {Value: "25000000"}, {Subject: "税收收入", Parent: 1}, {Subject: "非税收入", Parent: 1}}},
	// Subjects a sentence states elsewhere than right before the amount
	// (fallbackSubjects).
	{"X由A调整为B: both amounts are X", "", []string{"政府性基金预算收支总计由14.8亿元调整为21.4亿元。"},
		[]want{{Subject: "政府性基金预算收支总计", Value: "1480000000"}, {Subject: "政府性基金预算收支总计", Value: "2140000000"}}},
	{"X从年份的A提高到年份的B", "", []string{"税收收入从2020年的104.5亿元提高到2025年的125.1亿元。"},
		[]want{{Subject: "税收收入", Value: "10450000000"}, {Subject: "税收收入", Value: "12510000000"}}},
	{"a clause that is only a verb moving funds", "", []string{"支持推进绿色低碳发展。投入3.06亿元，完善节能降碳政策。", "全市共筹集6.37亿元，加强就业服务。"},
		[]want{{Subject: "投入资金", Value: "306000000"}, {Subject: "筹集资金", Value: "637000000"}}},
	{"a verb that names the amount", "", []string{"五年共减税降费219.8亿元。"},
		[]want{{Kind: "count"}, {Subject: "减税降费", Value: "21980000000"}}},
	{"the thing after an amount a verb introduces", "", []string{"设立5亿元人才发展专项资金。"},
		[]want{{Subject: "人才发展专项资金", Value: "500000000"}}},
	{"a short clause the segmenter cuts into verbs", "", []string{"收支相抵，年终结转5.9亿元。", "政府债券还本付息82.88亿元（还本62.22亿元，付息20.66亿元）。"},
		[]want{{Subject: "年终结转", Value: "590000000"}, {Subject: "政府债券还本付息"}, {Subject: "还本", Value: "6222000000"}, {Subject: "付息"}}},
	{"超, 不低于 and 均为 before the amount are link words", "", []string{"惠民资金超10亿元，投资规模不低于20亿元，总收支均为3亿元。"},
		[]want{{Subject: "惠民资金"}, {Subject: "投资规模"}, {Subject: "总收支"}}},
	{"X提高到每人每月N元 without a from amount", "", []string{"基础养老金最低标准提高到每人每月103元。"},
		[]want{{Subject: "基础养老金最低标准", Value: "103"}}},
	{"the amounts of one list are of one thing", "", []string{"基金收入分别为100万元和120万元；投入分别达到8亿元、9亿元、10亿元。"},
		[]want{{Subject: "基金收入", Value: "1000000"}, {Subject: "基金收入", Value: "1200000"}, {Subject: "投入", Value: "800000000"},
			{Subject: "投入", Value: "900000000"}, {Subject: "投入", Value: "1000000000"}}},
	{"合计 after a list is the sum", "", []string{"新增债券40亿元，再融资债券10亿元，合计50亿元。"},
		[]want{{Subject: "新增债券"}, {Subject: "再融资债券"}, {Subject: "合计", Value: "5000000000"}}},
	{"a dashed title with a bracket in its name", "", []string{"——国有资源（资产）有偿使用收入。完成48.41亿元，占预算的13%。"},
		[]want{{Subject: "国有资源(资产)有偿使用收入", Value: "4841000000"}}},
	// real snippets: 深圳 (广东), 宣城 (安徽), 广东省, 淮南 (安徽), 焦作 (河南),
	// 宿迁 (江苏), 开封 (河南), 固原 (宁夏), 山东省
	{"shenzhen: 由A调整为B", "", []string{"经市人大常委会批准预算调整，2025 年市本级一般公共预算收支总计由 2944.3 亿元调整为3020.1亿元。"},
		// (市 is cut with the year before it, 年市: the subject loses it)
		[]want{{Subject: "本级一般公共预算收支总计", Value: "294430000000"}, {Subject: "本级一般公共预算收支总计", Value: "302010000000"}}},
	{"guangdong: 投入 after a title sentence", "", []string{"支持稳步推进健康广东建设。投入 63.01 亿元，将基本公共卫生服务经费人均财政补助标准提高。"},
		[]want{{Subject: "投入资金", Value: "6301000000"}}},
	{"huainan: 收支相抵，年终结转", "", []string{"政府性基金收入合计80.4亿元，支出合计76.5亿元。收支相抵，年终结转3.9亿元。"},
		[]want{{Subject: "政府性基金收入合计"}, {Subject: "支出合计"}, {Subject: "年终结转", Value: "390000000"}}},
	{"jiaozuo: 还本 and 付息 in brackets", "", []string{"2025年，全市政府债券还本付息82.88亿元（还本62.22亿元，付息20.66亿元）。"},
		[]want{{Subject: "全市政府债券还本付息"}, {Subject: "还本", Value: "6222000000"}, {Subject: "付息", Value: "2066000000"}}},
	{"suqian: 由645元/月提高至685元/月", "", []string{"城乡低保补助标准由645元/月提高至685元/月，农村特困供养标准由839元/月提高至891元/月。"},
		[]want{{Value: "645", Subject: "城乡低保补助标准"}, {Value: "685", Subject: "城乡低保补助标准"}, {Value: "839", Subject: "农村特困供养标准"}, {Value: "891", Subject: "农村特困供养标准"}}},
	{"kaifeng: 标准提高到每人每月", "", []string{"城乡居民基础养老金最低标准提高到每人每月103元，城乡低保保障标准分别提高到每人每月不低于520元和每人每年不低于4000元。"},
		[]want{{Subject: "城乡居民基础养老金最低标准", Value: "103"}, {Subject: "城乡低保保障标准", Value: "520"}, {Value: "4000"}}},
	{"guyuan: 预计分别为A和B", "", []string{"2027年、2028年一般公共预算收入约按3%递增，预计分别为62,520万元和64,400万元。"},
		[]want{{Value: "625200000"}, {Value: "644000000"}}},
	{"shandong: ——title。完成", "", []string{"——国有股权、股份转让收入。完成91.52亿元，比上年增长10%。"},
		[]want{{Subject: "国有股权、股份转让收入", Value: "9152000000"}}},
	{"上年结转 keeps 上年: the year the funds come from is part of the name", "", []string{"2024年上年结转资金50万元，上年结余10万元；上年项目支出80万元。"},
		[]want{{Subject: "上年结转资金", Value: "500000"}, {Subject: "上年结余", Value: "100000"}, {Subject: "项目支出", Value: "800000"}}},
	{"a part of another kind keeps the total it follows", "", []string{"支出预算100万元，其中：财政拨款收入安排80万元。"},
		[]want{{Value: "1000000"}, {Value: "800000", Parent: 1}}},
}

func TestExtract(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the segmenter")
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := extractLines(t, c.org, c.lines...)
			if len(got) != len(c.want) {
				t.Errorf("got %d facts, want %d:\n%s", len(got), len(c.want), dump(got))
				return
			}
			for i, w := range c.want {
				checkFact(t, i, got, w)
			}
		})
	}
}

func checkFact(t *testing.T, i int, all []schema.Fact, w want) {
	t.Helper()
	g := all[i]
	var ch schema.Change
	if g.Change != nil {
		ch = *g.Change
	}
	eq := func(field, got, want string) {
		t.Helper()
		if want == "" {
			return
		}
		if want == "-" {
			want = ""
		}
		if got != want {
			t.Errorf("fact %d (%s): %s = %q, want %q", i+1, g.Text, field, got, want)
		}
	}
	eq("subject", g.Subject, w.Subject)
	eq("entity", g.Entity, w.Entity)
	eq("value", g.Value, w.Value)
	eq("kind", g.Kind, w.Kind)
	eq("unit", g.Unit, w.Unit)
	eq("direction", ch.Direction, w.Dir)
	eq("change", ch.Value, w.Change)
	eq("percent", ch.Percent, w.Percent)
	eq("points", ch.Points, w.Points)
	eq("base", ch.Base, w.Base)
	eq("prior", g.Prior, w.Prior)
	eq("dimension", g.Dimension, w.Dim)
	if w.Reason == "-" && g.Reason != "" {
		t.Errorf("fact %d: reason = %q, want none", i+1, g.Reason)
	} else if w.Reason != "" && w.Reason != "-" && !strings.HasPrefix(g.Reason, w.Reason) {
		t.Errorf("fact %d: reason = %q, want %q", i+1, g.Reason, w.Reason)
	}
	switch {
	case w.Parent > 0:
		if want := all[w.Parent-1].ID; g.Parent != want {
			t.Errorf("fact %d (%s): parent = %q, want %q", i+1, g.Subject, g.Parent, want)
		}
	case w.Parent < 0 && g.Parent != "":
		t.Errorf("fact %d (%s): parent = %q, want none", i+1, g.Subject, g.Parent)
	}
	if g.Change != nil && g.Change.Text == "" {
		t.Errorf("fact %d: change without text", i+1)
	}
	if g.Loc.Page < 1 || g.Loc.Line < 1 {
		t.Errorf("fact %d: bad loc %+v", i+1, g.Loc)
	}
}

func dump(fs []schema.Fact) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.ID + " " + f.Subject + " " + f.Value + " " + f.Text)
		if f.Change != nil {
			b.WriteString(" Δ" + f.Change.Direction + " " + f.Change.Value + " " + f.Change.Percent + " " + f.Change.Base)
		}
		if f.Parent != "" {
			b.WriteString(" ^" + f.Parent)
		}
		b.WriteString("\n")
	}
	return b.String()
}
