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
	// shifts records, after every rune whose cleaned length differs from
	// its original length, the pair (cleaned offset, original offset); between
	// two shifts the offsets move together. nil means text is the chunk itself.
	shifts []shift
	cursor int // index into shifts used by the last span call
}

type shift struct{ clean, orig int32 }

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
	return cleanChunk(s, nil).text
}

// cleanChunk returns s with invalid UTF-8 bytes replaced by U+FFFD (one per
// byte), NUL bytes replaced by nulPlaceholder and widths folded. Each rune of
// the result stands for exactly one rune (or one invalid byte) of s, so jieba's
// token boundaries, which fall between runes, map back exactly. Text that
// needs none of this is returned as is. buf, if given, is reused.
func cleanChunk(s string, buf *cleanBuf) cleanText {
	if buf == nil {
		buf = new(cleanBuf)
	}
	out := buf.text[:0]
	shifts := buf.shifts[:0]
	copied := 0 // s[:copied] is already in out
	changed := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				out = append(out, s[copied:i]...)
				out = append(out, nulPlaceholder) // same length: no shift
				copied, changed = i+1, true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var repl rune
		switch {
		case r == utf8.RuneError && size == 1:
			repl = utf8.RuneError
		case c == 0xE3 || c == 0xEF: // the only lead bytes of foldable runes
			if f := foldRune(r); f != r {
				repl = f
			}
		}
		if repl == 0 {
			i += size
			continue
		}
		out = append(out, s[copied:i]...)
		out = utf8.AppendRune(out, repl)
		i += size
		copied, changed = i, true
		shifts = append(shifts, shift{clean: int32(len(out)), orig: int32(i)})
	}
	if !changed {
		return cleanText{text: s}
	}
	out = append(out, s[copied:]...)
	if shifts == nil {
		shifts = []shift{} // NUL replacement only: offsets unchanged but text copied
	}
	buf.text, buf.shifts = out, shifts
	return cleanText{text: string(out), shifts: shifts}
}

// cleanBuf holds reusable buffers for cleanChunk.
type cleanBuf struct {
	text   []byte
	shifts []shift
}

// orig maps a cleaned offset that falls between runes to the original
// offset. Calls with non-decreasing offsets (the usual case) are amortised
// O(1); others restart the scan.
func (c *cleanText) orig(off int) int {
	if len(c.shifts) == 0 {
		return off
	}
	if c.cursor > 0 && int(c.shifts[c.cursor-1].clean) > off {
		c.cursor = 0
	}
	for c.cursor < len(c.shifts) && int(c.shifts[c.cursor].clean) <= off {
		c.cursor++
	}
	if c.cursor == 0 {
		return off
	}
	sh := c.shifts[c.cursor-1]
	return int(sh.orig) + off - int(sh.clean)
}

// span maps the cleaned byte range [start, end) back to the chunk's original
// bytes.
func (c *cleanText) span(start, end int) (int, int) {
	return c.orig(start), c.orig(end)
}
