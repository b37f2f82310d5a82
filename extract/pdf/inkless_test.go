package pdf

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestOneGlyphRuns reads a table row typeset in separate runs of a font
// PDFium cannot draw (non-embedded STSong-Light through GBK-EUC-H): the
// one-glyph runs (月, 日, 年, 合, 计) have boxes of no width, which PDFium's
// text page skips; they must be read, and the space-only runs between them
// must stay out as before (the gaps in the lines are the layout's).
func TestOneGlyphRuns(t *testing.T) {
	doc := readFile(t, filepath.Join("testdata", "one_glyph_runs.pdf"))
	got := pageLines(doc.Pages[0])
	want := []string{
		"发行日期             3月10日       0.31",
		"合  计               2025年       53.28",
	}
	if !slices.Equal(got, want) {
		t.Errorf("lines\n got %q\nwant %q", got, want)
	}
	if len(doc.Warnings) > 0 {
		t.Errorf("warnings: %v", doc.Warnings)
	}
}

// TestOneGlyphRunsReal reads pages of a Word-made report whose table text
// is in non-embedded FZ fonts (GBK-EUC-H): 泰安's issue dates printed
// `３ 月 １０ 日` in four runs, and a unit line `单位：亿元` whose one-glyph
// runs were all lost, so that the table's amounts were read in 元.
func TestOneGlyphRunsReal(t *testing.T) {
	path := filepath.Join(sharedDir(t), "corpus", "govwide", "taian_2025_govwide_budget_execution_report.pdf")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	doc := readFile(t, path)
	tests := []struct {
		page int
		want []string // consecutive lines
	}{
		{86, []string{"2025年全市及市级地方政府专项债券使用情况表", "单位：亿元", "项目"}},
		{89, []string{"新建济南至枣庄铁路项目（泰安高新区段）", "2025年山东省政府专项债券（六期）", "3月10日", "7", "1.75%", "0.31"}},
		{89, []string{"2025年山东省政府专项债券（九十三期）", "11月25日", "15", "2.31%", "0.20"}},
	}
	for _, tt := range tests {
		lines := pageLines(doc.Pages[tt.page-1])
		found := false
		for i := range lines {
			if i+len(tt.want) <= len(lines) && slices.Equal(lines[i:i+len(tt.want)], tt.want) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("page %d: no lines %q in\n%q", tt.page, tt.want, lines)
		}
	}
	// No date is left without its 月 and 日.
	for i, p := range doc.Pages {
		for _, l := range pageLines(p) {
			if f := strings.Fields(l); len(f) == 2 && isWholeNumber(f[0]) && isWholeNumber(f[1]) {
				t.Errorf("page %d: %q", i+1, l)
			}
		}
	}
}

func isWholeNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

func TestIsBlank(t *testing.T) {
	for _, r := range []rune{' ', '\t', 0xA0, 0x3000, 0x2002, 0x200B, 0xFEFF} {
		if !isBlank(r) {
			t.Errorf("isBlank(%U) = false", r)
		}
	}
	for _, r := range []rune{'月', '3', '，', '.', '、', 0xFFFD} {
		if isBlank(r) {
			t.Errorf("isBlank(%U) = true", r)
		}
	}
}
