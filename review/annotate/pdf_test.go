package annotate

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/budgetdoc/budgetdoc/check"
	"github.com/budgetdoc/budgetdoc/extract/pdf"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/review"
	"github.com/budgetdoc/budgetdoc/schema"
)

// annotated checks a PDF and annotates it.
func annotated(t testing.TB, path string) (orig, out []byte, fs []schema.Finding, rep Report) {
	t.Helper()
	data, res, fs := checked(t, path)
	out, rep, err := PDF(context.Background(), data, res.Doc, fs)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, data) {
		t.Fatal("the annotated copy does not start with the original bytes")
	}
	return data, out, fs, rep
}

// checked reads and checks a file (skipping when it is absent).
func checked(t testing.TB, path string) ([]byte, *pipeline.Result, []schema.Finding) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("%v", err)
	}
	res, err := pipeline.Bytes(context.Background(), path, data, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := check.Run(context.Background(), res, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return data, res, c.Findings
}

// popplerText is poppler's text inside a box of a page (points, top-left
// origin): the second reader the annotation rectangles are checked with.
func popplerText(t testing.TB, file string, page int, b [4]float64) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-q", "-r", "72", "-f", fmt.Sprint(page), "-l", fmt.Sprint(page),
		"-x", fmt.Sprint(int(b[0])), "-y", fmt.Sprint(int(b[1])),
		"-W", fmt.Sprint(int(b[2]-b[0]+1.5)), "-H", fmt.Sprint(int(b[3]-b[1]+1.5)), file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// pdfOverlap measures, over the annotations of an annotated copy, how many
// of the findings with a box have an annotation whose rectangle covers
// their evidence as read back by PDFium and by poppler: whole, or in part
// (a run of at least 4 characters, or all of a shorter evidence).
// Misses fail a test when strict, and are only counted otherwise.
type overlapStats struct{ boxed, whole, part, poppler int }

func pdfOverlap(t testing.TB, orig, out []byte, fs []schema.Finding, rep Report, strict bool) overlapStats {
	t.Helper()
	anns, err := pdf.Annotations(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	had, err := pdf.Annotations(context.Background(), orig)
	if err != nil {
		t.Fatal(err)
	}
	if len(anns) != len(had)+len(fs) {
		t.Fatalf("%d annotations, want %d and the %d the file had", len(anns), len(fs), len(had))
	}
	_, err = exec.LookPath("pdftotext")
	usePoppler := err == nil
	var tmp string
	if usePoppler {
		tmp = filepath.Join(t.TempDir(), "annotated.pdf")
		if err := os.WriteFile(tmp, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Annotations come back page by page in the order they were added,
	// the file's own first on each page.
	byPage := map[int][]pdf.Annotation{}
	for _, a := range anns {
		byPage[a.Page] = append(byPage[a.Page], a)
	}
	for _, a := range had {
		byPage[a.Page] = byPage[a.Page][1:]
	}
	var st overlapStats
	for _, it := range rep.Items {
		f := it.Finding
		page := f.Loc.Page
		if !it.Exact {
			page = max(page, 1)
		}
		a := byPage[page][0]
		byPage[page] = byPage[page][1:]
		if a.Contents != review.NoteText(f) || a.Subtype != "square" {
			t.Errorf("page %d: annotation %s %q, want the note of %s", a.Page, a.Subtype, a.Contents, f.Rule)
		}
		if !it.Exact {
			continue
		}
		st.boxed++
		need := min(minOverlap, len([]rune(squash(f.Evidence))))
		switch n := Overlap(a.Text, f.Evidence); {
		case n == len([]rune(squash(f.Evidence))):
			st.whole++
			st.part++
		case n >= need:
			st.part++
		default:
			if strict {
				t.Errorf("page %d line %d %s: the annotation covers %q, not the evidence %q", f.Loc.Page, f.Loc.Line, f.Rule, a.Text, f.Evidence)
			}
		}
		if usePoppler {
			if n := Overlap(popplerText(t, tmp, a.Page, a.Box), f.Evidence); n >= need {
				st.poppler++
			} else if strict {
				t.Errorf("page %d line %d %s: poppler reads %q inside the annotation, not the evidence %q",
					f.Loc.Page, f.Loc.Line, f.Rule, popplerText(t, tmp, a.Page, a.Box), f.Evidence)
			}
		}
	}
	return st
}

// TestPDFAnnotationsCoverEvidence annotates real drafts (two regions) and
// re-reads every annotation with PDFium and, when installed, poppler.
func TestPDFAnnotationsCoverEvidence(t *testing.T) {
	paths := []string{
		filepath.Join("..", "..", "samples", "shanghai_putuo_zhengfuban_2025_dept_budget.pdf"),
		filepath.Join("..", "..", "samples", "jiangsu_renda_2019_dept_budget_tables.pdf"),
		filepath.Join("..", "..", "..", "shared", "corpus", "real", "shanghai_putuo_caizhengju_2024_dept_final_INJECTED_ERRORS.pdf"),
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			orig, out, fs, rep := annotated(t, p)
			st := pdfOverlap(t, orig, out, fs, rep, true)
			t.Logf("%d findings, %d with a box: evidence wholly inside %d, partly %d, poppler agrees %d", len(fs), st.boxed, st.whole, st.part, st.poppler)
		})
	}
}

// BenchmarkCorpusAnnotationOverlap annotates every corpus PDF and reports
// how many findings with a box have their evidence inside the annotation
// (metrics whole% and part%, PDFium's reading; poppler% when installed).
// Run: go test -run '^$' -bench CorpusAnnotationOverlap -benchtime 1x ./review/annotate
func BenchmarkCorpusAnnotationOverlap(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "*", "*.pdf"))
	if len(files) == 0 {
		b.Skip("no corpus at ../shared")
	}
	for range b.N {
		var all overlapStats
		for _, p := range files {
			orig, out, fs, rep := annotated(b, p)
			st := pdfOverlap(b, orig, out, fs, rep, false)
			all.boxed += st.boxed
			all.whole += st.whole
			all.part += st.part
			all.poppler += st.poppler
		}
		b.ReportMetric(float64(all.boxed), "boxed")
		if all.boxed > 0 {
			b.ReportMetric(100*float64(all.whole)/float64(all.boxed), "whole%")
			b.ReportMetric(100*float64(all.part)/float64(all.boxed), "part%")
			b.ReportMetric(100*float64(all.poppler)/float64(all.boxed), "poppler%")
		}
	}
}
