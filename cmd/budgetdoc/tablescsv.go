package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/budgetdoc/budgetdoc/schema"
)

// writeTablesCSV writes each table of the document at src as
// DIR/<name>_<id>.csv: its rows as text, header rows first, exactly as in
// the JSON contract. A UTF-8 byte order mark lets spreadsheet programs
// read the Chinese text.
func writeTablesCSV(dir, src string, tables []schema.Table) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	base := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	for _, t := range tables {
		name := filepath.Join(dir, base+"_"+t.ID+".csv")
		if err := writeCSV(name, t.Rows); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	return nil
}

func writeCSV(name string, rows [][]string) error {
	f, err := os.Create(name)
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
