package check

import (
	"testing"

	"github.com/budgetdoc/budgetdoc/schema"
)

// The precision of the rules on government-wide reports (issue 14): each
// case is a snippet of a real report (file and page named) or of the
// general form of a passage that such reports write.

var (
	gov2026 = schema.Meta{FiscalYear: 2026, ExecutionYear: 2025, Kind: schema.KindBudget, Scope: schema.ScopeGovernment,
		Coverage: schema.CoverageBoth, Title: "关于2025年预算执行情况和2026年预算草案的报告"}
	gov2024Final = schema.Meta{FiscalYear: 2024, Kind: schema.KindFinalAccounts, Scope: schema.ScopeGovernment,
		Title: "关于2024年省级决算草案的报告"}
)

func TestGovernmentProfile(t *testing.T) {
	for _, m := range []schema.Meta{gov2026, gov2024Final} {
		res := docOf(m, []string{"一、2025年预算执行情况", "全市一般公共预算收入完成1093.35亿元。"})
		if p, err := SelectProfile("", res); err != nil || p != nil {
			t.Errorf("%s: profile %v, %v; want none (department sections are not demanded of a government)", m.Title, p, err)
		}
	}
	// chaoyang_2025_govwide_budget_report.pdf, fuxin_2025_govwide_final_report.html:
	// no 机关运行经费 or 政府采购 section, and nothing reported
	runCases(t, MissingSection, []ruleCase{
		{"government budget", gov2026, [][]string{{"一、2025年预算执行情况", "“三公”经费支出下降3.5%。"}}, nil},
		{"government final", gov2024Final, [][]string{{"一、2024年省级决算情况"}}, nil},
	})
}

func TestBaseYearGovernment(t *testing.T) {
	runCases(t, BaseYear, []ruleCase{
		// jinan_2025_govwide_budget_report.pdf p1, changsha_2025_govwide_budget_report.html:
		// 与 joins the two parts of the report's title
		{"与 as and", gov2026, [][]string{{"关于济南市2025年预算执行情况与2026年预算草案的报告", "现将2025年全市和市本级预算执行情况与2026年全市和市本级预算草案提请市第十六届人民代表大会第六次会议审查。"}}, nil},
		// a 2026 draft measured against the 2025 execution it reports
		{"execution year", gov2026, [][]string{{"2026年全市一般公共预算收入安排1130亿元，比2025年执行数增长3.4%。"}}, nil},
		// guangdong_province_2024_govwide_final_debt.pdf p187, jiaozuo p17: other
		// years' department budgets and the day the report was written
		{"department years and debt dates", gov2024Final, [][]string{{"全面开展2023年度部门预算绩效自评。", "截至2025年2月4日，全市政府债务余额283.26亿元。"}}, nil},
		// the general form that stays an error
		{"与…相比 the own year", gov2026, [][]string{{"2026年全市一般公共预算收入1130亿元，与2026年预算相比增加40亿元。"}}, []string{"1:1 error 与2026年"}},
		{"比 the own year", gov2026, [][]string{{"市本级支出比2026年预算增加12亿元。"}}, []string{"1:1 error 比2026年预算增加12亿元"}},
	})
}

func TestCrossTotalGovernment(t *testing.T) {
	runCases(t, CrossTotal, []ruleCase{
		// haikou_2025_govwide_budget_report.html, dali_2025_govwide_budget_report.html:
		// one 收入总计 per budget and per scope
		{"many budgets", gov2026, [][]string{{"全市一般公共预算收入总计528.4亿元，支出总计486.8亿元。", "全市政府性基金预算收入总计477.7亿元，支出总计440.5亿元。"}}, nil},
		// shenzhen_2025_govwide_budget_report.pdf p62–64: a bundle whose scope
		// was not recognised is not judged as a department
		{"unknown scope", schema.Meta{FiscalYear: 2026}, [][]string{{"收入总计 3323.1 亿元，支出总计 3323.1 亿元。", "收入总计 2014.1 亿元，支出总计 2014.1 亿元。"}}, nil},
		// the department form that stays an error
		{"department", budget2026Dept, [][]string{{"收入预算总额24169.74万元。", "支出预算总额24196.74万元。", "本部门收入预算总额24196.74万元。"}}, []string{"1:3 error 24196\\.74万元"}},
	})
}

