package server

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// corpusPDF reads a PDF of the shared corpus, or skips.
func corpusPDF(b *testing.B, name string) []byte {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", "real", name))
	if err != nil {
		b.Skipf("no corpus: %v", err)
	}
	return data
}

// distinct makes a copy of a PDF with other bytes (a comment after the
// end), so that it is a new upload to the server.
func distinct(data []byte, n int) []byte {
	return append(bytes.Clone(data), fmt.Sprintf("\n%% copy %d\n", n)...)
}

// BenchmarkFirstResults is the time from uploading a 30-page PDF draft to
// its results being ready, on a warm server (engine compiled, segmenter
// loaded). Target: ≤ 2 s.
// Run: go test -run '^$' -bench FirstResults -benchtime 5x ./review/server
func BenchmarkFirstResults(b *testing.B) {
	data := corpusPDF(b, "shanghai_putuo_guihuaziyuanju_2024_dept_final.pdf")
	_, ts := newTestServer(b, Config{Workers: 2})
	warm := distinct(data, -1)
	post(b, ts, upload{"warm.pdf", warm})
	waitDone(b, ts, shaOf(warm))
	b.ResetTimer()
	for i := range b.N {
		d := distinct(data, i)
		start := time.Now()
		post(b, ts, upload{"draft.pdf", d})
		waitDone(b, ts, shaOf(d))
		resp, err := http.Get(ts.URL + "/doc/" + shaOf(d))
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("results page: %v %v", resp, err)
		}
		resp.Body.Close()
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-to-results")
	}
}

// BenchmarkBurst uploads 20 corpus PDFs at once and, while they are being
// checked, loads the start page and a results page: all 20 must be
// answered and checked; it reports the slowest page load during the burst
// and the process's peak resident memory. Targets: page load ≤ 1 s, RSS
// ≤ 1 GB.
// Run: go test -run '^$' -bench Burst -benchtime 1x ./review/server
func BenchmarkBurst(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "real", "*.pdf"))
	if len(files) == 0 {
		b.Skip("no corpus")
	}
	_, ts := newTestServer(b, Config{Workers: 2})
	first := corpusPDF(b, "shanghai_putuo_caizhengju_2024_dept_final_INJECTED_ERRORS.pdf")
	post(b, ts, upload{"first.pdf", first})
	waitDone(b, ts, shaOf(first))
	for i := range b.N {
		var uploads [][]byte
		for k := range 20 {
			data, err := os.ReadFile(files[k%len(files)])
			if err != nil {
				b.Fatal(err)
			}
			uploads = append(uploads, distinct(data, i*100+k))
		}
		start := time.Now()
		var wg sync.WaitGroup
		codes := make([]int, len(uploads))
		for k, d := range uploads {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[k] = post(b, ts, upload{fmt.Sprintf("burst-%d.pdf", k), d}).StatusCode
			}()
		}
		// Page loads while the burst is checked.
		var slowest time.Duration
		done := make(chan struct{})
		go func() {
			wg.Wait()
			for _, d := range uploads {
				waitDone(b, ts, shaOf(d))
			}
			close(done)
		}()
		loads := 0
	loop:
		for {
			select {
			case <-done:
				break loop
			case <-time.After(200 * time.Millisecond):
			}
			for _, p := range []string{"/", "/doc/" + shaOf(first), "/doc/" + shaOf(first) + "/page/19.png"} {
				t0 := time.Now()
				resp, err := http.Get(ts.URL + p)
				if err != nil || resp.StatusCode != 200 {
					b.Fatalf("%s during the burst: %v %v", p, resp, err)
				}
				resp.Body.Close()
				slowest = max(slowest, time.Since(t0))
				loads++
			}
		}
		for k, c := range codes {
			if c != http.StatusSeeOther {
				b.Errorf("upload %d answered %d", k, c)
			}
		}
		b.ReportMetric(time.Since(start).Seconds(), "s-burst")
		b.ReportMetric(float64(slowest.Milliseconds()), "ms-slowest-page")
		b.ReportMetric(float64(loads), "page-loads")
	}
	b.ReportMetric(float64(peakRSS())/(1<<20), "MB-peak-RSS")
}

// peakRSS is the process's peak resident set size (VmHWM), 0 when unknown.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
