package tables

import (
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

// setView shows a table as its pages, unit, Partial mark, column paths and
// each body row as label=figures, every figure with the page it is
// printed on.
func setView(tb *Table) string {
	var cols, rows []string
	for j := range tb.Columns {
		cols = append(cols, tb.Path(j))
	}
	for _, r := range tb.Body {
		var cells []string
		for _, c := range r.Cells {
			if c.IsAmount {
				cells = append(cells, c.Text+"@"+itoa(c.Loc.Page))
			}
		}
		rows = append(rows, r.Label+"="+strings.Join(cells, ","))
	}
	pages := make([]string, len(tb.Pages))
	for i, p := range tb.Pages {
		pages[i] = itoa(p)
	}
	partial := ""
	if tb.Partial {
		partial = " partial"
	}
	return "[" + strings.Join(pages, " ") + "] " + tb.Unit + partial + " " + strings.Join(cols, "|") + " " + strings.Join(rows, " ")
}

// TestPageSets: a table by region printed as page sets, the caption and
// the row labels repeated on each page and other regions on each
// (shandong_province_2025 表22 p76|p77, 合计 and 7 cities then 9 more;
// xinjiang_region_2024 表二十一), joins into one table; a part over
// several pages, and a table printed in bands, join too. Rows in another
// order, another table with the same labels, or the same columns again do
// not join.
func TestPageSets(t *testing.T) {
	const title = "2025年省对各市政府性基金预算转移支付分地区执行情况表"
	page := func(caption bool, g string) []extract.Block {
		if !caption {
			return []extract.Block{grid(g)}
		}
		return []extract.Block{para(title, "单位：万元"), grid(g)}
	}
	for _, tt := range []struct {
		name  string
		pages [][]extract.Block
		want  []string
	}{
		{"two pages, caption on both", [][]extract.Block{
			page(true, "项目|合计|济南市|青岛市\n合计|100|60|25\n一、国家电影事业发展专项资金|10|6|2"),
			page(true, "项目|淄博市\n合计|15\n一、国家电影事业发展专项资金|2"),
		}, []string{"[1 2] 万元 项目|合计|济南市|青岛市|淄博市 合计=100@1,60@1,25@1,15@2 一、国家电影事业发展专项资金=10@1,6@1,2@1,2@2"}},
		{"three pages", [][]extract.Block{
			page(true, "项目|合计|济南市\n合计|100|60\n二、旅游发展基金|10|6"),
			page(true, "项目|青岛市\n合计|25\n二、旅游发展基金|—"),
			page(true, "项目|淄博市|枣庄市\n合计|10|5\n二、旅游发展基金|3|1"),
		}, []string{"[1 2 3] 万元 项目|合计|济南市|青岛市|淄博市|枣庄市 合计=100@1,60@1,25@2,10@3,5@3 二、旅游发展基金=10@1,6@1,3@3,1@3"}},
		{"caption on the first page only", [][]extract.Block{
			page(true, "项目|合计|济南市|青岛市\n合计|100|60|25\n一、国家电影事业发展专项资金|10|6|2"),
			page(false, "项目|淄博市\n合计|15\n一、国家电影事业发展专项资金|2"),
		}, []string{"[1 2] 万元 项目|合计|济南市|青岛市|淄博市 合计=100@1,60@1,25@1,15@2 一、国家电影事业发展专项资金=10@1,6@1,2@1,2@2"}},
		{"all the rows of each part before the next: pages 1|2, then 3|4", [][]extract.Block{
			page(true, "项目|合计|济南市\n合计|100|60\n一、科技创新和人才支出|10|6"),
			page(false, "项目|合计|济南市\n二、教育支出|20|12\n三、农林水支出|30|18"),
			page(true, "项目|青岛市\n合计|40\n一、科技创新和人才支出|4"),
			page(false, "项目|青岛市\n二、教育支出|8\n三、农林水支出|12"),
		}, []string{"[1 2 3 4] 万元 项目|合计|济南市|青岛市 合计=100@1,60@1,40@3 一、科技创新和人才支出=10@1,6@1,4@3 " +
			"二、教育支出=20@2,12@2,8@4 三、农林水支出=30@2,18@2,12@4"}},
		{"bands: rows 1-2 over pages 1|2, rows 3-4 over pages 3|4", [][]extract.Block{
			page(true, "项目|合计|济南市\n合计|100|60\n一、科技创新和人才支出|10|6"),
			page(true, "项目|青岛市\n合计|40\n一、科技创新和人才支出|4"),
			page(true, "项目|合计|济南市\n二、教育支出|20|12\n三、农林水支出|30|18"),
			page(true, "项目|青岛市\n二、教育支出|8\n三、农林水支出|12"),
		}, []string{"[1 2 3 4] 万元 项目|合计|济南市|青岛市 合计=100@1,60@1,40@2 一、科技创新和人才支出=10@1,6@1,4@2 " +
			"二、教育支出=20@3,12@3,8@4 三、农林水支出=30@3,18@3,12@4"}},
		{"rows in another order: two partial tables", [][]extract.Block{
			page(true, "项目|合计|济南市|青岛市\n合计|100|60|25\n一、国家电影事业发展专项资金|10|6|2"),
			page(true, "项目|淄博市\n一、国家电影事业发展专项资金|2\n合计|15"),
		}, []string{"[1] 万元 partial 项目|合计|济南市|青岛市 合计=100@1,60@1,25@1 一、国家电影事业发展专项资金=10@1,6@1,2@1",
			"[2] 万元 partial 项目|淄博市 一、国家电影事业发展专项资金=2@2 合计=15@2"}},
		{"another table with the same labels", [][]extract.Block{
			page(true, "项目|合计|济南市|青岛市\n合计|100|60|25\n一、国家电影事业发展专项资金|10|6|2"),
			{para("2026年省对各市政府性基金预算转移支付分地区预算表", "单位：万元"), grid("项目|淄博市\n合计|15\n一、国家电影事业发展专项资金|2")},
		}, []string{"[1] 万元 项目|合计|济南市|青岛市 合计=100@1,60@1,25@1 一、国家电影事业发展专项资金=10@1,6@1,2@1",
			"[2] 万元 项目|淄博市 合计=15@2 一、国家电影事业发展专项资金=2@2"}},
		{"the caption on the second page only: a table of its own", [][]extract.Block{
			page(false, "项目|合计|济南市|青岛市\n合计|100|60|25\n一、国家电影事业发展专项资金|10|6|2"),
			page(true, "项目|淄博市\n合计|15\n一、国家电影事业发展专项资金|2"),
		}, []string{"[1]  项目|合计|济南市|青岛市 合计=100@1,60@1,25@1 一、国家电影事业发展专项资金=10@1,6@1,2@1",
			"[2] 万元 项目|淄博市 合计=15@2 一、国家电影事业发展专项资金=2@2"}},
		{"another unit: not one table", [][]extract.Block{
			page(true, "项目|合计|济南市|青岛市\n合计|100|60|25\n一、国家电影事业发展专项资金|10|6|2"),
			{para(title, "单位：元"), grid("项目|淄博市\n合计|150000\n一、国家电影事业发展专项资金|20000")},
		}, []string{"[1] 万元 partial 项目|合计|济南市|青岛市 合计=100@1,60@1,25@1 一、国家电影事业发展专项资金=10@1,6@1,2@1",
			"[2] 元 partial 项目|淄博市 合计=150000@2 一、国家电影事业发展专项资金=20000@2"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tb := range Parse(text(extract.FormatPDF, tt.pages...)) {
				got = append(got, setView(tb))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestPageSetsShandong: shandong_province_2025's two tables by city printed
// as page sets are one table each: 表22 (p76|p77: 合计 and 7 cities, then 9
// more) and 表8 (p22-23 合计 and 7 cities for all 33 rows, then p24-25 the
// other 9 cities), with every cell on the page it is printed on, and the
// 合计 column the sum of the cities in every row.
func TestPageSetsShandong(t *testing.T) {
	txt, err := govwideText(t, "shandong_province_2025_govwide_budget_report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		pages       string
		rows        int
		first, last string // the first body row's first and last figure
		lastPage    int
	}{
		"表22": {"[76 77]", 9, "5257416@76", "366764@77", 77},
		"表8":  {"[22 23 24 25]", 33, "4347606@22", "299740@24", 25},
	}
	found := 0
	for _, tb := range Parse(txt) {
		w, ok := want[tb.Code]
		if !ok || len(tb.Columns) != 18 {
			continue
		}
		found++
		if got := setView(tb); !strings.HasPrefix(got, w.pages+" 万元 项目|合计|济南市|") || strings.Contains(got, "partial") {
			t.Errorf("%s: %s", tb.Code, got[:min(len(got), 120)])
		}
		if len(tb.Body) != w.rows {
			t.Errorf("%s: %d rows, want %d", tb.Code, len(tb.Body), w.rows)
		}
		var sums int
		for i, r := range tb.Body {
			if !r.Cells[1].IsAmount {
				continue
			}
			total := r.Cells[1].Amount
			var figs []string
			for _, c := range r.Cells[2:] {
				if c.IsAmount {
					total = total.Sub(c.Amount)
				}
			}
			for _, c := range r.Cells[1:] {
				if c.IsAmount {
					figs = append(figs, c.Text+"@"+itoa(c.Loc.Page))
				}
			}
			if !total.IsZero() {
				t.Errorf("%s %s: 合计 - the cities = %s", tb.Code, r.Label, total)
			}
			sums++
			if i == 0 && (figs[0] != w.first || figs[len(figs)-1] != w.last) {
				t.Errorf("%s first row %v: want %s … %s", tb.Code, figs, w.first, w.last)
			}
		}
		if last := tb.Body[len(tb.Body)-1].Cells[17]; last.Loc.Page != w.lastPage {
			t.Errorf("%s: last cell %+v, want on page %d", tb.Code, last, w.lastPage)
		}
		if sums < w.rows-2 {
			t.Errorf("%s: %d rows with a 合计", tb.Code, sums)
		}
	}
	if found != len(want) {
		t.Errorf("%d of the %d tables found joined", found, len(want))
	}
}

// TestSubjectPastDash: a "—" for nothing among a row's amounts does not
// name the amounts after it (shandong_province_2025 表22: 二、旅游发展基金
// has — for 青岛市, and the cities joined from the next page follow it).
func TestSubjectPastDash(t *testing.T) {
	ts := Parse(text(extract.FormatPDF, []extract.Block{para("转移支付分地区表", "单位：万元"),
		grid("项目|合计|济南市|青岛市|淄博市\n二、旅游发展基金|10|6|—|4\n五、民航发展基金|9|-|－|9")}))
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	var got []string
	for _, f := range ts[0].Facts(1) {
		got = append(got, f.Subject+"|"+f.Dimension)
	}
	want := "二、旅游发展基金|合计 二、旅游发展基金|济南市 二、旅游发展基金|淄博市 五、民航发展基金|合计 五、民航发展基金|淄博市"
	if strings.Join(got, " ") != want {
		t.Errorf("facts %q, want %q", strings.Join(got, " "), want)
	}
}

// FuzzPageSets: three pages, each with its caption and a grid, never
// panic; a joined table's pages ascend and hold every located cell, its
// parts start in order inside its columns, and no row is wider than the
// columns.
func FuzzPageSets(f *testing.F) {
	const title = "2025年省对各市政府性基金预算转移支付分地区执行情况表\n单位：万元"
	f.Add(title, "项目|合计|济南市\n合计|100|60\n二、旅游发展基金|10|6", title, "项目|青岛市\n合计|25\n二、旅游发展基金|—",
		title, "项目|淄博市|枣庄市\n合计|10|5\n二、旅游发展基金|3|1")
	f.Add(title, "项目|合计|济南市\n合计|100|60\n一、科技创新和人才支出|10|6", "", "项目|合计|济南市\n二、教育支出|20|12",
		title, "项目|青岛市\n合计|40\n一、科技创新和人才支出|4")
	f.Add("", "|<|^\n^|<|", title, "项目|1\n合计|", "表6", "项目|\n|1")
	f.Fuzz(func(t *testing.T, c1, g1, c2, g2, c3, g3 string) {
		if len(g1)+len(g2)+len(g3) > 4096 {
			return
		}
		var pages [][]extract.Block
		for _, p := range [][2]string{{c1, g1}, {c2, g2}, {c3, g3}} {
			pages = append(pages, []extract.Block{para(strings.Split(p[0], "\n")...), grid(p[1])})
		}
		for _, tb := range Parse(text(extract.FormatPDF, pages...)) {
			checkJoined(t, tb)
			for k, at := range tb.sets {
				if at <= 0 || at >= len(tb.Columns) || k > 0 && at <= tb.sets[k-1] {
					t.Fatalf("parts at %v of %d columns", tb.sets, len(tb.Columns))
				}
			}
		}
	})
}
