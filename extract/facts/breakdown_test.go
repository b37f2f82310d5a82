package facts

import (
	"context"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/nlp/quantity"
	"github.com/budgetdoc/budgetdoc/schema"
)

// breakdownCases are the rules that place a part under the total it
// belongs to: the nearest enclosing total of its kind, items of a list to
// their list head, not a sibling. Real snippets name their document
// (../shared/corpus); the others are the general form of the rule.
var breakdownCases = []struct {
	name  string
	lines []string
	want  []want
}{
	// --- enumerations: 一是…；二是… ---
	// yueyang_2025_govwide_budget_report.pdf p2
	{"一是/二是 items are parts of the list head, an item's own 包括 nests under it", []string{
		"上级税收返还和转移支付执行情况：省对我市下达各类补助318.5亿元。一是税收返还8.3亿元；二是一般性转移支付268.5亿元，包括均衡性等财力性转移支付128.8亿元，中央和地方共同事权转移支付138.1亿元，其他1.6亿元；三是专项转移支付41.7亿元。"},
		[]want{{Value: "31850000000", Parent: -1}, {Value: "830000000", Parent: 1}, {Value: "26850000000", Parent: 1},
			{Value: "12880000000", Parent: 3}, {Value: "13810000000", Parent: 3}, {Value: "160000000", Parent: 3}, {Value: "4170000000", Parent: 1}}},
	// guangdong_province_2024_govwide_final_debt.pdf p7
	{"items over sentences", []string{
		"2024年，全省发行地方政府债券6812.71亿元。一是新增债券5381.25亿元，包括一般债券296.25亿元、专项债券5085亿元。二是再融资债券1431.46亿元，包括一般债券561.09亿元、专项债券870.37亿元。"},
		[]want{{Value: "681271000000"}, {Value: "538125000000", Parent: 1}, {Value: "29625000000", Parent: 2}, {Value: "508500000000", Parent: 2},
			{Value: "143146000000", Parent: 1}, {Value: "56109000000", Parent: 5}, {Value: "87037000000", Parent: 5}}},
	// guangdong_province_2024_govwide_final_debt.pdf p172 (abridged): the
	// item's first amount is the part; its counts are its own
	{"an item's other amounts are no parts of the head", []string{
		"省本级行政事业预算单位“三公”经费支出为3.6亿元，较上年减少0.13亿元、下降3.4%。一是因公出国（境）费0.63亿元，较上年增加0.15亿元、增长30.3%；因公出国（境）团组1150个。二是公务接待费0.49亿元。"},
		[]want{{Value: "360000000"}, {Value: "63000000", Parent: 1}, {Value: "1150", Parent: -1}, {Value: "49000000", Parent: 1}}},
	// shenzhen_2025_govwide_budget_report.pdf p65 (abridged): no amount
	// before 一是, so the items are parts of nothing
	{"items without a head", []string{
		"调整事项主要有：一是增加举借债务182亿元，包括一般债务限额53亿元、专项债务限额129亿元；二是大鹏新区发行使用市本级转贷的一般债务限额0.4亿元、专项债务限额1.2亿元。"},
		[]want{{Value: "18200000000", Parent: -1}, {Value: "5300000000", Parent: 1}, {Value: "12900000000", Parent: 1},
			{Value: "40000000", Parent: -1}, {Value: "120000000", Parent: -1}}},
	{"synthetic: an item whose first clause states no amount is no part", []string{
		"全市一般公共预算支出500亿元。一是保障民生，安排资金100亿元；二是支持产业，安排资金50亿元。"},
		[]want{{Value: "50000000000"}, {Value: "10000000000", Parent: -1}, {Value: "5000000000", Parent: -1}}},
	{"synthetic: items after a colon and a comma", []string{
		"某县下达补助资金9亿元：一是教育资金5亿元；二是卫生资金4亿元。专项资金6亿元中，一是农业资金2亿元，二是水利资金4亿元。"},
		[]want{{Value: "900000000"}, {Value: "500000000", Parent: 1}, {Value: "400000000", Parent: 1},
			{Value: "600000000"}, {Value: "200000000", Parent: 4}, {Value: "400000000", Parent: 4}}},

	// --- a 其中： ending a line: its parts on the lines that follow ---
	// jiangsu_renda_2019_dept_budget.pdf p11 (abridged)
	{"renda: 其中： on a line of its own, one part a line", []string{
		"  江苏省人大常委会办公厅本年收入预算合计18330.37万元，", "其中：",
		"  一般公共预算收入18330.37万元，占100%；", "  政府性基金预算收入0万元，占0%；", "  上年结转资金0万元，占0%。",
		"  三、支出预算情况说明", "  江苏省人大常委会办公厅本年支出预算合计18330.37万元，其中：",
		"  基本支出9312.9万元，占50.81%；", "  项目支出6459.58万元，占35.24%。", "  另安排资金1万元。"},
		[]want{{Value: "183303700"}, {Value: "183303700", Parent: 1}, {Value: "0", Parent: 1}, {Value: "0", Parent: 1},
			{Value: "183303700"}, {Value: "93129000", Parent: 5}, {Value: "64595800", Parent: 5}, {Value: "10000", Parent: -1}}},
	// jiangsu_renda_2017_dept_budget.pdf p26: the one part ends with a full stop
	{"renda 2017: a part line after 其中：", []string{
		"     江苏省人大常委会办公厅 2017 年度财政拨款基本支出预算    7666.68 万元，其中：",
		"     人员经费 6080.72 万元。主要包括：基本工资、津贴补贴。", "     公用经费 1585.96 万元。主要包括：办公费、水费。"},
		[]want{{Value: "76666800"}, {Value: "60807200", Parent: 1}, {Value: "15859600", Parent: -1}}},
	// ezhou_2025_govwide_budget_execution_report.pdf p3: dash items
	{"ezhou: dash items after 包括：, each with its own 其中", []string{
		"  市级一般公共预算支出总计169.59亿元，为预算的97.9%，包括：",
		"  ——市本级支出79.59亿元，为预算的97.5%。",
		"  ——转移性支出80.11亿元，为预算的96.9%。其中：返还性支出4.7亿元，上解省级支出12.65亿元。",
		"  ——一般债务还本支出9.89亿元，为预算的100%。", "  全市政府性基金预算收入134.68亿元。"},
		[]want{{Value: "16959000000"}, {Value: "7959000000", Parent: 1}, {Value: "8011000000", Parent: 1},
			{Value: "470000000", Parent: 3}, {Value: "1265000000", Parent: 3}, {Value: "989000000", Parent: 1}, {Value: "13468000000", Parent: -1}}},
	{"synthetic: a part line ending in a full stop ends the list", []string{"某局支出合计10万元，其中：", "甲支出6万元；", "乙支出4万元。", "丙支出2万元。"},
		[]want{{Value: "100000"}, {Value: "60000", Parent: 1}, {Value: "40000", Parent: 1}, {Value: "20000", Parent: -1}}},
	{"synthetic: dash items end at the first line that is none", []string{"某局支出合计10万元，包括：", "——甲支出6万元。", "乙支出4万元。"},
		[]want{{Value: "100000"}, {Value: "60000", Parent: 1}, {Value: "40000", Parent: -1}}},

	// --- a joint total of both flows: each flow's reading is no part ---
	// jiangsu_renda_2019_dept_budget.pdf p9 (abridged)
	{"renda: 收入预算总计/支出预算总计 under 收入、支出预算总计", []string{
		"  江苏省人大常委会办公厅2019年度收入、支出预算总计18330.37万元，与上年相比收、支预算总计各增加2432.93万元，增长15.3%。其中：",
		"  （一）收入预算总计18330.37万元。包括：", "  1．财政拨款收入预算总计18330.37万元。",
		"  （二）支出预算总计18330.37万元。包括：", "  1．一般公共服务（类）支出13907.78万元。"},
		[]want{{Value: "183303700"}, {Value: "183303700", Parent: -1}, {Value: "183303700", Parent: 2},
			{Value: "183303700", Parent: -1}, {Value: "139077800", Parent: 4}}},
	{"synthetic: 收支总计 read per flow; a smaller amount is a part", []string{"某局收支总计100万元，其中：收入总计100万元，支出总计100万元。", "某局收支总计100万元，其中：基本支出60万元。"},
		[]want{{Value: "1000000"}, {Value: "1000000", Parent: -1}, {Value: "1000000", Parent: -1}, {Value: "1000000"}, {Value: "600000", Parent: 4}}},

	// --- a numbered line opening a breakdown: its next sibling ends it ---
	// jiangsu_renda_2019_dept_budget.pdf p16, jiangsu_jianchayuan_2018_dept_budget.pdf p29
	{"renda: 3．公务接待费 after 2．…其中：（1）…（2）…", []string{
		"  1．因公出国（境）费预算支出199.25万元，比上年预算减少23.25万元。",
		"  2．公务用车购置及运行费预算支出183.6万元。其中：",
		"  （1）公务用车购置预算支出0万元，比上年预算增加（减少）0万元。",
		"  （2）公务用车运行维护费预算支出183.6万元，比上年预算增加（减少）0万元。",
		"  3．公务接待费预算支出384.75万元，比上年预算减少42.75万元。"},
		[]want{{Value: "1992500"}, {Value: "1836000"}, {Value: "0", Parent: 2}, {Value: "1836000", Parent: 2}, {Value: "3847500", Parent: -1}}},
	{"synthetic: a sibling ends a nested carried list, an item of the outer list stays a part", []string{
		"某局支出合计10万元，包括：", "（一）甲支出6万元，其中：", "1．子项3万元；", "2．子项3万元。", "（二）乙支出4万元。"},
		[]want{{Value: "100000"}, {Value: "60000", Parent: 1}, {Value: "30000", Parent: 2}, {Value: "30000", Parent: 2}, {Value: "40000", Parent: 1}}},

	// --- numbered headings without an amount: parts of the total above ---
	// jiangsu_renda_2019_dept_budget.pdf p12 (abridged): the 项 under each 类
	{"renda: 项 under a 类 heading are parts of 财政拨款预算支出", []string{
		"  江苏省人大常委会办公厅2019年财政拨款预算支出18330.37万元，占本年支出合计的100%。", "  其中：",
		"  （一）一般公共服务（类）", "  1. 人大事务（款）行政运行（项）支出7448.2万元，与上年相比增加1075.88万元。",
		"  2. 人大事务（款）一般行政管理事务（项）支出2464.02万元。", "  （二）住房保障支出（类）",
		"  1．住房改革支出（类）住房公积金（项）752.9万元。"},
		[]want{{Value: "183303700"}, {Value: "74482000", Parent: 1}, {Value: "24640200", Parent: 1}, {Value: "7529000", Parent: 1}}},
	// jiangsu_jianchayuan_2018_dept_budget.pdf p26 (abridged): the 款 total
	// is the body of its 类 heading, its 项 its own parts
	{"检察院: a 款 total on the line after its 类 heading", []string{
		"  省检察院2018年财政拨款预算支出21,940.96万元。其中：", "  （一）公共安全支出（类）",
		"   检察（款）: 2018 年预算支出合计 16,444.36 万元。其中：", "   1．行政运行（项）支出 10,883.36 万元。",
		"   2．一般行政管理事务（项）支出 3,666 万元。", " （三）住房保障支出（类）",
		"  住房改革支出(款): 2018 年预算支出合计 3,660.38 万元。其中:", "  1.住房公积金(项):支出 1,073.77 万元。"},
		[]want{{Value: "219409600"}, {Value: "164443600", Parent: 1}, {Value: "108833600", Parent: 2}, {Value: "36660000", Parent: 2},
			{Value: "36603800", Parent: 1}, {Value: "10737700", Parent: 5}}},
	// dongguan_2025_govwide_budget_report.pdf p147 (abridged)
	{"dongguan: 1.税收返还 headings over their amounts' lines", []string{
		"  2026年对下级税收返还和转移支付预算6,526,585万元，比上年增加269,285万元，增长4.3%。其中：", "  1.税收返还",
		"  2026年对下级税收返还预算2,915,279万元，比上年增加154,618万元，增长5.6%。", "  2.一般性转移支付",
		"  2026年对下级一般性转移支付预算1,060,465万元，比上年增加15,645万元，增长1.5%。其中：",
		"  （1）均衡性转移支付预算365,439万元，与上年持平。", "  3.专项转移支付", "  2026年对下级专项转移支付预算262,724万元。"},
		[]want{{Value: "65265850000"}, {Value: "29152790000", Parent: 1}, {Value: "10604650000", Parent: 1}, {Value: "3654390000", Parent: 3},
			{Value: "2627240000", Parent: 1}}},
	// jiangsu_gaoyuan_2018_dept_budget.pdf p19 (abridged): the reason's
	// changes are no total
	{"gaoyuan: 其中： after a reason with changes", []string{
		"  江苏省高级人民法院 2018 年财政拨款预算支出 33172.15 万元，占本年支出合计的 100%。与上年相比，财政拨款支出增加 4322.77 万元，增长 14.98%。主要原因是基本支出增加 1447.63 万元、单位预留机动经费增加 3075.14 万元。",
		"  其中：", "  （一）公共安全（类）", "  1．法院（款）行政运行（项）支出 14857.61 万元，与上年相比增加 3070.69 万元，增长 26.05%。"},
		[]want{{Value: "331721500"}, {Value: "-", Parent: -1}, {Value: "-", Parent: -1}, {Value: "148576100", Parent: 1}}},
	// jiangsu_gaoyuan_2017_dept_budget.pdf p21 (abridged): an amount the
	// reason names is no total either
	{"gaoyuan 2017: 其中： after a reason naming an amount", []string{
		"  江苏省高级人民法院 2017 年财政拨款预算支出 28849.38 万元，占本年支出合计的 100%。主要原因是项目经费支出安排增加江苏法院云平台租赁费 400 万元。",
		"  其中：", "  （一）公共安全（类）", "  1．法院（款）行政运行（项）支出 11786.92 万元。"},
		[]want{{Value: "288493800"}, {Parent: -1}, {Value: "117869200", Parent: 1}}},
	{"synthetic: a heading's body is only the line right after it", []string{
		"某局支出合计10万元，其中：", "（一）甲类", "甲支出6万元。", "另有资金3万元。"},
		[]want{{Value: "100000"}, {Value: "60000", Parent: 1}, {Value: "30000", Parent: -1}}},

	// --- 分级次看: the same total by level ---
	// yueyang_2025_govwide_budget_report.pdf p2
	{"分级次看 after a 其中: parts of the total, in a dimension of their own", []string{
		"收入预算执行情况：2025年，全市一般公共预算地方收入预计完成207亿元左右，同比增长3.2%左右。其中地方税收收入预计完成113.5亿元，下降5.5%；非税收入预计完成93.5亿元，增长16.2%。分级次看，市本级地方收入预计完成约61.3亿元，增长6%；县市区地方收入预计完成约145.7亿元，增长2.1%。"},
		[]want{{Value: "20700000000"}, {Value: "11350000000", Parent: 1, Dim: "-"}, {Value: "9350000000", Parent: 1},
			{Value: "6130000000", Parent: 1, Dim: "级次"}, {Value: "14570000000", Parent: 1, Dim: "级次"}}},
	// qingdao_2025_govwide_budget_report.pdf p162: each level's own 其中
	// in brackets nests under it
	{"分级次看 with bracketed 其中", []string{
		"2025年，全市共发行政府债券1094.98亿元，其中，新增债券730亿元；再融资债券222.98亿元；置换债券142亿元。分级次看，市级留用279.14亿元 (其中，新增债券187.2亿元，再融资债券60.24亿元，置换债券31.7亿元)，转贷区市使用815.84亿元 (其中，新增债券542.8亿元，再融资债券162.74亿元，置换债券110.3亿元)。"},
		[]want{{Value: "109498000000"}, {Value: "73000000000", Parent: 1}, {Value: "22298000000", Parent: 1}, {Value: "14200000000", Parent: 1},
			{Value: "27914000000", Parent: 1, Dim: "级次"}, {Value: "18720000000", Parent: 5}, {Value: "6024000000", Parent: 5}, {Value: "3170000000", Parent: 5},
			{Value: "81584000000", Parent: 1, Dim: "级次"}, {Value: "54280000000", Parent: 9}, {Value: "16274000000", Parent: 9}, {Value: "11030000000", Parent: 9}}},
	{"synthetic: 从地区看", []string{"全省税收收入1000亿元，增长2%。从地区看，甲市300亿元，乙市700亿元。"},
		[]want{{Value: "100000000000"}, {Value: "30000000000", Parent: 1, Dim: "地区"}, {Value: "70000000000", Parent: 1, Dim: "地区"}}},

	// --- a comma-listed 其中 ends at a clause parallel to its total ---
	// tianjin_2025_govwide_budget_report.pdf p21 (full stops written '.')
	{"parallel clause after a comma-listed 其中", []string{
		"根据项目需要,拟先行分配市级１４７.２亿元,其中一般债务限额１３１亿元,专项债务限额１６.２亿元;拟分配区级１０４.５亿元,全部为专项债务限额."},
		[]want{{Value: "14720000000"}, {Value: "13100000000", Parent: 1}, {Value: "1620000000", Parent: 1}, {Value: "10450000000", Parent: -1}}},
	// xuancheng_2025_govwide_budget_report.pdf p9
	{"parallel clause: 发行…；发行…", []string{
		"地方政府债券发行使用情况。全市发行新增债券73.8亿元,其中一般债券5.6亿元,专项债券68.2亿元;发行再融资债券90.1亿元;外债转贷1.1亿元。"},
		[]want{{Value: "7380000000"}, {Value: "560000000", Parent: 1}, {Value: "6820000000", Parent: 1}, {Value: "9010000000", Parent: -1}, {Value: "110000000", Parent: -1}}},
	// shijiazhuang_2018_govwide_budget_report.pdf p15: parts listed with
	// semicolons repeat the total's verb and stay parts
	{"parts listed with semicolons go on", []string{
		"安排产业发展和科技创新资金16.1亿元，其中，“4+4”产业发展资金10亿元，主要用于支持科技研发；航空业发展资金3.3亿元，主要用于航空航线补贴；安排资金8000万元，用于支持高层次人才引进；按照政策，落实省内城际铁路建设募集资金2亿元。"},
		[]want{{Value: "1610000000"}, {Value: "1000000000", Parent: 1}, {Value: "330000000", Parent: 1}, {Value: "80000000", Parent: 1}, {Value: "200000000", Parent: 1}}},
	{"synthetic: one part before the semicolon is no list", []string{
		"安排环保资金18亿元，其中，大气污染防治支出7亿元，重点用于减排；安排专项资金5亿元，用于污水处理。"},
		[]want{{Value: "1800000000"}, {Value: "700000000", Parent: 1}, {Value: "500000000", Parent: 1}}},

	// --- 等 and a closing bracket end a list ---
	// yueyang_2025_govwide_budget_report.pdf p3
	{"等 closes the list", []string{
		"预计市级政府性基金收入21.3亿元，主要包括国有土地使用权出让收入7.8亿元、城市基础设施配套费0.5亿元、污水处理费1亿元、其他政府性基金收入12亿元等，上级转贷专项债务收入58.5亿元。"},
		[]want{{Value: "2130000000"}, {Value: "780000000", Parent: 1}, {Value: "50000000", Parent: 1}, {Value: "100000000", Parent: 1}, {Value: "1200000000", Parent: 1},
			{Value: "5850000000", Parent: -1}}},
	// guyuan_2025_govwide_budget_report.pdf p8
	{"a bracketed 其中 ends with the bracket", []string{
		"全市地方一般公共预算收入15.32亿元，完成年度预算的 99.28%，同比下降 4.04%（其中：税收收入 9.34 亿元，同比下降 13.06%；非税收入 5.98亿元，同比增长 14.5%）；加上转移支付、债务转贷、调入及上年结余等转移性收入，收入总量为 340.62 亿元。"},
		[]want{{Value: "1532000000"}, {Value: "934000000", Parent: 1}, {Value: "598000000", Parent: 1}, {Value: "34062000000", Parent: -1}}},
	// hohhot_2024_govwide_budget_report.pdf p1: a bracket inside a 其中
	// closes only its own level
	{"a bracket closes its own level only", []string{
		"2024年，全市社会保险基金收入114.3亿元，完成年初预算112.76亿元的101.37%。其中，机关事业单位养老保险基金收入37.54亿元，完成年初预算38.45亿元的97.63%（其中市本级收入13.36亿元，完成年初预算数14.44亿元的92.52%）；城镇职工基本医疗保险基金收入48.69亿元，完成年初预算48.19亿元的101.03%。"},
		[]want{{Value: "11430000000"}, {Value: "11276000000", Parent: -1}, {Value: "3754000000", Parent: 1}, {Value: "3845000000", Parent: -1},
			{Value: "1336000000", Parent: 3}, {Value: "1444000000", Parent: -1}, {Value: "4869000000", Parent: 1}, {Value: "4819000000", Parent: -1}}},
	// shanghai_putuo_wanlijiedao_2024_dept_budget.pdf p33
	{"after a bracketed 其中 the outer list goes on", []string{
		"本工程规划建筑面积约为13459平方米，其中地上建筑面积为8013平方米（其中计容面积7998平方米，不计容面积105平方米），地下建筑面积为5356平方米。"},
		[]want{{Value: "13459"}, {Value: "8013", Parent: 1}, {Value: "7998", Parent: 2}, {Value: "105", Parent: 2}, {Value: "5356", Parent: 1}}},

	// --- a part is counted in its total's measure ---
	// shanghai_putuo_caizhengju_2024_dept_final.pdf p23
	{"counts are no parts of a score", []string{
		"绩效自评的2024年度项目4个，涉及预算金额598.42万元，平均得分99.43分（其中，绩效评级为“优”的项目4个；绩效评级为“良”的项目0个）。"},
		[]want{{Value: "4"}, {Value: "5984200"}, {Value: "99.43"}, {Value: "4", Parent: -1}, {Value: "0", Parent: -1}}},
	// shanghai_putuo_wanlijiedao_2023_dept_budget.pdf p29 (abridged)
	{"areas and vehicles are no parts of money", []string{
		"截至2022年12月31日，本部门共有固定资产3149.52万元，其中：房屋14609.83平方米，车辆7辆。"},
		[]want{{Value: "31495200"}, {Value: "14609.83", Parent: -1}, {Value: "7", Parent: -1}}},

	// --- 全市主要支出中: the jurisdiction's 支出 ---
	// yueyang_2025_govwide_budget_report.pdf p2
	{"主要支出中 names the enclosing 支出 total", []string{
		"支出预算执行情况：全市一般公共预算支出预计完成664.2亿元，同比增长7%，其中市本级预计完成一般公共预算支出124.9亿元，增长6.6％。全市主要支出中，公共安全支出22.1亿元，下降6.7%；教育支出88.8亿元，增长2.3%。"},
		[]want{{Value: "66420000000"}, {Value: "12490000000", Parent: 1, Dim: "-"}, {Value: "2210000000", Parent: 1, Dim: "全市主要支出"}, {Value: "8880000000", Parent: 1, Dim: "全市主要支出"}}},
	// jiangsu_renda_2019_dept_budget.pdf (abridged): a named total not
	// stated is no flow of the whole
	{"a named total not stated heads nothing", []string{
		"2019年一般公共预算财政拨款基本支出预算9312.9万元。“三公”经费预算支出中，因公出国（境）费支出199.25万元，公务接待费支出384.75万元。"},
		[]want{{Value: "93129000"}, {Value: "1992500", Parent: -1}, {Value: "3847500", Parent: -1}}},

	// --- a reason without amounts ends at the total's 其中 ---
	// lijiang_2025_govwide_budget_report.html l.111
	{"其中 after a reason breaks down the total", []string{
		"全市一般公共预算收入完成567,755万元,完成年初预算的95.4%,增长0.2%,未达预算数的主要原因是:受内外部经济因素影响,经济总体增速放缓,古城门票收入等非税收入较上年有所下降,其中:税收收入完成288,755万元,增长15.3%;非税收入完成279,000万元,下降11.8%。"},
		[]want{{Value: "5677550000", Reason: "受内外部经济因素影响,经济总体增速放缓,古城门票收入等非税收入较上年有所下降"}, {Value: "2887550000", Parent: 1}, {Value: "2790000000", Parent: 1}}},
	// shanghai_putuo_guihuaziyuanju_2024_dept_final.pdf (abridged): the
	// 其中 states the reason's own change
	{"其中 inside a reason stays in the reason", []string{
		"一般公共预算财政拨款支出决算9746.50万元，完成年初预算的90%，决算数小于预算数的主要原因是：城乡社区支出（类）未完成年初预期，其中项目支出规划服务较年初预算减少120万元。"},
		[]want{{Value: "97465000", Reason: "城乡社区支出（类）未完成年初预期，其中项目支出规划服务较年初预算减少120万元"}}},

	// --- full stops written '.' ---
	// tianjin_2025_govwide_budget_report.pdf p3
	{"'.' ends a sentence before 其中", []string{
		"(１)全市收支.一般公共预算收入２２２１.７亿元,完成预算１０１.１％,比上年增长４.１％.其中,税收收入１６９０.４亿元,增长４.３％;非税收入５３１.３亿元,增长３.６％.一般公共预算收入加上中央转移支付净补助７６３.９亿元."},
		[]want{{Value: "222170000000"}, {Value: "169040000000", Parent: 1}, {Value: "53130000000", Parent: 1}, {Value: "76390000000", Parent: -1}}},
	{"synthetic: ．as the full stop", []string{"某市转移支付净补助500亿元，比上年减少10亿元．包括一般性转移支付400亿元、专项转移支付100亿元．市对区转移支付净补助300亿元，比上年减少5亿元．"},
		[]want{{Value: "50000000000"}, {Value: "40000000000", Parent: 1}, {Value: "10000000000", Parent: 1}, {Value: "30000000000", Parent: -1}}},

	// --- where a breakdown ends ---
	{"synthetic: 包括 after a whole named in its own sentence", []string{"其中，市本级6亿元，区级4亿元。第二次调整包括转贷额度3亿元。"},
		[]want{{Value: "600000000", Parent: -1}, {Value: "400000000", Parent: -1}, {Value: "300000000", Parent: -1}}},
	{"synthetic: a clause adding to the sentence or stating a sum ends the list", []string{"债券额度10亿元，其中，市本级6亿元，区级4亿元；此外，调入资金2亿元。认缴8亿元，其中甲基金认缴5亿元；合计实缴3亿元。"},
		[]want{{Value: "1000000000"}, {Value: "600000000", Parent: 1}, {Value: "400000000", Parent: 1}, {Value: "200000000", Parent: -1},
			{Value: "800000000"}, {Value: "500000000", Parent: 5}, {Value: "300000000", Parent: -1}}},
	// haikou_2025_govwide_budget_report 1:363 (海南, HTML)
	{"haikou: 第二次预算调整包括…；加之…调入", []string{"第一次预算调整主要为省转贷我市第二批新增债券额度60.35亿元，其中，市本级49.48亿元，区级10.87亿元。第二次预算调整包括省转贷我市第三批债券额度14.95亿元，其中，市本级13.39亿元，区级1.56亿元；加之由于多重超预期因素带来的减收增支压力，我市财政运行面临较大挑战，为确保财政平稳运行，调入预算稳定调节基金15亿元。"},
		[]want{{Value: "6035000000"}, {Value: "4948000000", Parent: 1}, {Value: "1087000000", Parent: 1},
			{Value: "1495000000", Parent: -1}, {Value: "1339000000", Parent: 4}, {Value: "156000000", Parent: 4}, {Value: "1500000000", Parent: -1}}},
	// weihai_2025_govwide_budget_execution_report 14:21 (山东, PDF): 主要包括 names no whole of its own
	{"weihai: 主要包括 after the total's sentence", []string{"──支持公共服务方面，共安排 223883万元。主要包括：社会保障资金113374万元，卫生健康资金 34323万元。"},
		[]want{{Value: "2238830000"}, {Value: "1133740000", Parent: 1}, {Value: "343230000", Parent: 1}}},
	// --- 主要用于以下方面：the parts of the amount just stated ---
	// shanghai_putuo_caizhengju_2024_dept_final.pdf p21: the list runs on
	// from a line that stops mid-clause
	{"putuo 财政局: 主要用于以下方面： over a wrapped line", []string{
		"    一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出",
		"（类）2106.66万元，占71.73%；社会保障和就业支出（类）326.72万元，占11.11%；",
		"卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占15.16%。"},
		[]want{{Value: "29400500"}, {Value: "21066600", Parent: 1}, {Value: "3267200", Parent: 1}, {Value: "609900", Parent: 1}, {Value: "4456900", Parent: 1}}},
	// shanghai_putuo_shehuigongzuobu_2024_dept_final.pdf p18: the colon ends the line
	{"putuo 社会工作部: 主要用于以下方面： ending the line", []string{
		"  一般公共预算财政拨款支出 307.82 万元，主要用于以下方面：",
		"一般公共服务支出（类）264.87 万元，占 86.05%；社会保障和就业支出（类）10.82 万元，占 3.52%。"},
		[]want{{Value: "3078200"}, {Value: "2648700", Parent: 1}, {Value: "108200", Parent: 1}}},
	// jinan_2025_govwide_budget_report.pdf p4 and
	// guangdong_province_2024_govwide_final_debt.pdf p56: 用于 a purpose, no list
	{"jinan: 主要用于 a purpose is no breakdown", []string{
		"市级预备费 12 亿元，支出 0.40 亿元，主要用于应对莱芜区",
		"山洪灾害、章丘区持续强降雨天气等工作，结余 11.60 亿元，按"},
		[]want{{Value: "1200000000"}, {Value: "40000000", Parent: -1}, {Value: "1160000000", Parent: -1}}},
	{"synthetic: 主要用于： lists the parts of the amount before it", []string{
		"某项支出100万元，主要用于：办公费60万元；印刷费40万元。"},
		[]want{{Value: "1000000"}, {Value: "600000", Parent: 1}, {Value: "400000", Parent: 1}}},
	// --- a line without amounts that introduces the numbered parts of a
	// recent total: …主要内容如下： ---
	// shanghai_putuo_sifaju_2026_dept_budget.pdf p8 (abridged): each item
	// runs over unnumbered lines whose restated amounts are no parts
	{"putuo 司法局: 财政拨款支出主要内容如下： over items with bodies", []string{
		" 支出预算9628.22万元，其中：财政拨款支出预算9628.22万元，比2026年预算增加793.14万元。",
		" 财政拨款支出主要内容如下：",
		"  1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于：行政单位的基本支出。2025年当年预算执行数为",
		"1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。主要原因是：部分人员退休。",
		" 2、公共安全支出（204类）司法（06款）基层司法业务（04项）2170.39万元。主要用于：人民调解等",
		"工作支出。2025年当年预算执行数为2149.45万元，2026年预算安排2170.39万元。"},
		[]want{{Value: "96282200"}, {Value: "96282200", Parent: 1},
			{Value: "16726700", Parent: 2}, {Value: "16906900", Parent: -1}, {Value: "16726700", Parent: -1},
			{Value: "21703900", Parent: 2}, {Value: "21494500", Parent: -1}, {Value: "21703900", Parent: -1}}},
	// shanghai_putuo_zhengfuban_2025_dept_budget.pdf p6 (abridged)
	{"putuo 政府办: 科目 items under 主要内容如下：", []string{
		"  支出预算9,101.68万元，其中：财政拨款支出预算9,101.68万元。",
		"  财政拨款支出主要内容如下：",
		"  1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元，主要用于行政单位的基本支出。",
		"  2. “一般公共服务支出-政府办公厅（室）及相关机构事务-一般行政管理事务”科目4,614万元，主要用于为行政单位未单独设置项"},
		[]want{{Value: "91016800"}, {Value: "91016800", Parent: 1}, {Value: "12029500", Parent: 2}, {Value: "46140000", Parent: 2}}},
	{"synthetic: 如下： naming no recent total opens no list", []string{
		"某局支出预算100万元。",
		"项目支出主要内容如下：",
		"1、办公费60万元。",
		"2、印刷费40万元。"},
		[]want{{Value: "1000000"}, {Value: "600000", Parent: -1}, {Value: "400000", Parent: -1}}},
	{"synthetic: 如下： after the total, items with bodies", []string{
		"本年财政拨款支出预算100万元。",
		"财政拨款支出具体情况如下：",
		"1、办公费60万元，",
		"比上年增加5万元。",
		"2、印刷费40万元。"},
		[]want{{Value: "1000000"}, {Value: "600000", Parent: 1}, {Value: "400000", Parent: 1}}},

	// --- a line of amounts that closes with …如下： details the sentence
	// before it in a numbered list ---
	// shanghai_putuo_guihuaziyuanju_2024_dept_final.pdf p25-26 (abridged):
	// the items restate the parts of the breakdown; an item's own 其中：
	// lists its parts one a line, each a name and its amount
	{"putuo 规划资源局 决算: 具体情况如下： after a breakdown, items with 其中： lines", []string{
		"“三公”经费财政拨款支出年初预算为 2.85 万元，支出决算为 0.39 万元，完成预算的 13.68%。",
		"“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 0.00 万元，占 0.00%；公务接待费支出决算 0.39 万元，占100.00%。具体情况如下：",
		"1、因公出国（境）费支出 0.00 万元。全年安排因公出国（境）团组 0 个、累计 0 人次。",
		"2、公务用车购置及运行维护费支出 0.00 万元。其中：",
		"公务用车购置支出为 0.00 万元。",
		"公务用车运行维护支出 0.00 万元。",
		"2024 年，上海市普陀区规划与自然资源局所属各预算单位开支财政拨款的公务用车保有量为 0 辆。",
		"3、公务接待费支出 0.39 万元。其中：",
		"国内公务接待支出 0.39 万（含外宾接待支出 0.00 万元）。",
		"主要用于接待上级部门及外省市单位调研学习及考察，列明公务接待 2 批次、26 人次。"},
		[]want{{Value: "28500"}, {Value: "3900"}, {Value: "0", Parent: 2}, {Value: "3900", Parent: 2},
			{Value: "0", Parent: 2}, {Value: "0", Parent: -1}, {Value: "0", Parent: -1},
			{Value: "0", Parent: 2}, {Value: "0", Parent: 8}, {Value: "0", Parent: 8}, {Value: "0", Parent: -1},
			{Value: "3900", Parent: 2}, {Value: "3900", Parent: 12}, {Value: "0", Parent: 13},
			{Value: "2", Parent: -1}, {Value: "26", Parent: -1}}},
	{"synthetic: 具体情况如下： after the one total of the sentence", []string{
		"本年项目支出100万元，比上年增加10万元。具体情况如下：",
		"1、办公费60万元。",
		"2、印刷费40万元。"},
		[]want{{Value: "1000000"}, {Value: "600000", Parent: 1}, {Value: "400000", Parent: 1}}},
	{"synthetic: 如下： after a sentence of two totals opens no list", []string{
		"本年收入100万元，支出90万元。具体情况如下：",
		"1、办公费60万元。"},
		[]want{{Value: "1000000"}, {Value: "900000"}, {Value: "600000", Parent: -1}}},
	{"synthetic: a named 如下： after amounts takes the named total", []string{
		"本年财政拨款支出100万元，比上年增加10万元。财政拨款支出主要内容如下：",
		"1、办公费60万元。"},
		[]want{{Value: "1000000"}, {Value: "600000", Parent: 1}}},
	{"synthetic: name-and-amount lines after 其中： are parts while the form holds", []string{
		"某局基本支出100万元。其中：",
		"人员经费60万元。",
		"公用经费40万元。",
		"另安排资金1万元，用于应急。"},
		[]want{{Value: "1000000"}, {Value: "600000", Parent: 1}, {Value: "400000", Parent: 1}, {Value: "10000", Parent: -1}}},
	{"synthetic: a full stop ends the parts when a line is no bare part", []string{
		"某局基本支出100万元。其中：",
		"人员经费60万元，占60%。",
		"公用经费40万元。"},
		[]want{{Value: "1000000"}, {Value: "600000", Parent: 1}, {Value: "400000", Parent: -1}}},

	// --- an item's own breakdown in its line: its siblings are on lines
	// of their own ---
	// shanghai_putuo_wanlijiedao_2023_dept_budget.pdf p29 (abridged)
	{"putuo 万里街道: an item's 其中： parts go on over ；", []string{
		"2023年“三公”经费预算数为22.91万元，比2022年预算持平。其中：",
		"（一）、因公出国（境）费0万元，比2022年预算持平。",
		"（二）、公务车购置及运行费21.56万元，其中：公务用车购置费0万元，比2022年预算持平，主要原因是公务用车购置费保持不变；公务车用车运行费21.56万元，比2022年预算持平。",
		"（三）、公务接待费1.35万元。比2022年预算持平。"},
		[]want{{Value: "229100"}, {Value: "0", Parent: 1}, {Value: "215600", Parent: 1}, {Value: "0", Parent: 3},
			{Value: "215600", Parent: 3}, {Value: "13500", Parent: 1}}},
	// jiangsu_jianchayuan_2019_dept_budget.pdf p30 (abridged): one line
	// per sub-part, the other form of the same breakdown
	{"jianchayuan 2019: an item's 其中： parts on the line below", []string{
		"  2．公务用车购置及运行费预算支出237万元。其中：",
		"  公务用车运行维护费预算支出237万元，比上年预算减少20万元。"},
		[]want{{Value: "2370000"}, {Value: "2370000", Parent: 1}}},
	{"synthetic: an item's parts that add up end its breakdown at ；", []string{
		"某局支出合计200万元，其中：",
		"（一）基本支出100万元，其中：人员经费80万元，公用经费20万元；另列项目支出100万元。"},
		[]want{{Value: "2000000"}, {Value: "1000000", Parent: 1}, {Value: "800000", Parent: 2}, {Value: "200000", Parent: 2},
			{Value: "1000000", Parent: 1}}},

	// --- a list line numbered after an earlier one outside the carried
	// breakdown is that one's sibling ---
	// zhangye_2025_govwide_budget_report.html (abridged)
	{"zhangye: 2． after （1）…（4） under 其中： is the sibling of 1．", []string{
		"1．一般公共预算收入1.06亿元，增长6％。",
		"按照收支平衡的原则，相应安排支出1.79亿元，其中：",
		"（1）工资福利1431万元，占支出的7.98％；",
		"（4）上年结转支出6734万元，占支出的37.53％。",
		"2．政府性基金预算收入1722万元，加上年结转资金5842万元，预计可用财力7508万元。"},
		[]want{{Value: "106000000"}, {Value: "179000000"}, {Value: "14310000", Parent: 2}, {Value: "67340000", Parent: 2},
			{Value: "17220000", Parent: -1}, {Value: "58420000", Parent: -1}, {Value: "75080000", Parent: -1}}},
	{"synthetic: a list nested in an item, numbered 1．2．, stays nested", []string{
		"某局支出合计100万元，其中：",
		"（1）基本支出60万元，其中：",
		"1．人员经费40万元；",
		"2．公用经费20万元。",
		"（2）项目支出40万元。"},
		[]want{{Value: "1000000"}, {Value: "600000", Parent: 1}, {Value: "400000", Parent: 2}, {Value: "200000", Parent: 2}, {Value: "400000", Parent: 1}}},

	// --- an item's figure of another year is no part ---
	// shanghai_putuo_shiquanlujiedao_2026_unit_budget_pages.json p6-7 (abridged)
	{"shiquanlu: an item's 2025年度预算 beside its 2026年度预算 is no part", []string{
		"    支出预算7,630.61万元，其中：财政拨款支出预算7,630.61万元。",
		"    财政拨款支出主要内容如下：",
		"   1.  “一般公共服务支出(类）-统计信息事务（款）-统计管理（项）”2026年度预算0.12万元，2025年度预算3.84万元，主要用于：各类统计工作。"},
		[]want{{Value: "76306100"}, {Value: "76306100", Parent: 1}, {Value: "1200", Parent: 2}, {Value: "38400", Parent: -1}}},
	{"synthetic: parts by year without a phase word stay parts", []string{
		"2024至2025年累计发行债券300亿元，其中：2024年发行100亿元，2025年发行200亿元。"},
		[]want{{Value: "30000000000"}, {Value: "10000000000", Parent: 1}, {Value: "20000000000", Parent: 1}}},

	// --- bounds and asides inside a list ---
	// shanghai_putuo_wanlijiedao_2023_dept_budget.pdf p29 (abridged): the
	// 单价 bounds are no parts; the list goes on after the bracketed 其中
	{"putuo 万里街道: 固定资产 parts around bounds and an aside", []string{
		"固定资产3149.52万元，其中：车辆7辆（一般公务用车3辆，执法执勤用车4辆）；单价50万元以上通用设备0台/套；专用设备818台/套（其中：单价100万元以上专用设备0台/套）；其他固定资产0万元。长期投资0项0万元。"},
		[]want{{Value: "31495200"}, {Value: "7", Parent: -1}, {Value: "3"}, {Value: "4"},
			{Subject: "单价", Value: "500000", Parent: -1}, {Value: "0", Parent: -1}, {Value: "818", Parent: -1},
			{Subject: "单价", Value: "1000000", Parent: -1}, {Value: "0", Parent: 7},
			{Subject: "其他固定资产", Value: "0", Parent: 1}, {Value: "0", Parent: -1}, {Value: "0", Parent: -1}}},
	// shanghai_putuo_caizhengju_2025_dept_budget.pdf p23 (abridged)
	{"putuo 财政局: a bound names what it bounds when nothing before names it", []string{
		"拟从2020年起，由我局申请400.00万元以上基本建设项目（新改扩建项目除外）的可行性研究报告评审经费。"},
		[]want{{Subject: "基本建设项目", Value: "4000000", Parent: -1}}},
	{"synthetic: an amount that ends its clause with 以上 is an amount", []string{
		"全市民生支出完成1300亿元以上，其中教育支出300亿元。"},
		[]want{{Subject: "全市民生支出", Value: "130000000000"}, {Value: "30000000000", Parent: 1}}},
	{"synthetic: a bound in a list is no part of its total", []string{
		"某局设备购置预算100万元，其中：单价20万元（含）以上的设备60万元，其他设备40万元。"},
		[]want{{Value: "1000000"}, {Subject: "单价", Value: "200000", Parent: -1}, {Value: "600000", Parent: 1}, {Value: "400000", Parent: 1}}},

	// --- a total stated in two phases (年初预算…，支出决算…。其中：): each
	// item's amount is a part of the total of its phase ---
	// shanghai_putuo_caizhengju_2024_dept_final.pdf p21-22 (abridged)
	{"putuo 财政局 决算: 年初预算/支出决算 items after the reason and 其中：", []string{
		"一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。 决算数小于预算数的主要原因：因年度工作计划安排，个别信息化项目和中介机构服务调减。其中：",
		"1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为1511.89万元。 决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。",
		"2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。主要用于：局财政业务指导与宣传等基本支出。年初预算为 10.00 万元，支出决算为10.00万元。决算数与预算数基本持平。"},
		[]want{{Value: "29939200", Parent: -1}, {Value: "29400500", Parent: -1},
			{Value: "15600500", Parent: 1}, {Value: "15118900", Parent: 2}, {Value: "100000", Parent: 1}, {Value: "100000", Parent: 2}}},
	// shanghai_putuo_guihuaziyuanju_2024_dept_final.pdf p21-22 (abridged):
	// the reason states a share; a 完成年初预算的 rate after each pair
	{"putuo 规划资源局 决算: pairs with a completion rate", []string{
		"一般公共预算财政拨款支出年初预算为 10210.34 万元，支出决算为 9746.50 万元，完成年初预算的 95.45%。决算数小于预算数的主要原因：城乡社区支出（类）未完成年初预期，其中项目支出规划服务较年初完成 92%，部分项目未开展完成。其中：",
		"1、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。主要用于：行政单位退休人员支出。年初预算为 54.53万元，支出决算为54.53万元，完成年初预算的100.00%。决算数同预算数持平。",
		"5、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位退休人员活动费支出（项）。主要用于：退休人员开展活动支出。年初预算为 0.88万元，支出决算为 0.88万元。完成年初预算的 100.00%。决算数同预算数持平。"},
		[]want{{Value: "102103400", Parent: -1}, {Value: "97465000", Parent: -1},
			{Value: "545300", Parent: 1}, {Value: "545300", Parent: 2}, {Value: "8800", Parent: 1}, {Value: "8800", Parent: 2}}},
	// shanghai_putuo_shehuigongzuobu_2024_dept_final.pdf p18 (abridged):
	// three phases in the total, two in the items
	{"putuo 社会工作部 决算: 全年预算/支出决算 items under a three-phase total", []string{
		"一般公共预算财政拨款支出年初预算为 0 万元，全年预算为321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。决算数小于预算数的主要原因：人员经费支出数小于预算数。其中：",
		"1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。主要用于：行政单位人员支出、公用支出。全年预算为 52.00 万元，支出决算为 51.32 万元，完成全年预算数的 98.69%。决算数小于全年预算数的主要原因：人员变动引起实际支出低于预算。",
		"2、一般公共服务支出（类）社会工作事务（款）事业运行（项）。主要用于：事业单位人员支出。全年预算为 17.68 万元，支出决算为11.31 万元。决算数小于全年预算数的主要原因：单位 2024 年新成立，人员变动，按实际支出。"},
		[]want{{Value: "0", Parent: -1}, {Value: "3210200", Parent: -1}, {Value: "3078200", Parent: -1},
			{Value: "520000", Parent: 2}, {Value: "513200", Parent: 3}, {Value: "176800", Parent: 2}, {Value: "113100", Parent: 3}}},
	{"synthetic: two-phase total, items whose heading sentence has no amount", []string{
		"政府性基金预算财政拨款支出年初预算为100万元，支出决算为90万元。其中：",
		"（1）城乡社区支出（类）。主要用于：某事。年初预算为60万元，支出决算为55万元。",
		"（2）其他支出（类）。年初预算为40万元，支出决算为35万元。"},
		[]want{{Value: "1000000", Parent: -1}, {Value: "900000", Parent: -1},
			{Value: "600000", Parent: 1}, {Value: "550000", Parent: 2}, {Value: "400000", Parent: 1}, {Value: "350000", Parent: 2}}},
	{"synthetic: a total in one phase: every item amount is its part", []string{
		"政府性基金预算财政拨款支出决算为90万元。其中：",
		"（1）城乡社区支出（类）。支出决算为55万元。",
		"（2）其他支出（类）。支出决算为35万元。"},
		[]want{{Value: "900000", Parent: -1}, {Value: "550000", Parent: 1}, {Value: "350000", Parent: 1}}},
	// zhangye_2025_govwide_budget_report.html p1 (abridged): the （n） list
	// under 安排支出 resumes after 2．…5．; its items' amounts after a
	// sentence without one are no parts of it
	{"zhangye: a list resumed after other numbered lines keeps no item scope over a full stop", []string{
		"1．一般公共预算收入6.7亿元。",
		"按照收支平衡的原则，相应安排支出28.9亿元。其中：",
		"（1）基本支出12.1亿元。",
		"（2）项目支出6.3亿元。",
		"2．社会保险基金预算收入28.2亿元。",
		"3．其他专门类别预算安排情况。",
		"（1）纳入财政专户管理的收费收入预算安排情况。2026年纳入财政专户管理的收费收入预算5553万元。",
		"（2）政府采购预算安排情况。2026年市级政府采购预算资金5.4亿元。"},
		[]want{{Value: "670000000"}, {Value: "2890000000", Parent: -1}, {Value: "1210000000", Parent: 2}, {Value: "630000000", Parent: 2},
			{Value: "2820000000"}, {Value: "55530000", Parent: -1}, {Value: "540000000", Parent: -1}}},
}

