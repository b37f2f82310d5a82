package facts

import "testing"

// debtWordCases: the wording of government debt and revenue paragraphs —
// a verb that names a fee (发行费), a repayment named by its source
// (预算安排偿还, 再融资债券偿还), a revenue's shortfall (短收). Real lines of
// 固原 2025 (宁夏), 盐城 2026 (江苏), 威海 2025 (山东), 淮南 2025 (安徽) and
// 石家庄 2018 (河北), and synthetic lines of the same forms; and 隐债, a term
// of these reports.
var debtWordCases = []moneyCase{
	{"盐城: 付息和发行费支出", []string{"全市政府债务财力还本支出 12.61 亿元，付息和发行费支出59.65亿元。"},
		[]want{{Subject: "全市政府债务财力还本支出", Value: "1261000000"}, {Subject: "付息和发行费支出", Value: "5965000000"}}},
	{"威海: 债务利息及发行费支出", []string{"一般债务利息及发行费支出42.8亿元。"},
		[]want{{Subject: "一般债务利息及发行费支出", Value: "4280000000"}}},
	{"淮南: 发行费用", []string{"安排专项债券利息及发行费用5.3亿元。"},
		[]want{{Subject: "专项债券利息及发行费用", Value: "530000000"}}},
	{"synthetic: a fee named by its verb", []string{"支付债券登记托管费和兑付手续费0.2亿元，评审费用30万元。"},
		[]want{{Value: "20000000"}, {Subject: "评审费用", Value: "300000"}}},
	{"固原: repayments named by their source", []string{"当年偿还债务20.05亿元（预算安排偿还3.01亿元、再融资债券偿还17.04亿元），年末债务余额327.21亿元。"},
		[]want{{Subject: "偿还债务", Value: "2005000000"}, {Subject: "预算安排偿还", Value: "301000000", Parent: 1},
			{Subject: "再融资债券偿还", Value: "1704000000", Parent: 1}, {Subject: "年末债务余额", Value: "32721000000"}}},
	{"synthetic: 偿还 inside the phrase is a verb", []string{"偿还地方政府债券本金39.17亿元，自有财力偿还5亿元。"},
		[]want{{Subject: "地方政府债券本金", Value: "3917000000"}, {Subject: "财力偿还", Value: "500000000"}}},
	{"固原: 短收", []string{"市本级地方一般公共预算收入 5.89 亿元，完成年度预算的 95.88%，短收 0.25 亿元。"},
		[]want{{Subject: "市本级地方一般公共预算收入", Value: "589000000"}, {Subject: "短收", Value: "25000000"}}},
	{"石家庄: 收入短收", []string{"土地出让金收入短收3.7亿元。"},
		[]want{{Subject: "土地出让金收入短收", Value: "370000000"}}},
	{"synthetic: 超收收入", []string{"超收收入612万元。"},
		[]want{{Subject: "超收收入", Value: "6120000"}}},
	// 隐债 (隐性债务) is in the budget dictionary: jieba alone tags it x,
	// like punctuation, and the amount lost its subject.
	{"盐城: 用于置换隐债", []string{"用于收回收储存量土地 29.86 亿元；用于置换隐债15.1亿元。"},
		[]want{{Subject: "收回收储存量土地", Value: "2986000000"}, {Subject: "置换隐债", Value: "1510000000"}}}, // the purpose after 用于 whole
	{"固原: 化解隐债", []string{"新增专项债务限额32.43亿元（用于项目建设10亿元、化解隐债7.13亿元）。"},
		[]want{{Subject: "新增专项债务限额", Value: "3243000000"}, {Value: "1000000000"}, {Subject: "隐债", Value: "713000000"}}},
}

func TestDebtWords(t *testing.T) { runMoneyCases(t, debtWordCases) }
