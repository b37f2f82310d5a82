package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/budgetdoc/budgetdoc/check"
	"github.com/budgetdoc/budgetdoc/corpus"
	"github.com/budgetdoc/budgetdoc/extract/pdf"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/extract/read"
)

// batchPost is run on every document read by batch mode before it is
// stored: the draft checks' findings (and the warnings of a rule that
// failed) go into the document, so that findings.csv and the findings table
// hold them. An error fails the document (cause "post"); a panic is
// recovered.
var batchPost = func(ctx context.Context, r *pipeline.Result) error {
	c, err := check.Run(ctx, r, check.Options{})
	if err != nil {
		return err
	}
	r.Out.Findings = c.Findings
	r.Out.Warnings = append(r.Out.Warnings, c.Warnings...)
	return nil
}

func init() {
	register(command{"batch", "process many documents into a directory of JSONL/CSV files or an SQLite database", runBatch})
}

// batchGCPercent is the batch's garbage-collection target (GOGC) unless the
// environment sets one. Measured with make bench-corpus (2026-12-03, two
// runs each): 200 peaked at 297–310 MB, over the 300 MB target; 150 at
// 277–278 MB in the same time (corpus ×10 distinct 14.2–14.7 s either way);
// 100 at 250–253 MB, about 2% slower.
const batchGCPercent = 150

