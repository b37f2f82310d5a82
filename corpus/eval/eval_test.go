package eval

import (
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/schema"
)

const syntheticGold = `{
 "document": "synthetic.pdf",
 "covered": ["1-2", "5"],
 "covered_indicators": ["1-2", "5-6"],
 "facts": [
  {"page": 1, "text": "1234.56万元", "subject": "一般公共预算财政拨款收入", "value": "12345600"},
  {"page": 1, "text": "60万元", "subject": "因公出国（境）费", "value": "600000"},
  {"page": 2, "text": "2800.68万元", "subject": "“三公”经费预算", "value": "28006800"},
  {"page": 2, "text": "290.5万元", "subject": "", "value": "2905000"},
  {"page": 5, "text": "2.63万元", "subject": "预算安排", "also": ["统计管理(项)"], "value": "26300"}
 ],
 "changes": [
  {"page": 1, "text": "比上年减少200万元，下降13.9%", "direction": "decrease", "value": "-2000000", "percent": "-13.9"},
  {"page": 2, "text": "与2017年一致", "direction": "flat"},
  {"page": 5, "text": "增加（减少）0万元，增长（减少）0%", "direction": "flat", "value": "0", "percent": "0"}
 ],
 "indicators": [
  {"page": 6, "category": "数量指标", "name": "规划建筑面积", "target": "≥13459.00(平方米)"},
  {"page": 6, "category": "服务对象满意度指标", "name": "居民满意度"}
 ]
}`

