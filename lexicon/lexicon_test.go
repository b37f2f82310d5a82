package lexicon

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/tables"
)

// harvest builds a lexicon from (doc, year, code, label) rows.
func harvest(rows ...[4]string) *Lexicon {
	h := NewHarvester()
	for _, r := range rows {
		y := 0
		for _, c := range r[1] {
			y = y*10 + int(c-'0')
		}
		h.Add(r[0], y, r[2], r[3])
	}
	return h.Lexicon()
}

// Rows as the corpus tables print them: jiangsu 2017–2019 and shanghai
// 2023–2026 budgets (20805 was renamed; 30301 and 30302 are neighbours).
var sample = [][4]string{
	{"js2017", "2017", "20805", "行政事业单位离退休"},
	{"js2018", "2018", "20805", "行政事业单位离退休"},
	{"sh2024", "2024", "20805", "行政事业单位养老支出"},
	{"sh2026", "2026", "20805", " 行政事业单位养老支出"},
	{"js2017", "2017", "30301", "离休费"},
	{"sh2026", "2026", "30301", "离休费"},
	{"js2017", "2017", "30302", "退休费"},
	{"sh2026", "2026", "30302", "退休费"},
	{"sh2024", "2024", "30211", "差旅费"},
	{"sh2026", "2026", "30211", "差旅费"},
	{"sh2025", "2025", "30211", "差族费"}, // one document's slip
	{"sh2026", "2026", "201", "一、一般公共服务支出"},
	{"sh2024", "2024", "201", "一般公共服务支出"},
	{"sh2024", "2024", "2230102", `"三供一业"移交补助支出`},
	{"sh2026", "2026", "2230102", "“三供一业”移交补助支出"},
	{"sh2026", "2026", "9999999", "不是科目"}, // not a classification code
	{"sh2026", "2026", "301", "2026"},     // no name
}

func TestHarvestAndCanonical(t *testing.T) {
	l := harvest(sample...)
	for code, want := range map[string]string{
		"20805": "行政事业单位养老支出", "30211": "差旅费", "201": "一般公共服务支出",
		"2230102": "“三供一业”移交补助支出", "9999999": "", "301": "",
	} {
		if got := l.Canonical(code); got != want {
			t.Errorf("Canonical(%s) = %q, want %q", code, got, want)
		}
	}
	e, _ := l.Entry("30211")
	if e.Trusted("差族费") || !e.Trusted("差旅费") {
		t.Errorf("30211: the one-document slip must not be trusted: %+v", e.Names)
	}
	if got := l.CodesOf("退休费"); !reflect.DeepEqual(got, []string{"30302"}) {
		t.Errorf("CodesOf(退休费) = %v", got)
	}
	if Level("2010401") != 3 || Level("20104") != 2 || Level("201") != 1 || Parent("2010401") != "20104" || Parent("201") != "" {
		t.Error("Level/Parent")
	}
}

