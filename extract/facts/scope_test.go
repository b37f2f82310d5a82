package facts

import (
	"context"
	"slices"
	"testing"

	"github.com/budgetdoc/budgetdoc/schema"
)

func TestScopeSubjects(t *testing.T) {
	for _, c := range []struct {
		name  string
		scope string // meta scope of the document
		lines []string
		want  []string // subjects of the facts with a value, in order
	}{
		{"a scope word stated once holds for the budget figures after it in the paragraph", schema.ScopeGovernment,
			[]string{"全省一般公共预算收入100亿元，增长5%；政府性基金预算收入50亿元。省本级一般公共预算收入30亿元；一般公共预算支出40亿元。"},
			[]string{"全省一般公共预算收入", "全省政府性基金预算收入", "省本级一般公共预算收入", "省本级一般公共预算支出"}},
		// fuxin_2025_govwide_final_report.html (辽宁): the year between
		{"a scope word before the year of the figure", schema.ScopeGovernment,
			[]string{"市十七届人民代表大会第四次会议批准的市本级2025年政府性基金预算收入为16.95亿元，实际完成1.51亿元。"},
			[]string{"市本级政府性基金预算收入", "市本级政府性基金预算收入"}},
		{"a scope word before the verb of the figure", schema.ScopeGovernment,
			[]string{"全区完成一般公共预算收入12亿元。"},
			[]string{"全区一般公共预算收入"}},
		{"a scope word that qualifies something else is no scope", schema.ScopeGovernment,
			[]string{"执行中市级和部分县区按程序调减收入预算5亿元；一般公共预算支出8亿元。"},
			[]string{"市级和部分县区按程序调减收入预算", "一般公共预算支出"}},
		{"a figure that is not a budget's keeps its subject", schema.ScopeGovernment,
			[]string{"全市一般公共预算收入20亿元，加上转移性收入等10亿元。"},
			[]string{"全市一般公共预算收入", "转移性收入"}},
		{"a department's document is left as written", schema.ScopeDepartment,
			[]string{"本级一般公共预算收入20亿元；一般公共预算支出10亿元。"},
			[]string{"本级一般公共预算收入", "一般公共预算支出"}},
		{"年市本级: the 市 the segmenter joins to the year", schema.ScopeGovernment,
			[]string{"2025年市本级一般公共预算收入232.9亿元。"},
			[]string{"市本级一般公共预算收入"}},
		// jiangsu_yancheng_2026_govwide_budget_report 2:6 (江苏, PDF)
		{"yancheng: 市级（含…）实现", schema.ScopeGovernment,
			[]string{"市级（含盐南高新区、盐城经济技术开发区，下同）实现一般公共预算收入108.12亿元，完成预算的100.77%。实现一般公共预算支出216.27亿元。"},
			[]string{"市级一般公共预算收入", "市级一般公共预算支出"}},
		// fuzhou_2025_govwide_final_report (福建, HTML)
		{"fuzhou: 全市 stated for the revenue holds for the expenditure", schema.ScopeGovernment,
			[]string{"2025年全市一般公共预算收入750.55亿元，加上转移性收入等692.70亿元，收入决算结果1443.25亿元；一般公共预算支出1037.15亿元，加上转移性支出等279.22亿元，支出决算结果1613.79亿元。"},
			[]string{"全市一般公共预算收入", "转移性收入", "收入决算结果", "全市一般公共预算支出", "转移性支出", "支出决算结果"}},
		// jiangsu_yancheng_2026_govwide_budget_report 2:5 (江苏, PDF)
		{"yancheng: 全市实现 … 。实现 …", schema.ScopeGovernment,
			[]string{"全市实现一般公共预算收入515.74亿元，完成预算（调整预算，下同）的 100.34%，比上年增长 3.93%。实现一般公共预算支出1099.03亿元，完成预算的93.79%，比上年下降3.37%。"},
			[]string{"全市一般公共预算收入", "全市一般公共预算支出"}},
		// jiangsu_yancheng_2026_govwide_budget_report 3:27 (江苏, PDF), and
		// the general form: a stock figure dated before its name
		{"yancheng: 年末 before the figure's name", schema.ScopeGovernment,
			[]string{"省财政厅核定2025年末全市政府债务限额2144.83亿元，年末政府债务余额2092.14亿元。2025年末市级政府债务限额499.55亿元，年末政府债务余额477.63亿元。"},
			[]string{"年末全市政府债务限额", "年末全市政府债务余额", "年末市级政府债务限额", "年末市级政府债务余额"}},
		{"年初 before the figure's name", schema.ScopeGovernment,
			[]string{"全省政府债务余额900亿元；年初政府债务限额1000亿元。"},
			[]string{"全省政府债务余额", "年初全省政府债务限额"}},
		// changsha_2025_govwide_budget_report (湖南, HTML)
		{"changsha: 全市完成地方一般公共预算收入", schema.ScopeGovernment,
			[]string{"2025年全市完成地方一般公共预算收入1296.87亿元，比上年增加32.33亿元，增长2.56%。"},
			[]string{"全市地方一般公共预算收入"}},
		{"a scope word before the issue of bonds", schema.ScopeGovernment,
			[]string{"全省发行地方政府债券100亿元，其中新增债券60亿元。"},
			[]string{"全省地方政府债券", "新增债券"}},
		// jiangsu_yancheng_2026_govwide_budget_report 3:18 (江苏, PDF)
		{"yancheng: 全市发行政府债券", schema.ScopeGovernment,
			[]string{"2025年，全市发行政府债券277.16亿元，其中新增债券102.54亿元、再融资债券174.62亿元。"},
			[]string{"全市政府债券", "新增债券", "再融资债券"}},
		// ezhou_2025_govwide_budget_execution_report 5:20 (湖北, PDF)
		{"ezhou: 全市发行政府债券，其中：发行新增债券", schema.ScopeGovernment,
			[]string{"2025年全市发行政府债券116.27亿元，其中：发行新增债券100.92亿元，包括一般债券7.88亿元、专项债券93.04亿元。"},
			[]string{"全市政府债券", "新增债券", "一般债券", "专项债券"}},
		{"a coordinate item of a budget's item takes the scope", schema.ScopeGovernment,
			[]string{"全省政府债务还本支出10亿元，付息支出2亿元。"},
			[]string{"全省政府债务还本支出", "全省付息支出"}},
		{"the next amounts after a budget's total are parts or added items, not coordinates", schema.ScopeGovernment,
			[]string{"全省一般公共预算收入100亿元，税收收入80亿元；全省政府债务还本支出10亿元，加上付息支出2亿元。"},
			[]string{"全省一般公共预算收入", "税收收入", "全省政府债务还本支出", "付息支出"}},
		{"a coordinate after a change clause is not the next item of a list", schema.ScopeGovernment,
			[]string{"全省政府债务还本支出10亿元，增长5%，付息支出2亿元。"},
			[]string{"全省政府债务还本支出", "付息支出"}},
		// jiangsu_yancheng_2026_govwide_budget_report 4:6 (江苏, PDF)
		{"yancheng: 还本支出，付息和发行费支出", schema.ScopeGovernment,
			[]string{"全市政府债务财力还本支出 12.61 亿元，付息和发行费支出59.65亿元。市级政府债务财力还本支出3.34亿元，付息和发行费支出13.31亿元。"},
			[]string{"全市政府债务财力还本支出", "全市付息和发行费支出", "市级政府债务财力还本支出", "市级付息和发行费支出"}},
		{"收支相抵: the balance is the budget's, not its last item's", schema.ScopeGovernment,
			[]string{"全省政府性基金预算支出50亿元，加上调出资金5亿元，补助下级支出3亿元，支出总计58亿元。收支相抵，年终结余2亿元。"},
			[]string{"全省政府性基金预算支出", "调出资金", "补助下级支出", "支出总计", "全省政府性基金预算年终结余"}},
		// fuzhou_2025_govwide_final_report 1:451 (福建, HTML)
		{"fuzhou: 补助下级支出…；收支相抵年终结余", schema.ScopeGovernment,
			[]string{"2025年市本级国有资本经营预算收入1.88亿元，加上转移性收入等0.09亿元，收入决算结果1.97亿元；国有资本经营预算支出1.32亿元，调出资金0.58亿元，补助下级支出0.06亿元，支出决算结果1.96亿元；收支相抵年终结余0.01亿元。"},
			[]string{"市本级国有资本经营预算收入", "转移性收入", "收入决算结果", "市本级国有资本经营预算支出", "调出资金", "补助下级支出", "支出决算结果", "市本级国有资本经营预算年终结余"}},
		// dali_2025_govwide_budget_report (云南, HTML)
		{"dali: 加上上解上级支出…。收支相抵，本年收支结余", schema.ScopeGovernment,
			[]string{"全州社会保险基金预算支出1,276,955万元，加上上解上级支出342,166万元，支出总计1,619,121万元。收支相抵，本年收支结余99,057万元。"},
			[]string{"全州社会保险基金预算支出", "上解上级支出", "支出总计", "全州社会保险基金预算本年收支结余"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs, err := Extract(context.Background(), textOf(c.lines...), nil, schema.Meta{Scope: c.scope}, testSegmenter(t))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range fs {
				if f.Amount != nil && f.Kind == schema.FactMoney {
					got = append(got, f.Subject)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("subjects\n got %q\nwant %q", got, c.want)
			}
		})
	}
}