func runBatch(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("batch", "budgetdoc batch --out DIR|FILE.sqlite [--workers N] [--resume] PATH...", `  budgetdoc batch --out out/ crawl/                 # every file below crawl/ into out/*.jsonl, out/*.csv
  budgetdoc batch --out budgets.sqlite 'crawl/**.pdf' reports/*.docx
  find crawl -name '*.pdf' | budgetdoc batch --out budgets.sqlite -
  budgetdoc batch --out budgets.sqlite --resume crawl/   # after an interruption: only what is missing
  budgetdoc batch --out out/ --parquet crawl/       # also out/parquet/*.parquet; out/datapackage.json describes all
`, stderr)
	out := fs.String("out", "", "write to `DIR` (documents.jsonl + CSV tables) or to an SQLite database (FILE.sqlite / .db)")
	workers := fs.Int("workers", runtime.NumCPU(), "documents processed in parallel")
	resume := fs.Bool("resume", false, "continue an earlier run into the same output, skipping the documents it holds")
	timeout := fs.Duration("timeout", read.DefaultTimeout, "give up reading a document after this `duration`, and on all its stages after twice that (0: no limit)")
	maxMem := fs.String("max-memory", "2GiB", "memory guard: `SIZE` of process memory above which the largest document in flight is abandoned (0: off)")
	progress := fs.String("progress", "auto", "`MODE`: bar (terminal progress bar), log (a line every --log-every), none, or auto")
	logEvery := fs.Duration("log-every", 10*time.Second, "interval of the progress lines in log mode")
	withParquet := fs.Bool("parquet", false, "with --out DIR: also write the tables as Parquet files into DIR/parquet/")
	if ok, code := parseFlags(fs, args); !ok {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "budgetdoc batch: "+format+"\n", a...)
		return exitInput
	}
	if *out == "" {
		fs.Usage()
		return usageErr("--out is required")
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageErr("no inputs")
	}
	if *withParquet && isDatabase(*out) {
		return usageErr("--parquet needs --out DIR, not a database")
	}
	memLimit, err := parseSize(*maxMem)
	if err != nil {
		return usageErr("--max-memory: %v", err)
	}
	if *workers < 1 {
		return usageErr("--workers must be at least 1")
	}
	mode := *progress
	if mode == "auto" {
		mode = "log"
		if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			mode = "bar"
		}
	}
	if mode != "bar" && mode != "log" && mode != "none" {
		return usageErr("--progress must be auto, bar, log or none")
	}

	paths, err := corpus.Expand(fs.Args(), os.Stdin, *out, *out+"-wal", *out+"-shm")
	if err != nil {
		return usageErr("%v", err)
	}
	var sink corpus.Sink
	if isDatabase(*out) {
		sink, err = corpus.OpenSQLite(*out, *resume)
	} else {
		sink, err = corpus.OpenDir(*out, *resume)
	}
	if err != nil {
		return usageErr("%v", err)
	}

	// One PDFium instance per worker, sized before the first read.
	pdf.SetWorkers(*workers)
	if memLimit > 0 {
		// Make the Go heap yield before the guard has to abandon documents.
		debug.SetMemoryLimit(memLimit / 10 * 7)
	}
	if os.Getenv("GOGC") == "" {
		// A batch keeps little between documents, and collecting less often
		// than the default is worth some memory (see batchGCPercent); the
		// memory limit above still bounds the heap.
		debug.SetGCPercent(batchGCPercent)
	}

	// The first SIGINT (ctx) stops new documents and lets those in flight
	// finish; a second one abandons them too.
	abort, abortNow := context.WithCancel(context.Background())
	defer abortNow()
	go func() {
		select {
		case <-ctx.Done():
		case <-abort.Done():
			return
		}
		fmt.Fprintln(stderr, "\nbudgetdoc batch: interrupted: finishing the documents in flight (interrupt again to abandon them)")
		again := make(chan os.Signal, 1)
		signal.Notify(again, os.Interrupt)
		defer signal.Stop(again)
		select {
		case <-again:
			abortNow()
		case <-abort.Done():
		}
	}()

	rep := newReporter(mode, stderr, *logEvery)
	go check.WarmUp() // the term rules' dictionaries load while the first documents are read
	sum, err := corpus.Run(ctx, corpus.Config{
		Paths:       paths,
		Workers:     *workers,
		Sink:        sink,
		Pipeline:    pipeline.Options{Read: read.Options{Timeout: timeoutOption(*timeout)}},
		Post:        batchPost,
		MemoryLimit: memLimit,
		Timeout:     timeoutOption(*timeout) * 2, // reading gets --timeout, all stages twice that
		Abort:       abort,
		Progress:    rep.update,
	})
	rep.finish()
	if cerr := sink.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc batch: writing %s: %v\n", *out, err)
		return exitInput
	}
	if !isDatabase(*out) {
		if err := writeWarehouse(*out, *withParquet, stderr); err != nil {
			fmt.Fprintf(stderr, "budgetdoc batch: %s: %v\n", *out, err)
			return exitInput
		}
	}
	printSummary(stderr, sum, *out)
	// The exit code describes the whole output, failures of earlier runs
	// that this one resumed included.
	if sum.Failed > 0 || sum.SkippedFailed > 0 || sum.Interrupted {
		return exitFindings
	}
	return exitOK
}

func isDatabase(out string) bool {
	switch strings.ToLower(filepath.Ext(out)) {
	case ".sqlite", ".sqlite3", ".db":
		return true
	}
	return false
}

// parseSize reads sizes like 2GiB, 1500MB, 800M or a number of bytes.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("bad size %q (e.g. 2GiB, 800MB)", s)
	}
	return int64(v * float64(mult)), nil
}

// reporter shows progress as a terminal bar or as periodic log lines.
type reporter struct {
	mode  string
	w     io.Writer
	every time.Duration
	bar   *progressbar.ProgressBar
	last  time.Time
	p     corpus.Progress
}

func newReporter(mode string, w io.Writer, every time.Duration) *reporter {
	return &reporter{mode: mode, w: w, every: every, last: time.Now()}
}

