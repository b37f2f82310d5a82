package tables

import (
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

// A table printed across facing pages, in the forms of the tables by
// region of the government-wide corpus (dongguan_2025 表 by town,
// guangdong_province_2024 表12 by city, shandong_province_2025 表7 by city):
// the row labels and the first regions on the left page, more regions on
// the right page without labels; the unit printed on one of the pages.
func TestFacingPages(t *testing.T) {
	left := func(rows string) []extract.Block {
		return []extract.Block{para("2026年一般公共预算转移支付分地区表"), grid("项目|合计|中堂|望牛墩\n" + rows)}
	}
	right := func(rows string) []extract.Block {
		return []extract.Block{para("单位：万元"), grid("麻涌|高埗\n" + rows)}
	}
	facts := func(tb *Table) string {
		var out []string
		for _, f := range tb.Facts(1) {
			out = append(out, f.Subject+"|"+f.Dimension+"="+f.Value+"@"+itoa(f.Loc.Page))
		}
		return strings.Join(out, " ")
	}
	for _, tt := range []struct {
		name  string
		pages [][]extract.Block
		want  []string // per table: pages, unit, facts
	}{
		{"one spread", [][]extract.Block{
			left("一般性转移支付|160|40|60\n专项转移支付|50|20|18"),
			right("40|20\n7|5"),
		}, []string{"[1 2] 万元 一般性转移支付|合计=1600000@1 一般性转移支付|中堂=400000@1 一般性转移支付|望牛墩=600000@1 " +
			"一般性转移支付|麻涌=400000@2 一般性转移支付|高埗=200000@2 专项转移支付|合计=500000@1 专项转移支付|中堂=200000@1 " +
			"专项转移支付|望牛墩=180000@1 专项转移支付|麻涌=70000@2 专项转移支付|高埗=50000@2"}},
		{"two spreads", [][]extract.Block{
			left("一般性转移支付|160|40|60\n均衡性转移支付|30|10|10"),
			right("40|20\n5|5"),
			{grid("项目|合计|中堂|望牛墩\n专项转移支付|50|20|18\n教育共同财政事权转移支付|9|3|3")},
			{grid("麻涌|高埗\n7|5\n2|1")},
		}, []string{"[1 2 3 4] 万元 一般性转移支付|合计=1600000@1 一般性转移支付|中堂=400000@1 一般性转移支付|望牛墩=600000@1 " +
			"一般性转移支付|麻涌=400000@2 一般性转移支付|高埗=200000@2 均衡性转移支付|合计=300000@1 均衡性转移支付|中堂=100000@1 " +
			"均衡性转移支付|望牛墩=100000@1 均衡性转移支付|麻涌=50000@2 均衡性转移支付|高埗=50000@2 " +
			"专项转移支付|合计=500000@3 专项转移支付|中堂=200000@3 专项转移支付|望牛墩=180000@3 专项转移支付|麻涌=70000@4 " +
			"专项转移支付|高埗=50000@4 教育共同财政事权转移支付|合计=90000@3 教育共同财政事权转移支付|中堂=30000@3 " +
			"教育共同财政事权转移支付|望牛墩=30000@3 教育共同财政事权转移支付|麻涌=20000@4 教育共同财政事权转移支付|高埗=10000@4"}},
		{"rows differ: not the same rows", [][]extract.Block{
			left("一般性转移支付|160|40|60\n专项转移支付|50|20|18"),
			right("40|20"),
		}, []string{"[1]  一般性转移支付|合计=160@1 一般性转移支付|中堂=40@1 一般性转移支付|望牛墩=60@1 " +
			"专项转移支付|合计=50@1 专项转移支付|中堂=20@1 专项转移支付|望牛墩=18@1",
			// a table of one row of amounts: its column headers name them
			"[2] 万元 麻涌|麻涌=400000@2 高埗|高埗=200000@2"}},
		{"right page with labels: a table of its own", [][]extract.Block{
			left("一般性转移支付|160|40|60\n专项转移支付|50|20|18"),
			{para("单位：万元"), grid("项目|麻涌|高埗\n一般性转移支付|40|20\n专项转移支付|7|5")},
		}, []string{"[1]  一般性转移支付|合计=160@1 一般性转移支付|中堂=40@1 一般性转移支付|望牛墩=60@1 " +
			"专项转移支付|合计=50@1 专项转移支付|中堂=20@1 专项转移支付|望牛墩=18@1",
			"[2] 万元 一般性转移支付|麻涌=400000@2 一般性转移支付|高埗=200000@2 专项转移支付|麻涌=70000@2 专项转移支付|高埗=50000@2"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ts := Parse(text(extract.FormatPDF, tt.pages...))
			var got []string
			for _, tb := range ts {
				pages := make([]string, len(tb.Pages))
				for i, p := range tb.Pages {
					pages[i] = itoa(p)
				}
				got = append(got, "["+strings.Join(pages, " ")+"] "+tb.Unit+" "+facts(tb))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestFacingHeaders: the header rows of the two parts side by side, the
// shallower part's top row repeated above it.
func TestFacingHeaders(t *testing.T) {
	got := joinHeaders([][]string{{"项目", "2025年", "2025年"}, {"项目", "预算数", "执行数"}}, [][]string{{"增长%"}})
	want := "项目 2025年 2025年 增长%|项目 预算数 执行数 增长%"
	var rows []string
	for _, r := range got {
		rows = append(rows, strings.Join(r, " "))
	}
	if strings.Join(rows, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(rows, "|"), want)
	}
}
