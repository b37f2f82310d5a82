// Package eval scores extracted documents against hand-annotated gold files:
// precision and recall of money facts, year-over-year changes and
// performance indicators. The gold format is described in
// testdata/gold/README.md.
package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/budgetdoc/budgetdoc/schema"
)

// Gold is the hand annotation of one document.
type Gold struct {
	// Document is the file name of the annotated document (in the corpus).
	Document string `json:"document"`
	SHA256   string `json:"sha256,omitempty"`
	// Covered lists the page ranges that were annotated exhaustively, e.g.
	// "1-1" or "6-9"; predictions on other pages are not counted.
	Covered []string `json:"covered"`
	// CoveredIndicators, when set, replaces Covered for indicators: a
	// document's 绩效目标表 pages are annotated for indicators although
	// their table money is out of scope. With it, Covered may be empty
	// (gold of indicators only).
	CoveredIndicators []string `json:"covered_indicators,omitempty"`
	// CoveredLines narrows the coverage of some pages to line ranges,
	// "page:from-to" ("1:94-118"): a web page is one page, of which only
	// part may be annotated. Lines are those of `budgetdoc text --lines`
	// (for HTML, lines of the source). Pages not named keep their whole
	// coverage.
	CoveredLines []string `json:"covered_lines,omitempty"`
	// Method says how the annotation was made; Notes records judgement calls.
	Method string   `json:"method,omitempty"`
	Notes  []string `json:"notes,omitempty"`
	// Tables, when true, counts the table cells on covered pages as money
	// facts (the row label is the subject, Column the column): the gold of
	// a tables-only document or spreadsheet. Otherwise table cells are
	// left to the table gold (testdata/gold/tables) and not counted.
	Tables bool `json:"tables,omitempty"`
	// Meta, when present, is the document's metadata; its presence also
	// says that the facts' parent links were annotated, so parents and
	// meta are scored only for gold files that have it.
	Meta       *GoldMeta       `json:"meta,omitempty"`
	Facts      []GoldFact      `json:"facts"`
	Changes    []GoldChange    `json:"changes"`
	Indicators []GoldIndicator `json:"indicators"`

	pages, indicatorPages pageSet
	lines                 map[int][][2]int // page → covered line ranges
}

// GoldFact is one money mention that has a value.
type GoldFact struct {
	Page int    `json:"page"`
	Line int    `json:"line,omitempty"` // informational (line of `budgetdoc text --lines`)
	Text string `json:"text"`           // the amount as written, e.g. "324970.32万元"
	// Subject is the shortest noun phrase naming what is counted; empty when
	// the source text has lost it (any predicted subject is then accepted).
	Subject string `json:"subject"`
	// Also lists other subjects that a careful reader would accept.
	Also   []string `json:"also,omitempty"`
	Entity string   `json:"entity,omitempty"`
	Value  string   `json:"value"` // yuan, decimal string
	// ID names the fact for Parent links of other facts ("t1").
	ID string `json:"id,omitempty"`
	// Parent is the ID of the gold fact this one is stated as a part of
	// (其中, 包括); empty for a fact that is no part of another.
	Parent string `json:"parent,omitempty"`
	// Column is the column header of a table cell (执行数, 债务余额); it
	// must be contained in the predicted fact's Dimension, or contain it.
	Column string `json:"column,omitempty"`
	Note   string `json:"note,omitempty"`
}

// GoldMeta is a document's metadata as the schema defines it (schema.Meta,
// the same JSON fields); empty fields are not scored.
type GoldMeta struct {
	schema.Meta
	// Also lists other accepted values of a field, by its JSON name
	// ({"organization": ["盐城市人民政府"]}).
	Also map[string][]string `json:"also,omitempty"`
}

// GoldChange is one year-over-year change mention.
type GoldChange struct {
	Page      int    `json:"page"`
	Line      int    `json:"line,omitempty"`
	Subject   string `json:"subject,omitempty"` // informational, not matched
	Text      string `json:"text"`
	Direction string `json:"direction"`         // increase, decrease, flat
	Value     string `json:"value,omitempty"`   // signed yuan, absent when not stated
	Percent   string `json:"percent,omitempty"` // signed, absent when not stated
	Points    string `json:"points,omitempty"`  // signed percentage points
	Base      string `json:"base,omitempty"`    // informational
	Note      string `json:"note,omitempty"`
}

// GoldIndicator is one performance indicator.
type GoldIndicator struct {
	Page     int    `json:"page"`
	Project  string `json:"project,omitempty"` // informational
	Group    string `json:"group,omitempty"`   // informational
	Category string `json:"category"`
	Name     string `json:"name"`
	Target   string `json:"target,omitempty"` // informational
	Note     string `json:"note,omitempty"`
}

// LoadGold reads and validates a gold file.
func LoadGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	g, err := ParseGold(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}

// ParseGold decodes and validates a gold file. Unknown fields are errors, so
// that a misspelt key cannot silently drop an annotation.
func ParseGold(data []byte) (*Gold, error) {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	var g Gold
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	if err := g.validate(); err != nil {
		return nil, fmt.Errorf("gold %s: %w", g.Document, err)
	}
	return &g, nil
}

