package main

import (
	"context"
	"fmt"
	"io"

	"github.com/budgetdoc/budgetdoc/schema"
)

func init() {
	register(command{"schema", "print the JSON Schema of the output (" + schema.Version + ")", runSchema})
}

func runSchema(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("schema", "budgetdoc schema", `  budgetdoc schema > budgetdoc-v1.schema.json   # save the JSON Schema (draft 2020-12) of extract's output
`, stderr)
	if ok, code := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "budgetdoc schema: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return exitInput
	}
	if _, err := stdout.Write(schema.JSONSchema()); err != nil {
		fmt.Fprintf(stderr, "budgetdoc schema: writing output: %v\n", err)
		return exitInput
	}
	return exitOK
}
