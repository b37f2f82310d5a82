package xls

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/xlsx"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// The fixture pair: hidden.xlsx written by scripts/fixtures/sheetgen and
// hidden.xls, LibreOffice's BIFF8 save of it (scripts/fixtures/xls.sh).
const fixture = "testdata/hidden.xls"

func read(t testing.TB, path string) *extract.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.FromSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(context.Background(), data, extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// grid renders a document's tables as text, with hidden cells in brackets.
func grid(doc *extract.Document) []string {
	var out []string
	for _, p := range doc.Pages {
		out = append(out, "== "+p.Name)
		for _, b := range p.Blocks {
			for _, row := range b.Table.Rows {
				var cells []string
				for _, c := range row {
					s := c.Text()
					if c.Covered {
						s = "<"
					}
					if c.Hidden {
						s = "[" + s + "]"
					}
					cells = append(cells, s)
				}
				out = append(out, strings.Join(cells, "|"))
			}
		}
	}
	return out
}

// TestSameAsXLSX: the .xls reads exactly as the .xlsx it was saved from,
// hidden marks, merges and displayed values included.
func TestSameAsXLSX(t *testing.T) {
	got := read(t, fixture)
	data, err := os.ReadFile("testdata/hidden.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want, err := xlsx.Read(context.Background(), data, extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	g, w := grid(got), grid(want)
	if !reflect.DeepEqual(g, w) {
		t.Errorf("xls:\n%s\nxlsx:\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
	if got.Format != extract.FormatXLS {
		t.Errorf("format %q", got.Format)
	}
}

func TestHiddenAndFormats(t *testing.T) {
	g := grid(read(t, fixture))
	want := []string{
		"== 限额余额",
		"2024年末地方政府债务限额及余额情况表|<|<|<|<|[]",
		"||||单位：万元|[]",
		"地区|债务限额|<|比上年增长%|发行日期|[草稿]",
		"<|一般债务|专项债务|<|<|[]",
		"全市合计|182,506.59|85,161.59|15.30%|2024年8月26日|[x]",
		"市本级|98,990.08|3,102.08|2.10%|2024年8月26日|[y]",
		"[旧口径（已隐藏）]|[1.00]|[2.00]|[0.00%]|[2024年8月26日]|[z]",
		"县区合计|83,516.51|82,059.51|-5.00%|2024年8月26日|[w]",
		"== 底稿",
		"[测算底稿]|[1234.5]",
	}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(g, "\n"), strings.Join(want, "\n"))
	}
}

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		v    float64
		f    string
		want string
	}{
		{182506.59, "General", "182506.59"},
		{95888, "G/通用格式", "95888"},
		{0.1 + 0.2, "General", "0.3"},
		{95888, "0.00", "95888.00"},
		{543, "0_ ", "543"},
		{1234567.891, "#,##0.00", "1,234,567.89"},
		{-1234.5, "#,##0.00", "-1,234.50"},
		{-1234.5, `"￥"#,##0;"￥"\-#,##0`, "￥-1,235"},
		{0.153, "0.00%", "15.30%"},
		{0.153, "0%", "15%"},
		{12.5, `0.0"万元"`, "12.5万元"},
		{1234.5, "#,##0,", "1"},
		{45530, `yyyy"年"m"月"d"日"`, "2024年8月26日"},
		{45530, "yyyy/m/d", "2024/8/26"},
		{45530, "[$-804]yyyy-mm-dd", "2024-08-26"},
		{2.5, "#.00", "2.50"},
		{0.5, "#.00", ".50"},
	} {
		if got := formatNumber(c.v, c.f, false); got != c.want {
			t.Errorf("formatNumber(%v, %q) = %q, want %q", c.v, c.f, got, c.want)
		}
	}
}

func TestReadBadInput(t *testing.T) {
	good, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, extract.ErrEmpty},
		{"not OLE2", []byte("项目,预算数\n"), extract.ErrCorrupt},
		{"truncated", good[:len(good)/2], extract.ErrCorrupt},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(context.Background(), tt.data, extract.DefaultLimits)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
		})
	}
}

// TestCorpus reads the Changdu 2024 debt workbook of the govwide corpus:
// two sheets, merged header cells, a number format with the Chinese name
// of General (G/通用格式).
func TestCorpus(t *testing.T) {
	path := filepath.Join(testenv.SharedDir(t), "corpus", "govwide", "xizang_changdu_2024_govwide_debt.xls")
	if _, err := os.Stat(path); err != nil {
		t.Skip("govwide corpus not present")
	}
	doc := read(t, path)
	if len(doc.Pages) != 2 || doc.Pages[0].Name != "2024年政府债务限额及余额情况表" {
		t.Fatalf("pages %d, first %q", len(doc.Pages), doc.Pages[0].Name)
	}
	tb := doc.Pages[0].Blocks[0].Table
	if got := tb.Rows[5][1].Text(); got != "182506.59" {
		t.Errorf("B6 = %q, want 182506.59", got)
	}
}

func FuzzRead(f *testing.F) {
	data, err := os.ReadFile(fixture)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(context.Background(), data, extract.Limits{MaxPages: 20, MaxBytes: 4 << 20, MaxCells: 100000})
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("recovered panic: %v", err)
			}
			return
		}
		// Every row of a sheet's table has the same number of cells.
		for _, p := range doc.Pages {
			widths := map[int]int{}
			for _, b := range p.Blocks {
				for _, row := range b.Table.Rows {
					widths[len(row)]++
				}
			}
			if len(widths) > 1 {
				t.Fatalf("sheet %q: rows of %d widths", p.Name, len(widths))
			}
		}
	})
}
