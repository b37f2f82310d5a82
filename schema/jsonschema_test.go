package schema_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/schema"
	"github.com/invopop/jsonschema"
)

var update = flag.Bool("update", false, "rewrite "+schema.JSONSchemaFile+" from the Go types")

// Patterns of the contract's string values.
const (
	// decimalPattern is an exact decimal: optional minus, digits, optional
	// fraction; no exponent, no separators, no plus sign.
	decimalPattern = `^-?\d+(\.\d+)?$`
	sha256Pattern  = `^[0-9a-f]{64}$`
	// rulePattern is a kebab-case rule ID (RULES.md).
	rulePattern = `^[a-z0-9]+(-[a-z0-9]+)*$`
)

// formats are the values of source.format: every format a reader exists for.
var formats = []extract.Format{
	extract.FormatPDF, extract.FormatDOCX, extract.FormatDOC, extract.FormatText,
	extract.FormatHTML, extract.FormatXLSX, extract.FormatXLS, extract.FormatPagesJSON,
}

// generate reflects the JSON Schema from the Go types and adds the
// constraints of the contract that the types cannot express.
func generate(t testing.TB) []byte {
	t.Helper()
	r := &jsonschema.Reflector{
		BaseSchemaID:              "https://github.com/budgetdoc/budgetdoc/schema",
		ExpandedStruct:            true,
		AllowAdditionalProperties: true, // fields may be added within v1
	}
	// Descriptions come from the doc comments of schema.go, the one place
	// where the contract's fields are documented.
	if err := r.AddGoComments("github.com/budgetdoc/budgetdoc/schema", "schema.go"); err != nil {
		t.Fatal(err)
	}
	// Doc comments are wrapped at 80 columns; descriptions read better unwrapped.
	for k, v := range r.CommentMap {
		r.CommentMap[k] = strings.ReplaceAll(v, "\n", " ")
	}
	s := r.Reflect(&schema.Document{})
	s.ID = "https://github.com/budgetdoc/budgetdoc/schema/" + schema.JSONSchemaFile
	s.Title = schema.Version
	s.Description = "One document read by budgetdoc: source, metadata, outline, facts, projects, tables and findings. " +
		"Amounts are decimal strings in yuan."

	prop := func(def, name string) *jsonschema.Schema {
		var d *jsonschema.Schema
		if def == "Document" {
			d = s
		} else {
			d = s.Definitions[def]
		}
		if d == nil {
			t.Fatalf("no definition %s in the generated schema", def)
		}
		p, ok := d.Properties.Get(name)
		if !ok {
			t.Fatalf("no property %s.%s in the generated schema", def, name)
		}
		return p
	}
	enum := func(p *jsonschema.Schema, values ...any) { p.Enum = values }
	one := uint64(1)
	atLeast := func(p *jsonschema.Schema, n int) { p.Minimum = json.Number(strconv.Itoa(n)) }

	prop("Document", "schema").Const = schema.Version
	var fs []any
	for _, f := range formats {
		fs = append(fs, string(f))
	}
	enum(prop("Source", "format"), fs...)
	prop("Source", "sha256").Pattern = sha256Pattern
	atLeast(prop("Source", "bytes"), 0)
	atLeast(prop("Source", "pages"), 0)

	enum(prop("Meta", "kind"), schema.KindBudget, schema.KindFinalAccounts)
	enum(prop("Meta", "scope"), schema.ScopeDepartment, schema.ScopeUnit, schema.ScopeGovernment)
	enum(prop("Meta", "coverage"), schema.CoverageJurisdiction, schema.CoverageOwnLevel, schema.CoverageBoth)
	atLeast(prop("Meta", "execution_year"), 1)
	atLeast(prop("Meta", "fiscal_year"), 1)

	atLeast(prop("Loc", "page"), 1)
	atLeast(prop("Loc", "line"), 1)

	atLeast(prop("Section", "level"), 1)
	prop("Section", "id").MinLength = &one
	prop("Fact", "id").MinLength = &one
	prop("Project", "id").MinLength = &one
	prop("Table", "id").MinLength = &one

	enum(prop("Fact", "kind"), "money", "count")
	for _, f := range []string{"value", "prior"} {
		prop("Fact", f).Pattern = decimalPattern
	}
	enum(prop("Change", "direction"), "increase", "decrease", "flat")
	for _, f := range []string{"value", "percent", "points"} {
		prop("Change", f).Pattern = decimalPattern
	}
	prop("Project", "budget").Pattern = decimalPattern

	atLeast(prop("Table", "pages").Items, 1)

	prop("Finding", "rule").Pattern = rulePattern
	enum(prop("Finding", "severity"), "error", "warning", "info")

	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

// TestJSONSchemaFileIsCurrent keeps the committed schema equal to the one
// generated from the Go types; run with -update to rewrite it.
func TestJSONSchemaFileIsCurrent(t *testing.T) {
	want := generate(t)
	if *update {
		if err := os.WriteFile(schema.JSONSchemaFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(schema.JSONSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date with the Go types: run `go generate ./schema` and review the diff", schema.JSONSchemaFile)
	}
	if !bytes.Equal(schema.JSONSchema(), got) {
		t.Errorf("JSONSchema() differs from %s: rebuild", schema.JSONSchemaFile)
	}
}

// TestJSONSchemaCoversEveryField guards the generator: every JSON field of
// the Go types must appear in the schema, so a constraint can never be
// silently dropped by a reflection change.
func TestJSONSchemaCoversEveryField(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(schema.JSONSchema(), &doc); err != nil {
		t.Fatal(err)
	}
	defs, _ := doc["$defs"].(map[string]any)
	check := func(name string, props map[string]any, typ reflect.Type) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			tag := f.Tag.Get("json")
			if tag == "" || tag == "-" {
				continue
			}
			key, _, _ := strings.Cut(tag, ",")
			if _, ok := props[key]; !ok {
				t.Errorf("%s.%s (%q) is missing from the schema", name, f.Name, key)
			}
		}
	}
	rootProps, _ := doc["properties"].(map[string]any)
	check("Document", rootProps, reflect.TypeFor[schema.Document]())
	for _, typ := range []reflect.Type{
		reflect.TypeFor[schema.Source](), reflect.TypeFor[schema.Meta](), reflect.TypeFor[schema.Loc](),
		reflect.TypeFor[schema.Section](), reflect.TypeFor[schema.Fact](), reflect.TypeFor[schema.Change](),
		reflect.TypeFor[schema.Project](), reflect.TypeFor[schema.Indicator](), reflect.TypeFor[schema.Table](),
		reflect.TypeFor[schema.Finding](),
	} {
		def, _ := defs[typ.Name()].(map[string]any)
		props, _ := def["properties"].(map[string]any)
		if props == nil {
			t.Errorf("no definition for %s", typ.Name())
			continue
		}
		check(typ.Name(), props, typ)
	}
}
