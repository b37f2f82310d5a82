package html

import (
	"context"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
)

// sourceColumn is the 1-based character column of the first occurrence of
// want at or after byte from in line of src.
func sourceColumn(src string, line int, want string) int {
	l := strings.Split(src, "\n")[line-1]
	i := strings.Index(l, want)
	if i < 0 {
		return -1
	}
	return len([]rune(l[:i])) + 1
}

// TestColumns: text of a page written as long source lines is located to
// its column, across tags, collapsed white space, entities and line breaks
// inside a paragraph (synthetic pages of the forms seen in the corpus:
// 福州's one line per paragraph, 长沙's amounts split by <span>).
func TestColumns(t *testing.T) {
	tests := []struct {
		name, src string
		find      []string // texts of the rendered line, each located at its first source occurrence
	}{
		{"one line, several amounts",
			`<html><body><p>全市收入750.55亿元，加上转移性收入692.70亿元，收入总计1443.25亿元。</p></body></html>`,
			[]string{"750.55", "692.70", "1443.25"}},
		{"tags and entities between",
			`<p><span style="x">收入</span><b>100</b>万元，&nbsp;&ldquo;三公&rdquo;经费 <i>200</i>万元，&amp;其他300万元</p>`,
			[]string{"100", "三公", "200", "其他300"}},
		{"collapsed white space and a second source line",
			"<div>\n  收入    预算\t100万元，\n    支出预算200万元</div>",
			[]string{"预算", "100", "支出预算"}},
		{"amount and unit in separate spans",
			`<p><span>增长</span><span>10</span><span>亿元</span>，下降<span>3</span>亿元</p>`,
			[]string{"10", "3</span>亿元"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(context.Background(), []byte(tt.src), extract.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			txt, err := normalize.Run(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			var line *normalize.Line
			for _, p := range txt.Pages {
				for _, it := range p.Items {
					if it.Line != nil && line == nil {
						line = it.Line
					}
				}
			}
			if line == nil {
				t.Fatal("no line")
			}
			for _, f := range tt.find {
				rendered, _, _ := strings.Cut(f, "<") // the text as rendered
				off := strings.Index(line.Orig, rendered)
				if off < 0 {
					t.Fatalf("%q not in %q", rendered, line.Orig)
				}
				loc := line.Loc(off)
				srcLine := 0
				for i, l := range strings.Split(tt.src, "\n") {
					if strings.Contains(l, f) {
						srcLine = i + 1
						break
					}
				}
				if want := sourceColumn(tt.src, srcLine, f); loc.Line != srcLine || loc.Column != want {
					t.Errorf("%q at %d:%d, want %d:%d", f, loc.Line, loc.Column, srcLine, want)
				}
			}
		})
	}
}
