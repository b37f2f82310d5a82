package eval

import (
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/schema"
)

// A government-report gold with meta, parent links, line coverage on page 1
// and table cells; the facts are written as in the govwide documents.
const metaGold = `{
 "document": "g.pdf",
 "covered": ["1-2"],
 "covered_lines": ["1:10-20"],
 "tables": true,
 "meta": {"title": "关于盐城市2025年预算执行情况和2026年预算草案的报告", "organization": "岳阳市人民政府",
  "also": {"organization": ["岳阳市财政局"]}, "fiscal_year": 2026, "execution_year": 2025,
  "kind": "budget", "scope": "government", "coverage": "both", "jurisdiction": "盐城市"},
 "facts": [
  {"page": 1, "line": 12, "text": "277.16亿元", "subject": "全市发行政府债券", "value": "27716000000", "id": "bond"},
  {"page": 1, "line": 12, "text": "102.54亿元", "subject": "新增债券", "value": "10254000000", "id": "new", "parent": "bond"},
  {"page": 1, "line": 12, "text": "174.62亿元", "subject": "再融资债券", "value": "17462000000", "parent": "bond"},
  {"page": 1, "line": 14, "text": "515.74亿元", "subject": "全市一般公共预算收入", "value": "51574000000"},
  {"page": 2, "text": "17500571", "subject": "一般公共预算收入", "column": "预算数", "value": "175005710000"},
  {"page": 2, "text": "17430593", "subject": "一般公共预算收入", "column": "执行数", "value": "174305930000"}
 ],
 "changes": [], "indicators": []
}`

func TestEvaluateSubjectsParentsMeta(t *testing.T) {
	g, err := ParseGold([]byte(metaGold))
	if err != nil {
		t.Fatal(err)
	}
	at := func(f schema.Fact, id, parent string, line int) schema.Fact {
		f.ID, f.Parent, f.Loc.Line = id, parent, line
		return f
	}
	cell := func(subject, dim, value string) schema.Fact {
		f := money(2, subject, value)
		f.Table, f.Dimension = "t1", dim
		return f
	}
	doc := &schema.Document{
		Meta: schema.Meta{Title: "关于盐城市2025年预算执行情况和 2026年预算草案的报告", Organization: "岳阳市财政局",
			FiscalYear: 2025, ExecutionYear: 2025, Kind: "budget", Scope: "government", Coverage: "both"},
		Facts: []schema.Fact{
			at(money(1, "发行政府债券", "27716000000"), "f1", "", 12),   // lenient subject
			at(money(1, "新增债券", "10254000000"), "f2", "f1", 12),   // exact subject, right parent
			at(money(1, "债券", "17462000000"), "f3", "f2", 12),     // wrong subject (too short), wrong parent
			at(money(1, "一般公共预算收入", "51574000000"), "f4", "", 14), // lenient: the scope word is missing
			at(money(1, "一般公共预算收入", "99"), "f5", "", 30),          // outside the covered lines: ignored
			cell("一般公共预算收入", "2025年 / 调整预算数", "175005710000"),     // 预算数 is not 调整预算数
			cell("一般公共预算收入", "执行数", "174305930000"),               // exact, column matches
			cell("一般公共预算收入", "执行数为调整预算数%", "996000"),              // a percent column read as money: spurious
		},
	}
	r := Evaluate(g, doc)
	want := map[string]Score{
		MeasureFacts:           {Gold: 6, Pred: 7, Matched: 4},
		MeasureValues:          {Gold: 6, Pred: 7, Matched: 5},
		MeasureSubjectsExact:   {Gold: 5, Pred: 5, Matched: 2},
		MeasureSubjectsLenient: {Gold: 5, Pred: 5, Matched: 4},
		MeasureParents:         {Gold: 2, Pred: 2, Matched: 1},
		MeasureMeta:            {Gold: 8, Pred: 7, Matched: 6}, // title (spaces), organization (also), execution year, kind, scope, coverage; fiscal year wrong; jurisdiction missing
	}
	for m, w := range want {
		if got := r.Scores[m]; got != w {
			t.Errorf("%s: got %+v, want %+v\nmissed %q\nspurious %q", m, got, w, r.Missed[m], r.Spurious[m])
		}
	}
	// -v lists every pair whose subject is not exact, the lenient misses
	// among them
	if got := len(r.Missed[MeasureSubjectsExact]); got != 3 {
		t.Errorf("inexact subjects listed: %d, want 3: %q", got, r.Missed[MeasureSubjectsExact])
	}
	if got := len(r.Missed[MeasureSubjectsLenient]); got != 1 || !strings.Contains(r.Missed[MeasureSubjectsLenient][0], "债券") {
		t.Errorf("wrong subjects listed: %q", r.Missed[MeasureSubjectsLenient])
	}
	if len(r.Spurious[MeasureParents]) != 1 || !strings.Contains(r.Spurious[MeasureParents][0], "债券") {
		t.Errorf("spurious parent links: %q", r.Spurious[MeasureParents])
	}
}

func TestOldGoldHasNoParentsOrMeta(t *testing.T) {
	r := Evaluate(loadSynthetic(t), &schema.Document{Meta: schema.Meta{Title: "x"}})
	for _, m := range []string{MeasureParents, MeasureMeta} {
		if _, ok := r.Scores[m]; ok {
			t.Errorf("%s scored for a gold file without meta", m)
		}
	}
	var b strings.Builder
	if err := WriteTable(&b, []Report{r}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), MeasureParents) || !strings.Contains(b.String(), MeasureSubjectsLenient) {
		t.Errorf("table:\n%s", b.String())
	}
}

func TestParseGoldRejectsNewFields(t *testing.T) {
	for _, tt := range []struct{ name, json, err string }{
		{"unknown parent", `{"document":"x","covered":["1"],"facts":[{"page":1,"text":"1元","subject":"a","value":"1","parent":"p"}]}`, "parent"},
		{"duplicate id", `{"document":"x","covered":["1"],"facts":[{"page":1,"text":"1元","subject":"a","value":"1","id":"a"},{"page":1,"text":"2元","subject":"b","value":"2","id":"a"}]}`, "duplicate id"},
		{"bad kind", `{"document":"x","covered":["1"],"meta":{"kind":"预算"},"facts":[]}`, "kind"},
		{"bad also field", `{"document":"x","covered":["1"],"meta":{"also":{"name":["a"]}},"facts":[]}`, "unknown field"},
		{"line range on an uncovered page", `{"document":"x","covered":["1"],"covered_lines":["2:1-5"],"facts":[]}`, "covered line range"},
		{"fact outside the covered lines", `{"document":"x","covered":["1"],"covered_lines":["1:1-5"],"facts":[{"page":1,"line":9,"text":"1元","subject":"a","value":"1"}]}`, "outside"},
	} {
		_, err := ParseGold([]byte(tt.json))
		if err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%s: got %v, want an error about %q", tt.name, err, tt.err)
		}
	}
}

func TestColumnsMatch(t *testing.T) {
	for _, tt := range []struct {
		gold, pred string
		want       bool
	}{
		{"", "anything", true},
		{"执行数", "执行数", true},
		{"执行数", "2025年/执行数", true},
		{"预算数", "调整预算数", false},
		{"预算数", "2025年/调整预算数", false},
		{"执行数", "", false},
	} {
		if got := columnsMatch(tt.gold, tt.pred); got != tt.want {
			t.Errorf("columnsMatch(%q, %q) = %t", tt.gold, tt.pred, got)
		}
	}
}
