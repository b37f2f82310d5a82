package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/corpus"
)

// TestBatchParquet: batch --out DIR --parquet writes a Parquet file per table
// and datapackage.json naming them; without --parquet the descriptor is
// still written; --parquet with a database is a usage error.
func TestBatchParquet(t *testing.T) {
	in := batchInputs(t, 3)
	for _, withParquet := range []bool{true, false} {
		out := filepath.Join(t.TempDir(), "out")
		args := []string{"batch", "--out", out, "--workers", "2", "--progress", "none"}
		if withParquet {
			args = append(args, "--parquet")
		}
		var stdout, stderr bytes.Buffer
		// 1: the two bad inputs failed, as in every batch over batchInputs.
		if code := run(t.Context(), append(args, in), &stdout, &stderr); code != exitFindings {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		b, err := os.ReadFile(filepath.Join(out, corpus.DataPackageName))
		if err != nil {
			t.Fatal(err)
		}
		var pkg struct {
			Resources []struct{ Name, Path, Parquet string }
		}
		if err := json.Unmarshal(b, &pkg); err != nil {
			t.Fatal(err)
		}
		if len(pkg.Resources) != len(corpus.Tables) {
			t.Errorf("%d resources, %d tables", len(pkg.Resources), len(corpus.Tables))
		}
		for _, r := range pkg.Resources {
			_, err := os.Stat(filepath.Join(out, corpus.ParquetDir, r.Name+".parquet"))
			if withParquet && (err != nil || r.Parquet != corpus.ParquetDir+"/"+r.Name+".parquet") {
				t.Errorf("%s: parquet %q, %v", r.Name, r.Parquet, err)
			}
			if !withParquet && (err == nil || r.Parquet != "") {
				t.Errorf("%s: Parquet written without --parquet", r.Name)
			}
		}
		if withParquet && !strings.Contains(stderr.String(), "Parquet files") {
			t.Errorf("no Parquet summary in %q", stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	db := filepath.Join(t.TempDir(), "o.sqlite")
	if code := run(t.Context(), []string{"batch", "--out", db, "--parquet", in}, &stdout, &stderr); code != exitInput ||
		!strings.Contains(stderr.String(), "--parquet") {
		t.Errorf("--parquet with a database: exit %d, %q", code, stderr.String())
	}
}
