package gojieba

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"regexp"
	"slices"
	"testing"
	"testing/fstest"
)

// recordedDeps is the patch level last given to -DBUDGETDOC_PATCHES in
// jieba.go and the SHA-256 (depsDigest) of the C and C++ code under deps/ at
// that level. Go's build cache tracks the files of this directory but not
// the headers it includes from deps/, so a change there must come with a
// new level, which changes the compiler flags and so the cache key.
var recordedDeps = struct {
	level  int
	sha256 string
}{14, "97d24d2b117fa7dbd6bc489fa4b39fc62f9da439258ed1577ec8de7930c05233"}

// TestPatchLevelMatchesDeps fails when the C++ code under deps/ changed
// without a new patch level (the build would go on linking the old code), or
// when the level changed without the digest being recorded with it.
func TestPatchLevelMatchesDeps(t *testing.T) {
	src, err := os.ReadFile("jieba.go")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`-DBUDGETDOC_PATCHES=(\d+)\b`).FindAllSubmatch(src, -1)
	if len(m) != 1 {
		t.Fatalf("jieba.go must give -DBUDGETDOC_PATCHES=<level> once in its #cgo CXXFLAGS, found %d", len(m))
	}
	var level int
	fmt.Sscan(string(m[0][1]), &level)
	digest, err := depsDigest(os.DirFS("deps"))
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case digest != recordedDeps.sha256 && level == recordedDeps.level:
		t.Errorf("the C/C++ code under deps/ changed (SHA-256 %s, recorded %s) but the patch level is still %d: "+
			"Go's build cache would keep linking the old code. Set -DBUDGETDOC_PATCHES=%d in jieba.go and "+
			"recordedDeps to {%d, %q} (see PATCHES.md)", digest, recordedDeps.sha256, level, level+1, level+1, digest)
	case level != recordedDeps.level || digest != recordedDeps.sha256:
		t.Errorf("jieba.go gives patch level %d, recordedDeps says %d: set recordedDeps to {%d, %q} (see PATCHES.md)",
			level, recordedDeps.level, level, digest)
	}
}

// depsDigest is the SHA-256 over the C and C++ sources and headers of fsys,
// each as its slash path, its length and its bytes, in path order.
func depsDigest(fsys fs.FS) (string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch path.Ext(name) {
		case ".h", ".hh", ".hpp", ".hxx", ".c", ".cc", ".cpp", ".cxx":
			if d.Type().IsRegular() {
				names = append(names, name)
			}
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	slices.Sort(names)
	h := sha256.New()
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// The digest is over exactly the C/C++ files: another file does not change
// it, a changed or renamed header does.
func TestDepsDigest(t *testing.T) {
	base := map[string]string{
		"a/include/x.hpp": "int x;",
		"a/include/y.h":   "int y;",
		"a/README.md":     "docs",
	}
	digest := func(files map[string]string) string {
		t.Helper()
		fsys := fstest.MapFS{}
		for name, text := range files {
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
		d, err := depsDigest(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	with := func(name, text string) map[string]string {
		m := maps.Clone(base)
		if text == "" {
			delete(m, name)
		} else {
			m[name] = text
		}
		return m
	}
	want := digest(base)
	for _, tc := range []struct {
		name  string
		files map[string]string
		same  bool
	}{
		{"docs changed", with("a/README.md", "other docs"), true},
		{"header changed", with("a/include/x.hpp", "int x2;"), false},
		{"header removed", with("a/include/y.h", ""), false},
		{"source added", with("a/src/z.cpp", "int z;"), false},
		{"renamed", map[string]string{"a/include/x2.hpp": "int x;", "a/include/y.h": "int y;"}, false},
	} {
		if got := digest(tc.files); (got == want) != tc.same {
			t.Errorf("%s: digest %s, base %s, want same=%v", tc.name, got, want, tc.same)
		}
	}
}
