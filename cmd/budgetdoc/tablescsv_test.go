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
