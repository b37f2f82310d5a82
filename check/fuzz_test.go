package check

import (
	"strings"
	"testing"
)

// FuzzRun feeds arbitrary text through every rule: no rule may panic (Run
// would turn a panic into a warning; the fuzz target treats that as a bug).
func FuzzRun(f *testing.F) {
	for _, s := range []string{
		"财政拨款收入支出增加（减少）的主要原因是业务量增加。",
		"2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%。",
		"年初预算为1560.05万元，支出决算为1511.89万元。决算数大于预算数的主要原因：",
		"（六）组织实施\n（七）负责\n（六）组织实施",
		"四、政拨款收入支出决算总表\n主要原因是。\n“（含)》",
		"比2026年预算增加0万元，截至2026年12月31日",
		"2026年本部门政府采购预算1468.42万元，其中：政府采购货物预算3.66万元、政府采购工程预算36.44万元、政府采购服务预算1446.32万元。",
		"本年支出合计 9759.38万元，其中：基本支出 5377.64万元，占 55.10%；项目支出 4381.74万元，占 44.90%。\n其他资金 0 万元，占 0%；",
		"12、住房公积金（01项）208.8万元。2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，比2025年预算执行数增加5.27%。",
		"2026年收入预算总计24,169.74 万元。\n（一）收入预算总计 24,196.74 万元。",
		"收入支出总计 0 万元。与2023 年度相比，收入支出总计减少 56.95 万元，下降 1.87%。",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pages := [][]string{}
		for _, pg := range strings.Split(s, "\f") {
			pages = append(pages, strings.Split(pg, "\n"))
		}
		res := docOf(budget2026Dept, pages...)
		if _, err := runFindings(res, Options{}); err != nil {
			t.Fatal(err)
		}
		for _, w := range res.Out.Warnings {
			if strings.Contains(w, "internal error") {
				t.Fatal(w)
			}
		}
	})
}
