package facts

import "testing"

// subjectCases are subject phrases of the general forms the walk back from
// an amount must read whole: synthetic snippets first, then real ones from
// documents of several regions.
var subjectCases = []moneyCase{
	{"a sum word after a flow names the sum", []string{"收入合计100万元，支出共计90万元，收入预算合计80万元。"},
		[]want{{Subject: "收入合计"}, {Subject: "支出共计"}, {Subject: "收入预算合计"}}},
	{"a sum word after a stock only says in all", []string{"政府债务余额合计100万元；政府债务限额共计120万元。"},
		[]want{{Subject: "政府债务余额"}, {Subject: "政府债务限额"}}},
	{"a sum word standing alone names nothing", []string{"调入资金10万元、上年结转5万元，合计15万元。"},
		[]want{{Subject: "调入资金"}, {Subject: "上年结转"}, {Value: "150000"}}},
	{"各 inside a listed name", []string{"一般公共预算收入，加转移支付收入、各区市上解收入和上年结转收入等30万元。"},
		[]want{{Subject: "转移支付收入、各区市上解收入和上年结转收入", Value: "300000"}}},
	// weihai_2025_govwide_budget_execution_report 2:11 (山东, PDF)
	{"weihai: 加…等, 收入共计", []string{"2025 年，市本级一般公共预算收入 137265万元，完成预算的 103.2%，下降 3.6%。一般公共预算收入，加地方政府一般债务转贷收入、返还性收入、转移支付收入、各区市上解收入和上年结转收入等2761985 万元，收入共计 2899250 万元。"},
		[]want{{Subject: "市本级一般公共预算收入"}, {Subject: "地方政府一般债务转贷收入、返还性收入、转移支付收入、各区市上解收入和上年结转收入"}, {Subject: "收入共计", Value: "28992500000"}}},
	// jiangsu_jianchayuan_2018_dept_budget 25:9 (江苏, PDF)
	{"jianchayuan: 本年收入预算合计", []string{"省检察院本年收入预算合计21,955.35万元。"},
		[]want{{Subject: "省检察院本年收入预算合计", Value: "219553500"}}},
	// changsha_2025_govwide_budget_report (湖南, HTML)
	{"changsha: 加上…，收入合计", []string{"市本级国有资本经营预算收入10亿元，加上上级补助收入0.22亿元，上年结转0.06亿元，收入合计10.28亿元。"},
		[]want{{Subject: "市本级国有资本经营预算收入"}, {Subject: "上级补助收入"}, {Subject: "上年结转"}, {Subject: "收入合计", Value: "1028000000"}}},
	{"the purpose after 用于 names the amount whole", []string{"债券资金用于收储土地10万元；用于偿还到期本金20万元；用于项目建设的专项债券30万元。"},
		[]want{{Subject: "收储土地", Value: "100000"}, {Subject: "偿还到期本金", Value: "200000"}, {Subject: "专项债券", Value: "300000"}}},
	// jiangsu_yancheng_2026_govwide_budget_report 3:18 (江苏, PDF)
	{"yancheng: 用于 items with verbs", []string{"新增债券用于保障性安居工程 14.52 亿元；用于收回收储存量土地 29.86 亿元；用于解决地方政府机关和全额拨款事业单位工程类拖欠企业账款5.23亿元；用于置换隐债15.1亿元。"},
		[]want{{Subject: "保障性安居工程"}, {Subject: "收回收储存量土地"}, {Subject: "解决地方政府机关和全额拨款事业单位工程类拖欠企业账款"}, {Subject: "置换隐债"}}},
	// weihai_2025_govwide_budget_execution_report 4:16 (山东, PDF)
	{"weihai: 主要用于 a project", []string{"2025 年，市本级共留用新增债券 81440 万元。主要用于博通热电大温差换热站及供热系统优化升级改造工程14000万元。"},
		[]want{{Subject: "新增债券"}, {Subject: "博通热电大温差换热站及供热系统优化升级改造工程", Value: "140000000"}}},
	// a place word (国内, 境外, 省内, 对外) scopes the noun after it
	{"a place word before a noun is part of its name", []string{"国内公务接待支出10万元，境外培训费5万元，对外宣传专项经费3万元。"},
		[]want{{Subject: "国内公务接待支出"}, {Subject: "境外培训费"}, {Subject: "对外宣传专项经费"}}},
	// shanghai_putuo_guihuaziyuanju_2024_dept_final 26:8 (上海, PDF)
	{"putuo 规划资源局: 国内公务接待支出", []string{"国内公务接待支出 0.39 万（含外宾接待支出 0.00 万元）。"},
		[]want{{Subject: "国内公务接待支出", Value: "3900"}, {Subject: "外宾接待支出", Value: "0"}}},
	// yunfu_2025_govwide_budget_report 24:6 (广东, PDF) and
	// shijiazhuang_2018_govwide_budget_report 15:15 (河北, PDF): 落实
	// (tagged an adjective) acts on the funds, it does not name them
	{"yunfu/shijiazhuang: a place word kept, the verb before it not", []string{"安排对外宣传专项经费700万元；按照政策，落实省内城际铁路建设募集资金2亿元。"},
		[]want{{Subject: "对外宣传专项经费"}, {Subject: "省内城际铁路建设募集资金"}}},
	// a quoted term with a number in it is part of the name after it, not a
	// count of its own: guyuan_2025_govwide_budget_report p20 and p32 (宁夏),
	// xuancheng_2025_govwide_budget_report p4 (安徽), lijiang (云南, HTML),
	// shijiazhuang_2018_govwide_budget_report p15 (河北)
	{"guyuan: 清欠“6·30”账款, “一张图”建设…经费", []string{"专项债务限额32.43亿元（用于项目建设10亿元、清欠“6·30”账款0.3亿元），自然资源管理和国土空间规划“一张图”建设基础数据获取经费50万元。"},
		[]want{{Subject: "专项债务限额"}, {Subject: "项目建设"}, {Subject: "清欠“6·30”账款", Value: "30000000"}, {Subject: "自然资源管理和国土空间规划“一张图”建设基础数据获取经费", Value: "500000"}}},
	{"xuancheng/lijiang/shijiazhuang: “宣十条”, “两项补贴”, “4+4”", []string{"为2.9万人次兑现“宣十条”人才政策资金1.2亿元；老年人补助及残疾人“两项补贴”配套资金3,546万元；“4+4”产业发展资金10亿元。"},
		[]want{{Subject: "“宣十条”人才政策资金", Value: "120000000"}, {Subject: "老年人补助及残疾人“两项补贴”配套资金", Value: "35460000"}, {Subject: "“4+4”产业发展资金", Value: "1000000000"}}},
	{"synthetic: a quoted slogan is no count", []string{"坚持“两个维护”，落实“八项规定”，三公经费10万元。"},
		[]want{{Subject: "三公经费", Value: "100000"}}},
	// shanghai_putuo_zhengfuban_2025_dept_budget p6 and
	// shanghai_caizhengju_2025_unit_budget p6: the quoted 科目 before 科目
	{"zhengfuban: “…-行政运行”科目 names the amount", []string{"1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元，主要用于行政单位的基本支出。“住房保障支出”科目2,180万元。"},
		[]want{{Subject: "一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行", Value: "12029500"}, {Subject: "住房保障支出", Value: "21800000"}}},
	// guyuan_2025_govwide_budget_report p26 (宁夏): a share in brackets
	// inside the name; shandong_province_2025_govwide_budget_report p172:
	// an amount inside a (含…) aside is named without the marker
	{"guyuan/shandong: 工会经费（60%部分）, （含政府债务外贷…）", []string{"——工会经费（60%部分）787.58 万元；新增债务限额 4398 亿元（含政府债务外贷 4.32 亿元）。"},
		[]want{{Subject: "工会经费（60%部分）", Value: "7875800"}, {Subject: "新增债务限额"}, {Subject: "政府债务外贷", Value: "432000000", Parent: 2}}},
	{"synthetic: a bracket after an amount is a remark on it, not the next name's", []string{"基本支出100万元（增长5%）项目支出50万元。"},
		[]want{{Subject: "基本支出"}, {Subject: "项目支出", Value: "500000"}}},
	{"synthetic: a bracket after a rate is a remark on it too", []string{"基本支出100万元，增长5%（上年为3%）项目支出50万元。"},
		[]want{{Subject: "基本支出"}, {Subject: "项目支出", Value: "500000"}}},
	// huainan_2025_govwide_budget_execution_report p3 (安徽),
	// shandong_province_2025_govwide_budget_report p173,
	// jiangsu_yancheng_2026_govwide_budget_report p9: a one-character head
	// (税, 额, 债) is named by the verb before it
	{"huainan/shandong/yancheng: 占用税, 举借额, 置换债", []string{"契税和耕地占用税 2.7 亿元，下降0.5%；政府债务外贷举借额 2.7 亿元；积极争取置换债 55.76 亿元。"},
		[]want{{Subject: "契税和耕地占用税", Value: "270000000"}, {Subject: "举借额", Value: "270000000"}, {Subject: "置换债", Value: "5576000000"}}},
	// ezhou_2025_govwide_budget_execution_report p10-11 (湖北): 分别达到
	// pairs the names with the amounts; a bare flow shares the first name
	{"ezhou: 收入、支出累计分别达到…, 社会保障、医疗卫生…分别达到…", []string{"“十四五”时期，地方一般公共预算收入、支出累计分别达到 442 亿元、764 亿元。社会保障、医疗卫生、教育、农业农村投入分别达到 87.3 亿元、69.2 亿元、98.1 亿元、72.6 亿元。"},
		[]want{{Subject: "地方一般公共预算收入", Value: "44200000000"}, {Subject: "地方一般公共预算支出", Value: "76400000000"},
			{Subject: "社会保障"}, {Subject: "医疗卫生"}, {Subject: "教育"}, {Subject: "农业农村投入"}}},
	{"synthetic: 分别为 with names of their own", []string{"因公出国（境）费、公务接待费分别为10万元、5万元。"},
		[]want{{Subject: "因公出国（境）费", Value: "100000"}, {Subject: "公务接待费", Value: "50000"}}},
	// kaifeng_2019_govwide_budget_report p24 (河南), weihai p136 (山东),
	// guangdong_province_2024_govwide_final_debt p126, qingdao p106: the
	// spending named by the funds it is paid from; a verb before the funds
	// names them also inside a longer name
	{"kaifeng/guangdong: …资金安排的支出, 农业土地开发资金收入", []string{"——农业土地开发资金安排的支出 5000 万元；——城市基础设施配套费安排的支出 5.7 亿元；农业土地开发资金收入1.68亿元，小型水库移民扶助基金收入3.41亿元。"},
		[]want{{Subject: "农业土地开发资金安排的支出", Value: "50000000"}, {Subject: "城市基础设施配套费安排的支出", Value: "570000000"},
			{Subject: "农业土地开发资金收入", Value: "168000000"}, {Subject: "小型水库移民扶助基金收入", Value: "341000000"}}},
	{"synthetic: 的 elsewhere still ends a name", []string{"本年度的支出100万元，安排的支出50万元。"},
		[]want{{Subject: "支出", Value: "1000000"}, {Value: "500000"}}},
	// guyuan_2025_govwide_budget_report p106 (宁夏): an estimate word inside
	// the name; shandong_province_2025_govwide_budget_report p48: a noun
	// and its verb before the flow
	{"guyuan/shandong: 一般公共预算预计收入, 乡村振兴支出", []string{"2026年，地方一般公共预算预计收入60,700万元，同比增长3%；一般公共预算预计支出464,425万元。（四）乡村振兴支出 23.06亿元。主要用于支持农村综合改革。"},
		[]want{{Subject: "地方一般公共预算收入", Value: "607000000"}, {Subject: "一般公共预算支出", Value: "4644250000"}, {Subject: "乡村振兴支出", Value: "2306000000"}}},
	{"synthetic: 相应安排支出 and 累计结余 keep no verb", []string{"相应安排支出100万元。基金累计结余50万元。"},
		[]want{{Subject: "安排支出"}, {Value: "500000"}}},
	// lijiang_2025_govwide_budget_report (云南, HTML), luoyang_2025 p4 (河南):
	// 县 is tagged zg, a tag the walk did not keep
	{"lijiang/luoyang: 县(区)上解收入, 县区政府债务限额", []string{"加上上级补助收入1,186,259万元,县(区)上解收入34,316万元。县区政府债务限额1284.6亿元。"},
		[]want{{Subject: "上级补助收入"}, {Subject: "县(区)上解收入", Value: "343160000"}, {Subject: "县区政府债务限额", Value: "128460000000"}}},
	{"涉及资金 names the funds a measure touches", []string{"对5个项目开展评估，涉及资金300万元。"},
		[]want{{Subject: "涉及资金", Value: "3000000"}}},
	// jiangsu_yancheng_2026_govwide_budget_report 4:10 (江苏, PDF)
	{"yancheng: 事前绩效评估，涉及资金", []string{"对19个新增项目开展事前绩效评估，涉及资金9214万元，从源头严把预算入口关。"},
		[]want{{Subject: "涉及资金", Value: "92140000"}}},
	{"an estimate or reach word between the thing and its predicate ends no name", []string{"一般公共预算收入预计完成100万元，基金收入预期50万元，税收收入突破30万元，一般公共预算支出实际完成20万元。"},
		[]want{{Subject: "一般公共预算收入", Value: "1000000"}, {Subject: "基金收入", Value: "500000"}, {Subject: "税收收入", Value: "300000"}, {Subject: "一般公共预算支出", Value: "200000"}}},
	// yueyang_2025_govwide_budget_report 2:1 (湖南, PDF)
	{"yueyang: 预计完成", []string{"2025 年，全市一般公共预算地方收入预计完成 207 亿元左右，同比增长 3.2%左右。其中地方税收收入预计完成 113.5 亿元，下降 5.5%。"},
		[]want{{Subject: "全市一般公共预算地方收入", Value: "20700000000"}, {Subject: "地方税收收入", Value: "11350000000"}}},
	// changsha_2025_govwide_budget_report (湖南, HTML); tianjin_2025_govwide_budget_report 2:7 (天津, PDF)
	{"changsha and tianjin: 预期, 突破", []string{"全市政府性基金预算收入预期300亿元。全市一般公共预算收入突破２２００亿元,税收收入规模创历史新高。"},
		[]want{{Subject: "全市政府性基金预算收入", Value: "30000000000"}, {Subject: "全市一般公共预算收入", Value: "220000000000"}}},
	{"a collective before the head noun is part of its name", []string{"上级下达各类补助100万元，解决改革遗留问题各项支出6万元，盘活各类存量资金5万元。"},
		[]want{{Subject: "各类补助", Value: "1000000"}, {Subject: "改革遗留问题各项支出", Value: "60000"}, {Subject: "各类存量资金", Value: "50000"}}},
	// yueyang_2025_govwide_budget_report 2:20 (湖南, PDF); guyuan_2025_govwide_budget_report 19:23 (宁夏, PDF)
	{"yueyang and guyuan: 各类补助, 各项支出", []string{"省对我市下达各类补助 318.5 亿元。支出383万元，其中：调入一般公共预算统筹使用377万元，解决历史遗留问题及国企改革各项支出6万元。"},
		[]want{{Subject: "各类补助", Value: "31850000000"}, {Subject: "支出"}, {Subject: "调入一般公共预算统筹使用"}, {Subject: "历史遗留问题及国企改革各项支出", Value: "60000"}}},
	{"the levels funds go between are part of their name", []string{"减去市对区转移支付净补助50万元，省对下补助支出20万元，中央对地方审计专项补助经费3万元。"},
		[]want{{Subject: "市对区转移支付净补助", Value: "500000"}, {Subject: "省对下补助支出", Value: "200000"}, {Subject: "中央对地方审计专项补助经费", Value: "30000"}}},
	// tianjin_2025_govwide_budget_report 3:18 (天津, PDF); huainan_2025_govwide_budget_execution_report 3:16 (安徽, PDF)
	{"tianjin and huainan: 市对区, 市对县区", []string{"调入资金等３４.１亿元,减去市对区转移支付净补助５１８.１亿元,预算总收入为１３３０.１亿元.", "市对县区转移支付100亿元。"},
		[]want{{Subject: "调入资金"}, {Subject: "市对区转移支付净补助", Value: "51810000000"}, {Subject: "预算总收入"}, {Subject: "市对县区转移支付", Value: "10000000000"}}},
	{"a quoted term names whole, numerals and all", []string{"安排“三公”经费10万元，“十四五”规划资金20万元。"},
		[]want{{Subject: "“三公”经费", Value: "100000"}, {Subject: "“十四五”规划资金", Value: "200000"}}},
	// lijiang_2025_govwide_budget_report 1:131 (云南, HTML); shandong_province_2025_govwide_budget_report 40:8 (山东, PDF)
	{"lijiang and shandong: quoted terms", []string{"争取国债“两重”资金5亿元。", "增值税“五五分享”税收返还120亿元。"},
		[]want{{Subject: "国债“两重”资金", Value: "500000000"}, {Subject: "增值税“五五分享”税收返还", Value: "12000000000"}}},
	{"an amount opening a line after a line that stopped mid-sentence", []string{"全年投入教育资金", "20万元，支持学校建设。"},
		[]want{{Subject: "教育资金", Value: "200000"}}},
	{"a word split over the two lines", []string{"——农林水支", "出3亿元。主要用于乡村振兴。"},
		[]want{{Subject: "农林水支出", Value: "300000000"}}},
	{"a line that ends a clause lends nothing", []string{"支持学校建设。", "20万元用于校舍维修。"},
		[]want{{Subject: "", Value: "200000"}}},
	{"an amount after text of its own line keeps its own subject", []string{"全年投入教育资金", "其中校舍维修20万元。"},
		[]want{{Subject: "校舍维修", Value: "200000"}}},
	// hohhot_2024_govwide_budget_report 1:196-197 (内蒙古, PDF set in
	// columns)
	{"hohhot: ——…事务支 / 出3.47亿元", []string{"——资源勘探工业信息等支出", "0.69亿元。主要用于支持中小企业发展。", "——商业服务业等事务支", "出3.47亿元。主要用于商贸流通服务业发展。"},
		[]want{{Subject: "资源勘探工业信息等支出", Value: "69000000"}, {Subject: "商业服务业等事务支出", Value: "347000000"}}},
	// shanghai_putuo_shiquanlujiedao_2026_unit_budget 34:11 (上海, pages)
	{"shiquanlujiedao: 政府采购服务预算 / 637.61万元", []string{"2026年度本单位政府采购预算1407.19万元，其中：政府采购货物预算0万元、政府采购工程预算769.58万元、政府采购服务预算", "637.61万元。"},
		[]want{{Subject: "政府采购预算"}, {Subject: "政府采购货物预算"}, {Subject: "政府采购工程预算"}, {Subject: "政府采购服务预算", Value: "6376100"}}},
	{"完成年初预算数 after the thing is its budget", []string{"全市社会保险基金收入114.3亿元，完成年初预算数112.76亿元的101.37%。"},
		[]want{{Subject: "全市社会保险基金收入"}, {Subject: "全市社会保险基金收入年初预算", Value: "11276000000"}}},
	{"a verb that names the funds", []string{"投入湖泊保护资金10万元，统筹资金5万元。"},
		[]want{{Subject: "湖泊保护资金", Value: "100000"}, {Subject: "统筹资金", Value: "50000"}}},
	// dali_2025_govwide_budget_report (云南, HTML)
	{"dali: 洱海保护资金, 贷款贴息资金", []string{"打好“洱海保护治理”攻坚战，投入洱海保护资金13.61亿元。兑付2024年创业担保贷款贴息资金8,119万元。"},
		[]want{{Subject: "洱海保护资金", Value: "1361000000"}, {Subject: "贷款贴息资金", Value: "81190000"}}},
	// shijiazhuang_2018_govwide_budget_report 15:19 (河北, PDF)
	{"shijiazhuang: 减排资金", []string{"争取大气污染防治减排资金1亿元。"},
		[]want{{Subject: "大气污染防治减排资金", Value: "100000000"}}},
	{"buying goods, works or services names a procurement category", []string{"拟购买服务支出30万元，购买货物10万元；购买设备5万元。"},
		[]want{{Subject: "购买服务支出", Value: "300000"}, {Subject: "购买货物", Value: "100000"}, {Subject: "设备", Value: "50000"}}},
	// jiangsu_renda_2019_dept_budget 17:6 (江苏, PDF); jiangsu_gaoyuan_2017_dept_budget 26:3 (江苏, PDF)
	{"renda and gaoyuan: 拟采购货物支出、拟购买服务支出", []string{"2019年度本部门政府采购支出预算总额2416.43万元，其中：拟采购货物支出233.1万元、拟购买服务支出2183.33万元。", "其中拟购买货物 525.4万元；拟购买工程 500 万元；拟购买服务 2717万元。"},
		[]want{{Subject: "政府采购支出预算总额"}, {Subject: "采购货物支出"}, {Subject: "购买服务支出", Value: "21833300"}, {Subject: "购买货物"}, {Subject: "购买工程"}, {Subject: "购买服务", Value: "27170000"}}},
	{"a leading 单位 is part of a name; 本单位 is the reporting body", []string{"单位预留机动经费100万元，本单位收入预算20万元。"},
		[]want{{Subject: "单位预留机动经费", Value: "1000000"}, {Subject: "收入预算", Value: "200000"}}},
	// jiangsu_renda_2019_dept_budget 11:20 (江苏, PDF); jiangsu_shengweiban_2019_dept_budget 8:23 (江苏, PDF)
	{"renda and shengweiban: 单位预留机动经费", []string{"单位预留机动经费2557.89万元，占13.95%；", "单位预留机动经费2938.21万元，占10.62%。"},
		[]want{{Subject: "单位预留机动经费", Value: "25578900"}, {Subject: "单位预留机动经费", Value: "29382100"}}},
	{"a body named before 单位 is the entity", []string{"区第一中心医院单位公用经费20万元，区直单位经费10万元。"},
		[]want{{Subject: "单位公用经费", Entity: "区第一中心医院", Value: "200000"}, {Subject: "单位经费", Value: "100000"}}},
	// jiangsu_jianchayuan_2018_dept_budget 25:3 (江苏, PDF)
	{"jianchayuan: 南京、徐州铁路检察院单位预留机动经费", []string{"2018年省检察院机关本级及南京、徐州铁路检察院单位预留机动经费预算数为  2,388.04  万元。"},
		[]want{{Subject: "单位预留机动经费预算数", Entity: "徐州铁路检察院", Value: "23880400"}}},
	{"a 科目 name opens with its negation and keeps its 、 list before 等", []string{"1．未归口管理行政单位离退休费（项）支出30万元。", "2．办案、培训、宣传等专项支出（项）20万元，未安排资金10万元。"},
		[]want{{Subject: "未归口管理行政单位离退休费（项）支出", Value: "300000"}, {Subject: "办案、培训、宣传等专项支出（项）", Value: "200000"}, {Subject: "安排资金", Value: "100000"}}},
	// jiangsu_jianchayuan_2018_dept_budget 26:17, 26:23 (江苏, PDF)
	{"jianchayuan: 公诉、审判…等检察监督支出(项), 未归口管理…(项)支出", []string{"3．公诉、审判、侦查、执行等检察监督支出（项）1,895万元，与上年相比减少  134 万元，降幅  0.66  %。", "1．未归口管理行政单位离退休费（项）支出 371.92 万元，与上年相比减少  1,649.26 万元，降幅  81.6  %。"},
		[]want{{Subject: "公诉、审判、侦查、执行等检察监督支出（项）", Value: "18950000"}, {Subject: "未归口管理行政单位离退休费（项）支出", Value: "3719200"}}},
	// jiangsu_renda_2019_dept_budget 13:22 (江苏, PDF); jiangsu_shengweiban_2018_dept_budget (江苏, PDF)
	{"renda and shengweiban: a 科目 path is the subject whole", []string{"1．行政事业单位离退休（类）未归口管理的行政单位离退休支出（项）271.45万元，与上年相比增加14.69万元，增加5.72%。", "1．行政事业单位离退休（款）未归口管理的行政单位离退休（项）支出248.77万元，与上年相比减少1751.62万元，减少87.56%。"},
		[]want{{Subject: "行政事业单位离退休（类）未归口管理的行政单位离退休支出（项）", Value: "2714500"}, {Subject: "行政事业单位离退休（款）未归口管理的行政单位离退休（项）支出", Value: "2487700"}}},
	{"the bodies 各 gathers say whose amount it is", []string{"下属各单位公用经费预算50万元；各部门项目支出30万元。收回预算单位存量资金10万元。"},
		[]want{{Subject: "公用经费预算", Value: "500000"}, {Subject: "项目支出", Value: "300000"}, {Subject: "预算单位存量资金", Value: "100000"}}},
	// chongqing_jiaotongwei_2018_dept_budget 1:88 (重庆, HTML)
	{"chongqing: 所属各预算单位政府采购预算总额", []string{"2018年，重庆市交通委员会所属各预算单位政府采购预算总额6060.41万元，其中：政府采购货物预算4728.6万元、政府采购工程预算0万元、政府采购服务预算1331.81万元。"},
		[]want{{Subject: "政府采购预算总额", Value: "60604100"}, {Subject: "政府采购货物预算"}, {Subject: "政府采购工程预算"}, {Subject: "政府采购服务预算"}}},
	{"the two flows before one head are one total", []string{"收入、支出总计20万元。一般公共预算收入、支出分别为10万元和9万元。"},
		[]want{{Subject: "收入、支出总计", Value: "200000"}, {Subject: "一般公共预算收入", Value: "100000"}, {Subject: "一般公共预算支出", Value: "90000"}}},
	{"what is reserved, and for whom, names the reserve", []string{"预留机动经费30万元，面向残疾人企业预留采购项目预算10万元，预留给小型企业的采购项目预算5万元。"},
		[]want{{Subject: "预留机动经费", Value: "300000"}, {Subject: "面向残疾人企业预留采购项目预算", Value: "100000"}, {Subject: "采购项目预算", Value: "50000"}}},
	// shanghai_putuo_caizhengju_2024_dept_final 24:6-7 (上海, PDF); jiangsu_renda_2018_dept_budget 24:14 (江苏, PDF)
	{"caizhengju and renda: 面向中小企业预留…, 预留机动经费", []string{"2024年度本部门面向中小企业预留政府采购项目预算金额246.47万元，面向小微企业预留政府采购项目预算金额0万元。", "主要原因是上年度列入此项的预留机动经费128.43万元本年度调入行政运行项。"},
		[]want{{Subject: "面向中小企业预留政府采购项目预算金额", Value: "2464700"}, {Subject: "面向小微企业预留政府采购项目预算金额", Value: "0"}, {Subject: "预留机动经费", Value: "1284300"}}},
	{"a measure word opens no name: the word before it is its own", []string{"省下达提前批新增债券额度10亿元。"},
		[]want{{Subject: "提前批新增债券额度", Value: "1000000000"}}},
	// haikou_2025_govwide_budget_report 1:363 (海南, HTML); jincheng_2025_govwide_budget_report 21:16 (山西, PDF)
	{"haikou and jincheng: 提前批", []string{"积极争取省转贷我市2026年提前批新增债券额度78.1亿元，其中，提前批新增一般债额度2.3亿元。", "省财政厅下达我市2026年提前批新增政府债务限额31.48亿元。"},
		[]want{{Subject: "提前批新增债券额度"}, {Subject: "提前批新增一般债额度"}, {Subject: "提前批新增政府债务限额", Value: "3148000000"}}},
	{"a word the segmenter does not know is part of the name it opens; a pronoun or a time is not", []string{"争取新增地债资金10亿元，我区基本建设项目5万元。"},
		[]want{{Subject: "新增地债资金", Value: "1000000000"}, {Subject: "基本建设项目", Value: "50000"}}},
	// jiangsu_suqian_2026_govwide_budget_report 3:7 (江苏, PDF); weihai_2025_govwide_budget_execution_report (山东, PDF)
	{"suqian and weihai: 苏宿园区, 优军优抚资金", []string{"苏宿园区一般公共预算收入8.61亿元，加上", "就业创业资金16834万元，优军优抚资金4946万元。"},
		[]want{{Subject: "苏宿园区一般公共预算收入", Value: "861000000"}, {Subject: "就业创业资金"}, {Subject: "优军优抚资金", Value: "49460000"}}},
	{"安排 inside a listed name; a note mark before 等", []string{"加上调出资金、安排储备基金等10万元，加上转贷收入、动用储备基金[2]等5万元。"},
		[]want{{Subject: "调出资金、安排储备基金", Value: "100000"}, {Subject: "转贷收入、动用储备基金", Value: "50000"}}},
	// haikou_2025_govwide_budget_report 1:363 (海南, HTML); jincheng_2025_govwide_budget_report 6:12 (山西, PDF), no list
	{"haikou and jincheng: 、安排预算稳定调节基金", []string{"加上债务转贷收入、上级补助收入、动用预算稳定调节基金[1]等274.6亿元，收入总计528.4亿元。加上债务还本支出、上解上级支出、安排预算稳定调节基金等150.1亿元，支出总计486.8亿元。", "加上解上级支出0.05亿元、安排预算稳定调节基金0.3亿元。"},
		[]want{{Subject: "债务转贷收入、上级补助收入、动用预算稳定调节基金"}, {Subject: "收入总计"}, {Subject: "债务还本支出、上解上级支出、安排预算稳定调节基金", Value: "15010000000"}, {Subject: "支出总计"},
			{Subject: "上级支出"}, {Subject: "预算稳定调节基金", Value: "30000000"}}},
	{"到期 names the debt that falls due", []string{"偿还到期债券本金10亿元，到期本息2亿元。"},
		[]want{{Subject: "到期债券本金", Value: "1000000000"}, {Subject: "到期本息", Value: "200000000"}}},
	// haikou_2025_govwide_budget_report 1:363 (海南, HTML); fuxin_2025_govwide_final_report (辽宁, HTML); guyuan_2025_govwide_budget_report 107:20 (宁夏, PDF)
	{"haikou, fuxin and guyuan: 到期…本息", []string{"筹集资金及时偿还到期政府债务本息106.3亿元。", "按时足额偿还到期债务本息35.18亿元。", "其中：到期债券本金6.56亿元。"},
		[]want{{Subject: "到期政府债务本息", Value: "10630000000"}, {Subject: "到期债务本息", Value: "3518000000"}, {Subject: "到期债券本金", Value: "656000000"}}},
	{"结算 is a budget noun", []string{"完成工程结算评审项目5个。体制结算收入3万元。"},
		[]want{{Subject: "体制结算收入", Value: "30000"}}},
	// qingdao_2025_govwide_budget_report 69:20 (山东, PDF); haikou_2025_govwide_budget_report 1:363 (海南, HTML)
	{"qingdao and haikou: 体制结算收入, 工程结算评审项目", []string{"当年收入加上上级税收返还和体制结算收入129.38亿元。", "累计完成工程结算评审项目51个，节约6.3亿元，核减率达16.7%。"},
		[]want{{Subject: "上级税收返还和体制结算收入", Value: "12938000000"}, {Subject: "工程结算评审项目节约", Value: "630000000"}}},
}

func TestSubjects(t *testing.T) { runMoneyCases(t, subjectCases) }
