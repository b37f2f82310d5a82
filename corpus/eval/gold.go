// Package eval scores extracted documents against hand-annotated gold files:
// precision and recall of money facts, year-over-year changes and
// performance indicators. The gold format is described in
// testdata/gold/README.md.
package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
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
	// their table money is out of scope.
	CoveredIndicators []string `json:"covered_indicators,omitempty"`
	// Method says how the annotation was made; Notes records judgement calls.
	Method     string          `json:"method,omitempty"`
	Notes      []string        `json:"notes,omitempty"`
	Facts      []GoldFact      `json:"facts"`
	Changes    []GoldChange    `json:"changes"`
	Indicators []GoldIndicator `json:"indicators"`

	pages, indicatorPages pageSet
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
	Note   string   `json:"note,omitempty"`
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
	ps, err := parsePageSet(g.Covered)
	if err != nil {
		return err
	}
	g.pages = ps
	g.indicatorPages = ps
	if len(g.CoveredIndicators) > 0 {
		if g.indicatorPages, err = parsePageSet(g.CoveredIndicators); err != nil {
			return err
		}
	}
	for i, f := range g.Facts {
		if !ps.has(f.Page) {
			return fmt.Errorf("fact %d (%q) on page %d outside the covered pages", i, f.Text, f.Page)
		}
		if _, ok := parseDecimal(f.Value); !ok {
			return fmt.Errorf("fact %d (%q): value %q is not a decimal", i, f.Text, f.Value)
		}
	}
	for i, c := range g.Changes {
		if !ps.has(c.Page) {
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

// Covers reports whether page was annotated for money facts and changes.
// A Gold that was not loaded by ParseGold or LoadGold covers nothing.
func (g *Gold) Covers(page int) bool { return g.pages.has(page) }

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
