package main

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/pdf"
)

func TestCheckAnnotate(t *testing.T) {
	dir := t.TempDir()
	in := sample(t, "jiangsu_renda_2019_dept_budget_tables.pdf")
	out := filepath.Join(dir, "checked.pdf")
	code, _, stderr := cli(t, "check", "--annotate", out, in)
	if code != exitOK || !strings.Contains(stderr, "1 annotation(s), 1 on their text") { // a warning only
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	anns, err := pdf.Annotations(context.Background(), data)
	if err != nil || len(anns) != 1 || !strings.Contains(anns[0].Contents, "table-empty-statement") {
		t.Fatalf("annotations %+v, %v", anns, err)
	}

	// DOCX: Word comments; several inputs go into a directory.
	docx := filepath.Join(repoRoot(t), "extract", "docx", "testdata", "tables.docx")
	outDir := filepath.Join(dir, "annotated")
	code, _, stderr = cli(t, "check", "--annotate", outDir, docx, in)
	if code != exitFindings {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(outDir, "tables.annotated.docx"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range zr.File {
		found = found || f.Name == "word/comments.xml"
	}
	if !found {
		t.Error("the annotated DOCX has no comments part")
	}
	if _, err := os.Stat(filepath.Join(outDir, "jiangsu_renda_2019_dept_budget_tables.annotated.pdf")); err != nil {
		t.Error(err)
	}

	// Other formats: a message saying what is supported; the report is
	// still written.
	code, stdout, stderr := cli(t, "check", "--annotate", filepath.Join(dir, "x.pdf"), sample(t, sampleDOC))
	if code != exitInput || !strings.Contains(stderr, "PDF and DOCX files only") || !strings.Contains(stdout, "finding(s)") {
		t.Errorf("DOC input: exit %d, stderr %q", code, stderr)
	}
	// Never over the input.
	code, _, stderr = cli(t, "check", "--annotate", in, in)
	if code != exitInput || !strings.Contains(stderr, "overwrite the input") {
		t.Errorf("annotating over the input: exit %d, stderr %q", code, stderr)
	}
}

func TestServeUsage(t *testing.T) {
	if code, _, stderr := cli(t, "serve", "--data", t.TempDir(), "draft.pdf"); code != exitInput || !strings.Contains(stderr, "upload files on the page") {
		t.Errorf("file argument: exit %d, %q", code, stderr)
	}
	if code, _, stderr := cli(t, "serve", "--data", t.TempDir(), "--addr", "127.0.0.1:99999"); code != exitInput || !strings.Contains(stderr, "99999") {
		t.Errorf("bad address: exit %d, %q", code, stderr)
	}
	if code, _, stderr := cli(t, "serve", "-h"); code != exitOK || !strings.Contains(stderr, "--addr") {
		t.Errorf("-h: exit %d, %q", code, stderr)
	}
}