func loadSynthetic(t *testing.T) *Gold {
	t.Helper()
	g, err := ParseGold([]byte(syntheticGold))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func money(page int, subject, value string) schema.Fact {
	return schema.Fact{Kind: "money", Subject: subject, Value: value, Loc: schema.Loc{Page: page}}
}

func withChange(f schema.Fact, dir, value, percent string) schema.Fact {
	f.Change = &schema.Change{Direction: dir, Value: value, Percent: percent}
	return f
}

func TestEvaluate(t *testing.T) {
	g := loadSynthetic(t)
	tests := []struct {
		name                   string
		doc                    schema.Document
		facts, changes, indics Score
	}{
		{
			name:    "empty prediction",
			facts:   Score{Gold: 5},
			changes: Score{Gold: 3},
			indics:  Score{Gold: 2},
		},
		{
			name: "perfect, with equivalent forms",
			doc: schema.Document{
				Facts: []schema.Fact{
					withChange(money(1, "财政拨款收入", "12345600.00"), "decrease", "-2000000", "-13.90"), // contained, ≥ half
					money(1, "因公出国(境)费", "600000"),                                                  // width-folded
					withChange(money(2, "三公经费预算", "28006800"), "flat", "0", ""),                     // quotes removed; flat 0 = unstated
					money(2, "严控", "2905000"),                                                       // gold subject lost: anything goes
					withChange(money(5, "统计管理(项)", "26300"), "flat", "", ""),                        // an accepted alternative
				},
				Projects: []schema.Project{{Indicators: []schema.Indicator{
					{Category: "数量指标", Name: "规划建筑面积", Loc: schema.Loc{Page: 6}},
					{Category: "服务对象满意度指标", Name: "居民满意度", Loc: schema.Loc{Page: 6}},
				}}},
			},
			facts:   Score{5, 5, 5},
			changes: Score{3, 3, 3},
			indics:  Score{2, 2, 2},
		},
		{
			name: "wrong values, subjects, signs and categories",
			doc: schema.Document{
				Facts: []schema.Fact{
					withChange(money(1, "一般公共预算财政拨款收入", "1234.56"), "decrease", "2000000", "-13.9"), // value in 万元; change unsigned
					money(1, "费", "600000"), // bare head noun: too short
					money(2, "三公经费预算", "28006800"),
					{Kind: "count", Subject: "车辆", Value: "54", Loc: schema.Loc{Page: 1}}, // counts are not money facts
					withChange(schema.Fact{Kind: "count", Subject: "接待游客", Value: "28535000", Loc: schema.Loc{Page: 1}}, "increase", "", "9.3"), // nor are their changes scored
					money(3, "支出", "1"), // page not covered: ignored
				},
				Projects: []schema.Project{{Indicators: []schema.Indicator{
					{Category: "质量指标", Name: "规划建筑面积", Loc: schema.Loc{Page: 6}},
					{Category: "服务对象满意度指标", Name: "居民满意度", Loc: schema.Loc{Page: 9}}, // not covered
				}}},
			},
			facts:   Score{5, 3, 1},
			changes: Score{3, 1, 0},
			indics:  Score{2, 1, 0},
		},
		{
			name: "one prediction matches one gold item only",
			doc: schema.Document{Facts: []schema.Fact{
				money(2, "三公经费预算", "28006800"),
				money(2, "三公经费预算", "28006800"),
				money(3, "三公经费预算", "28006800"), // neighbouring page of the gold's, but that item is taken
			}},
			facts:   Score{5, 2, 1}, // the page-3 prediction is outside the covered pages
			changes: Score{Gold: 3},
			indics:  Score{Gold: 2},
		},
		{
			name:    "a sentence split by a page break may be located on the next page",
			doc:     schema.Document{Facts: []schema.Fact{money(2, "因公出国(境)费", "600000")}},
			facts:   Score{5, 1, 1},
			changes: Score{Gold: 3},
			indics:  Score{Gold: 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(g, &tt.doc)
			for _, c := range []struct {
				m    string
				want Score
			}{{MeasureFacts, tt.facts}, {MeasureChanges, tt.changes}, {MeasureIndicators, tt.indics}} {
				if got := r.Scores[c.m]; got != c.want {
					t.Errorf("%s: got %+v, want %+v\nmissed %q\nspurious %q", c.m, got, c.want, r.Missed[c.m], r.Spurious[c.m])
				}
			}
		})
	}
}

func TestStrictPassBeforeLenient(t *testing.T) {
	// Two gold facts with the same value on the same page: 财政拨款收入 and
	// 一般公共预算财政拨款收入. A prediction of each must pair with its own
	// gold item even though the first prediction is equivalent to both.
	g, err := ParseGold([]byte(`{"document": "x", "covered": ["1"], "facts": [
	 {"page": 1, "text": "1万元", "subject": "一般公共预算财政拨款收入", "value": "10000"},
	 {"page": 1, "text": "1万元", "subject": "财政拨款收入", "value": "10000"}], "changes": [], "indicators": []}`))
	if err != nil {
		t.Fatal(err)
	}
	doc := &schema.Document{Facts: []schema.Fact{money(1, "一般公共预算财政拨款收入", "10000"), money(1, "财政拨款收入", "10000")}}
	if got := Evaluate(g, doc).Scores[MeasureFacts]; got.Matched != 2 {
		t.Fatalf("matched %d, want 2", got.Matched)
	}
}

func TestSubjectsEquivalent(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"收入预算总额", "收入预算总额", true},
		{"财政拨款收入", "一般公共预算财政拨款收入", true},
		{"车运行维护费", "公务用车运行维护费", true},
		{"支出", "一般公共预算财政拨款支出", false},
		{"收入", "支出", false},
		{"", "支出", false},
		{"项目支出", "基本支出", false},
	}
	for _, tt := range tests {
		if got := SubjectsEquivalent(tt.a, tt.b); got != tt.want {
			t.Errorf("SubjectsEquivalent(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := SubjectsEquivalent(tt.b, tt.a); got != tt.want {
			t.Errorf("SubjectsEquivalent(%q, %q) not symmetric", tt.b, tt.a)
		}
	}
}

