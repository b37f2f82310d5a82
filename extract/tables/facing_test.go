package tables

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/read"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
	"github.com/budgetdoc/budgetdoc/schema"
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
		{"right page repeating the labels", [][]extract.Block{
			left("一般性转移支付|160|40|60\n专项转移支付|50|20|18"),
			{para("单位：万元"), grid("项目|麻涌|高埗\n一般性转移支付|40|20\n专项转移支付|7|5")},
		}, []string{"[1 2] 万元 一般性转移支付|合计=1600000@1 一般性转移支付|中堂=400000@1 一般性转移支付|望牛墩=600000@1 " +
			"一般性转移支付|麻涌=400000@2 一般性转移支付|高埗=200000@2 专项转移支付|合计=500000@1 专项转移支付|中堂=200000@1 " +
			"专项转移支付|望牛墩=180000@1 专项转移支付|麻涌=70000@2 专项转移支付|高埗=50000@2"}},
		{"title, number and unit on the right page", [][]extract.Block{
			{grid("项目|合计|中堂|望牛墩\n一般性转移支付|160|40|60\n专项转移支付|50|20|18")},
			{para("表6"), para("2026年一般公共预算转移支付分地区表"), para("单位：万元"), grid("麻涌|高埗\n40|20\n7|5")},
		}, []string{"[1 2] 万元 一般性转移支付|合计=1600000@1 一般性转移支付|中堂=400000@1 " +
			"一般性转移支付|望牛墩=600000@1 一般性转移支付|麻涌=400000@2 一般性转移支付|高埗=200000@2 专项转移支付|合计=500000@1 " +
			"专项转移支付|中堂=200000@1 专项转移支付|望牛墩=180000@1 专项转移支付|麻涌=70000@2 专项转移支付|高埗=50000@2"}},
		{"two spreads, the right pages repeating the labels", [][]extract.Block{
			left("一般性转移支付|160|40|60\n均衡性转移支付|30|10|10"),
			{para("单位：万元"), grid("项目|麻涌|高埗\n一般性转移支付|40|20\n均衡性转移支付|5|5")},
			{grid("项目|合计|中堂|望牛墩\n专项转移支付|50|20|18")},
			{grid("项目|麻涌|高埗\n专项转移支付|7|5")},
		}, []string{"[1 2 3 4] 万元 一般性转移支付|合计=1600000@1 一般性转移支付|中堂=400000@1 一般性转移支付|望牛墩=600000@1 " +
			"一般性转移支付|麻涌=400000@2 一般性转移支付|高埗=200000@2 均衡性转移支付|合计=300000@1 均衡性转移支付|中堂=100000@1 " +
			"均衡性转移支付|望牛墩=100000@1 均衡性转移支付|麻涌=50000@2 均衡性转移支付|高埗=50000@2 " +
			"专项转移支付|合计=500000@3 专项转移支付|中堂=200000@3 专项转移支付|望牛墩=180000@3 专项转移支付|麻涌=70000@4 " +
			"专项转移支付|高埗=50000@4"}},
		{"the labels repeated under the title again: a page set, joined (pagesets.go)", [][]extract.Block{
			left("一般性转移支付|160|40|60\n专项转移支付|50|20|18"),
			{para("2026年一般公共预算转移支付分地区表"), para("单位：万元"), grid("项目|麻涌|高埗\n一般性转移支付|40|20\n专项转移支付|7|5")},
		}, []string{"[1 2] 万元 一般性转移支付|合计=1600000@1 一般性转移支付|中堂=400000@1 一般性转移支付|望牛墩=600000@1 " +
			"一般性转移支付|麻涌=400000@2 一般性转移支付|高埗=200000@2 专项转移支付|合计=500000@1 专项转移支付|中堂=200000@1 " +
			"专项转移支付|望牛墩=180000@1 专项转移支付|麻涌=70000@2 专项转移支付|高埗=50000@2"}},
		{"right page with other labels: a table of its own", [][]extract.Block{
			left("一般性转移支付|160|40|60\n专项转移支付|50|20|18"),
			{para("单位：万元"), grid("项目|麻涌|高埗\n税收返还|40|20\n上解支出|7|5")},
		}, []string{"[1]  一般性转移支付|合计=160@1 一般性转移支付|中堂=40@1 一般性转移支付|望牛墩=60@1 " +
			"专项转移支付|合计=50@1 专项转移支付|中堂=20@1 专项转移支付|望牛墩=18@1",
			"[2] 万元 税收返还|麻涌=400000@2 税收返还|高埗=200000@2 上解支出|麻涌=70000@2 上解支出|高埗=50000@2"}},
		{"numbers only under a title of their own: another table", [][]extract.Block{
			left("一般性转移支付|160|40|60\n专项转移支付|50|20|18"),
			{para("表7"), para("2026年政府性基金转移支付分地区表"), grid("麻涌|高埗\n40|20\n7|5")},
		}, []string{"[1]  一般性转移支付|合计=160@1 一般性转移支付|中堂=40@1 一般性转移支付|望牛墩=60@1 " +
			"专项转移支付|合计=50@1 专项转移支付|中堂=20@1 专项转移支付|望牛墩=18@1",
			"[2]  |麻涌=40@2 |高埗=20@2 |麻涌=7@2 |高埗=5@2"}},
		{"the same labels and columns again: not more columns", [][]extract.Block{
			left("一般性转移支付|160|40|60\n专项转移支付|50|20|18"),
			{grid("项目|合计|中堂|望牛墩\n一般性转移支付|16|4|6\n专项转移支付|5|2|1")},
		}, []string{"[1 2]  一般性转移支付|合计=160@1 一般性转移支付|中堂=40@1 一般性转移支付|望牛墩=60@1 专项转移支付|合计=50@1 " +
			"专项转移支付|中堂=20@1 专项转移支付|望牛墩=18@1 一般性转移支付|合计=16@2 一般性转移支付|中堂=4@2 一般性转移支付|望牛墩=6@2 " +
			"专项转移支付|合计=5@2 专项转移支付|中堂=2@2 专项转移支付|望牛墩=1@2"}},
		{"a continued table: other rows under the same header", [][]extract.Block{
			left("一般性转移支付|160|40|60\n专项转移支付|50|20|18"),
			{grid("项目|合计|中堂|望牛墩\n教育共同财政事权转移支付|9|3|3\n医疗卫生共同财政事权转移支付|7|2|2")},
		}, []string{"[1 2]  一般性转移支付|合计=160@1 一般性转移支付|中堂=40@1 一般性转移支付|望牛墩=60@1 专项转移支付|合计=50@1 " +
			"专项转移支付|中堂=20@1 专项转移支付|望牛墩=18@1 教育共同财政事权转移支付|合计=9@2 教育共同财政事权转移支付|中堂=3@2 " +
			"教育共同财政事权转移支付|望牛墩=3@2 医疗卫生共同财政事权转移支付|合计=7@2 医疗卫生共同财政事权转移支付|中堂=2@2 " +
			"医疗卫生共同财政事权转移支付|望牛墩=2@2"}},
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

