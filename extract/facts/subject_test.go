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
}

func TestSubjects(t *testing.T) { runMoneyCases(t, subjectCases) }
