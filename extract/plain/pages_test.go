package plain

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

func TestLooksLikePagesJSON(t *testing.T) {
	tests := []struct {
		data string
		want bool
	}{
		{`[{"page": 1, "text": "上海市普陀区2026年区级单位预算"}]`, true},
		{"\xEF\xBB\xBF\n  [\n  {\n    \"page\": 1,\n    \"text\": \"x\"}]", true},
		{`[{"text": "x", "page": 1}]`, true},
		{`[1, 2, 3]`, false},
		{`{"page": 1}`, false},
		{`[{"pages": []}]`, false},
		{`2026年单位预算编制说明`, false},
		{``, false},
	}
	for _, tt := range tests {
		if got := LooksLikePagesJSON([]byte(tt.data)); got != tt.want {
			t.Errorf("LooksLikePagesJSON(%q) = %v", tt.data, got)
		}
	}
}

func TestReadPagesJSON(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "shiquan_pages_1-6.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !LooksLikePagesJSON(data) {
		t.Fatal("fixture not sniffed as pages JSON")
	}
	doc, err := ReadPagesJSON(context.Background(), data, extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != extract.FormatPagesJSON || len(doc.Pages) != 6 {
		t.Fatalf("format %q, %d pages", doc.Format, len(doc.Pages))
	}
	p1 := doc.Pages[0]
	if p1.Number != 1 || len(p1.Blocks) != 1 || len(p1.Blocks[0].Lines) != 2 {
		t.Fatalf("page 1: %+v", p1)
	}
	if l := p1.Blocks[0].Lines[1]; l.Text != "预算单位：上海市普陀区人民政府石泉路街道办事处（本级）" || l.Loc != (extract.Loc{Page: 1, Line: 2}) {
		t.Errorf("page 1 line 2: %+v", l)
	}
	// Page 6, line 2 carries the income total; numbering restarts per page.
	p6 := doc.Pages[5]
	l := p6.Blocks[0].Lines[1]
	if p6.Number != 6 || l.Loc != (extract.Loc{Page: 6, Line: 2}) || !strings.Contains(l.Text, "收入预算7,630.61万元") {
		t.Errorf("page 6 line 2: %+v", l)
	}
}

func TestReadPagesJSONCases(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		want  error
		pages []int
		lines [][]int // line numbers per page
	}{
		{"blank lines counted", `[{"page":3,"text":"a\n\nb\n"}]`, nil, []int{3}, [][]int{{1, 3}}},
		{"missing text", `[{"page":2}]`, nil, []int{2}, [][]int{{}}},
		{"crlf", `[{"page":1,"text":"a\r\nb"}]`, nil, []int{1}, [][]int{{1, 2}}},
		{"empty list", `[]`, extract.ErrEmpty, nil, nil},
		{"empty file", ``, extract.ErrEmpty, nil, nil},
		{"not a list", `{"page":1}`, extract.ErrCorrupt, nil, nil},
		{"truncated", `[{"page":1,"text":"上海市普陀区`, extract.ErrCorrupt, nil, nil},
		{"no page", `[{"text":"a"}]`, extract.ErrCorrupt, nil, nil},
		{"page zero", `[{"page":0,"text":"a"}]`, extract.ErrCorrupt, nil, nil},
		{"page not a number", `[{"page":"1","text":"a"}]`, extract.ErrCorrupt, nil, nil},
		{"trailing garbage", `[{"page":1,"text":"a"}] x`, extract.ErrCorrupt, nil, nil},
		{"unclosed", `[{"page":1,"text":"a"}`, extract.ErrCorrupt, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadPagesJSON(context.Background(), []byte(tt.data), extract.DefaultLimits)
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("error %v, want %v", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range doc.Pages {
				if p.Number != tt.pages[i] {
					t.Errorf("page %d numbered %d", i, p.Number)
				}
				var got []int
				for _, b := range p.Blocks {
					for _, l := range b.Lines {
						got = append(got, l.Loc.Line)
					}
				}
				if len(got) != len(tt.lines[i]) {
					t.Fatalf("page %d lines %v, want %v", p.Number, got, tt.lines[i])
				}
				for k := range got {
					if got[k] != tt.lines[i][k] {
						t.Errorf("page %d lines %v, want %v", p.Number, got, tt.lines[i])
					}
				}
			}
		})
	}
}

func TestReadPagesJSONLimits(t *testing.T) {
	data := []byte(`[{"page":1,"text":"a"},{"page":2,"text":"b"},{"page":3,"text":"c"}]`)
	if _, err := ReadPagesJSON(context.Background(), data, extract.Limits{MaxPages: 2}); !errors.Is(err, extract.ErrTooLarge) {
		t.Errorf("MaxPages: %v", err)
	}
	doc, err := ReadPagesJSON(context.Background(), []byte(`[{"page":1,"text":"a"},{"page":1,"text":"b"}]`), extract.DefaultLimits)
	if err != nil || len(doc.Warnings) != 1 {
		t.Errorf("duplicate page: %v %v", err, doc)
	}
}

func TestReadPagesJSONCorpus(t *testing.T) {
	data := corpusFile(t, "shanghai_putuo_shiquanlujiedao_2026_unit_budget_pages.json")
	if !LooksLikePagesJSON(data) {
		t.Fatal("not sniffed")
	}
	doc, err := ReadPagesJSON(context.Background(), data, extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 34 || doc.Pages[33].Number != 34 {
		t.Fatalf("%d pages", len(doc.Pages))
	}
	if got := doc.Pages[0].Blocks[0].Lines[0].Text; got != "上海市普陀区2026年区级单位预算" {
		t.Errorf("first line %q", got)
	}
}

func FuzzReadPagesJSON(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "shiquan_pages_1-6.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`[{"page":1,"text":"a\n\nb"},{"page":1}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		LooksLikePagesJSON(data)
		doc, err := ReadPagesJSON(context.Background(), data, extract.Limits{MaxPages: 100, MaxBytes: 1 << 20})
		if err != nil {
			if stack := extract.StackOf(err); stack != nil {
				t.Fatalf("%v\n%s", err, stack)
			}
			if !errors.Is(err, extract.ErrEmpty) && !errors.Is(err, extract.ErrCorrupt) && !errors.Is(err, extract.ErrTooLarge) {
				t.Fatalf("unexpected error class: %v", err)
			}
			return
		}
		for _, p := range doc.Pages {
			if p.Number < 1 {
				t.Fatalf("page number %d", p.Number)
			}
		}
	})
}

func BenchmarkReadPagesJSON(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "shiquan_pages_1-6.json"))
	if err != nil {
		b.Fatal(err)
	}
	data = bytes.TrimSpace(data)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadPagesJSON(context.Background(), data, extract.DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
}
