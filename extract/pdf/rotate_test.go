package pdf

import (
	"strings"
	"testing"
)

// TestTextTurn: a table set rotated on a portrait page (guangdong_province
// 2024 表12-1) reads upwards; laid out in the text's frame it is a table,
// and its boxes map back onto the page.
func TestTextTurn(t *testing.T) {
	gs := upwardLines(6, nil)
	if got := textTurn(gs); got != -1 {
		t.Fatalf("turn %d, want -1", got)
	}
	across := run("一般公共预算收入执行情况表说明文字", 50, 50, 10)
	if got := textTurn(append(across, across...)); got != 0 {
		t.Errorf("text across: turn %d", got)
	}
	for _, tr := range []turn{1, -1} {
		b := box{10, 20, 30, 45}
		if got := tr.back(tr.forward(b, 595, 842), 595, 842); got != b {
			t.Errorf("turn %d: %v back to %v", tr, b, got)
		}
	}
	raw := &rawPage{width: 595, height: 842, glyphs: gs}
	page := layoutPage(1, raw, 0)
	if len(page.Blocks) == 0 || page.Blocks[0].Lines[0].Text != "科技创新专项资金" {
		t.Fatalf("blocks %+v", page.Blocks)
	}
	if bb := page.Blocks[0].Lines[0].Loc.BBox; bb[0] < 99 || bb[2] > 111 || bb[1] < 619 || bb[3] > 701 {
		t.Errorf("first line box %v, want x 100-110, y 620-700", *bb)
	}
}

// TestUprightPageNumber: the page number of a turned page is printed
// upright at the page's foot (qingdao_2025_govwide_budget_report.pdf p66,
// guangdong_province_2024_govwide_final_debt.pdf p45). Turned with the
// table it stood in a column beside the rows (`58—  2025年…情况表`); it is
// a line of its own, in the page's frame, and the table's digits in the
// same margin stay where they are.
func TestUprightPageNumber(t *testing.T) {
	gs := upwardLines(6, func(x float64) []glyph {
		// a one-digit cell at the head of the displayed page
		return []glyph{{r: '5', x0: x, y0: 60, x1: x + 10, y1: 66}}
	})
	gs = append(gs, run("— 58 —", 280, 800, 8)...)
	number, rest := splitUpright(gs, 842)
	if got := string(runes(number)); got != "— 58 —" {
		t.Errorf("page number %q", got)
	}
	if len(rest)+len(number) != len(gs) {
		t.Errorf("%d glyphs lost", len(gs)-len(rest)-len(number))
	}
	page := layoutPage(1, &rawPage{width: 595, height: 842, glyphs: gs}, 0)
	var lines []string
	for _, ls := range page.Lines() {
		lines = append(lines, ls.Text)
	}
	if last := lines[len(lines)-1]; last != "— 58 —" {
		t.Errorf("last line %q, want the page number; lines %q", last, lines)
	}
	for _, l := range lines[:len(lines)-1] {
		if strings.Contains(l, "—") {
			t.Errorf("page number in line %q", l)
		}
	}
}

func runes(gs []glyph) []rune {
	var rs []rune
	for _, g := range gs {
		if g.space {
			rs = append(rs, ' ')
		} else {
			rs = append(rs, g.r)
		}
	}
	return rs
}

// upwardLines lays out n lines of a table set rotated on a portrait page,
// reading upwards (each glyph 10 above the one before, lines 16 apart);
// after, when not nil, adds glyphs after each line at its x.
func upwardLines(n int, after func(x float64) []glyph) []glyph {
	var gs []glyph
	for line := range n {
		x := 100 + 16*float64(line)
		for k, r := range []rune("科技创新专项资金") {
			y := 700 - 10*float64(k)
			gs = append(gs, glyph{r: r, x0: x, y0: y - 10, x1: x + 10, y1: y})
		}
		if after != nil {
			gs = append(gs, after(x)...)
		}
	}
	return gs
}
