package eval

import (
	"fmt"
	"strconv"

	"github.com/budgetdoc/budgetdoc/schema"
)

// metaFields read the scored fields of schema.Meta, by their JSON names, as
// comparable strings ("" = not stated).
var metaFields = map[string]func(*schema.Meta) string{
	"title":          func(m *schema.Meta) string { return m.Title },
	"organization":   func(m *schema.Meta) string { return m.Organization },
	"fiscal_year":    func(m *schema.Meta) string { return year(m.FiscalYear) },
	"execution_year": func(m *schema.Meta) string { return year(m.ExecutionYear) },
	"kind":           func(m *schema.Meta) string { return m.Kind },
	"scope":          func(m *schema.Meta) string { return m.Scope },
	"coverage":       func(m *schema.Meta) string { return m.Coverage },
	"jurisdiction":   func(m *schema.Meta) string { return m.Jurisdiction },
	"meeting":        func(m *schema.Meta) string { return m.Meeting },
}

func year(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// MetaFieldNames lists the scored metadata fields in report order.
var MetaFieldNames = []string{"title", "organization", "fiscal_year", "execution_year", "kind", "scope", "coverage", "jurisdiction", "meeting"}

// evalMeta scores the metadata fields the gold states: Gold counts them,
// Pred counts those the prediction states, Matched those equal to the gold
// or one of its alternatives after NormalizeSubject (white space, quotes and
// width do not count; a title must otherwise be exact). It returns the
// field-by-field differences for the verbose report.
func evalMeta(g *GoldMeta, p *schema.Meta) (Score, []string) {
	var s Score
	var diffs []string
	for _, name := range MetaFieldNames {
		field := metaFields[name]
		want := field(&g.Meta)
		if want == "" {
			continue
		}
		s.Gold++
		got := field(p)
		if got == "" {
			diffs = append(diffs, fmt.Sprintf("%s: want %q, got nothing", name, want))
			continue
		}
		s.Pred++
		ok := NormalizeSubject(got) == NormalizeSubject(want)
		for _, a := range g.Also[name] {
			ok = ok || NormalizeSubject(got) == NormalizeSubject(a)
		}
		if ok {
			s.Matched++
		} else {
			diffs = append(diffs, fmt.Sprintf("%s: want %q, got %q", name, want, got))
		}
	}
	return s, diffs
}
