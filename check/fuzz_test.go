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
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pages := [][]string{}
		for _, pg := range strings.Split(s, "\f") {
			pages = append(pages, strings.Split(pg, "\n"))
		}
		res := docOf(budget2026Dept, pages...)
		if _, err := Run(res, Options{}); err != nil {
			t.Fatal(err)
		}
		for _, w := range res.Out.Warnings {
			if strings.Contains(w, "internal error") {
				t.Fatal(w)
			}
		}
	})
}
