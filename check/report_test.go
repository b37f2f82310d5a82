package check

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/budgetdoc/budgetdoc/schema"
)

func sampleDocs(t *testing.T) []DocResult {
	res := docOf(budget2026Dept, []string{"2026年，上海市普陀区司法局收入预算9628.22万元，比2026年预算增加793.14万元。", "主要用于：信息化建设支出。。"})
	fs, err := runFindings(res, Options{Profile: "none"})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) == 0 {
		t.Fatal("no findings on the sample")
	}
	res.Out.Findings = fs
	return []DocResult{{Path: "drafts/dept budget.pdf", Findings: fs, Out: res.Out}}
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, sampleDocs(t), false); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"drafts/dept budget.pdf:1:1: error base-year: ", "    比2026年预算增加793.14万元", "finding(s): 1 error", "base-year"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour without a terminal")
	}
}

// TestWriteTextGroups checks that one defect repeated on many lines
// (shanghai_putuo_shangwuwei_2025_dept_budget.pdf p8: （款) on every line) is
// written once with its other places, and still counted at every place.
func TestWriteTextGroups(t *testing.T) {
	f := func(line int, ev string) schema.Finding {
		return schema.Finding{Rule: "punctuation", Severity: "info", Message: "括号全角半角混用 / mixed-width bracket pair", Evidence: ev, Loc: schema.Loc{Page: 8, Line: line}}
	}
	docs := []DocResult{{Path: "a.pdf", Findings: []schema.Finding{f(5, "（款)"), f(6, "（款)"), f(7, "（类)"), f(9, "（款)")}}}
	var b bytes.Buffer
	if err := WriteText(&b, docs, false); err != nil {
		t.Fatal(err)
	}
	want := "a.pdf:8:5: info punctuation: 括号全角半角混用 / mixed-width bracket pair\n    （款)\n    the same at 2 more place(s): 8:6, 8:9\n" +
		"a.pdf:8:7: info punctuation: 括号全角半角混用 / mixed-width bracket pair\n    （类)\n\n" +
		"1 document(s), 4 finding(s): 0 error, 0 warning, 4 info\n  punctuation            4\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, sampleDocs(t)); err != nil {
		t.Fatal(err)
	}
	var d schema.Document
	if err := json.Unmarshal(b.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Findings) == 0 || d.Findings[0].Rule == "" {
		t.Fatalf("findings not in the contract output: %s", b.String())
	}
}

// TestWriteSARIF validates the SARIF output against the official OASIS
// sarif-schema-2.1.0.json (errata 01) and against the subset of it in
// testdata that covers what budgetdoc writes. The official schema is not
// copied into this repository: github.com/owenrumney/go-sarif/v3 ships it as
// the Go string constant in pkg/report/v210/sarif/schema.go, and the test
// reads it from that module in the module cache (`go mod download
// github.com/owenrumney/go-sarif/v3@v3.3.1` puts it there); without it that
// part is skipped with a note.
func TestWriteSARIF(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSARIF(&b, sampleDocs(t)); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(filepath.Join("testdata", "sarif-subset.schema.json"))
	schemas := map[string]*jsonschema.Schema{}
	sch, err := jsonschema.NewCompiler().Compile(abs)
	if err != nil {
		t.Fatalf("subset schema: %v", err)
	}
	schemas["subset"] = sch
	if doc, where, err := officialSARIFSchema(); err != nil {
		t.Logf("official SARIF 2.1.0 schema not available (%v); validated against the subset only", err)
	} else {
		const id = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
		c := jsonschema.NewCompiler()
		if err := c.AddResource(id, doc); err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		sch, err := c.Compile(id)
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		schemas["official ("+where+")"] = sch
	}
	// a log with a wrong version must be rejected: the schema is in force
	bad, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(b.String(), `"version": "2.1.0"`, `"version": "2.0.0"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	for name, sch := range schemas {
		if err := sch.Validate(inst); err != nil {
			t.Errorf("SARIF output invalid against the %s schema: %v\n%s", name, err, b.String())
		}
		if sch.Validate(bad) == nil {
			t.Errorf("the %s schema accepts SARIF version 2.0.0", name)
		}
		t.Logf("valid against the %s schema", name)
	}
	var log sarifLog
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	r := log.Runs[0].Results[0]
	if r.Locations[0].PhysicalLocation.Region.StartLine < 1 || log.Runs[0].Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
		t.Errorf("bad result %+v", r)
	}
	for i, sr := range log.Runs[0].Tool.Driver.Rules {
		if sr.ID != All[i].ID || sr.FullDescription.Text != All[i].Why || !strings.Contains(sr.Help.Text, All[i].Example) ||
			!strings.Contains(sr.Help.Markdown, "## "+All[i].ID) {
			t.Errorf("rule %d in SARIF: %+v", i, sr)
		}
	}
}

// sarifModule is the module that ships the official SARIF 2.1.0 schema.
const sarifModule = "github.com/owenrumney/go-sarif/v3@v3.3.1"

// officialSARIFSchema loads the OASIS schema from the go-sarif module in
// the local module cache (never from the network: GOPROXY=off). The schema
// is the raw string constant of pkg/report/v210/sarif/schema.go.
func officialSARIFSchema() (any, string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", sarifModule)
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod")
	cmd.Dir = os.TempDir() // outside our module: go.mod stays untouched
	out, err := cmd.Output()
	var mod struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &mod); jerr != nil || mod.Dir == "" {
		return nil, "", fmt.Errorf("%s not in the module cache: %v %s", sarifModule, err, mod.Error)
	}
	src, err := os.ReadFile(filepath.Join(mod.Dir, "pkg", "report", "v210", "sarif", "schema.go"))
	if err != nil {
		return nil, "", err
	}
	i := bytes.IndexByte(src, '`')
	j := bytes.LastIndexByte(src, '`')
	if i < 0 || j <= i {
		return nil, "", fmt.Errorf("%s: no schema literal in schema.go", sarifModule)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src[i+1 : j]))
	return doc, sarifModule, err
}

// TestRunCancelled: Run stops with the context's error and reports nothing.
func TestRunCancelled(t *testing.T) {
	res := docOf(budget2026Dept, []string{"2026年，上海市普陀区司法局收入预算9628.22万元，比2026年预算增加793.14万元。"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c, err := Run(ctx, res, Options{Profile: "none"})
	if !errors.Is(err, context.Canceled) || len(c.Findings) != 0 || len(res.Out.Findings) != 0 {
		t.Errorf("got %+v, %v; want no findings and context.Canceled", c, err)
	}
}
