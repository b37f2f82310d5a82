package corpus

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
)

// ParquetDir is the directory, inside a batch output directory, that
// WriteParquet fills with one Parquet file per table (parquet/facts.parquet
// …): the same rows and columns as the CSV files, typed as datapackage.json
// describes them.
//
// Types: text columns are UTF-8 strings, dictionary-encoded; integers are
// INT64; the exact decimals (amounts, changes, percentages) are
// DECIMAL(38,8) in 16-byte fixed-length arrays — 30 digits before the point
// and 8 after, which holds every amount of the disclosures (yuan, converted
// from 万元/亿元 with up to 8 decimals) without loss; never floating point;
// the 0/1 flags are BOOLEAN. An empty CSV cell is NULL, as datapackage.json
// says of the CSV files (missingValues). Pages are zstd-compressed; a row group holds up to
// ParquetRowGroupRows rows, so the tables of a corpus of thousands of
// documents are a few row groups each, the size analytic engines read best.
const ParquetDir = "parquet"

// ParquetRowGroupRows bounds the rows of one row group.
const ParquetRowGroupRows = 1 << 20

// ParquetReport says what WriteParquet wrote.
type ParquetReport struct {
	Files int
	Rows  int64
	Bytes int64 // size of the Parquet files
	// Unfit lists the decimal cells that do not fit DECIMAL(38,8) (too
	// many digits: a misread cell, never a real amount): they are NULL in
	// the Parquet file and kept as written in the CSV file.
	Unfit []string
}

// WriteParquet writes dir/parquet/TABLE.parquet from dir/TABLE.csv for every
// table of Tables, replacing earlier Parquet files.
func WriteParquet(dir string) (*ParquetReport, error) {
	if err := os.MkdirAll(filepath.Join(dir, ParquetDir), 0o777); err != nil {
		return nil, err
	}
	rep := &ParquetReport{}
	for _, t := range Tables {
		if err := writeParquetTable(dir, t, rep); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// colKind is how a column is written.
type colKind int

const (
	colString colKind = iota
	colInt
	colBool
	colDecimal
)

type parquetColumn struct {
	name     string
	kind     colKind
	optional bool
}

// parquetColumns returns t's columns with their Parquet representation,
// from the same descriptions as the data package (fields).
func parquetColumns(t *Table) []parquetColumn {
	out := make([]parquetColumn, len(t.Columns))
	for i, c := range t.Columns {
		pc := parquetColumn{name: c.Name, optional: true}
		spec := fields[t.Name+"."+c.Name]
		switch {
		case spec.exact:
			pc.kind = colDecimal
		case spec.typ == "boolean":
			pc.kind, pc.optional = colBool, false
		case c.Type == "INTEGER":
			pc.kind = colInt
		}
		out[i] = pc
	}
	return out
}

// parquetSchema builds the schema from a struct type made for t, so that the
// columns keep t's order (a parquet.Group would sort them by name).
func parquetSchema(t *Table, cols []parquetColumn) *parquet.Schema {
	sf := make([]reflect.StructField, len(cols))
	for i, c := range cols {
		var typ reflect.Type
		tag := c.name
		switch c.kind {
		case colString:
			typ, tag = reflect.TypeFor[string](), tag+",dict"
		case colInt:
			typ = reflect.TypeFor[int64]()
		case colBool:
			typ = reflect.TypeFor[bool]()
		case colDecimal:
			typ, tag = reflect.TypeFor[[16]byte](), tag+fmt.Sprintf(",decimal(%d:%d)", DecimalScale, DecimalPrecision)
		}
		if c.optional {
			tag += ",optional"
		}
		sf[i] = reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: typ, Tag: reflect.StructTag(`parquet:"` + tag + `"`)}
	}
	model := reflect.New(reflect.StructOf(sf)).Interface()
	s := parquet.SchemaOf(model)
	return parquet.NewSchema(t.Name, s)
}

func writeParquetTable(dir string, t *Table, rep *ParquetReport) (err error) {
	csvPath := filepath.Join(dir, t.Name+".csv")
	in, err := os.Open(csvPath)
	if err != nil {
		return err
	}
	defer in.Close()
	r := csv.NewReader(in)
	r.ReuseRecord = true
	head, err := r.Read()
	if err != nil {
		return fmt.Errorf("%s: reading the header: %w", csvPath, err)
	}
	want := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		want[i] = c.Name
	}
	if !slices.Equal(head, want) {
		return fmt.Errorf("%s: the header is %v, want %v: written by another version?", csvPath, head, want)
	}
	cols := parquetColumns(t)

	name := filepath.Join(dir, ParquetDir, t.Name+".parquet")
	out, err := os.CreateTemp(filepath.Dir(name), "."+t.Name+".parquet.*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			out.Close()
			os.Remove(out.Name())
		}
	}()
	w := parquet.NewWriter(out, parquetSchema(t, cols),
		parquet.Compression(&parquet.Zstd),
		parquet.MaxRowsPerRowGroup(ParquetRowGroupRows),
		parquet.CreatedBy("budgetdoc", ToolVersion(), ""),
		parquet.KeyValueMetadata("budgetdoc.tables", "budgetdoc-sqlite/"+SQLiteSchemaVersion))

	const batch = 1024
	rows := make([]parquet.Row, 0, batch)
	flush := func() error {
		if _, err := w.WriteRows(rows); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		rows = rows[:0]
		return nil
	}
	line := 1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", csvPath, err)
		}
		line++
		row := make(parquet.Row, len(cols))
		for i, c := range cols {
			v, err := parquetValue(c, rec[i])
			if errors.Is(err, errUnfit) {
				rep.Unfit = append(rep.Unfit, fmt.Sprintf("%s line %d, %s: %.40q: %v", csvPath, line, c.name, rec[i], err))
			} else if err != nil {
				return fmt.Errorf("%s line %d, column %s: %w", csvPath, line, c.name, err)
			}
			def := 0
			if c.optional && !v.IsNull() {
				def = 1
			}
			row[i] = v.Level(0, def, i)
		}
		rows = append(rows, row)
		if len(rows) == batch {
			if err := flush(); err != nil {
				return err
			}
		}
		rep.Rows++
	}
	if err := flush(); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	info, err := out.Stat()
	if err != nil {
		return err
	}
	if err := out.Chmod(0o644); err != nil {
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	rep.Files++
	rep.Bytes += info.Size()
	return os.Rename(out.Name(), name)
}

