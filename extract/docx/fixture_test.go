package docx

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the .golden files of the testdata fixtures")

// TestFixtureFiles reads the LibreOffice-made fixtures (scripts/fixtures/docx.sh)
// and compares the whole dump with the reviewed .golden files.
func TestFixtureFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.docx")
	if len(files) == 0 {
		t.Skip("no fixtures")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := dump(read(t, data))
			golden := f[:len(f)-len(".docx")] + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("dump differs from %s:\n%s", golden, got)
			}
		})
	}
}

// TestBudgetFixture spells out the facts of testdata/budget.docx that the
// later stages rely on, independently of the golden dump.
func TestBudgetFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/budget.docx")
	if err != nil {
		t.Skip(err)
	}
	doc := read(t, data)
	var merge, toc int
	for _, pg := range doc.Pages {
		for _, b := range pg.Blocks {
			for _, l := range b.Lines {
				for _, s := range l.Spans {
					switch {
					case s.Instr == "MERGEFIELD 单位名称":
						merge++
						if got := l.Text[s.Start:s.End]; got != "<单位名称>" {
							t.Errorf("MERGEFIELD result = %q", got)
						}
					case len(s.Instr) > 3 && s.Instr[:3] == "TOC":
						toc++
					}
				}
			}
		}
	}
	if merge != 1 || toc != 2 {
		t.Errorf("MERGEFIELD spans = %d, TOC spans = %d; want 1 and 2", merge, toc)
	}
	tbl := doc.Pages[1].Blocks[1].Table
	if tbl == nil || len(tbl.Rows) != 5 || len(tbl.Rows[0]) != 4 {
		t.Fatalf("table shape wrong: %+v", doc.Pages[1].Blocks[1])
	}
	if c := tbl.Rows[2][2]; c.RowSpan != 2 || c.Text() != "一般公共服务支出" || !tbl.Rows[3][2].Covered {
		t.Errorf("vertical merge wrong: %+v", c)
	}
	if doc.Info["Title"] != "上海市普陀区示例局2025年部门预算" {
		t.Errorf("Info = %v", doc.Info)
	}
	if len(doc.Furniture) != 2 {
		t.Errorf("furniture = %d blocks", len(doc.Furniture))
	}
}
