// Package segment splits Chinese budget text into words with part-of-speech
// tags, keeping spans recognised earlier (quantities) as atomic tokens.
//
// It wraps github.com/yanyiwu/gojieba (cppjieba) behind the small Segmenter
// interface and works around its measured pitfalls: the dictionaries are
// embedded and written once to the user cache dir (a -trimpath build or a
// moved binary would otherwise panic), every dictionary file is validated
// before jieba sees it (a malformed one aborts the process), the input is
// cleaned first (invalid UTF-8 makes jieba return nothing, a NUL truncates the
// text) and widths are folded, while token offsets always refer to the
// caller's original bytes. A budget user dictionary (budget_dict.txt) makes
// classification names and budget terms single tokens. Part-of-speech tags are
// jieba's: its dictionary's, given with the words (gojieba's TokenizeTagged,
// added in third_party), and its rule for other words (specialTag).
package segment

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/third_party/gojieba"
)

// Token is one word of the input.
type Token struct {
	// Text is exactly input[Start:End] — the caller's original bytes, not the
	// width-folded form jieba saw.
	Text       string
	Start, End int // byte offsets in the input
	// POS is the jieba (ICTCLAS-style) part-of-speech tag: n noun, nz other
	// proper noun (our classification names), v verb, m numeral/quantity,
	// x punctuation, space and other non-words, eng Latin text, …
	POS string
}

// Span is a byte range of the input that must come out as one token.
type Span struct {
	Start, End int
	// POS is the tag of the resulting token; empty means "m" (quantity).
	POS string
}

// QuantityPOS is the tag given to a protected span without its own.
const QuantityPOS = "m"

// Segmenter splits text into tokens. Implementations are safe for concurrent
// use.
type Segmenter interface {
	// Segment returns the tokens of text in order, non-overlapping, each
	// inside text. Every protected span comes out as exactly one token
	// (overlapping spans are merged into one; spans outside text or empty are
	// ignored). NUL bytes produce no token; all other bytes are covered.
	Segment(text string, protected []Span) []Token
}

var (
	defaultOnce sync.Once
	defaultSeg  *jiebaSegmenter
	defaultErr  error
)

// Default returns the process-wide segmenter, loading it on first use (about
// 0.1 s and 100 MB; the dictionaries are unpacked to the user cache dir once,
// beside a snapshot of jieba's built trie that later loads reuse). It is safe
// for concurrent Segment calls.
func Default() (Segmenter, error) {
	defaultOnce.Do(func() {
		defaultSeg, defaultErr = load(CacheRoots())
	})
	if defaultErr != nil {
		return nil, defaultErr
	}
	return defaultSeg, nil
}

// jiebaSegmenter is the gojieba-backed Segmenter.
type jiebaSegmenter struct {
	jieba *gojieba.Jieba
	pool  sync.Pool // *cleanBuf
}

// load prepares the dictionary directory under the first usable root and
// builds the jieba instance. The budget user dictionary is part of that
// directory, so all user words are in place before the first Segment call
// (jieba's AddWord is not safe to call concurrently with segmentation).
func load(roots []string) (seg *jiebaSegmenter, err error) {
	var paths []string
	var record []byte
	var errs []error
	for _, root := range roots {
		p, r, err := prepareDictDir(root)
		if err == nil {
			paths, record = p, r
			break
		}
		errs = append(errs, fmt.Errorf("%s: %w", root, err))
	}
	if paths == nil {
		return nil, fmt.Errorf("segment: no usable dictionary directory: %w", errors.Join(errs...))
	}
	defer func() {
		// gojieba panics when a file is missing (e.g. removed since we
		// validated it); report that as an error.
		if r := recover(); r != nil {
			seg, err = nil, fmt.Errorf("segment: loading jieba: %v", r)
		}
	}()
	dir := filepath.Dir(paths[0])
	snapshot := snapshotName(record)
	j := gojieba.NewJiebaWithSnapshot(filepath.Join(dir, snapshot), paths...)
	removeStaleSnapshots(dir, snapshot)
	return &jiebaSegmenter{jieba: j}, nil
}

// close frees the C++ side; only for tests and benchmarks (Default's instance
// lives for the whole process).
func (s *jiebaSegmenter) close() { s.jieba.Free() }

// maxChunk bounds the text handed to jieba in one call, to keep the C++ side's
// temporary memory small; chunks end at a line break when there is one.
const maxChunk = 16 << 10

// Segment implements Segmenter.
func (s *jiebaSegmenter) Segment(text string, protected []Span) []Token {
	// Budget text averages about one token per 4.4 bytes (pdftotext output
	// of the corpus); size the slice for that to avoid regrowing it.
	tokens := make([]Token, 0, len(text)/4+len(protected)+1)
	pos := 0
	for _, p := range normalizeSpans(protected, len(text)) {
		tokens = s.segmentGap(tokens, text, pos, p.Start)
		tokens = append(tokens, Token{Text: text[p.Start:p.End], Start: p.Start, End: p.End, POS: p.POS})
		pos = p.End
	}
	return s.segmentGap(tokens, text, pos, len(text))
}