func (r *reporter) update(p corpus.Progress) {
	r.p = p
	switch r.mode {
	case "bar":
		if r.bar == nil {
			r.bar = progressbar.NewOptions(p.Total,
				progressbar.OptionSetWriter(r.w),
				progressbar.OptionSetDescription("documents"),
				progressbar.OptionShowCount(),
				progressbar.OptionShowIts(),
				progressbar.OptionSetItsString("docs"),
				progressbar.OptionSetPredictTime(true),
				progressbar.OptionSetElapsedTime(true),
				progressbar.OptionThrottle(200*time.Millisecond),
				progressbar.OptionShowDescriptionAtLineEnd(),
			)
		}
		if p.Failed > 0 {
			r.bar.Describe(fmt.Sprintf("%d failed", p.Failed))
		}
		r.bar.Set(p.Done)
	case "log":
		if p.Done == 0 {
			fmt.Fprintf(r.w, "batch: %d documents to process (%d already done)\n", p.Total, p.Skipped)
			return
		}
		if time.Since(r.last) >= r.every {
			r.last = time.Now()
			r.logLine()
		}
	}
}

func (r *reporter) logLine() {
	p := r.p
	rate := float64(p.Done) / p.Elapsed.Seconds()
	eta := "?"
	if rate > 0 {
		eta = (time.Duration(float64(p.Total-p.Done)/rate) * time.Second).Round(time.Second).String()
	}
	fmt.Fprintf(r.w, "batch: %d/%d documents, %d failed, %.1f docs/s, ETA %s\n", p.Done, p.Total, p.Failed, rate, eta)
}

func (r *reporter) finish() {
	if r.bar != nil {
		r.bar.Finish()
		fmt.Fprintln(r.w)
	}
}

func printSummary(w io.Writer, s *corpus.Summary, out string) {
	secs := s.Elapsed.Seconds()
	fmt.Fprintf(w, "batch: %d input paths, %d unique documents (%d duplicate paths), %d already done\n",
		s.Inputs, s.Total+s.Skipped, s.Duplicates, s.Skipped)
	if n := sumCounts(s.Retried); n > 0 {
		fmt.Fprintf(w, "batch: retried %d documents that had failed in an earlier run for a cause that may pass (%s)\n",
			n, countList(s.Retried))
	}
	fmt.Fprintf(w, "batch: %d ok, %d failed", s.OK, s.Failed)
	if s.Failed > 0 {
		var parts []string
		for _, c := range sortedKeys(s.Causes) {
			parts = append(parts, fmt.Sprintf("%s %d", c, s.Causes[c]))
		}
		fmt.Fprintf(w, " (%s)", strings.Join(parts, ", "))
	}
	fmt.Fprintln(w)
	if s.SkippedFailed > 0 {
		var parts []string
		for _, c := range sortedKeys(s.EarlierCauses) {
			parts = append(parts, fmt.Sprintf("%s %d", c, s.EarlierCauses[c]))
		}
		fmt.Fprintf(w, "batch: %d documents had failed in an earlier run (%s); remove their rows from errors to retry them\n",
			s.SkippedFailed, strings.Join(parts, ", "))
	}
	if secs > 0 {
		fmt.Fprintf(w, "batch: %d pages, %.1f MB in %.1f s: %.2f docs/s, %.1f pages/s\n",
			s.Pages, float64(s.Bytes)/1e6, secs, float64(s.Done)/secs, float64(s.Pages)/secs)
	}
	if len(s.Findings) > 0 {
		fmt.Fprintln(w, "batch: most frequent findings:")
		for i, f := range s.Findings {
			if i == 10 {
				break
			}
			fmt.Fprintf(w, "  %6d  %s\n", f.Count, f.Rule)
		}
	}
	if s.Interrupted {
		fmt.Fprintf(w, "batch: interrupted with %d documents not processed; run again with --resume to finish %s\n",
			s.Total-s.Done, out)
	}
}

func sumCounts(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// countList renders counts by cause, most frequent first: "memory 2, timeout 1".
func countList(m map[string]int) string {
	var parts []string
	for _, c := range sortedKeys(m) {
		parts = append(parts, fmt.Sprintf("%s %d", c, m[c]))
	}
	return strings.Join(parts, ", ")
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Most frequent cause first.
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && (m[keys[j]] > m[keys[j-1]] || m[keys[j]] == m[keys[j-1]] && keys[j] < keys[j-1]); j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
