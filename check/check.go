// Package check runs draft-quality rules over a processed budget disclosure
// and reports findings a finance clerk can act on before publication.
//
// It follows the shape of golang.org/x/tools/go/analysis: each Rule is a
// value with a stable ID, its documentation (a one-line doc, why it
// matters, an example, the version that introduced it), a severity and a
// Run function. All (rules.go) is the catalogue, one explicit list; RULES.md
// is generated from it (go generate) and `budgetdoc check --rules` prints
// it. Run receives a Pass that gives the rule the pipeline result (the
// document as read, the normalized text, the outline, the metadata, the
// facts with the places of their mentions and the understood tables), the
// views the rules share (lines, prose, quantities per line), and a Report
// method.
//
// Rules live one family per file: leftover.go, garbled.go, structure.go,
// profile.go, arithmetic.go, wording.go and tables.go. They read the
// document model, not file formats; two of them use what only some formats
// carry: template-leftover reads the Word field spans that the DOCX and DOC
// readers keep, and blank-page judges only formats whose pages are pages
// (PDF, DOCX, DOC, page-text JSON).
package check

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/nlp/quantity"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Severity is how urgent a finding is; the values appear in the contract.
type Severity string

// The severities of the contract.
const (
	Error   Severity = "error"   // must fix before release
	Warning Severity = "warning" // probably wrong
	Info    Severity = "info"    // style or rounding-level
)

// Rank orders severities: info 1, warning 2, error 3 (0 for unknown).
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	v := Severity(strings.ToLower(strings.TrimSpace(s)))
	if v.Rank() == 0 {
		return "", fmt.Errorf("unknown severity %q (want error, warning or info)", s)
	}
	return v, nil
}

// Rule is one check. Its documentation lives in the value: the catalogue
// (All), `budgetdoc check --rules`, the generated RULES.md and the SARIF
// rule descriptions all come from these fields.
type Rule struct {
	ID       string // stable kebab-case name; findings carry it
	Doc      string // one line: what the rule catches
	Severity Severity
	// Why says why a finding matters to a reviewer and how the rule keeps
	// false alarms down.
	Why string
	// Example is a passage the rule reports, as documents write it.
	Example string
	// Since is the budgetdoc version that introduced the rule.
	Since string
	Run   func(*Pass)
}

// Pass is one rule's view of one document.
type Pass struct {
	Rule    *Rule
	Result  *pipeline.Result
	Meta    schema.Meta
	Profile *Profile // nil when no profile applies
	found   *[]schema.Finding
	views   *views // shared by the rules of one Run
}

// Report records a finding. Rule and Severity default to the rule's own;
// a rule with two severities (rounding-level vs real) sets Severity.
func (p *Pass) Report(f schema.Finding) {
	if f.Rule == "" {
		f.Rule = p.Rule.ID
	}
	if f.Severity == "" {
		f.Severity = string(p.Rule.Severity)
	}
	*p.found = append(*p.found, f)
}

// ReportSpan reports a finding on view bytes [i, j) of l: the location is
// that of the physical line holding byte i, the evidence the text as
// written.
func (p *Pass) ReportSpan(l *normalize.Line, i, j int, msg string, facts ...string) {
	p.ReportSpanSeverity(l, i, j, "", msg, facts...)
}

// ReportSpanSeverity is ReportSpan with an explicit severity ("" for the
// rule's own).
func (p *Pass) ReportSpanSeverity(l *normalize.Line, i, j int, sev Severity, msg string, facts ...string) {
	i = max(0, min(i, len(l.Text)))
	j = max(i, min(j, len(l.Text)))
	a, b := clause(l.Text, i, j)
	ev := strings.TrimSpace(l.OrigSpan(a, b))
	if ev == "" {
		ev = strings.TrimSpace(l.Orig)
	}
	p.Report(schema.Finding{
		Severity: string(sev),
		Message:  msg,
		Evidence: ev,
		Loc:      l.Loc(l.OrigOffset(i)),
		Facts:    facts,
	})
}

// ReportOrig reports a finding on original bytes [a, b) of l.Orig.
func (p *Pass) ReportOrig(l *normalize.Line, a, b int, msg string) {
	a = max(0, min(a, len(l.Orig)))
	b = max(a, min(b, len(l.Orig)))
	ev := strings.TrimSpace(l.Orig[a:b])
	if ev == "" {
		ev = strings.TrimSpace(l.Orig)
	}
	p.Report(schema.Finding{Message: msg, Evidence: ev, Loc: l.Loc(a)})
}

// TextLine is a logical line of running text with its place in the
// normalized document.
type TextLine struct {
	Page, Item int // indexes into normalize.Text.Pages and Page.Items
	Kind       extract.BlockKind
	*normalize.Line
}

