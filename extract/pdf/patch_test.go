package pdf

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/pdf/pdfiumpatch"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
	"github.com/klippa-app/go-pdfium"
)

// testPDFs returns the PDF fixtures and, unless -short, the corpus PDFs
// when the corpus is present.
func testPDFs(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*.pdf"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no PDF fixtures: %v", err)
	}
	if testing.Short() {
		return paths
	}
	shared := filepath.Join(testenv.ModuleRoot(t), "..", "shared", "corpus")
	corpus, _ := filepath.Glob(filepath.Join(shared, "real", "*.pdf"))
	// Two government reports whose typesetter drew symbols with private-use
	// glyphs beyond the BMP (surrogate pairs, the decimal-point shape rule),
	// and one with one-glyph runs of non-embedded fonts (inkless.go).
	for _, name := range []string{"tianjin_2025_govwide_budget_report.pdf", "ezhou_2025_govwide_budget_execution_report.pdf",
		"taian_2025_govwide_budget_execution_report.pdf"} {
		if p := filepath.Join(shared, "govwide", name); fileExists(p) {
			corpus = append(corpus, p)
		}
	}
	return append(paths, corpus...)
}

// testInstance returns an instance of eng, given back when the test ends.
func testInstance(tb testing.TB, eng *pdfiumEngine) pdfium.Pdfium {
	tb.Helper()
	inst, err := eng.acquire(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		eng.releaseSlot()
		retire(inst, true)
	})
	return inst
}

// TestPatchApplies guards the speed-up: the pinned go-pdfium must carry the
// PDFium build pdfiumpatch knows, and the engine must run the patched module.
func TestPatchApplies(t *testing.T) {
	if _, err := pdfiumpatch.Patch(stockModule); err != nil {
		t.Fatalf("pdfiumpatch does not apply to go-pdfium's module (was go-pdfium upgraded?): %v", err)
	}
}

// TestPatchedMatchesStock reads every fixture and corpus PDF on the patched
// module and on go-pdfium's own: the documents must be identical. One
// instance of each reads all files in turn, so fonts of one document die
// and the next document's fonts may reuse their addresses, the case the
// memo's generation counter is there for.
func TestPatchedMatchesStock(t *testing.T) {
	paths := testPDFs(t)
	patched, err := getEngine()
	if err != nil {
		t.Fatal(err)
	}
	stock, err := newEngine(1, false, stockModule)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	instP, instS := testInstance(t, patched), testInstance(t, stock)

	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		docP, _, errP := readDocument(ctx, instP, data, extract.DefaultLimits)
		docS, _, errS := readDocument(ctx, instS, data, extract.DefaultLimits)
		if (errP == nil) != (errS == nil) {
			t.Errorf("%s: patched error %v, stock error %v", path, errP, errS)
			continue
		}
		if !reflect.DeepEqual(docP, docS) {
			t.Errorf("%s: the patched module reads the document differently", path)
		}
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
