package msdoc

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

const corpusDoc = "corpus/real/taiyuan_fagaiwei_2016_dept_final.doc"

// TestCorpusTaiyuan reads the real WPS-made document (antiword rejects it)
// and checks it against what LibreOffice makes of it.
func TestCorpusTaiyuan(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(sharedDir(t), corpusDoc))
	if err != nil {
		t.Skip(err)
	}
	doc := mustRead(t, data)

	var body strings.Builder
	var tables []*extract.Table
	var titles []string // the paragraph two blocks before each table
	for _, p := range doc.Pages {
		for i, b := range p.Blocks {
			body.WriteString(b.Text())
			body.WriteByte('\n')
			if b.Table != nil {
				tables = append(tables, b.Table)
				if i >= 2 {
					titles = append(titles, p.Blocks[i-2].Text())
				}
			}
		}
	}
	text := body.String()
	for _, s := range []string{
		"关于太原市发展和改革委员会2016年部门决算\n和“三公”经费决算的公开",
		"2、“三公经费”支出7.8万元。其中公务接待0.49万元、公务用车运行维护费7.32万元。",
		"2016年纳入太原市发展和改革委员会部门决算汇编范围的单位情况见下表：",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("missing %q", s)
		}
	}

	// Explicit page breaks and section breaks: the narrative, the cover of
	// part two, then one page per 决算表 (公开06 and 公开07 share one).
	if len(doc.Pages) != 9 {
		t.Errorf("%d pages, want 9", len(doc.Pages))
	}
	for i, want := range []string{"第二部分", "2016年收入决算表", "2016年支出决算表"} {
		if got := doc.Pages[i+1].Blocks[0].Text(); got != want {
			t.Errorf("page %d starts with %q, want %q", i+2, got, want)
		}
	}

	// Nine Word tables: the unit list and 公开02表 … 公开09表 (公开01表 is
	// an embedded spreadsheet object, reported as a warning).
	type shape struct{ rows, cols int }
	want := []shape{{8, 2}, {39, 11}, {39, 10}, {35, 8}, {36, 7}, {58, 7}, {15, 10}, {21, 4}, {16, 3}}
	if len(tables) != len(want) {
		t.Fatalf("%d tables, want %d", len(tables), len(want))
	}
	for i, tb := range tables {
		got := shape{len(tb.Rows), len(tb.Rows[0])}
		if got != want[i] {
			t.Errorf("table %d is %v, want %v", i+1, got, want[i])
		}
		for _, r := range tb.Rows {
			if len(r) != got.cols {
				t.Errorf("table %d has a ragged row", i+1)
			}
		}
		if i > 0 {
			if n := "公开0" + string(rune('1'+i)) + "表"; titles[i] != n {
				t.Errorf("table %d follows %q, want %q", i+1, titles[i], n)
			}
		}
	}
	// 公开09表: the 三公 totals, 77,997.08 元 = 7.8万元.
	sg := tables[8]
	if r := sg.Rows[1]; r[0].Text() != "（一）合     计" || r[1].Text() != "660,100.00" || r[2].Text() != "77,997.08" {
		t.Errorf("三公 total row: %q", sg.Text())
	}
	// 公开02表: 项目 spans four columns, the totals row follows 栏次.
	if c := tables[1].Rows[0][0]; c.ColSpan != 4 || c.Text() != "项目" {
		t.Errorf("公开02表 header %+v", c)
	}
	if got := tables[1].Rows[5][4].Text(); got != "42,583,921.59" {
		t.Errorf("公开02表 合计 = %q", got)
	}
	if !strings.Contains(strings.Join(doc.Warnings, "\n"), "embedded object not read (field EMBED") {
		t.Errorf("warnings %q", doc.Warnings)
	}

	// Every Han character LibreOffice shows, and no other.
	oracle, err := os.ReadFile(filepath.Join("testdata", "taiyuan.oracle.txt"))
	if err != nil {
		t.Fatal(err)
	}
	gotHan, wantHan := hanCounts(text), hanCounts(string(oracle))
	var diff []string
	for r, n := range wantHan {
		if gotHan[r] != n {
			diff = append(diff, string(r))
		}
	}
	for r := range gotHan {
		if _, ok := wantHan[r]; !ok {
			diff = append(diff, string(r))
		}
	}
	if len(diff) > 0 {
		t.Errorf("Han characters differ from LibreOffice's text: %q", diff)
	}
}

func hanCounts(s string) map[rune]int {
	m := map[rune]int{}
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			m[r]++
		}
	}
	return m
}

// BenchmarkRead measures throughput on the real 680 KB WPS document.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(sharedDir(b), corpusDoc))
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(context.Background(), data, extract.DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
}
