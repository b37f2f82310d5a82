// Package corpus processes many documents at once: it expands the inputs
// (directories, globs, lists of paths), keys every file by the SHA-256 of its
// bytes so that the same file under several paths is processed once, runs
// the single-document pipeline on a pool of workers with per-document
// isolation (time limit, memory guard, panic recovery), and hands each
// finished document to a Sink — a directory of JSONL/CSV files or an SQLite
// database — in one atomic step, so that an interrupted run can be resumed
// and ends with exactly the output an uninterrupted run gives.
//
// The relational layout shared by the CSV files and the SQLite tables is
// described by Tables (see rows.go): every table is keyed by the document's
// sha256 plus the item's id within the document.
package corpus
