package eval

import (
	"fmt"
	"strconv"

	"github.com/budgetdoc/budgetdoc/schema"
)

// metaField reads one metadata field from the gold and from a prediction, as
// comparable strings ("" = not stated).
type metaField struct {
	gold func(*GoldMeta) string
	pred func(*schema.Meta) string
}

func year(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// metaFields are the scored fields of schema.Meta, by their JSON names.
var metaFields = map[string]metaField{
	"title":          {func(m *GoldMeta) string { return m.Title }, func(m *schema.Meta) string { return m.Title }},
	"organization":   {func(m *GoldMeta) string { return m.Organization }, func(m *schema.Meta) string { return m.Organization }},
	"fiscal_year":    {func(m *GoldMeta) string { return year(m.FiscalYear) }, func(m *schema.Meta) string { return year(m.FiscalYear) }},
	"execution_year": {func(m *GoldMeta) string { return year(m.ExecutionYear) }, func(m *schema.Meta) string { return year(m.ExecutionYear) }},
	"kind":           {func(m *GoldMeta) string { return m.Kind }, func(m *schema.Meta) string { return m.Kind }},
	"scope":          {func(m *GoldMeta) string { return m.Scope }, func(m *schema.Meta) string { return m.Scope }},
	"coverage":       {func(m *GoldMeta) string { return m.Coverage }, func(m *schema.Meta) string { return m.Coverage }},
	"jurisdiction":   {func(m *GoldMeta) string { return m.Jurisdiction }, func(m *schema.Meta) string { return m.Jurisdiction }},
	"meeting":        {func(m *GoldMeta) string { return m.Meeting }, func(m *schema.Meta) string { return m.Meeting }},
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
		f := metaFields[name]
		want := f.gold(g)
		if want == "" {
			continue
		}
		s.Gold++
		got := f.pred(p)
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
