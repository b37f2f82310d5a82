package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIsBaselineDot checks the shape rule on boxes of the general forms:
// display boxes, y down, next to a digit whose ink spans y 100–110.
func TestIsBaselineDot(t *testing.T) {
	digit := [4]float64{0, 100, 5.5, 110}
	tests := []struct {
		name string
		ink  [4]float64
		want bool
	}{
		{"period on the baseline", [4]float64{7, 108, 9, 110}, true},
		{"period a little below the baseline", [4]float64{7, 108.5, 9, 110.8}, true},
		{"square dot of a CJK font", [4]float64{7, 107.2, 9.6, 110}, true},
		{"middle dot at half height", [4]float64{7, 104, 9, 106}, false},
		{"comma hanging below the baseline", [4]float64{7, 107.5, 8.5, 112}, false},
		{"full-width comma: taller than wide", [4]float64{7, 106, 8.6, 110}, false},
		{"footnote marker as large as a digit", [4]float64{7, 100, 15, 110}, false},
		{"underscore: flat", [4]float64{7, 109.5, 11, 110}, false},
		{"no ink", [4]float64{7, 110, 7, 110}, false},
		{"no digit ink", [4]float64{7, 108, 9, 110}, false},
	}
	for _, tt := range tests {
		d := digit
		if tt.name == "no digit ink" {
			d = [4]float64{0, 110, 5.5, 110}
		}
		if got := isBaselineDot(tt.ink, d); got != tt.want {
			t.Errorf("%s: isBaselineDot = %t, want %t", tt.name, got, tt.want)
		}
	}
}

func TestJoinSurrogates(t *testing.T) {
	tests := []struct {
		hi, lo rune
		want   rune
		ok     bool
	}{
		{0xDBC0, 0xDDB0, 0x1001B0, true}, // Founder's decimal point, as PDFium reports it
		{0xD83D, 0xDE00, 0x1F600, true},
		{0xDBC0, '１', 0, false}, // a lone high surrogate
		{'１', 0xDDB0, 0, false},
		{0xDDB0, 0xDBC0, 0, false}, // the wrong order
	}
	for _, tt := range tests {
		got, ok := joinSurrogates(tt.hi, tt.lo)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("joinSurrogates(%U, %U) = %U, %t; want %U, %t", tt.hi, tt.lo, got, ok, tt.want, tt.ok)
		}
	}
}

// TestPrivateUseDecimalPoint reads real reports whose typesetter drew
// symbols with private-use glyphs: 天津's decimal points become points, and
// 鄂州's footnote markers (also private use, after 元 or alone) are still
// left out, never read as points.
func TestPrivateUseDecimalPoint(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "corpus", "govwide")
	tests := []struct {
		file      string
		want      []string // lines containing these texts
		dropped   bool     // some private-use characters are still left out
		forbidden []string
	}{
		{"tianjin_2025_govwide_budget_report.pdf", []string{
			"一般公共预算收入２２２１.７亿元,完成预算",
			"１０１.１％,比上年增长４.１％.其中,税收收入１６９０.４亿元,增长",
			"１.一般公共预算",
		}, true, []string{"２２２１７亿元", "１０１１％"}},
		{"ezhou_2025_govwide_budget_execution_report.pdf", []string{
			"全市政府性基金预算总收入未包含2026年拟增发的专项债务额度",
		}, true, []string{"元.", ".全市政府性基金预算总收入"}},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, tt.file)
		if _, err := os.Stat(path); err != nil {
			t.Skipf("corpus not available: %v", err)
		}
		doc := readFile(t, path)
		text := docText(doc)
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no line contains %q", tt.file, w)
			}
		}
		for _, f := range tt.forbidden {
			if strings.Contains(text, f) {
				t.Errorf("%s: text contains %q", tt.file, f)
			}
		}
		warned := strings.Contains(strings.Join(doc.Warnings, "\n"), "private use")
		if warned != tt.dropped {
			t.Errorf("%s: warning about dropped private-use characters %t, want %t: %q", tt.file, warned, tt.dropped, doc.Warnings)
		}
	}
}
