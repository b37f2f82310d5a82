package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"github.com/budgetdoc/budgetdoc/check"
	"github.com/budgetdoc/budgetdoc/internal/oletest"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testenv"
	"github.com/budgetdoc/budgetdoc/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// End-to-end tests of the CLI: run is called in-process with the real
// readers, on the samples bundled in the repository and on bad input built
// from them.

const (
	samplePDF  = "shanghai_putuo_zhengfuban_2025_dept_budget.pdf"
	sampleHTML = "chongqing_jiaotongwei_2018_dept_budget.jsp.html"
	sampleDOC  = "taiyuan_fagaiwei_2016_dept_final.doc"
	sampleJSON = "shanghai_putuo_shiquanlujiedao_2026_unit_budget_pages.json"
)

// cli runs budgetdoc with args and returns the exit code, stdout and stderr.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// repoRoot walks up to the directory holding go.mod.
func repoRoot(t testing.TB) string {
	t.Helper()
	return testenv.ModuleRoot(t)
}

func sample(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(repoRoot(t), "samples", name)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("sample missing: %v", err)
	}
	return path
}

// validator compiles the schema that `budgetdoc schema` prints.
func validator(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.JSONSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// decode checks one JSON document of extract's output against the schema
// and returns it decoded into the Go types.
func decode(t testing.TB, s *jsonschema.Schema, text string) schema.Document {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(text))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%.300s", err, text)
	}
	if err := s.Validate(v); err != nil {
		t.Fatalf("output does not match the schema: %v", err)
	}
	var d schema.Document
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestExtractSamples(t *testing.T) {
	s := validator(t)
	tests := []struct {
		file   string
		format string
		meta   schema.Meta
	}{
		{samplePDF, "pdf", schema.Meta{Organization: "上海市普陀区人民政府办公室", FiscalYear: 2025, Kind: "budget", Scope: "department"}},
		{sampleHTML, "html", schema.Meta{Organization: "重庆市交通委员会", FiscalYear: 2018, Kind: "budget", Scope: "department"}},
		{sampleDOC, "doc", schema.Meta{Organization: "太原市发展和改革委员会", FiscalYear: 2016, Kind: "final_accounts", Scope: "department"}},
		{sampleJSON, "pages-json", schema.Meta{FiscalYear: 2026, Kind: "budget", Scope: "unit"}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			path := sample(t, tt.file)
			code, out, errs := cli(t, "extract", path)
			if code != 0 || errs != "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			if strings.Count(strings.TrimSpace(out), "\n") == 0 {
				t.Errorf("a single document should be indented JSON")
			}
			d := decode(t, s, out)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(data)
			want := schema.Source{Path: path, Format: tt.format, SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(data))}
			got := d.Source
			got.Pages = 0
			if got != want {
				t.Errorf("source = %+v, want %+v", got, want)
			}
			if d.Source.Pages < 1 {
				t.Errorf("source.pages = %d", d.Source.Pages)
			}
			if d.Schema != schema.Version {
				t.Errorf("schema = %q", d.Schema)
			}
			m := d.Meta
			if tt.meta.Organization == "" {
				m.Organization = ""
			}
			m.Title = ""
			if m != tt.meta {
				t.Errorf("meta = %+v, want %+v", d.Meta, tt.meta)
			}
			if d.Meta.Title == "" {
				t.Errorf("no title")
			}
		})
	}
}

func TestExtractSeveralFilesIsJSONL(t *testing.T) {
	s := validator(t)
	files := []string{sample(t, samplePDF), sample(t, sampleHTML), sample(t, sampleJSON)}
	code, out, errs := cli(t, append([]string{"extract"}, files...)...)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(files) {
		t.Fatalf("%d lines for %d files", len(lines), len(files))
	}
	for i, line := range lines {
		if d := decode(t, s, line); d.Source.Path != files[i] {
			t.Errorf("line %d is %s, want %s (input order)", i+1, d.Source.Path, files[i])
		}
	}

	// --jsonl makes one line of a single document too, and -o writes to a file.
	outFile := filepath.Join(t.TempDir(), "out.jsonl")
	code, out, errs = cli(t, "extract", "--jsonl", "-o", outFile, files[1])
	if code != 0 || errs != "" || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	data, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(data, []byte("\n")) != 1 {
		t.Errorf("--jsonl wrote %d lines, want 1", bytes.Count(data, []byte("\n")))
	}
	decode(t, s, string(data))
}

