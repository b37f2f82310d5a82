package msdoc

import (
	"context"
	"reflect"
	"testing"
	"unicode/utf16"

	"github.com/budgetdoc/budgetdoc/extract"
)

// scanText runs the scanner over s (Word control characters written as
// Go escapes) with no paragraph properties, and returns its lines.
func scanText(t *testing.T, s string) [][]extract.Line {
	t.Helper()
	r := &reader{chars: utf16.Encode([]rune(s))}
	items, err := r.scan(context.Background(), 0, len(r.chars), true)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]extract.Line
	for _, it := range items {
		if it.pageBreak {
			out = append(out, nil)
			continue
		}
		out = append(out, it.lines)
	}
	return out
}

func line(text string, spans ...extract.Span) extract.Line {
	return extract.Line{Text: text, Spans: spans}
}

func field(start, end int, instr string) extract.Span {
	return extract.Span{Kind: extract.FieldSpan, Start: start, End: end, Instr: instr}
}

func TestScanCharacters(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want [][]extract.Line
	}{
		{"paragraphs and line break", "一、职责\r二\v三\r",
			[][]extract.Line{{line("一、职责")}, {line("二"), line("三")}}},
		{"special characters", "a\u001Eb\u001Fc\u00A0d\u0001\u0008\u0005\u0002e\tf\r",
			[][]extract.Line{{line("a-bc de\tf")}}},
		{"MERGEFIELD with result", "单位：\u0013 MERGEFIELD 单位名称 \u0014«单位名称»\u0015。\r",
			[][]extract.Line{{line("单位：«单位名称»。", field(9, 25, "MERGEFIELD 单位名称"))}}},
		{"field without separator", "a\u0013 MERGEFIELD x \u0015b\r",
			[][]extract.Line{{line("ab", field(1, 1, "MERGEFIELD x"))}}},
		{"nested field in instruction", "\u0013 IF \u0013 MERGEFIELD n \u0014张三\u0015 = \"\" \"无\" \u0014张三\u0015\r",
			[][]extract.Line{{line("张三", field(0, 6, `IF 张三 = "" "无"`))}}},
		{"nested field in result", "\u0013 TOC \u0014第一部分\t\u0013 PAGEREF _Toc1 \u00141\u0015\u0015\r",
			[][]extract.Line{{line("第一部分\t1", field(0, 14, "TOC"), field(13, 14, "PAGEREF _Toc1"))}}},
		{"field result over two paragraphs", "\u0013 TOC \u0014一\r二\u0015\r",
			[][]extract.Line{{line("一", field(0, 3, "TOC"))}, {line("二", field(0, 3, "TOC"))}}},
		{"unclosed field", "\u0013 PAGE \u00147\r",
			[][]extract.Line{{line("7", field(0, 1, "PAGE"))}}},
		{"stray marks", "\u0015a\u0014b\r",
			[][]extract.Line{{line("ab")}}},
		{"page break inside a paragraph", "前\f后\r",
			[][]extract.Line{{line("前")}, nil, {line("后")}}},
		{"surrogate pair and lone surrogate", "\U00020000\r" + string([]rune{0xFFFD}) + "\r",
			[][]extract.Line{{line("\U00020000")}, {line("\uFFFD")}}},
		{"text without final mark", "尾",
			[][]extract.Line{{line("尾")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanText(t, tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestScanLoneSurrogate(t *testing.T) {
	r := &reader{chars: []uint16{'a', 0xD800, 'b', 0xDC00, '\r'}}
	items, err := r.scan(context.Background(), 0, len(r.chars), true)
	if err != nil {
		t.Fatal(err)
	}
	if got := items[0].lines[0].Text; got != "a\uFFFDb\uFFFD" {
		t.Errorf("got %q", got)
	}
}

func TestCP1252(t *testing.T) {
	tests := []struct {
		b    byte
		want rune
	}{
		{'A', 'A'}, {0x80, '€'}, {0x82, '‚'}, {0x85, '…'}, {0x91, '‘'}, {0x92, '’'}, {0x93, '“'},
		{0x94, '”'}, {0x96, '–'}, {0x97, '—'}, {0x9F, 'Ÿ'}, {0xA0, 0xA0}, {0xE9, 'é'}, {0x8D, 0x8D},
	}
	for _, tt := range tests {
		if got := rune(cp1252(tt.b)); got != tt.want {
			t.Errorf("cp1252(%#x) = %U, want %U", tt.b, got, tt.want)
		}
	}
}

func TestOperandSize(t *testing.T) {
	tests := []struct {
		name string
		sprm uint16
		op   []byte
		want int
	}{
		{"toggle", sprmPFInTable, []byte{1}, 1},
		{"word", sprmPIstd, []byte{1, 0}, 2},
		{"long", sprmPItap, []byte{1, 0, 0, 0}, 4},
		{"three bytes", 0xE601, []byte{1, 2, 3}, 3},
		{"variable", sprmTVertMerge, []byte{2, 0, 3}, 3},
		{"TDefTable", sprmTDefTable, []byte{0x10, 0x00}, 0x11},
		{"ChgTabs short", sprmPChgTabs, []byte{4}, 5},
		{"ChgTabs long", sprmPChgTabs, []byte{255, 1, 0, 0, 0, 0, 2}, 2 + 4 + 1 + 6},
		{"truncated", sprmTDefTable, []byte{1}, -1},
	}
	for _, tt := range tests {
		if got := operandSize(tt.sprm, tt.op); got != tt.want {
			t.Errorf("%s: operandSize = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestBuildTable covers the grid: widths from the row definitions, old-style
// horizontal merges, vertical merges and ragged rows without definitions.
func TestBuildTable(t *testing.T) {
	cell := func(s string) []extract.Line {
		if s == "" {
			return nil
		}
		return []extract.Line{{Text: s}}
	}
	def := func(bounds []int, cells ...cellDef) *rowProps {
		if len(cells) == 0 {
			cells = make([]cellDef, len(bounds)-1)
		}
		return &rowProps{bounds: bounds, cells: cells}
	}
	rows := []rawRow{
		{cells: [][]extract.Line{cell("项目"), cell("决算数")}, tap: def([]int{0, 1000, 3000},
			cellDef{vertRestart: true, vertMerge: true}, cellDef{})},
		{cells: [][]extract.Line{cell(""), cell("本年"), cell("上年")}, tap: def([]int{0, 1000, 2010, 3000},
			cellDef{vertMerge: true}, cellDef{}, cellDef{})},
		{cells: [][]extract.Line{cell("合计"), cell("1"), cell("")}, tap: def([]int{0, 1000, 2000, 3000},
			cellDef{}, cellDef{firstMerged: true}, cellDef{merged: true})},
		{cells: [][]extract.Line{cell("无定义")}},
	}
	tbl, err := buildTable(rows, 100)
	if err != nil {
		t.Fatal(err)
	}
	type c struct {
		text    string
		rs, cs  int
		covered bool
	}
	var got [][]c
	for _, r := range tbl.Rows {
		var row []c
		for _, x := range r {
			row = append(row, c{x.Text(), x.RowSpan, x.ColSpan, x.Covered})
		}
		got = append(got, row)
	}
	want := [][]c{
		{{"项目", 2, 1, false}, {"决算数", 1, 2, false}, {"", 0, 0, true}},
		{{"", 0, 0, true}, {"本年", 1, 1, false}, {"上年", 1, 1, false}},
		{{"合计", 1, 1, false}, {"1", 1, 2, false}, {"", 0, 0, true}},
		{{"无定义", 1, 1, false}, {"", 1, 1, false}, {"", 1, 1, false}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	if _, err := buildTable(rows, 11); err == nil {
		t.Error("no error for 12 cells with MaxCells 11")
	}
}

// TestLayoutBreakAfterTable: Word stores a page break that follows a table
// after the last row end mark, while the table is still open; it must
// start the next page, not vanish.
func TestLayoutBreakAfterTable(t *testing.T) {
	lines := func(s string) []extract.Line { return []extract.Line{{Text: s}} }
	inTable := paraProps{inTable: true, itap: 1}
	rowEnd := paraProps{inTable: true, itap: 1, ttp: true}
	items := []item{
		{lines: lines("表前"), mark: chParagraph},
		{lines: lines("A"), mark: chCell, props: inTable},
		{lines: lines("B"), mark: chCell, props: inTable},
		{mark: chCell, props: rowEnd},
		{pageBreak: true},
		{lines: lines("下一页"), mark: chParagraph},
	}
	l := newLayout(nil, extract.DefaultLimits)
	if err := l.add(items); err != nil {
		t.Fatal(err)
	}
	if len(l.pages) != 2 || len(l.pages[0].Blocks) != 2 || l.pages[0].Blocks[1].Table == nil ||
		l.pages[0].Blocks[1].Table.Text() != "A\tB" || l.pages[1].Blocks[0].Text() != "下一页" {
		t.Errorf("pages: %+v", l.pages)
	}
}
