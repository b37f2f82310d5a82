package pdf

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// bodyLine is a line of 16pt Han glyphs whose digits have the tall loose
// boxes of a Latin font (天津 2025: Han 16.2pt, digits 34.9pt high, their
// boxes reaching 14pt below the Han glyphs').
func bodyLine(s string, x, top float64) []glyph {
	var gs []glyph
	for _, r := range s {
		g := glyph{r: r, x0: x, y0: top, x1: x + 16, y1: top + 16.2}
		if r >= '0' && r <= '9' || r >= '０' && r <= '９' || r == '.' {
			g.y0, g.y1 = top-5, top+29.9
		}
		gs = append(gs, g)
		x += 16
	}
	return gs
}

// pageLinesOf lays out gs on an A4 portrait page and returns its lines in
// order.
func pageLinesOf(gs []glyph) []string {
	return pageLines(layoutPage(1, &rawPage{width: 595, height: 842, glyphs: gs}, 0))
}

// TestSunkPageNumber: a page number set between dashes so close under the
// last line that its boxes overlap the line's is a line of its own, after
// the page's text (where the page's furniture is dropped), not glyphs
// interleaved with the line's (`政—府４性—基金`). A number of the line, a
// table's bare number at the foot of the page and a page number on a
// line of its own stay where they are.
func TestSunkPageNumber(t *testing.T) {
	footer := func(s string, x float64) []glyph { // 天津 p4: — 737.7–752.4, ４ 737.8–760.8
		var gs []glyph
		for _, r := range s {
			g := glyph{r: r, x0: x, y0: 737.7, x1: x + 9.7, y1: 752.4}
			if r != '—' {
				g.y1 = 760.8
			}
			gs = append(gs, g)
			x += 15.7
		}
		return gs
	}
	tests := []struct {
		name string
		gs   []glyph
		want []string
	}{
		{"footer over the last line",
			slices.Concat(bodyLine("预算总收入为６４２.５亿元.", 72, 685.6), bodyLine("政府性基金预算支出３８５.４亿元,完成调整预算", 78, 715.3), footer("—４—", 88.3)),
			[]string{"预算总收入为６４２.５亿元.", "政府性基金预算支出３８５.４亿元,完成调整预算", "—４—"}},
		{"footer over a heading's line end",
			slices.Concat(bodyLine("５.地方政府债务", 72, 715.3), footer("—５—", 400)),
			[]string{"５.地方政府债务", "—５—"}},
		{"footer on a line of its own",
			slices.Concat(bodyLine("预算总收入为６４２.５亿元.", 72, 685.6), bodyLine("—４—", 280, 790)),
			[]string{"预算总收入为６４２.５亿元.", "—４—"}},
		{"a bare number at the foot stays in its line",
			slices.Concat(bodyLine("其他残疾人事业支出１４８", 72, 715.3), run("38", 400, 737.7, 9.7)),
			[]string{"其他残疾人事业支出１４８38"}},
		{"the same line in the body stays whole",
			slices.Concat(bodyLine("政府性基金预算支出３８５.４亿元", 78, 300), footer("—４—", 88.3)[:0]),
			[]string{"政府性基金预算支出３８５.４亿元"}},
	}
	for _, tt := range tests {
		got := pageLinesOf(tt.gs)
		for i := range got {
			got[i] = strings.Join(strings.Fields(got[i]), "")
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: lines %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestSunkPageNumberReal: 天津 2025's footers sit under the last line of
// the page; the last lines read whole and the page numbers are lines of
// their own.
func TestSunkPageNumberReal(t *testing.T) {
	path := filepath.Join(sharedDir(t), "corpus", "govwide", "tianjin_2025_govwide_budget_report.pdf")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	doc := readFile(t, path)
	for _, tt := range []struct {
		page       int
		line, foot string
	}{
		{4, "政府性基金预算支出３８５.４亿元", "—４—"},
		{6, "安排专项资金０.３亿元", "—６—"},
	} {
		lines := pageLines(doc.Pages[tt.page-1])
		whole, foot := false, false
		for _, l := range lines {
			l = strings.Join(strings.Fields(l), "")
			whole = whole || strings.Contains(l, tt.line)
			foot = foot || l == tt.foot
		}
		if !whole || !foot {
			t.Errorf("page %d: line with %q %v, footer %q %v in\n%q", tt.page, tt.line, whole, tt.foot, foot, lines)
		}
	}
}
