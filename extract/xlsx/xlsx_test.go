package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc/extract"
)

var update = flag.Bool("update", false, "rewrite testdata/budget.xlsx")

const fixture = "testdata/budget.xlsx"

// budgetWorkbook builds a small budget workbook the way a finance office
// would: a merged title row, amounts in 元 with #,##0.00, a year-over-year
// percentage, a date, a two-line cell, and a hidden notes sheet. Figures are
// from the Shiquan Rd sub-district 2026 unit budget.
func budgetWorkbook(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	const s = "收支总表"
	must(f.SetSheetName("Sheet1", s))
	must(f.SetDocProps(&excelize.DocProperties{Title: "2026年预算单位财务收支预算总表", Creator: "石泉路街道财务科",
		Created: "2026-01-15T08:00:00Z", Modified: "2026-01-15T08:00:00Z"}))
	money, err := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	must(err)
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	must(err)
	dateFmt := `yyyy"年"m"月"d"日"`
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	must(err)
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true}})
	must(err)

	must(f.SetCellValue(s, "A1", "2026年预算单位财务收支预算总表"))
	must(f.MergeCell(s, "A1", "E1"))
	must(f.SetCellValue(s, "A2", "编制单位：上海市普陀区人民政府石泉路街道办事处（本级）"))
	must(f.MergeCell(s, "A2", "C2"))
	must(f.SetCellValue(s, "D2", "单位：元"))
	for i, h := range []string{"项目", "预算数", "上年预算数", "比上年增减", "填报日期"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 3)
		must(f.SetCellValue(s, cell, h))
	}
	rows := []struct {
		item      string
		cur, prev float64
	}{
		{"一、财政拨款收入", 76306134, 97939834},
		{"1、一般公共预算", 72626134, 84310134},
		{"2、政府性基金预算\n（含专项债）", 3680000, 13630000},
	}
	for i, r := range rows {
		row := 4 + i
		must(f.SetCellValue(s, fmt.Sprintf("A%d", row), r.item))
		must(f.SetCellValue(s, fmt.Sprintf("B%d", row), r.cur))
		must(f.SetCellValue(s, fmt.Sprintf("C%d", row), r.prev))
		must(f.SetCellValue(s, fmt.Sprintf("D%d", row), (r.cur-r.prev)/r.prev))
		must(f.SetCellStyle(s, fmt.Sprintf("B%d", row), fmt.Sprintf("C%d", row), money))
		must(f.SetCellStyle(s, fmt.Sprintf("D%d", row), fmt.Sprintf("D%d", row), pct))
	}
	must(f.SetCellStyle(s, "A6", "A6", wrap))
	must(f.SetCellValue(s, "E4", time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)))
	must(f.SetCellStyle(s, "E4", "E4", date))
	// A vertical merge: the total row label spans two rows.
	must(f.SetCellValue(s, "A8", "合计"))
	must(f.MergeCell(s, "A8", "A9"))
	must(f.SetCellValue(s, "B8", 76306134))
	must(f.SetCellStyle(s, "B8", "B8", money))

	_, err = f.NewSheet("说明")
	must(err)
	must(f.SetCellValue("说明", "A1", "注：本表反映单位当年全部收入和支出预算。"))
	must(f.SetSheetVisible("说明", false))
	var buf bytes.Buffer
	must(f.Write(&buf))
	return buf.Bytes()
}

func cellText(t *extract.Table, r, c int) string { return t.Rows[r][c].Text() }

