package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/budgetdoc/budgetdoc/corpus"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/extract/read"
	"github.com/budgetdoc/budgetdoc/lexicon"
)

func init() {
	register(command{"lexicon", "harvest (科目编码, 科目名称) pairs from documents' tables into a lexicon file", runLexicon})
}

func runLexicon(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("lexicon", "budgetdoc lexicon [-o FILE] PATH...", `  budgetdoc lexicon -o lexicon/data/lexicon.tsv ../shared/corpus/real ../shared/corpus/govwide
  budgetdoc lexicon crawl/ > big.tsv       # a larger crawl: directories, globs, or - for paths on stdin
  budgetdoc lexicon --show 2040601         # the embedded entry of one code: canonical name, years, variants
`, stderr)
	out := fs.String("o", "", "write the lexicon to `FILE` instead of stdout")
	show := fs.String("show", "", "print the embedded lexicon's entry of `CODE` and exit")
	timeout := fs.Duration("timeout", read.DefaultTimeout, "give up on a document after this `duration`")
	if ok, code := parseFlags(fs, args); !ok {
		return code
	}
	if *show != "" {
		return showLexiconEntry(*show, stdout, stderr)
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "budgetdoc lexicon: no input")
		fs.Usage()
		return exitInput
	}
	paths, err := corpus.Expand(fs.Args(), os.Stdin, *out)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc lexicon: %v\n", err)
		return exitInput
	}
	h := lexicon.NewHarvester()
	failed := 0
	for _, path := range paths {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "budgetdoc lexicon: interrupted")
			return exitInput
		}
		res, err := pipeline.File(ctx, path, pipeline.Options{Read: read.Options{Timeout: timeoutOption(*timeout)}})
		if err != nil {
			fmt.Fprintf(stderr, "budgetdoc lexicon: skipped: %v\n", err)
			failed++
			continue
		}
		id := res.Out.Source.SHA256
		for _, t := range res.Tables {
			lexicon.HarvestTable(h, id, res.Out.Meta.FiscalYear, t)
		}
	}
	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintf(stderr, "budgetdoc lexicon: %v\n", err)
			return exitInput
		}
		defer f.Close()
		w = f
	}
	lex := h.Lexicon()
	note := fmt.Sprintf("built by `budgetdoc lexicon` from %d input files (%d unreadable)", len(paths), failed)
	if err := lex.Write(w, note); err != nil {
		fmt.Fprintf(stderr, "budgetdoc lexicon: writing: %v\n", err)
		return exitInput
	}
	if failed > 0 {
		return exitFindings
	}
	return exitOK
}

func showLexiconEntry(code string, stdout, stderr io.Writer) int {
	lex, err := lexicon.Default()
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc lexicon: %v\n", err)
		return exitInput
	}
	e, ok := lex.Entry(code)
	if !ok {
		fmt.Fprintf(stderr, "budgetdoc lexicon: code %q is not in the embedded lexicon\n", code)
		return exitFindings
	}
	fmt.Fprintf(stdout, "%s %s (%s, level %d, parent %q)\n", e.Code, e.Canonical(), e.Kind, lexicon.Level(e.Code), lexicon.Parent(e.Code))
	for _, n := range e.Names {
		fmt.Fprintf(stdout, "  %s  years %v  documents %d  trusted %v\n", n.Text, n.Years, n.Docs, e.Trusted(n.Text))
	}
	return exitOK
}
