package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/schema"
)

// TestEvalExtracted scores a saved extraction (budgetdoc extract --jsonl)
// against a gold file and checks headline figures, without extracting.
func TestEvalExtracted(t *testing.T) {
	dir := t.TempDir()
	doc := schema.Document{
		Source: schema.Source{Path: "/somewhere/g.pdf"},
		Meta:   schema.Meta{Title: "关于G市2025年预算执行情况和2026年预算草案的报告", Kind: "budget"},
		Facts: []schema.Fact{
			{ID: "f1", Kind: "money", Subject: "全市一般公共预算收入", Value: "51574000000", Loc: schema.Loc{Page: 1}},
			{ID: "f2", Kind: "money", Subject: "支出", Value: "109903000000", Loc: schema.Loc{Page: 1}},
			{ID: "f3", Kind: "money", Value: "100", Text: "100元", Loc: schema.Loc{Page: 2, Line: 7}}, // outside the gold's pages
		},
	}
	line, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	jsonl := write("out.jsonl", string(line)+"\n")
	gold := write("g.json", `{"document": "g.pdf", "covered": ["1"],
	 "meta": {"title": "关于G市2025年预算执行情况和2026年预算草案的报告", "kind": "budget", "scope": "government"},
	 "facts": [
	  {"page": 1, "text": "515.74亿元", "subject": "全市一般公共预算收入", "value": "51574000000"},
	  {"page": 1, "text": "1099.03亿元", "subject": "全市一般公共预算支出", "value": "109903000000"}],
	 "changes": [], "indicators": []}`)
	headlines := write("h.csv", "file,city,year,figure,value_yi_yuan\ng.pdf,G市,2025,一般公共预算收入,515.74\ng.pdf,G市,2025,一般公共预算支出,1099.03\n")

	code, out, errOut := cli(t, "eval", "-v", "--extracted", jsonl, "--headlines", headlines, "--empty-subjects", gold)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"money facts      2     2     1  0.500  0.500",
		"values           2     2     2  1.000  1.000",
		"subj lenient     2     2     1  0.500  0.500",
		"meta             3     2     2  1.000  0.667",
		`scope: want "government", got nothing`,
		"headlines 2: value found 2, subject names the figure 1, with a jurisdiction-wide scope word 1",
		"empty subjects: 1 money facts of prose without a subject, in 1 of 1 documents",
		"g.pdf:2:7\tempty subject\t100元",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	// subject defects need no gold: f2 is a bare 支出, f3 has none
	code, out, errOut = cli(t, "eval", "-v", "--extracted", jsonl, "--subject-defects")
	if code != exitOK {
		t.Fatalf("--subject-defects: exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"subject defects: 2 of 3 money facts of prose, in 1 documents; empty 1; a bare word 1",
		"g.pdf:1:0\ta bare word\t\t\"支出\"",
		"g.pdf:2:7\tempty\t100元\t\"\"",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("--subject-defects output lacks %q:\n%s", want, out)
		}
	}

	if code, _, errOut := cli(t, "eval", "--extracted", filepath.Join(dir, "missing.jsonl"), gold); code != exitInput || !strings.Contains(errOut, "missing.jsonl") {
		t.Errorf("missing JSONL: exit %d, %q", code, errOut)
	}
	other := write("other.json", `{"document": "other.pdf", "covered": ["1"], "facts": [], "changes": [], "indicators": []}`)
	if code, _, errOut := cli(t, "eval", "--extracted", jsonl, other); code != exitInput || !strings.Contains(errOut, "other.pdf: not in the extracted documents") {
		t.Errorf("document not extracted: exit %d, %q", code, errOut)
	}
	bad := write("bad.jsonl", "{not json\n")
	if code, _, errOut := cli(t, "eval", "--extracted", bad, gold); code != exitInput || !strings.Contains(errOut, "bad.jsonl:1") {
		t.Errorf("bad JSONL: exit %d, %q", code, errOut)
	}
}
