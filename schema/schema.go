// Package schema defines the output contract of budgetdoc, schema
// "budgetdoc/v1": the Go types that are written as JSON (and, in batch mode,
// as JSONL, CSV and SQLite rows). Fields may be added within v1; none may be
// renamed or change meaning without a new Version.
//
// Amounts are decimal strings with no exponent and no separators; money is
// in yuan. Every located item carries a Loc with a 1-based page and line.
package schema

// Version is the schema identifier written in every document.
const Version = "budgetdoc/v1"

// Document is the result for one input file.
type Document struct {
	Schema   string    `json:"schema"`
	Source   Source    `json:"source"`
	Meta     Meta      `json:"meta"`
	Outline  []Section `json:"outline,omitempty"`
	Facts    []Fact    `json:"facts,omitempty"`
	Projects []Project `json:"projects,omitempty"`
	Tables   []Table   `json:"tables,omitempty"`
	Findings []Finding `json:"findings,omitempty"`
	// Warnings are non-fatal problems met while reading.
	Warnings []string `json:"warnings,omitempty"`
}

// Source describes the input file.
type Source struct {
	Path   string `json:"path"`
	Format string `json:"format"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
	Pages  int    `json:"pages"`
}

// Document kinds and scopes (Meta.Kind, Meta.Scope).
const (
	KindBudget        = "budget"
	KindFinalAccounts = "final_accounts"
	ScopeDepartment   = "department"
	ScopeUnit         = "unit"
)

// Meta is what the document says about itself.
type Meta struct {
	Title        string `json:"title,omitempty"`
	Organization string `json:"organization,omitempty"`
	FiscalYear   int    `json:"fiscal_year,omitempty"`
	Kind         string `json:"kind,omitempty"`  // KindBudget or KindFinalAccounts
	Scope        string `json:"scope,omitempty"` // ScopeDepartment or ScopeUnit
}

// Loc locates an item in the source: 1-based page and line (for plain text
// input, the physical line of the file) and, for PDF, the bounding box.
type Loc struct {
	Page int   `json:"page"`
	Line int   `json:"line"`
	BBox *BBox `json:"bbox,omitempty"`
}

// BBox is a bounding box in PDF points, origin at the top-left corner of the
// page, y growing downwards: [x0, top, x1, bottom].
type BBox [4]float64

// Union returns the smallest box containing b and o.
func (b BBox) Union(o BBox) BBox {
	return BBox{min(b[0], o[0]), min(b[1], o[1]), max(b[2], o[2]), max(b[3], o[3])}
}

// Section is a node of the document outline.
type Section struct {
	ID       string    `json:"id"`
	Level    int       `json:"level"`
	Number   string    `json:"number,omitempty"`
	Title    string    `json:"title"`
	Loc      Loc       `json:"loc"`
	Children []Section `json:"children,omitempty"`
}

// Fact is a money or count mention.
type Fact struct {
	ID        string  `json:"id"`
	Kind      string  `json:"kind"` // "money" or "count"
	Subject   string  `json:"subject,omitempty"`
	Entity    string  `json:"entity,omitempty"`
	Value     string  `json:"value,omitempty"`
	Unit      string  `json:"unit,omitempty"`
	Text      string  `json:"text"`
	Approx    bool    `json:"approx"`
	Change    *Change `json:"change,omitempty"`
	Prior     string  `json:"prior,omitempty"`
	Reason    string  `json:"reason,omitempty"`
	Parent    string  `json:"parent,omitempty"`
	Dimension string  `json:"dimension,omitempty"`
	Section   string  `json:"section,omitempty"`
	Loc       Loc     `json:"loc"`
}

// Change is a year-over-year change.
type Change struct {
	Direction string `json:"direction"` // increase, decrease, flat
	Value     string `json:"value,omitempty"`
	Percent   string `json:"percent,omitempty"`
	Points    string `json:"points,omitempty"` // percentage points, when the change is written in points
	Base      string `json:"base,omitempty"`
	Text      string `json:"text"`
}

// Project is a project block with its performance indicators.
type Project struct {
	ID          string      `json:"id"`
	Name        string      `json:"name"`
	Overview    string      `json:"overview,omitempty"`
	Basis       string      `json:"basis,omitempty"`
	Implementer string      `json:"implementer,omitempty"`
	Period      string      `json:"period,omitempty"`
	Budget      string      `json:"budget,omitempty"`
	Indicators  []Indicator `json:"indicators,omitempty"`
	Loc         Loc         `json:"loc"`
}

// Indicator is a performance indicator.
type Indicator struct {
	Group    string `json:"group,omitempty"`
	Category string `json:"category,omitempty"`
	Name     string `json:"name"`
	Target   string `json:"target,omitempty"`
	Loc      Loc    `json:"loc"`
}

// Table is a table with its rows as text.
type Table struct {
	ID    string     `json:"id"`
	Title string     `json:"title,omitempty"`
	Unit  string     `json:"unit,omitempty"`
	Pages []int      `json:"pages"`
	Rows  [][]string `json:"rows"`
	Loc   Loc        `json:"loc"`
}

// Finding is a draft-check result.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"` // error, warning, info
	Message  string   `json:"message"`
	Evidence string   `json:"evidence"`
	Loc      Loc      `json:"loc"`
	Facts    []string `json:"facts,omitempty"`
}
