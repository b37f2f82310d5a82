package corpus

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/extract/pipeline"
)

// TestMemoryBlame: the memory guard abandons the largest document in
// flight, which need not be the one using the memory. An innocent document
// abandoned that way is processed again alone and stored; the one whose
// memory it was fails with cause memory even alone.
func TestMemoryBlame(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("testdata", "shiquan_p4_p6.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	innocent := filepath.Join(dir, "innocent.txt") // the larger file: picked first
	hog := filepath.Join(dir, "hog.txt")
	if err := os.WriteFile(innocent, bytes.Repeat(seed, 3), 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(hog, append([]byte("第1号单位2024年部门预算\n"), seed...), 0o666); err != nil {
		t.Fatal(err)
	}
	// The process is over the limit exactly while the hog's stages run.
	var hogRunning atomic.Bool
	const limit = 1 << 30
	old := resident
	resident = func() int64 {
		if hogRunning.Load() {
			return 2 * limit
		}
		return 0
	}
	t.Cleanup(func() { resident = old })
	post := func(_ context.Context, r *pipeline.Result) error {
		if strings.HasSuffix(r.Out.Source.Path, "hog.txt") {
			hogRunning.Store(true)
			time.Sleep(600 * time.Millisecond)
			hogRunning.Store(false)
		} else {
			time.Sleep(300 * time.Millisecond)
		}
		return nil
	}
	sink, dump := openSink(t, "sqlite", t.TempDir(), false)
	sum, err := Run(context.Background(), Config{Paths: []string{innocent, hog}, Workers: 2, Sink: sink,
		Post: post, MemoryLimit: limit})
	if err != nil {
		t.Fatal(err)
	}
	sink.Close()
	if sum.OK != 1 || sum.Causes["memory"] != 1 {
		t.Errorf("ok %d, causes %v; want the innocent ok and the hog memory", sum.OK, sum.Causes)
	}
	out := dump()
	if !strings.Contains(out, "hog.txt") || strings.Contains(out, "innocent.txt\tmemory") {
		t.Errorf("errors:\n%s", out)
	}
}

// TestTimeoutNamesStage: a document over its time limit after reading is
// reported with the stage that was running, not as a slow read.
func TestTimeoutNamesStage(t *testing.T) {
	dir := makeFixtures(t, t.TempDir(), 1)
	path := filepath.Join(dir, "docs", "d0000.txt")
	sink, dump := openSink(t, "sqlite", t.TempDir(), false)
	slow := func(context.Context, *pipeline.Result) error { time.Sleep(time.Second); return nil }
	if _, err := Run(context.Background(), Config{Paths: []string{path}, Workers: 1, Sink: sink, Post: slow,
		Timeout: 200 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	sink.Close()
	out := dump()
	if !strings.Contains(out, "checking took longer than the time limit") || strings.Contains(out, "reading took") {
		t.Errorf("errors:\n%s", out)
	}
}
