package corpus

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/budgetdoc/budgetdoc/schema"
)

// Column is one column of an output table.
type Column struct {
	Name string
	Type string // SQLite type: TEXT or INTEGER
	Doc  string // one line for the schema documentation
}

// Table is one relational output table: a CSV file (Name+".csv") in
// directory mode, an SQLite table in database mode. Both carry the same
// columns in the same order, so a CSV file loads straight into the table.
type Table struct {
	Name    string
	Doc     string
	Columns []Column
	Key     []string   // primary key
	Indexes [][]string // secondary indexes
	// SQLOnly columns are written to SQLite only (the full JSON contract
	// already lives in documents.jsonl in directory mode).
	SQLOnly []Column
	rows    func(r *Record, emit func(...any))
}

// Record is one unit of output: a processed document, a failed one, or (on
// resume) new paths of a document recorded earlier.
type Record struct {
	// Key identifies the record for resume: the sha256 of the file, or
	// "path:"+path for a file that could not even be read.
	Key    string
	SHA256 string   // empty when the file could not be read
	Paths  []string // every input path with these bytes, canonical first
	// Doc is the contract for a processed document (nil otherwise).
	Doc *schema.Document
	// Failure is set for a document that could not be processed.
	Failure *Failure
	// PathsOnly marks a record that only adds Paths to an earlier record.
	PathsOnly bool
	// Retry marks a record that replaces a failure stored by an earlier run
	// (its rows in errors and paths are replaced).
	Retry bool
}

// Transient reports whether a failure's cause may not recur: a memory
// failure (the process was short of memory) or a time limit hit on a busy
// machine. A resumed run tries such documents again.
func Transient(cause string) bool { return cause == "memory" || cause == "timeout" }

// Failure says why a document could not be processed.
type Failure struct {
	Cause   string // short class: corrupt, encrypted, unsupported, too-large, empty, timeout, memory, internal, post, io, changed, other
	Message string // the full error, naming the file
}

