package check

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/budgetdoc/budgetdoc/schema"
)

func sampleDocs(t *testing.T) []DocResult {
	res := docOf(budget2026Dept, []string{"2026年，上海市普陀区司法局收入预算9628.22万元，比2026年预算增加793.14万元。", "主要用于：信息化建设支出。。"})
	fs, err := Run(res, Options{Profile: "none"})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) == 0 {
		t.Fatal("no findings on the sample")
	}
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

// TestWriteSARIF validates the SARIF output against a schema: the official
// OASIS sarif-schema-2.1.0.json when it is placed in testdata (it could not
// be fetched on the build machine), and always against the subset of it
// that covers what budgetdoc writes.
func TestWriteSARIF(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSARIF(&b, sampleDocs(t)); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sarif-schema-2.1.0.json", "sarif-subset.schema.json"} {
		path := filepath.Join("testdata", name)
		if _, err := os.Stat(path); err != nil {
			t.Logf("%s not present; skipped", name)
			continue
		}
		abs, _ := filepath.Abs(path)
		sch, err := jsonschema.NewCompiler().Compile(abs)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("SARIF output invalid against %s: %v\n%s", name, err, b.String())
		}
	}
	var log sarifLog
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	r := log.Runs[0].Results[0]
	if r.Locations[0].PhysicalLocation.Region.StartLine < 1 || log.Runs[0].Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
		t.Errorf("bad result %+v", r)
	}
}