var errUnfit = fmt.Errorf("does not fit DECIMAL(%d,%d): written as NULL (the CSV keeps it)", DecimalPrecision, DecimalScale)

// parquetValue converts one CSV cell. An empty cell of an optional column is
// NULL; a decimal that does not fit is NULL and errUnfit.
func parquetValue(c parquetColumn, s string) (parquet.Value, error) {
	if s == "" && c.optional {
		return parquet.NullValue(), nil
	}
	switch c.kind {
	case colInt:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return parquet.Value{}, fmt.Errorf("not an integer: %q", s)
		}
		return parquet.Int64Value(n), nil
	case colBool:
		switch s {
		case "0":
			return parquet.BooleanValue(false), nil
		case "1":
			return parquet.BooleanValue(true), nil
		}
		return parquet.Value{}, fmt.Errorf("not 0 or 1: %q", s)
	case colDecimal:
		b, err := decimal128(s)
		if err != nil {
			return parquet.NullValue(), err
		}
		return parquet.FixedLenByteArrayValue(b[:]), nil
	}
	return parquet.ByteArrayValue([]byte(s)), nil
}

var pow10_38 = new(big.Int).Exp(big.NewInt(10), big.NewInt(DecimalPrecision), nil)

// decimal128 returns the DECIMAL(38,8) form of a plain decimal string
// (-123.45): the unscaled value as a 16-byte big-endian two's complement.
func decimal128(s string) ([16]byte, error) {
	var out [16]byte
	neg := strings.HasPrefix(s, "-")
	digits := strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(digits, ".")
	if whole == "" && frac == "" || !allDigits(whole) || !allDigits(frac) {
		return out, fmt.Errorf("not a decimal: %q", s)
	}
	if len(frac) > DecimalScale {
		if strings.TrimRight(frac[DecimalScale:], "0") != "" {
			return out, errUnfit
		}
		frac = frac[:DecimalScale]
	}
	unscaled := strings.TrimLeft(whole+frac+strings.Repeat("0", DecimalScale-len(frac)), "0")
	if len(unscaled) > DecimalPrecision {
		return out, errUnfit
	}
	if len(unscaled) <= 18 {
		n, _ := strconv.ParseInt(cmp.Or(unscaled, "0"), 10, 64)
		if neg {
			n = -n
		}
		hi := int64(0)
		if n < 0 {
			hi = -1
		}
		for i := range 8 {
			out[15-i] = byte(uint64(n) >> (8 * i))
			out[7-i] = byte(uint64(hi) >> (8 * i))
		}
		return out, nil
	}
	v, _ := new(big.Int).SetString(unscaled, 10)
	if v.Cmp(pow10_38) >= 0 {
		return out, errUnfit
	}
	if neg {
		// Two's complement over 128 bits: 2^128 - v.
		v.Sub(new(big.Int).Lsh(big.NewInt(1), 128), v)
	}
	v.FillBytes(out[:])
	return out, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
