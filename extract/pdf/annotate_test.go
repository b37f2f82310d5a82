package pdf

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

// lineNotes makes one note per located line of doc's paragraphs.
func lineNotes(doc *extract.Document) []Note {
	var notes []Note
	for _, p := range doc.Pages {
		for _, b := range p.Blocks {
			for _, l := range b.Lines {
				if l.Loc.BBox != nil && strings.TrimSpace(l.Text) != "" {
					notes = append(notes, Note{Page: p.Number, Box: *l.Loc.BBox, Title: "budgetdoc", Contents: "检查：" + l.Text})
				}
			}
		}
	}
	return notes
}

func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// TestAnnotateRoundTrip annotates every paragraph line of fixtures (one of
// them with rotated pages) and re-reads the result with PDFium: each
// annotation is where its line is and holds that line's text.
func TestAnnotateRoundTrip(t *testing.T) {
	for _, name := range []string{"libreoffice_truetype.pdf", "pages3_rotate.pdf", "chromium_cid.pdf", "aes128.pdf", "rc4_40.pdf", "objstm.pdf"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Read(context.Background(), data, extract.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			notes := lineNotes(doc)
			if len(notes) == 0 {
				t.Fatal("no located lines")
			}
			out, err := Annotate(context.Background(), data, notes)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(out, data) {
				t.Error("the annotated copy does not keep the original bytes (not an incremental update)")
			}
			got, err := Annotations(context.Background(), out)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(notes) {
				t.Fatalf("%d annotations, want %d", len(got), len(notes))
			}
			for i, a := range got {
				nt := notes[i]
				if a.Page != nt.Page || a.Subtype != "square" || a.Contents != nt.Contents {
					t.Errorf("annotation %d: page %d %s %q, want page %d square %q", i, a.Page, a.Subtype, a.Contents, nt.Page, nt.Contents)
				}
				for k := range 4 {
					want := nt.Box[k] + []float64{-notePadding, -notePadding, notePadding, notePadding}[k]
					if d := a.Box[k] - want; d > 0.05 || d < -0.05 {
						t.Errorf("annotation %d: box %v, want %v padded by %v", i, a.Box, nt.Box, notePadding)
						break
					}
				}
				line := strings.TrimPrefix(nt.Contents, "检查：")
				if !strings.Contains(squash(a.Text), squash(line)) {
					t.Errorf("annotation %d on page %d: text under it %q does not contain its line %q", i, a.Page, a.Text, line)
				}
			}
		})
	}
}

func TestAnnotateRejectsBadPage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "helvetica.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Annotate(context.Background(), data, []Note{{Page: 99, Box: extract.BBox{1, 1, 2, 2}}})
	if err == nil || !strings.Contains(err.Error(), "page 99") {
		t.Fatalf("err = %v, want one naming page 99", err)
	}
	if _, err := Annotate(context.Background(), []byte("not a pdf"), nil); err == nil {
		t.Fatal("no error for bytes that are not a PDF")
	}
}

func TestRenderPage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "pages3_rotate.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(context.Background(), data, extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Pages {
		img, err := RenderPage(context.Background(), data, p.Number, 72)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(img))
		if err != nil {
			t.Fatal(err)
		}
		// At 72 dpi a pixel is a point: the image is the displayed page.
		if d := float64(cfg.Width) - p.Width; d > 1 || d < -1 {
			t.Errorf("page %d: width %d px, page %.1f pt", p.Number, cfg.Width, p.Width)
		}
		if d := float64(cfg.Height) - p.Height; d > 1 || d < -1 {
			t.Errorf("page %d: height %d px, page %.1f pt", p.Number, cfg.Height, p.Height)
		}
	}
	if _, err := RenderPage(context.Background(), data, 0, 72); err == nil {
		t.Error("no error for page 0")
	}
	if _, err := RenderPage(context.Background(), data, 1, 5000); err == nil {
		t.Error("no error for 5000 dpi")
	}
}
