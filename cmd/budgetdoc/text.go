package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/extract/read"
	"github.com/budgetdoc/budgetdoc/extract/textlayer"
)

func init() {
	register(command{"text", "print a document's normalized text with a marker per page", runText})
}

func runText(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("text", "budgetdoc text [--view] [--lines] FILE...", `  budgetdoc text report.pdf          # normalized text, one logical line per paragraph
  budgetdoc text --lines report.pdf  # prefix each line with page:line of its first physical line
  budgetdoc text --view report.docx  # the parsing view (full-width folded, spaces in numbers removed)
`, stderr)
	view := fs.Bool("view", false, "print the parsing view instead of the text as written")
	withLoc := fs.Bool("lines", false, "prefix every line with page:line")
	dropped := fs.Bool("dropped", false, "also list the running headers, footers and page numbers that were removed")
	timeout := fs.Duration("timeout", read.DefaultTimeout, "give up on a document after this `duration`")
	if ok, code := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "budgetdoc text: no input file")
		fs.Usage()
		return exitInput
	}
	bw := bufio.NewWriter(stdout)
	defer bw.Flush()
	code := exitOK
	for _, path := range fs.Args() {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "budgetdoc text: interrupted")
			return exitInput
		}
		res, err := pipeline.File(ctx, path, pipeline.Options{Read: read.Options{Timeout: timeoutOption(*timeout)}, TextOnly: true})
		if err != nil {
			printError(stderr, err)
			code = exitInput
			continue
		}
		if fs.NArg() > 1 {
			fmt.Fprintf(bw, "##### %s\n", path)
		}
		if len(res.Unusable) > 0 {
			// their text is junk: shown as empty pages, and said so
			fmt.Fprintf(stderr, "budgetdoc text: %s: %s: the text layer is not text (fonts without a Unicode mapping?)\n",
				path, textlayer.PageList(res.Unusable))
		}
		writeText(bw, res.Text, *view, *withLoc)
		if *dropped {
			for _, d := range res.Text.Dropped {
				fmt.Fprintf(bw, "[dropped %s %d:%d] %s\n", d.Reason, d.Line.Loc.Page, d.Line.Loc.Line, d.Line.Text)
			}
		}
	}
	return code
}

func writeText(w io.Writer, t *normalize.Text, view, withLoc bool) {
	for _, p := range t.Pages {
		if p.Name != "" {
			fmt.Fprintf(w, "=== page %d: %s ===\n", p.Number, p.Name)
		} else {
			fmt.Fprintf(w, "=== page %d ===\n", p.Number)
		}
		for _, it := range p.Items {
			if it.Table != nil {
				for _, row := range it.Table.Rows {
					cells := make([]string, len(row))
					var first string
					for i := range row {
						cells[i] = strings.ReplaceAll(row[i].Text(), "\n", " ")
						if first == "" && len(row[i].Lines) > 0 {
							l := row[i].Lines[0].Loc
							first = fmt.Sprintf("%d:%d\t", l.Page, l.Line)
						}
					}
					if withLoc {
						if first == "" {
							first = "\t"
						}
						fmt.Fprint(w, first)
					}
					fmt.Fprintf(w, "|%s|\n", strings.Join(cells, "|"))
				}
				continue
			}
			l := it.Line
			if withLoc {
				loc := l.Parts[0].Loc
				fmt.Fprintf(w, "%d:%d\t", loc.Page, loc.Line)
			}
			if view {
				fmt.Fprintln(w, l.Text)
			} else {
				fmt.Fprintln(w, l.Orig)
			}
		}
	}
}
