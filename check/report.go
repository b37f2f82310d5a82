package check

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/budgetdoc/budgetdoc/schema"
)

// DocResult is the outcome of checking one document, for the writers.
type DocResult struct {
	Path     string
	Findings []schema.Finding
	Out      *schema.Document // the full contract document, for JSON
}

// Summary counts findings by severity and by rule.
type Summary struct {
	BySeverity map[string]int
	ByRule     map[string]int
}

// Summarize counts the findings of all documents.
func Summarize(docs []DocResult) Summary {
	s := Summary{BySeverity: map[string]int{}, ByRule: map[string]int{}}
	for _, d := range docs {
		for _, f := range d.Findings {
			s.BySeverity[f.Severity]++
			s.ByRule[f.Rule]++
		}
	}
	return s
}

// ANSI colours for the text report on a terminal.
const (
	colRed    = "\x1b[31;1m"
	colYellow = "\x1b[33;1m"
	colCyan   = "\x1b[36m"
	colDim    = "\x1b[2m"
	colReset  = "\x1b[0m"
)

// WriteText writes the compiler-style report: per document, one
// `path:page:line: severity rule-id: message` line per finding followed by
// the evidence, then a summary by severity and rule. Findings of one rule
// on one document with the same message and evidence are one defect
// repeated (a template line copied to every row): they are written once,
// at their first place, with a line listing the other places; the summary
// still counts every place, as JSON and SARIF keep one result per place.
// colour adds ANSI colours (for a terminal only).
func WriteText(w io.Writer, docs []DocResult, colour bool) error {
	paint := func(c, s string) string {
		if !colour {
			return s
		}
		return c + s + colReset
	}
	sevCol := map[string]string{"error": colRed, "warning": colYellow, "info": colCyan}
	var b strings.Builder
	for _, d := range docs {
		for _, g := range groupFindings(d.Findings) {
			f := g[0]
			fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s\n", d.Path, f.Loc.Page, f.Loc.Line,
				paint(sevCol[f.Severity], f.Severity), f.Rule, f.Message)
			fmt.Fprintf(&b, "    %s\n", paint(colDim, f.Evidence))
			if len(g) > 1 {
				places := make([]string, len(g)-1)
				for i, o := range g[1:] {
					places[i] = fmt.Sprintf("%d:%d", o.Loc.Page, o.Loc.Line)
				}
				fmt.Fprintf(&b, "    %s\n", paint(colDim, fmt.Sprintf("the same at %d more place(s): %s", len(places), strings.Join(places, ", "))))
			}
		}
		if len(d.Findings) > 0 {
			b.WriteByte('\n')
		}
	}
	s := Summarize(docs)
	total := 0
	for _, n := range s.BySeverity {
		total += n
	}
	fmt.Fprintf(&b, "%d document(s), %d finding(s): %d error, %d warning, %d info\n", len(docs), total,
		s.BySeverity["error"], s.BySeverity["warning"], s.BySeverity["info"])
	rules := make([]string, 0, len(s.ByRule))
	for r := range s.ByRule {
		rules = append(rules, r)
	}
	slices.Sort(rules)
	for _, r := range rules {
		fmt.Fprintf(&b, "  %-22s %d\n", r, s.ByRule[r])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the contract documents with their findings: one
// indented document for a single input, JSON lines for several.
func WriteJSON(w io.Writer, docs []DocResult) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if len(docs) == 1 {
		enc.SetIndent("", "  ")
	}
	for _, d := range docs {
		if err := enc.Encode(d.Out); err != nil {
			return err
		}
	}
	return nil
}

// groupFindings groups identical findings (rule, severity, message and
// evidence) in the order of their first place.
func groupFindings(fs []schema.Finding) [][]schema.Finding {
	type key struct{ rule, sev, msg, ev string }
	at := map[key]int{}
	var out [][]schema.Finding
	for _, f := range fs {
		k := key{f.Rule, f.Severity, f.Message, f.Evidence}
		if i, ok := at[k]; ok {
			out[i] = append(out[i], f)
			continue
		}
		at[k] = len(out)
		out = append(out, []schema.Finding{f})
	}
	return out
}
