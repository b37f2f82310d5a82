package read

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/internal/hostile"
)

// TestTextLimit: the text limit holds for every format that can carry much
// text, whichever way the reader meets it (refused unread, stopped while
// reading, or measured after), and a document under it is read.
func TestTextLimit(t *testing.T) {
	const limit = 64 << 10
	gen := func(f func(io.Writer, int64) error, n int64) []byte {
		var b bytes.Buffer
		if err := f(&b, n); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"text just over", gen(hostile.Text, limit+1000), "more than 64 KiB of text"},
		{"text far over", gen(hostile.Text, 3*limit), "more than 64 KiB of text"},
		{"one long line", gen(hostile.LongLine, 2*limit), "more than 64 KiB of text"},
		{"pages JSON", gen(hostile.PagesJSON, limit+1000), "more than 64 KiB of text"},
		{"pages JSON far over", gen(hostile.PagesJSON, 7*limit), "more than 64 KiB of text"},
		{"docx", gen(hostile.DOCX, 2*limit), "more than 64 KiB of text"},
		{"html", gen(hostile.HTML, 2*limit), "more than 64 KiB of text"},
		{"html far over", gen(hostile.HTML, 9*limit), "the HTML page is more than 512 KiB"},
		{"xlsx shared strings", gen(hostile.XLSX, 5*limit), "the shared strings"},
		{"xlsx cells", gen(hostile.XLSX, 3*limit), "more than 64 KiB of text"},
		{"text under", gen(hostile.Text, limit/2), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Bytes(context.Background(), "x", tc.data, Options{Limits: extract.Limits{MaxText: limit}})
			if tc.want == "" {
				if err != nil {
					t.Fatalf("under the limit: %v", err)
				}
				return
			}
			if !errors.Is(err, extract.ErrTooLarge) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want too large: …%s…", err, tc.want)
			}
		})
	}
}

// TestSpecialFileRefused: a named pipe is refused at once, never opened in a
// way that waits for a writer.
func TestSpecialFileRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o666); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, path := range []string{fifo, dir} {
		_, _, err := File(context.Background(), path, Options{})
		if !errors.Is(err, extract.ErrUnsupported) || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("%s: %v", path, err)
		}
	}
	if _, err := os.Stat(fifo); err != nil {
		t.Error(err)
	}
}

// TestRefusedUnread: a file of a text format over the size its reader
// accepts is refused from its first bytes, with the reader's message,
// without its bytes being read into memory; a file that its reader may
// accept is read whole.
func TestRefusedUnread(t *testing.T) {
	lim := extract.Limits{MaxText: 1 << 20}
	dir := t.TempDir()
	write := func(name string, gen func(io.Writer, int64) error, n int64) string {
		path := filepath.Join(dir, name)
		if err := hostile.WriteFile(path, func(w io.Writer) error { return gen(w, n) }); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, tc := range []struct {
		name string
		path string
		want string // "" when read
	}{
		{"text", write("big.txt", hostile.Text, 24<<20), "big.txt: text: exceeds a safety limit: the document has more than 1 MiB of text"},
		{"long line", write("line.txt", hostile.LongLine, 3<<20), "line.txt: text: exceeds a safety limit: the document has more than 1 MiB of text"},
		{"pages json", write("pages.json", hostile.PagesJSON, 24<<20), "pages.json: pages-json: exceeds a safety limit: the document has more than 1 MiB of text"},
		{"html", write("big.html", hostile.HTML, 24<<20), "big.html: html: exceeds a safety limit: the HTML page is more than 8 MiB"},
		{"html the reader may take", write("ok.html", hostile.HTML, 7<<20), ""},
		{"text the reader may take", write("ok.txt", hostile.Text, 2<<20), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			data, err := ReadRegular(tc.path, lim)
			runtime.ReadMemStats(&after)
			allocated := after.TotalAlloc - before.TotalAlloc
			if tc.want == "" {
				if err != nil || len(data) == 0 {
					t.Fatalf("ReadRegular: %d bytes, %v", len(data), err)
				}
				return
			}
			if err == nil || !errors.Is(err, extract.ErrTooLarge) || !strings.HasSuffix(err.Error(), tc.want) {
				t.Errorf("err = %v, want …%s", err, tc.want)
			}
			if allocated > 1<<20 {
				t.Errorf("%d bytes allocated to refuse it: the file was read", allocated)
			}
			// The reader says the same of the whole file.
			whole, rerr := os.ReadFile(tc.path)
			if rerr != nil {
				t.Fatal(rerr)
			}
			_, _, berr := Bytes(context.Background(), tc.path, whole, Options{Limits: lim})
			if berr == nil || berr.Error() != err.Error() {
				t.Errorf("read whole: %v; refused unread: %v", berr, err)
			}
		})
	}
}