func (g *Gold) validate() error {
	if g.Document == "" {
		return fmt.Errorf("no document name")
	}
	// Gold made for indicators only (a government report's 绩效目标表
	// pages) covers no page for money facts: an empty Covered is allowed
	// when CoveredIndicators names the pages.
	var ps pageSet
	var err error
	if len(g.Covered) > 0 || len(g.CoveredIndicators) == 0 {
		if ps, err = parsePageSet(g.Covered); err != nil {
			return err
		}
	}
	g.pages = ps
	g.indicatorPages = ps
	if len(g.CoveredIndicators) > 0 {
		if g.indicatorPages, err = parsePageSet(g.CoveredIndicators); err != nil {
			return err
		}
	}
	ids := map[string]bool{}
	for i, f := range g.Facts {
		if f.ID != "" {
			if ids[f.ID] {
				return fmt.Errorf("fact %d (%q): duplicate id %q", i, f.Text, f.ID)
			}
			ids[f.ID] = true
		}
	}
	if g.lines, err = parseLineRanges(g.CoveredLines, ps); err != nil {
		return err
	}
	for i, f := range g.Facts {
		if f.Parent != "" && (!ids[f.Parent] || f.Parent == f.ID) {
			return fmt.Errorf("fact %d (%q): parent %q is no other fact's id", i, f.Text, f.Parent)
		}
		if !g.coversLoc(f.Page, f.Line) {
			return fmt.Errorf("fact %d (%q) on page %d outside the covered pages", i, f.Text, f.Page)
		}
		if _, ok := parseDecimal(f.Value); !ok {
			return fmt.Errorf("fact %d (%q): value %q is not a decimal", i, f.Text, f.Value)
		}
	}
	for i, c := range g.Changes {
		if !g.coversLoc(c.Page, c.Line) {
			return fmt.Errorf("change %d (%q) on page %d outside the covered pages", i, c.Text, c.Page)
		}
		switch c.Direction {
		case "increase", "decrease", "flat":
		default:
			return fmt.Errorf("change %d (%q): direction %q", i, c.Text, c.Direction)
		}
		for _, v := range []string{c.Value, c.Percent, c.Points} {
			if _, ok := parseDecimal(v); v != "" && !ok {
				return fmt.Errorf("change %d (%q): %q is not a decimal", i, c.Text, v)
			}
		}
	}
	if err := g.Meta.validate(); err != nil {
		return err
	}
	for i, in := range g.Indicators {
		if !g.indicatorPages.has(in.Page) {
			return fmt.Errorf("indicator %d (%q) on page %d outside the covered pages", i, in.Name, in.Page)
		}
		if in.Name == "" || in.Category == "" {
			return fmt.Errorf("indicator %d: name and category are required", i)
		}
	}
	return nil
}

func (m *GoldMeta) validate() error {
	if m == nil {
		return nil
	}
	for field := range m.Also {
		if _, ok := metaFields[field]; !ok {
			return fmt.Errorf("meta: also for unknown field %q", field)
		}
	}
	checks := []struct{ field, value string }{
		{"kind", m.Kind}, {"scope", m.Scope}, {"coverage", m.Coverage},
	}
	allowed := map[string][]string{
		"kind":     {schema.KindBudget, schema.KindFinalAccounts},
		"scope":    {schema.ScopeDepartment, schema.ScopeUnit, schema.ScopeGovernment},
		"coverage": {schema.CoverageJurisdiction, schema.CoverageOwnLevel, schema.CoverageBoth},
	}
	for _, c := range checks {
		if c.value != "" && !slices.Contains(allowed[c.field], c.value) {
			return fmt.Errorf("meta: %s %q is not one of %v", c.field, c.value, allowed[c.field])
		}
	}
	return nil
}

// Covers reports whether page was annotated for money facts and changes.
// A Gold that was not loaded by ParseGold or LoadGold covers nothing.
func (g *Gold) Covers(page int) bool { return g.pages.has(page) }

// coversLoc reports whether a fact or change at page and line lies in the
// annotated part: a covered page, and one of its covered line ranges when
// CoveredLines names the page.
func (g *Gold) coversLoc(page, line int) bool {
	if !g.pages.has(page) {
		return false
	}
	rs, ok := g.lines[page]
	if !ok {
		return true
	}
	for _, r := range rs {
		if line >= r[0] && line <= r[1] {
			return true
		}
	}
	return false
}

// parseLineRanges reads "page:from-to" ranges; each page must be covered.
func parseLineRanges(ranges []string, pages pageSet) (map[int][][2]int, error) {
	out := map[int][][2]int{}
	for _, r := range ranges {
		p, span, ok := strings.Cut(r, ":")
		page, err := strconv.Atoi(strings.TrimSpace(p))
		if !ok || err != nil || !pages.has(page) {
			return nil, fmt.Errorf("bad covered line range %q (want page:from-to on a covered page)", r)
		}
		ps, err := parsePageSet([]string{span})
		if err != nil {
			return nil, fmt.Errorf("bad covered line range %q", r)
		}
		out[page] = append(out[page], ps[0])
	}
	return out, nil
}

// CoversIndicators reports whether page was annotated for indicators.
func (g *Gold) CoversIndicators(page int) bool { return g.indicatorPages.has(page) }

// pageSet is a set of inclusive page ranges.
type pageSet [][2]int

func parsePageSet(ranges []string) (pageSet, error) {
	if len(ranges) == 0 {
		return nil, fmt.Errorf("no covered pages")
	}
	var ps pageSet
	for _, r := range ranges {
		lo, hi, found := strings.Cut(r, "-")
		if !found {
			hi = lo
		}
		a, err1 := strconv.Atoi(strings.TrimSpace(lo))
		b, err2 := strconv.Atoi(strings.TrimSpace(hi))
		if err1 != nil || err2 != nil || a < 1 || b < a {
			return nil, fmt.Errorf("bad covered page range %q", r)
		}
		ps = append(ps, [2]int{a, b})
	}
	return ps, nil
}

func (ps pageSet) has(p int) bool {
	for _, r := range ps {
		if p >= r[0] && p <= r[1] {
			return true
		}
	}
	return false
}
