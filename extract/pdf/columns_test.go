package pdf

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// columnPage lays out a headline across the page and two columns of n
// lines of prose below it, the right column's baselines 7pt lower (as in a
// newspaper, where columns are not set on one grid).
func columnPage(left, right string, n int) []glyph {
	gs := run("关于2024年预算执行情况的报告", 60, 40, 14)
	for i := 0; i < n; i++ {
		l, r := strings.Repeat(left, 10), strings.Repeat(right, 10)
		if i == n-1 {
			l, r = left+"。", right+"。"
		}
		gs = append(gs, run(l, 60, 80+float64(i)*17, 14)...)
		gs = append(gs, run(r, 230, 87+float64(i)*17, 14)...)
	}
	return gs
}

func TestColumns(t *testing.T) {
	full := func(s string, n int) string {
		var ls []string
		for i := 0; i < n-1; i++ {
			ls = append(ls, strings.Repeat(s, 10))
		}
		return strings.Join(append(ls, s+"。"), "|")
	}
	tests := []struct {
		name string
		gs   []glyph
		want []string
	}{
		// hohhot_2024_govwide_budget_report.pdf: six columns of a newspaper
		// page; read across, the lines ran from one column into the next
		{"two columns of prose under a headline", columnPage("甲", "乙", 8),
			[]string{"关于2024年预算执行情况的报告", full("甲", 8), full("乙", 8)}},
		// too few lines to tell columns from a label and its value
		{"a short passage stays as it is", columnPage("甲", "乙", 3), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := layoutText(tc.gs)
			if tc.want == nil {
				for _, b := range got {
					if strings.Contains(b, "甲") && strings.Contains(b, "乙") {
						return // read across, as one column
					}
				}
				t.Fatalf("read as columns: %q", got)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// Columns of a table without rulings have gutters too; they are not prose
// and are never read one after the other.
func TestColumnsNotTables(t *testing.T) {
	var numbers, labels []glyph
	for i := 0; i < 12; i++ {
		top := 80 + float64(i)*17
		numbers = append(numbers, run("一般公共服务支出", 60, top, 14)...)
		numbers = append(numbers, run("1,234.56", 230, top, 7)...)
		numbers = append(numbers, run("2,345.67", 330, top, 7)...)
		// a table of names: ragged cells that do not fill their column
		labels = append(labels, run(strings.Repeat("项", 3+i%5), 60, top, 14)...)
		labels = append(labels, run(strings.Repeat("局", 2+i%4), 230, top, 14)...)
	}
	for name, gs := range map[string][]glyph{"numbers": numbers, "names": labels} {
		rows := groupRows(gs)
		if flows := readingFlows(rows); len(flows) != 1 || len(flows[0].rows) != len(rows) {
			t.Errorf("%s: read as %d flows", name, len(flows))
		}
	}
}

// TestNewspaperColumns reads the report printed on a broadsheet page in six
// columns (hohhot_2024_govwide_budget_report.pdf): every line stays within
// one column, and the opening of the report reads in order.
func TestNewspaperColumns(t *testing.T) {
	path := filepath.Join(sharedDir(t), "corpus", "govwide", "hohhot_2024_govwide_budget_report.pdf")
	if _, err := os.Stat(path); err != nil {
		t.Skip("no hohhot report")
	}
	doc := readFile(t, path)
	lines := pageLines(doc.Pages[0])
	text := strings.Join(lines, "\n")
	if want := "各位代表：\n受市人民政府委托，现将2024\n年预算执行情况和2025年预算（草"; !strings.Contains(text, want) {
		t.Errorf("the opening does not read in order; want %q in\n%s", want, text[:min(len(text), 600)])
	}
	across := 0
	start := slices.Index(lines, "各位代表：") // the masthead above spans the page
	for _, l := range lines[start+1:] {
		// two columns read as one line leave a gutter of spaces between Han text
		if gutterRE.MatchString(l) {
			across++
		}
	}
	if across > 0 {
		t.Errorf("%d of %d lines run across a gutter", across, len(lines))
	}
}

var gutterRE = regexp.MustCompile(`\p{Han}[，。、；]? {3,}\p{Han}`)