// TestFacingHeaders: the header rows of the two parts side by side; a
// group over the left part's last columns runs on over a shallower right
// part (chaoyang_2025 p70: 一般公共预算支出 over its five columns, cut after
// the third), else the shallower part's top row is repeated above it.
func TestFacingHeaders(t *testing.T) {
	for _, tt := range []struct {
		a, b [][]string
		want string
	}{
		{[][]string{{"项目", "2025年", "2025年"}, {"项目", "预算数", "执行数"}}, [][]string{{"增长%"}},
			"项目 2025年 2025年 2025年|项目 预算数 执行数 增长%"},
		{[][]string{{"地区", "一般公共预算收入", "一般公共预算支出", "一般公共预算支出"}, {"地区", "快报数", "调整预算数", "快报数"}},
			[][]string{{"上年决算数", "同比增减%"}},
			"地区 一般公共预算收入 一般公共预算支出 一般公共预算支出 一般公共预算支出 一般公共预算支出|" +
				"地区 快报数 调整预算数 快报数 上年决算数 同比增减%"},
		// the last column's header merged down, not a group: repeated
		{[][]string{{"项目", "2025年", "合计"}, {"项目", "预算数", "合计"}}, [][]string{{"中堂", "麻涌"}},
			"项目 2025年 合计 中堂 麻涌|项目 预算数 合计 中堂 麻涌"},
		// one group per column: not a span
		{[][]string{{"项目", "收入", "支出"}, {"项目", "金额", "金额"}}, [][]string{{"增长%"}},
			"项目 收入 支出 增长%|项目 金额 金额 增长%"},
		// the right part deeper: the left part's top row repeated
		{[][]string{{"项目", "合计"}}, [][]string{{"2025年", "2025年"}, {"预算数", "执行数"}},
			"项目 合计 2025年 2025年|项目 合计 预算数 执行数"},
	} {
		var rows []string
		for _, r := range joinHeaders(tt.a, tt.b) {
			rows = append(rows, strings.Join(r, " "))
		}
		if got := strings.Join(rows, "|"); got != tt.want {
			t.Errorf("joinHeaders(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestFacingHeights: on PDF pages the rows of a right-hand part are paired
// with the left-hand rows printed at the same height (dongguan_2025 p58 cut
// at a gutter: rows at y 124, 137, 153 on both halves); the same number of
// rows at other heights (another table) are no right-hand part, and a row
// level with no left-hand row spoils the pairing.
func TestFacingHeights(t *testing.T) {
	row := func(page int, text string, top, bottom float64) Row {
		c := Cell{Text: text, Loc: extract.Loc{Page: page, BBox: &schema.BBox{10, top, 30, bottom}}}
		c.Amount, c.Places, c.IsAmount = parseAmount(text)
		return Row{Cells: []Cell{c}}
	}
	left := &Table{Body: []Row{row(1, "一、返还性支出", 121, 131), row(1, "0.00", 124, 128),
		row(1, "其他税收返还支出", 134, 144), row(1, "38,408.90", 137, 141), row(1, "二、一般性转移支付支出", 147, 163),
		row(1, "37,228.00", 153, 157)}}
	// the label and its number in one row, as the reader gives them
	left.Body = []Row{
		{Cells: append(left.Body[0].Cells, left.Body[1].Cells...)},
		{Cells: append(left.Body[2].Cells, left.Body[3].Cells...)},
		{Cells: append(left.Body[4].Cells, left.Body[5].Cells...)},
	}
	for _, tt := range []struct {
		name string
		ys   [][2]float64
		want string
	}{
		{"level", [][2]float64{{124, 128}, {137, 141}, {153, 157}}, "[0 1 2]"},
		{"two rows, level with the second and third", [][2]float64{{137, 141}, {153, 157}}, "[1 2]"},
		{"another table's rows, lower on the page", [][2]float64{{300, 304}, {320, 324}, {340, 344}}, "[]"},
		{"two rows level with one", [][2]float64{{124, 128}, {145, 149}, {153, 157}}, "[]"},
		{"a row level with none", [][2]float64{{124, 128}, {131, 133}, {153, 157}}, "[]"},
	} {
		right := &Table{}
		for _, y := range tt.ys {
			right.Body = append(right.Body, row(2, "32,778.54", y[0], y[1]))
		}
		var lrows, rrows []int
		for i := range left.Body {
			lrows = append(lrows, i)
		}
		for i := range right.Body {
			rrows = append(rrows, i)
		}
		pairs, placed := byHeight(left, lrows, right, rrows)
		if got := itoas(pairs); !placed || got != tt.want {
			t.Errorf("%s: pairs %v (placed %v), want %s", tt.name, pairs, placed, tt.want)
		}
	}
}

func itoas(xs []int) string {
	var s []string
	for _, x := range xs {
		s = append(s, itoa(x))
	}
	return "[" + strings.Join(s, " ") + "]"
}

// FuzzFacing: any left page and any following page, joined or not, give
// tables whose pages ascend without repeats and cover every located cell,
// and whose rows are no wider than their columns once joined.
func FuzzFacing(f *testing.F) {
	f.Add("2026年一般公共预算转移支付分地区表", "项目|合计|中堂|望牛墩\n一般性转移支付|160|40|60\n专项转移支付|50|20|18",
		"单位：万元", "麻涌|高埗\n40|20\n7|5")
	f.Add("全市2025年分地区一般公共预算收支执行情况表", "地区|一般公共预算收入|<|一般公共预算支出|<\n^|调整预算数|快报数|调整预算数|快报数\n"+
		"全市合计|892740|903071|3359172|3013397\n市本级|125823|130603|858193|730502", "", "地区|上年决算数|同比增减%\n全市合计|3149491|-4.3\n市本级|726940|0.5")
	f.Add("", "|<|^\n^|<|", "表6", "|\n1|2\n|")
	f.Fuzz(func(t *testing.T, caption, left, rightCaption, right string) {
		if len(left)+len(right) > 4096 {
			return
		}
		ts := Parse(text(extract.FormatPDF,
			[]extract.Block{para(strings.Split(caption, "\n")...), grid(left)},
			[]extract.Block{para(strings.Split(rightCaption, "\n")...), grid(right)}))
		for _, tb := range ts {
			checkJoined(t, tb)
		}
	})
}

// TestFacingSpreads: the spreads of testdata/facing come out as one table
// each, its caption and unit from whichever page prints them, and a cell of
// the right page located where pdftotext -bbox finds its number on that
// page (dongguan p58 cut at x=640: 东城's 32,778.54 at 0.91,137.00–18.96,141.00).
// The columns count the empty column the reader gives a page half at its
// cut edge (dongguan: 项目, 28 towns, that column, 8 towns).
func TestFacingSpreads(t *testing.T) {
	for _, tt := range []struct {
		file, want string
		row, col   string
		box        schema.BBox
	}{
		{"dongguan_2025_p58_spread.pdf", "[1 2] 表6 2026年东莞市一般公共预算税收返还和转移支付表(按项目分地区列示) 万元 38 columns",
			"其他税收返还支出", "东城", schema.BBox{0.91, 137.00, 18.96, 141.00}},
		{"chaoyang_2025_p70_spread.pdf", "[1 2]  全市2025年分地区一般公共预算收支执行情况表 万元 12 columns",
			"市本级", "一般公共预算支出 / 上年决算数", schema.BBox{14.10, 245.74, 50.10, 257.73}},
		{"chaoyang_2025_p70_spread_labelled.pdf", "[1 2]  全市2025年分地区一般公共预算收支执行情况表  13 columns",
			"市本级", "一般公共预算支出 / 上年决算数", schema.BBox{191.10, 245.74, 227.10, 257.73}},
	} {
		doc, _, err := read.File(context.Background(), filepath.Join(testenv.ModuleRoot(t), "testdata", "facing", tt.file), read.Options{})
		if err != nil {
			t.Fatal(err)
		}
		txt, err := normalize.Run(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		ts := Parse(txt)
		if len(ts) != 1 {
			t.Errorf("%s: %d tables, want 1", tt.file, len(ts))
			continue
		}
		tb := ts[0]
		if got := fmt.Sprintf("%v %s %s %s %d columns", tb.Pages, tb.Code, tb.Title, tb.Unit, len(tb.Columns)); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.file, got, tt.want)
		}
		found := false
		for i := range tb.Body {
			r := &tb.Body[i]
			for j, c := range r.Cells {
				if r.Label != tt.row || j >= len(tb.Columns) || tb.Path(j) != tt.col || !c.IsAmount {
					continue
				}
				found = true
				if c.Loc.Page != 2 || c.Loc.BBox == nil || !near(*c.Loc.BBox, tt.box) {
					t.Errorf("%s: %s × %s at page %d %v, want page 2 %v", tt.file, tt.row, tt.col, c.Loc.Page, c.Loc.BBox, tt.box)
				}
			}
		}
		if !found {
			t.Errorf("%s: no cell %s × %s", tt.file, tt.row, tt.col)
		}
	}
}

// near reports whether two boxes agree within half a point.
func near(a, b schema.BBox) bool {
	for i := range a {
		if math.Abs(a[i]-b[i]) > 0.5 {
			return false
		}
	}
	return true
}

// TestFacingCaption: the table number, title and unit printed on the right
// page only name the joined table (dongguan_2025 p58: 表6 and 单位 at the
// top right of the spread).
func TestFacingCaption(t *testing.T) {
	ts := Parse(text(extract.FormatPDF,
		[]extract.Block{grid("项目|合计|中堂\n一般性转移支付|160|40\n专项转移支付|50|20")},
		[]extract.Block{para("表6"), para("2026年一般公共预算转移支付分地区表"), para("单位：万元"), grid("麻涌|高埗\n40|20\n7|5")}))
	if len(ts) != 1 {
		t.Fatalf("%d tables, want 1", len(ts))
	}
	if got := ts[0].Code + " " + ts[0].Title + " " + ts[0].Unit; got != "表6 2026年一般公共预算转移支付分地区表 万元" {
		t.Errorf("caption %q", got)
	}
}