func TestBreakdowns(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the segmenter")
	}
	for _, c := range breakdownCases {
		t.Run(c.name, func(t *testing.T) {
			got := extractLines(t, "", c.lines...)
			if len(got) != len(c.want) {
				t.Fatalf("got %d facts, want %d:\n%s", len(got), len(c.want), dump(got))
			}
			for i, w := range c.want {
				checkFact(t, i, got, w)
			}
		})
	}
}

// TestBreakdownSections checks that a heading of a section outside the one
// a carried breakdown opened in ends it (六、 after the lists of 五、), with
// the outline the pipeline builds.
func TestBreakdownSections(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the segmenter")
	}
	txt := textOf("五、财政拨款支出预算情况说明", "某局财政拨款预算支出100万元。其中：", "（一）一般公共服务（类）",
		"1．行政运行（项）支出60万元。", "（二）住房保障支出（类）", "1．住房公积金（项）支出40万元。",
		"六、财政拨款基本支出预算情况说明", "某局财政拨款基本支出预算50万元。")
	tree, err := outline.Build(context.Background(), txt)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := Extract(context.Background(), txt, tree, schema.Meta{}, testSegmenter(t))
	if err != nil {
		t.Fatal(err)
	}
	Number(raw, 1)
	fs := Schema(raw)
	want := []string{"", "f1", "f1", ""}
	if len(fs) != len(want) {
		t.Fatalf("got %d facts, want %d:\n%s", len(fs), len(want), dump(fs))
	}
	for i, w := range want {
		if fs[i].Parent != w {
			t.Errorf("fact %d (%s): parent %q, want %q", i+1, fs[i].Subject, fs[i].Parent, w)
		}
	}
}