// Tables lists the output tables in the order they are written.
var Tables = []*Table{
	{
		Name: "documents", Doc: "one row per processed document (failed ones are in errors)",
		Columns: []Column{
			{"sha256", "TEXT", "SHA-256 of the file's bytes, hex; the document's key"},
			{"path", "TEXT", "canonical path: the first input path with these bytes (all paths: table paths)"},
			{"format", "TEXT", "pdf, docx, doc, text, html, xlsx, xls, pages-json"},
			{"bytes", "INTEGER", "file size"},
			{"pages", "INTEGER", "number of pages"},
			{"schema", "TEXT", "contract version, budgetdoc/v1"},
			{"title", "TEXT", "meta.title"},
			{"organization", "TEXT", "meta.organization"},
			{"fiscal_year", "INTEGER", "meta.fiscal_year (empty when unknown)"},
			{"kind", "TEXT", "budget or final_accounts"},
			{"scope", "TEXT", "department, unit or government"},
			{"n_facts", "INTEGER", "number of facts"},
			{"n_projects", "INTEGER", "number of projects"},
			{"n_tables", "INTEGER", "number of tables"},
			{"n_findings", "INTEGER", "number of findings"},
			{"warnings", "TEXT", "reading warnings, one per line"},
			{"execution_year", "INTEGER", "meta.execution_year: the year whose budget execution is reported (empty when none)"},
			{"coverage", "TEXT", "government documents: jurisdiction (全市/全省), own_level (市本级/省级) or both"},
			{"jurisdiction", "TEXT", "government documents: the place the document is about"},
			{"meeting", "TEXT", "the meeting header above a report's title"},
		},
		SQLOnly: []Column{{"json", "TEXT", "the full budgetdoc/v1 JSON document"}},
		Key:     []string{"sha256"},
		Indexes: [][]string{{"organization", "fiscal_year"}},
		rows: func(r *Record, emit func(...any)) {
			d := r.Doc
			if d == nil {
				return
			}
			emit(r.SHA256, d.Source.Path, d.Source.Format, d.Source.Bytes, d.Source.Pages, d.Schema,
				d.Meta.Title, d.Meta.Organization, optInt(d.Meta.FiscalYear), d.Meta.Kind, d.Meta.Scope,
				len(d.Facts), len(d.Projects), len(d.Tables), len(d.Findings), strings.Join(d.Warnings, "\n"),
				optInt(d.Meta.ExecutionYear), d.Meta.Coverage, d.Meta.Jurisdiction, d.Meta.Meeting)
		},
	},
	{
		Name: "paths", Doc: "every input path of every document (the same bytes under several paths are processed once)",
		Columns: []Column{
			{"sha256", "TEXT", "document key"},
			{"path", "TEXT", "input path"},
		},
		Key:     []string{"sha256", "path"},
		Indexes: [][]string{{"path"}},
		rows: func(r *Record, emit func(...any)) {
			if r.SHA256 == "" {
				return
			}
			for _, p := range r.Paths {
				emit(r.SHA256, p)
			}
		},
	},
	{
		Name: "sections", Doc: "the outline: numbered headings, parent links give the tree",
		Columns: []Column{
			{"sha256", "TEXT", "document key"},
			{"id", "TEXT", "section id within the document (s1, s2 …)"},
			{"parent", "TEXT", "id of the enclosing section, empty at top level"},
			{"level", "INTEGER", "depth, 1 = top"},
			{"number", "TEXT", "the number as written (第一部分, 一、, （一） …)"},
			{"title", "TEXT", "heading text"},
			{"page", "INTEGER", "1-based page"},
			{"line", "INTEGER", "1-based line on the page"},
		},
		Key: []string{"sha256", "id"},
		rows: func(r *Record, emit func(...any)) {
			if r.Doc == nil {
				return
			}
			var walk func(parent string, ss []schema.Section)
			walk = func(parent string, ss []schema.Section) {
				for _, s := range ss {
					emit(r.SHA256, s.ID, parent, s.Level, s.Number, s.Title, s.Loc.Page, s.Loc.Line)
					walk(s.ID, s.Children)
				}
			}
			walk("", r.Doc.Outline)
		},
	},
	{
		Name: "facts", Doc: "money and count mentions; amounts are exact decimal strings, money in yuan",
		Columns: []Column{
			{"sha256", "TEXT", "document key"},
			{"id", "TEXT", "fact id within the document"},
			{"kind", "TEXT", "money or count"},
			{"subject", "TEXT", "what is counted (收入预算总额, 三公经费 …)"},
			{"entity", "TEXT", "sub-unit the sentence is about"},
			{"value", "TEXT", "exact decimal; yuan for money"},
			{"unit", "TEXT", "CNY for money, the measure word for counts"},
			{"text", "TEXT", "the mention as written"},
			{"approx", "INTEGER", "1 when written as approximate (约, 余, 多 …)"},
			{"change_direction", "TEXT", "increase, decrease or flat"},
			{"change_value", "TEXT", "signed change, exact decimal"},
			{"change_percent", "TEXT", "signed percent"},
			{"change_points", "TEXT", "signed percentage points"},
			{"change_base", "TEXT", "what the change is against (上年 …)"},
			{"change_text", "TEXT", "the change as written"},
			{"prior", "TEXT", "derived prior value"},
			{"reason", "TEXT", "stated reason for the change"},
			{"parent", "TEXT", "id of the fact this one is a part of"},
			{"dimension", "TEXT", "breakdown the fact belongs to"},
			{"section", "TEXT", "id of the enclosing section"},
			{"page", "INTEGER", "1-based page"},
			{"line", "INTEGER", "1-based line on the page"},
			{"bbox", "TEXT", "PDF box x0,top,x1,bottom in points (empty for other formats)"},
			{"table_id", "TEXT", "id of the table whose cell this is; empty for facts from the text"},
			{"code", "TEXT", "科目编码 of the table row (类 3, 款 5, 项 7 digits), when stated"},
			{"table_row", "INTEGER", "1-based row of the table cell (header rows counted; table_cells.row)"},
			{"table_col", "INTEGER", "1-based column of the table cell (table_cells.col)"},
		},
		Key:     []string{"sha256", "id"},
		Indexes: [][]string{{"subject"}},
		rows: func(r *Record, emit func(...any)) {
			if r.Doc == nil {
				return
			}
			for _, f := range r.Doc.Facts {
				var c schema.Change
				if f.Change != nil {
					c = *f.Change
				}
				emit(r.SHA256, f.ID, f.Kind, f.Subject, f.Entity, f.Value, f.Unit, f.Text, boolInt(f.Approx),
					c.Direction, c.Value, c.Percent, c.Points, c.Base, c.Text, f.Prior, f.Reason, f.Parent,
					f.Dimension, f.Section, f.Loc.Page, f.Loc.Line, bbox(f.Loc.BBox), f.Table, f.Code, optInt(f.Row), optInt(f.Col))
			}
		},
	},
	{
		Name: "projects", Doc: "project blocks (项目概述, 立项依据 …); indicators in table indicators",
		Columns: []Column{
			{"sha256", "TEXT", "document key"},
			{"id", "TEXT", "project id within the document"},
			{"name", "TEXT", "project name"},
			{"overview", "TEXT", "项目概述"},
			{"basis", "TEXT", "立项依据"},
			{"implementer", "TEXT", "实施主体"},
			{"period", "TEXT", "实施周期 as written"},
			{"budget", "TEXT", "年度预算安排, exact decimal in yuan"},
			{"page", "INTEGER", "1-based page"},
			{"line", "INTEGER", "1-based line on the page"},
		},
		Key: []string{"sha256", "id"},
		rows: func(r *Record, emit func(...any)) {
			if r.Doc == nil {
				return
			}
			for _, p := range r.Doc.Projects {
				emit(r.SHA256, p.ID, p.Name, p.Overview, p.Basis, p.Implementer, p.Period, p.Budget, p.Loc.Page, p.Loc.Line)
			}
		},
	},
	{
		Name: "indicators", Doc: "performance indicators of projects",
		Columns: []Column{
			{"sha256", "TEXT", "document key"},
			{"project", "TEXT", "project id"},
			{"seq", "INTEGER", "1-based position within the project"},
			{"group_name", "TEXT", "产出指标, 效益指标, 满意度指标"},
			{"category", "TEXT", "数量指标, 质量指标 … as written"},
			{"name", "TEXT", "indicator name"},
			{"target", "TEXT", "target as written (≥80.00(%) …)"},
			{"page", "INTEGER", "1-based page"},
			{"line", "INTEGER", "1-based line on the page"},
		},
		Key: []string{"sha256", "project", "seq"},
		rows: func(r *Record, emit func(...any)) {
			if r.Doc == nil {
				return
			}
			for _, p := range r.Doc.Projects {
				for i, in := range p.Indicators {
					emit(r.SHA256, p.ID, i+1, in.Group, in.Category, in.Name, in.Target, in.Loc.Page, in.Loc.Line)
				}
			}
		},
	},
	{
		Name: "tables", Doc: "tables found in the documents; their cells are in table_cells",
		Columns: []Column{
			{"sha256", "TEXT", "document key"},
			{"id", "TEXT", "table id within the document"},
			{"title", "TEXT", "table title"},
			{"unit", "TEXT", "元 or 万元 as stated"},
			{"pages", "TEXT", "pages the table spans, comma-separated"},
			{"n_rows", "INTEGER", "number of rows"},
			{"n_cols", "INTEGER", "widest row"},
			{"page", "INTEGER", "1-based page"},
			{"line", "INTEGER", "1-based line on the page"},
			{"kind", "TEXT", "the standard table it is (expense_summary, three_public …), empty when not recognised"},
			{"code", "TEXT", "the table's number as printed (公开表一, 公开02表)"},
		},
		Key: []string{"sha256", "id"},
		rows: func(r *Record, emit func(...any)) {
			if r.Doc == nil {
				return
			}
			for _, t := range r.Doc.Tables {
				cols := 0
				for _, row := range t.Rows {
					cols = max(cols, len(row))
				}
				pages := make([]string, len(t.Pages))
				for i, p := range t.Pages {
					pages[i] = strconv.Itoa(p)
				}
				emit(r.SHA256, t.ID, t.Title, t.Unit, strings.Join(pages, ","), len(t.Rows), cols, t.Loc.Page, t.Loc.Line, t.Kind, t.Code)
			}
		},
	},
	{
		Name: "table_cells", Doc: "table cells as text, one row per non-empty cell",
		Columns: []Column{
			{"sha256", "TEXT", "document key"},
			{"table_id", "TEXT", "table id"},
			{"row", "INTEGER", "1-based row"},
			{"col", "INTEGER", "1-based column"},
			{"text", "TEXT", "cell text"},
		},
		Key: []string{"sha256", "table_id", "row", "col"},
		rows: func(r *Record, emit func(...any)) {
			if r.Doc == nil {
				return
			}
			for _, t := range r.Doc.Tables {
				for i, row := range t.Rows {
					for j, cell := range row {
						if cell != "" {
							emit(r.SHA256, t.ID, i+1, j+1, cell)
						}
					}
				}
			}
		},
	},
	{
		Name: "findings", Doc: "draft-check findings (rules: RULES.md)",
		Columns: []Column{
			{"sha256", "TEXT", "document key"},
			{"seq", "INTEGER", "1-based position in the document's findings"},
			{"rule", "TEXT", "stable rule id"},
			{"severity", "TEXT", "error, warning or info"},
			{"message", "TEXT", "what is wrong"},
			{"evidence", "TEXT", "the text that shows it"},
			{"page", "INTEGER", "1-based page"},
			{"line", "INTEGER", "1-based line on the page"},
			{"facts", "TEXT", "ids of the facts involved, comma-separated"},
		},
		Key:     []string{"sha256", "seq"},
		Indexes: [][]string{{"rule"}},
		rows: func(r *Record, emit func(...any)) {
			if r.Doc == nil {
				return
			}
			for i, f := range r.Doc.Findings {
				emit(r.SHA256, i+1, f.Rule, f.Severity, f.Message, f.Evidence, f.Loc.Page, f.Loc.Line, strings.Join(f.Facts, ","))
			}
		},
	},
	fiscalTable,
	{
		Name: "errors", Doc: "documents that could not be processed, with the cause",
		Columns: []Column{
			{"sha256", "TEXT", "document key; empty when the file could not be read at all"},
			{"path", "TEXT", "canonical path (all paths: table paths)"},
			{"cause", "TEXT", "corrupt, encrypted, unsupported, too-large, empty, timeout, memory, internal, post, io, changed, other"},
			{"message", "TEXT", "the full error, naming the file"},
		},
		Key:     []string{"sha256", "path"},
		Indexes: [][]string{{"cause"}},
		rows: func(r *Record, emit func(...any)) {
			if r.Failure == nil {
				return
			}
			emit(r.SHA256, r.Paths[0], r.Failure.Cause, r.Failure.Message)
		},
	},
}

// sqlOnlyValues returns the SQLOnly column values of t for one row of r.
func sqlOnlyValues(t *Table, r *Record) ([]any, error) {
	if t.Name != "documents" || len(t.SQLOnly) == 0 {
		return nil, nil
	}
	b, err := marshalDoc(r.Doc)
	if err != nil {
		return nil, err
	}
	return []any{string(b)}, nil
}

// marshalDoc is the one JSON form of a document (documents.jsonl and the
// documents.json column): compact, no HTML escaping, no trailing newline.
func marshalDoc(d *schema.Document) ([]byte, error) {
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(sb.String(), "\n")), nil
}

func optInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func bbox(b *schema.BBox) string {
	if b == nil {
		return ""
	}
	parts := make([]string, 4)
	for i, v := range b {
		parts[i] = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strings.Join(parts, ",")
}

// csvValue formats a row value for CSV: decimals are already strings,
// integers are written in base 10, nil is empty.
func csvValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	default:
		panic("corpus: unexpected column value type")
	}
}
