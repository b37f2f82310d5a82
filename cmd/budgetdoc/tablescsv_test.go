package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractTablesCSV(t *testing.T) {
	in := filepath.Join(repoRoot(t), "extract", "docx", "testdata", "tables.docx")
	dir := filepath.Join(t.TempDir(), "csv")
	code, stdout, stderr := cli(t, "extract", "--tables-csv", dir, in)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	doc := decode(t, validator(t), stdout)
	if len(doc.Tables) == 0 {
		t.Fatal("no tables in the output")
	}
	for _, tb := range doc.Tables {
		data, err := os.ReadFile(filepath.Join(dir, "tables_"+tb.ID+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", tb.ID, err)
		}
		if len(rows) != len(tb.Rows) || len(rows) > 0 && strings.Join(rows[0], "|") != strings.Join(tb.Rows[0], "|") {
			t.Errorf("%s: CSV has %d rows, JSON %d; first %q vs %q", tb.ID, len(rows), len(tb.Rows), rows[0], tb.Rows[0])
		}
	}
}

// TestTablesCSVNeverEscapes: a link planted in the output directory is
// replaced, not written through, and two inputs with the same base name get
// table files of their own.
func TestTablesCSVNeverEscapes(t *testing.T) {
	src := filepath.Join(repoRoot(t), "extract", "docx", "testdata", "tables.docx")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	a, b := filepath.Join(tmp, "a", "tables.docx"), filepath.Join(tmp, "b", "tables.docx")
	for _, p := range []string{a, b} {
		os.MkdirAll(filepath.Dir(p), 0o777)
		if err := os.WriteFile(p, data, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	victim := filepath.Join(tmp, "victim.txt")
	os.WriteFile(victim, []byte("precious\n"), 0o666)
	dir := filepath.Join(tmp, "csv")
	os.MkdirAll(dir, 0o777)
	if err := os.Symlink(victim, filepath.Join(dir, "tables_t1.csv")); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := cli(t, "extract", "--tables-csv", dir, a, b)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(victim); string(got) != "precious\n" {
		t.Errorf("written through a link: %q", got)
	}
	n := strings.Count(stdout, "\n") // one JSON line per document
	for _, name := range []string{"tables_t1.csv", "tables-2_t1.csv"} {
		fi, err := os.Lstat(filepath.Join(dir, name))
		if err != nil || !fi.Mode().IsRegular() {
			t.Errorf("%s: %v (documents: %d)", name, err, n)
		}
	}
}
