package facts

import (
	"slices"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/tables"
	"github.com/budgetdoc/budgetdoc/schema"
)

// labelTable is a one-column table of labels whose boxes are given.
func labelTable(labels []string, boxes []schema.BBox) *tables.Table {
	t := &tables.Table{}
	for n, l := range labels {
		b := boxes[n]
		t.Body = append(t.Body, tables.Row{Label: l, Cells: []tables.Cell{{Text: l, Loc: extract.Loc{BBox: &b}}}})
	}
	return t
}

// TestLabelRowsTurned: the indentation of labels printed on a turned page
// (a landscape table set on a portrait page, boxes in the page's frame) is
// measured in the text's own frame, so the parents are those of the same
// table printed upright. Measured in the page's frame, the rows' advance
// across the page read as ever deeper indents, each project a part of the
// one before (青岛 2025 表5-9, bond projects under their sibling).
func TestLabelRowsTurned(t *testing.T) {
	labels := []string{"一、一般公共服务支出", "人大事务", "政协事务", "二、教育支出", "普通教育", "职业教育"}
	indent := []float64{0, 2, 2, 0, 2, 2} // in characters of 10 points
	const size, left, top, pitch = 10.0, 60.0, 100.0, 20.0
	var upright, up, down []schema.BBox
	for n, l := range labels {
		length := float64(len([]rune(l))) * size
		x0 := left + indent[n]*size
		y0 := top + float64(n)*pitch
		upright = append(upright, schema.BBox{x0, y0, x0 + length, y0 + size})
		// Reading upwards: a label starts at the bottom, rows stack rightwards.
		up = append(up, schema.BBox{y0, 800 - x0 - length, y0 + size, 800 - x0})
		// Reading downwards: a label starts at the top, rows stack leftwards.
		down = append(down, schema.BBox{600 - y0 - size, x0, 600 - y0, x0 + length})
	}
	want := []int{-1, 0, 0, -1, 3, 3}
	for _, c := range []struct {
		name  string
		boxes []schema.BBox
	}{{"upright", upright}, {"upwards", up}, {"downwards", down}} {
		rows, _ := labelRows(labelTable(labels, c.boxes), 0, nil)
		if got := RowParents(rows); !slices.Equal(got, want) {
			t.Errorf("%s: parents %v, want %v (rows %+v)", c.name, got, want, rows)
		}
	}
}

// TestMarkTitledTotal: the last row is the table's total when its label
// names what the title names, and only then.
func TestMarkTitledTotal(t *testing.T) {
	for _, c := range []struct {
		name, title string
		rows        []RowLabel
		want        bool
	}{
		// 新疆 2024 表十五 (p19) and 表十 (p82 without its 小计, synthetic).
		{"xinjiang: the revenue the title names", "表十五：2025年自治区一般公共预算收入预算表（代编预算）",
			[]RowLabel{coded("101", "一、税收收入"), coded("103", "二、非税收入"), {Text: "一般公共预算收入"}}, true},
		{"the label spaced out", "2025年全市政府性基金预算收入表",
			[]RowLabel{{Text: "国有土地使用权出让收入"}, {Text: "彩票公益金收入"}, {Text: "政府性基金 预算收入"}}, true},
		{"an item the title does not name", "2025年全市政府性基金预算收入表",
			[]RowLabel{{Text: "国有土地使用权出让收入"}, {Text: "彩票公益金收入"}, {Text: "其他政府性基金收入"}}, false},
		{"a short label names too little", "2025年收入预算表",
			[]RowLabel{{Text: "税收收入"}, {Text: "非税收入"}, {Text: "收入"}}, false},
		{"a coded row is an item", "2025年一般公共服务支出预算表",
			[]RowLabel{{Text: "人大事务"}, {Text: "政协事务"}, {Text: "一般公共服务支出", Code: "201"}}, false},
		{"a numbered row is an item", "2025年一般公共预算收入表",
			[]RowLabel{{Text: "增值税"}, {Text: "契税"}, {Text: "二、一般公共预算收入"}}, false},
		{"too few rows to sum", "2025年一般公共预算收入表",
			[]RowLabel{{Text: "税收收入"}, {Text: "一般公共预算收入"}}, false},
	} {
		markTitledTotal(c.rows, c.title)
		if got := c.rows[len(c.rows)-1].Total; got != c.want {
			t.Errorf("%s: total %v, want %v", c.name, got, c.want)
		}
	}
}
