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
  budgetdoc check --rules sum-mismatch           # a rule's documentation: what, why, an example, since
  budgetdoc check --annotate draft.checked.pdf draft.pdf    # a copy with a note at each finding
  budgetdoc check --annotate draft.checked.docx draft.docx  # a copy with a Word comment per finding
`, stderr)
	format := fs.String("format", "text", "output `format`: text, json or sarif")
	failOn := fs.String("fail-on", "error", "exit 1 when a finding of this `severity` or worse is found: error, warning, info")
	profile := fs.String("profile", "", "force the missing-section `profile` (shanghai-district-budget, shanghai-district-final, dept-budget, unit-budget, dept-final, none)")
	outPath := fs.String("o", "", "write to `FILE` instead of stdout")
	timeout := fs.Duration("timeout", read.DefaultTimeout, "give up on a document after this `duration`")
	annotateOut := fs.String("annotate", "", "also write a copy of each PDF/DOCX with the findings as annotations or Word comments: `OUT` is the file (one input) or a directory (several)")
	listRules := fs.Bool("rules", false, "list the rules (ID, severity, what each catches), or document the rules named as arguments, and exit")
	if ok, code := parseFlags(fs, args); !ok {
		return code
	}
	if *listRules {
		return runRules(fs.Args(), stdout, stderr)
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
	go check.WarmUp() // the term rules' dictionaries load while the first document is read
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
			printError(stderr, err)
			code = exitInput
			continue
		}
		c, err := check.Run(ctx, res, check.Options{Profile: *profile})
		if err != nil {
			fmt.Fprintf(stderr, "budgetdoc check: %v\n", err)
			return exitInput
		}
		res.Out.Findings = c.Findings
		res.Out.Warnings = append(res.Out.Warnings, c.Warnings...)
		docs = append(docs, check.DocResult{Path: path, Findings: c.Findings, Out: res.Out})
		if *annotateOut != "" {
			if err := writeAnnotated(ctx, *annotateOut, path, res, c.Findings, fs.NArg() > 1, stderr); err != nil {
				fmt.Fprintf(stderr, "budgetdoc check: %v\n", err)
				code = exitInput
			}
		}
		for _, f := range c.Findings {
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

// runRules prints the rule catalogue, or the documentation of the rules
// named in ids.
func runRules(ids []string, stdout, stderr io.Writer) int {
	if len(ids) == 0 {
		if err := check.WriteList(stdout, check.All); err != nil {
			fmt.Fprintf(stderr, "budgetdoc check: %v\n", err)
			return exitInput
		}
		return exitOK
	}
	for i, id := range ids {
		r := check.ByID(id)
		if r == nil {
			fmt.Fprintf(stderr, "budgetdoc check: unknown rule %q (budgetdoc check --rules lists them)\n", id)
			return exitInput
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if err := check.WriteDoc(stdout, r); err != nil {
			fmt.Fprintf(stderr, "budgetdoc check: %v\n", err)
			return exitInput
		}
	}
	return exitOK
}
