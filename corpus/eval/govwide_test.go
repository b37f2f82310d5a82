package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/schema"
)

// govwideFloors are the lowest scores accepted per government-wide gold
// document (testdata/gold/govwide, issue 12) and measure: the first
// measurement (testdata/gold/README.md) minus 0.02, rounded down to a
// multiple of 0.01 and at least 0; raised to the scores after issue 12's
// subject, change and breakdown rules (helper h11, "h11:"), to the scores after
// the readers, meta and one-row tables of helper h6 ("h6:") and after the
// table-row parents, scope words and fallback subjects of helper h5 ("h5:"),
// minus 0.02, and to the scores of the three merged ("merged:") minus 0.02
// (hold-outs unchanged; the second set of unseen hold-outs, 新疆 and 海口, at
// their first score minus 0.02); the three former hold-outs, tuned on since main
// 35b309e, to their scores after helper h6's breakdown, change and meta
// rules ("released:") minus 0.02; the exact subjects after helper h4's
// round ("h4:") minus 0.02. Raise a floor when the extractors
// improve, never lower one to make a change pass. Measures not listed are
// reported but not held.
var govwideFloors = map[string]map[string]struct{ P, R float64 }{
	"dongguan_2025_govwide_budget_report.json": { // indicators only (item 6, helper h7)
		MeasureIndicators: {0.98, 0.98}, // first: P 1.000 R 0.465; h7: P 1.000 R 1.000
	},
	"fangchenggang_2025_govwide_budget_report.json": {
		MeasureFacts:           {0.98, 0.98}, // first: P 0.672 R 1.000; h5: P 1.000 R 1.000
		MeasureChanges:         {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureValues:          {0.98, 0.98}, // first: P 0.672 R 1.000; h5: P 1.000 R 1.000
		MeasureSubjectsExact:   {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureSubjectsLenient: {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureParents:         {0.98, 0.98}, // first: P 1.000 R 0.000; h5: P 1.000 R 1.000
		MeasureMeta:            {0.98, 0.98}, // first: P 1.000 R 1.000
	},
	"fuzhou_2025_govwide_final_report.json": {
		MeasureFacts:           {0.98, 0.98}, // first: P 0.660 R 0.660; h11: P 1.000 R 1.000
		MeasureChanges:         {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureValues:          {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureSubjectsExact:   {0.98, 0.98}, // first: P 0.362 R 0.362; h11: P 0.617 R 0.617; h5: P 0.979 R 0.979; h4: P 1.000 R 1.000
		MeasureSubjectsLenient: {0.98, 0.98}, // first: P 0.660 R 0.660; h11: P 1.000 R 1.000
		MeasureParents:         {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureMeta:            {0.98, 0.98}, // first: P 1.000 R 1.000
	},
	"guyuan_2025_govwide_budget_report.json": {
		MeasureFacts:           {0.98, 0.98}, // first: P 0.750 R 0.766; h11: P 0.936 R 0.936; h6: P 1.000 R 1.000; h5: P 1.000 R 1.000
		MeasureChanges:         {0.98, 0.98}, // first: P 0.947 R 0.947; h11: P 0.950 R 1.000; released: P 1.000 R 1.000
		MeasureValues:          {0.98, 0.98}, // first: P 0.979 R 1.000; h11: P 1.000 R 1.000
		MeasureSubjectsExact:   {0.98, 0.98}, // first: P 0.681 R 0.681; h11: P 0.894 R 0.894; h6: P 0.957 R 0.957; h5: P 0.979 R 0.979; merged: P 1.000 R 1.000
		MeasureSubjectsLenient: {0.98, 0.98}, // first: P 0.766 R 0.766; h11: P 0.936 R 0.936; h6: P 1.000 R 1.000; h5: P 1.000 R 1.000
		MeasureParents:         {0.98, 0.98}, // first: P 1.000 R 0.000; h11: P 0.818 R 0.818; h5: P 1.000 R 1.000; merged: P 1.000 R 1.000
		MeasureMeta:            {0.98, 0.98}, // first: P 1.000 R 1.000
	},
	"haikou_2025_govwide_budget_report.json": { // unseen hold-out, second set; released: h9's scores minus 0.02
		MeasureFacts:           {0.97, 0.97}, // first: P 0.823 R 0.810; h9: P 0.992 R 0.992
		MeasureChanges:         {0.98, 0.98}, // first: P 0.917 R 1.000; h9: P 1.000 R 1.000
		MeasureValues:          {0.98, 0.98}, // first: P 1.000 R 0.984; h9: P 1.000 R 1.000
		MeasureSubjectsExact:   {0.96, 0.96}, // first: P 0.734 R 0.734; h9: P 0.984 R 0.984
		MeasureSubjectsLenient: {0.97, 0.97}, // first: P 0.823 R 0.823; h9: P 0.992 R 0.992
		MeasureParents:         {0.98, 0.98}, // first: P 0.824 R 1.000; h9: P 1.000 R 1.000
		MeasureMeta:            {0.98, 0.98}, // first: P 1.000 R 0.889; h9: P 1.000 R 1.000
	},
	"hunan_hengyang_2025_govwide_debt_general.json": {
		MeasureFacts:           {0.98, 0.98}, // first: P 0.000 R 0.000; h6: P 1.000 R 1.000
		MeasureChanges:         {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureValues:          {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureSubjectsExact:   {0.98, 0.98}, // first: P 0.000 R 0.000; h6: P 1.000 R 1.000
		MeasureSubjectsLenient: {0.98, 0.98}, // first: P 0.000 R 0.000; h6: P 1.000 R 1.000
		MeasureParents:         {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureMeta:            {0.98, 0.98}, // first: P 1.000 R 0.000; h6: P 1.000 R 1.000
	},
	"jiangsu_yancheng_2026_govwide_budget_report.json": {
		MeasureFacts:           {0.98, 0.98}, // first: P 0.763 R 0.763; h11: P 0.868 R 0.868; h6: P 0.947 R 0.947; h5: P 0.895 R 0.895; merged: P 1.000 R 1.000
		MeasureChanges:         {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureValues:          {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureSubjectsExact:   {0.98, 0.98}, // first: P 0.184 R 0.184; h11: P 0.289 R 0.289; h5: P 0.737 R 0.737; merged: P 0.711 R 0.711; h4: P 1.000 R 1.000 (gold: 年末 kept as written)
		MeasureSubjectsLenient: {0.98, 0.98}, // first: P 0.763 R 0.763; h11: P 0.868 R 0.868; h6: P 0.947 R 0.947; h5: P 0.895 R 0.895; merged: P 1.000 R 1.000
		MeasureParents:         {0.98, 0.98}, // first: P 0.556 R 0.417; h5: P 1.000 R 1.000; merged: P 1.000 R 1.000
		MeasureMeta:            {0.98, 0.98}, // first: P 1.000 R 1.000
	},
	"jiaozuo_2025_govwide_budget_report.json": {
		MeasureFacts:           {0.98, 0.98}, // first: P 0.125 R 0.125; h11: P 1.000 R 1.000
		MeasureChanges:         {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureValues:          {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureSubjectsExact:   {0.98, 0.98}, // first: P 0.050 R 0.050; h11: P 0.550 R 0.550; h5: P 1.000 R 1.000
		MeasureSubjectsLenient: {0.98, 0.98}, // first: P 0.125 R 0.125; h11: P 1.000 R 1.000
		MeasureParents:         {0.98, 0.98}, // first: P 1.000 R 0.000; h11: P 1.000 R 1.000
		MeasureMeta:            {0.98, 0.98}, // first: P 1.000 R 1.000
	},
	"lincang_2025_govwide_budget_report.json": { // indicators only (item 6, helper h7)
		MeasureIndicators: {0.98, 0.98}, // first: P 1.000 R 0.000; h7: P 1.000 R 1.000
	},
	"lijiang_2025_govwide_budget_report.json": { // former hold-out
		MeasureFacts:           {0.98, 0.98}, // first: P 0.946 R 0.946; released: P 1.000 R 1.000
		MeasureChanges:         {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureValues:          {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureSubjectsExact:   {0.93, 0.93}, // first: P 0.730 R 0.730; released: P 0.959 R 0.959
		MeasureSubjectsLenient: {0.98, 0.98}, // first: P 0.946 R 0.946; released: P 1.000 R 1.000
		MeasureParents:         {0.98, 0.98}, // first: P 1.000 R 0.500; released: P 1.000 R 1.000
		MeasureMeta:            {0.98, 0.98}, // first: P 0.875 R 0.875; released: P 1.000 R 1.000
	},
	"tianjin_2025_govwide_budget_report.json": { // former hold-out
		MeasureFacts:           {0.98, 0.98}, // first: P 0.059 R 0.056; released: P 1.000 R 1.000
		MeasureChanges:         {0.98, 0.98}, // first: P 0.000 R 0.000; released: P 1.000 R 1.000
		MeasureValues:          {0.98, 0.98}, // first: P 0.078 R 0.074; released: P 1.000 R 1.000
		MeasureSubjectsExact:   {0.79, 0.79}, // first: P 0.250 R 0.250; released: P 0.815 R 0.815
		MeasureSubjectsLenient: {0.98, 0.98}, // first: P 0.750 R 0.750; released: P 1.000 R 1.000
		MeasureParents:         {0.98, 0.98}, // first: P 0.000 R 0.000; released: P 1.000 R 1.000
		MeasureMeta:            {0.98, 0.98}, // first: P 1.000 R 1.000
	},
	"weihai_2025_govwide_budget_execution_report.json": {
		MeasureFacts:           {0.98, 0.98}, // first: P 0.621 R 0.621; h11: P 1.000 R 1.000
		MeasureChanges:         {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureValues:          {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureSubjectsExact:   {0.98, 0.98}, // first: P 0.345 R 0.345; h11: P 0.586 R 0.586; h4: P 1.000 R 1.000
		MeasureSubjectsLenient: {0.98, 0.98}, // first: P 0.621 R 0.621; h11: P 1.000 R 1.000
		MeasureParents:         {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureMeta:            {0.98, 0.98}, // first: P 1.000 R 0.889; h6: P 1.000 R 1.000
	},
	"wuhan_2025_govwide_revenue_table.json": {
		MeasureFacts:           {0.98, 0.98}, // first: P 0.674 R 1.000; h5: P 1.000 R 1.000
		MeasureChanges:         {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureValues:          {0.98, 0.98}, // first: P 0.674 R 1.000; h5: P 1.000 R 1.000
		MeasureSubjectsExact:   {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureSubjectsLenient: {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureParents:         {0.98, 0.98}, // first: P 1.000 R 0.000; h5: P 1.000 R 1.000
		MeasureMeta:            {0.98, 0.98}, // first: P 1.000 R 1.000
	},
	"xinjiang_region_2024_govwide_budget_report.json": { // former hold-out, second set
		MeasureFacts:           {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureChanges:         {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureValues:          {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureSubjectsExact:   {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureSubjectsLenient: {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureParents:         {0.98, 0.98}, // first: P 1.000 R 0.301; released: P 1.000 R 1.000
		MeasureMeta:            {0.98, 0.98}, // first: P 0.500 R 0.375 (8 fields); released, gold meta corrected: P 1.000 R 1.000 (6 fields)
	},
	"yueyang_2025_govwide_budget_report.json": { // former hold-out
		MeasureFacts:           {0.98, 0.98}, // first: P 0.846 R 0.846; released: P 1.000 R 1.000
		MeasureChanges:         {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureValues:          {0.98, 0.98}, // first: P 1.000 R 1.000
		MeasureSubjectsExact:   {0.77, 0.77}, // first: P 0.513 R 0.513; released: P 0.795 R 0.795
		MeasureSubjectsLenient: {0.98, 0.98}, // first: P 0.846 R 0.846; released: P 1.000 R 1.000
		MeasureParents:         {0.98, 0.98}, // first: P 0.833 R 0.417; released: P 1.000 R 1.000
		MeasureMeta:            {0.98, 0.98}, // first: P 1.000 R 1.000
	},
}

func govwideCorpus(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the pipeline on government-wide documents")
	}
	dir := filepath.Join(moduleRoot(t), "..", "shared", "corpus", "govwide")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	return dir
}

func TestGovwideGold(t *testing.T) {
	dir := govwideCorpus(t)
	reports := evalGold(t, dir, goldFiles(t, "govwide"), govwideFloors)
	var b strings.Builder
	if err := WriteTable(&b, reports); err != nil {
		t.Fatal(err)
	}
	t.Logf("scores against testdata/gold/govwide:\n%s", b.String())
}

// headlinesFloor is the number of HEADLINES.csv figures that must come out
// as a money fact with the value and a subject naming the figure
// (NamesHeadline): the first measurement (2026-12-03) was 63 of 69, 67
// after the elliptic subjects of helper h11, 68 after helper h5's, 69 once
// 呼和浩特's broadsheet page was read column by column (its six text
// columns had come out interleaved). headlinesScopedFloor counts those
// whose subject also has the jurisdiction-wide scope word: 59 after h11,
// 68 after h5's scope words, 69 after the column reading.
const (
	headlinesFloor       = 69
	headlinesScopedFloor = 69
)

func TestHeadlines(t *testing.T) {
	dir := govwideCorpus(t)
	hs, err := LoadHeadlines(filepath.Join(dir, "HEADLINES.csv"))
	if err != nil {
		t.Fatal(err)
	}
	extracted := map[string]*schema.Document{} // the rows of a file are consecutive, but need not be
	var value, named, scoped int
	for _, h := range hs {
		doc, ok := extracted[h.File]
		if !ok {
			res, err := pipeline.File(context.Background(), filepath.Join(dir, h.File), pipeline.Options{})
			if err != nil {
				t.Errorf("%s: %v", h.File, err)
				continue
			}
			doc = res.Out
			extracted[h.File] = doc
		}
		r := MatchHeadline(h, doc)
		if r.Value {
			value++
		}
		if r.Named {
			named++
		} else {
			t.Logf("%s %s %s亿元: value found %t, subjects %q", h.File, h.Figure, h.Text, r.Value, r.Subjects)
		}
		if r.Scoped {
			scoped++
		}
	}
	t.Logf("headlines %d: value found %d, subject names the figure %d, with a jurisdiction-wide scope word %d", len(hs), value, named, scoped)
	if named < headlinesFloor {
		t.Errorf("%d headline figures named, below the floor %d", named, headlinesFloor)
	}
	if scoped < headlinesScopedFloor {
		t.Errorf("%d headline figures named with their scope word, below the floor %d", scoped, headlinesScopedFloor)
	}
	// issue 12: no money fact of prose without a subject (42 over the
	// govwide corpus at the start of helper h4's round, 0 after it); the
	// documents of HEADLINES.csv are already extracted here. Counts only:
	// the corpus holds unseen hold-outs whose lines are not to be listed.
	empty := 0
	for file, doc := range extracted {
		if n := len(EmptySubjects(doc)); n > 0 {
			empty += n
			t.Logf("%s: %d money facts of prose without a subject", file, n)
		}
	}
	if empty > emptySubjectsCeiling {
		t.Errorf("%d money facts of prose without a subject in the HEADLINES documents, above the ceiling %d", empty, emptySubjectsCeiling)
	}
}

// emptySubjectsCeiling is the most money facts of prose without a subject
// accepted over the documents of HEADLINES.csv: 0 since helper h4's round
// (budgetdoc eval --empty-subjects counts the whole corpus).
const emptySubjectsCeiling = 0