// Lines returns every paragraph and heading line in document order. The
// slice is shared by the rules: they must not change it.
func (p *Pass) Lines() []TextLine { return p.views.lines }

// Prose returns the lines of running prose: paragraphs that are neither
// table rows laid out as text nor table-of-contents entries, with a line
// broken before its amount joined to the next. The slice is shared by the
// rules: they must not change it.
func (p *Pass) Prose() []TextLine { return p.views.prose }

// quantities returns the quantities of l's view (scanned once per document).
func (p *Pass) quantities(l *normalize.Line) []quantity.Quantity { return p.views.quantitiesOf(l) }

// inTOC reports whether l is a table-of-contents entry.
func (p *Pass) inTOC(l TextLine) bool { return p.views.toc[[2]int{l.Page, l.Item}] }

// Options configure Run.
type Options struct {
	// Rules to run; nil means All.
	Rules []*Rule
	// Profile forces a missing-section profile by name ("none" disables
	// it); empty means detect it from the metadata.
	Profile string
}

// Outcome is what Run found in one document.
type Outcome struct {
	Findings []schema.Finding // in document order
	// Warnings name the rules that failed on this document with an
	// internal error (a bug of ours, never the document's), one line each;
	// the other rules ran.
	Warnings []string
}

// Run applies the rules to res and returns the findings in document order
// (page, line, then rule order); it changes nothing in res — the caller
// decides where the findings go (the CLI and batch mode put them in
// res.Out.Findings). A rule that panics on an unexpected document is
// reported in the outcome's warnings instead of stopping the other rules.
// Run stops with ctx's error when ctx is done.
func Run(ctx context.Context, res *pipeline.Result, opt Options) (Outcome, error) {
	rules := opt.Rules
	if rules == nil {
		rules = All
	}
	prof, err := SelectProfile(opt.Profile, res)
	if err != nil {
		return Outcome{}, err
	}
	views, err := newViews(ctx, res)
	if err != nil {
		return Outcome{}, err
	}
	var out Outcome
	order := map[string]int{}
	for i, r := range rules {
		if ctx.Err() != nil {
			return Outcome{}, ctx.Err()
		}
		order[r.ID] = i
		pass := &Pass{Rule: r, Result: res, Meta: res.Out.Meta, Profile: prof, found: &out.Findings, views: views}
		if msg := runRule(pass); msg != "" {
			out.Warnings = append(out.Warnings, msg)
		}
	}
	out.Findings = dedupe(out.Findings)
	slices.SortStableFunc(out.Findings, func(a, b schema.Finding) int {
		return cmp.Or(cmp.Compare(a.Loc.Page, b.Loc.Page), cmp.Compare(a.Loc.Line, b.Loc.Line),
			cmp.Compare(order[a.Rule], order[b.Rule]))
	})
	return out, nil
}

// runRule runs one rule and returns the description of its panic, if any.
func runRule(p *Pass) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprintf("check %s: internal error: %v", p.Rule.ID, r)
		}
	}()
	p.Rule.Run(p)
	return ""
}

// dedupe drops findings that repeat one already made by the same rule at
// the same place with the same evidence: one defect, one finding.
func dedupe(fs []schema.Finding) []schema.Finding {
	type key struct {
		rule, ev   string
		page, line int
	}
	seen := map[key]bool{}
	out := fs[:0]
	for _, f := range fs {
		k := key{f.Rule, f.Evidence, f.Loc.Page, f.Loc.Line}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// clause widens view bytes [i, j) of s to the clause around them — up to
// the nearest sentence or clause punctuation, at most maxContext runes on
// each side — so that the evidence reads as a phrase, not a bare number.
func clause(s string, i, j int) (int, int) {
	const maxContext = 30
	stop := func(r rune) bool { return strings.ContainsRune("。；，！？;,!?\n", r) }
	a := i
	for n := 0; a > 0 && n < maxContext; n++ {
		r, w := utf8.DecodeLastRuneInString(s[:a])
		if stop(r) {
			break
		}
		a -= w
	}
	b := j
	for n := 0; b < len(s) && n < maxContext; n++ {
		r, w := utf8.DecodeRuneInString(s[b:])
		if stop(r) {
			break
		}
		b += w
	}
	return a, b
}

// before returns the last n bytes of s[:i] (fewer at the start of s, never
// splitting a rune): the window in which an expression anchored at the end
// (`…$`) can match. Matching it on all of s[:i] for every amount of a line
// costs time quadratic in the line's length.
func before(s string, i, n int) string {
	i = min(max(i, 0), len(s))
	a := max(0, i-n)
	for a > 0 && a < i && !utf8.RuneStart(s[a]) {
		a++
	}
	return s[a:i]
}

// clip shortens s to at most n runes around nothing in particular: it keeps
// the start, which is where evidence begins.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
