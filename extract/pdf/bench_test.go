package pdf

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

func loadCorpus(b *testing.B) (files [][]byte, total int64) {
	b.Helper()
	for _, path := range corpusPDFs(b) {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
		total += int64(len(data))
	}
	return files, total
}

// BenchmarkReadCorpus reads every corpus PDF once per iteration, one at a
// time, and reports throughput in MB/s and pages/s.
func BenchmarkReadCorpus(b *testing.B) {
	benchmarkCorpus(b, 1)
}

// BenchmarkReadCorpusAPI reads like BenchmarkReadCorpus but through
// go-pdfium's request API instead of direct calls (the fallback path), to
// show what the direct calls save.
func BenchmarkReadCorpusAPI(b *testing.B) {
	useDirectCalls = false
	defer func() { useDirectCalls = true }()
	benchmarkCorpus(b, 1)
}

// BenchmarkReadCorpusParallel2 reads the corpus with two documents in
// flight, the setting of the pdftotext comparison.
func BenchmarkReadCorpusParallel2(b *testing.B) {
	benchmarkCorpus(b, 2)
}

func benchmarkCorpus(b *testing.B, workers int) {
	files, total := loadCorpus(b)
	if _, err := Read(context.Background(), files[0], extract.DefaultLimits); err != nil { // start the engine
		b.Fatal(err)
	}
	b.SetBytes(total)
	b.ResetTimer()
	pages := 0
	for range b.N {
		var mu sync.Mutex
		var wg sync.WaitGroup
		next := make(chan []byte)
		for range workers {
			wg.Go(func() {
				for data := range next {
					doc, err := Read(context.Background(), data, extract.DefaultLimits)
					if err != nil {
						b.Error(err)
						continue
					}
					mu.Lock()
					pages += len(doc.Pages)
					mu.Unlock()
				}
			})
		}
		for _, f := range files {
			next <- f
		}
		close(next)
		wg.Wait()
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkReadCorpusStock reads like BenchmarkReadCorpus on go-pdfium's
// module as shipped, without pdfiumpatch's memo, to show what it saves.
func BenchmarkReadCorpusStock(b *testing.B) {
	files, total := loadCorpus(b)
	eng, err := newEngine(1, false, stockModule)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	inst := testInstance(b, eng)
	b.SetBytes(total)
	b.ResetTimer()
	pages := 0
	for range b.N {
		for _, data := range files {
			doc, _, err := readDocument(ctx, inst, data, extract.DefaultLimits)
			if err != nil {
				b.Fatal(err)
			}
			pages += len(doc.Pages)
		}
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}
