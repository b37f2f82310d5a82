package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/budgetdoc/budgetdoc/corpus/eval"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/extract/read"
)

func init() {
	register(command{"eval", "score extraction against hand-annotated gold files (precision and recall)", runEval})
}

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("eval", "budgetdoc eval [--docs DIR] [-v] GOLD.json...", `  budgetdoc eval --docs ../shared/corpus/real testdata/gold/*.json
  budgetdoc eval -v --docs ../shared/corpus/real testdata/gold/jiangsu_renda_2019_dept_budget.json
`, stderr)
	docs := fs.String("docs", ".", "directory holding the documents named in the gold files")
	verbose := fs.Bool("v", false, "also list missed gold items and spurious predictions")
	if ok, code := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "budgetdoc eval: no gold files")
		fs.Usage()
		return exitInput
	}
	var reports []eval.Report
	code := exitOK
	for _, path := range fs.Args() {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "budgetdoc eval: interrupted")
			return exitInput
		}
		g, err := eval.LoadGold(path)
		if err != nil {
			fmt.Fprintf(stderr, "budgetdoc eval: %v\n", err)
			code = exitInput
			continue
		}
		res, err := pipeline.File(ctx, filepath.Join(*docs, g.Document), pipeline.Options{Read: read.Options{}})
		if err != nil {
			fmt.Fprintln(stderr, err)
			code = exitInput
			continue
		}
		reports = append(reports, eval.Evaluate(g, res.Out))
	}
	if err := eval.WriteTable(stdout, reports); err != nil {
		fmt.Fprintf(stderr, "budgetdoc eval: %v\n", err)
		return exitInput
	}
	if *verbose {
		for _, r := range reports {
			for _, m := range eval.Measures {
				for _, s := range r.Missed[m] {
					fmt.Fprintf(stdout, "%s\t%s\tmissed\t%s\n", r.Document, m, s)
				}
				for _, s := range r.Spurious[m] {
					fmt.Fprintf(stdout, "%s\t%s\tspurious\t%s\n", r.Document, m, s)
				}
			}
		}
	}
	return code
}
