package corpus

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
)

// A crash of ours is counted as "internal", never as a corrupt file: its
// one-line message is stored, its stack goes to the log.
func TestInternalErrorCause(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile(filepath.Join("testdata", "shiquan_p4_p6.txt"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, seed, 0o666); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	stackLog = &log
	defer func() { stackLog = os.Stderr }()
	bug := func(context.Context, *pipeline.Result) error {
		var m map[string]int
		//lint:ignore SA5000 the bug this test injects: a nil-map panic after reading
		m["boom"]++
		return nil
	}
	sink, dump := openSink(t, "dir", dir, false)
	sum, err := Run(context.Background(), Config{Paths: []string{path}, Workers: 1, Sink: sink, Post: bug})
	if err != nil {
		t.Fatal(err)
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 1 || sum.Causes["internal"] != 1 {
		t.Errorf("failed %d, causes %v; want one internal", sum.Failed, sum.Causes)
	}
	stored := dump()
	want := path + ": internal error (a bug in budgetdoc: please report it): panic: assignment to entry in nil map" +
		" at github.com/budgetdoc/budgetdoc/corpus.TestInternalErrorCause"
	if !strings.Contains(stored, want) {
		t.Errorf("stored output lacks %q:\n%s", want, stored)
	}
	if strings.Contains(stored, "goroutine ") {
		t.Errorf("the stack was stored with the error:\n%s", stored)
	}
	if got := log.String(); !strings.Contains(got, "goroutine ") || !strings.Contains(got, "corpus.TestInternalErrorCause") ||
		!strings.Contains(got, path) {
		t.Errorf("the log lacks the document or the stack:\n%s", got)
	}
}

func TestCauseOfPanics(t *testing.T) {
	recovered := func(f func()) (err error) {
		defer func() { err = extract.FromPanic(recover()) }()
		f()
		return nil
	}
	abort := recovered(func() { extract.Abort("bad table") })
	bug := recovered(func() { _ = []int{}[len(os.Args)] })
	for _, tc := range []struct {
		err  error
		want string
	}{
		{abort, "corrupt"},
		{&extract.Error{Path: "a.doc", Format: "doc", Err: abort}, "corrupt"},
		{bug, "internal"},
		{&extract.Error{Path: "a.doc", Format: "doc", Err: bug}, "internal"},
	} {
		if got := Cause(tc.err); got != tc.want {
			t.Errorf("Cause(%v) = %s, want %s", tc.err, got, tc.want)
		}
	}
}
