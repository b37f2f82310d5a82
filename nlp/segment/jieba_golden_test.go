package segment

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/third_party/gojieba"
)

// third_party/gojieba carries performance patches to cppjieba (see its
// PATCHES.md); these tests pin jieba's behaviour to what upstream v1.4.6 gave,
// recorded before the patches, so that a patch can never change a
// segmentation unnoticed.

var updateJiebaGolden = flag.Bool("update-jieba-golden", false,
	"rewrite testdata/jieba_golden.txt.gz from the current gojieba (only with upstream code)")

const jiebaGoldenFile = "testdata/jieba_golden.txt.gz"

// TestJiebaTokenizeGolden: Tokenize (the call Segment makes) over the
// committed budget sample gives exactly the recorded tokens (their byte
// offsets in each cleaned chunk, chunk after chunk).
func TestJiebaTokenizeGolden(t *testing.T) {
	checkTokenizeGolden(t, testSegmenter(t).(*jiebaSegmenter).jieba)
}

// checkTokenizeGolden compares j's tokens of the budget sample with the
// recorded ones (or records them with -update-jieba-golden).
func checkTokenizeGolden(t *testing.T, j *gojieba.Jieba) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "budget_sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	text := string(data)
	for len(text) > 0 {
		end := chunkEnd(text, 0, len(text))
		clean := cleanChunk(text[:end], nil).text
		text = text[end:]
		for _, w := range j.Tokenize(clean, gojieba.DefaultMode, true) {
			got = append(got, fmt.Sprintf("%d %d", w.Start, w.End))
		}
	}
	if *updateJiebaGolden {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(strings.Join(got, "\n") + "\n"))
		zw.Close()
		if err := os.WriteFile(jiebaGoldenFile, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(jiebaGoldenFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	i := 0
	for ; sc.Scan(); i++ {
		if i >= len(got) {
			t.Fatalf("token %d: got end of tokens, want %q", i, sc.Text())
		}
		if got[i] != sc.Text() {
			t.Fatalf("token %d: got %q, want %q (previous: %q)", i, got[i], sc.Text(), got[max(i-1, 0)])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if i != len(got) {
		t.Fatalf("got %d tokens, want %d", len(got), i)
	}
	t.Logf("%d tokens as recorded", i)
}

// jiebaDictionarySweep is the SHA-256 of TestJiebaDictionarySweep's record,
// taken with upstream gojieba v1.4.6 (no replace directive), and the number of
// words swept. Re-recorded when budget_dict.txt gained 隐债 (349,614 words)
// and again when it gained 超长期特别国债 and four …安排的支出 科目 names
// (349,619 words, 2026-12-03): a small program on upstream v1.4.6 computing
// the same record over the dictionary directory Segment writes (it
// reproduces the earlier hash from the earlier directory each time).
const (
	jiebaDictionarySweep      = "2127d62c79ab882e06e6993c37f7eea3e941278a6bdd7f17aca34eee62de5c24"
	jiebaDictionarySweepWords = 349619
)

// TestJiebaDictionarySweep asks jieba, for every word of the main and the
// budget dictionary, for all dictionary words inside it (CutAll, which walks
// the trie from every position) and for its tagging (Tag, which looks each
// word up). Any change in the trie's contents or lookups changes the record.
func TestJiebaDictionarySweep(t *testing.T) {
	if testing.Short() {
		t.Skip("sweeps 350k words")
	}
	checkDictionarySweep(t, testSegmenter(t).(*jiebaSegmenter).jieba)
}

// checkDictionarySweep compares j's sweep with the recorded one.
func checkDictionarySweep(t *testing.T, j *gojieba.Jieba) {
	t.Helper()
	files, err := dictFiles()
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	words := 0
	for _, i := range []int{0, 2} { // the main and the user dictionary
		data, err := files[i].content()
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.SplitSeq(string(data), "\n") {
			word, _, _ := strings.Cut(line, " ")
			if word == "" {
				continue
			}
			fmt.Fprintf(h, "%s\t%s\t%s\n", word,
				strings.Join(j.CutAll(word), " "), strings.Join(j.Tag(word), " "))
			words++
		}
	}
	sum := hex.EncodeToString(h.Sum(nil))
	if sum != jiebaDictionarySweep || words != jiebaDictionarySweepWords {
		t.Errorf("dictionary sweep over %d words: %s, want %d words: %s", words, sum,
			jiebaDictionarySweepWords, jiebaDictionarySweep)
	}
}

// TestJiebaAddRemoveWordAsUpstream: words added and removed after loading
// (gojieba's AddWord and RemoveWord, which Segment never calls) behave as in
// upstream gojieba v1.4.6, including its RemoveWord, which drops every word
// that begins with the removed word's first character, and characters
// outside the Basic Multilingual Plane. The wanted cuts were taken with
// upstream.
func TestJiebaAddRemoveWordAsUpstream(t *testing.T) {
	paths, _, err := prepareDictDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	j := gojieba.NewJieba(paths...) // a private instance: AddWord is not safe beside Segment
	defer j.Free()
	const s = "财政拨款收入和财政专户管理资金以及预算支出𠀀𠀁"
	steps := []struct {
		do        func()
		cut, full string
	}{
		{func() {}, "财政拨款收入|和|财政专户管理资金|以及|预算|支出|𠀀|𠀁", ""},
		{func() { j.RemoveWord("财政拨款") }, "财|政|拨款|收入|和|财|政|专户|管理|资金|以及|预算|支出|𠀀|𠀁", ""},
		{func() { j.AddWord("𠀀𠀁") }, "财|政|拨款|收入|和|财|政|专户|管理|资金|以及|预算|支出|𠀀𠀁", ""},
		{func() { j.RemoveWord("𠀀𠀁") }, "财|政|拨款|收入|和|财|政|专户|管理|资金|以及|预算|支出|𠀀|𠀁", ""},
		{func() { j.AddWord("预算支出𠀀") }, "财|政|拨款|收入|和|财|政|专户|管理|资金|以及|预算支出𠀀|𠀁",
			"财|政|拨款|收入|和|财|政|专户|管理|资金|以及|预算|预算支出𠀀|支出|𠀁"},
	}
	for i, st := range steps {
		st.do()
		if got := strings.Join(j.Cut(s, false), "|"); got != st.cut {
			t.Errorf("step %d: Cut = %s, want %s", i, got, st.cut)
		}
		if st.full == "" {
			continue
		}
		if got := strings.Join(j.CutAll(s), "|"); got != st.full {
			t.Errorf("step %d: CutAll = %s, want %s", i, got, st.full)
		}
	}
}
