package check

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/extract/read"
	"github.com/budgetdoc/budgetdoc/schema"
)

// docOf builds a processed document from pages of paragraph lines, as the
// DOCX reader would give them (no layout joining), with the given metadata.
func docOf(meta schema.Meta, pages ...[]string) *pipeline.Result {
	doc := &extract.Document{Format: extract.FormatDOCX}
	for pi, lines := range pages {
		pg := extract.Page{Number: pi + 1}
		for _, l := range lines {
			pg.Blocks = append(pg.Blocks, extract.Block{Kind: extract.Paragraph, Lines: []extract.Line{{Text: l}}})
		}
		doc.Pages = append(doc.Pages, pg)
	}
	doc.Number()
	res := process(doc, read.Source{Path: "t.docx", Format: extract.FormatDOCX})
	res.Out.Meta = meta
	return res
}

// process runs the stages after reading, as the pipeline does.
func process(doc *extract.Document, src read.Source) *pipeline.Result {
	res, err := pipeline.Run(context.Background(), doc, src, pipeline.Options{})
	if err != nil {
		panic(err) // a background context is never done
	}
	return res
}

// runFindings runs the rules and returns their findings.
func runFindings(res *pipeline.Result, opt Options) ([]schema.Finding, error) {
	c, err := Run(context.Background(), res, opt)
	return c.Findings, err
}

// runOne runs a single rule and returns its findings.
func runOne(t *testing.T, r *Rule, res *pipeline.Result) []schema.Finding {
	t.Helper()
	fs, err := runFindings(res, Options{Rules: []*Rule{r}, Profile: "none"})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

var (
	budget2026Unit = schema.Meta{FiscalYear: 2026, Kind: schema.KindBudget, Scope: schema.ScopeUnit, Title: "上海市普陀区2026年区级单位预算"}
	budget2026Dept = schema.Meta{FiscalYear: 2026, Kind: schema.KindBudget, Scope: schema.ScopeDepartment, Title: "上海市普陀区2026年区级部门预算"}
	final2024Dept  = schema.Meta{FiscalYear: 2024, Kind: schema.KindFinalAccounts, Scope: schema.ScopeDepartment, Title: "上海市普陀区财政局2024年度部门决算"}
	budget2017Dept = schema.Meta{FiscalYear: 2017, Kind: schema.KindBudget, Scope: schema.ScopeDepartment, Title: "江苏省人大常委会办公厅2017年度部门预算"}
)

// ruleCase is a snippet and every finding a rule must report on it, as
// exact as analysistest's `// want` comments: each want is
// "page:line severity evidence-regexp". A finding that no want matches, or
// a want that no finding matches, fails the case; a case without wants
// asserts that the snippet is clean.
type ruleCase struct {
	name  string
	meta  schema.Meta
	pages [][]string
	want  []string
}

// runCases runs rule r on each case's snippet (as paragraph lines) and
// compares the findings with the case's wants.
func runCases(t *testing.T, r *Rule, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			expectFindings(t, r, runOne(t, r, docOf(c.meta, c.pages...)), c.want)
		})
	}
}

// coverage counts, per rule ID, the exact cases with findings (positive)
// and without (negative) that ran; TestMain requires both for every rule.
var coverage = struct {
	sync.Mutex
	pos, neg map[string]int
}{pos: map[string]int{}, neg: map[string]int{}}

// expectFindings compares the findings fs of rule r with want (see
// ruleCase): every finding must be of r, complete, and matched by exactly
// one want; every want must match a finding.
func expectFindings(t *testing.T, r *Rule, fs []schema.Finding, want []string) {
	t.Helper()
	coverage.Lock()
	if len(want) > 0 {
		coverage.pos[r.ID]++
	} else {
		coverage.neg[r.ID]++
	}
	coverage.Unlock()
	used := make([]bool, len(want))
	for _, f := range fs {
		if f.Rule != r.ID || f.Message == "" || f.Evidence == "" || f.Loc.Page < 1 || f.Loc.Line < 1 {
			t.Errorf("incomplete or foreign finding %+v", f)
		}
		got := fmt.Sprintf("%d:%d %s", f.Loc.Page, f.Loc.Line, f.Severity)
		matched := false
		for i, w := range want {
			at, sev, pattern := splitWant(t, w)
			if !used[i] && at+" "+sev == got && regexp.MustCompile(pattern).MatchString(f.Evidence) {
				used[i], matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("unexpected finding %s %s: %s (evidence %q)", got, f.Rule, f.Message, f.Evidence)
		}
	}
	for i, w := range want {
		if !used[i] {
			t.Errorf("no finding matches %q", w)
		}
	}
}

// splitWant reads "page:line severity evidence-regexp".
func splitWant(t *testing.T, w string) (at, sev, pattern string) {
	t.Helper()
	parts := strings.SplitN(w, " ", 3)
	if len(parts) != 3 || Severity(parts[1]).Rank() == 0 {
		t.Fatalf("bad want %q: want \"page:line severity evidence-regexp\"", w)
	}
	return parts[0], parts[1], parts[2]
}
