package corpus

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/check"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
)

// warehouseOutput runs a batch over the committed samples (PDF, DOC, HTML,
// page-text JSON: every one has standard tables) plus an unreadable path and
// an empty file, with the draft checks, then writes the Parquet files and
// datapackage.json. It returns the output directory.
func warehouseOutput(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad")
	os.MkdirAll(bad, 0o777)
	os.WriteFile(filepath.Join(bad, "empty.txt"), nil, 0o666)
	samples, _ := filepath.Glob(filepath.Join("..", "samples", "*_*.*")) // not SOURCES.md
	paths, err := Expand(append(samples, bad, filepath.Join(dir, "missing.pdf")), nil)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	sink, err := OpenDir(out, false)
	if err != nil {
		t.Fatal(err)
	}
	post := func(ctx context.Context, r *pipeline.Result) error {
		c, err := check.Run(ctx, r, check.Options{})
		r.Out.Findings = c.Findings
		return err
	}
	if _, err := Run(context.Background(), Config{Paths: paths, Workers: 2, Sink: sink, Post: post}); err != nil {
		t.Fatal(err)
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteParquet(out); err != nil {
		t.Fatal(err)
	}
	if err := WriteDataPackage(out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWarehouseOutput(t *testing.T) {
	out := warehouseOutput(t)
	desc, err := os.ReadFile(filepath.Join(out, DataPackageName))
	if err != nil {
		t.Fatal(err)
	}
	var pkg dataPackage
	if err := json.Unmarshal(desc, &pkg); err != nil {
		t.Fatal(err)
	}
	t.Run("valid", func(t *testing.T) { checkDescriptor(t, desc) })
	t.Run("columns", func(t *testing.T) { checkColumns(t, out, &pkg) })
	t.Run("foreign-keys", func(t *testing.T) { checkForeignKeys(t, out, &pkg) })
	t.Run("model", func(t *testing.T) { checkModel(t, &pkg) })
	t.Run("parquet", func(t *testing.T) { checkParquet(t, out) })
	t.Run("fiscal", func(t *testing.T) {
		n := len(readCSV(t, filepath.Join(out, "fiscal.csv"))) - 1
		if n < 100 {
			t.Errorf("%d fiscal line items from the samples' standard tables, want at least 100", n)
		}
		if len(pkg.Sources) != 5 {
			t.Errorf("%d sources, want the 5 samples", len(pkg.Sources))
		}
		for _, s := range pkg.Sources {
			if s.SHA256 == "" || s.Path == "" || s.License != unknownLicense {
				t.Errorf("source %+v", s)
			}
		}
	})
}

// profiles compiles the vendored Frictionless JSON Schemas.
func profiles(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	out := map[string]*jsonschema.Schema{}
	for _, name := range []string{"data-package", "tabular-data-package", "fiscal-data-package", "table-schema"} {
		f, err := os.Open(filepath.Join("testdata", "frictionless", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		url := "file:///frictionless/" + name + ".json"
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		if out[name], err = c.Compile(url); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return out
}

// validateDescriptor checks desc against the package profiles and every
// resource's schema against the Table Schema profile.
func validateDescriptor(ps map[string]*jsonschema.Schema, desc []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(desc))
	if err != nil {
		return err
	}
	for _, name := range []string{"data-package", "tabular-data-package", "fiscal-data-package"} {
		if err := ps[name].Validate(v); err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
	}
	for _, r := range v.(map[string]any)["resources"].([]any) {
		r := r.(map[string]any)
		if err := ps["table-schema"].Validate(r["schema"]); err != nil {
			return fmt.Errorf("table-schema of %v: %v", r["name"], err)
		}
	}
	return nil
}

func checkDescriptor(t *testing.T, desc []byte) {
	ps := profiles(t)
	if err := validateDescriptor(ps, desc); err != nil {
		t.Fatal(err)
	}
	// The profiles do reject what they should: each broken copy must fail.
	broken := map[string]func(m map[string]any){
		"no model": func(m map[string]any) { delete(m, "model") },
		"measure without currency": func(m map[string]any) {
			delete(m["model"].(map[string]any)["measures"].(map[string]any)["amount"].(map[string]any), "currency")
		},
		"float type": func(m map[string]any) {
			res := m["resources"].([]any)[0].(map[string]any)
			res["schema"].(map[string]any)["fields"].([]any)[0].(map[string]any)["type"] = "float"
		},
		"resource without path": func(m map[string]any) { delete(m["resources"].([]any)[1].(map[string]any), "path") },
	}
	for name, breakIt := range broken {
		var m map[string]any
		json.Unmarshal(desc, &m)
		breakIt(m)
		b, _ := json.Marshal(m)
		if validateDescriptor(ps, b) == nil {
			t.Errorf("%s: the profiles accept a broken descriptor", name)
		}
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// checkColumns: every CSV file is a resource, and every column of every CSV
// file is a field of its resource, in order, and the other way round.
func checkColumns(t *testing.T, out string, pkg *dataPackage) {
	csvs, _ := filepath.Glob(filepath.Join(out, "*.csv"))
	if len(csvs) != len(pkg.Resources) {
		t.Errorf("%d CSV files, %d resources", len(csvs), len(pkg.Resources))
	}
	for _, r := range pkg.Resources {
		head := readCSV(t, filepath.Join(out, r.Path))[0]
		var names []string
		for _, f := range r.Schema.Fields {
			names = append(names, f.Name)
			if f.Description == "" {
				t.Errorf("%s.%s: no description", r.Name, f.Name)
			}
		}
		if !slices.Equal(head, names) {
			t.Errorf("%s: CSV columns %v, schema fields %v", r.Path, head, names)
		}
	}
	for key := range fields {
		table, col, _ := strings.Cut(key, ".")
		found := false
		for _, tb := range Tables {
			for _, c := range tb.Columns {
				found = found || tb.Name == table && c.Name == col
			}
		}
		if !found {
			t.Errorf("fields describes %s, which is no column", key)
		}
	}
}

// checkForeignKeys: every declared reference holds in the data — each
// non-empty referencing tuple is a key of the referenced table — and the
// primary keys are unique.
func checkForeignKeys(t *testing.T, out string, pkg *dataPackage) {
	type table struct {
		cols map[string]int
		rows [][]string
	}
	tables := map[string]table{}
	for _, r := range pkg.Resources {
		recs := readCSV(t, filepath.Join(out, r.Path))
		tb := table{cols: map[string]int{}, rows: recs[1:]}
		for i, h := range recs[0] {
			tb.cols[h] = i
		}
		tables[r.Name] = tb
	}
	tuple := func(tb table, row []string, cols []string) (string, bool) {
		parts := make([]string, len(cols))
		for i, c := range cols {
			parts[i] = row[tb.cols[c]]
			if parts[i] == "" {
				return "", false
			}
		}
		return strings.Join(parts, "\x00"), true
	}
	checked := 0
	for _, r := range pkg.Resources {
		tb := tables[r.Name]
		seen := map[string]bool{}
		for _, row := range tb.rows {
			if len(r.Schema.PrimaryKey) == 0 {
				break
			}
			k := ""
			for _, c := range r.Schema.PrimaryKey {
				k += row[tb.cols[c]] + "\x00"
			}
			if seen[k] {
				t.Errorf("%s: primary key %q repeated", r.Name, k)
			}
			seen[k] = true
		}
		for _, fk := range r.Schema.ForeignKeys {
			target := cmp.Or(fk.Reference.Resource, r.Name)
			ref := tables[target]
			keys := map[string]bool{}
			for _, row := range ref.rows {
				if k, ok := tuple(ref, row, fk.Reference.Fields); ok {
					keys[k] = true
				}
			}
			n := 0
			for _, row := range tb.rows {
				if k, ok := tuple(tb, row, fk.Fields); ok {
					n++
					if !keys[k] {
						t.Errorf("%s %v = %q refers to no %s %v", r.Name, fk.Fields, k, target, fk.Reference.Fields)
					}
				}
			}
			checked += n
		}
	}
	if checked == 0 {
		t.Error("no reference checked")
	}
}

// checkModel: the measure and every dimension attribute name fiscal
// columns, and every fiscal column is in the model.
func checkModel(t *testing.T, pkg *dataPackage) {
	cols := map[string]bool{}
	for _, c := range fiscalTable.Columns {
		cols[c.Name] = false
	}
	use := func(src string) {
		if _, ok := cols[src]; !ok {
			t.Errorf("the model names %s, which is no fiscal column", src)
		}
		cols[src] = true
	}
	for _, m := range pkg.Model.Measures {
		use(m.Source)
	}
	for name, d := range pkg.Model.Dimensions {
		for _, a := range d.Attributes {
			use(a.Source)
		}
		for _, k := range d.PrimaryKey {
			if _, ok := d.Attributes[k]; !ok {
				t.Errorf("dimension %s: key %s is no attribute", name, k)
			}
		}
	}
	for c, used := range cols {
		if !used {
			t.Errorf("fiscal column %s is in no measure or dimension", c)
		}
	}
}

// checkParquet reads every Parquet file back and compares it with its CSV
// file cell by cell: strings and integers equal, decimals equal as exact
// decimals, NULL for an empty cell.
func checkParquet(t *testing.T, out string) {
	for _, tb := range Tables {
		recs := readCSV(t, filepath.Join(out, tb.Name+".csv"))
		f, err := os.Open(filepath.Join(out, ParquetDir, tb.Name+".parquet"))
		if err != nil {
			t.Fatal(err)
		}
		info, _ := f.Stat()
		pf, err := parquet.OpenFile(f, info.Size())
		if err != nil {
			t.Fatal(err)
		}
		cols := parquetColumns(tb)
		leaves := pf.Schema().Columns()
		for i, c := range cols {
			if len(leaves) <= i || leaves[i][0] != c.name {
				t.Fatalf("%s: Parquet columns %v, want %s at %d", tb.Name, leaves, c.name, i)
			}
		}
		checkParquetTypes(t, tb.Name, pf, cols)
		r := parquet.NewReader(pf)
		rows := make([]parquet.Row, 1)
		line := 1
		for {
			n, err := r.ReadRows(rows)
			if n == 0 {
				break
			}
			line++
			if line > len(recs) {
				t.Fatalf("%s: more Parquet rows than CSV rows", tb.Name)
			}
			for _, v := range rows[0] {
				c, cell := cols[v.Column()], recs[line-1][v.Column()]
				if got := parquetText(c, v); !sameCell(c, got, cell) {
					t.Errorf("%s line %d %s: Parquet %q, CSV %q", tb.Name, line, c.name, got, cell)
				}
			}
			if err != nil {
				break
			}
		}
		if line != len(recs) {
			t.Errorf("%s: %d Parquet rows, %d CSV rows", tb.Name, line-1, len(recs)-1)
		}
		r.Close()
		f.Close()
	}
}

// checkParquetTypes: decimals are DECIMAL(38,8) (never floating point) and
// text columns are dictionary-encoded.
func checkParquetTypes(t *testing.T, table string, pf *parquet.File, cols []parquetColumn) {
	fields := pf.Schema().Fields()
	for i, c := range cols {
		lt := fields[i].Type().LogicalType()
		switch c.kind {
		case colDecimal:
			var d *format.DecimalType
			if lt != nil {
				d, _ = lt.Value.(*format.DecimalType)
			}
			if d == nil || d.Precision != DecimalPrecision || d.Scale != DecimalScale {
				t.Errorf("%s.%s: logical type %v, want DECIMAL(%d,%d)", table, c.name, lt, DecimalPrecision, DecimalScale)
			}
		case colString:
			for _, rg := range pf.Metadata().RowGroups {
				if !slices.Contains(rg.Columns[i].MetaData.Encoding, format.RLEDictionary) {
					t.Errorf("%s.%s: encodings %v, not dictionary-encoded", table, c.name, rg.Columns[i].MetaData.Encoding)
				}
			}
		}
		if k := fields[i].Type().Kind(); k == parquet.Float || k == parquet.Double {
			t.Errorf("%s.%s: floating point", table, c.name)
		}
	}
}

// parquetText renders a Parquet value as its CSV cell would be written.
func parquetText(c parquetColumn, v parquet.Value) string {
	switch {
	case v.IsNull():
		return ""
	case c.kind == colInt:
		return strconv.FormatInt(v.Int64(), 10)
	case c.kind == colBool:
		if v.Boolean() {
			return "1"
		}
		return "0"
	case c.kind == colDecimal:
		b := v.ByteArray()
		n := new(big.Int).SetBytes(b)
		if b[0]&0x80 != 0 {
			n.Sub(n, new(big.Int).Lsh(big.NewInt(1), 128))
		}
		return decimal.NewFromBigInt(n, -DecimalScale).String()
	}
	return string(v.ByteArray())
}

func sameCell(c parquetColumn, got, want string) bool {
	if c.kind == colDecimal && got == "" && want != "" {
		_, err := decimal128(want)
		return errors.Is(err, errUnfit) // out of range: NULL by design
	}
	if c.kind != colDecimal || got == "" || want == "" {
		return got == want
	}
	a, err1 := decimal.NewFromString(got)
	b, err2 := decimal.NewFromString(want)
	return err1 == nil && err2 == nil && a.Equal(b)
}

func TestDecimal128(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // the unscaled value, or an error
	}{
		{"0", "0"},
		{"12345600", "1234560000000000"},
		{"-2000000", "-200000000000000"},
		{"99.43", "9943000000"},
		{"-0.5", "-50000000"},
		{"0.12345678", "12345678"},
		{"1.234567890", "123456789"}, // a trailing zero past the scale is no loss
		{"999999999999999999999999999999.99999999", strings.Repeat("9", 38)}, // the largest
		{"-999999999999999999999999999999.99999999", "-" + strings.Repeat("9", 38)},
		{"1000000000000000000000000000000", "error"}, // 31 digits before the point
		{"0.123456789", "error"}, // a 9th decimal would be lost
		{"2010911952863102014213018932014634210618", "error"},
		{"1e5", "error"},
		{"1,000", "error"},
		{"", "error"},
		{"-", "error"},
		{".", "error"},
	} {
		b, err := decimal128(tc.in)
		got := "error"
		if err == nil {
			n := new(big.Int).SetBytes(b[:])
			if b[0]&0x80 != 0 {
				n.Sub(n, new(big.Int).Lsh(big.NewInt(1), 128))
			}
			got = n.String()
		}
		if got != tc.want {
			t.Errorf("decimal128(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	// The fast path and the big.Int path agree at their boundary.
	for _, s := range []string{"9999999999.99999999", "10000000000", "-10000000000.00000001"} {
		b, err := decimal128(s)
		if err != nil {
			t.Fatal(err)
		}
		hi, lo := int64(binary.BigEndian.Uint64(b[:8])), binary.BigEndian.Uint64(b[8:])
		want, _ := decimal.NewFromString(s)
		got := decimal.NewFromBigInt(new(big.Int).Add(new(big.Int).Lsh(big.NewInt(hi), 64), new(big.Int).SetUint64(lo)), -DecimalScale)
		if !got.Equal(want) {
			t.Errorf("%s: %s", s, got)
		}
	}
}

func FuzzDecimal128(f *testing.F) {
	for _, s := range []string{"0", "-12.5", "12345600", "0.00000001", "99999999999999999999999999999999", "1.2.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := decimal128(s)
		if err != nil {
			return
		}
		want, err := decimal.NewFromString(s)
		if err != nil {
			t.Fatalf("%q accepted but no decimal", s)
		}
		n := new(big.Int).SetBytes(b[:])
		if b[0]&0x80 != 0 {
			n.Sub(n, new(big.Int).Lsh(big.NewInt(1), 128))
		}
		if got := decimal.NewFromBigInt(n, -DecimalScale); !got.Equal(want) {
			t.Fatalf("%q → %s", s, got)
		}
	})
}

// TestWarehouseBadInput: a CSV file that is not ours, or a cell that is not
// of its column's type, is an error naming the file, the line and the column.
func TestWarehouseBadInput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	sink, err := OpenDir(out, false)
	if err != nil {
		t.Fatal(err)
	}
	sink.Close()
	docs := filepath.Join(out, "documents.csv")
	head, _ := os.ReadFile(docs)
	// a row of the header's width whose bytes column is not an integer
	n := len(strings.Split(strings.TrimSpace(string(head)), ","))
	badBytes := "abc,a.pdf,pdf,12x,3,budgetdoc/v1" + strings.Repeat(",", n-6) + "\n"
	for _, tc := range []struct {
		name, content, want string
	}{
		{"header", "sha256,path\nabc,x\n", "documents.csv: the header is"},
		{"integer", string(head) + badBytes, "documents.csv line 2, column bytes: not an integer"},
		{"quotes", string(head) + "\"abc,a.pdf\n", "documents.csv"},
	} {
		if err := os.WriteFile(docs, []byte(tc.content), 0o666); err != nil {
			t.Fatal(err)
		}
		_, err := WriteParquet(out)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error with %q", tc.name, err, tc.want)
		}
	}
	os.Remove(docs)
	if err := WriteDataPackage(out); err == nil || !strings.Contains(err.Error(), "documents.csv") {
		t.Errorf("no documents.csv: %v", err)
	}
}
