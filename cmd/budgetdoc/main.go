// Command budgetdoc turns published Chinese government budget disclosures
// (部门预算/决算公开, 单位预算 …) into exact, structured data and checks drafts
// before release.
//
// Usage:
//
//	budgetdoc extract [-o FILE] [--jsonl] [--timeout D] [--tables-csv DIR] FILE...
//	budgetdoc check [--format text|json|sarif] [--fail-on error|warning|info] [--profile NAME] [--rules] [--annotate OUT] FILE...
//	budgetdoc text [--view] [--lines] [--dropped] FILE...
//	budgetdoc batch --out DIR|FILE.sqlite [--workers N] [--resume] PATH...
//	budgetdoc schema
//	budgetdoc eval [--docs DIR] [-v] GOLD.json...
//	budgetdoc lexicon [-o FILE] [--show CODE] PATH...
//	budgetdoc serve [--addr HOST:PORT] [--data DIR]
//
// 'budgetdoc COMMAND -h' shows every flag of a command, with examples.
//
// Exit codes: 0 ok; 1 findings at or above --fail-on (check) or some
// documents failed (batch); 2 usage error or unreadable input.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"slices"

	"github.com/budgetdoc/budgetdoc/extract"
)

// Exit codes of the CLI contract.
const (
	exitOK       = 0
	exitFindings = 1
	exitInput    = 2
)

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

// commands lists the subcommands in the order of the usage text. Each
// command's file registers it in an init function, so that commands can be
// added without touching this file.
var commands []command

func register(c command) {
	commands = append(commands, c)
	slices.SortStableFunc(commands, func(a, b command) int { return order(a.name) - order(b.name) })
}

// order puts the everyday commands first in the usage text.
func order(name string) int {
	for i, n := range []string{"extract", "check", "text", "batch", "schema"} {
		if n == name {
			return i
		}
	}
	return 100
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	stopProfile := startProfile(os.Getenv("BUDGETDOC_CPUPROFILE"), os.Stderr)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stopProfile()
	os.Exit(code)
}

// startProfile writes a CPU profile of the whole command to path (for
// `go tool pprof`) when path is set: the way to see where a slow batch
// spends its time. The PDFium engine's compiled code shows as
// runtime._ExternalCode.
func startProfile(path string, stderr io.Writer) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc: BUDGETDOC_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitInput
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "budgetdoc: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitInput
}

func usage(w io.Writer) {
	fmt.Fprint(w, `budgetdoc turns Chinese government budget disclosures (部门预算/决算公开) into structured data.

Usage: budgetdoc COMMAND [flags] FILE...

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Formats are recognised from the bytes: PDF, DOCX, DOC (Word 97–2003 and WPS), XLSX, HTML,
plain text (UTF-8, UTF-16, GB18030/GBK) and page-text JSON ([{"page":1,"text":"…"}]).

Examples:
  budgetdoc extract samples/shanghai_putuo_zhengfuban_2025_dept_budget.pdf
  budgetdoc extract --jsonl -o out.jsonl reports/*.pdf
  budgetdoc text samples/chongqing_jiaotongwei_2018_dept_budget.jsp.html

Exit codes: 0 ok; 1 findings at or above --fail-on / failed documents; 2 usage error or unreadable input.
Run 'budgetdoc COMMAND -h' for a command's flags.
`)
}

// printError writes a document's error on one line, followed, when it is a
// bug of ours, by the stack to put in the bug report.
func printError(stderr io.Writer, err error) {
	fmt.Fprintln(stderr, err)
	if stack := extract.StackOf(err); stack != nil {
		fmt.Fprintf(stderr, "%s\n", stack)
	}
}

// newFlags makes a FlagSet whose -h output shows the command's usage line
// and examples.
func newFlags(name, usageLine, examples string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n", usageLine)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprint(stderr, "\nFlags:\n")
			fs.PrintDefaults()
		}
		fmt.Fprintf(stderr, "\nExamples:\n%s", examples)
	}
	return fs
}

// parseFlags parses args; it reports whether the command should go on and
// the exit code to use if not.
func parseFlags(fs *flag.FlagSet, args []string) (bool, int) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return false, exitOK
		}
		return false, exitInput
	}
	return true, exitOK
}
