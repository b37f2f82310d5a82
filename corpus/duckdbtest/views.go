//go:build cgo

package duckdbtest

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver

	"github.com/budgetdoc/budgetdoc/corpus"
)

// Package is the part of datapackage.json that a loader needs, read the way
// any consumer of a Frictionless descriptor would.
type Package struct {
	Resources []Resource `json:"resources"`
}

// Resource is one CSV file with its Table Schema.
type Resource struct {
	Name    string `json:"name"`
	Path    string `json:"path"`
	Parquet string `json:"parquet"`
	Schema  struct {
		Fields []struct {
			Name        string   `json:"name"`
			Type        string   `json:"type"`
			DecimalType string   `json:"decimalType"`
			TrueValues  []string `json:"trueValues"`
		} `json:"fields"`
		PrimaryKey  []string `json:"primaryKey"`
		ForeignKeys []struct {
			Fields    []string `json:"fields"`
			Reference struct {
				Resource string   `json:"resource"`
				Fields   []string `json:"fields"`
			} `json:"reference"`
		} `json:"foreignKeys"`
	} `json:"schema"`
}

// ReadPackage reads dir/datapackage.json.
func ReadPackage(dir string) (*Package, error) {
	b, err := os.ReadFile(filepath.Join(dir, corpus.DataPackageName))
	if err != nil {
		return nil, err
	}
	var p Package
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("%s: %w", corpus.DataPackageName, err)
	}
	return &p, nil
}

func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func ident(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// OpenParquet opens an in-memory DuckDB with a view per table of the
// package over its Parquet file.
func OpenParquet(dir string, p *Package) (*sql.DB, error) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return nil, err
	}
	for _, r := range p.Resources {
		if r.Parquet == "" {
			db.Close()
			return nil, fmt.Errorf("%s: resource %s has no Parquet file (batch --parquet)", dir, r.Name)
		}
		q := fmt.Sprintf("CREATE VIEW %s AS SELECT * FROM read_parquet(%s)", ident(r.Name), literal(filepath.Join(dir, r.Parquet)))
		if _, err := db.Exec(q); err != nil {
			db.Close()
			return nil, fmt.Errorf("%s: %w", q, err)
		}
	}
	return db, nil
}

// OpenCSV opens an in-memory DuckDB with a view per resource over its CSV
// file, typed as its Table Schema says: exact decimals as their
// decimalType (NULL when out of its range), booleans by their trueValues,
// years and integers as integers, an empty cell as NULL.
func OpenCSV(dir string, p *Package) (*sql.DB, error) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return nil, err
	}
	for _, r := range p.Resources {
		var cols, sel []string
		for _, f := range r.Schema.Fields {
			typ := "VARCHAR"
			expr := ident(f.Name)
			switch f.Type {
			case "integer":
				typ = "BIGINT"
			case "year":
				typ = "INTEGER"
			case "number":
				typ = "DOUBLE"
				if f.DecimalType != "" {
					// Read as text and cast: a value out of the type's
					// range (a misread cell) is NULL, as in the Parquet
					// file, instead of failing the whole load.
					typ = "VARCHAR"
					expr = fmt.Sprintf("TRY_CAST(%s AS %s) AS %s", ident(f.Name), f.DecimalType, ident(f.Name))
				}
			case "boolean":
				vals := make([]string, len(f.TrueValues))
				for i, v := range f.TrueValues {
					vals[i] = literal(v)
				}
				expr = fmt.Sprintf("CASE WHEN %s IS NULL THEN NULL ELSE %s IN (%s) END AS %s",
					ident(f.Name), ident(f.Name), strings.Join(vals, ", "), ident(f.Name))
			}
			cols = append(cols, literal(f.Name)+": "+literal(typ))
			sel = append(sel, expr)
		}
		q := fmt.Sprintf("CREATE VIEW %s AS SELECT %s FROM read_csv(%s, header = true, delim = ',', quote = '\"', escape = '\"', auto_detect = false, columns = {%s})",
			ident(r.Name), strings.Join(sel, ", "), literal(filepath.Join(dir, r.Path)), strings.Join(cols, ", "))
		if _, err := db.Exec(q); err != nil {
			db.Close()
			return nil, fmt.Errorf("%s: %w", q, err)
		}
	}
	return db, nil
}