func TestTextPrintsPageMarkers(t *testing.T) {
	pdf := sample(t, samplePDF)
	code, out, errs := cli(t, "text", pdf)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	// One marker per page, in order; the sample has 22 pages.
	for p := 1; p <= 22; p++ {
		marker := "=== page " + itoa(p) + " ==="
		if !strings.Contains(out, marker+"\n") {
			t.Errorf("no %q", marker)
		}
	}
	if strings.Contains(out, "=== page 23 ") {
		t.Errorf("a marker past the last page")
	}
	if !strings.HasPrefix(out, "=== page 1 ===\n") {
		t.Errorf("output does not start with the first page marker: %.40q", out)
	}
	if !strings.Contains(out, "上海市普陀区人民政府办公室") {
		t.Errorf("the organisation is not in the text")
	}

	// Several files: a header names each.
	html := sample(t, sampleHTML)
	code, out, errs = cli(t, "text", "--lines", pdf, html)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, f := range []string{pdf, html} {
		if !strings.Contains(out, "##### "+f+"\n") {
			t.Errorf("no header for %s", f)
		}
	}
	if !strings.Contains(out, "\n1:1\t") {
		t.Errorf("--lines did not prefix page:line")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestSchemaCommand(t *testing.T) {
	code, out, errs := cli(t, "schema")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if out != string(schema.JSONSchema()) {
		t.Errorf("`budgetdoc schema` differs from schema.JSONSchema()")
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", v["$schema"])
	}
	if code, _, errs := cli(t, "schema", "extra"); code != 2 || errs == "" {
		t.Errorf("an argument: exit %d, stderr %q", code, errs)
	}
}

// badInput is one kind of unreadable file and the cause its error must name.
type badInput struct {
	name  string
	make  func(t *testing.T, dir string) string // returns the path
	cause string
}

func badInputs() []badInput {
	write := func(t *testing.T, dir, name string, data []byte) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	readSample := func(t *testing.T, name string) []byte {
		t.Helper()
		data, err := os.ReadFile(sample(t, name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	return []badInput{
		{"truncated PDF", func(t *testing.T, dir string) string {
			return write(t, dir, "truncated.pdf", readSample(t, samplePDF)[:20000])
		}, "corrupt or truncated"},
		{"corrupt PDF", func(t *testing.T, dir string) string {
			// Every object header broken: nothing left for a repairing
			// parser to rebuild the file from. (Overwriting half of the
			// file is not enough: PDFium repairs it and reads mojibake.)
			data := bytes.ReplaceAll(readSample(t, samplePDF), []byte(" obj"), []byte(" ob!"))
			return write(t, dir, "corrupt.pdf", data)
		}, "corrupt or truncated"},
		{"zip that is not DOCX", func(t *testing.T, dir string) string {
			return write(t, dir, "notdocx.docx", zipOf(t, map[string][]byte{"hello.txt": []byte("你好")}))
		}, "unsupported"},
		{"DOCX with a decompression bomb", func(t *testing.T, dir string) string {
			return write(t, dir, "bomb.docx", docxBomb(t))
		}, "exceeds a safety limit"},
		{"OLE file that is not Word", func(t *testing.T, dir string) string {
			// Not "Workbook": the sample also holds a workbook stream, and
			// Excel 97–2003 files are read.
			return write(t, dir, "notword.doc", oletest.RenameEntry(t, readSample(t, sampleDOC), "WordDocument", "PowerPoint Document"))
		}, "neither a Word document nor an Excel workbook"},
		{"empty file", func(t *testing.T, dir string) string {
			return write(t, dir, "empty.pdf", nil)
		}, "empty file"},
		{"random bytes", func(t *testing.T, dir string) string {
			r := rand.New(rand.NewPCG(1, 2))
			data := make([]byte, 4096)
			for i := range data {
				data[i] = byte(r.Uint32())
			}
			return write(t, dir, "random.bin", data)
		}, "unsupported"},
		{"password-protected PDF", func(t *testing.T, dir string) string {
			data, err := os.ReadFile(filepath.Join(repoRoot(t), "extract", "pdf", "testdata", "user_password.pdf"))
			if err != nil {
				t.Fatal(err)
			}
			return write(t, dir, "password.pdf", data)
		}, "password"},
		{"missing file", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "missing.pdf")
		}, "no such file"},
	}
}

// TestBadInput: every unreadable file gives exactly one stderr line naming
// the file and the cause, exit 2, and the other files of the invocation are
// still processed.
func TestBadInput(t *testing.T) {
	s := validator(t)
	good := sample(t, sampleHTML)
	for _, cmd := range []string{"extract", "text"} {
		for _, bad := range badInputs() {
			t.Run(cmd+"/"+bad.name, func(t *testing.T) {
				path := bad.make(t, t.TempDir())
				code, out, errs := cli(t, cmd, path, good)
				if code != exitInput {
					t.Errorf("exit %d, want %d", code, exitInput)
				}
				lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
				if len(lines) != 1 || !strings.HasSuffix(errs, "\n") {
					t.Fatalf("stderr has %d lines, want 1:\n%s", len(lines), errs)
				}
				if !strings.HasPrefix(lines[0], path+": ") {
					t.Errorf("stderr does not start with the file name: %q", lines[0])
				}
				if !strings.Contains(lines[0], bad.cause) {
					t.Errorf("stderr %q does not name the cause %q", lines[0], bad.cause)
				}
				// The good file after it was still processed.
				switch cmd {
				case "extract":
					if d := decode(t, s, out); d.Source.Path != good {
						t.Errorf("output is for %s, want %s", d.Source.Path, good)
					}
				case "text":
					if !strings.Contains(out, "##### "+good+"\n=== page 1 ===") {
						t.Errorf("the good file's text is missing")
					}
				}
			})
		}
	}
}

// TestBadInputAllAtOnce: one invocation with every kind of bad file between
// good ones.
func TestBadInputAllAtOnce(t *testing.T) {
	s := validator(t)
	dir := t.TempDir()
	good := sample(t, sampleHTML)
	args := []string{"extract", good}
	var bad []string
	for _, b := range badInputs() {
		path := b.make(t, dir)
		bad = append(bad, path)
		args = append(args, path)
	}
	args = append(args, good)
	code, out, errs := cli(t, args...)
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
	if len(lines) != len(bad) {
		t.Fatalf("%d stderr lines for %d bad files:\n%s", len(lines), len(bad), errs)
	}
	for i, line := range lines {
		if !strings.HasPrefix(line, bad[i]+": ") {
			t.Errorf("line %d does not name %s: %q", i+1, bad[i], line)
		}
	}
	docs := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(docs) != 2 {
		t.Fatalf("%d documents on stdout, want 2", len(docs))
	}
	for _, d := range docs {
		decode(t, s, d)
	}
}

// TestBadInputLyingBomb: a DOCX bomb whose zip headers declare a small
// size, so that only the cap on inflated bytes can stop it. It inflates up to
// the default limit (256 MiB) before failing: seconds and hundreds of MB.
func TestBadInputLyingBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("inflates 256 MiB")
	}
	data := docxBomb(t)
	name := []byte("word/document.xml")
	patched := 0
	for i := 0; i+46+len(name) < len(data); i++ {
		switch binary.LittleEndian.Uint32(data[i:]) {
		case 0x04034b50: // local file header: uncompressed size at +22, name at +30
			if bytes.Equal(data[i+30:i+30+len(name)], name) {
				binary.LittleEndian.PutUint32(data[i+22:], 1000)
				patched++
			}
		case 0x02014b50: // central directory header: uncompressed size at +24, name at +46
			if bytes.Equal(data[i+46:i+46+len(name)], name) {
				binary.LittleEndian.PutUint32(data[i+24:], 1000)
				patched++
			}
		}
	}
	if patched != 2 {
		t.Fatalf("patched %d headers, want 2", patched)
	}
	path := filepath.Join(t.TempDir(), "lying.docx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := cli(t, "extract", path)
	if code != exitInput || out != "" {
		t.Errorf("exit %d, stdout %.100q", code, out)
	}
	if strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, path+": ") || !strings.Contains(errs, "exceeds a safety limit") {
		t.Errorf("stderr = %q", errs)
	}
}

// TestTimeout: a document that takes longer than --timeout fails like any
// unreadable file, and an interrupted run stops with exit 2.
func TestTimeout(t *testing.T) {
	pdf := sample(t, samplePDF)
	code, out, errs := cli(t, "extract", "--timeout", "1ns", pdf)
	if code != exitInput || out != "" {
		t.Errorf("exit %d, stdout %.100q", code, out)
	}
	if strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, pdf+": ") || !strings.Contains(errs, "time limit") {
		t.Errorf("stderr = %q", errs)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	if code := run(ctx, []string{"extract", pdf}, &stdout, &stderr); code != exitInput {
		t.Errorf("cancelled run: exit %d, want %d", code, exitInput)
	}
	if stdout.Len() != 0 || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("cancelled run: stdout %.100q, stderr %q", stdout.String(), stderr.String())
	}
}

