package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/third_party/gojieba"
)

// Segment takes tags from gojieba's TokenizeTagged (added in third_party)
// and applies jieba's rule for unknown words itself, instead of calling
// gojieba's Tag, which builds and copies a "word/tag" string per word. The
// words and tags must be exactly the ones Tag gives.
func TestTagsMatchJiebaTag(t *testing.T) {
	seg := testSegmenter(t).(*jiebaSegmenter)
	text := corpusOrSampleText(t)
	words, fromDict := 0, 0
	for len(text) > 0 {
		end := chunkEnd(text, 0, len(text))
		clean := cleanChunk(text[:end], nil).text
		text = text[end:]
		tagged := seg.jieba.Tag(clean)
		tokens := seg.jieba.TokenizeTagged(clean, true)
		if len(tagged) != len(tokens) {
			t.Fatalf("Tag gave %d words, TokenizeTagged %d, for %q", len(tagged), len(tokens), clean[:min(len(clean), 200)])
		}
		for i, wt := range tagged {
			j := strings.LastIndexByte(wt, '/')
			word, tag := wt[:j], wt[j+1:]
			if word != tokens[i].Str {
				t.Fatalf("word %d: Tag %q, TokenizeTagged %q", i, word, tokens[i].Str)
			}
			got := tokens[i].Tag
			if got == "" {
				got = specialTag(word)
			} else {
				fromDict++
			}
			if got != tag {
				t.Errorf("%q: our tag %q, jieba's %q", word, got, tag)
			}
			words++
		}
	}
	if fromDict == 0 || fromDict == words {
		t.Errorf("%d of %d words tagged from the dictionary: the test does not test both paths", fromDict, words)
	}
	t.Logf("%d words compared, %d tagged from the dictionary", words, fromDict)
}

// TestTokenizeTaggedUserDictionary: tags come from the entry that wins in
// jieba's trie — a user dictionary entry overrides the main dictionary's, and
// an entry without a tag falls back to the rule for unknown words.
func TestTokenizeTaggedUserDictionary(t *testing.T) {
	paths := writeDictFiles(t, t.TempDir(), "预算 10 v\n支出 5 v\n收入 5 v\n", "预算 3000 n\n支出\n机关运行经费 nz\n")
	j := gojieba.NewJieba(paths...)
	defer j.Free()
	var got []string
	for _, w := range j.TokenizeTagged("预算支出收入机关运行经费", false) {
		got = append(got, w.Str+"/"+w.Tag)
	}
	if want := "预算/n 支出/ 收入/v 机关运行经费/nz"; strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
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
