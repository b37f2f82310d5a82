package check

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// corpusDir finds ../shared/corpus/real relative to the module root.
func corpusDir(tb testing.TB) string {
	tb.Helper()
	return testenv.CorpusDir(tb)
}

// TestCorpusInjected checks that what was injected into the re-typeset copy
// of the Finance Bureau's 2024 final accounts is found, and not found in the
// original.
func TestCorpusInjected(t *testing.T) {
	dir := corpusDir(t)
	count := func(name string) map[string]int {
		res, err := pipeline.File(context.Background(), filepath.Join(dir, name), pipeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		fs, err := runFindings(res, Options{})
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]int{}
		for _, f := range fs {
			if f.Severity != "info" {
				m[f.Rule]++
			}
		}
		return m
	}
	orig := count("shanghai_putuo_caizhengju_2024_dept_final.pdf")
	inj := count("shanghai_putuo_caizhengju_2024_dept_final_INJECTED_ERRORS.pdf")
	for rule, n := range map[string]int{"template-leftover": 1, "base-year": 2, "change-mismatch": 4, "missing-section": 2} {
		if inj[rule]-orig[rule] < n {
			t.Errorf("%s: %d in the copy, %d in the original; want at least %d more", rule, inj[rule], orig[rule], n)
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	dir := corpusDir(b)
	res, err := pipeline.File(context.Background(), filepath.Join(dir, "shanghai_putuo_sifaju_2026_dept_budget.pdf"), pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := runFindings(res, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtract(b *testing.B) {
	dir := corpusDir(b)
	path := filepath.Join(dir, "shanghai_putuo_sifaju_2026_dept_budget.pdf")
	for b.Loop() {
		if _, err := pipeline.File(context.Background(), path, pipeline.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCorpusNarrative: the narrative figures that differ from the cells
// they restate in real documents are found, each once, and nothing else:
// 0.3万元 for 2,961.68 (四、), 5377.64/4896.98 for 5,364.75/4,884.09 (六、),
// and, in the copy with injected errors (whose 四、 is right), the 收入支出总计
// of 一、 made 0 and the 三公 budget beside the blank 三公 table.
func TestCorpusNarrative(t *testing.T) {
	dir := corpusDir(t)
	for name, want := range map[string][]string{
		"shanghai_putuo_caizhengju_2024_dept_final.pdf":                 {"21:14 warning ^0\\.3万元$"},
		"shanghai_putuo_caizhengju_2024_dept_final_INJECTED_ERRORS.pdf": {"18:3 warning ^0 万元$", "22:3 warning ^0\\.95 万元$"},
		"shanghai_putuo_guihuaziyuanju_2024_dept_final.pdf":             {"24:14 warning ^5377\\.64万元$", "24:15 warning ^4896\\.98万元$"},
		"jiangsu_gaoyuan_2017_dept_budget.pdf":                          nil,
		"jiangsu_jianchayuan_2018_dept_budget.pdf":                      nil,
	} {
		t.Run(name, func(t *testing.T) {
			res, err := pipeline.File(context.Background(), filepath.Join(dir, name), pipeline.Options{})
			if err != nil {
				t.Fatal(err)
			}
			expectFindings(t, TableText, runOne(t, TableText, res), want)
		})
	}
}
