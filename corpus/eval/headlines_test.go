package eval

import (
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/schema"
)

func TestNamesHeadline(t *testing.T) {
	tests := []struct {
		subject, figure string
		named, scoped   bool
	}{
		// real subjects from government reports (盐城, 岳阳, 长沙, 济南, 洛阳)
		{"全市一般公共预算收入", "一般公共预算收入", true, true},
		{"一般公共预算收入", "一般公共预算收入", true, false},
		{"全市一般公共预算地方收入", "一般公共预算收入", true, true},
		{"地方一般公共预算收入", "一般公共预算收入", true, false},
		{"全市政府性基金收入", "政府性基金预算收入", true, true},
		{"2025年全市一般公共预算支出", "一般公共预算支出", true, true},
		{"全市一般公共预算收入完成数", "一般公共预算收入", true, true},
		{"“全市”一般公共预算收入", "一般公共预算收入", true, true},
		{"全省一般公共预算支出", "一般公共预算支出", true, true},
		// another amount, or another level
		{"市级一般公共预算收入", "一般公共预算收入", false, false},
		{"市本级政府性基金预算收入", "政府性基金预算收入", false, false},
		{"全市一般公共预算收入总计", "一般公共预算收入", false, false},
		{"一般公共预算收入中税收收入", "一般公共预算收入", false, false},
		{"全市一般公共预算支出", "一般公共预算收入", false, false},
		{"政府性基金预算支出", "政府性基金预算收入", false, false},
		{"收入", "一般公共预算收入", false, false},
		{"实际", "政府性基金预算收入", false, false},
		{"", "一般公共预算收入", false, false},
		// synthetic forms of the rule
		{"全区一般公共预算收入", "一般公共预算收入", true, true},
		{"全州当年一般公共预算收入", "一般公共预算收入", true, true},
		{"省级一般公共预算收入", "一般公共预算收入", false, false},
		{"一般公共收入", "一般公共预算收入", true, false},
	}
	for _, tt := range tests {
		named, scoped := NamesHeadline(tt.subject, tt.figure)
		if named != tt.named || scoped != tt.scoped {
			t.Errorf("NamesHeadline(%q, %q) = %t, %t; want %t, %t", tt.subject, tt.figure, named, scoped, tt.named, tt.scoped)
		}
	}
}

const headlinesCSV = `file,city,year,figure,value_yi_yuan
a.pdf,威海市,2025,一般公共预算收入,257.91
a.pdf,威海市,2025,政府性基金预算收入,225.52
b.html,长沙市,2025,一般公共预算支出,1625.77
`

func TestMatchHeadline(t *testing.T) {
	hs, err := ParseHeadlines(strings.NewReader(headlinesCSV))
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 3 || hs[0].Value.String() != "25791000000" {
		t.Fatalf("parsed %+v", hs)
	}
	doc := &schema.Document{Facts: []schema.Fact{
		money(2, "全市一般公共预算收入", "25791450000"),   // 2579145万元 recorded as 257.91亿元
		money(2, "市本级政府性基金预算收入", "22552000000"), // the value, but the own level
		money(3, "政府性基金预算收入", "22553000000"),    // the figure, another value
		{Kind: "count", Subject: "全市一般公共预算收入", Value: "25791000000"},
	}}
	for i, want := range []HeadlineResult{
		{Value: true, Named: true, Scoped: true},
		{Value: true},
		{},
	} {
		got := MatchHeadline(hs[i], doc)
		if got.Value != want.Value || got.Named != want.Named || got.Scoped != want.Scoped {
			t.Errorf("%s %s: got %+v, want %+v", hs[i].File, hs[i].Figure, got, want)
		}
	}
}

func TestParseHeadlinesRejects(t *testing.T) {
	for _, in := range []string{
		"",
		"file,city\na,b\n",
		"file,city,year,figure,value_yi_yuan\na.pdf,x,2025,一般公共预算收入,abc\n",
		"file,city,year,figure,value_yi_yuan\n,x,2025,一般公共预算收入,1\n",
		"file,city,year,figure,value_yi_yuan\na.pdf,x,2025\n",
	} {
		if _, err := ParseHeadlines(strings.NewReader(in)); err == nil {
			t.Errorf("ParseHeadlines(%q): no error", in)
		}
	}
}

func FuzzParseHeadlines(f *testing.F) {
	f.Add(headlinesCSV)
	f.Add("file,city,year,figure,value_yi_yuan\na,b,c,d,1e5\n")
	f.Fuzz(func(t *testing.T, in string) {
		hs, err := ParseHeadlines(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, h := range hs {
			if h.File == "" || h.Figure == "" {
				t.Fatalf("empty file or figure accepted: %+v", h)
			}
			MatchHeadline(h, &schema.Document{})
		}
	})
}

func TestEmptySubjects(t *testing.T) {
	cell := money(1, "", "5")
	cell.Table = "t1"
	changeOnly := money(1, "", "")
	doc := &schema.Document{Facts: []schema.Fact{
		money(1, "", "1"),     // counted
		money(1, "  ", "2"),   // white space is no subject
		money(1, "调入资金", "3"), // has a subject
		{Kind: "count", Value: "4"},
		cell,       // a table cell: its row label is another matter
		changeOnly, // a change-only mention has no value
	}}
	if got := EmptySubjects(doc); len(got) != 2 || got[0].Value != "1" || got[1].Value != "2" {
		t.Errorf("EmptySubjects = %+v", got)
	}
}