func TestRead(t *testing.T) {
	doc, err := Read(context.Background(), budgetWorkbook(t), extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	checkBudgetDoc(t, doc)
}

func checkBudgetDoc(t *testing.T, doc *extract.Document) {
	t.Helper()
	if doc.Format != extract.FormatXLSX || len(doc.Pages) != 2 {
		t.Fatalf("format %q, %d pages", doc.Format, len(doc.Pages))
	}
	if doc.Info["Title"] != "2026年预算单位财务收支预算总表" || doc.Info["Author"] != "石泉路街道财务科" {
		t.Errorf("info %v", doc.Info)
	}
	p := doc.Pages[0]
	if p.Name != "收支总表" || p.Number != 1 || len(p.Blocks) != 1 || p.Blocks[0].Table == nil {
		t.Fatalf("page 1: %+v", p)
	}
	tb := p.Blocks[0].Table
	if len(tb.Rows) != 9 || len(tb.Rows[0]) != 5 {
		t.Fatalf("grid %d×%d, want 9×5:\n%s", len(tb.Rows), len(tb.Rows[0]), tb.Text())
	}
	tests := []struct {
		r, c int
		want string
	}{
		{0, 0, "2026年预算单位财务收支预算总表"},
		{1, 3, "单位：元"},
		{3, 1, "76,306,134.00"},
		{3, 2, "97,939,834.00"},
		{3, 3, "-22.09%"},
		{3, 4, "2026年1月15日"},
		{4, 3, "-13.86%"},
		{5, 0, "2、政府性基金预算\n（含专项债）"},
		{5, 3, "-73.00%"},
		{6, 0, ""},
		{7, 1, "76,306,134.00"},
	}
	for _, tt := range tests {
		if got := cellText(tb, tt.r, tt.c); got != tt.want {
			t.Errorf("cell R%dC%d = %q, want %q", tt.r+1, tt.c+1, got, tt.want)
		}
	}
	title := tb.Rows[0][0]
	if title.ColSpan != 5 || title.RowSpan != 1 {
		t.Errorf("title spans %d×%d", title.RowSpan, title.ColSpan)
	}
	for c := 1; c < 5; c++ {
		if !tb.Rows[0][c].Covered {
			t.Errorf("R1C%d not covered", c+1)
		}
	}
	if tb.Rows[1][0].ColSpan != 3 || !tb.Rows[1][2].Covered || tb.Rows[1][3].Covered {
		t.Errorf("row 2 merge wrong")
	}
	if tb.Rows[7][0].RowSpan != 2 || !tb.Rows[8][0].Covered {
		t.Errorf("vertical merge wrong: %+v / %+v", tb.Rows[7][0], tb.Rows[8][0])
	}
	if l := tb.Rows[5][0].Lines[1]; l.Loc != (extract.Loc{Page: 1, Line: 6}) {
		t.Errorf("two-line cell loc %+v", l.Loc)
	}
	if l := tb.Rows[3][3].Lines[0]; l.Loc.Line != 4 {
		t.Errorf("row number %d, want 4", l.Loc.Line)
	}
	notes := doc.Pages[1]
	if notes.Name != "说明" || notes.Blocks[0].Table.Rows[0][0].Text() != "注：本表反映单位当年全部收入和支出预算。" {
		t.Errorf("hidden sheet: %+v", notes)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "说明") {
		t.Errorf("warnings %q", doc.Warnings)
	}
}

// TestFixtureFile checks the committed workbook; -update rewrites it.
func TestFixtureFile(t *testing.T) {
	if *update {
		if err := os.WriteFile(fixture, budgetWorkbook(t), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(context.Background(), data, extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	checkBudgetDoc(t, doc)
}

func TestReadBadInput(t *testing.T) {
	good := budgetWorkbook(t)
	rnd := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rnd.Read(random)
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte("<w:document/>"))
	zw.Close()

	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "机密")
	var enc bytes.Buffer
	if err := f.Write(&enc, excelize.Options{Password: "budget2026"}); err != nil {
		t.Fatal(err)
	}
	f.Close()

	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, extract.ErrEmpty},
		{"random bytes", random, extract.ErrUnsupported},
		{"text", []byte("项目,预算数\n一、财政拨款收入,76306134\n"), extract.ErrUnsupported},
		{"truncated", good[:len(good)/2], extract.ErrCorrupt},
		{"docx zip", docx.Bytes(), extract.ErrUnsupported},
		{"legacy xls header", append(append([]byte{}, oleMagic...), make([]byte, 1024)...), extract.ErrCorrupt},
		{"password", enc.Bytes(), extract.ErrEncrypted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(context.Background(), tt.data, extract.DefaultLimits)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
		})
	}
}

func TestReadLimits(t *testing.T) {
	data := budgetWorkbook(t)
	tests := []struct {
		name string
		lim  extract.Limits
	}{
		{"sheets", extract.Limits{MaxPages: 1, MaxBytes: 1 << 20, MaxCells: 1000}},
		{"cells", extract.Limits{MaxPages: 10, MaxBytes: 1 << 20, MaxCells: 20}},
		{"part size", extract.Limits{MaxPages: 10, MaxBytes: 100, MaxCells: 1000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Read(context.Background(), data, tt.lim); !errors.Is(err, extract.ErrTooLarge) {
				t.Fatalf("error %v, want ErrTooLarge", err)
			}
		})
	}
	// A compressed bomb: one sheet of 40 MB of blank rows in a small zip.
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	for name, body := range map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"xl/workbook.xml":            `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	w.Write([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`))
	w.Write(bytes.Repeat([]byte("<row/>          "), 40<<20/16))
	w.Write([]byte(`</sheetData></worksheet>`))
	zw.Close()
	if _, err := Read(context.Background(), bomb.Bytes(), extract.Limits{MaxPages: 10, MaxBytes: 1 << 20, MaxCells: 1000}); !errors.Is(err, extract.ErrTooLarge) {
		t.Errorf("bomb (%d bytes zipped): %v", bomb.Len(), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, data, extract.DefaultLimits); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func FuzzRead(f *testing.F) {
	data, err := os.ReadFile(filepath.FromSlash(fixture))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(context.Background(), data, extract.Limits{MaxPages: 20, MaxBytes: 4 << 20, MaxCells: 100000})
		if err != nil {
			if stack := extract.StackOf(err); stack != nil {
				t.Fatalf("%v\n%s", err, stack)
			}
			return
		}
		for _, p := range doc.Pages {
			for _, b := range p.Blocks {
				for _, row := range b.Table.Rows {
					if len(row) != len(b.Table.Rows[0]) {
						t.Fatal("ragged table")
					}
				}
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	// A 2000-row budget detail sheet with formatted amounts.
	f := excelize.NewFile()
	money, _ := f.NewStyle(&excelize.Style{NumFmt: 4})
	for r := 1; r <= 2000; r++ {
		f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", r), &[]any{fmt.Sprintf("2010101 行政运行 %d", r), 1234567.891 * float64(r), 1000.5, "万元"})
	}
	f.SetCellStyle("Sheet1", "B1", "C2000", money)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	f.Close()
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(context.Background(), data, extract.DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
}
