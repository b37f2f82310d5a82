package segment

import (
	"unicode/utf8"

	"golang.org/x/text/width"
)

// nulPlaceholder stands in for a NUL byte in the text given to jieba: a NUL
// would end the C string early. A space is a jieba separator, so the NUL
// becomes a token of its own, which Segment then drops.
const nulPlaceholder = ' '

// cleanText is a chunk of input made safe for jieba, with a way back to the
// original byte offsets.
type cleanText struct {
	text string
	// orig[i] is the original offset (relative to the chunk) of the rune that
	// cleaned byte i belongs to; orig[len(text)] is the chunk length. nil means
	// the cleaned text is the chunk itself.
	orig []int32
	// origLen[i] is the original length of the rune starting at cleaned byte i.
	origLen []uint8
}

// needsCleaning reports whether s holds anything jieba must not see as is:
// invalid UTF-8, NUL, or a rune that width folding changes.
func needsCleaning(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return true
		}
		if foldRune(r) != r {
			return true
		}
		i += size
	}
	return false
}

// foldRune folds full-width and half-width variants to their canonical width
// (ＡＢＣ１２３，（） → ABC123,() ; ｶ → カ), as golang.org/x/text/width.Fold does.
// Only U+3000 and the U+FF00 block have such variants, so other runes skip
// the table lookup.
func foldRune(r rune) rune {
	if r != 0x3000 && (r < 0xFF00 || r > 0xFFEF) {
		return r
	}
	if f := width.LookupRune(r).Folded(); f != 0 {
		return f
	}
	return r
}

// foldString folds the widths of a whole string (used for dictionary words).
func foldString(s string) string {
	if !needsCleaning(s) {
		return s
	}
	return cleanChunk(s, nil).text
}

// cleanChunk returns s with invalid UTF-8 bytes replaced by U+FFFD (one per
// byte), NUL bytes replaced by nulPlaceholder and widths folded. Each rune of
// the result stands for exactly one rune (or one invalid byte) of s, which is
// what makes the offset map simple and exact. buf, if given, is reused.
func cleanChunk(s string, buf *cleanBuf) cleanText {
	if !needsCleaning(s) {
		return cleanText{text: s}
	}
	if buf == nil {
		buf = new(cleanBuf)
	}
	out := buf.text[:0]
	orig := buf.orig[:0]
	olen := buf.olen[:0]
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			// keep r: U+FFFD
		case r == 0:
			r = nulPlaceholder
		default:
			r = foldRune(r)
		}
		start := len(out)
		out = utf8.AppendRune(out, r)
		for j := start; j < len(out); j++ {
			orig = append(orig, int32(i))
			olen = append(olen, uint8(size))
		}
		i += size
	}
	orig = append(orig, int32(len(s)))
	olen = append(olen, 0)
	buf.text, buf.orig, buf.olen = out, orig, olen
	return cleanText{text: string(out), orig: orig, origLen: olen}
}

// cleanBuf holds reusable buffers for cleanChunk.
type cleanBuf struct {
	text []byte
	orig []int32
	olen []uint8
}

// span maps the cleaned byte range [start, end) back to the chunk's original
// bytes. end is mapped through the last rune of the range so that it is exact
// even when that rune was folded to a shorter encoding.
func (c cleanText) span(start, end int) (int, int) {
	if c.orig == nil {
		return start, end
	}
	if end <= start {
		o := int(c.orig[start])
		return o, o
	}
	last := end - 1
	return int(c.orig[start]), int(c.orig[last]) + int(c.origLen[last])
}