func TestHelp(t *testing.T) {
	if len(commands) == 0 {
		t.Fatal("no commands registered")
	}
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			for _, flag := range []string{"-h", "--help"} {
				code, out, errs := cli(t, c.name, flag)
				if code != 0 {
					t.Errorf("%s %s: exit %d", c.name, flag, code)
				}
				if out != "" {
					t.Errorf("%s %s wrote to stdout", c.name, flag)
				}
				if !strings.Contains(errs, "Usage: budgetdoc "+c.name) || !strings.Contains(errs, "Examples:\n  budgetdoc "+c.name) {
					t.Errorf("%s %s shows no usage line and example:\n%s", c.name, flag, errs)
				}
			}
		})
	}
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		code, _, errs := cli(t, args...)
		if code != 0 || !strings.Contains(errs, "Examples:") {
			t.Errorf("%v: exit %d, usage %q", args, code, errs)
		}
		for _, c := range commands {
			if !strings.Contains(errs, "  "+c.name+" ") {
				t.Errorf("%v: usage does not list %s", args, c.name)
			}
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "Usage: budgetdoc COMMAND"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"extract"}, "no input files"},
		{[]string{"text"}, "no input file"},
		{[]string{"extract", "--no-such-flag", "x.pdf"}, "flag provided but not defined"},
		{[]string{"extract", "--timeout", "soon", "x.pdf"}, "invalid value"},
	}
	for _, tt := range tests {
		code, out, errs := cli(t, tt.args...)
		if code != exitInput {
			t.Errorf("%v: exit %d, want %d", tt.args, code, exitInput)
		}
		if out != "" {
			t.Errorf("%v: wrote to stdout", tt.args)
		}
		if !strings.Contains(errs, tt.want) {
			t.Errorf("%v: stderr does not say %q:\n%s", tt.args, tt.want, errs)
		}
	}
}

