package read

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// corpusDir returns ../shared/corpus/real beside the module root, or skips.
func corpusDir(t testing.TB) string {
	t.Helper()
	return testenv.CorpusDir(t)
}

func docxBomb(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, n := range []string{"[Content_Types].xml", "word/document.xml"} {
		f, _ := w.Create(n)
		if n == "word/document.xml" {
			f.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`))
			chunk := bytes.Repeat([]byte("预"), 1<<16)
			for i := 0; i < 40; i++ { // 7.5 MiB of text, far above the test limit
				f.Write(chunk)
			}
			f.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
		} else {
			f.Write([]byte(`<Types/>`))
		}
	}
	w.Close()
	return buf.Bytes()
}

// Bad input gives one error naming the file and the cause — never a panic
// or a hang.
func TestBadInput(t *testing.T) {
	rnd := make([]byte, 4096)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range rnd {
		rnd[i] = byte(r.UintN(256))
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...)
	tests := []struct {
		name string
		data []byte
		opt  Options
		want error
	}{
		{"empty", nil, Options{}, extract.ErrEmpty},
		{"truncated pdf", []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"), Options{}, extract.ErrCorrupt},
		{"garbage after pdf header", append([]byte("%PDF-1.4\n"), rnd...), Options{}, extract.ErrCorrupt},
		{"zip that is not docx", zipWith(t, "readme.txt"), Options{}, extract.ErrUnsupported},
		{"docx bomb", docxBomb(t), Options{Limits: extract.Limits{MaxBytes: 1 << 20}}, extract.ErrTooLarge},
		{"ole not word", ole, Options{}, nil}, // corrupt or unsupported; either names the cause
		{"random bytes", rnd, Options{}, extract.ErrUnsupported},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Bytes(context.Background(), "bad/"+tc.name+".bin", tc.data, tc.opt)
			if err == nil {
				t.Fatal("no error")
			}
			var e *extract.Error
			if !errors.As(err, &e) || e.Path != "bad/"+tc.name+".bin" {
				t.Fatalf("error %v does not name the file", err)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("error %q, want cause %v", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			t.Logf("%v", err)
		})
	}
}

func zipWith(t *testing.T, names ...string) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, n := range names {
		f, _ := w.Create(n)
		f.Write([]byte("x"))
	}
	w.Close()
	return buf.Bytes()
}

func TestGuardedTimeout(t *testing.T) {
	slow := func(ctx context.Context, _ []byte, _ extract.Limits) (*extract.Document, error) {
		time.Sleep(2 * time.Second) // a reader that ignores its context
		return &extract.Document{}, nil
	}
	_, err := guarded(context.Background(), slow, nil, Options{Timeout: 50 * time.Millisecond})
	if !errors.Is(err, extract.ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
}

// A reader's bug is ErrInternal with its stack, never ErrCorrupt, whether
// the reader recovers it or guarded does; a deliberate abort on malformed
// input is ErrCorrupt.
func TestGuardedPanic(t *testing.T) {
	bug := func(context.Context, []byte, extract.Limits) (*extract.Document, error) {
		var m map[string]int
		//lint:ignore SA5000 the bug this test injects: a nil-map panic in a reader
		m["x"] = 1
		return nil, nil
	}
	recovering := func(ctx context.Context, data []byte, lim extract.Limits) (doc *extract.Document, err error) {
		defer extract.Recover(&doc, &err)
		return bug(ctx, data, lim)
	}
	for name, fn := range map[string]readerFunc{"unguarded reader": bug, "reader with Recover": recovering} {
		_, err := guarded(context.Background(), fn, nil, Options{})
		if !errors.Is(err, extract.ErrInternal) || errors.Is(err, extract.ErrCorrupt) {
			t.Fatalf("%s: err = %v, want ErrInternal", name, err)
		}
		if stack := string(extract.StackOf(err)); !strings.Contains(stack, "read.TestGuardedPanic.func1") {
			t.Errorf("%s: stack lacks the panicking function:\n%s", name, stack)
		}
	}

	abort := func(context.Context, []byte, extract.Limits) (*extract.Document, error) {
		extract.Abort("table %d has no rows", 2)
		return nil, nil
	}
	_, err := guarded(context.Background(), abort, nil, Options{})
	if !errors.Is(err, extract.ErrCorrupt) || errors.Is(err, extract.ErrInternal) || extract.StackOf(err) != nil {
		t.Fatalf("abort: err = %v, want ErrCorrupt", err)
	}
}

// Every document of the shared corpus reads, with text on most pages and no
// replacement or private-use characters.
func TestCorpusReads(t *testing.T) {
	dir := corpusDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		if strings.HasSuffix(f, ".md") || strings.HasSuffix(f, ".csv") {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc, src, err := File(context.Background(), f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Pages) == 0 {
				t.Fatal("no pages")
			}
			var han, bad int
			for _, p := range doc.Pages {
				for _, b := range p.Blocks {
					for _, r := range b.Text() {
						switch {
						case r >= 0x4E00 && r <= 0x9FFF:
							han++
						case r == 0xFFFD || (r >= 0xE000 && r <= 0xF8FF):
							bad++
						}
					}
				}
			}
			if han < 200 {
				t.Errorf("only %d Han characters", han)
			}
			if bad > 0 {
				t.Errorf("%d replacement/private-use characters", bad)
			}
			t.Logf("%s: %d pages, %d Han characters", src.Format, len(doc.Pages), han)
		})
	}
}
