package pdf

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/extract"
)

const (
	fixtureLine1 = "2024年收入预算总额1234.56万元，比上年减少200万元，下降13.9%。"
	fixtureLine2 = "一般公共预算财政拨款支出预算987.65万元。"
)

func readFile(t testing.TB, path string) *extract.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(context.Background(), data, extract.DefaultLimits)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return doc
}

// pageLines returns the text of every line of a page, in order, table
// cells included (row by row, cell by cell).
func pageLines(p extract.Page) []string {
	var out []string
	for _, b := range p.Blocks {
		for _, l := range b.Lines {
			out = append(out, l.Text)
		}
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for _, c := range row {
					for _, l := range c.Lines {
						out = append(out, l.Text)
					}
				}
			}
		}
	}
	return out
}

func docText(doc *extract.Document) string {
	var b strings.Builder
	for _, p := range doc.Pages {
		for _, l := range pageLines(p) {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestReadFixtures(t *testing.T) {
	plain := []string{fixtureLine1, fixtureLine2}
	tests := []struct {
		file string
		want []string
	}{
		{"chromium_cid.pdf", plain},         // CID TrueType, Identity-H
		{"chromium_type3.pdf", plain},       // Type 3 fonts
		{"libreoffice_truetype.pdf", plain}, // simple TrueType subset
		{"objstm.pdf", plain},               // object streams
		{"rc4_40.pdf", plain},               // RC4, empty user password
		{"aes128.pdf", plain},
		{"aes256.pdf", plain},
		{"unigb_ucs2_h.pdf", plain}, // non-embedded STSong-Light, no ToUnicode
		{"gbk_euc_h.pdf", plain},
		{"fake_bold.pdf", plain}, // the first line is drawn twice, 0.3pt apart
		{"helvetica.pdf", []string{"Budget 2024: total 1234.56, change -13.9%."}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			doc := readFile(t, filepath.Join("testdata", tc.file))
			if len(doc.Pages) != 1 {
				t.Fatalf("%d pages, want 1", len(doc.Pages))
			}
			got := pageLines(doc.Pages[0])
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("text:\n got %q\nwant %q", got, tc.want)
			}
			p := doc.Pages[0]
			if p.Number != 1 || p.Width < 500 || p.Height < 700 {
				t.Errorf("page %d size %.1f×%.1f", p.Number, p.Width, p.Height)
			}
			n := 0
			var prevTop float64
			for _, b := range p.Blocks {
				for _, l := range b.Lines {
					n++
					if l.Loc.Page != 1 || l.Loc.Line != n || l.Loc.BBox == nil {
						t.Fatalf("line %d: loc %+v", n, l.Loc)
					}
					bb := *l.Loc.BBox
					if bb[0] >= bb[2] || bb[1] >= bb[3] || bb[1] < prevTop || bb[3] > p.Height || bb[0] < 0 {
						t.Errorf("line %d: bbox %v on %.0f×%.0f page", n, bb, p.Width, p.Height)
					}
					prevTop = bb[1]
				}
			}
			if len(doc.Warnings) > 0 {
				t.Errorf("warnings: %v", doc.Warnings)
			}
		})
	}
}

func TestReadInfo(t *testing.T) {
	doc := readFile(t, filepath.Join("testdata", "gbk_euc_h.pdf"))
	if doc.Info["Title"] != "budgetdoc fixture" || doc.Info["Producer"] != "budgetdoc pdfgen" {
		t.Errorf("info %v", doc.Info)
	}
	if _, ok := doc.Info["Author"]; ok {
		t.Errorf("absent Author reported: %v", doc.Info)
	}
}

func TestReadErrors(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "libreoffice_truetype.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	locked, err := os.ReadFile(filepath.Join("testdata", "user_password.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i*7919 + i*i*31)
	}
	tests := []struct {
		name string
		data []byte
		lim  extract.Limits
		want error
	}{
		{"empty", nil, extract.DefaultLimits, extract.ErrEmpty},
		{"blank", []byte("  \n"), extract.DefaultLimits, extract.ErrEmpty},
		{"random", random, extract.DefaultLimits, extract.ErrUnsupported},
		{"garbage after header", append([]byte("%PDF-1.7\n"), random...), extract.DefaultLimits, extract.ErrCorrupt},
		{"header only", []byte("%PDF-1.4\n"), extract.DefaultLimits, extract.ErrCorrupt},
		{"truncated", good[:len(good)/3], extract.DefaultLimits, extract.ErrCorrupt},
		{"user password", locked, extract.DefaultLimits, extract.ErrEncrypted},
		{"no page limit", good, extract.Limits{MaxPages: 0}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(context.Background(), tc.data, tc.lim)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
		})
	}
	// Password errors name the cause.
	if _, err := Read(context.Background(), locked, extract.DefaultLimits); err == nil || !strings.Contains(err.Error(), "password is required") {
		t.Errorf("password error %v", err)
	}
	// More pages than allowed.
	big, err := os.ReadFile(filepath.Join("testdata", "pages3_rotate.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Read(context.Background(), big, extract.Limits{MaxPages: 2}); !errors.Is(err, extract.ErrTooLarge) {
		t.Errorf("page limit: %v", err)
	}
}

func TestReadRotatedPages(t *testing.T) {
	doc := readFile(t, filepath.Join("testdata", "pages3_rotate.pdf"))
	want := []struct {
		text string
		w, h float64
		bbox extract.BBox
	}{
		{"Page one.", 595, 842, extract.BBox{72, 111, 127, 125}},
		// /Rotate 90: a landscape page, the upward text reads left to right.
		{"Page two, rotated.", 842, 595, extract.BBox{72, 89, 169, 103}},
		{"Page three.", 595, 842, extract.BBox{72, 111, 134, 125}},
	}
	if len(doc.Pages) != len(want) {
		t.Fatalf("%d pages", len(doc.Pages))
	}
	for i, w := range want {
		p := doc.Pages[i]
		lines := pageLines(p)
		if p.Number != i+1 || p.Width != w.w || p.Height != w.h || len(lines) != 1 || lines[0] != w.text {
			t.Fatalf("page %d: %.0f×%.0f %q", p.Number, p.Width, p.Height, lines)
		}
		got := *p.Blocks[0].Lines[0].Loc.BBox
		for k := range got {
			if got[k] < w.bbox[k]-1 || got[k] > w.bbox[k]+1 {
				t.Errorf("page %d bbox %v, want about %v", i+1, got, w.bbox)
				break
			}
		}
	}
}

func TestReadContext(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "libreoffice_truetype.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, data, extract.DefaultLimits); !errors.Is(err, extract.ErrTimeout) {
		t.Fatalf("cancelled: %v", err)
	}
	// The pool stays usable after a timeout.
	ctx, cancel = context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	time.Sleep(time.Millisecond)
	if _, err := Read(ctx, data, extract.DefaultLimits); !errors.Is(err, extract.ErrTimeout) {
		t.Fatalf("deadline: %v", err)
	}
	if _, err := Read(context.Background(), data, extract.DefaultLimits); err != nil {
		t.Fatalf("after timeouts: %v", err)
	}
}
