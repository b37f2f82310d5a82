// Package testenv locates what tests need outside their package: the module
// root (for samples/ and testdata/ at the top of the repository) and the
// shared material beside the checkout (../shared: the real corpus and the
// amount conformance suite). Tests that use the shared material skip
// cleanly when it is absent, so a fresh clone still passes.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ModuleRoot returns the directory holding go.mod, walking up from the
// test's working directory; it fails the test when there is none.
func ModuleRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// SharedDir returns ../shared beside the module root, or skips the test.
func SharedDir(tb testing.TB) string {
	tb.Helper()
	shared := filepath.Join(ModuleRoot(tb), "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		tb.Skipf("shared material absent (%s)", shared)
	}
	return shared
}

// CorpusDir returns the real corpus directory (../shared/corpus/real), or
// skips the test.
func CorpusDir(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(ModuleRoot(tb), "..", "shared", "corpus", "real")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("corpus absent (%s)", dir)
	}
	return dir
}

// CorpusFile returns the bytes of one corpus document, or skips the test.
func CorpusFile(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(CorpusDir(tb), name))
	if err != nil {
		tb.Skipf("corpus document absent: %v", err)
	}
	return b
}

// WithoutEnv returns env (as from os.Environ) without the variables named,
// for a child process that must not inherit them.
func WithoutEnv(env []string, names ...string) []string {
	var out []string
next:
	for _, kv := range env {
		for _, n := range names {
			if strings.HasPrefix(kv, n+"=") {
				continue next
			}
		}
		out = append(out, kv)
	}
	return out
}

// GoTool returns the go command's path for a test that runs it, or skips
// the test under -short (why says what the test would build) or when there
// is no go command on PATH.
func GoTool(tb testing.TB, why string) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip(why)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		tb.Skip("go command not on PATH")
	}
	return goTool
}
