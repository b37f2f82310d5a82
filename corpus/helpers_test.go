package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// makeFixtures writes n small text documents into dir (each distinct), a
// duplicate of the first two under another name, an empty file and a file
// of an unsupported format. It returns the directory.
func makeFixtures(t testing.TB, dir string, n int) string {
	t.Helper()
	seed, err := os.ReadFile(filepath.Join("testdata", "shiquan_p4_p6.txt"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	for i := range n {
		var b bytes.Buffer
		fmt.Fprintf(&b, "第%d号单位2024年部门预算\n一、收入预算总额为%d.%02d万元，比上年增加%d万元。\n", i, 100+i, i%100, i%7)
		b.Write(seed)
		write(fmt.Sprintf("docs/d%04d.txt", i), b.Bytes())
	}
	d0, _ := os.ReadFile(filepath.Join(dir, "docs/d0000.txt"))
	d1, _ := os.ReadFile(filepath.Join(dir, "docs/d0001.txt"))
	write("copies/same-as-d0000.txt", d0)
	write("copies/same-as-d0001.txt", d1)
	write("bad/empty.txt", nil)
	write("bad/garbage.bin", []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0xff, 0xfe, 0, 0, 0, 1})
	write(".hidden/skipped.txt", []byte("not an input"))
	return dir
}

// mustDump renders an output for comparison (see Dump).
func mustDump(t testing.TB, out string) string {
	t.Helper()
	d, err := Dump(out)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
