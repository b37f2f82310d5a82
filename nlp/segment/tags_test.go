package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yanyiwu/gojieba"
)

// Segment looks tags up itself instead of calling gojieba's Tag (for speed);
// the tags must be exactly the ones Tag gives, word for word.
func TestTagTableMatchesJiebaTag(t *testing.T) {
	seg := testSegmenter(t).(*jiebaSegmenter)
	text := corpusOrSampleText(t)
	words := 0
	for len(text) > 0 {
		end := chunkEnd(text, 0, len(text))
		clean := cleanChunk(text[:end], nil).text
		text = text[end:]
		tagged := seg.jieba.Tag(clean)
		tokens := seg.jieba.Tokenize(clean, gojieba.DefaultMode, true)
		if len(tagged) != len(tokens) {
			t.Fatalf("Tag gave %d words, Tokenize %d, for %q", len(tagged), len(tokens), clean[:min(len(clean), 200)])
		}
		for i, wt := range tagged {
			j := strings.LastIndexByte(wt, '/')
			word, tag := wt[:j], wt[j+1:]
			if word != tokens[i].Str {
				t.Fatalf("word %d: Tag %q, Tokenize %q", i, word, tokens[i].Str)
			}
			if got := seg.tags.lookup(word); got != tag {
				t.Errorf("%q: our tag %q, jieba's %q", word, got, tag)
			}
			words++
		}
	}
	t.Logf("%d words compared", words)
}

func TestSpecialTag(t *testing.T) {
	tests := map[string]string{
		"a":      "x", // one rune: cppjieba looks at no rune at all
		"ab":     "eng",
		"12":     "m",
		"1a":     "m", // only the first half is inspected
		"a1":     "eng",
		"中文":     "x",
		"2024年":  "m",
		"ABC公司":  "eng",
		"１２３":    "x", // full-width digits are not ASCII (Segment folds them first)
		"3.5":    "m", // only "3" is inspected
		"\uFFFD": "x",
	}
	for word, want := range tests {
		if got := specialTag(word); got != want {
			t.Errorf("specialTag(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestTagTableOverrides(t *testing.T) {
	tt := newTagTable([]byte("预算 10 v\n支出 5 v\n"), []byte("预算 3000 n\n支出\n机关运行经费 nz\n"))
	for word, want := range map[string]string{"预算": "n", "支出": "x", "机关运行经费": "nz", "ab": "eng"} {
		if got := tt.lookup(word); got != want {
			t.Errorf("lookup(%q) = %q, want %q", word, got, want)
		}
	}
}

// corpusOrSampleText is pdftotext output of a few corpus documents when
// available, else the committed sample.
func corpusOrSampleText(tb testing.TB) string {
	tb.Helper()
	if b, ok := tb.(*testing.B); ok {
		text, _ := benchText(b)
		return text
	}
	var all strings.Builder
	if pdfs := corpusPDFs(tb); len(pdfs) > 0 {
		for _, p := range pdfs[:min(len(pdfs), 6)] {
			all.WriteString(pdfText(tb, p))
		}
	}
	if all.Len() > 0 {
		return all.String()
	}
	data, err := os.ReadFile(filepath.Join("testdata", "budget_sample.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}
