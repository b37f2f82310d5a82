//go:build cgo

// Command query runs SQL over the Parquet files of a batch output directory
// in DuckDB, each table a view named after it (facts, fiscal, documents …),
// and prints the result as a Markdown table:
//
//	go run ./query -dir /tmp/out "SELECT direction, count(*) FROM fiscal GROUP BY 1"
//
// With -csv it reads the CSV files through datapackage.json instead.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/budgetdoc/budgetdoc/corpus/duckdbtest"
)

func main() {
	dir := flag.String("dir", "", "batch output `DIR` (with datapackage.json and parquet/)")
	useCSV := flag.Bool("csv", false, "read the CSV files through datapackage.json, not the Parquet files")
	flag.Parse()
	if *dir == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: query -dir DIR [-csv] SQL")
		os.Exit(2)
	}
	if err := run(*dir, *useCSV, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "query:", err)
		os.Exit(1)
	}
}

func run(dir string, useCSV bool, q string) error {
	p, err := duckdbtest.ReadPackage(dir)
	if err != nil {
		return err
	}
	open := duckdbtest.OpenParquet
	if useCSV {
		open = duckdbtest.OpenCSV
	}
	db, err := open(dir, p)
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.Query(q)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	fmt.Println("| " + strings.Join(cols, " | ") + " |")
	fmt.Println("|" + strings.Repeat("---|", len(cols)))
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		cells := make([]string, len(cols))
		for i, v := range vals {
			if v != nil {
				cells[i] = fmt.Sprint(v)
			}
		}
		fmt.Println("| " + strings.Join(cells, " | ") + " |")
	}
	return rows.Err()
}
