package facts

import "testing"

// fallbackCases are amounts whose sentence names them somewhere the walk
// back does not reach (fallbackSubjects): synthetic snippets of each form,
// then real ones from reports of several regions.
var fallbackCases = []moneyCase{
	{"the funds written right after an amount named nowhere else", []string{"主要原因是划转50万元培训费。", "因机构调整划转30万元专项资金收入，支出相应减少。"},
		[]want{{Subject: "培训费", Value: "500000"}, {Subject: "专项资金收入", Value: "300000"}}},
	// jiangsu_jianchayuan_2019_dept_budget 26:12, 28:3 (江苏, PDF)
	{"jianchayuan 2019: 700万元培训费收入, 240万元办案费", []string{"主要原因一是贯彻厉行节约规定；二是纳入2018年预算管理的700万元培训费收入, 因取消培训费收费而减少。", "主要原因一是省纪委监委自省检察院本级划转240万元办案费;二是科目调整。"},
		[]want{{Subject: "培训费收入", Value: "7000000"}, {Subject: "办案费", Value: "2400000"}}},
	{"a purpose written after the amount", []string{"其中：30万元用于校舍维修，20万元用于设备购置等方面的支出。"},
		[]want{{Subject: "校舍维修", Value: "300000"}, {Subject: "设备购置等方面的支出", Value: "200000"}}},
	// weihai_2025_govwide_budget_execution_report 136:16 (山东, PDF)
	{"weihai: 其中：N万元用于…", []string{"2026 年，市本级对各区市安排政府性基金转移支付预算433619 万元，其中：364544万元用于征地和拆迁补偿、土地开发、城市建设及加快保障性安居工程建设等支出，55575 万元用于彩票公益金等方面的支出，13500 万元用于大中型水库移民后期扶持基金支出。"},
		[]want{{Value: "4336190000"}, {Subject: "征地和拆迁补偿、土地开发、城市建设及加快保障性安居工程建设等支出"}, {Subject: "彩票公益金等方面的支出"}, {Subject: "大中型水库移民后期扶持基金支出"}}},
	{"the amount of a count listed before it", []string{"其中，在建工程5项、3亿元。"},
		[]want{{Subject: "在建工程", Value: "300000000"}}},
	{"a standard raised by a change, then the level it reaches", []string{"将城市最低生活保障标准再提高7元，达到735元/人/月。"},
		[]want{{Value: "-", Dir: "increase"}, {Subject: "城市最低生活保障标准", Value: "735"}}},
	// guangdong_province_2024_govwide_final_debt 26:17 (广东, PDF)
	{"guangdong: 最低标准再提高 20元，达到 220元/人·月", []string{"投入 186.36 亿元，将城乡居民基本养老保险基础养老金最低标准再提高 20元，达到 220元/人·月，确保养老金按时足额发放到位。"},
		[]want{{Subject: "投入资金"}, {Subject: "城乡居民基本养老保险基础养老金最低标准", Value: "220"}}},
	// changsha_2025_govwide_budget_report (湖南, HTML)
	{"changsha: 分别提高至331元/人/月、700元/人/年", []string{"城乡居民基本养老保险、城乡居民基本医疗保险补助水平分别提高至331元/人/月、700元/人/年。"},
		[]want{{Value: "331"}, {Subject: "城乡居民基本医疗保险补助水平", Value: "700"}}},
	{"预计分别为 after the sentence's opening name", []string{"一般公共预算收入约按3%递增，预计分别为100万元和103万元；支出约按2%递增，预计分别为90万元和92万元。"},
		[]want{{Subject: "一般公共预算收入"}, {Subject: "一般公共预算收入"}, {Subject: "一般公共预算支出", Value: "900000"}, {Subject: "一般公共预算支出"}}},
	// guyuan_2025_govwide_budget_report 106:12 (宁夏, PDF)
	{"guyuan: 2027年和2028年…预计分别为", []string{"2027年和2028年一般公共预算收入约按3%递增，预计分别为62,520万元和64,400万元；支出约按2%递增，预计分别为473,700万元和483,200万元。"},
		[]want{{Subject: "一般公共预算收入", Value: "625200000"}, {Subject: "一般公共预算收入"}, {Subject: "一般公共预算支出", Value: "4737000000"}, {Subject: "一般公共预算支出"}}},
	// guyuan_2025_govwide_budget_report 25:19 (宁夏, PDF)
	{"guyuan: a dashed clause cut into verbs", []string{"——企业退休人员基本养老保险地方财政分担2,212万元；"},
		[]want{{Subject: "企业退休人员基本养老保险地方财政分担", Value: "22120000"}}},
	// dali_2025_govwide_budget_report (云南, HTML)
	{"dali: funds put in at the end of a clause that is no name", []string{"支持灾后恢复重建，漾濞6.4级地震累计投入25.67亿元。"},
		[]want{{Subject: "投入资金", Value: "2567000000"}}},
	// dali_2025_govwide_budget_report (云南, HTML)
	{"dali: 并获奖补", []string{"剑湖入选2025年全国幸福河湖并获奖补7,907万元。"},
		[]want{{Subject: "奖补资金", Value: "79070000"}}},
	{"a number of 万 before a measure word counts things, not yuan", []string{"为56.24万头牲畜提供风险保障，保费补贴300万元。"},
		[]want{{Value: "3000000"}}},
	// ezhou_2025_govwide_budget_execution_report 7:2 (湖北, PDF)
	{"ezhou: 设立A亿元X、B亿元Y", []string{"设立0.5亿元人才发展专项资金、0.1亿元自然科学基金，统筹经费900万元支持离岸。"},
		[]want{{Subject: "人才发展专项资金"}, {Subject: "自然科学基金", Value: "10000000"}, {Value: "9000000"}}},
	// jiangsu_suqian_2026_govwide_budget_report 22:13 (江苏, PDF)
	{"suqian: a range of amounts before the funds", []string{"对创业期人才及团队给予30万—1000万元奖补资金。"},
		[]want{{Subject: "奖补资金", Value: "300000"}, {Subject: "奖补资金", Value: "10000000"}}},
	// yunfu_2025_govwide_budget_report 34:3 (广东, PDF)
	{"yunfu: a name with a list in brackets", []string{"2026年云浮市级（县级、区级）一般公共预算收入预算数为197157万元。"},
		[]want{{Subject: "云浮市级(县级、区级)一般公共预算收入预算数", Value: "1971570000"}}},
	{"a figure that reached the amount", []string{"全区财政收入于2024年站上50亿元。"},
		[]want{{Subject: "全区财政收入", Value: "5000000000"}}},
	// dali_2025_govwide_budget_report (云南, HTML) and
	// kaifeng_2019_govwide_budget_report 2:12 (河南, PDF)
	{"dali: 收入于2023年重回百亿元规模", []string{"一般公共预算收入于2023年重回百亿元规模后年均增长2.3%。"},
		[]want{{Subject: "一般公共预算收入", Value: "10000000000"}, {Value: "-", Percent: "2.3"}}},
	{"kaifeng: 规模迈上150亿元", []string{"全市财政收入规模迈上150亿元台阶。"},
		[]want{{Subject: "全市财政收入规模", Value: "15000000000"}}},
	{"an amount written before 标准", []string{"按照每人每月50元标准发放护理补贴。"},
		[]want{{Subject: "护理补贴标准", Value: "50"}}},
	// fuxin_2025_govwide_final_report (辽宁, HTML)
	{"fuxin: 按照每人每月30元标准发放高龄津贴", []string{"筹集0.03亿元，为5万名80-89周岁老年人按照每人每月30元标准发放高龄津贴。"},
		[]want{{Subject: "筹集资金"}, {Subject: "高龄津贴标准", Value: "30"}}},
	// guangdong_province_2024_govwide_final_debt 191:11 (广东, PDF)
	{"guangdong: 发行首笔10亿元…债券", []string{"在澳门成功发行首笔10亿元合作区主题离岸人民币政府债券。"},
		[]want{{Subject: "合作区主题离岸人民币政府债券", Value: "1000000000"}}},
	// jiangsu_nantong_2026_govwide_budget_report 9:3 (江苏, PDF)
	{"nantong: 减轻缴费负担", []string{"持续落实阶段性降低失业保险费率政策，为全市企业减轻缴费负担17.3亿元。"},
		[]want{{Subject: "缴费负担", Value: "1730000000"}}},
	{"a cost taken off", []string{"为小微企业降低融资成本2亿元。"},
		[]want{{Subject: "融资成本", Value: "200000000"}}},
	// dali_2025_govwide_budget_report (云南, HTML)
	{"dali: 放款5.07万笔、448.6亿元", []string{"加强平台使用推广，累计实现放款5.07万笔、448.6亿元。"},
		[]want{{Subject: "放款", Value: "44860000000"}}},
	{"a verb alone before the amount: what the funds support names it", []string{"安排10亿元，支持园区道路建设。投入2亿元，用于学校维修。安排3亿元支持保供稳价。下达1亿元，按时偿还到期债务本息。"},
		[]want{{Subject: "园区道路建设", Value: "1000000000"}, {Subject: "学校维修", Value: "200000000"}, {Subject: "保供稳价", Value: "300000000"}, {Subject: "偿还到期债务本息", Value: "100000000"}}},
	{"examples and their count before the kind supported", []string{"安排5亿元，支持甲、乙等11个城市更新项目改造。安排1亿元，顺利推动129个老旧小区改造项目。"},
		[]want{{Subject: "城市更新项目改造", Value: "500000000"}, {Subject: "老旧小区改造项目", Value: "100000000"}}},
	{"a clause after the amount with figures of its own names nothing", []string{"安排5亿元，建设保障性住房4894套。安排3,000万元用于甲项目、6,199万元用于乙项目。"},
		[]want{{Subject: "安排", Value: "500000000"}, {Subject: "安排", Value: "30000000"}, {Subject: "乙项目", Value: "61990000"}}},
	// haikou_2025_govwide_budget_report 1:363 (海南, HTML)
	// xuancheng_2025_govwide_budget_report p4 (安徽): 拨付 and 落实 too; the
	// funds named right after the amount
	{"xuancheng: 拨付X万元落实…, 拨付X万元…资金用于…, 安排X万元落实…", []string{"拨付1828.6万元城市更新资金用于道路桥梁养护、老旧小区改造等。拨付3494万元落实逐步免费学前教育政策。安排1000万元落实医疗卫生人才引进奖补政策，以人才赋能公共服务提质增效。"},
		[]want{{Subject: "城市更新资金", Value: "18286000"}, {Subject: "逐步免费学前教育政策", Value: "34940000"}, {Subject: "医疗卫生人才引进奖补政策", Value: "10000000"}}},
	// yunfu_2025_govwide_budget_report p25 (广东): what the funds go to may
	// open with a quoted term
	{"yunfu: 安排3.5亿元用于“三通一平”及土地收储", []string{"安排3.5亿元用于“三通一平”及土地收储，持续扩大招商引资吸引力。"},
		[]want{{Subject: "“三通一平”及土地收储", Value: "350000000"}}},
	{"synthetic: the work named after an amount is no name of the funds (the verb stays: no better name is read yet)", []string{"拨付5亿元保障下划21所中小学正常运转。"},
		[]want{{Subject: "拨付", Value: "500000000"}}},
	{"haikou: 安排X亿元，支持/保障/助推…", []string{"保障封关“一号工程”。安排24.8亿元，支持基础设施、农田水利等公共服务领域重点项目建设。安排47.7亿元，支持博雅、丁村、横沟、田罗新民等11个政府收储类城市更新项目改造，提升海南自由贸易港核心引领区城市品质。安排1.9亿元，助推打造“国际演艺之都”，举办演唱会。加强资金统筹，安排71.4亿元，按时偿还到期政府债务本息。"},
		[]want{{Subject: "基础设施、农田水利等公共服务领域重点项目建设"}, {Subject: "政府收储类城市更新项目改造"}, {Subject: "打造“国际演艺之都”"}, {Subject: "偿还到期政府债务本息", Value: "7140000000"}}},
	// jincheng_2025_govwide_budget_report (山西, PDF); dongguan_2025_govwide_budget_report (广东, PDF)
	{"jincheng and dongguan: 安排…，支持; 投入…，用于", []string{"接续推进城市更新行动。安排3.2亿元，支持时家岭公园等改造升级、城市道路、公园绿化生态品质提升。", "开创平安东莞建设新局面。投入 1.42 亿元，用于保障粮食及食品药品安全，加强知识产权保护等。"},
		[]want{{Subject: "时家岭公园等改造升级、城市道路、公园绿化生态品质提升", Value: "320000000"}, {Subject: "保障粮食及食品药品安全", Value: "142000000"}}},
	{"a balance's time and kind, cut into verbs by the segmenter, name it whole", []string{"收支相抵，年终结余结转5亿元。"},
		[]want{{Subject: "年终结余结转", Value: "500000000"}}},
	// haikou_2025_govwide_budget_report 1:363 (海南, HTML); ezhou_2025_govwide_budget_execution_report (湖北, PDF)
	{"haikou and ezhou: 年终结余结转", []string{"支出总计486.8亿元。收支相抵，年终结余结转41.6亿元。", "债务转贷支出1.6亿元，年终结余结转10.38亿元。"},
		[]want{{Subject: "支出总计"}, {Subject: "年终结余结转", Value: "4160000000"}, {Subject: "债务转贷支出"}, {Subject: "年终结余结转", Value: "1038000000"}}},
}

func TestFallbackSubjects(t *testing.T) { runMoneyCases(t, fallbackCases) }
