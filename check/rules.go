package check

//go:generate go test -run TestRulesFile -update

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// All is the rule catalogue in report order: every rule is listed here, and
// nowhere else.
var All = []*Rule{
	TemplateLeftover,
	TemplateInstruction,
	GarbledText,
	UnusableText,
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
	ZeroWithChange,
	ZeroBaseRate,
	EmptyReason,
	BaseYear,
	ScopeWording,
	OutdatedTerm,
	Punctuation,
	DoubledWord,
	MixedPunctuation,
	UnitMagnitude,
	TableRowSum,
	TableColumnSum,
	TableCrossTotal,
	TableEmpty,
	EmptyNoteTopic,
	TableText,
	CodeNameMismatch,
	TermTypo,
	Typo,
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

var (
	ruleIDRE  = regexp.MustCompile(`^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$`)
	versionRE = regexp.MustCompile(`^v\d+\.\d+\.\d+$`)
	oneLineRE = regexp.MustCompile(`^[^\n]+$`)
	nonBlank  = regexp.MustCompile(`\S`)
)

// Validate reports the first defect of a catalogue: a rule without a
// kebab-case ID, with an ID used twice, without its documentation (doc on
// one line, why, example, a vX.Y.Z version) or a valid severity, or
// without a Run function.
func Validate(rules []*Rule) error {
	seen := map[string]bool{}
	for i, r := range rules {
		switch {
		case r == nil:
			return fmt.Errorf("rule %d is nil", i)
		case !ruleIDRE.MatchString(r.ID):
			return fmt.Errorf("rule %d: ID %q is not kebab-case", i, r.ID)
		case seen[r.ID]:
			return fmt.Errorf("rule %s: listed twice", r.ID)
		case !oneLineRE.MatchString(r.Doc):
			return fmt.Errorf("rule %s: Doc must be one line", r.ID)
		case !nonBlank.MatchString(r.Why), !nonBlank.MatchString(r.Example):
			return fmt.Errorf("rule %s: Why and Example must be set", r.ID)
		case !versionRE.MatchString(r.Since):
			return fmt.Errorf("rule %s: Since %q is not a version vX.Y.Z", r.ID, r.Since)
		case r.Severity.Rank() == 0:
			return fmt.Errorf("rule %s: severity %q", r.ID, r.Severity)
		case r.Run == nil:
			return fmt.Errorf("rule %s: no Run", r.ID)
		}
		seen[r.ID] = true
	}
	return nil
}

// WriteList writes the catalogue one rule a line: ID, severity, doc.
func WriteList(w io.Writer, rules []*Rule) error {
	var b strings.Builder
	for _, r := range rules {
		fmt.Fprintf(&b, "%-24s %-8s %s\n", r.ID, r.Severity, r.Doc)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteDoc writes the full documentation of one rule in Markdown: the
// section RULES.md has for it.
func WriteDoc(w io.Writer, r *Rule) error {
	_, err := io.WriteString(w, ruleDoc(r))
	return err
}

func ruleDoc(r *Rule) string {
	return fmt.Sprintf("## %s\n\n%s · since %s\n\n%s.\n\n%s\n\nExample: %s\n", r.ID, r.Severity, r.Since,
		capitalize(r.Doc), r.Why, r.Example)
}

// helpMarkdown is the SARIF help text of a rule: why and an example.
func helpMarkdown(r *Rule) string {
	return fmt.Sprintf("%s\n\nExample: %s", r.Why, r.Example)
}

func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

// WriteCatalogue writes the rule catalogue in Markdown: a table of the
// rules, then each rule's documentation. check/RULES.md is this output for
// All.
func WriteCatalogue(w io.Writer, rules []*Rule) error {
	var b strings.Builder
	b.WriteString("# Draft-check rules\n\n")
	b.WriteString("Generated from the rule values in the code (`check/rules.go` lists them) by `go generate ./check`;\n")
	b.WriteString("do not edit. `budgetdoc check --rules` prints the same catalogue, `budgetdoc check --rules ID…` a rule's\n")
	b.WriteString("documentation. Severities: `error` (must fix before release), `warning` (probably wrong), `info` (style or\n")
	b.WriteString("rounding-level).\n\n")
	b.WriteString("| ID | severity | since | catches |\n|---|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s |\n", r.ID, r.ID, r.Severity, r.Since, strings.ReplaceAll(r.Doc, "|", `\|`))
	}
	for _, r := range rules {
		b.WriteString("\n")
		b.WriteString(ruleDoc(r))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
