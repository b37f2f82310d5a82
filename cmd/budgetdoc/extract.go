package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/extract/read"
)

func init() {
	register(command{"extract", "read documents and print the structured data as JSON (JSONL for several)", runExtract})
}

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("extract", "budgetdoc extract [-o FILE] [--jsonl] [--timeout D] FILE...", `  budgetdoc extract report.pdf                  # one JSON document on stdout
  budgetdoc extract -o out.jsonl a.pdf b.docx   # several documents: one JSON line each
  budgetdoc extract --tables-csv tables a.pdf   # and every table as tables/a_t1.csv …
`, stderr)
	outPath := fs.String("o", "", "write to `FILE` instead of stdout")
	jsonl := fs.Bool("jsonl", false, "write one JSON document per line even for a single file")
	timeout := fs.Duration("timeout", read.DefaultTimeout, "give up on a document after this `duration`")
	tablesCSV := fs.String("tables-csv", "", "also write every table as a CSV file (NAME_t1.csv …) into `DIR`")
	if ok, code := parseFlags(fs, args); !ok {
		return code
	}
	files := fs.Args()
	if len(files) == 0 {
		fmt.Fprintln(stderr, "budgetdoc extract: no input files")
		fs.Usage()
		return exitInput
	}
	var w io.Writer = stdout
	if *outPath != "" {
		f, err := os.Create(*outPath)
		if err != nil {
			fmt.Fprintf(stderr, "budgetdoc extract: %v\n", err)
			return exitInput
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	lines := *jsonl || len(files) > 1
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if !lines {
		enc.SetIndent("", "  ")
	}
	code := exitOK
	opt := pipeline.Options{Read: read.Options{Timeout: timeoutOption(*timeout)}}
	tables := &tableWriter{dir: *tablesCSV}
	for _, path := range files {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "budgetdoc extract: interrupted")
			return exitInput
		}
		dctx, cancel := documentContext(ctx, *timeout)
		res, err := pipeline.File(dctx, path, opt)
		cancel()
		if err != nil {
			printError(stderr, err)
			code = exitInput
			continue
		}
		if *tablesCSV != "" {
			if err := tables.write(path, res.Out.Tables); err != nil {
				fmt.Fprintf(stderr, "budgetdoc extract: %v\n", err)
				return exitInput
			}
		}
		if err := enc.Encode(res.Out); err != nil {
			fmt.Fprintf(stderr, "budgetdoc extract: writing output: %v\n", err)
			return exitInput
		}
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(stderr, "budgetdoc extract: writing output: %v\n", err)
		return exitInput
	}
	return code
}

// timeoutOption maps the flag (0 = no limit) to read.Options (negative = none).
func timeoutOption(d time.Duration) time.Duration {
	if d <= 0 {
		return -1
	}
	return d
}

// documentContext bounds the work on one document, all its stages, by the
// --timeout (0: no limit): reading stops at it, and so does every later
// stage that watches its context.
func documentContext(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if d <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, d)
}
