package pdf

import (
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

// TestBandSplit: a table ruled only between columns (the form of the
// henan_province_2024 and guangdong_province_2024 决算表): one ruled band
// below the header holds three data rows; the second label wraps at its
// cell's edge with its amount centred between the two lines. The band
// becomes three rows, the wrapped label one label.
func TestBandSplit(t *testing.T) {
	boxes := []box{
		hline(100, 100, 400), hline(120, 100, 400), hline(220, 100, 400),
		vline(100, 100, 220), vline(200, 100, 220), vline(300, 100, 220), vline(400, 100, 220),
	}
	var gs []glyph
	gs = append(gs, run("项目", 105, 104, 10)...)
	gs = append(gs, run("预算数", 205, 104, 10)...)
	gs = append(gs, run("决算数", 305, 104, 10)...)
	// Row 1 at y 124.
	gs = append(gs, run("一、税收收入", 105, 124, 10)...)
	gs = append(gs, run("-80,000", 230, 124, 8)...)
	gs = append(gs, run("-174,644", 325, 124, 8)...)
	// Row 2: a label of ten characters fills the cell (100 points) and
	// wraps; its amounts sit between its lines.
	gs = append(gs, run("文化旅游体育与传媒共", 100.5, 140, 9.9)...)
	gs = append(gs, run("65,298", 240, 146, 8)...)
	gs = append(gs, run("63,825", 340, 146, 8)...)
	gs = append(gs, run("同财政事权", 100.5, 152, 9.9)...)
	// Row 3, no 预算数.
	gs = append(gs, run("其他收入", 105, 170, 10)...)
	gs = append(gs, run("57,878", 340, 170, 8)...)
	tables, _ := findTables(gs, boxes, 595, 842, 0)
	if len(tables) != 1 {
		t.Fatalf("%d tables", len(tables))
	}
	want := `项目 | 预算数 | 决算数
一、税收收入 | -80,000 | -174,644
文化旅游体育与传媒共/同财政事权 | 65,298 | 63,825
其他收入 |  | 57,878
`
	if got := gridText(tables[0].table); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestBandBesideMergedCell: a band beside a cell merged down over two grid
// rows (taian_2025 表55, a region printed once for its bond rows; the form
// of 发行日期 cells in the debt tables of qingdao and shandong): the band
// is split, the merged cell spans all the rows that come of it.
func TestBandBesideMergedCell(t *testing.T) {
	boxes := []box{
		hline(100, 100, 400), hline(120, 100, 400), hline(180, 200, 400), hline(220, 100, 400),
		vline(100, 100, 220), vline(200, 100, 220), vline(300, 100, 220), vline(400, 100, 220),
	}
	var gs []glyph
	gs = append(gs, run("地区", 105, 104, 10)...)
	gs = append(gs, run("类型", 205, 104, 10)...)
	gs = append(gs, run("余额", 305, 104, 10)...)
	gs = append(gs, run("全市", 105, 150, 10)...)
	// Grid row 2 holds three data rows, no rule between them.
	gs = append(gs, run("合计", 205, 124, 10)...)
	gs = append(gs, run("374.60", 340, 124, 8)...)
	gs = append(gs, run("新增债券", 205, 142, 10)...)
	gs = append(gs, run("7.81", 350, 142, 8)...)
	gs = append(gs, run("再融资债券", 205, 160, 10)...)
	gs = append(gs, run("366.79", 340, 160, 8)...)
	// Grid row 3, one data row.
	gs = append(gs, run("其他", 205, 195, 10)...)
	gs = append(gs, run("1.00", 350, 195, 8)...)
	tables, _ := findTables(gs, boxes, 595, 842, 0)
	if len(tables) != 1 {
		t.Fatalf("%d tables", len(tables))
	}
	tb := tables[0].table
	want := `地区 | 类型 | 余额
全市[4x1] | 合计 | 374.60
^ | 新增债券 | 7.81
^ | 再融资债券 | 366.79
^ | 其他 | 1.00
`
	if got := gridText(tb); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestBandSparseNumbers: a band where most rows have no numbers (a budget
// table listing every 项, most of them empty: jinan_2025 表90) and the
// last rows all have numbers: number rows far apart must not make the
// close ones one row.
func TestBandSparseNumbers(t *testing.T) {
	var label, num []glyph
	rows := []struct {
		label, num string
	}{{"一、解决历史遗留问题", "64"}, {"“三供一业”移交补助支出", ""}, {"国有企业办职教幼教补助支出", ""},
		{"国有企业改革成本支出", ""}, {"二、国有企业资本金注入", "1900"}, {"公益性设施投资支出", ""},
		{"金融企业资本性支出", ""}, {"其他国有企业资本金注入", ""}, {"本年支出合计", "1964"},
		{"调入一般公共预算", "741"}, {"结转下年支出", "41"}}
	for i, r := range rows {
		y := 100 + 22*float64(i)
		label = append(label, run(r.label, 100, y, 10)...)
		if r.num != "" {
			num = append(num, run(r.num, 320, y, 8)...)
		}
	}
	var want []string
	for _, r := range rows {
		want = append(want, r.num)
	}
	wantBand(t, [][]glyph{label, num}, []float64{300, 400}, want)
}

// wantBand checks that bandRows splits cells into one row per want, with
// the text of want in each row's second cell.
func wantBand(t *testing.T, cells [][]glyph, rights []float64, want []string) {
	t.Helper()
	sub := bandRows(cells, rights)
	if len(sub) != len(want) {
		t.Fatalf("%d rows, want %d", len(sub), len(want))
	}
	for i, r := range sub {
		if got := (&row{glyphs: r[1]}).text(); got != want[i] {
			t.Errorf("row %d: %q, want %q", i, got, want[i])
		}
	}
}

// TestBandOffsetNumber: labels wrapped over two lines with their numbers
// between the lines, and one row whose first number is printed beside the
// first line of its label (taian_2025 表7): still one row each.
func TestBandOffsetNumber(t *testing.T) {
	var label, total, region []glyph
	rows := []struct {
		head, tail, total, region string
		offset                    bool
	}{{"公共安全共同财政事权转移", "支付收入", "6593", "255", false},
		{"文化旅游体育与传媒共同财", "政事权转移支付收入", "3858", "659", true},
		{"社会保障和就业共同财政事", "权转移支付收入", "324932", "33965", false}}
	for i, r := range rows {
		y := 100 + 45*float64(i)
		label = append(label, run(r.head, 100, y, 10)...)
		// The geometry of the page: label lines 13 apart, the numbers
		// half-way between them, rows 45 apart.
		label = append(label, run(r.tail, 100, y+13, 10)...)
		ty := y + 6.5
		if r.offset {
			ty = y
		}
		total = append(total, run(r.total, 240, ty, 8)...)
		region = append(region, run(r.region, 320, y+6.5, 8)...)
	}
	sub := bandRows([][]glyph{label, total, region}, []float64{230, 300, 400})
	if len(sub) != len(rows) {
		t.Fatalf("%d rows, want %d", len(sub), len(rows))
	}
	for i, r := range sub {
		got := (&row{glyphs: r[1]}).text() + " " + (&row{glyphs: r[2]}).text()
		if want := rows[i].total + " " + rows[i].region; got != want {
			t.Errorf("row %d: %q, want %q", i, got, want)
		}
	}
}

// TestBandMixedRows: rows with a number in one cell between rows with
// numbers in two (shijiazhuang_2018 表11: 预算 and 比上年增长%).
func TestBandMixedRows(t *testing.T) {
	var label, amount, pct []glyph
	rows := []struct{ label, amount, pct string }{
		{"一、利润收入", "3367", "-35.8"}, {"投资服务企业利润收入", "2262", ""}, {"纺织轻工企业利润收入", "1105", ""},
		{"二、股利、股息收入", "7333", "82.7"}, {"国有参股公司股利、股息收入", "4133", ""}}
	for i, r := range rows {
		y := 100 + 34*float64(i)
		label = append(label, run(r.label, 100, y, 10)...)
		amount = append(amount, run(r.amount, 320, y, 8)...)
		if r.pct != "" {
			pct = append(pct, run(r.pct, 420, y, 8)...)
		}
	}
	var want []string
	for _, r := range rows {
		want = append(want, r.amount)
	}
	wantBand(t, [][]glyph{label, amount, pct}, []float64{300, 400, 500}, want)
}

// TestBandKeptWhole: a header cell wrapped over two lines and a label with
// one amount are no band of rows.
func TestBandKeptWhole(t *testing.T) {
	cells := [][]glyph{
		append(run("决算数为调整", 100, 100, 10), run("预算数的%", 100, 112, 10)...),
		run("97.3", 210, 106, 8),
	}
	if got := bandRows(cells, []float64{160, 260}); got != nil {
		t.Errorf("split into %d rows", len(got))
	}
}

// TestAlignedTightColumns: a rule-less table by town (dongguan_2025 p60):
// number columns packed closer than a column gap, a header line whose
// names are closer still, and a label wrapped around its numbers.
func TestAlignedTightColumns(t *testing.T) {
	line := func(y float64, label string, nums ...string) []glyph {
		var gs []glyph
		if label != "" {
			gs = append(gs, run(label, 50, y, 14)...)
		}
		for k, n := range nums {
			// right-aligned at 240, 282, 324: gaps of one character
			w := 7.0 * float64(len(n))
			gs = append(gs, run(n, 240+42*float64(k)-w, y, 7)...)
		}
		return gs
	}
	var gs []glyph
	gs = append(gs, run("项目", 50, 100, 14)...)
	gs = append(gs, run("中堂", 212, 100, 14)...)
	gs = append(gs, run("望牛墩", 244, 100, 14)...)
	gs = append(gs, run("麻涌", 296, 100, 14)...)
	gs = append(gs, line(120, "自然资源专项补助", "0.00", "1.00", "2.00")...)
	gs = append(gs, line(140, "幼儿园共同体培育")...)
	gs = append(gs, line(156, "", "3.00", "0.00", "5.00")...)
	gs = append(gs, line(172, "第一幼儿园")...)
	gs = append(gs, line(192, "百岁老人慰问金", "1.00", "1.00", "12.00")...)
	page := layoutPage(1, &rawPage{glyphs: gs, width: 595, height: 842}, 0)
	var tb *extract.Table
	for _, b := range page.Blocks {
		if b.Table != nil {
			tb = b.Table
		}
	}
	if tb == nil {
		t.Fatal("no table")
	}
	want := `项目 | 中堂 | 望牛墩 | 麻涌
自然资源专项补助 | 0.00 | 1.00 | 2.00
幼儿园共同体培育/第一幼儿园 | 3.00 | 0.00 | 5.00
百岁老人慰问金 | 1.00 | 1.00 | 12.00
`
	if got := gridText(tb); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestAlignedThreeLabelLines: three label lines between two lines of
// numbers (dongguan_2025 p59: the last line of a label wrapped over three
// lines, then the head of the next label) stay inside the table.
func TestAlignedThreeLabelLines(t *testing.T) {
	line := func(y float64, label string, nums ...string) []glyph {
		var gs []glyph
		if label != "" {
			gs = append(gs, run(label, 50, y, 14)...)
		}
		for k, n := range nums {
			gs = append(gs, run(n, 360+60*float64(k)-7*float64(len(n)), y, 7)...)
		}
		return gs
	}
	var gs []glyph
	gs = append(gs, line(100, "项目", "中堂", "麻涌")...)
	gs = append(gs, line(120, "优抚对象抚恤补助经费", "150.00", "100.00")...)
	gs = append(gs, line(136, "粤财科教关于提前下")...)
	gs = append(gs, line(152, "", "0.00", "3.00")...)
	gs = append(gs, line(168, "达中央支持地方公共")...)
	gs = append(gs, line(184, "校试点建设")...)
	gs = append(gs, line(200, "省财政提前下达学前")...)
	gs = append(gs, line(216, "", "203.00", "106.00")...)
	gs = append(gs, line(232, "教育补助资金")...)
	gs = append(gs, line(252, "百岁老人慰问金", "1.00", "12.00")...)
	page := layoutPage(1, &rawPage{glyphs: gs, width: 595, height: 842}, 0)
	var tables []*extract.Table
	for _, b := range page.Blocks {
		if b.Table != nil {
			tables = append(tables, b.Table)
		}
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	want := `项目 | 中堂 | 麻涌
优抚对象抚恤补助经费 | 150.00 | 100.00
粤财科教关于提前下/达中央支持地方公共/校试点建设 | 0.00 | 3.00
省财政提前下达学前/教育补助资金 | 203.00 | 106.00
百岁老人慰问金 | 1.00 | 12.00
`
	if got := gridText(tables[0]); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestLabelColumnWithoutRules: a table ruled for its numbers only
// (henan_province_2024 表23: no rule crosses the 地区 column, so its cell
// spans the header and every row): the number rows are split, and each
// label line goes to its row.
func TestLabelColumnWithoutRules(t *testing.T) {
	boxes := []box{
		hline(100, 100, 300), hline(120, 200, 300), hline(180, 100, 300),
		vline(100, 100, 180), vline(200, 100, 180), vline(300, 100, 180),
	}
	var gs []glyph
	gs = append(gs, run("地区", 105, 104, 10)...)
	gs = append(gs, run("决算数", 205, 104, 10)...)
	for i, r := range [][2]string{{"漯河市", "80478"}, {"其中：市本级", "66486"}, {"舞阳县", "10793"}} {
		y := 126 + 18*float64(i)
		gs = append(gs, run(r[0], 105, y, 10)...)
		gs = append(gs, run(r[1], 240, y, 8)...)
	}
	tables, _ := findTables(gs, boxes, 595, 842, 0)
	if len(tables) != 1 {
		t.Fatalf("%d tables", len(tables))
	}
	want := `地区 | 决算数
漯河市 | 80478
其中：市本级 | 66486
舞阳县 | 10793
`
	if got := gridText(tables[0].table); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
