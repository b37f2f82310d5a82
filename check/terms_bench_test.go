package check

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/extract/pipeline"
)

// BenchmarkTermsVsExtract runs over both corpora and reports the time of
// the term rules (typo, term-typo, code-name-mismatch, outdated-term) and
// of the whole check as a percentage of extraction time (target ≤ 15%).
// The models are loaded before timing (once per process in real use).
//
//	go test -run '^$' -bench TermsVsExtract -benchtime 1x ./check
func BenchmarkTermsVsExtract(b *testing.B) {
	real := corpusDir(b)
	var paths []string
	for _, dir := range []string{real, filepath.Join(filepath.Dir(real), "govwide")} {
		ents, err := os.ReadDir(dir)
		if err != nil {
			b.Skip(err)
		}
		for _, e := range ents {
			if n := e.Name(); !strings.HasSuffix(n, ".md") && !strings.HasSuffix(n, ".csv") {
				paths = append(paths, filepath.Join(dir, n))
			}
		}
	}
	termData()
	terms := []*Rule{Typo, TermTypo, CodeNameMismatch, OutdatedTerm}
	for b.Loop() {
		var extract, all, term time.Duration
		pages := 0
		for _, p := range paths {
			t0 := time.Now()
			res, err := pipeline.File(context.Background(), p, pipeline.Options{})
			if err != nil {
				continue
			}
			extract += time.Since(t0)
			pages += res.Out.Source.Pages
			t0 = time.Now()
			if _, err := Run(context.Background(), res, Options{Rules: terms}); err != nil {
				b.Fatal(err)
			}
			term += time.Since(t0)
			t0 = time.Now()
			if _, err := Run(context.Background(), res, Options{}); err != nil {
				b.Fatal(err)
			}
			all += time.Since(t0)
		}
		b.ReportMetric(100*term.Seconds()/extract.Seconds(), "terms/extract-%")
		b.ReportMetric(100*all.Seconds()/extract.Seconds(), "check/extract-%")
		b.ReportMetric(float64(pages), "pages")
	}
}
