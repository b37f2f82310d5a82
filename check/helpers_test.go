package check

import (
	"context"
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

// ruleCase is one real snippet and the number of findings expected.
type ruleCase struct {
	name  string
	meta  schema.Meta
	pages [][]string
	want  int
	// evidence, when set, must be contained in the first finding's evidence.
	evidence string
}

func runCases(t *testing.T, r *Rule, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := runOne(t, r, docOf(c.meta, c.pages...))
			if len(fs) != c.want {
				t.Fatalf("%s: got %d findings, want %d: %+v", r.ID, len(fs), c.want, fs)
			}
			for _, f := range fs {
				if f.Rule != r.ID || f.Severity == "" || f.Message == "" || f.Evidence == "" || f.Loc.Page < 1 || f.Loc.Line < 1 {
					t.Errorf("incomplete finding %+v", f)
				}
			}
			if c.evidence != "" && len(fs) > 0 && !contains(fs[0].Evidence, c.evidence) {
				t.Errorf("evidence %q does not contain %q", fs[0].Evidence, c.evidence)
			}
		})
	}
}

func contains(s, sub string) bool {
	return len(sub) == 0 || (len(s) >= len(sub) && indexOf(s, sub) >= 0)
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
