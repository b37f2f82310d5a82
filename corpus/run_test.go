package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/schema"
)

func TestExpand(t *testing.T) {
	dir := makeFixtures(t, t.TempDir(), 3)
	out := filepath.Join(dir, "docs", "d0002.txt") // excluded like an output path
	got, err := Expand([]string{
		filepath.Join(dir, "docs"),
		filepath.Join(dir, "copies", "*.txt"),
		filepath.Join(dir, "docs", "d0000.txt"), // already listed
		"-",
	}, strings.NewReader("# comment\n\n"+filepath.Join(dir, "bad")+"\n"+filepath.Join(dir, "missing.pdf")+"\r\n"), out)
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, p := range got {
		r, _ := filepath.Rel(dir, p)
		rel = append(rel, filepath.ToSlash(r))
	}
	want := []string{"docs/d0000.txt", "docs/d0001.txt", "copies/same-as-d0000.txt", "copies/same-as-d0001.txt",
		"bad/empty.txt", "bad/garbage.bin", "missing.pdf"}
	if !slices.Equal(rel, want) {
		t.Errorf("Expand:\n got %q\nwant %q", rel, want)
	}
	if _, err := Expand([]string{filepath.Join(dir, "nothing*.pdf")}, nil); err == nil {
		t.Error("a glob without matches should be an error")
	}
}

// openSink opens the kind of sink named by kind ("dir" or "sqlite") under dir.
func openSink(t *testing.T, kind, dir string, resume bool) (Sink, func() string) {
	t.Helper()
	switch kind {
	case "dir":
		out := filepath.Join(dir, "out")
		s, err := OpenDir(out, resume)
		if err != nil {
			t.Fatal(err)
		}
		return s, func() string { return mustDump(t, out) }
	default:
		out := filepath.Join(dir, "out.sqlite")
		s, err := OpenSQLite(out, resume)
		if err != nil {
			t.Fatal(err)
		}
		return s, func() string { return mustDump(t, out) }
	}
}

func TestRun(t *testing.T) {
	for _, kind := range []string{"dir", "sqlite"} {
		t.Run(kind, func(t *testing.T) {
			dir := makeFixtures(t, t.TempDir(), 6)
			paths, err := Expand([]string{dir, filepath.Join(dir, "missing.pdf"),
				filepath.Join("testdata", "helvetica.pdf"), filepath.Join("testdata", "shiquan_p4_p6.gb18030.txt")}, nil)
			if err != nil {
				t.Fatal(err)
			}
			sink, dump := openSink(t, kind, dir, false)
			panicky := func(_ context.Context, r *pipeline.Result) error {
				if strings.HasSuffix(r.Out.Source.Path, "d0003.txt") {
					var m map[string]int
					//lint:ignore SA5000 the bug this test injects: a nil-map panic in a post-processor
					m["boom"]++
				}
				if strings.HasSuffix(r.Out.Source.Path, "d0004.txt") {
					return errors.New("rule failed")
				}
				r.Out.Findings = append(r.Out.Findings, schema.Finding{Rule: "test-rule", Severity: "info", Message: "m"})
				return nil
			}
			sum, err := Run(context.Background(), Config{Paths: paths, Workers: 2, Sink: sink, Post: panicky})
			if err != nil {
				t.Fatal(err)
			}
			if err := sink.Close(); err != nil {
				t.Fatal(err)
			}
			// 6 docs + 2 copies + empty + garbage + missing + pdf + gb18030.
			if sum.Inputs != 13 || sum.Duplicates != 2 || sum.Total != 11 || sum.Done != 11 {
				t.Errorf("counts: %+v", sum)
			}
			wantCauses := map[string]int{"empty": 1, "unsupported": 1, "io": 1, "internal": 1, "post": 1}
			for c, n := range wantCauses {
				if sum.Causes[c] != n {
					t.Errorf("cause %s: %d failures, want %d (all: %v)", c, sum.Causes[c], n, sum.Causes)
				}
			}
			if sum.OK != 6 || sum.Failed != 5 {
				t.Errorf("ok %d failed %d, want 6 and 5 (%v)", sum.OK, sum.Failed, sum.Causes)
			}
			if len(sum.Findings) != 1 || sum.Findings[0] != (RuleCount{"test-rule", 6}) {
				t.Errorf("findings: %v", sum.Findings)
			}
			first := dump()
			for _, want := range []string{"same-as-d0000.txt", "d0000.txt", "panic: assignment to entry in nil map",
				"corpus.TestRun", "missing.pdf", "helvetica.pdf", "post-processing: rule failed", "test-rule"} {
				if !strings.Contains(first, want) {
					t.Errorf("output lacks %q", want)
				}
			}
			if strings.Contains(first, "skipped.txt") {
				t.Error("a file in a hidden directory was processed")
			}

			// Resume with the same inputs: nothing to do, the output unchanged.
			sink, dump = openSink(t, kind, dir, true)
			sum, err = Run(context.Background(), Config{Paths: paths, Workers: 2, Sink: sink})
			if err != nil {
				t.Fatal(err)
			}
			sink.Close()
			if sum.Total != 0 || sum.Skipped != 11 {
				t.Errorf("resume: %+v", sum)
			}
			if got := dump(); got != first {
				t.Errorf("resume changed the output:\n%s", diffLines(first, got))
			}

			// Resume with a new path of a stored document: only the path is added.
			extra := filepath.Join(dir, "later", "again.txt")
			os.MkdirAll(filepath.Dir(extra), 0o777)
			data, _ := os.ReadFile(filepath.Join(dir, "docs", "d0005.txt"))
			os.WriteFile(extra, data, 0o666)
			sink, dump = openSink(t, kind, dir, true)
			if _, err := Run(context.Background(), Config{Paths: append(paths, extra), Workers: 2, Sink: sink}); err != nil {
				t.Fatal(err)
			}
			sink.Close()
			got := dump()
			if !strings.Contains(got, "again.txt") || strings.Count(got, "第5号单位") != strings.Count(first, "第5号单位") {
				t.Errorf("a new path of a stored document should add a path row only:\n%s", diffLines(first, got))
			}

			// Without --resume the existing output is refused.
			switch kind {
			case "dir":
				if _, err := OpenDir(filepath.Join(dir, "out"), false); err == nil {
					t.Error("OpenDir without resume accepted an existing output")
				}
			default:
				if _, err := OpenSQLite(filepath.Join(dir, "out.sqlite"), false); err == nil {
					t.Error("OpenSQLite without resume accepted an existing output")
				}
			}
		})
	}
}

