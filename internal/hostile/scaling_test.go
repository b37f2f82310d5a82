package hostile_test

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/check"
	"github.com/budgetdoc/budgetdoc/extract/facts"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/internal/hostile"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
	"github.com/budgetdoc/budgetdoc/nlp/segment"
)

// BenchmarkLongLine times the stages after reading on a single line of 1, 2,
// 4 and 8 MB. Each must be linear in the line's length: every doubling of
// the line must double the stage's time, ±20%. (They were quadratic: 2.4 /
// 10 / 42 s for 0.5 / 1 / 2 MB of facts.)
//
//	go test -run '^$' -bench LongLine -benchtime 1x ./internal/hostile
//
// Time is the process's CPU time (user + system), the least of three runs
// after a collection: wall time on a shared machine varies by a factor of
// three with the load, CPU time hardly. The metrics are seconds per MB at
// 1 MB and the ratio of each doubling (x2/1 is time at 2 MB over time at
// 1 MB); a ratio outside 1.6–2.4 fails the benchmark.
func BenchmarkLongLine(b *testing.B) {
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	sizes := []int64{1, 2, 4, 8}
	results := make([]*pipeline.Result, len(sizes))
	for i, mb := range sizes {
		var line bytes.Buffer
		if err := hostile.LongLine(&line, mb<<20); err != nil {
			b.Fatal(err)
		}
		if results[i], err = pipeline.Bytes(ctx, "line.txt", line.Bytes(), pipeline.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	stages := []struct {
		name string
		run  func(res *pipeline.Result)
	}{
		{"normalize", func(res *pipeline.Result) { normalize.Run(ctx, res.Doc) }},
		{"outline", func(res *pipeline.Result) { outline.Build(ctx, res.Text) }},
		{"facts", func(res *pipeline.Result) { facts.Extract(ctx, res.Text, res.Tree, res.Out.Meta, seg) }},
		{"checks", func(res *pipeline.Result) {
			if _, err := check.Run(ctx, res, check.Options{}); err != nil {
				b.Fatal(err)
			}
		}},
	}
	for _, st := range stages {
		b.Run(st.name, func(b *testing.B) {
			for b.Loop() {
				secs := make([]float64, len(sizes))
				for i, res := range results {
					secs[i] = leastCPU(3, func() { st.run(res) })
				}
				b.ReportMetric(secs[0], "s/1MB")
				for i := 1; i < len(sizes); i++ {
					ratio := secs[i] / secs[i-1]
					b.ReportMetric(ratio, fmt.Sprintf("x%d/%d", sizes[i], sizes[i-1]))
					// Below 10 ms per MB a stage is noise, and linear enough.
					if (ratio < 1.6 || ratio > 2.4) && secs[i]/float64(sizes[i]) > 0.01 {
						b.Errorf("%s: %d MB took %.3f s, %d MB %.3f s: ×%.2f, not ×2 ± 20%%",
							st.name, sizes[i-1], secs[i-1], sizes[i], secs[i], ratio)
					}
				}
			}
		})
	}
}

// leastCPU returns the least CPU time (user + system, in seconds) that fn
// took in n runs, each after a garbage collection.
func leastCPU(n int, fn func()) float64 {
	best := time.Duration(1<<63 - 1)
	for range n {
		runtime.GC()
		before := testenv.CPUTime()
		fn()
		best = min(best, testenv.CPUTime()-before)
	}
	return best.Seconds()
}
