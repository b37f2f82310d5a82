// The corpus tests run the whole pipeline, which itself uses this package:
// they live in the external test package to avoid an import cycle.
package projects_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/extract/projects"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
	"github.com/budgetdoc/budgetdoc/schema"
)

// sharedDir finds ../shared next to the module root.
func sharedDir(t testing.TB) string {
	t.Helper()
	testenv.CorpusDir(t)
	return testenv.SharedDir(t)
}

// wantCorpus gives, for the documents that have projects, the number of
// projects and the fewest indicators expected (read from the documents).
var wantCorpus = map[string]struct{ projects, minIndicators int }{
	"shanghai_putuo_wanlijiedao_2023_dept_budget.pdf": {5, 60},
	"shanghai_putuo_wanlijiedao_2024_dept_budget.pdf": {1, 0},
	"shanghai_putuo_shangwuwei_2025_dept_budget.pdf":  {4, 0},
	"shanghai_putuo_sifaju_2026_dept_budget.pdf":      {1, 0},
	"shanghai_putuo_caizhengju_2025_dept_budget.pdf":  {1, 0},
	"shanghai_putuo_zhengfuban_2025_dept_budget.pdf":  {1, 0},
}

func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test reads every document")
	}
	dir := filepath.Join(sharedDir(t), "corpus", "real")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		name := e.Name()
		if strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".csv") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			res, err := pipeline.File(context.Background(), filepath.Join(dir, name), pipeline.Options{})
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			ps := res.Out.Projects // as projects.Extract made them in the pipeline
			n := checkIndicators(t, ps, func(in schema.Indicator) bool { return in.Name != "" })
			t.Logf("%s: %d projects, %d indicators", name, len(ps), n)
			if os.Getenv("PROJECTS_DUMP") != "" {
				t.Log("\n" + projects.Dump(ps))

			}
			w, ok := wantCorpus[name]
			if !ok {
				if len(ps) != 0 {
					t.Errorf("%d projects in a document without project blocks", len(ps))
				}
				return
			}
			if len(ps) != w.projects || n < w.minIndicators {
				t.Errorf("got %d projects, %d indicators; want %d projects, ≥%d indicators", len(ps), n, w.projects, w.minIndicators)
			}
		})
	}
}

// wantGovwide gives, for the government-wide documents with indicator
// tables, the number of projects and the fewest indicators: 临沧's table
// and 云浮's were counted by hand (testdata/gold/govwide), 东莞 has 59
// 项目绩效目标表 (pdftotext: 59 项目名称 rows on pages 149-225).
var wantGovwide = map[string]struct{ projects, minIndicators int }{
	"lincang_2025_govwide_budget_report.pdf":  {7, 53},
	"dongguan_2025_govwide_budget_report.pdf": {59, 600},
	"yunfu_2025_govwide_budget_report.pdf":    {1, 8},
}

func TestGovwideCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test reads documents")
	}
	dir := filepath.Join(sharedDir(t), "corpus", "govwide")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("govwide corpus absent: %v", err)
	}
	for name, w := range wantGovwide {
		t.Run(name, func(t *testing.T) {
			res, err := pipeline.File(context.Background(), filepath.Join(dir, name), pipeline.Options{})
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			n := checkIndicators(t, res.Out.Projects, func(in schema.Indicator) bool {
				return in.Name != "" && in.Category != "" && in.Group != "" && in.Target != ""
			})
			if len(res.Out.Projects) != w.projects || n < w.minIndicators {
				t.Errorf("got %d projects, %d indicators; want %d projects, ≥%d indicators", len(res.Out.Projects), n, w.projects, w.minIndicators)
			}
		})
	}
}

// checkIndicators reports projects and indicators without a page, and
// indicators that are not complete; it returns the number of indicators.
func checkIndicators(t *testing.T, ps []schema.Project, complete func(schema.Indicator) bool) int {
	t.Helper()
	n := 0
	for _, p := range ps {
		n += len(p.Indicators)
		if p.Loc.Page < 1 {
			t.Errorf("project %q without a page", p.Name)
		}
		for _, in := range p.Indicators {
			if !complete(in) || in.Loc.Page < 1 {
				t.Errorf("project %q: bad indicator %+v", p.Name, in)
			}
		}
	}
	return n
}

// BenchmarkExtract measures Extract alone on the corpus document with the
// most projects and indicators (reading and normalizing are not timed).
func BenchmarkExtract(b *testing.B) {
	path := filepath.Join(sharedDir(b), "corpus", "real", "shanghai_putuo_wanlijiedao_2023_dept_budget.pdf")
	res, err := pipeline.File(context.Background(), path, pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(textBytes(res.Text)))
	b.ResetTimer()
	for b.Loop() {
		projects.Extract(context.Background(), res.Text, res.Tree)
	}
}

func textBytes(t *normalize.Text) int {
	n := 0
	for _, p := range t.Pages {
		for _, it := range p.Items {
			if it.Line != nil {
				n += len(it.Line.Orig)
			}
		}
	}
	return n
}
