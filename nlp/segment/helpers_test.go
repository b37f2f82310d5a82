package segment

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// testSegmenter returns the shared segmenter or fails the test.
func testSegmenter(tb testing.TB) Segmenter {
	tb.Helper()
	s, err := Default()
	if err != nil {
		tb.Fatalf("Default: %v", err)
	}
	return s
}

// protect returns spans for each quantity, found left to right in text.
func protect(tb testing.TB, text string, quantities ...string) []Span {
	tb.Helper()
	var spans []Span
	from := 0
	for _, q := range quantities {
		i := strings.Index(text[from:], q)
		if i < 0 {
			tb.Fatalf("quantity %q not found in %q after byte %d", q, text, from)
		}
		spans = append(spans, Span{Start: from + i, End: from + i + len(q)})
		from += i + len(q)
	}
	return spans
}

// checkInvariants verifies what Segment promises for any input: tokens lie
// inside the text, are ordered and non-overlapping, carry their own text and
// a tag, cover every byte except NULs, and every usable protected span is
// inside exactly one token (merged spans share one).
func checkInvariants(tb testing.TB, text string, protected []Span, tokens []Token) {
	tb.Helper()
	prevEnd := 0
	covered := make([]bool, len(text))
	for i, tk := range tokens {
		if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > len(text) {
			tb.Fatalf("token %d [%d,%d) out of order or range (prev end %d, len %d)", i, tk.Start, tk.End, prevEnd, len(text))
		}
		if tk.Text != text[tk.Start:tk.End] {
			tb.Fatalf("token %d text %q != input[%d:%d] %q", i, tk.Text, tk.Start, tk.End, text[tk.Start:tk.End])
		}
		if tk.POS == "" {
			tb.Fatalf("token %d %q has no POS", i, tk.Text)
		}
		for j := tk.Start; j < tk.End; j++ {
			covered[j] = true
		}
		prevEnd = tk.End
	}
	for i, c := range covered {
		if !c && text[i] != 0 {
			tb.Fatalf("byte %d (%q) is in no token", i, text[i])
		}
	}
	for _, p := range protected {
		if p.Start < 0 || p.End > len(text) || p.Start >= p.End {
			continue
		}
		whole := false
		for _, tk := range tokens {
			if tk.Start <= p.Start && p.End <= tk.End {
				whole = true
				break
			}
		}
		if !whole {
			tb.Fatalf("protected span [%d,%d) %q is not inside one token", p.Start, p.End, text[p.Start:p.End])
		}
	}
}

// texts returns the token texts.
func texts(tokens []Token) []string {
	out := make([]string, len(tokens))
	for i, tk := range tokens {
		out[i] = tk.Text
	}
	return out
}

// moduleRoot walks up from the working directory to the directory holding
// go.mod.
func moduleRoot(tb testing.TB) string {
	tb.Helper()
	return testenv.ModuleRoot(tb)
}

// corpusPDFs lists the real corpus PDFs, or nil when ../shared or pdftotext
// is missing.
func corpusPDFs(tb testing.TB) []string {
	tb.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return nil
	}
	pdfs, _ := filepath.Glob(filepath.Join(moduleRoot(tb), "..", "shared", "corpus", "real", "*.pdf"))
	return pdfs
}

// pdfText is the pdftotext output of one PDF ("" if it fails).
func pdfText(tb testing.TB, path string) string {
	tb.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// writeDictFiles writes the five files gojieba.NewJieba takes into dir, with
// the given main and user dictionaries and the embedded HMM model, and
// returns their paths in NewJieba order.
func writeDictFiles(tb testing.TB, dir, mainDict, userDict string) []string {
	tb.Helper()
	files, err := dictFiles()
	if err != nil {
		tb.Fatal(err)
	}
	var paths []string
	for _, df := range files {
		data, err := df.content()
		if err != nil {
			tb.Fatal(err)
		}
		switch df.name {
		case "jieba.dict.utf8":
			data = []byte(mainDict)
		case "user.dict.utf8":
			data = []byte(userDict)
		}
		p := filepath.Join(dir, df.name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}
