package msdoc

import (
	"context"
	"encoding/binary"
	"errors"
	"flag"
	"github.com/budgetdoc/budgetdoc/internal/oletest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

var update = flag.Bool("update", false, "rewrite the golden dumps in testdata")

func mustRead(t testing.TB, data []byte) *extract.Document {
	t.Helper()
	doc, err := Read(context.Background(), data, extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestGolden compares the whole Document of each LibreOffice fixture with
// a reviewed dump (go test -update rewrites them).
func TestGolden(t *testing.T) {
	for _, name := range []string{"budget", "latin", "complex"} {
		t.Run(name, func(t *testing.T) {
			got := dump(mustRead(t, readFixture(t, name+".doc")))
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
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

func spanText(l extract.Line, s extract.Span) string { return l.Text[s.Start:s.End] }

// TestBudgetFixture spells out the facts the golden dump covers that the
// rest of the pipeline relies on.
func TestBudgetFixture(t *testing.T) {
	doc := mustRead(t, readFixture(t, "budget.doc"))
	if doc.Format != extract.FormatDOC || len(doc.Pages) != 2 {
		t.Fatalf("format %q, %d pages; want doc, 2", doc.Format, len(doc.Pages))
	}
	p1 := doc.Pages[0].Blocks
	if b := p1[0]; b.Kind != extract.Heading || b.Level != 1 || b.Text() != "第一部分 部门概况" {
		t.Errorf("first block %v %d %q", b.Kind, b.Level, b.Text())
	}
	if b := p1[1]; len(b.Lines) != 2 || b.Lines[1].Text != "二、机构设置情况" {
		t.Errorf("line break: %q", b.Text())
	}
	merge := p1[2].Lines[0]
	if len(merge.Spans) != 1 || merge.Spans[0].Instr != "MERGEFIELD 单位名称" || spanText(merge, merge.Spans[0]) != "<单位名称>" {
		t.Errorf("MERGEFIELD span: %+v in %q", merge.Spans, merge.Text)
	}
	if got := p1[3].Text(); got != "收入合计\t1,234.56元，比上年增长10%。" {
		t.Errorf("tab paragraph %q", got)
	}
	tbl := p1[4].Table
	if tbl == nil || len(tbl.Rows) != 4 || len(tbl.Rows[0]) != 3 {
		t.Fatalf("table shape: %+v", p1[4])
	}
	if c := tbl.Rows[0][0]; c.RowSpan != 2 || c.Text() != "项目" || !tbl.Rows[1][0].Covered {
		t.Errorf("vertical merge: %+v / %+v", c, tbl.Rows[1][0])
	}
	if c := tbl.Rows[0][1]; c.ColSpan != 2 || c.Text() != "决算数" || !tbl.Rows[0][2].Covered {
		t.Errorf("horizontal merge: %+v / %+v", c, tbl.Rows[0][2])
	}
	if got := tbl.Rows[3][0].Text(); got != "合计\n（元）" {
		t.Errorf("two-paragraph cell %q", got)
	}
	if b := p1[5]; b.Kind != extract.Heading || b.Level != 2 {
		t.Errorf("heading 2: %+v", b)
	}
	p2 := doc.Pages[1].Blocks
	if len(p2) != 2 || p2[0].Text() != "第二页正文：2016年度收入总计12,345.67元。" || p2[1].Text() != "注：数据来源于决算报表。" {
		t.Errorf("page 2 (text after the break, then the footnote): %q", dump(doc))
	}
	if l := p2[0].Lines[0]; l.Loc != (extract.Loc{Page: 2, Line: 1}) {
		t.Errorf("page 2 loc %+v", l.Loc)
	}
	if len(doc.Furniture) != 2 || doc.Furniture[0].Text() != "太原市发展和改革委员会" {
		t.Fatalf("furniture %q", dump(doc))
	}
	foot := doc.Furniture[1].Lines[0]
	if len(foot.Spans) != 1 || foot.Spans[0].Instr != "PAGE" || spanText(foot, foot.Spans[0]) != "2" {
		t.Errorf("PAGE field in footer: %+v %q", foot.Spans, foot.Text)
	}
	if doc.Info["Title"] != "2016年部门决算公开" || doc.Info["Author"] != "财务科" {
		t.Errorf("info %v", doc.Info)
	}
}

// TestCompressedPiece checks that 8-bit pieces decode to the same
// Document as the UTF-16 original, including the Windows-1252 characters
// of [MS-DOC] 2.4.1 (“ ” – … ’ — €).
func TestCompressedPiece(t *testing.T) {
	orig := readFixture(t, "latin.doc")
	comp := compressPieces(t, orig)
	c, err := parseCLXOf(comp)
	if err != nil || !c.pieces[0].compressed {
		t.Fatalf("variant has no compressed piece (%v)", err)
	}
	want, got := dump(mustRead(t, orig)), dump(mustRead(t, comp))
	if got != want {
		t.Errorf("compressed variant differs:\n%s\nwant:\n%s", got, want)
	}
	if !strings.Contains(got, "Café costs rose by 10%… the chair’s note — see page 1.") {
		t.Errorf("unexpected text:\n%s", got)
	}
}

// parseCLXOf reads the piece table of a file (test helper).
func parseCLXOf(data []byte) (*clx, error) {
	ole, err := openOLE(data, extract.DefaultLimits)
	if err != nil {
		return nil, err
	}
	wd, err := ole.read("WordDocument")
	if err != nil {
		return nil, err
	}
	f, err := parseFIB(wd)
	if err != nil {
		return nil, err
	}
	tbl, err := ole.read(f.tableStm)
	if err != nil {
		return nil, err
	}
	fc, lcb := f.pair(fcClx)
	b, err := slice(tbl, fc, lcb, "Clx")
	if err != nil {
		return nil, err
	}
	return parseCLX(b, len(wd))
}

func setFIB(off int, v uint16) func([]byte) {
	return func(wd []byte) { binary.LittleEndian.PutUint16(wd[off:], v) }
}

func TestErrors(t *testing.T) {
	doc := readFixture(t, "budget.doc")
	withFlags := func(extra uint16) []byte {
		return patchStream(t, doc, "WordDocument", func(wd []byte) {
			binary.LittleEndian.PutUint16(wd[10:], binary.LittleEndian.Uint16(wd[10:])|extra)
		})
	}
	tests := []struct {
		name string
		data []byte
		want error
		msg  string
	}{
		{"empty", nil, extract.ErrEmpty, ""},
		{"not OLE", []byte("%PDF-1.7\n"), extract.ErrUnsupported, "not an OLE compound file"},
		{"not Word", oletest.RenameEntry(t, doc, "WordDocument", "Workbook"), extract.ErrUnsupported,
			"OLE file is not a Word document (streams: "},
		{"encrypted", withFlags(flagEncrypted), extract.ErrEncrypted, "encrypted"},
		{"obfuscated", withFlags(flagEncrypted | flagObfuscated), extract.ErrEncrypted, "obfuscated"},
		{"Word 95", patchStream(t, doc, "WordDocument", func(wd []byte) {
			setFIB(2, 104)(wd)
			setFIB(12, 104)(wd)
		}), extract.ErrUnsupported, "Word 6/95"},
		{"bad FIB id", patchStream(t, doc, "WordDocument", setFIB(0, 0x1234)), extract.ErrUnsupported, "FIB identifier"},
		{"Clx outside table stream", patchStream(t, doc, "WordDocument", func(wd []byte) {
			// fcClx sits at 0x1A2 in a Word 97 FIB
			binary.LittleEndian.PutUint32(wd[0x1A2:], 0x7FFFFF00)
		}), extract.ErrCorrupt, "Clx at"},
		{"truncated", doc[:len(doc)/2], extract.ErrCorrupt, ""},
		{"no table stream", oletest.RenameEntry(t, doc, "1Table", "2Table"), extract.ErrCorrupt, "stream 1Table missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(context.Background(), tt.data, extract.DefaultLimits)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v, want %v containing %q", err, tt.want, tt.msg)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	data := readFixture(t, "budget.doc")
	tests := []struct {
		name string
		lim  extract.Limits
		msg  string
	}{
		{"stream size", extract.Limits{MaxBytes: 1024}, "stream WordDocument"},
		{"pages", extract.Limits{MaxPages: 1}, "more than 1 pages"},
		{"table cells", extract.Limits{MaxCells: 11}, "exceeds 11 cells"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(context.Background(), data, tt.lim)
			if !errors.Is(err, extract.ErrTooLarge) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v, want ErrTooLarge containing %q", err, tt.msg)
			}
		})
	}
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Read(ctx, readFixture(t, "budget.doc"), extract.DefaultLimits)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"budget.doc", "latin.doc", "complex.doc"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(compressPieces(f, readFixtureF(f, "latin.doc")))
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := extract.Limits{MaxPages: 100, MaxBytes: 1 << 20, MaxCells: 10000}
		doc, err := Read(context.Background(), data, lim)
		if stack := extract.StackOf(err); stack != nil {
			t.Fatalf("%v\n%s", err, stack)
		}
		if err == nil && doc == nil {
			t.Fatal("nil document without error")
		}
		if err != nil && doc != nil {
			t.Fatal("document with error")
		}
		if err != nil && !isSentinel(err) {
			t.Fatalf("error wraps no sentinel: %v", err)
		}
	})
}

func readFixtureF(f *testing.F, name string) []byte { return readFixture(f, name) }

func isSentinel(err error) bool {
	for _, s := range []error{extract.ErrUnsupported, extract.ErrCorrupt, extract.ErrEncrypted, extract.ErrTooLarge, extract.ErrEmpty} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}
