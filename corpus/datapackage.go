package corpus

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/budgetdoc/budgetdoc/schema"
)

// DataPackageName is the descriptor that `batch --out DIR` writes beside the
// CSV files: a Frictionless Tabular Data Package (specs v1) whose resources
// are the CSV files with their Table Schemas, and which is also an
// OpenSpending Fiscal Data Package: its model maps fiscal.csv's columns to
// measures and dimensions.
const DataPackageName = "datapackage.json"

// Decimal columns are exact: the CSV holds the decimal as written (no
// exponent, no separators); a loader must keep it exact. DecimalScale and
// DecimalPrecision are the SQL/Parquet type that holds every amount of the
// corpora without loss (see ParquetDir).
const (
	DecimalPrecision = 38
	DecimalScale     = 8
)

// field is the Table Schema description of a column beyond its SQLite type.
type field struct {
	typ   string   // Table Schema type; "" derives it from the SQLite type
	unit  string   // unit of a number (CNY, percent, percentage points)
	enum  []string // allowed values
	exact bool     // an exact decimal (see DecimalPrecision)
}

// fields describes the columns whose Table Schema type is not the plain
// one of their SQLite type (TEXT → string, INTEGER → integer), by
// table.column.
var fields = map[string]field{
	"documents.fiscal_year":  {typ: "year"},
	"documents.kind":         {enum: []string{schema.KindBudget, schema.KindFinalAccounts}},
	"facts.kind":             {enum: []string{"money", "count"}},
	"facts.value":            {typ: "number", exact: true, unit: "CNY for money (kind money); for counts the unit column's measure word"},
	"facts.approx":           {typ: "boolean"},
	"facts.change_direction": {enum: []string{"increase", "decrease", "flat"}},
	"facts.change_value":     {typ: "number", exact: true, unit: "as value"},
	"facts.change_percent":   {typ: "number", exact: true, unit: "percent"},
	"facts.change_points":    {typ: "number", exact: true, unit: "percentage points"},
	"facts.prior":            {typ: "number", exact: true, unit: "as value"},
	"projects.budget":        {typ: "number", exact: true, unit: "CNY"},
	"findings.severity":      {enum: []string{"error", "warning", "info"}},
	"fiscal.fiscal_year":     {typ: "year"},
	"fiscal.document_kind":   {enum: []string{schema.KindBudget, schema.KindFinalAccounts}},
	"fiscal.direction":       {enum: []string{Expenditure, Revenue}},
	"fiscal.phase":           {enum: []string{PhaseProposed, PhaseApproved, PhaseAdjusted, PhaseExecuted}},
	"fiscal.total":           {typ: "boolean"},
	"fiscal.amount":          {typ: "number", exact: true, unit: "CNY"},
}

// foreignKey says that the fields of a table refer to a key of another
// table (the same table when resource is "").
type foreignKey struct {
	Fields    []string    `json:"fields"`
	Reference fkReference `json:"reference"`
}

type fkReference struct {
	Resource string   `json:"resource"`
	Fields   []string `json:"fields"`
}

func fk(fields []string, resource string, ref ...string) foreignKey {
	return foreignKey{Fields: fields, Reference: fkReference{Resource: resource, Fields: ref}}
}

// foreignKeys are the references between the tables besides every
// document-level table's sha256 → documents (see tableForeignKeys). A
// reference with an empty field (a fact outside any table) refers to
// nothing, as Table Schema defines for null values. facts.section is not
// declared: it may name an outline node that sections.csv does not hold.
var foreignKeys = map[string][]foreignKey{
	"sections": {fk([]string{"sha256", "parent"}, "sections", "sha256", "id")},
	"facts": {
		fk([]string{"sha256", "parent"}, "facts", "sha256", "id"),
		fk([]string{"sha256", "table_id"}, "tables", "sha256", "id"),
		fk([]string{"sha256", "table_id", "table_row", "table_col"}, "table_cells", "sha256", "table_id", "row", "col"),
	},
	"indicators":  {fk([]string{"sha256", "project"}, "projects", "sha256", "id")},
	"table_cells": {fk([]string{"sha256", "table_id"}, "tables", "sha256", "id")},
	"fiscal": {
		fk([]string{"sha256", "fact"}, "facts", "sha256", "id"),
		fk([]string{"sha256", "table_id"}, "tables", "sha256", "id"),
		fk([]string{"sha256", "table_id", "table_row", "table_col"}, "table_cells", "sha256", "table_id", "row", "col"),
	},
}

// tableForeignKeys returns t's foreign keys: sha256 → documents for the
// tables of processed documents (paths and errors also hold failed ones).
func tableForeignKeys(t *Table) []foreignKey {
	var out []foreignKey
	if t.Name != "documents" && t.Name != "paths" && t.Name != "errors" {
		out = append(out, fk([]string{"sha256"}, "documents", "sha256"))
	}
	for _, k := range foreignKeys[t.Name] {
		if k.Reference.Resource == t.Name {
			k.Reference.Resource = "" // a self-reference is written as ""
		}
		out = append(out, k)
	}
	return out
}

