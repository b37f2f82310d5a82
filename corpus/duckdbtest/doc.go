// Package duckdbtest loads the warehouse output of `budgetdoc batch --out DIR
// --parquet` into DuckDB, a real analytic engine, and checks it against the
// JSONL: the Parquet files and the CSV files read through datapackage.json
// must give the same row counts, the same references and the same
// expenditure totals per document as documents.jsonl.
//
// It is a module of its own so that DuckDB (cgo, a prebuilt static library
// of about 100 MB) stays out of budgetdoc's build graph; `make test` runs it
// after the main tests, and it skips where cgo is off. The query command
// (go run ./query) runs SQL over an output directory, for the README's
// examples.
package duckdbtest