func TestRenames(t *testing.T) {
	got := harvest(sample...).Renames()
	want := []Rename{{Code: "20805", Old: "行政事业单位离退休", New: "行政事业单位养老支出", Since: 2024}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Renames() = %+v, want %+v", got, want)
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	l := harvest(sample...)
	var buf bytes.Buffer
	if err := l.Write(&buf, "test"); err != nil {
		t.Fatal(err)
	}
	back, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := back.Write(&again, "test"); err != nil {
		t.Fatal(err)
	}
	if buf.String() != again.String() {
		t.Errorf("round trip differs:\n%s\n---\n%s", buf.String(), again.String())
	}
}

func TestReadErrors(t *testing.T) {
	for name, in := range map[string]string{
		"no header":     "201\tfunction\t类\t\t一般公共服务支出@2026@1\n",
		"empty":         "",
		"bad kind":      "# budgetdoc-lexicon/1\n201\trevenue\t类\t\tx@2026@1\n",
		"bad name":      "# budgetdoc-lexicon/1\n201\tfunction\t类\t\t一般公共服务支出\n",
		"bad year":      "# budgetdoc-lexicon/1\n201\tfunction\t类\t\t一般@20x6@1\n",
		"bad docs":      "# budgetdoc-lexicon/1\n201\tfunction\t类\t\t一般@2026@0\n",
		"repeated code": "# budgetdoc-lexicon/1\n201\tfunction\t类\t\t一般@2026@1\n201\tfunction\t类\t\t一般@2026@1\n",
		"few fields":    "# budgetdoc-lexicon/1\n201\tfunction\n",
	} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestCheckName(t *testing.T) {
	l := harvest(sample...)
	tests := []struct {
		code, label string
		ok          bool
		want        Problem
	}{
		{"30301", "退休费", true, Problem{Want: "离休费", OtherCode: "30302", At: -1}},
		{"30302", "退休费", false, Problem{}},
		{"30211", "差族费", true, Problem{Want: "差旅费", At: 1}},
		{"30211", "差旅费", false, Problem{}},
		{"30211", "会议费", false, Problem{}}, // unknown to the lexicon: a local name, not judged
		{"99999", "差旅费", false, Problem{}},
	}
	for _, tt := range tests {
		got, ok := l.CheckName(tt.code, tt.label)
		if ok != tt.ok || got != tt.want {
			t.Errorf("CheckName(%s, %s) = %+v, %v; want %+v, %v", tt.code, tt.label, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNearMisses(t *testing.T) {
	l := harvest(sample...)
	got := l.NearMisses("其中行政事业单位养佬支出100万元，一般公共服务支出50万元。")
	if len(got) != 1 || got[0].Written != "行政事业单位养佬支出" || got[0].Name != "行政事业单位养老支出" || got[0].At != 7 {
		t.Errorf("NearMisses = %+v", got)
	}
	if got := l.NearMisses("一般公共服务支出"); len(got) != 0 {
		t.Errorf("a name itself is no near miss: %+v", got)
	}
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"一、一般公共服务支出": "一般公共服务支出", "  行政 运行": "行政运行", "其中：基本工资": "基本工资",
		"（一）财政拨款": "财政拨款", "1.一般公共预算": "一般公共预算", "维修(护)费": "维修（护）费", "2026": "", "a|b费": "",
	} {
		if got := CleanName(in); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

// The embedded lexicon parses, is the size the README states, and knows
// the classification's backbone.
func TestEmbedded(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(l.Entries()); n < 900 {
		t.Errorf("embedded lexicon has %d entries, want ≥ 900", n)
	}
	if got := l.Canonical("210"); got != "卫生健康支出" {
		t.Errorf("210 = %q", got)
	}
	if len(embedded) > 1<<20 {
		t.Errorf("embedded lexicon is %d bytes; the README promises well under 5 MB", len(embedded))
	}
	renamed := map[string]bool{}
	for _, r := range l.AllRenames() {
		renamed[r.Old] = true
		if r.Old == "" || r.New == "" || r.Since < 2000 {
			t.Errorf("bad rename %+v", r)
		}
	}
	for _, old := range []string{"医疗卫生与计划生育支出", "文化体育与传媒支出", "公共财政预算", "行政事业单位离退休"} {
		if !renamed[old] {
			t.Errorf("%s is not among the renames", old)
		}
	}
	if renamed["住房公积金"] {
		t.Error("住房公积金 is still a name (30113): not outdated")
	}
}

func FuzzRead(f *testing.F) {
	f.Add(string(embedded[:min(len(embedded), 4000)]))
	f.Add("# budgetdoc-lexicon/1\n201\tfunction\t类\t\t一般@2026,2025@1|x@@3\n")
	f.Fuzz(func(t *testing.T, s string) {
		l, err := Read(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, e := range l.Entries() {
			if len(e.Names) == 0 || e.Canonical() == "" {
				t.Fatalf("entry without a name: %+v", e)
			}
		}
		l.Renames()
		l.NearMisses(s)
	})
}

func row(code, label string, cells ...string) tables.Row {
	r := tables.Row{Code: code, Label: label}
	for _, c := range cells {
		r.Cells = append(r.Cells, tables.Cell{Text: c})
	}
	return r
}

func TestHarvestTable(t *testing.T) {
	coded := []tables.Column{{Role: tables.CodeColumn}, {Role: tables.TextColumn}, {Role: tables.AmountColumn}}
	tbl := &tables.Table{Columns: coded, Body: []tables.Row{
		row("204", "公共安全支出", "204", "公共安全支出", "87267272.44"),
		row("20406", "司法", "20406", "司法", "87267272.44"),
		row("2040601", "行政运行", "2040601", "行政运行", "16726725.44"),
		row("2040704", "错位的项", "2040704", "错位的项", "1.00"),  // its 款 20407 is not above it
		row("20802", "金融发展支出", "金融发展支出", "34284", "20802"), // an amount after the name
		row("310", "资本性支出", "310", "资本性支出", "5.00"),        // a 类 with nothing under it
	}}
	h := NewHarvester()
	HarvestTable(h, "d", 2026, tbl)
	HarvestTable(h, "d", 2026, &tables.Table{Columns: coded[1:], Body: tbl.Body}) // no code column: ignored
	var got []string
	for _, e := range h.Lexicon().Entries() {
		got = append(got, e.Code+" "+e.Canonical())
	}
	want := []string{"204 公共安全支出", "20406 司法", "2040601 行政运行"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("harvested %v, want %v", got, want)
	}
}