// The descriptor's JSON, in the property order of the specification.

type dataPackage struct {
	Profile      string        `json:"profile"`
	Name         string        `json:"name"`
	Title        string        `json:"title"`
	Description  string        `json:"description"`
	Keywords     []string      `json:"keywords"`
	CountryCode  string        `json:"countryCode"`
	Granularity  string        `json:"granularity"`
	FiscalPeriod *fiscalPeriod `json:"fiscalPeriod,omitempty"`
	Budgetdoc    toolInfo      `json:"budgetdoc"`
	Sources      []source      `json:"sources,omitempty"`
	Resources    []resource    `json:"resources"`
	Model        fiscalModel   `json:"model"`
}

type fiscalPeriod struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// toolInfo names what wrote the package and the versions of its layouts.
type toolInfo struct {
	Tool     string `json:"tool"`
	Version  string `json:"version"`
	Contract string `json:"contract"` // schema.Version of documents.jsonl
	Tables   string `json:"tables"`   // the CSV/SQLite table layout
}

// source is one input document. Its licence is not known to the tool: the
// disclosures are published by government bodies, usually without a
// stated licence.
type source struct {
	Title   string `json:"title"`
	Path    string `json:"path"`
	SHA256  string `json:"sha256"`
	License string `json:"license"`
}

const unknownLicense = "unknown: the input does not state one; see the publisher's terms"

type resource struct {
	Profile     string      `json:"profile"`
	Name        string      `json:"name"`
	Path        string      `json:"path"`
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Format      string      `json:"format"`
	Mediatype   string      `json:"mediatype"`
	Encoding    string      `json:"encoding"`
	Bytes       int64       `json:"bytes"`
	Dialect     csvDialect  `json:"dialect"`
	Schema      tableSchema `json:"schema"`
	Parquet     string      `json:"parquet,omitempty"` // the same table as Parquet, when written
}

type csvDialect struct {
	Delimiter      string `json:"delimiter"`
	DoubleQuote    bool   `json:"doubleQuote"`
	LineTerminator string `json:"lineTerminator"`
	QuoteChar      string `json:"quoteChar"`
	Header         bool   `json:"header"`
}

type tableSchema struct {
	Fields        []schemaField `json:"fields"`
	PrimaryKey    []string      `json:"primaryKey,omitempty"`
	ForeignKeys   []foreignKey  `json:"foreignKeys,omitempty"`
	MissingValues []string      `json:"missingValues"`
}

type schemaField struct {
	Name        string       `json:"name"`
	Type        string       `json:"type"`
	Description string       `json:"description"`
	DecimalChar string       `json:"decimalChar,omitempty"`
	BareNumber  *bool        `json:"bareNumber,omitempty"`
	TrueValues  []string     `json:"trueValues,omitempty"`
	FalseValues []string     `json:"falseValues,omitempty"`
	Constraints *constraints `json:"constraints,omitempty"`
	// Unit and DecimalType are budgetdoc's additions (Table Schema allows
	// more properties): the unit of a number, and the SQL type that holds
	// an exact decimal column without loss.
	Unit        string `json:"unit,omitempty"`
	DecimalType string `json:"decimalType,omitempty"`
}

type constraints struct {
	Required bool     `json:"required,omitempty"`
	Enum     []string `json:"enum,omitempty"`
	Minimum  string   `json:"minimum,omitempty"`
	Maximum  string   `json:"maximum,omitempty"`
}

// schemaFields returns the Table Schema fields of t.
func schemaFields(t *Table) []schemaField {
	out := make([]schemaField, 0, len(t.Columns))
	for _, c := range t.Columns {
		spec := fields[t.Name+"."+c.Name]
		f := schemaField{Name: c.Name, Type: spec.typ, Description: c.Doc, Unit: spec.unit}
		if f.Type == "" {
			f.Type = "string"
			if c.Type == "INTEGER" {
				f.Type = "integer"
			}
		}
		switch f.Type {
		case "boolean":
			f.TrueValues, f.FalseValues = []string{"1"}, []string{"0"}
		case "number":
			bare := true
			f.DecimalChar, f.BareNumber = ".", &bare
		}
		var cons constraints
		if spec.exact {
			f.DecimalType = fmt.Sprintf("DECIMAL(%d,%d)", DecimalPrecision, DecimalScale)
			f.Description += fmt.Sprintf("; an exact decimal as written (no exponent, no separators): load it as %s "+
				"or as text, never as binary floating point. A misread table cell (several numbers run together) "+
				"can exceed the range: NULL in the Parquet file, kept as written here", f.DecimalType)
			cons.Maximum = strings.Repeat("9", DecimalPrecision-DecimalScale) + "." + strings.Repeat("9", DecimalScale)
			cons.Minimum = "-" + cons.Maximum
		}
		for _, k := range t.Key {
			if k == c.Name {
				cons.Required = true
			}
		}
		cons.Enum = spec.enum
		if cons.Required || len(cons.Enum) > 0 || cons.Maximum != "" {
			f.Constraints = &cons
		}
		out = append(out, f)
	}
	return out
}

