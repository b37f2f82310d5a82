package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
	"github.com/budgetdoc/budgetdoc/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compiled compiles schema.JSONSchema with a maintained validator, which
// also proves the schema itself is valid draft 2020-12.
func compiled(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.JSONSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	const url = "budgetdoc-v1.schema.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

// validate checks JSON text against the schema.
func validate(s *jsonschema.Schema, data []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// fullDocument uses every part of the contract, as written in ARCHITECTURE.md.
const fullDocument = `{
  "schema": "budgetdoc/v1",
  "source": {"path": "a.pdf", "format": "pdf", "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "bytes": 123456, "pages": 24},
  "meta": {"title": "江苏省人民检察院2024年部门预算", "organization": "江苏省人民检察院", "fiscal_year": 2024,
           "kind": "budget", "scope": "department"},
  "outline": [{"id": "s1", "level": 1, "number": "第一部分", "title": "部门概况", "loc": {"page": 2, "line": 1},
               "children": [{"id": "s2", "level": 2, "number": "一、", "title": "主要职能", "loc": {"page": 2, "line": 2}}]}],
  "facts": [{
    "id": "f12", "kind": "money",
    "subject": "收入预算总额", "entity": "市公共资源交易中心",
    "value": "12345600", "unit": "CNY", "text": "1234.56万元", "approx": false,
    "change": {"direction": "decrease", "value": "-2000000", "percent": "-13.9",
               "base": "上年", "text": "比上年减少200万元，下降13.9%"},
    "prior": "14345600",
    "reason": "由于机构改革，…",
    "parent": "f10", "dimension": "支出功能科目",
    "section": "s2",
    "loc": {"page": 3, "line": 12, "bbox": [72.0, 540.2, 310.5, 552.0]}
  }, {"id": "f13", "kind": "count", "value": "181", "unit": "人", "text": "181人", "approx": true,
      "change": {"direction": "increase", "points": "1.5", "text": "增长1.5个百分点"}, "loc": {"page": 1, "line": 1}}],
  "projects": [{"id": "p1", "name": "信息系统运维项目", "overview": "…", "basis": "…",
                "implementer": "…", "period": "2024年1月1日——2024年12月31日", "budget": "1500000",
                "indicators": [{"group": "产出指标", "category": "数量指标", "name": "系统正常运行月数",
                                "target": "≥12个月", "loc": {"page": 9, "line": 4}}],
                "loc": {"page": 9, "line": 1}}],
  "tables": [{"id": "t1", "title": "收支总表", "unit": "元", "pages": [5, 6], "rows": [["项目", "金额"]], "loc": {"page": 5, "line": 1}}],
  "findings": [{"rule": "template-leftover", "severity": "error",
                "message": "template field left in the text", "evidence": "MERGEFIELD ${…}", "loc": {"page": 1, "line": 3}, "facts": ["f12"]}],
  "warnings": ["page 7: a font without ToUnicode"]
}`

func TestFullDocumentIsValid(t *testing.T) {
	s := compiled(t)
	if err := validate(s, []byte(fullDocument)); err != nil {
		t.Fatal(err)
	}
	// It must also round-trip through the Go types unchanged in meaning.
	var d schema.Document
	if err := json.Unmarshal([]byte(fullDocument), &d); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(&d)
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(s, out); err != nil {
		t.Fatalf("re-encoded document: %v", err)
	}
}

// TestInvalidDocuments breaks fullDocument one way at a time; every break
// must be rejected.
func TestInvalidDocuments(t *testing.T) {
	s := compiled(t)
	tests := []struct {
		name     string
		old, new string
	}{
		{"float value", `"value": "12345600"`, `"value": 12345600.5`},
		{"integer value", `"value": "12345600"`, `"value": 12345600`},
		{"exponent", `"value": "12345600"`, `"value": "1.23456e7"`},
		{"thousands separator", `"value": "12345600"`, `"value": "12,345,600"`},
		{"plus sign", `"percent": "-13.9"`, `"percent": "+13.9"`},
		{"trailing dot", `"prior": "14345600"`, `"prior": "14345600."`},
		{"spaces in a number", `"budget": "1500000"`, `"budget": "1 500 000"`},
		{"unit in a number", `"value": "-2000000"`, `"value": "-200万"`},
		{"percent sign", `"percent": "-13.9"`, `"percent": "-13.9%"`},
		{"points not decimal", `"points": "1.5"`, `"points": "1.5个百分点"`},
		{"wrong schema version", `"schema": "budgetdoc/v1"`, `"schema": "budgetdoc/v2"`},
		{"bad fact kind", `"kind": "money"`, `"kind": "percent"`},
		{"bad direction", `"direction": "decrease"`, `"direction": "down"`},
		{"bad severity", `"severity": "error"`, `"severity": "fatal"`},
		{"bad meta kind", `"kind": "budget"`, `"kind": "决算"`},
		{"bad scope", `"scope": "department"`, `"scope": "bureau"`},
		{"bad format", `"format": "pdf"`, `"format": "PDF"`},
		{"bad rule id", `"rule": "template-leftover"`, `"rule": "Template Leftover"`},
		{"bad sha256", `"sha256": "9f86`, `"sha256": "XX86`},
		{"page 0", `"loc": {"page": 3, "line": 12`, `"loc": {"page": 0, "line": 12`},
		{"line 0", `"loc": {"page": 9, "line": 1}`, `"loc": {"page": 9, "line": 0}`},
		{"bbox of 3", `[72.0, 540.2, 310.5, 552.0]`, `[72.0, 540.2, 310.5]`},
		{"bbox of strings", `[72.0, 540.2, 310.5, 552.0]`, `["72", "540", "310", "552"]`},
		{"table page 0", `"pages": [5, 6]`, `"pages": [0, 6]`},
		{"section level 0", `"level": 1`, `"level": 0`},
		{"approx as string", `"approx": false`, `"approx": "false"`},
		{"fact without loc", `, "loc": {"page": 1, "line": 1}}]`, `}]`},
		{"fact without text", `"text": "1234.56万元", `, ``},
		{"change without direction", `"direction": "decrease", `, ``},
		{"indicator without name", `"name": "系统正常运行月数",`, ``},
		{"no source", `"source": {"path": "a.pdf", "format": "pdf", "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "bytes": 123456, "pages": 24},`, ``},
		{"fiscal year as string", `"fiscal_year": 2024`, `"fiscal_year": "2024"`},
		{"negative size", `"bytes": 123456`, `"bytes": -1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(fullDocument, tt.old) {
				t.Fatalf("test is stale: %q is not in the document", tt.old)
			}
			doc := strings.Replace(fullDocument, tt.old, tt.new, 1)
			if !json.Valid([]byte(doc)) {
				t.Fatalf("test makes invalid JSON")
			}
			if err := validate(s, []byte(doc)); err == nil {
				t.Errorf("accepted a document with %s", tt.name)
			}
		})
	}
}

// TestDecimalPattern pins the decimal-string rule on its own.
func TestDecimalPattern(t *testing.T) {
	s := compiled(t)
	for v, ok := range map[string]bool{
		"0": true, "12345600": true, "-2000000": true, "1234.56": true, "-13.9": true, "0.05": true,
		"": false, "-": false, ".5": false, "5.": false, "1e5": false, "1E5": false, "+1": false,
		"1,234": false, "1 234": false, "１２": false, "NaN": false, "Infinity": false, "0x10": false,
		"1.2.3": false, "--1": false, "1\n": false,
	} {
		doc := strings.Replace(fullDocument, `"value": "12345600"`, `"value": `+mustJSON(v), 1)
		err := validate(s, []byte(doc))
		if ok && err != nil {
			t.Errorf("%q rejected: %v", v, err)
		}
		if !ok && err == nil {
			t.Errorf("%q accepted", v)
		}
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// moduleRoot walks up from the working directory to the directory holding
// go.mod.
func moduleRoot(t testing.TB) string {
	t.Helper()
	return testenv.ModuleRoot(t)
}

// TestPipelineOutputIsValid runs the pipeline over every corpus document
// (../shared/corpus/real, skipped when absent) and the bundled samples, and
// validates each JSON output against the schema.
func TestPipelineOutputIsValid(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every corpus document")
	}
	root := moduleRoot(t)
	var files []string
	for _, dir := range []string{
		filepath.Join(root, "..", "shared", "corpus", "real"),
		filepath.Join(root, "samples"),
	} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.Type().IsRegular() && !strings.HasSuffix(e.Name(), ".md") {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
	}
	if len(files) == 0 {
		t.Skip("no corpus (../shared/corpus/real) and no samples")
	}
	s := compiled(t)
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			res, err := pipeline.File(context.Background(), path, pipeline.Options{})
			if err != nil {
				t.Fatal(err)
			}
			out, err := json.Marshal(res.Out)
			if err != nil {
				t.Fatal(err)
			}
			if err := validate(s, out); err != nil {
				t.Errorf("output does not match the schema: %v", err)
			}
		})
	}
}
