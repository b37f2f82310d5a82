package check

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
)

// TestCatalogue validates the rule catalogue: kebab-case IDs listed once,
// documentation set, valid severities (and TestMain requires a positive and
// a negative exact case of every rule).
func TestCatalogue(t *testing.T) {
	if err := Validate(All); err != nil {
		t.Fatal(err)
	}
	for _, r := range All {
		if ByID(r.ID) != r {
			t.Errorf("ByID(%q) is not the rule", r.ID)
		}
	}
	for _, bad := range []*Rule{
		{ID: "Bad_ID", Doc: "d", Why: "w", Example: "e", Since: "v0.1.0", Severity: Error, Run: func(*Pass) {}},
		{ID: "no-docs", Doc: "d", Severity: Error, Since: "v0.1.0", Run: func(*Pass) {}},
		{ID: "no-version", Doc: "d", Why: "w", Example: "e", Severity: Error, Run: func(*Pass) {}},
		{ID: "bad-severity", Doc: "d", Why: "w", Example: "e", Since: "v0.1.0", Severity: "fatal", Run: func(*Pass) {}},
		{ID: "two-lines", Doc: "d\nd", Why: "w", Example: "e", Since: "v0.1.0", Severity: Info, Run: func(*Pass) {}},
		{ID: "no-run", Doc: "d", Why: "w", Example: "e", Since: "v0.1.0", Severity: Info},
	} {
		if Validate([]*Rule{bad}) == nil {
			t.Errorf("Validate accepted %+v", bad)
		}
	}
	if Validate([]*Rule{All[0], All[0]}) == nil {
		t.Error("Validate accepted a rule listed twice")
	}
}

// TestRulesFile keeps RULES.md equal to the catalogue; `go generate
// ./check` (go test -run TestRulesFile -update) rewrites it.
func TestRulesFile(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCatalogue(&b, All); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("RULES.md", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("RULES.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, b.Bytes()) {
		t.Error("RULES.md is not the catalogue: run go generate ./check")
	}
	for _, r := range All {
		if !strings.Contains(string(got), "\n## "+r.ID+"\n") {
			t.Errorf("RULES.md has no section for %s", r.ID)
		}
	}
}

// update makes TestRulesFile rewrite RULES.md.
var update = flag.Bool("update", false, "rewrite RULES.md from the catalogue")