// ToolVersion is the version of the running budgetdoc: the main module's
// version and VCS revision as the Go toolchain recorded them.
func ToolVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			v += " " + s.Value
		}
	}
	return v
}

// WriteDataPackage writes dir/datapackage.json for the batch output in dir
// (the CSV files of Tables; documents.csv gives the sources). Parquet files
// that WriteParquet made are named in their resources.
func WriteDataPackage(dir string) error {
	p, err := buildDataPackage(dir)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(dir, DataPackageName), append(b, '\n'))
}

func buildDataPackage(dir string) (*dataPackage, error) {
	p := &dataPackage{
		Profile: "tabular-data-package",
		Name:    "budgetdoc-batch",
		Title:   "Chinese government budget disclosures as data (budgetdoc batch output)",
		Description: "Tables extracted by budgetdoc from published budget and final-account disclosures, keyed by the " +
			"SHA-256 of each input file. Amounts are exact decimals in yuan. fiscal.csv holds the line items of the " +
			"standard tables, described by the Fiscal Data Package model below. documents.jsonl beside this file " +
			"holds the full " + schema.Version + " JSON per document. The licence of the input documents is not " +
			"known to the tool (see sources); this package states none.",
		Keywords:    []string{"budget", "fiscal", "China", "预算", "决算", "部门预算"},
		CountryCode: "CN",
		Granularity: "aggregated",
		Budgetdoc: toolInfo{Tool: "budgetdoc", Version: ToolVersion(), Contract: schema.Version,
			Tables: "budgetdoc-sqlite/" + SQLiteSchemaVersion},
		Model: newFiscalModel(),
	}
	years, err := readSources(dir, p)
	if err != nil {
		return nil, err
	}
	if years[0] > 0 {
		p.FiscalPeriod = &fiscalPeriod{Start: fmt.Sprintf("%d-01-01", years[0]), End: fmt.Sprintf("%d-12-31", years[1])}
	}
	for _, t := range Tables {
		name := t.Name + ".csv"
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("data package: %w", err)
		}
		r := resource{
			Profile: "tabular-data-resource", Name: t.Name, Path: name, Title: t.Name, Description: t.Doc,
			Format: "csv", Mediatype: "text/csv", Encoding: "utf-8", Bytes: info.Size(),
			Dialect: csvDialect{Delimiter: ",", DoubleQuote: true, LineTerminator: "\n", QuoteChar: `"`, Header: true},
			Schema: tableSchema{Fields: schemaFields(t), PrimaryKey: t.Key, ForeignKeys: tableForeignKeys(t),
				MissingValues: []string{""}},
		}
		if t.Name == "errors" {
			// sha256, part of the SQLite key, is empty (null) for a file
			// that could not be read: a Table Schema key cannot be null.
			r.Schema.PrimaryKey = nil
		}
		pq := filepath.Join(ParquetDir, t.Name+".parquet")
		if _, err := os.Stat(filepath.Join(dir, pq)); err == nil {
			r.Parquet = filepath.ToSlash(pq)
		}
		p.Resources = append(p.Resources, r)
	}
	return p, nil
}

// readSources adds a source per document of dir/documents.csv to p and
// returns the smallest and largest fiscal year seen (0 when none).
func readSources(dir string, p *dataPackage) ([2]int, error) {
	var years [2]int
	path := filepath.Join(dir, "documents.csv")
	f, err := os.Open(path)
	if err != nil {
		return years, fmt.Errorf("data package: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return years, fmt.Errorf("data package: %s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, name := range []string{"sha256", "path", "title", "organization", "fiscal_year"} {
		if _, ok := col[name]; !ok {
			return years, fmt.Errorf("data package: %s: no column %s", path, name)
		}
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return years, nil
		}
		if err != nil {
			return years, fmt.Errorf("data package: %s: %w", path, err)
		}
		title := rec[col["title"]]
		if org := rec[col["organization"]]; org != "" && !strings.Contains(title, org) {
			title = strings.TrimSpace(org + " " + title)
		}
		if title == "" {
			title = rec[col["path"]]
		}
		p.Sources = append(p.Sources, source{Title: title, Path: rec[col["path"]], SHA256: rec[col["sha256"]], License: unknownLicense})
		if y, err := strconv.Atoi(rec[col["fiscal_year"]]); err == nil && y > 0 {
			if years[0] == 0 || y < years[0] {
				years[0] = y
			}
			years[1] = max(years[1], y)
		}
	}
}

// writeFileAtomic writes name through a temporary file and a rename, so
// that a reader never sees half a descriptor.
func writeFileAtomic(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), name)
}
