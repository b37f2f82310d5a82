package pdf

import "testing"

// TestTextTurn: a table set rotated on a portrait page (guangdong_province
// 2024 表12-1) reads upwards; laid out in the text's frame it is a table,
// and its boxes map back onto the page.
func TestTextTurn(t *testing.T) {
	// Lines of text reading upwards: each glyph 10 above the previous.
	var gs []glyph
	for line := range 6 {
		x := 100 + 16*float64(line)
		for k, r := range []rune("科技创新专项资金") {
			y := 700 - 10*float64(k)
			gs = append(gs, glyph{r: r, x0: x, y0: y - 10, x1: x + 10, y1: y})
		}
	}
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
