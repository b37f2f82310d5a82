package quantity

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// benchText returns the text of the real corpus PDFs (pdftotext -layout, run
// at benchmark time) or, without the corpus or the tool, the committed
// budget-like sample.
func benchText(b *testing.B) (string, string) {
	if _, err := exec.LookPath("pdftotext"); err == nil {
		if files, _ := filepath.Glob(filepath.Join(sharedDirOrEmpty(), "corpus", "real", "*.pdf")); len(files) > 0 {
			var sb strings.Builder
			for _, f := range files {
				out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
				if err == nil {
					sb.Write(out)
				}
			}
			if sb.Len() > 0 {
				return sb.String(), "corpus"
			}
		}
	}
	data, err := os.ReadFile("testdata/budget_sample.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(data), "sample"
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// sharedDirOrEmpty is sharedDir without skipping.
func sharedDirOrEmpty() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// BenchmarkScan measures the scanner over budget text (target: ≥ 50 MB/s on
// one core) and reports allocations per MB of input and quantities found.
func BenchmarkScan(b *testing.B) {
	text, source := benchText(b)
	for _, bc := range []struct {
		name string
		opt  Options
	}{{"prose", Options{}}, {"table-万元", Options{DefaultScale: "万元"}}} {
		b.Run(source+"/"+bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			var found int
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			cpu0 := cpuTime()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				found = len(Scan(text, bc.opt))
			}
			b.StopTimer()
			cpu := cpuTime() - cpu0
			runtime.ReadMemStats(&after)
			mb := float64(len(text)) * float64(b.N) / 1e6
			// On a shared, loaded machine wall-clock MB/s understates the
			// scanner; MB per CPU-second of this process (GC included) does not.
			if cpu > 0 {
				b.ReportMetric(mb/cpu.Seconds(), "MB/cpu-s")
			}
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/mb, "allocs/MB")
			b.ReportMetric(float64(found)/(float64(len(text))/1e6), "quantities/MB")
		})
	}
}
