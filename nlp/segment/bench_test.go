package segment

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testenv"
	"github.com/budgetdoc/budgetdoc/third_party/gojieba"
)

// benchText is the corpus text (pdftotext over ../shared/corpus/real) when
// both are available, else the committed synthetic sample.
func benchText(b *testing.B) (string, string) {
	b.Helper()
	var all strings.Builder
	for _, p := range corpusPDFs(b) {
		all.WriteString(pdfText(b, p))
	}
	if all.Len() > 0 {
		return all.String(), "corpus"
	}
	data, err := os.ReadFile(filepath.Join("testdata", "budget_sample.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return string(data), "sample"
}

// BenchmarkSegment measures throughput (target ≥ 8 MB/s on one core) and
// reports allocations per MB of input.
func BenchmarkSegment(b *testing.B) {
	text, source := benchText(b)
	seg := testSegmenter(b)
	b.Logf("input: %s, %d bytes", source, len(text))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu0 := testenv.CPUTime()
	b.ResetTimer()
	tokens := 0
	for b.Loop() {
		tokens = len(seg.Segment(text, nil))
	}
	b.StopTimer()
	cpu := testenv.CPUTime() - cpu0
	runtime.ReadMemStats(&after)
	mb := float64(len(text)) * float64(b.N) / (1 << 20)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/mb, "allocs/MB")
	b.ReportMetric(float64(tokens)/(float64(len(text))/(1<<20)), "tokens/MB")
	if cpu > 0 {
		// The machine may be shared: CPU time is the honest one-core figure.
		b.ReportMetric(float64(len(text))*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkLoadWarm measures start-up with the dictionaries already in the
// cache dir: validating them and building the jieba instance.
func BenchmarkLoadWarm(b *testing.B) {
	root := b.TempDir()
	if _, _, err := prepareDictDir(root); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0 := testenv.CPUTime()
	for b.Loop() {
		seg, err := load([]string{root})
		if err != nil {
			b.Fatal(err)
		}
		seg.close()
	}
	if cpu := testenv.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkPrepareDictDirCold measures the first run on a machine: unpacking
// and writing the dictionaries.
func BenchmarkPrepareDictDirCold(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		root := b.TempDir()
		b.StartTimer()
		if _, _, err := prepareDictDir(root); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidateWarmDir isolates the validation part of a warm start.
func BenchmarkValidateWarmDir(b *testing.B) {
	root := b.TempDir()
	paths, _, err := prepareDictDir(root)
	if err != nil {
		b.Fatal(err)
	}
	files, _ := dictFiles()
	for b.Loop() {
		if _, _, err := validateDir(filepath.Dir(paths[0]), files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJiebaTokenizeBaseline is gojieba alone (Tokenize over the already
// cleaned chunks, no tagging, no mapping): the ceiling Segment is compared
// against.
func BenchmarkJiebaTokenizeBaseline(b *testing.B) {
	text, _ := benchText(b)
	seg := testSegmenter(b).(*jiebaSegmenter)
	var chunks []string
	for len(text) > 0 {
		end := chunkEnd(text, 0, len(text))
		chunks = append(chunks, cleanChunk(text[:end], nil).text)
		text = text[end:]
	}
	n := 0
	for _, c := range chunks {
		n += len(c)
	}
	b.SetBytes(int64(n))
	cpu0 := testenv.CPUTime()
	for b.Loop() {
		for _, c := range chunks {
			seg.jieba.Tokenize(c, gojieba.DefaultMode, true)
		}
	}
	if cpu := testenv.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}
