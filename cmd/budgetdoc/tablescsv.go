package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/budgetdoc/budgetdoc/internal/safefile"
	"github.com/budgetdoc/budgetdoc/schema"
)

// tableWriter writes the tables of the documents of one command into a
// directory, one CSV file per table.
type tableWriter struct {
	dir  string
	used map[string]bool // name prefixes taken by earlier documents of this run
}

// write writes each table of the document at src as DIR/<name>_<id>.csv:
// its rows as text, header rows first, exactly as in the JSON contract. A
// UTF-8 byte order mark lets spreadsheet programs read the Chinese text.
// <name> is the file's base name, made unique within the run (report-2 for
// the second report.pdf) so that two inputs never overwrite each other's
// tables. A file left by an earlier run is replaced, and a link planted in
// the directory is replaced, never written through.
func (tc *tableWriter) write(src string, tables []schema.Table) error {
	if len(tables) == 0 {
		return nil
	}
	if err := os.MkdirAll(tc.dir, 0o755); err != nil {
		return err
	}
	if tc.used == nil {
		tc.used = map[string]bool{}
	}
	base := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	name := base
	for n := 2; tc.used[name]; n++ {
		name = fmt.Sprintf("%s-%d", base, n)
	}
	tc.used[name] = true
	for _, t := range tables {
		path := filepath.Join(tc.dir, name+"_"+t.ID+".csv")
		if err := writeCSV(path, t.Rows); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
	}
	return nil
}

func writeCSV(name string, rows [][]string) error {
	f, err := safefile.Replace(name)
	if err != nil {
		return err
	}
	if _, err := f.WriteString("\ufeff"); err != nil {
		f.Close()
		return err
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
