package main

import (
	"fmt"
	"io"
	"time"

	"github.com/budgetdoc/budgetdoc/corpus"
)

// writeWarehouse completes a directory output for warehouses: the Parquet
// files when asked (parquet/TABLE.parquet), then datapackage.json, which
// describes the CSV files and names the Parquet ones. Both are rebuilt from
// the CSV files, so a resumed run describes everything it holds.
func writeWarehouse(dir string, withParquet bool, stderr io.Writer) error {
	if withParquet {
		start := time.Now()
		rep, err := corpus.WriteParquet(dir)
		if err != nil {
			return fmt.Errorf("writing Parquet: %w", err)
		}
		fmt.Fprintf(stderr, "batch: %s/: %d Parquet files, %d rows, %.1f MB in %.2f s\n",
			corpus.ParquetDir, rep.Files, rep.Rows, float64(rep.Bytes)/1e6, time.Since(start).Seconds())
		for i, u := range rep.Unfit {
			if i == 5 {
				fmt.Fprintf(stderr, "batch: … and %d more cells that do not fit DECIMAL(%d,%d)\n", len(rep.Unfit)-i, corpus.DecimalPrecision, corpus.DecimalScale)
				break
			}
			fmt.Fprintf(stderr, "batch: parquet: %s\n", u)
		}
	}
	if err := corpus.WriteDataPackage(dir); err != nil {
		return fmt.Errorf("writing %s: %w", corpus.DataPackageName, err)
	}
	return nil
}
