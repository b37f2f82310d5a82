// Package check runs draft-quality rules over a processed budget disclosure
// and reports findings a finance clerk can act on before publication.
//
// It follows the shape of golang.org/x/tools/go/analysis: each Rule is a
// value with a stable ID (the IDs of ../shared/design/RULES.md), a one-line
// doc, a severity and a Run function; Run receives a Pass that gives the
// rule the pipeline result (document as read, normalized text, outline,
// metadata and, once extracted, facts) and a Report method. Rules live one
// family per file (leftover.go, garbled.go, structure.go, wording.go,
// arithmetic.go, profile.go) and must not know about file formats.
package check

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
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

// Rule is one check.
type Rule struct {
	ID       string // stable kebab-case name from RULES.md
	Doc      string // one line: what the rule catches
	Severity Severity
	Run      func(*Pass)
}

// Pass is one rule's view of one document.
type Pass struct {
	Rule    *Rule
	Result  *pipeline.Result
	Meta    schema.Meta
	Profile *Profile // nil when no profile applies
	found   *[]schema.Finding
	prose   []TextLine

	// lineAt and allLines index Lines by physical line for placeOf.
	lineAt   map[[2]int][]int
	allLines []TextLine
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

// Lines returns every paragraph and heading line in document order.
func (p *Pass) Lines() []TextLine {
	var out []TextLine
	for pi, pg := range p.Result.Text.Pages {
		for ii, it := range pg.Items {
			if it.Line != nil {
				out = append(out, TextLine{Page: pi, Item: ii, Kind: it.Kind, Line: it.Line})
			}
		}
	}
	return out
}

// Prose returns the lines of running prose: paragraphs that are neither
// table rows laid out as text nor table-of-contents entries.
func (p *Pass) Prose() []TextLine {
	if p.prose != nil {
		return p.prose
	}
	toc := p.tocItems()
	var out []TextLine
	for _, l := range p.Lines() {
		if isTableText(l.Text) || toc[[2]int{l.Page, l.Item}] {
			continue
		}
		if k := len(out) - 1; k >= 0 && brokenBeforeAmount(out[k].Text, l.Text) && l.Page-out[k].Page <= 1 {
			out[k].Line = joinLines(out[k].Line, l.Line)
			continue
		}
		out = append(out, l)
	}
	p.prose = out
	return out
}

// brokenBeforeAmount reports whether a line that ends with 为 continues
// with the amount on the next line — a layout break that normalization
// left (`…执行数为` / `241.76万元，…`).
func brokenBeforeAmount(a, b string) bool {
	a = strings.TrimSpace(a)
	b = strings.TrimSpace(b)
	return strings.HasSuffix(a, "为") && b != "" && b[0] >= '0' && b[0] <= '9'
}

// joinLines makes one logical line of a and b, keeping the provenance of
// every byte.
func joinLines(a, b *normalize.Line) *normalize.Line {
	out := &normalize.Line{View: textnorm.Fold(a.Orig + b.Orig)}
	out.Parts = append(out.Parts, a.Parts...)
	for _, pt := range b.Parts {
		pt.Start += len(a.Orig)
		out.Parts = append(out.Parts, pt)
	}
	out.Spans = append(out.Spans, a.Spans...)
	for _, sp := range b.Spans {
		sp.Start += len(a.Orig)
		sp.End += len(a.Orig)
		out.Spans = append(out.Spans, sp)
	}
	return out
}

func (p *Pass) tocItems() map[[2]int]bool {
	m := map[[2]int]bool{}
	if p.Result.Tree != nil {
		for _, n := range p.Result.Tree.TOC {
			m[[2]int{n.Page, n.Item}] = true
		}
	}
	return m
}

// isTableText reports whether a line is a table row that PDF extraction laid
// out as text: columns are separated by wide runs of spaces.
func isTableText(s string) bool { return strings.Contains(s, "   ") }

// Options configure Run.
type Options struct {
	// Rules to run; nil means All.
	Rules []*Rule
	// Profile forces a missing-section profile by name ("none" disables
	// it); empty means detect it from the metadata.
	Profile string
}

// All is the rule catalogue in report order.
var All = []*Rule{
	TemplateLeftover,
	GarbledText,
	BlankPage,
	NumberingGap,
	NumberingDuplicate,
	NumberingStyle,
	MissingSection,
	SumMismatch,
	ChangeMismatch,
	ShareMismatch,
	Contradiction,
	CrossTotal,
	ZeroChangeWording,
	EmptyReason,
	BaseYear,
	ScopeWording,
	OutdatedTerm,
	Punctuation,
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *Rule {
	for _, r := range All {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Run applies the rules to res and returns the findings in document order
// (page, line, then rule order). It also stores them in res.Out.Findings.
// A rule that panics on an unexpected document is reported as an internal
// problem in the document's warnings instead of stopping the other rules.
func Run(res *pipeline.Result, opt Options) ([]schema.Finding, error) {
	rules := opt.Rules
	if rules == nil {
		rules = All
	}
	prof, err := SelectProfile(opt.Profile, res)
	if err != nil {
		return nil, err
	}
	var found []schema.Finding
	order := map[string]int{}
	for i, r := range rules {
		order[r.ID] = i
		pass := &Pass{Rule: r, Result: res, Meta: res.Out.Meta, Profile: prof, found: &found}
		runRule(pass, res)
	}
	found = dedupe(found)
	slices.SortStableFunc(found, func(a, b schema.Finding) int {
		return cmp.Or(cmp.Compare(a.Loc.Page, b.Loc.Page), cmp.Compare(a.Loc.Line, b.Loc.Line),
			cmp.Compare(order[a.Rule], order[b.Rule]))
	})
	res.Out.Findings = found
	return found, nil
}

func runRule(p *Pass, res *pipeline.Result) {
	defer func() {
		if r := recover(); r != nil {
			res.Out.Warnings = append(res.Out.Warnings, fmt.Sprintf("check %s: internal error: %v", p.Rule.ID, r))
		}
	}()
	p.Rule.Run(p)
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

// clip shortens s to at most n runes around nothing in particular: it keeps
// the start, which is where evidence begins.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