func TestStopDot(t *testing.T) {
	// the '.' between before and after
	for _, c := range []struct {
		before, after string
		want          bool
	}{
		{"收支", "一般", true},       // after a Han character
		{"增长4.1%", "其中", true},   // after a percent sign
		{"（一）", "一般", true},      // after a closing bracket
		{"2221", "7亿元", false},   // a decimal point
		{"1", "一般公共预算", false},   // a list number
		{"www", "gov.cn", false}, // an address
		{"收入", "", false},        // nothing after it
		{"收入", "2024年", false},   // a digit after it
	} {
		if got := stopDot(c.before+"."+c.after, len(c.before)); got != c.want {
			t.Errorf("stopDot(%q) = %v, want %v", c.before+"."+c.after, got, c.want)
		}
	}
}

func TestBarePart(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"公务用车购置支出为 0.00 万元。", true},
		{"  公务用车运行维护支出 0.00 万元。", true},
		{"国内公务接待支出 0.39 万（含外宾接待支出 0.00 万元）。", true},
		{"人员经费60万元", true},
		{"人员经费60万元，占60%。", false},     // a second clause
		{"人员经费60万元，公用经费40万元。", false}, // a second amount
		{"2024年人员经费60万元。", false},     // a date in the name
		{"经费60万元。", true},             // the shortest name
		{"费60万元。", false},             // one character names nothing
		{"60万元。", false},              // no name
		{"人员经费（含临时人员60万元。", false},    // an unclosed bracket
		{"公务用车保有量为 0 辆。", false},      // no money
		{"另安排资金1万元，用于应急。", false},     // a purpose after it
		{"人员经费60万元主要用于发放工资。", false},  // words after the amount
	} {
		qs := quantity.Scan(c.line, quantity.Options{})
		for i := range qs {
			if moneyMagnitude(&qs[i]) {
				qs[i].Kind, qs[i].Unit = quantity.Money, "CNY"
			}
		}
		if got := barePart(c.line, qs); got != c.want {
			t.Errorf("barePart(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}
