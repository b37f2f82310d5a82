package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/budgetdoc/budgetdoc/corpus/eval"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/extract/read"
	"github.com/budgetdoc/budgetdoc/schema"
)

func init() {
	register(command{"eval", "score extraction against hand-annotated gold files (precision and recall)", runEval})
}

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("eval", "budgetdoc eval [--docs DIR] [--extracted FILE.jsonl] [--headlines FILE.csv] [--empty-subjects] [--subject-defects] [-v] [GOLD.json...]", `  budgetdoc eval --docs ../shared/corpus/real testdata/gold/*.json
  budgetdoc eval -v --docs ../shared/corpus/govwide testdata/gold/govwide/*.json
  budgetdoc extract --jsonl -o out.jsonl DOC...; budgetdoc eval --extracted out.jsonl GOLD.json...
  budgetdoc eval --docs ../shared/corpus/govwide --headlines ../shared/corpus/govwide/HEADLINES.csv --empty-subjects
  budgetdoc eval --extracted out.jsonl --subject-defects -v
`, stderr)
	docs := fs.String("docs", ".", "directory holding the documents named in the gold files")
	extracted := fs.String("extracted", "", "score the documents in this JSONL file (output of budgetdoc extract --jsonl, matched by file name) instead of extracting them")
	headlines := fs.String("headlines", "", "also check the headline figures of this CSV (file,city,year,figure,value_yi_yuan) against the documents' money facts")
	empty := fs.Bool("empty-subjects", false, "also count the money facts of prose without a subject in every document (of --extracted, or every file in --docs)")
	defects := fs.Bool("subject-defects", false, "also count the money facts of prose whose subject is plainly defective (empty, one character, a bare word or verb, unbalanced quotes or brackets, spaced out), by defect, in every document")
	verbose := fs.Bool("v", false, "also list missed gold items, spurious predictions and metadata differences")
	if ok, code := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 && *headlines == "" && !*empty && !*defects {
		fmt.Fprintln(stderr, "budgetdoc eval: no gold files")
		fs.Usage()
		return exitInput
	}
	src := &docSource{dir: *docs, cache: map[string]*schema.Document{}}
	if *extracted != "" {
		if err := src.loadJSONL(*extracted); err != nil {
			fmt.Fprintf(stderr, "budgetdoc eval: %v\n", err)
			return exitInput
		}
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
		doc, err := src.get(ctx, g.Document)
		if err != nil {
			fmt.Fprintln(stderr, err)
			code = exitInput
			continue
		}
		reports = append(reports, eval.Evaluate(g, doc))
	}
	if len(reports) > 0 {
		if err := eval.WriteTable(stdout, reports); err != nil {
			fmt.Fprintf(stderr, "budgetdoc eval: %v\n", err)
			return exitInput
		}
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
	if *headlines != "" {
		if c := runHeadlines(ctx, *headlines, src, *verbose, stdout, stderr); c != exitOK {
			code = c
		}
	}
	if *empty {
		if c := runEmptySubjects(ctx, src, *verbose, stdout, stderr); c != exitOK {
			code = c
		}
	}
	if *defects {
		if c := runSubjectDefects(ctx, src, *verbose, stdout, stderr); c != exitOK {
			code = c
		}
	}
	return code
}

// eachDocument calls fn with every document the source holds, reporting
// the ones that cannot be read; it returns how many there are and the exit
// code.
func eachDocument(ctx context.Context, src *docSource, stderr io.Writer, fn func(name string, doc *schema.Document)) (int, int) {
	names, err := src.all()
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc eval: %v\n", err)
		return 0, exitInput
	}
	code := exitOK
	for _, name := range names {
		doc, err := src.get(ctx, name)
		if err != nil {
			fmt.Fprintln(stderr, err)
			code = exitInput
			continue
		}
		fn(name, doc)
	}
	return len(names), code
}