// zipOf builds a zip archive of the given entries.
func zipOf(t *testing.T, entries map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range entries {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docxBomb builds a DOCX of about 1 MiB whose document part inflates to
// 1 GiB, four times the reader's default part limit; its zip headers declare
// the true size. The deflate
// stream is one compressed MiB of zeros repeated: sync-flushed deflate blocks
// are byte-aligned and only refer back to identical data, so copies of them
// concatenate into a valid stream without compressing a gigabyte in the test.
func docxBomb(t *testing.T) []byte {
	t.Helper()
	const chunkSize, chunks = 1 << 20, 1024
	zeros := bytes.Repeat([]byte("0"), chunkSize)
	var chunk bytes.Buffer
	fw, err := flate.NewWriter(&chunk, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(zeros)
	fw.Flush()
	var tail bytes.Buffer
	fw.Reset(&tail)
	fw.Close() // a final empty block
	stream := append(bytes.Repeat(chunk.Bytes(), chunks), tail.Bytes()...)
	crc := crc32.ChecksumIEEE(zeros)
	for range chunks - 1 {
		crc = crc32.Update(crc, crc32.IEEETable, zeros)
	}

	const contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range []struct{ name, data string }{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", rels}} {
		w, err := zw.Create(part.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(part.data))
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(stream)), UncompressedSize64: chunkSize * chunks,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(stream)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCheckRules: the catalogue and a rule's documentation come from the
// rule values.
func TestCheckRules(t *testing.T) {
	code, out, _ := cli(t, "check", "--rules")
	if code != exitOK || strings.Count(out, "\n") != len(check.All) || !strings.HasPrefix(out, check.All[0].ID+" ") {
		t.Errorf("check --rules: exit %d, output:\n%s", code, out)
	}
	code, out, _ = cli(t, "check", "--rules", "sum-mismatch", "punctuation")
	if code != exitOK || !strings.HasPrefix(out, "## sum-mismatch\n") || !strings.Contains(out, "\n## punctuation\n") ||
		!strings.Contains(out, check.SumMismatch.Why) || !strings.Contains(out, "Example: "+check.SumMismatch.Example) {
		t.Errorf("check --rules IDs: exit %d, output:\n%s", code, out)
	}
	if code, _, errOut := cli(t, "check", "--rules", "no-such-rule"); code != exitInput || !strings.Contains(errOut, "no-such-rule") {
		t.Errorf("unknown rule: exit %d, %s", code, errOut)
	}
}

// TestUnusableTextLayer: a PDF whose fonts lost their Unicode mapping on
// two pages fails the check with one error naming them (it once passed
// with a fake amount), and `text` says why the pages are empty.
func TestUnusableTextLayer(t *testing.T) {
	path := filepath.Join(repoRoot(t), "extract", "pipeline", "testdata", "no_tounicode.pdf")
	code, out, _ := cli(t, "check", path)
	if code != exitFindings || strings.Count(out, "unusable-text-layer:") != 1 || !strings.Contains(out, "第2、3页") {
		t.Errorf("check: exit %d, output:\n%s", code, out)
	}
	code, _, errOut := cli(t, "text", path)
	if code != exitOK || !strings.Contains(errOut, "pages 2, 3: the text layer is not text") {
		t.Errorf("text: exit %d, stderr %q", code, errOut)
	}
}
