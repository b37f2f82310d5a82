package check

import (
	"testing"

	"github.com/budgetdoc/budgetdoc/schema"
)

func TestMissingSection(t *testing.T) {
	body := []string{"上海市普陀区财政局主要职能", "机构设置", "名词解释", "“三公”经费", "机关运行经费", "政府采购", "国有资产占有使用情况", "绩效"}
	tables := func(skip string, emptyThree bool) [][]string {
		pages := [][]string{body}
		for _, r := range shanghaiFinalTables {
			if r.Name == skip {
				continue
			}
			rows := []string{r.Any[0], "单位：万元", "合计 2,940.05 2,336.91 603.14"}
			if emptyThree && r.Name == shanghaiFinalTables[6].Name {
				rows = rows[:2]
			}
			pages = append(pages, rows)
		}
		return pages
	}
	meta := final2024Dept
	check := func(name string, pages [][]string, want ...string) {
		t.Run(name, func(t *testing.T) {
			res := docOf(meta, pages...)
			fs, err := runFindings(res, Options{Rules: []*Rule{MissingSection}})
			if err != nil {
				t.Fatal(err)
			}
			expectFindings(t, MissingSection, fs, want)
		})
	}
	check("complete", tables("", false))
	// shanghai_putuo_caizhengju_2024_dept_final_INJECTED_ERRORS.pdf lacks 支出决算表
	// and its 三公 table lost its figures
	check("missing table", tables("支出决算表", false), "1:1 warning （未找到）支出决算表")
	check("empty table", tables("", true), `8:1 warning 财政拨款"三公"经费支出决算表`)

	res := docOf(schema.Meta{}, []string{"收支预算总表"})
	if p, _ := SelectProfile("", res); p != nil {
		t.Errorf("a document without year and kind got profile %s", p.Name)
	}
	if _, err := SelectProfile("nonsense", res); err == nil {
		t.Error("unknown profile accepted")
	}
}
