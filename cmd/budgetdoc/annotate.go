package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/review/annotate"
	"github.com/budgetdoc/budgetdoc/schema"
)

// annotateTarget is where `check --annotate OUT` writes the annotated copy
// of input: OUT itself for a single input, else OUT/NAME.annotated.EXT.
func annotateTarget(out, input string, format extract.Format, many bool) string {
	if !many {
		return out
	}
	base := strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))
	return filepath.Join(out, base+".annotated"+annotate.Extension(format))
}

// writeAnnotated writes the annotated copy of a checked document and says
// on stderr how many findings sit on their evidence.
func writeAnnotated(ctx context.Context, out, input string, res *pipeline.Result, found []schema.Finding, many bool, stderr io.Writer) error {
	format := extract.Format(res.Out.Source.Format)
	if format != extract.FormatPDF && format != extract.FormatDOCX {
		return fmt.Errorf("%s: %w; this file is %s", input, annotate.ErrFormat, format)
	}
	data, err := os.ReadFile(input)
	if err != nil {
		return err
	}
	copied, rep, err := annotate.Copy(ctx, format, data, res.Doc, found)
	if err != nil {
		return fmt.Errorf("%s: annotating: %w", input, err)
	}
	target := annotateTarget(out, input, format, many)
	if many {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
	}
	if abs, err := filepath.Abs(target); err == nil {
		if in, err := filepath.Abs(input); err == nil && abs == in {
			return fmt.Errorf("%s: --annotate would overwrite the input", input)
		}
	}
	if err := os.WriteFile(target, copied, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%s: %d annotation(s), %d on their text, written to %s\n", input, len(found), rep.Exact, target)
	return nil
}