func TestNormalizeSubject(t *testing.T) {
	tests := map[string]string{
		"“三公”经费":        "三公经费",
		"因公出国（境）费":      "因公出国(境)费",
		"政府 采购\u3000预算": "政府采购预算",
		"\"提升居民\" 意识":   "提升居民意识",
		"ＡＢＣ１２３支出":      "ABC123支出",
	}
	for in, want := range tests {
		if got := NormalizeSubject(in); got != want {
			t.Errorf("NormalizeSubject(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseGoldRejects(t *testing.T) {
	tests := map[string]string{
		"unknown field":              `{"document": "x", "covered": ["1"], "facts": [{"page": 1, "valeu": "1"}]}`,
		"no coverage":                `{"document": "x"}`,
		"bad range":                  `{"document": "x", "covered": ["3-1"]}`,
		"fact off coverage":          `{"document": "x", "covered": ["1"], "facts": [{"page": 2, "text": "1元", "subject": "a", "value": "1"}]}`,
		"bad value":                  `{"document": "x", "covered": ["1"], "facts": [{"page": 1, "text": "1万元", "subject": "a", "value": "1万"}]}`,
		"exponent":                   `{"document": "x", "covered": ["1"], "facts": [{"page": 1, "text": "1万元", "subject": "a", "value": "1e4"}]}`,
		"bad direction":              `{"document": "x", "covered": ["1"], "changes": [{"page": 1, "text": "增", "direction": "up"}]}`,
		"indicator no name":          `{"document": "x", "covered": ["1"], "indicators": [{"page": 1, "category": "数量指标"}]}`,
		"no document":                `{"covered": ["1"]}`,
		"fact without covered pages": `{"document": "x", "covered_indicators": ["1"], "facts": [{"page": 1, "text": "1元", "subject": "a", "value": "1"}]}`,
	}
	for name, in := range tests {
		if _, err := ParseGold([]byte(in)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestIndicatorOnlyGold: gold of a document's indicator tables alone covers
// no page for money, so the document's money facts are not scored.
func TestIndicatorOnlyGold(t *testing.T) {
	g, err := ParseGold([]byte(`{"document": "x", "covered": [], "covered_indicators": ["3"],
	 "facts": [], "changes": [],
	 "indicators": [{"page": 3, "category": "数量指标", "name": "重大项目开工数", "target": "≥600项"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	doc := &schema.Document{
		Facts: []schema.Fact{money(3, "航线运行补贴成本", "7800000")},
		Projects: []schema.Project{{Name: "全市重大项目前期工作经费", Indicators: []schema.Indicator{
			{Category: "数量指标", Name: "重大项目开工数", Loc: schema.Loc{Page: 3}},
			{Category: "数量指标", Name: "重大项目入库数", Loc: schema.Loc{Page: 4}},
		}}},
	}
	r := Evaluate(g, doc)
	if got, want := r.Scores[MeasureFacts], (Score{}); got != want {
		t.Errorf("facts %+v, want %+v", got, want)
	}
	if got, want := r.Scores[MeasureIndicators], (Score{Gold: 1, Pred: 1, Matched: 1}); got != want {
		t.Errorf("indicators %+v, want %+v", got, want)
	}
}

func TestWriteTable(t *testing.T) {
	g := loadSynthetic(t)
	r := Evaluate(g, &schema.Document{Facts: []schema.Fact{money(1, "因公出国(境)费", "600000")}})
	var b strings.Builder
	if err := WriteTable(&b, []Report{r, r}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"synthetic.pdf", "money facts", "1.000  0.200", "(all)"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func FuzzParseGold(f *testing.F) {
	f.Add([]byte(syntheticGold))
	f.Add([]byte(`{"document": "x", "covered": ["1-2"]}`))
	f.Add([]byte(metaGold))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ParseGold(data)
		if err != nil {
			return
		}
		child := money(1, "a", "1")
		child.ID, child.Parent, child.Table, child.Dimension = "f2", "f1", "t1", "执行数"
		parent := money(1, "b", "2")
		parent.ID = "f1"
		Evaluate(g, &schema.Document{Facts: []schema.Fact{parent, child}})
	})
}