func TestShareMismatchCompletionRate(t *testing.T) {
	runCases(t, ShareMismatch, []ruleCase{
		// shandong_province_2025_govwide_budget_report.pdf p10, shijiazhuang_2018 p3:
		// 占预算的X% is a completion rate, not a share of a whole
		{"completion rates", gov2026, [][]string{{"全省一般公共预算收入完成7864.26亿元，占预算的100.3%。其中，税收收入359.9亿元，占预算的101.8%；非税收入159.7亿元，占预算的104.3%。"}}, nil},
		// zhangye_2025_govwide_budget_report.html: 占调整及变动预算的
		{"adjusted budget", gov2026, [][]string{{"全市一般公共预算支出完成194.4亿元，占调整及变动预算的84.1%。市级一般公共预算支出完成29亿元，占调整及变动预算的93.1%。"}}, nil},
		// guangdong_province_2024_govwide_final_debt.pdf p13: the total is
		// before the aside, not the last amount in it
		{"aside before the breakdown", gov2024Final, [][]string{{"累计收到超长期特别国债资金359.62亿元（其中，广东地区290.4亿元、深圳市69.22亿元），全部及时分解下达和安排使用，其中，用于支持“两重”项目建设161.37亿元，占比44.9%；支持实施“两新”政策198.25亿元，占比55.1%。"}}, nil},
		// the general form that stays an error: shares of one whole
		{"shares", gov2026, [][]string{{"一般公共预算支出100亿元，其中：教育支出30亿元，占30%；卫生健康支出20亿元，占25%。"}}, []string{"1:1 error 卫生健康支出20亿元，占25%"}},
	})
}

