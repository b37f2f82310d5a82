package pdf

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/extract"
)

// FuzzRead feeds mutated PDFs to Read: it must not panic, must not hang,
// and must fail only with the package's documented sentinels.
func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.pdf"))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"))
	lim := extract.Limits{MaxPages: 20, MaxBytes: 1 << 20, MaxCells: 1000}
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		doc, err := Read(ctx, data, lim)
		if err != nil {
			if errors.Is(err, extract.ErrTimeout) {
				t.Fatalf("hang: %v", err)
			}
			if stack := extract.StackOf(err); stack != nil {
				t.Fatalf("%v\n%s", err, stack)
			}
			for _, sentinel := range []error{extract.ErrEmpty, extract.ErrUnsupported, extract.ErrCorrupt,
				extract.ErrEncrypted, extract.ErrTooLarge} {
				if errors.Is(err, sentinel) {
					return
				}
			}
			t.Fatalf("error without a sentinel: %v", err)
		}
		if len(doc.Pages) == 0 || len(doc.Pages) > lim.MaxPages {
			t.Fatalf("%d pages", len(doc.Pages))
		}
		for _, p := range doc.Pages {
			for _, b := range p.Blocks {
				for _, l := range b.Lines {
					for _, r := range l.Text {
						if isUnmapped(r) {
							t.Fatalf("unmapped %U", r)
						}
					}
				}
			}
		}
	})
}