// normalizeSpans drops spans that are empty or outside [0, n), sorts them and
// merges overlapping ones, so that each protected byte ends up in exactly one
// token. A merged span keeps the tag of its first part.
func normalizeSpans(spans []Span, n int) []Span {
	if len(spans) == 0 {
		return nil
	}
	out := make([]Span, 0, len(spans))
	for _, p := range spans {
		if p.Start < 0 || p.End > n || p.Start >= p.End {
			continue
		}
		if p.POS == "" {
			p.POS = QuantityPOS
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	merged := out[:0]
	for _, p := range out {
		if k := len(merged) - 1; k >= 0 && p.Start < merged[k].End {
			merged[k].End = max(merged[k].End, p.End)
			continue
		}
		merged = append(merged, p)
	}
	return merged
}

// segmentGap appends the tokens of text[start:end], an unprotected stretch.
func (s *jiebaSegmenter) segmentGap(tokens []Token, text string, start, end int) []Token {
	for start < end {
		cut := chunkEnd(text, start, end)
		tokens = s.segmentChunk(tokens, text, start, cut)
		start = cut
	}
	return tokens
}

// chunkEnd picks where the chunk starting at start ends: end itself if close
// enough, else just after the last line break, or else the last 。, or else
// the last rune boundary, within maxChunk bytes.
func chunkEnd(text string, start, end int) int {
	if end-start <= maxChunk {
		return end
	}
	limit := start + maxChunk
	if i := strings.LastIndexByte(text[start:limit], '\n'); i > 0 {
		return start + i + 1
	}
	if i := strings.LastIndex(text[start:limit], "。"); i > 0 {
		return start + i + len("。")
	}
	for cut := limit; cut > start+maxChunk-utf8.UTFMax; cut-- {
		if utf8.RuneStart(text[cut]) {
			return cut
		}
	}
	return limit
}

// segmentChunk segments one cleaned chunk with jieba (MixSegment, HMM on),
// tags the words and maps them back to the original text.
func (s *jiebaSegmenter) segmentChunk(tokens []Token, text string, start, end int) []Token {
	chunk := text[start:end]
	buf, _ := s.pool.Get().(*cleanBuf)
	if buf == nil {
		buf = new(cleanBuf)
	}
	defer s.pool.Put(buf)
	clean := cleanChunk(chunk, buf)

	emit := func(cs, ce int, pos string) {
		o0, o1 := clean.span(cs, ce)
		if o0 >= o1 {
			return
		}
		tok := Token{Text: text[start+o0 : start+o1], Start: start + o0, End: start + o1, POS: pos}
		if tok.Text == "\x00" || strings.Trim(tok.Text, "\x00") == "" {
			return // a NUL placeholder: NULs are removed, not words
		}
		if isNonWord(clean.text[cs:ce]) {
			tok.POS = "x"
		} else if pos == "" {
			tok.POS = specialTag(clean.text[cs:ce])
		}
		tokens = append(tokens, tok)
	}

	at := 0 // position in clean.text
	for _, w := range s.jieba.TokenizeTagged(clean.text, true) {
		if w.Start < at || w.End <= w.Start || w.End > len(clean.text) {
			continue // never seen; keeps the output well-formed if it happens
		}
		if w.Start > at {
			emitRunes(clean.text, at, w.Start, emit) // text jieba skipped
		}
		emit(w.Start, w.End, w.Tag) // a word outside the dictionary is tagged in emit
		at = w.End
	}
	if at < len(clean.text) {
		emitRunes(clean.text, at, len(clean.text), emit)
	}
	return tokens
}

// emitRunes emits text[from:to] one rune per token, tagged x; a fallback for
// text jieba did not account for.
func emitRunes(text string, from, to int, emit func(cs, ce int, pos string)) {
	for from < to {
		_, size := utf8.DecodeRuneInString(text[from:to])
		emit(from, from+size, "x")
		from += size
	}
}

// isNonWord reports whether a token is only punctuation, symbols or space.
// jieba tags those "x" when they are full-width but "eng" once folded to
// ASCII; we want "x" either way.
func isNonWord(s string) bool {
	if len(s) == 0 {
		return true
	}
	if c := s[0]; c == ' ' || c == '\n' || c == '\t' {
		if len(s) == 1 {
			return true
		}
	} else if c >= 0xE4 && c <= 0xE9 || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
		return false // starts with a CJK ideograph (U+4E00–U+9FFF), digit or letter
	}
	for _, r := range s {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) && !unicode.IsSpace(r) && r != utf8.RuneError {
			return false
		}
	}
	return true
}
