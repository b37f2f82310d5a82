package check

import "testing"

func TestMixedPunctuation(t *testing.T) {
	runCases(t, MixedPunctuation, []ruleCase{
		// taiyuan_fagaiwei_2016_dept_final.doc p9
		{"comma before a clause", final2024Dept, [][]string{{"2．按支出用途分类，分基本支出和项目支出，其中基本支出3389.69万元，包括人员支出等；项目支出764.6万元,包括一般行政管理事务、物价管理、国防支出项目等。"}},
			[]string{"1:1 info ^万元,包括$"}},
		// shanghai_putuo_shangwuwei_2025_dept_budget.pdf p3
		{"comma in a duty", budget2026Dept, [][]string{{"1、贯彻执行国家和本市有关工商业、内外贸、粮食流通等方面的方针、政策和法律、法规及规章，并结合本区实际,制订具体实施意见。"}},
			[]string{"1:1 info ^实际,制订$"}},
		{"synthetic: before an amount and a semicolon", budget2026Dept, [][]string{{"一般公共预算财政拨款支出5377.64万元,比上年增加120.00万元，增长2.28%;主要原因是：人员增加，工资调整，社保基数提高。"}},
			[]string{"1:1 info ^万元,比上$", "1:1 info ^8%;主要$"}},
		// qingdao_2025_govwide_budget_report.pdf p9: half-width throughout
		{"house style", gov2026, [][]string{{"2025年,全市一般公共预算收入完成1340.72亿元,增长0.1%。分收入项目看,税收收入完成950.51亿元,增长1.4%;非税收入完成390.21亿元,下降2.8%。"}}, nil},
		// jiangsu_gaoyuan_2017_dept_budget.pdf p20: a chart's labels
		{"chart label", budget2017Dept, [][]string{{"项目支出, 40.01%"}, {"基本支出, 59.35%"}}, nil},
		{"synthetic: numbers and English", budget2026Dept, [][]string{{"收入合计1,234.56万元，其中：财政拨款收入1,000.00万元，占81.00%；事业收入（Income, other）234.56万元。"}}, nil},
	})
}
