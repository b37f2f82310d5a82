//go:build cgo

package duckdbtest

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/check"
	"github.com/budgetdoc/budgetdoc/corpus"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/schema"
)

var outDir = flag.String("out", "", "check this batch output `DIR` (made with --parquet) instead of a batch over ../../samples")

// batchSamples runs what `budgetdoc batch --out DIR --parquet` runs over the
// committed samples and a missing file.
func batchSamples(t *testing.T) string {
	samples, _ := filepath.Glob(filepath.Join("..", "..", "samples", "*_*.*"))
	if len(samples) == 0 {
		t.Fatal("no samples in ../../samples")
	}
	out := filepath.Join(t.TempDir(), "out")
	sink, err := corpus.OpenDir(out, false)
	if err != nil {
		t.Fatal(err)
	}
	post := func(ctx context.Context, r *pipeline.Result) error {
		c, err := check.Run(ctx, r, check.Options{})
		r.Out.Findings = c.Findings
		return err
	}
	// An unreadable input too: its errors row has no sha256.
	paths := append(samples, filepath.Join(t.TempDir(), "missing.pdf"))
	if _, err := corpus.Run(context.Background(), corpus.Config{Paths: paths, Workers: 2, Sink: sink, Post: post}); err != nil {
		t.Fatal(err)
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := corpus.WriteParquet(out); err != nil {
		t.Fatal(err)
	}
	if err := corpus.WriteDataPackage(out); err != nil {
		t.Fatal(err)
	}
	return out
}

// expected is what documents.jsonl says the tables hold.
type expected struct {
	rows     map[string]int64
	spending map[string]decimal.Decimal // total expenditure line items by document
}

func readJSONL(t *testing.T, dir string) expected {
	f, err := os.Open(filepath.Join(dir, corpus.DocumentsName))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e := expected{rows: map[string]int64{}, spending: map[string]decimal.Decimal{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<30)
	for sc.Scan() {
		var d schema.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		e.rows["documents"]++
		e.rows["facts"] += int64(len(d.Facts))
		e.rows["projects"] += int64(len(d.Projects))
		e.rows["tables"] += int64(len(d.Tables))
		e.rows["findings"] += int64(len(d.Findings))
		var sections func([]schema.Section)
		sections = func(ss []schema.Section) {
			for _, s := range ss {
				e.rows["sections"]++
				sections(s.Children)
			}
		}
		sections(d.Outline)
		for _, p := range d.Projects {
			e.rows["indicators"] += int64(len(p.Indicators))
		}
		for _, tb := range d.Tables {
			for _, row := range tb.Rows {
				for _, c := range row {
					if c != "" {
						e.rows["table_cells"]++
					}
				}
			}
		}
		items, _ := corpus.FiscalItems(&d)
		e.rows["fiscal"] += int64(len(items))
		sum, n := decimal.Zero, 0
		for _, it := range items {
			if it.Direction == corpus.Expenditure {
				sum = sum.Add(decimal.RequireFromString(it.Fact.Value))
				n++
			}
		}
		if n > 0 {
			e.spending[d.Source.SHA256] = sum
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestWarehouse(t *testing.T) {
	dir := *outDir
	if dir == "" {
		dir = batchSamples(t)
	}
	p, err := ReadPackage(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := readJSONL(t, dir)
	nonNull := map[string][]int64{} // non-NULL values of every column, by source
	for _, src := range []struct {
		name string
		open func(string, *Package) (*sql.DB, error)
	}{{"parquet", OpenParquet}, {"csv", OpenCSV}} {
		t.Run(src.name, func(t *testing.T) {
			db, err := src.open(dir, p)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			checkCounts(t, db, p, want)
			checkSpending(t, db, want)
			checkReferences(t, db, p)
			nonNull[src.name] = countValues(t, db, p)
		})
	}
	// The two typed loads agree on what is NULL, column by column.
	if a, b := nonNull["parquet"], nonNull["csv"]; len(a) != len(b) {
		t.Errorf("%d columns from Parquet, %d from the CSVs", len(a), len(b))
	} else {
		for i := range a {
			if a[i] != b[i] {
				t.Errorf("column %d: %d values from Parquet, %d from the CSVs", i, a[i], b[i])
			}
		}
	}
}

// countValues returns the number of non-NULL values of every column of every
// resource, in package order.
func countValues(t *testing.T, db *sql.DB, p *Package) []int64 {
	var out []int64
	for _, r := range p.Resources {
		var exprs []string
		for _, f := range r.Schema.Fields {
			exprs = append(exprs, "count("+ident(f.Name)+")")
		}
		vals := make([]int64, len(exprs))
		ptrs := make([]any, len(exprs))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := db.QueryRow("SELECT " + strings.Join(exprs, ", ") + " FROM " + ident(r.Name)).Scan(ptrs...); err != nil {
			t.Fatalf("%s: %v", r.Name, err)
		}
		out = append(out, vals...)
	}
	return out
}

func checkCounts(t *testing.T, db *sql.DB, p *Package, want expected) {
	for _, r := range p.Resources {
		var n int64
		if err := db.QueryRow("SELECT count(*) FROM " + ident(r.Name)).Scan(&n); err != nil {
			t.Fatalf("%s: %v", r.Name, err)
		}
		w, ok := want.rows[r.Name]
		if !ok {
			continue // paths and errors are not in the JSONL
		}
		if n != w {
			t.Errorf("%s: %d rows in DuckDB, %d in the JSONL", r.Name, n, w)
		}
	}
}

// checkSpending compares the total of the expenditure line items of every
// document, summed by DuckDB as DECIMAL, with the exact sum over the JSONL.
func checkSpending(t *testing.T, db *sql.DB, want expected) {
	rows, err := db.Query("SELECT sha256, CAST(sum(amount) AS VARCHAR) FROM fiscal WHERE direction = 'expenditure' GROUP BY sha256")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]decimal.Decimal{}
	for rows.Next() {
		var sha, sum string
		if err := rows.Scan(&sha, &sum); err != nil {
			t.Fatal(err)
		}
		got[sha] = decimal.RequireFromString(sum)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want.spending) || len(got) == 0 {
		t.Errorf("%d documents with expenditure in DuckDB, %d in the JSONL", len(got), len(want.spending))
	}
	for sha, w := range want.spending {
		if g, ok := got[sha]; !ok || !g.Equal(w) {
			t.Errorf("document %.12s: total expenditure %s in DuckDB, %s in the JSONL", sha, g, w)
		}
	}
}

// checkReferences runs every foreign key of the package as an anti-join:
// no referencing row may miss its target.
func checkReferences(t *testing.T, db *sql.DB, p *Package) {
	for _, r := range p.Resources {
		for _, fk := range r.Schema.ForeignKeys {
			target := fk.Reference.Resource
			if target == "" {
				target = r.Name
			}
			var on, notNull []string
			for i, f := range fk.Fields {
				on = append(on, fmt.Sprintf("a.%s = b.%s", ident(f), ident(fk.Reference.Fields[i])))
				notNull = append(notNull, "a."+ident(f)+" IS NOT NULL")
			}
			q := fmt.Sprintf("SELECT count(*) FROM %s a WHERE %s AND NOT EXISTS (SELECT 1 FROM %s b WHERE %s)",
				ident(r.Name), strings.Join(notNull, " AND "), ident(target), strings.Join(on, " AND "))
			var n int64
			if err := db.QueryRow(q).Scan(&n); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			if n != 0 {
				t.Errorf("%s %v → %s %v: %d rows refer to nothing", r.Name, fk.Fields, target, fk.Reference.Fields, n)
			}
		}
	}
}
