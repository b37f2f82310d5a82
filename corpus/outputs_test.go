package corpus

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/extract/pipeline"
)

// run processes paths into a fresh or resumed sink of kind under dir.
func runInto(t *testing.T, kind, dir string, resume bool, paths []string) (*Summary, string) {
	t.Helper()
	sink, dump := openSink(t, kind, dir, resume)
	sum, err := Run(context.Background(), Config{Paths: paths, Workers: 2, Sink: sink})
	if err != nil {
		t.Fatal(err)
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	return sum, dump()
}

// TestDirSinkLocked: a second run into an output directory in use is
// refused at once; once the first is closed, resuming works.
func TestDirSinkLocked(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	first, err := OpenDir(out, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenDir(out, true); err == nil || !strings.Contains(err.Error(), "another batch") {
		t.Errorf("second writer: %v", err)
	}
	first.Close()
	again, err := OpenDir(out, true)
	if err != nil {
		t.Fatalf("after the first closed: %v", err)
	}
	again.Close()
}

// TestDirSinkNoFollow: a link planted in the output directory in place of
// an output file is replaced, never written through.
func TestDirSinkNoFollow(t *testing.T) {
	tmp := t.TempDir()
	victim := filepath.Join(tmp, "victim.txt")
	if err := os.WriteFile(victim, []byte("precious\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "out")
	os.MkdirAll(out, 0o777)
	for _, name := range []string{DocumentsName, "facts.csv"} {
		if err := os.Symlink(victim, filepath.Join(out, name)); err != nil {
			t.Fatal(err)
		}
	}
	dir := makeFixtures(t, filepath.Join(tmp, "in"), 2)
	paths, _ := Expand([]string{filepath.Join(dir, "docs")}, nil)
	s, err := OpenDir(out, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), Config{Paths: paths, Workers: 1, Sink: s}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Errorf("written through a link: %q", b)
	}
	if fi, err := os.Lstat(filepath.Join(out, DocumentsName)); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("documents.jsonl: %v %v", fi, err)
	}
	// A link in place of the ledger is refused (it would be read, then
	// written through).
	out2 := filepath.Join(tmp, "out2")
	os.MkdirAll(out2, 0o777)
	os.Symlink(victim, filepath.Join(out2, LedgerName))
	for _, resume := range []bool{false, true} {
		if s, err := OpenDir(out2, resume); err == nil {
			s.Close()
			t.Errorf("resume %v: a ledger link was accepted", resume)
		}
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Errorf("written through a link: %q", b)
	}
}

// TestResumeRetriesTransient: a failure whose cause may pass (memory,
// timeout) is tried again by a resumed run and replaced by the outcome.
func TestResumeRetriesTransient(t *testing.T) {
	dir := makeFixtures(t, t.TempDir(), 2)
	paths, _ := Expand([]string{filepath.Join(dir, "docs")}, nil)
	for _, kind := range []string{"sqlite", "dir"} {
		t.Run(kind, func(t *testing.T) {
			tmp := t.TempDir()
			_, want := runInto(t, kind, t.TempDir(), false, paths)

			// An earlier run that timed out on d0001 (its time limit hit
			// only that one: the post hook sleeps for it).
			sink, _ := openSink(t, kind, tmp, false)
			slow := func(p []string) Config {
				return Config{Paths: p, Workers: 1, Sink: sink, Timeout: 300 * time.Millisecond}
			}
			cfg := slow(paths)
			cfg.Post = func(_ context.Context, r *pipeline.Result) error {
				if strings.HasSuffix(r.Out.Source.Path, "d0001.txt") {
					time.Sleep(time.Second)
				}
				return nil
			}
			sum, err := Run(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			sink.Close()
			if sum.Causes["timeout"] != 1 {
				t.Fatalf("first run: causes %v", sum.Causes)
			}

			sum, got := runInto(t, kind, tmp, true, paths)
			if sum.Retried["timeout"] != 1 || sum.OK != 1 || sum.Skipped != 1 {
				t.Errorf("resumed run: retried %v, ok %d, skipped %d", sum.Retried, sum.OK, sum.Skipped)
			}
			if got != want {
				t.Errorf("resumed output differs from an uninterrupted run:\n%s", firstLineDiff(want, got))
			}
			// and a third run has nothing left to do
			if sum, _ := runInto(t, kind, tmp, true, paths); sum.Total != 0 {
				t.Errorf("third run: %d to do", sum.Total)
			}
		})
	}
}

func firstLineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "(lengths differ)"
}

// TestResumeNonUTF8Paths: a path that is not valid UTF-8 is recorded once,
// not added again by every resumed run.
func TestResumeNonUTF8Paths(t *testing.T) {
	dir := makeFixtures(t, t.TempDir(), 1)
	data, _ := os.ReadFile(filepath.Join(dir, "docs", "d0000.txt"))
	odd := filepath.Join(dir, "docs", "\xb2\xbf\xc3\xc5.txt") // 部门 in GBK
	if err := os.WriteFile(odd, data, 0o666); err != nil {
		t.Skipf("the file system refuses the name: %v", err)
	}
	paths, _ := Expand([]string{filepath.Join(dir, "docs")}, nil)
	for _, kind := range []string{"sqlite", "dir"} {
		t.Run(kind, func(t *testing.T) {
			tmp := t.TempDir()
			_, first := runInto(t, kind, tmp, false, paths)
			_, second := runInto(t, kind, tmp, true, paths)
			_, third := runInto(t, kind, tmp, true, paths)
			if second != first || third != first {
				t.Errorf("resumed runs changed the output:\n%s", firstLineDiff(first, third))
			}
		})
	}
}

// TestOutputInsideInput: an output directory below an input directory is
// never read back as input.
func TestOutputInsideInput(t *testing.T) {
	dir := makeFixtures(t, t.TempDir(), 2)
	out := filepath.Join(dir, "docs", "out")
	for range 2 {
		paths, err := Expand([]string{dir}, nil, out)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			if strings.HasPrefix(p, out) {
				t.Fatalf("output file read as input: %s", p)
			}
		}
		s, err := OpenDir(out, true)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Run(context.Background(), Config{Paths: paths, Workers: 1, Sink: s}); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
}

// TestUnreadableSubdirectory: a directory below an input that cannot be
// read is one io failure; the other files are processed. (The directory
// is made unreadable by a path longer than the system allows, which holds
// for root too.)
func TestUnreadableSubdirectory(t *testing.T) {
	dir := makeFixtures(t, t.TempDir(), 2)
	t.Chdir(filepath.Join(dir, "docs"))
	seg := strings.Repeat("d", 200)
	for range 22 { // 22 × 201 bytes: longer than PATH_MAX (4096)
		if err := os.Mkdir(seg, 0o777); err != nil {
			t.Skipf("cannot make the deep directory: %v", err)
		}
		if err := os.Chdir(seg); err != nil {
			t.Fatal(err)
		}
	}
	paths, err := Expand([]string{dir}, nil)
	if err != nil {
		t.Fatalf("the walk stopped: %v", err)
	}
	sink, _ := openSink(t, "sqlite", t.TempDir(), false)
	sum, err := Run(context.Background(), Config{Paths: paths, Workers: 2, Sink: sink})
	if err != nil {
		t.Fatal(err)
	}
	sink.Close()
	if sum.OK != 2 || sum.Causes["io"] != 1 {
		t.Errorf("ok %d, causes %v; want 2 ok and one io", sum.OK, sum.Causes)
	}
}

// TestSpecialFiles: a named pipe given as input (alone or among documents)
// is refused without blocking; the documents are processed.
func TestSpecialFiles(t *testing.T) {
	dir := makeFixtures(t, t.TempDir(), 2)
	fifo := filepath.Join(dir, "docs", "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o666); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	paths, _ := Expand([]string{filepath.Join(dir, "docs"), fifo}, nil)
	done := make(chan *Summary, 1)
	sink, dump := openSink(t, "sqlite", t.TempDir(), false)
	go func() {
		sum, err := Run(context.Background(), Config{Paths: paths, Workers: 2, Sink: sink})
		if err != nil {
			t.Error(err)
		}
		done <- sum
	}()
	select {
	case sum := <-done:
		sink.Close()
		if sum.OK != 2 || sum.Causes["unsupported"] != 1 {
			t.Errorf("ok %d, causes %v", sum.OK, sum.Causes)
		}
		if out := dump(); !strings.Contains(out, "not a regular file but a named pipe") {
			t.Errorf("errors:\n%s", out)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the batch blocks on a named pipe")
	}
	if _, err := os.Stat(fifo); errors.Is(err, fs.ErrNotExist) {
		t.Error("the pipe is gone")
	}
}