func TestSumMismatchNesting(t *testing.T) {
	runCases(t, SumMismatch, []ruleCase{
		// shanghai_2025_govwide_budget_report.html: the part's own part in （含…）
		{"aside part", gov2026, [][]string{{"2025年，市对区一般公共预算转移支付1029.3亿元，完成调整预算的97.7%，其中：一般性转移支付837.7亿元（含共同财政事权转移支付62.7亿元），专项转移支付191.6亿元。"}}, nil},
		// jiaozuo_2025_govwide_budget_report.pdf p5, luoyang p4: the total in the aside
		{"aside total", gov2026, [][]string{{"市级政府债务限额283.26亿元（含高新区73.16亿元），其中：一般债务78.5亿元、专项债务204.76亿元。"}}, nil},
		// dongguan_2025_govwide_budget_report.pdf p6: a "part" larger than its total
		{"part larger than the whole", gov2026, [][]string{{"全市政府性基金预算收入138.49亿元，其中：土地出让收入96.35亿元，全市政府性基金预算总收入589.73亿元。"}}, nil},
		// jincheng_2025_govwide_budget_report.pdf p2: 其中 lists the main items only
		{"main items", gov2026, [][]string{{"全市一般公共预算支出执行392.05亿元，为变动预算的95.4%，下降5.4%。其中：教育支出执行48.58亿元，增长0.2%；科学技术支出执行3.02亿元，增长20.7%。"}}, nil},
		// dongguan_2025_govwide_budget_report.pdf p13: 投入…；投入… side by side,
		// and a standard per person
		{"parallel statements", gov2026, [][]string{{"投入2.01亿元，用于低保、特困及残疾人等社会弱势群体补贴和救助，包括将孤儿基本生活保障最低标准提高到每人每月2,375元；投入1.36亿元，用于养老事业；投入0.94亿元，开展专项活动。"}}, nil},
		// guyuan_2025_govwide_budget_report.pdf p107: 分别为
		{"side by side", gov2026, [][]string{{"预计收入分别为328,417万元和331,701万元，预计支出分别为272,676万元和275,402万元。"}}, nil},
		// yueyang_2025_govwide_budget_report.pdf p15: income, spending and
		// balance of each fund after 其中
		{"several measures per item", gov2026, [][]string{{"上年结转91.3亿元；滚存结余98.4亿元。其中：机关事业单位养老保险基金收入9.5亿元，支出9.1亿元，滚存结余2亿元；城镇职工基本医疗保险基金收入32亿元，支出29.5亿元，滚存结余45.6亿元；城乡居民基本医疗保险基金收入47.7亿元，支出44.2亿元，滚存结余50.2亿元。"}}, nil},
		// hohhot_2024_govwide_budget_report.pdf p1 (abridged), and the
		// general form: the parts follow the base of a completion rate, and
		// each part has its own base. The parts add up to the total, not to
		// its base, within the rounding of 亿元 to two places.
		{"rate base before the parts", gov2026, [][]string{{"2024年，全市社会保险基金收入114.3亿元，完成年初预算112.76亿元的101.37%。其中，城乡居民社会养老保险基金收入10.75亿元，完成年初预算9.27亿元的115.97%；机关事业单位养老保险基金收入37.54亿元，完成年初预算38.45亿元的97.63%；城镇职工基本医疗保险基金收入48.69亿元；城乡居民基本医疗保险基金收入17.31亿元。"}},
			[]string{"1:1 info 全市社会保险基金收入114\\.3亿元"}},
		{"rate base, 万元", gov2026, [][]string{{"市本级政府性基金预算支出9.6亿元，为预算数8.2亿元的117.1%，其中：城市建设支出5.1亿元，土地出让支出4.5亿元。"}}, nil},
		// the general form that stays an error: parts over the whole
		{"over", gov2026, [][]string{{"市本级一般公共预算支出100亿元，其中：基本支出60亿元，项目支出50亿元。"}}, []string{"1:1 error 100亿元"}},
	})
}

func TestChangeMismatchGovernment(t *testing.T) {
	runCases(t, ChangeMismatch, []ruleCase{
		// jinan_2025_govwide_budget_report.pdf p8, huainan p10: 年均增长 over five years
		{"yearly average", gov2026, [][]string{{"全市一般公共预算收入由2020年的906.08亿元增长到2025年的1093.35亿元，年均增长3.9%。", "全市一般公共预算收入从2020年的104亿元增长至2025年的139亿元，年均增长6%。"}}, nil},
		// jingdezhen_2025_govwide_budget_report.pdf p13: the amount is the base
		{"base amount", gov2026, [][]string{{"“十四五”时期全市一般公共预算收入195.09亿元，比“十三五”时期的169.88亿元增加25.21亿元，增长14.8%。"}}, nil},
		// lijiang_2025_govwide_budget_report.html: the change after an aside
		{"after an aside", gov2026, [][]string{{"市本级安排项目投资专项资金6,000万元(重点项目前期经费4,000万元、项目投资奖补及配套资金2,000万元),较上年增加1,800万元、增长43%。"}}, nil},
		// the general form that stays an error
		{"wrong percent", gov2026, [][]string{{"2025年全市一般公共预算收入100亿元，2026年预算安排110亿元，比2025年执行数增长20%。"}}, []string{"1:1 error 100亿元"}},
	})
}

func TestEmptyReasonOpenQuote(t *testing.T) {
	runCases(t, EmptyReason, []ruleCase{
		// guyuan_2025_govwide_budget_report.pdf p27: the quote goes on with 八一、
		{"open quote", gov2026, [][]string{{"办公楼等维修经费400万元，“两节及六一、教师节、", "八一、记者节等”慰问费300万元，代表议案经费200万元。"}}, nil},
		// guyuan p106–107: a comma before the next section's heading
		{"cut before a heading", gov2026, [][]string{{"2027年和2028年政府性基金预计收入均为44,900万元，在不考虑转移性收入的情况下，预计支出均为44,900万元，", "三、社会保险基金预算"}}, []string{"1:1 error 44,900万元，"}},
	})
}