// TestDirSinkCutsPartialRecord simulates a process that died while writing
// a record: rows in some files, a partial ledger line.
func TestDirSinkCutsPartialRecord(t *testing.T) {
	dir := makeFixtures(t, t.TempDir(), 3)
	paths, _ := Expand([]string{filepath.Join(dir, "docs")}, nil)
	sink, dump := openSink(t, "dir", dir, false)
	if _, err := Run(context.Background(), Config{Paths: paths[:2], Workers: 1, Sink: sink}); err != nil {
		t.Fatal(err)
	}
	sink.Close()
	before := dump()
	out := filepath.Join(dir, "out")
	for _, name := range []string{DocumentsName, "sections.csv", "paths.csv"} {
		f, _ := os.OpenFile(filepath.Join(out, name), os.O_APPEND|os.O_WRONLY, 0)
		f.WriteString("half a row,\"unterminated")
		f.Close()
	}
	f, _ := os.OpenFile(filepath.Join(out, LedgerName), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"key":"abc","sizes":{`)
	f.Close()

	sink, dump = openSink(t, "dir", dir, true)
	if got := dump(); got != before {
		t.Errorf("resume did not cut the partial record:\n%s", diffLines(before, got))
	}
	if _, err := Run(context.Background(), Config{Paths: paths, Workers: 1, Sink: sink}); err != nil {
		t.Fatal(err)
	}
	sink.Close()

	fresh := t.TempDir()
	os.Rename(filepath.Join(dir, "out"), filepath.Join(fresh, "resumed"))
	sink, dump = openSink(t, "dir", dir, false)
	if _, err := Run(context.Background(), Config{Paths: paths, Workers: 1, Sink: sink}); err != nil {
		t.Fatal(err)
	}
	sink.Close()
	if a, b := dump(), mustDump(t, filepath.Join(fresh, "resumed")); a != b {
		t.Errorf("resumed output differs from an uninterrupted run:\n%s", diffLines(a, b))
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	dir := makeFixtures(t, t.TempDir(), 20)
	paths, _ := Expand([]string{filepath.Join(dir, "docs")}, nil)
	sink, _ := openSink(t, "sqlite", dir, false)
	defer sink.Close()
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	sum, err := Run(ctx, Config{Paths: paths, Workers: 2, Sink: sink, Progress: func(p Progress) {
		if n++; p.Done == 3 {
			cancel()
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || sum.Done >= 20 || sum.Done < 3 {
		t.Errorf("after cancel: %+v", sum)
	}
}

func TestCause(t *testing.T) {
	if got := Cause(os.ErrNotExist); got != "io" {
		t.Errorf("Cause(ErrNotExist) = %s", got)
	}
}

// diffLines shows the lines present in only one of a and b.
func diffLines(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for _, l := range strings.Split(a, "\n") {
		if !mb[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !ma[l] {
			out = append(out, "+ "+l)
		}
	}
	if len(out) > 40 {
		out = append(out[:40], "…")
	}
	return strings.Join(out, "\n")
}

// TestIsolation: a document that overruns the time limit, or is picked by
// the memory guard, is recorded with its cause and the batch goes on.
func TestIsolation(t *testing.T) {
	dir := makeFixtures(t, t.TempDir(), 3)
	paths, _ := Expand([]string{filepath.Join(dir, "docs")}, nil)
	slow := func(_ context.Context, r *pipeline.Result) error {
		if strings.HasSuffix(r.Out.Source.Path, "d0001.txt") {
			time.Sleep(3 * time.Second)
		}
		return nil
	}
	for _, tc := range []struct {
		name  string
		cfg   Config
		cause string
	}{
		{"timeout", Config{Timeout: 300 * time.Millisecond}, "timeout"},
		{"memory", Config{MemoryLimit: 1}, "memory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sink, dump := openSink(t, "sqlite", t.TempDir(), false)
			cfg := tc.cfg
			cfg.Paths, cfg.Workers, cfg.Sink, cfg.Post = paths, 2, sink, slow
			began := time.Now()
			sum, err := Run(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			sink.Close()
			// (A document abandoned for memory is tried again alone once the
			// abandoned stages have stopped: that waits for the sleep.)
			if time.Since(began) > 2500*time.Millisecond && tc.cause != "memory" {
				t.Errorf("the slow document was waited for (%v)", time.Since(began))
			}
			if sum.OK != 2 || sum.Causes[tc.cause] != 1 {
				t.Errorf("ok %d, causes %v; want 2 ok and one %s", sum.OK, sum.Causes, tc.cause)
			}
			if out := dump(); !strings.Contains(out, "d0001.txt") {
				t.Error("the abandoned document is not in errors")
			}
		})
	}
}
