package facts

import "testing"

// ellipsisCases are subjects a report leaves out after naming the thing once
// (fillElliptic) and lists closed by 等: synthetic snippets of each form,
// then real ones from reports of several regions.
var ellipsisCases = []moneyCase{
	{"adverb subject takes the thing before", []string{"土地出让收入预算100万元，实际完成120万元。"},
		[]want{{Subject: "土地出让收入预算", Value: "1000000"}, {Subject: "土地出让收入", Value: "1200000"}}},
	{"调整为 is the adjusted budget", []string{"城乡社区支出预算100万元，执行中调整为120万元。"},
		[]want{{Subject: "城乡社区支出预算", Value: "1000000"}, {Subject: "城乡社区支出调整预算", Value: "1200000"}}},
	{"a bare head replaces the head of the thing", []string{"彩票公益金收入100万元，支出90万元，当年收支结余10万元，年末滚存结余50万元。"},
		[]want{{Subject: "彩票公益金收入"}, {Subject: "彩票公益金支出", Value: "900000"}, {Subject: "彩票公益金当年收支结余", Value: "100000"},
			{Subject: "彩票公益金年末滚存结余", Value: "500000"}}},
	{"a part in brackets after its total", []string{"市级税收收入预算100万元（含经开区20万元）。"},
		[]want{{Subject: "市级税收收入预算", Value: "1000000"}, {Subject: "经开区税收收入预算", Value: "200000", Parent: 1}}},
	{"an adjustment of the thing lends no thing", []string{"基金收入预算100万元，执行中调减收入预算10万元，调整后收入预算为90万元；收入完成95万元。"},
		[]want{{Subject: "基金收入预算"}, {Value: "100000"}, {Subject: "基金收入调整预算", Value: "900000"}, {Subject: "基金收入", Value: "950000"}}},
	// the other flow or the balance after a budget's parts is the budget's:
	// fuxin_2025_govwide_final_report (辽宁, HTML), chaoyang_2025 p3 (辽宁),
	// jingdezhen_2025 p3 (江西) — but a pair stays with its part, and a
	// budget figure of another body is its own (luoyang_2025 p2)
	{"fuxin: 非税收入…。支出预算为…", []string{"全市2025年一般公共预算收入为53.03亿元，实际完成53.68亿元。其中：税收收入完成29.52亿元；非税收入完成24.16亿元，占比45%。支出预算为155.32亿元，实际完成174.24亿元。"},
		[]want{{Subject: "一般公共预算收入"}, {Subject: "一般公共预算收入"}, {Subject: "税收收入"}, {Subject: "非税收入"},
			{Subject: "一般公共预算支出预算", Value: "15532000000"}, {Subject: "一般公共预算支出", Value: "17424000000"}}},
	{"chaoyang: 加上…支出、…、年终结余", []string{"全市政府性基金预算支出714136万元，加上上解上级支出1184万元、专项债务还本支出181963万元、调出资金13591万元、年终结余337642万元，总支出为1248516万元。"},
		[]want{{Subject: "全市政府性基金预算支出"}, {Subject: "上解上级支出"}, {Subject: "专项债务还本支出"}, {Subject: "调出资金"},
			{Subject: "全市政府性基金预算年终结余", Value: "3376420000"}, {Subject: "总支出"}}},
	{"jingdezhen: each fund's 收入、支出 pair, then the total's balance", []string{"2025年全市社会保险基金收入52.9亿元、支出45.33亿元。其中：城乡居民基本养老保险基金收入7.65亿元、支出4.71亿元；职工基本医疗保险基金收入15.47亿元、支出13.08亿元。本年收支结余7.57亿元。"},
		[]want{{Subject: "全市社会保险基金收入"}, {Subject: "全市社会保险基金支出"}, {Subject: "城乡居民基本养老保险基金收入"},
			{Subject: "城乡居民基本养老保险基金支出", Value: "471000000"}, {Subject: "职工基本医疗保险基金收入"},
			{Subject: "职工基本医疗保险基金支出", Value: "1308000000"}, {Subject: "全市社会保险基金本年收支结余", Value: "757000000"}}},
	{"luoyang: another body's budget figure keeps its own flow", []string{"市级一般公共预算收入81.1亿元。二是2025年城乡一体化示范区一般公共预算收入年初预算为19亿元，收入完成19.2亿元，同比增长12.8%。支出预算20.1亿元。"},
		[]want{{Subject: "市级一般公共预算收入"}, {}, {}, {Subject: "城乡一体化示范区一般公共预算支出预算", Value: "2010000000"}}},
	// luoyang_2025_govwide_budget_report 3:2 (河南)
	{"洛阳: 调减收入预算 between the budget and its outturn", []string{"2025 年全市政府性基金预算收入年初预算合计 278.1 亿元，执行中市级和部分县区按程序调减收入预算 55.3 亿元，调整后收入预算为 222.8 亿元；收入完成 225.7 亿元，同比下降 16.3%。"},
		[]want{{Subject: "全市政府性基金预算收入年初预算合计"}, {Value: "5530000000"}, {Subject: "全市政府性基金预算收入调整预算", Value: "22280000000"}, {Subject: "全市政府性基金预算收入", Value: "22570000000"}}},
	{"安排 after the field of spending the clause before names", []string{"在支持教育发展方面，共安排10万元。全市共安排20万元。"},
		[]want{{Subject: "支持教育发展方面", Value: "100000"}, {Subject: "安排", Value: "200000"}}},
	// dongguan_2025_govwide_budget_report 26:4 (广东, PDF) and
	// weihai_2025_govwide_budget_execution_report 14:17 (山东, PDF)
	{"dongguan: 在支持生态建设方面，共安排", []string{"在支持生态建设方面，共安排 45.42 亿元。"},
		[]want{{Subject: "支持生态建设方面", Value: "4542000000"}}},
	{"weihai: ──偿还政府债务方面，共安排", []string{"──偿还政府债务方面，共安排27459万元，主要用于偿还债务。"},
		[]want{{Subject: "偿还政府债务方面", Value: "274590000"}}},
	{"no thing named before: left as written", []string{"实际完成120万元。"},
		[]want{{Subject: "实际", Value: "1200000"}}},
	{"a thing without a head lends nothing", []string{"政府债务限额100万元，支出90万元。"},
		[]want{{Subject: "政府债务限额"}, {Subject: "支出", Value: "900000"}}},
	{"等 closes a list of items", []string{"专项收入、罚没收入和国有资源有偿使用收入等30万元。"},
		[]want{{Subject: "专项收入、罚没收入和国有资源有偿使用收入", Value: "300000"}}},

	{"parts listed in brackets after the total", []string{"当年新增债务30万元（新增一般债券10万元、新增专项债券20万元），年末债务余额90万元。"},
		[]want{{Subject: "新增债务"}, {Subject: "新增一般债券", Parent: 1}, {Subject: "新增专项债券", Parent: 1}, {Subject: "年末债务余额", Parent: -1}}},
	{"a bracket that is no list of parts", []string{"一般公共预算收入30万元（调整后为32万元），政府性基金收入20万元（不含土地出让收入5万元、彩票公益金1万元）。"},
		[]want{{Subject: "一般公共预算收入"}, {Parent: -1}, {Subject: "政府性基金收入"}, {Parent: -1}, {Parent: -1}}},
	// 固原 2025 (宁夏)
	{"固原: （其中：…） after the change", []string{"（二）政府性基金预算收支情况。全市政府性基金收入5.56亿元，完成年度预算的69.35%，同比增长11.71%（其中：国有土地使用权出让收入5.39亿元，同比增长26.96%）；加上转移支付、债务转贷等转移性收入，收入总量为 80.92 亿元。"},
		[]want{{Subject: "全市政府性基金收入"}, {Subject: "国有土地使用权出让收入", Parent: 1, Percent: "26.96"}, {Subject: "收入总量", Parent: -1}}},
	{"固原: 当年偿还债务（预算安排偿还…、再融资债券偿还…）", []string{"全市法定债务年初余额258.78亿元，当年新增债务88.48亿元（新增一般债券16.64亿元、新增专项债券54.8亿元、再融资债券17.04亿元），当年偿还债务20.05亿元（预算安排偿还3.01亿元、再融资债券偿还17.04亿元），年末债务余额327.21亿元。"},
		[]want{{}, {Subject: "新增债务"}, {Parent: 2}, {Parent: 2}, {Parent: 2}, {Subject: "偿还债务"}, {Parent: 6}, {Parent: 6}, {Parent: -1}}},
	// 资金 named by the verb that moves it: 固原, 开封, 鄂州 (湖北)
	{"固原: 统筹资金", []string{"财源培植多点发力。统筹资金0.45亿元，培育农特产品加工企业。"},
		[]want{{Subject: "统筹资金", Value: "45000000"}}},
	{"开封: 下达资金", []string{"下达资金 2.5 亿元，支持各县区落实农村教育政策。"},
		[]want{{Subject: "下达资金", Value: "250000000"}}},
	// kaifeng_2019_govwide_budget_report p8 and
	// jincheng_2025_govwide_budget_report p10 (山西): 落实 before a named
	// fund is no part of its name
	{"开封/晋城: 落实资金, 落实教育支出", []string{"投入资金 6850 万元，支持提高农业生产机械化水平。落实资金 7936 万元，用于发放棉花目标价格补贴。落实教育支出10.46亿元。"},
		[]want{{Subject: "投入资金", Value: "68500000"}, {Subject: "落实资金", Value: "79360000"}, {Subject: "教育支出", Value: "1046000000"}}},
	{"鄂州: 统筹产业发展奖补资金", []string{"二是深化产业协同创新合作。统筹产业发展奖补资金4亿元，重点投向新兴产业。"},
		[]want{{Subject: "产业发展奖补资金", Value: "400000000"}}},
	// 盐城 2026 (江苏) and 威海: 等 inside a name, a definition in brackets
	{"盐城: 交通和农林水等项目", []string{"新增债券用于保障性安居工程 14.52 亿元；用于交通和农林水等项目 3.03亿元。"},
		[]want{{Subject: "保障性安居工程"}, {Subject: "交通和农林水等项目", Value: "303000000"}}},
	{"固原: 加上…等收入总量", []string{"加上转移支付、上年结余等收入总量为 80.92 亿元。"},
		[]want{{Subject: "收入总量", Value: "8092000000"}}},
	{"威海: （包括…，下同） inside the name", []string{"2025 年，全市社会保险基金预算（包括机关事业单位基本养老保险、居民基本养老保险、职工基本医疗保险、居民基本医疗保险，下同）收入1308785 万元，完成预算的 101.5%，增长 2.7%。"},
		[]want{{Subject: "全市社会保险基金预算收入", Value: "13087850000"}}},
	{"a definition in brackets is dropped", []string{"城乡居民医疗保险基金（即城乡居民基本医疗保险基金）收入50万元。"},
		[]want{{Subject: "城乡居民医疗保险基金收入", Value: "500000"}}},
	// 焦作 2025 (河南)
	{"焦作: 预算, 调整为, 实际完成", []string{"（1）全市收支情况。汇总全市各级人代会批准的 2025 年一般公共预算收入预算134.5亿元，执行中按法定程序调整为134.9亿元，实际完成 135.1 亿元，为调整预算的 100.1%，同比增长5.1%。批准的支出预算 319.5 亿元，执行中因使用上级补助、地方政府债券等，支出预算调整为 342.5 亿元，实际完成 312.9 亿元，为调整预算的 91.3%，同比下降 5.8%。"},
		[]want{{Subject: "一般公共预算收入预算", Value: "13450000000"}, {Subject: "一般公共预算收入调整预算", Value: "13490000000"},
			{Subject: "一般公共预算收入", Value: "13510000000", Dir: "increase", Percent: "5.1"},
			{Subject: "一般公共预算支出预算", Value: "31950000000"}, {Subject: "一般公共预算支出调整预算", Value: "34250000000"},
			{Subject: "一般公共预算支出", Value: "31290000000", Dir: "decrease", Percent: "-5.8"}}},
	{"焦作: （含高新区…） parts", []string{"（2）市级收支情况。市十四届人大三次会议批准的 2025年市级一般公共预算收入预算 31.1 亿元（含高新区 10.1亿元），实际完成 30.5 亿元（含高新区 10 亿元），为年初预算的 98.1%，同比增长 2.5%。"},
		[]want{{Subject: "市级一般公共预算收入预算", Value: "3110000000"}, {Subject: "高新区一般公共预算收入预算", Value: "1010000000", Parent: 1},
			{Subject: "市级一般公共预算收入", Value: "3050000000"}, {Subject: "高新区一般公共预算收入", Value: "1000000000", Parent: 3}}},
	// 开封 2019 (河南)
	{"开封: 年初预算, 调整为, 实际完成", []string{"（2）市本级收支情况。市本级一般公共预算收入年初预算为62.1 亿元，实际完成 57.4 亿元，为年预算的 92.4%，增长 3.3%。市本级一般公共预算支出年初预算为 94.6 亿元，执行中因上级补助增加、发行地方政府债券、补助县区等因素，支出预算调整为114 亿元，实际完成 111.2 亿元，为调整预算的97.5%。"},
		[]want{{Subject: "市本级一般公共预算收入年初预算", Value: "6210000000"}, {Subject: "市本级一般公共预算收入", Value: "5740000000"},
			{Subject: "市本级一般公共预算支出年初预算", Value: "9460000000"}, {Subject: "市本级一般公共预算支出调整预算", Value: "11400000000"},
			{Subject: "市本级一般公共预算支出", Value: "11120000000"}}},
	// 洛阳 2025 (河南): 调整后…为, 收入完成
	{"洛阳: 调整后收入预算, 收入完成", []string{"（1）全市收支情况。汇总全市各级人代会批准的 2025 年全市一般公共预算收入年初预算合计 421.9 亿元，执行中部分县区按程序调增收入预算 1.8 亿元，调整后收入预算为 423.7 亿元；收入完成 421.8 亿元，同比增长 3.6%。"},
		[]want{{Subject: "全市一般公共预算收入年初预算合计"}, {Value: "180000000"}, {Subject: "全市一般公共预算收入调整预算", Value: "42370000000"},
			{Subject: "全市一般公共预算收入", Value: "42180000000"}}},
	// 固原 2025 (宁夏) and 威海 2025 (山东): 社会保险基金
	{"固原: 支出, 当年收支结余, 年末滚存结余", []string{"（三）社会保险基金预算收支情况。全市社会保险基金收入 49.75 亿元，同比增长 9.86%。支出 45.41 亿元，同比增长7.99%。当年收支结余4.34亿元，年末滚存结余59.54亿元。"},
		[]want{{Subject: "全市社会保险基金收入"}, {Subject: "全市社会保险基金支出", Value: "4541000000"},
			{Subject: "全市社会保险基金当年收支结余", Value: "434000000"}, {Subject: "全市社会保险基金年末滚存结余", Value: "5954000000"}}},
	{"威海: 当年收支结余 named, 年末滚存结余 elliptic", []string{"全市社会保险基金预算支出 1200207 万元，完成预算的99.1%，增长8.7%。全市社会保险基金当年收支结余108578万元，年末滚存结余1297007 万元。"},
		[]want{{Subject: "全市社会保险基金预算支出"}, {Subject: "全市社会保险基金当年收支结余", Value: "1085780000"},
			{Subject: "全市社会保险基金年末滚存结余", Value: "12970070000"}}},
	// 福州 2025 (福建) and 威海: lists closed by 等
	{"福州: 加上转移性收入等", []string{"2025年全市一般公共预算收入750.55亿元，加上转移性收入等692.70亿元，收入决算结果1443.25亿元；一般公共预算支出1037.15亿元，加上转移性支出等279.22亿元，支出决算结果1613.37亿元；收支相抵年终结余126.88亿元。"},
		[]want{{Subject: "全市一般公共预算收入"}, {Subject: "转移性收入", Value: "69270000000"}, {Subject: "收入决算结果"},
			{Subject: "一般公共预算支出"}, {Subject: "转移性支出", Value: "27922000000"}, {Subject: "支出决算结果"},
			{Subject: "一般公共预算年终结余", Value: "12688000000"}}},
	{"威海: 加…、…和…等", []string{"一般公共预算收入，加地方政府一般债务转贷收入、返还性收入、转移支付收入和上年结转收入等 5060513 万元，收入共计 7639658 万元。"},
		[]want{{Subject: "地方政府一般债务转贷收入、返还性收入、转移支付收入和上年结转收入", Value: "50605130000"}, {Subject: "收入共计"}}},

	// verbs that are nouns in government reports: 转移支付 (上海, 朝阳, 威海), 返还性收入
	{"上海: 一般性转移支付, 专项转移支付", []string{"一般性转移支付881.6亿元（含共同财政事权转移支付69.2亿元），增长5.2%，专项转移支付212.2亿元，增长10%。"},
		[]want{{Subject: "一般性转移支付", Value: "88160000000"}, {Subject: "共同财政事权转移支付", Value: "6920000000"},
			{Subject: "专项转移支付", Value: "21220000000"}}},
	{"朝阳: 市对下转移支付, 返还性收入", []string{"市对下转移支付1822385万元，其中:返还性收入100万元。"},
		// 市对下: the levels the funds go between are part of the name
		[]want{{Subject: "市对下转移支付", Value: "18223850000"}, {Subject: "返还性收入", Value: "1000000", Parent: 1}}},
	{"威海: 共同财政事权转移支付 in a list item", []string{"6.医疗卫生共同财政事权转移支付 57257 万元，主要用于公共卫生服务。"},
		[]want{{Subject: "医疗卫生共同财政事权转移支付", Value: "572570000"}}},
	{"synthetic: 上解支出, 还本支出, 调入资金", []string{"上解中央支出10万元，地方政府专项债务还本支出20万元，调入资金30万元。"},
		[]want{{Subject: "上解中央支出", Value: "100000"}, {Subject: "地方政府专项债务还本支出", Value: "200000"}, {Subject: "调入资金", Value: "300000"}}},
	{"a title sentence names the thing", []string{"——城乡社区支出。完成120万元，增长5%。"},
		[]want{{Subject: "城乡社区支出", Value: "1200000"}}},
	{"a numbered title", []string{"（三）国有资源有偿使用收入：完成120万元。"},
		[]want{{Subject: "国有资源有偿使用收入", Value: "1200000"}}},
	{"晋城: 2.保运行。安排", []string{"2.保运行。安排20.1亿元，支持各行政事业单位开展专项业务活动和特定目标类项目。"},
		[]want{{Subject: "保运行", Value: "2010000000"}}},
	{"洛阳: 1.支持…。安排", []string{"1.支持充分释放内需潜力。安排 2 亿元。一是以扩消费试点城市建设为契机。"},
		[]want{{Subject: "支持充分释放内需潜力", Value: "200000000"}}},
	{"安排 never takes the thing of the paragraph", []string{"一般公共预算收入100万元，安排20万元用于教育。"}, // the purpose, not the thing of the paragraph
		[]want{{Subject: "一般公共预算收入"}, {Subject: "教育", Value: "200000"}}},
	{"山东: ——资源税。完成, 下降", []string{"——资源税。完成 140.92 亿元，占预算的 100.1%，下降11.6%。"},
		[]want{{Subject: "资源税", Value: "14092000000", Dir: "decrease", Percent: "-11.6"}}},
	{"山东: ——契税。完成", []string{"——契税。完成303.05亿元，占预算的101.2%。"},
		[]want{{Subject: "契税", Value: "30305000000"}}},
	{"山东: ——科学技术支出。完成", []string{"——科学技术支出。完成 102.09亿元，占预算的100.3%。"},
		[]want{{Subject: "科学技术支出", Value: "10209000000"}}},
	{"a long first sentence is no title", []string{"全年财政运行总体平稳有序。完成120万元。"},
		[]want{{Subject: "-", Value: "1200000"}}},
}