func TestTableSumsGovernment(t *testing.T) {
	// guyuan_2025_govwide_budget_report.pdf p63–66: 一般公共预算支出表 over
	// pages, with a rate column
	piece := func(rows ...string) []string {
		return append([]string{"2026年市本级一般公共预算支出表(草案)", "单位：万元",
			"|项目|项目|2025年预算数|2026年预算数|同比增长(%)|"}, rows...)
	}
	continuedOK := append(append(piece(
		"|201|一般公共服务|2,448|2,331|15|",
		"|20101|人大事务|1,224|1,367|12|",
	), "\f"), piece(
		"|20102|政协事务|612|482|-21|",
		"|20103|政府办公厅(室)及相关机构事务|612|482|-21|",
	)...)
	// weihai_2025_govwide_budget_execution_report.pdf p35: columns of
	// figures read as codes (their values look like 科目编码)
	weihai := []string{
		"2025年威海市对各区市一般性转移支付执行情况表", "单位：万元",
		"|区市|合计|公共安全|教育|社会保障和就业|",
		"|合计|693543|2872|24322|666349|",
		"|环翠区|55047|203|4502|50342|",
		"|文登区|162881|203|3949|158729|",
	}
	// taian_2025_govwide_budget_execution_report.pdf p44: a row of figures
	// flattened into one cell
	taian := []string{
		"分地区执行情况表", "单位：万元",
		"|项目|合计|基本支出|项目支出|",
		"|合计|191671 760 9400|118917|59894 2700|",
	}
	runTableCases(t, []tableCase{
		{"continued table summed as one", TableColumnSum, continuedOK, nil},
		{"continued table, a 款 wrong", TableColumnSum, append(append(piece(
			"|201|一般公共服务|2,448|2,331|15|",
			"|20101|人大事务|1,224|1,367|12|",
		), "\f"), piece("|20102|政协事务|612|482|-21|", "|20103|政府办公厅(室)及相关机构事务|600|482|-21|")...), []string{"1:10 error 2,448"}},
		{"figures read as codes", TableRowSum, weihai, nil},
		// guangdong_province_2024_govwide_final_debt.pdf p46–48: the page of
		// 表2 that holds only its notes, its number written apart
		{"notes page of a continued table", TableEmpty, []string{
			"表22024年省级一般公共预算收入决算表", "单位：万元",
			"|项目|2024年预算数|2024年决算数|",
			"|总收入|71,042,672|85,918,657|",
			"\f",
			"表2", "2024年省级一般公共预算收入决算表", "单位：万元",
			"|项目|2024年预算数|2024年决算数|",
			"|||",
			"备注：1.税收收入决算数为调整预算数的90.6%。",
		}, nil},
		// the same page with figures flattened into one cell
		{"flattened figures are not empty", TableEmpty, []string{
			"2024年省级一般公共预算支出决算表", "单位：万元",
			"|项目|2024年预算数|2024年决算数|",
			"|一般公共服务支出 国防支出|1,234 567|1,200 560|",
		}, nil},
		// guyuan_2025_govwide_budget_report.pdf p112: whole 万元 without
		// separators are figures
		{"bare integers", TableEmpty, []string{
			"2026—2028年市本级国有资本经营预算收支规划表", "单位：万元",
			"|收                  入|收                  入|收                  入|支                  出|支                  出|支                  出|",
			"|项              目|2025年完成数|2026年预算数|项            目|2025年完成数|2026年预算数|",
			"|一、利润收入|320|377|一、解决历史遗留问题及改革成本支出|6|6|",
			"|二、股息红利收入|-|-|二、国有企业资本金注入|-|-|",
		}, nil},
		{"empty with no statement", TableEmpty, []string{
			"2024年省级国有资本经营预算支出决算表", "单位：万元",
			"|项目|2024年预算数|2024年决算数|",
			"|合计|||",
		}, []string{"1:3 warning 国有资本经营预算支出决算表"}},
		{"flattened cells", TableRowSum, taian, nil},
		// xinjiang_region_2024_govwide_budget_report.pdf p95: the region's 合计
		// nets out the transfers between its levels
		{"levels of government", TableRowSum, []string{
			"2024年自治区国有资本经营预算执行情况与2025年预算安排平衡表", "单位：万元",
			"|项目|合计|自治区本级|地市级及以下|",
			"|国有资本经营预算转移支付收入|7,040|7,040|7,040|",
			"|收入总计|325,541|162,815|169,766|",
		}, nil},
		// xinjiang_region_2024_govwide_budget_report.pdf p8 (表六) and
		// guyuan_2025_govwide_budget_report.pdf p58: a balance table lists
		// balance items under 110 beside 110 上级补助收入, which is not their sum
		{"balance table", TableColumnSum, []string{
			"表六：2024年自治区级一般公共预算收支平衡表", "单位：万元",
			"|科目编码|项目名称|执行数|",
			"|110|上级补助收入|39,831,239|",
			"|11001|返还性收入|1,260,093|",
			"|11002|一般性转移支付收入|34,834,973|",
			"|11003|专项转移支付收入|3,736,173|",
			"|11008|上年结余收入|1,140,935|",
			"|11009|调入资金|240,676|",
		}, nil},
		// xinjiang_region_2024_govwide_budget_report.pdf p83: a wrapped label's
		// fragment run into a part's amount leaves the 类 unjudged; a 类 whose
		// parts are all read is still summed
		{"a part's amount unread", TableColumnSum, []string{
			"表十一：2025年自治区政府性基金预算支出预算表（代编预算）", "单位：万元",
			"|科目编码|项目|2024年完成数|",
			"|212|五、城乡社区支出|9,332,413|",
			"|21208|国有土地使用权出让收入安排的支出|2,587,972|",
			"|21219|国有土地使用权出让收入对应专项债务|收 6,360,359|",
			"|21298|超长期特别国债安排的支出|384,082|",
			"|213|六、农林水支出|14,123|",
			"|21366|大中型水库库区基金安排的支出|143|",
			"|21372|大中型水库移民后期扶持基金支出|13,989|",
		}, []string{"1:20 error 14,123"}},
		// weihai_2025_govwide_budget_execution_report.pdf p52: a row of figures
		// read as the header
		{"figures as header", TableColumnSum, []string{
			"2026年威海市市本级一般公共预算支出预算明细表(按功能分类)", "单位：万元",
			"|科目代码|科目名称|995137|",
			"|201|一般公共服务支出|106002|",
			"|20101|人大事务|1624|",
			"|20102|政协事务|1500|",
		}, nil},
	})
}

func TestTableCrossTotalGovernment(t *testing.T) {
	// henan_province_2024_govwide_final_tables.pdf p1 and p25: the 全省
	// 收支总表 beside the 省级 基本建设支出表 (abridged); shandong's and
	// guyuan's 附表 print 全市 and 市本级 tables of each kind alike.
	res := tableDoc(
		"2024年全省一般公共预算收支决算总表（1）", "单位：万元",
		"|项目|决算数|项目|决算数|",
		"|一、全省一般公共预算收入|43,926,669|一、全省一般公共预算支出|114,641,594|",
		"|收入合计|109,902,753|支出合计|109,902,753|",
		"2024年省级基本建设支出决算表（10）", "单位：万元",
		"|项目|预算数|调整预算数|决算数|",
		"|支出合计|128,000|129,595|143,000|",
	)
	res.Out.Meta = gov2024Final
	expectFindings(t, TableCrossTotal, runOne(t, TableCrossTotal, res), nil)
}