// runSubjectDefects counts the money facts of prose whose subject has one
// of eval.SubjectDefects, by defect, over every document the source holds.
func runSubjectDefects(ctx context.Context, src *docSource, verbose bool, stdout, stderr io.Writer) int {
	prose, total := 0, 0
	by := map[string]int{}
	docs, code := eachDocument(ctx, src, stderr, func(name string, doc *schema.Document) {
		prose += eval.ProseMoneyFacts(doc)
		for _, d := range eval.DefectiveSubjects(doc) {
			by[d.Defect]++
			total++
			if verbose {
				fmt.Fprintf(stdout, "%s:%d:%d\t%s\t%s\t%q\n", name, d.Fact.Loc.Page, d.Fact.Loc.Line, d.Defect, d.Fact.Text, d.Fact.Subject)
			}
		}
	})
	if code != exitOK && docs == 0 {
		return code
	}
	fmt.Fprintf(stdout, "subject defects: %d of %d money facts of prose, in %d documents", total, prose, docs)
	for _, d := range eval.SubjectDefects {
		if by[d] > 0 {
			fmt.Fprintf(stdout, "; %s %d", d, by[d])
		}
	}
	fmt.Fprintln(stdout)
	return code
}

// runEmptySubjects counts the money facts of prose without a subject over
// every document the source holds.
func runEmptySubjects(ctx context.Context, src *docSource, verbose bool, stdout, stderr io.Writer) int {
	total, withEmpty := 0, 0
	docs, code := eachDocument(ctx, src, stderr, func(name string, doc *schema.Document) {
		facts := eval.EmptySubjects(doc)
		total += len(facts)
		if len(facts) > 0 {
			withEmpty++
		}
		if verbose {
			for _, f := range facts {
				fmt.Fprintf(stdout, "%s:%d:%d\tempty subject\t%s\n", name, f.Loc.Page, f.Loc.Line, f.Text)
			}
		}
	})
	if code != exitOK && docs == 0 {
		return code
	}
	fmt.Fprintf(stdout, "empty subjects: %d money facts of prose without a subject, in %d of %d documents\n", total, withEmpty, docs)
	return code
}

// runHeadlines prints, for each headline figure, whether a money fact has
// its value and whether its subject names the figure, and the counts.
func runHeadlines(ctx context.Context, path string, src *docSource, verbose bool, stdout, stderr io.Writer) int {
	hs, err := eval.LoadHeadlines(path)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc eval: %v\n", err)
		return exitInput
	}
	code := exitOK
	var value, named, scoped int
	for _, h := range hs {
		doc, err := src.get(ctx, h.File)
		if err != nil {
			fmt.Fprintln(stderr, err)
			code = exitInput
			continue
		}
		r := eval.MatchHeadline(h, doc)
		if r.Value {
			value++
		}
		if r.Named {
			named++
		}
		if r.Scoped {
			scoped++
		}
		if verbose {
			fmt.Fprintf(stdout, "%s\t%s\t%s亿元\tvalue=%t named=%t scoped=%t\tsubjects=%q\n",
				h.File, h.Figure, h.Text, r.Value, r.Named, r.Scoped, r.Subjects)
		}
	}
	fmt.Fprintf(stdout, "headlines %d: value found %d, subject names the figure %d, with a jurisdiction-wide scope word %d\n",
		len(hs), value, named, scoped)
	return code
}

// docSource gives the extracted document for a file name: from a JSONL file
// of saved extractions when one was loaded, otherwise by running the
// pipeline on dir/name (once per name).
type docSource struct {
	dir   string
	saved map[string]*schema.Document // by base name; nil = extract
	cache map[string]*schema.Document
}

func (s *docSource) loadJSONL(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	s.saved = map[string]*schema.Document{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<30)
	for n := 1; sc.Scan(); n++ {
		var d schema.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		s.saved[filepath.Base(d.Source.Path)] = &d
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// all names every document: those of the JSONL file, or the regular files
// of the directory (but its notes: *.md, *.csv), sorted.
func (s *docSource) all() ([]string, error) {
	var names []string
	if s.saved != nil {
		for name := range s.saved {
			names = append(names, name)
		}
		sort.Strings(names)
		return names, nil
	}
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") || ext == ".md" || ext == ".csv" {
			continue
		}
		names = append(names, e.Name())
	}
	return names, nil
}

func (s *docSource) get(ctx context.Context, name string) (*schema.Document, error) {
	if s.saved != nil {
		d, ok := s.saved[filepath.Base(name)]
		if !ok {
			return nil, fmt.Errorf("budgetdoc eval: %s: not in the extracted documents", name)
		}
		return d, nil
	}
	if d, ok := s.cache[name]; ok {
		return d, nil
	}
	res, err := pipeline.File(ctx, filepath.Join(s.dir, name), pipeline.Options{Read: read.Options{}})
	if err != nil {
		return nil, err
	}
	s.cache[name] = res.Out
	return res.Out, nil
}
