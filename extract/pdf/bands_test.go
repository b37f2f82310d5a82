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
