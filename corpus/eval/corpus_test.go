package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// floors are the lowest precision and recall accepted per gold document and
// measure: the values measured when they were last set (2026-11-27, round 2
// of the facts extractor: changes inside reasons, zero changes flat,
// budget-versus-actual not a change, lines wrapped before units joined; all
// measured 1.000) minus 0.02, rounded down. The target of issue 4 is
// 0.95 for each; raise a floor when the extractors improve, never lower one
// to make a change pass. A measure with nothing in the gold and nothing
// predicted scores 1.
var floors = map[string]map[string]struct{ P, R float64 }{
	"chongqing_jiaotongwei_2018_dept_budget.json": {
		MeasureFacts:      {0.98, 0.98},
		MeasureChanges:    {0.98, 0.98},
		MeasureIndicators: {0.98, 0.98},
		MeasureParents:    {0.98, 0.98}, // first (h12, 2026-12-03): P 1.000 R 1.000 (9 links)
		MeasureMeta:       {0.98, 0.98}, // first: 5/5
	},
	"jiangsu_renda_2019_dept_budget.json": {
		MeasureFacts:      {0.98, 0.98},
		MeasureChanges:    {0.98, 0.98},
		MeasureIndicators: {0.98, 0.98},
		MeasureParents:    {0.98, 0.98}, // h14 (2026-12-03): P 1.000 R 1.000 (41 of 41); first (h12): P 0.562 R 0.439 (18 of 41 links)
		MeasureMeta:       {0.98, 0.98}, // first: 5/5
	},
	"shanghai_putuo_caizhengju_2024_dept_final.json": {
		MeasureFacts:      {0.98, 0.98},
		MeasureChanges:    {0.98, 0.98},
		MeasureIndicators: {0.98, 0.98},
		MeasureParents:    {0.98, 0.98}, // h16: P 1.000 R 1.000 (38 of 38); h15: R 0.421 (16 of 38); first (h13): P 1.000 R 0.316
		MeasureMeta:       {0.98, 0.98}, // first 5/5
	},
	"shanghai_putuo_wanlijiedao_2023_dept_budget.json": {
		MeasureFacts:      {0.98, 0.98},
		MeasureChanges:    {0.98, 0.98},
		MeasureIndicators: {0.98, 0.98},
		MeasureParents:    {0.98, 0.98}, // session 4: P 1.000 R 1.000 (52 of 52); h15: P 0.962 R 0.962 (50 of 52); first (h13): P 0.889 R 0.308
		MeasureMeta:       {0.98, 0.98}, // first 5/5
	},

	// Hold-out documents: annotated after the extractors were tuned on the
	// four documents above and never used to tune them, so their scores
	// estimate accuracy on unseen documents. Floors are the first
	// measurement (2026-11-27, extractor unchanged) minus 0.02, rounded
	// down. Keep them hold-out: do not tune against their misses — look at
	// the categories in testdata/gold/README.md instead and check a fix on
	// other corpus documents.
	"jiangsu_jianchayuan_2018_dept_budget.json": { // hold-out
		MeasureFacts:      {0.98, 0.98}, // measured P 1.000 R 1.000 after the facts round 3 fixes (before: 0.862 / 0.909; first: 0.810 / 0.855)
		MeasureChanges:    {0.98, 0.98}, // measured P 1.000 R 1.000 after the facts round 3 fixes (before: 1.000 / 0.852; first: 0.909 / 0.741)
		MeasureIndicators: {0.98, 0.98}, // none in the gold, none predicted
		MeasureParents:    {0.98, 0.98}, // h14 (2026-12-03): P 1.000 R 1.000 (29 of 29); first (h12): P 0.875 R 0.724 (21 of 29 links)
		MeasureMeta:       {0.98, 0.98}, // first: 5/5
	},
	"shanghai_putuo_sifaju_2026_dept_budget.json": { // hold-out
		MeasureFacts:      {0.98, 0.98}, // measured P 1.000 R 1.000 after the heading fix (first: 0.985 / 0.985)
		MeasureChanges:    {0.98, 0.98}, // measured P 1.000 R 1.000
		MeasureIndicators: {0.98, 0.98}, // none in the gold, none predicted
		MeasureParents:    {0.98, 0.98}, // h15: P 1.000 R 1.000 (30 of 30); first (h13): P 1.000 R 0.567
		MeasureMeta:       {0.98, 0.98}, // first 5/5
	},
	"shanghai_putuo_guihuaziyuanju_2024_dept_final.json": { // hold-out
		MeasureFacts:      {0.98, 0.98}, // measured P 1.000 R 1.000
		MeasureChanges:    {0.98, 0.98}, // measured P 1.000 R 1.000 (11 of 11; first: 0.909 / 0.909)
		MeasureIndicators: {0.98, 0.98}, // none in the gold, none predicted
		MeasureParents:    {0.98, 0.98}, // session 4: P 1.000 R 1.000 (52 of 52); h16: R 0.885 (46 of 52); h15: R 0.385 (20 of 52); first (h13): P 1.000 R 0.288
		MeasureMeta:       {0.98, 0.98}, // first 5/5
	},
}