// changeWordCases are the wordings of a change issue 12 names: synthetic
// snippets of each form and real ones where the corpus has them.
var changeWordCases = []moneyCase{
	{"节约 without a comparison is a saving, an amount of its own", []string{"评审项目12个，节约3亿元。节约2亿元。"},
		[]want{{Subject: "评审项目节约", Value: "300000000", Dir: ""}, {Subject: "节约资金", Value: "200000000", Dir: ""}}},
	// haikou_2025_govwide_budget_report 1:363 (海南, HTML); changsha_2025_govwide_budget_report (湖南, HTML)
	{"haikou and changsha: 项目58个，节约; 较年初预算节约", []string{"全年累计批复预算评审项目58个，节约5.4亿元，核减率达13.6%。", "市本级“三公”经费支出0.75亿元，较年初预算节约0.49亿元。"},
		[]want{{Subject: "预算评审项目节约", Value: "540000000", Dir: ""}, {Subject: "市本级“三公”经费支出", Value: "75000000", Dir: ""}, {Subject: "年初预算", Dir: "decrease", Change: "-49000000"}}},
	{"a bare decimal after a change amount is its percent, the % left out", []string{"办公费50万元，比上年增加5万元，增长 11.11。印刷费20万元，比上年减少2万元，减少 9.09，主要原因是压减。会议费10万元，增加2，主要原因是会议增多。"},
		[]want{{Subject: "办公费", Dir: "increase", Change: "50000", Percent: "11.11"}, {Subject: "印刷费", Dir: "decrease", Change: "-20000", Percent: "-9.09"}, {Subject: "会议费", Value: "100000"}}},
	// shanghai_putuo_guihuaziyuanju_2024_dept_final 21:2 (上海, PDF); jiangsu_gaoyuan_2018_dept_budget (江苏, PDF)
	{"guihuaziyuanju and gaoyuan: 增长 13.95。, 减少 9.52，", []string{"与2023年度相比，一般公共预算财政拨款支出增加1193.20万元，增长 13.95。", "5．法院（款）案件执行（项）支出 950 万元，与上年相比减少100 万元，减少 9.52，主要原因是压减了案件执行经费的支出预算安排。"},
		[]want{{Dir: "increase", Change: "11932000", Percent: "13.95"}, {Value: "9500000", Dir: "decrease", Change: "-1000000", Percent: "-9.52"}}},
	{"a zero amount after the words of a flat change is its amount", []string{"办公费10万元，与上年预算一致0万元；印刷费5万元，比上年持平0.00万元。"},
		[]want{{Subject: "办公费", Value: "100000", Dir: "flat", Change: "0"}, {Subject: "印刷费", Value: "50000", Dir: "flat", Change: "0"}}},
	// shanghai_putuo_caizhengju_2025_dept_budget 22:5 (上海, PDF; the only document of either corpus with the form)
	{"caizhengju 2025: 与2024年预算一致0万元", []string{"（二）公务车购置及运行费0万元，其中：公务用车购置费0万元，与2024年预算一致0万元，主要原因是本部门无公务用车。"},
		[]want{{Subject: "公务车购置及运行费", Value: "0"}, {Subject: "公务用车购置费", Value: "0", Dir: "flat", Change: "0", Parent: 1}}},
	{"基本持平 after the amount", []string{"国有资本经营预算收入3亿元，基本持平。"},
		[]want{{Subject: "国有资本经营预算收入", Value: "300000000", Dir: "flat"}}},
	{"同口径增长", []string{"税收收入80亿元，同口径增长5.2%。"},
		[]want{{Subject: "税收收入", Dir: "increase", Percent: "5.2", Base: "上年"}}},
	// tianjin_2025 p3 (full-width digits, '.' full stops), yunfu_2025 p5
	{"天津: 按可比口径增长", []string{"一般公共预算支出３３５９.７亿元,完成调整预算８９.４％,按可比口径增长０.５％,加上再融资一般债券还本支出４６.２亿元."},
		[]want{{Subject: "一般公共预算支出", Value: "335970000000", Dir: "increase", Percent: "0.5", Base: "上年"}, {Dir: "-"}}},
	{"云浮: 按可比口径增长 after a bracket", []string{"2025年全市一般公共预算收入810,969万元(快报数,下同),按可比口径增长10.37%(下同),增幅排名全省第一。"},
		[]want{{Subject: "全市一般公共预算收入", Dir: "increase", Percent: "10.37", Base: "上年"}}},
	{"可比口径 without 按", []string{"社会保障和就业支出50亿元，可比口径下降2%。"},
		[]want{{Subject: "社会保障和就业支出", Dir: "decrease", Percent: "-2", Base: "上年"}}},
	// guyuan_2025 p8 (abridged)
	{"固原: points of a growth rate are no change of an amount", []string{"彭阳县全年地方一般公共预算收入增幅持续为负，拉低全市地方一般公共预算收入增幅9.2个百分点。"},
		nil},
	{"增幅 with points after an amount", []string{"税收收入80亿元，增长5%，增幅提高1.5个百分点。"},
		[]want{{Subject: "税收收入", Dir: "increase", Percent: "5", Points: "-"}}},
	{"今年新增: the increase of the amount before", []string{"全市教育支出80亿元，今年新增10亿元。"},
		[]want{{Subject: "全市教育支出", Value: "8000000000", Dir: "increase", Change: "1000000000", Prior: "7000000000"}}},
	{"新增 naming a new item is no change", []string{"今年新增一般债券额度20亿元，用于重点项目建设。"},
		[]want{{Subject: "新增一般债券额度", Value: "2000000000", Dir: "-"}}},
	{"同比减支", []string{"一般公共预算支出120亿元，同比减支3亿元。"},
		[]want{{Subject: "一般公共预算支出", Dir: "decrease", Change: "-300000000", Prior: "12300000000"}}},
	{"同比增收", []string{"非税收入20亿元，同比增收1亿元。"},
		[]want{{Subject: "非税收入", Dir: "increase", Change: "100000000"}}},
	{"本年数与上年预算数一致: a flat change of the amount before", []string{"机关运行经费10万元，本年数与上年预算数一致。"},
		[]want{{Subject: "机关运行经费", Value: "100000", Dir: "flat", Base: "上年预算数"}}},
	// 长沙 2025 (湖南), 大理 2025 (云南)
	{"长沙: 剔除…后，同口径增长", []string{"农林水支出16.03亿元，剔除增发国债等一次性因素后，同口径增长3.7%。"},
		[]want{{Subject: "农林水支出", Value: "1603000000", Dir: "increase", Percent: "3.7", Base: "上年"}}},
	{"大理: 同口径增长 as a second change is left", []string{"全州一般公共预算支出3,721,800万元，较上年决算数下降4.6%，剔除同期增发国债一次性增支因素后同口径增长5%。"},
		[]want{{Subject: "全州一般公共预算支出", Dir: "decrease", Percent: "-4.6", Base: "上年决算数"}}},
	{"主要用于 is a purpose, not a reason", []string{"教育支出20亿元，主要用于学校建设，增加2亿元。"},
		[]want{{Subject: "教育支出", Dir: "increase", Change: "200000000", Reason: "-"}}},
	{"a stated reason after a purpose", []string{"2．社会保障和就业支出 1,836.22 万元，主要用于离休费、基本养老金。与上年相比减少 184.96 万元。主要原因是退休人员基本养老金改由社保发放。"},
		[]want{{Subject: "社会保障和就业支出", Dir: "decrease", Reason: "退休人员基本养老金改由社保发放"}}},
	{"a percent of a non-money quantity stays with it", []string{"接待游客1200万人次，增长8%，旅游收入100亿元。"},
		[]want{{Subject: "旅游收入", Value: "10000000000", Dir: "-"}}},
}

func TestChangeWords(t *testing.T) { runMoneyCases(t, changeWordCases) }

func TestEllipsis(t *testing.T) { runMoneyCases(t, ellipsisCases) }

type moneyCase = struct {
	name  string
	lines []string
	want  []want
}

// runMoneyCases checks the money facts of each case, in order.
func runMoneyCases(t *testing.T, cases []moneyCase) {
	if testing.Short() {
		t.Skip("loads the segmenter")
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := extractLines(t, "", c.lines...)
			var money []int
			for i, f := range got {
				if f.Kind == "money" {
					money = append(money, i)
				}
			}
			if len(money) != len(c.want) {
				t.Errorf("got %d money facts, want %d:\n%s", len(money), len(c.want), dump(got))
				return
			}
			for k, w := range c.want {
				checkFact(t, money[k], got, w)
			}
		})
	}
}
