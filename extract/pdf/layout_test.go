package pdf

import (
	"strings"
	"testing"
)

// run lays out s as one line of glyphs starting at x, each w wide and
// 14pt high (loose boxes, like the 14pt body text of the corpus).
func run(s string, x, top, w float64) []glyph {
	var gs []glyph
	for _, r := range s {
		g := glyph{r: r, x0: x, y0: top, x1: x + w, y1: top + 14}
		if r == ' ' {
			g.space = true
		}
		gs = append(gs, g)
		x += w
	}
	return gs
}

// runSized is run with glyphs w wide and h high.
func runSized(s string, x, top, w, h float64) []glyph {
	gs := run(s, x, top, w)
	for i := range gs {
		gs[i].y1 = top + h
	}
	return gs
}

func layoutText(gs []glyph) []string {
	page := layoutPage(1, &rawPage{width: 842, height: 595, glyphs: gs}, 0)
	var out []string
	for _, b := range page.Blocks {
		var ls []string
		for _, l := range b.Lines {
			ls = append(ls, l.Text)
		}
		out = append(out, strings.Join(ls, "|"))
	}
	return out
}

func cat(parts ...[]glyph) []glyph {
	var out []glyph
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestLayout(t *testing.T) {
	// Full-width "，" and "：" from page 7 of the Putuo budget: tight boxes
	// sit low, so they overlap the line only partly.
	comma := glyph{r: '，', x0: 129.5, y0: 126, x1: 143.5, y1: 134}
	tests := []struct {
		name string
		gs   []glyph
		want []string
	}{
		{"one line", run("2025年部门预算", 87, 120, 14), []string{"2025年部门预算"}},
		{"fake bold dropped", cat(run("收入预算", 87, 120, 14), run("收入预算", 87.3, 120, 14)), []string{"收入预算"}},
		{"repeated char kept", run("11万元", 87, 120, 7), []string{"11万元"}},
		{"low punctuation joins the line", cat(run("2025年", 87, 120, 8.5)[:5], []glyph{comma}, run("上海", 144.5, 120, 14)),
			[]string{"2025年，上海"}},
		{"content order does not matter", cat(run("预算", 115, 120, 14), run("部门", 87, 120, 14)), []string{"部门预算"}},
		{"word space from the document", run("与 2023 年", 87, 120, 7), []string{"与 2023 年"}},
		{"wide gap becomes spaces", cat(run("项目", 87, 120, 14), run("合计", 87+28+70, 120, 14)), []string{"项目          合计"}},
		{"indented first lines start paragraphs", cat(
			run(strings.Repeat("财", 40), 87, 120, 14),
			run(strings.Repeat("政", 42), 59, 137, 14),
			run("第二段。", 87, 154, 14),
			run("第三段。", 87, 171, 14),
		), []string{strings.Repeat("财", 40) + "|" + strings.Repeat("政", 42), "第二段。", "第三段。"}},
		{"short line ends a paragraph", cat(
			run(strings.Repeat("甲", 42), 59, 120, 14),
			run("乙。", 59, 137, 14),
			run(strings.Repeat("丙", 42), 59, 154, 14),
		), []string{strings.Repeat("甲", 42) + "|乙。", strings.Repeat("丙", 42)}},
		{"a heading printed over a body line is its own line", cat(
			runSized("关于决算情况的说明", 40, 72, 18, 21),
			run("（十二）资源勘探支出22.05亿元，完成预算的96%。", 66, 83, 16),
			run("（十三）金融支出。", 66, 120, 16),
		), []string{"关于决算情况的说明", "（十二）资源勘探支出22.05亿元，完成预算的96%。", "（十三）金融支出。"}},
		{"a tight pair is not an overprint", cat(run("支出", 87, 120, 14), run("合计", 113, 120, 14)), []string{"支出合计"}},
		{"vertical gap starts a paragraph", cat(
			run(strings.Repeat("甲", 42), 59, 120, 14),
			run(strings.Repeat("乙", 42), 59, 170, 14),
		), []string{strings.Repeat("甲", 42), strings.Repeat("乙", 42)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := layoutText(tc.gs)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestLayoutLineBoxes(t *testing.T) {
	page := layoutPage(3, &rawPage{width: 595, height: 842, glyphs: cat(run("第一行", 72, 100, 12), run("第二行", 72, 130, 12))}, 0)
	var lines int
	for _, b := range page.Blocks {
		for _, l := range b.Lines {
			lines++
			if l.Loc.Page != 3 || l.Loc.Line != lines {
				t.Errorf("loc %+v", l.Loc)
			}
		}
	}
	first := *page.Blocks[0].Lines[0].Loc.BBox
	if first != [4]float64{72, 100, 108, 114} {
		t.Errorf("bbox %v", first)
	}
}
