package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/budgetdoc/budgetdoc/check"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/extract/read"
)

func init() {
	register(command{"check", "check drafts before release and report problems (text, JSON or SARIF)", runCheck})
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "budgetdoc check [--format text|json|sarif] [--fail-on error|warning|info] [--profile NAME] FILE...", `  budgetdoc check draft.pdf                      # compiler-style report with a summary
  budgetdoc check --fail-on warning drafts/*.docx # exit 1 when any warning or error is found
  budgetdoc check --format sarif -o out.sarif a.pdf
  budgetdoc check --profile shanghai-district-budget draft.pdf
  budgetdoc check --rules                        # the rule catalogue: ID, severity, what it catches
`, stderr)
	format := fs.String("format", "text", "output `format`: text, json or sarif")
	failOn := fs.String("fail-on", "error", "exit 1 when a finding of this `severity` or worse is found: error, warning, info")
	profile := fs.String("profile", "", "force the missing-section `profile` (shanghai-district-budget, shanghai-district-final, dept-budget, unit-budget, dept-final, none)")
	outPath := fs.String("o", "", "write to `FILE` instead of stdout")
	timeout := fs.Duration("timeout", read.DefaultTimeout, "give up on a document after this `duration`")
	listRules := fs.Bool("rules", false, "list the rules (ID, severity, what each catches) and exit")
	if ok, code := parseFlags(fs, args); !ok {
		return code
	}
	if *listRules {
		for _, r := range check.All {
			fmt.Fprintf(stdout, "%-24s %-8s %s\n", r.ID, r.Severity, r.Doc)
		}
		return exitOK
	}
	threshold, err := check.ParseSeverity(*failOn)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc check: --fail-on: %v\n", err)
		return exitInput
	}
	switch *format {
	case "text", "json", "sarif":
	default:
		fmt.Fprintf(stderr, "budgetdoc check: unknown --format %q (want text, json or sarif)\n", *format)
		return exitInput
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "budgetdoc check: no input files")
		fs.Usage()
		return exitInput
	}
	var w io.Writer = stdout
	colour := *format == "text" && isTerminal(stdout)
	if *outPath != "" {
		f, err := os.Create(*outPath)
		if err != nil {
			fmt.Fprintf(stderr, "budgetdoc check: %v\n", err)
			return exitInput
		}
		defer f.Close()
		w, colour = f, false
	}
	code := exitOK
	var docs []check.DocResult
	opt := pipeline.Options{Read: read.Options{Timeout: timeoutOption(*timeout)}}
	for _, path := range fs.Args() {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "budgetdoc check: interrupted")
			return exitInput
		}
		dctx, cancel := documentContext(ctx, *timeout)
		res, err := pipeline.File(dctx, path, opt)
		cancel()
		if err != nil {
			fmt.Fprintln(stderr, err)
			code = exitInput
			continue
		}
		found, err := check.Run(res, check.Options{Profile: *profile})
		if err != nil {
			fmt.Fprintf(stderr, "budgetdoc check: %v\n", err)
			return exitInput
		}
		docs = append(docs, check.DocResult{Path: path, Findings: found, Out: res.Out})
		for _, f := range found {
			if check.Severity(f.Severity).Rank() >= threshold.Rank() && code == exitOK {
				code = exitFindings
			}
		}
	}
	bw := bufio.NewWriter(w)
	switch *format {
	case "json":
		err = check.WriteJSON(bw, docs)
	case "sarif":
		err = check.WriteSARIF(bw, docs)
	default:
		err = check.WriteText(bw, docs, colour)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc check: writing output: %v\n", err)
		return exitInput
	}
	return code
}

// isTerminal reports whether w is a character device (a terminal), so that
// colour never leaks into files and pipes.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}