func moduleRoot(t testing.TB) string {
	t.Helper()
	return testenv.ModuleRoot(t)
}

// goldFiles lists the gold files of testdata/gold (dir "") or of one of
// its subdirectories ("govwide").
func goldFiles(t testing.TB, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(moduleRoot(t), "testdata", "gold", dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files in testdata/gold/%s: %v", dir, err)
	}
	return files
}

// TestGoldFilesValid needs no corpus: every committed gold file must parse
// and have floors; the government-wide ones must have meta (so that parents
// and meta are scored).
func TestGoldFilesValid(t *testing.T) {
	for _, set := range []struct {
		dir      string
		floors   map[string]map[string]struct{ P, R float64 }
		needMeta bool
	}{{"", floors, false}, {"govwide", govwideFloors, true}} {
		for _, path := range goldFiles(t, set.dir) {
			g, err := LoadGold(path)
			if err != nil {
				t.Error(err)
				continue
			}
			name := filepath.Base(path)
			if _, ok := set.floors[name]; !ok {
				t.Errorf("%s: no floors", name)
			}
			if len(g.Facts)+len(g.Changes)+len(g.Indicators) == 0 {
				t.Errorf("%s: empty gold", name)
			}
			// Gold of indicators only (no page covered for money) has no
			// facts whose parents meta would let be scored.
			if set.needMeta && g.Meta == nil && len(g.Covered) > 0 {
				t.Errorf("%s: no meta", name)
			}
		}
	}
}

func TestCorpusGold(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline on the gold documents")
	}
	corpusDir := filepath.Join(moduleRoot(t), "..", "shared", "corpus", "real")
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	reports := evalGold(t, corpusDir, goldFiles(t, ""), floors)
	var b strings.Builder
	if err := WriteTable(&b, reports); err != nil {
		t.Fatal(err)
	}
	t.Logf("precision and recall against testdata/gold:\n%s", b.String())
}

// evalGold runs the pipeline on the document of each gold file (in
// corpusDir), scores it and fails the test where a measure falls below its
// floor (floors by gold file name; a measure without a floor is reported,
// not held).
func evalGold(t *testing.T, corpusDir string, goldPaths []string, floors map[string]map[string]struct{ P, R float64 }) []Report {
	t.Helper()
	var reports []Report
	for _, path := range goldPaths {
		g, err := LoadGold(path)
		if err != nil {
			t.Fatal(err)
		}
		res, err := pipeline.File(context.Background(), filepath.Join(corpusDir, g.Document), pipeline.Options{})
		if err != nil {
			t.Errorf("%s: %v", g.Document, err)
			continue
		}
		r := Evaluate(g, res.Out)
		reports = append(reports, r)
		for _, m := range Measures {
			floor, ok := floors[filepath.Base(path)][m]
			s := r.Scores[m]
			if ok && (s.Precision() < floor.P || s.Recall() < floor.R) {
				t.Errorf("%s %s: P %.3f R %.3f below the floor P %.2f R %.2f\nmissed:\n  %s\nspurious:\n  %s",
					g.Document, m, s.Precision(), s.Recall(), floor.P, floor.R,
					strings.Join(r.Missed[m], "\n  "), strings.Join(r.Spurious[m], "\n  "))
			}
		}
	}
	return reports
}
