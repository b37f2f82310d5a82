// Package textnorm builds the parsing view of a piece of text: full-width
// digits, letters and punctuation folded to their ASCII forms
// (golang.org/x/text/width) and layout spaces inside numbers and years
// removed, while remembering where every byte of the view came from in the
// original, so that whatever is found in the view can be shown and located
// as it was written.
package textnorm

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// View is the parsing view of an original string.
type View struct {
	// Text is the folded text that parsers work on.
	Text string
	// Orig is the original text.
	Orig string
	// runs maps view offsets back to original offsets: runs[i] says that view
	// bytes from runs[i].view on correspond to original bytes from
	// runs[i].orig on, byte for byte, until the next run.
	runs []run
}

type run struct{ view, orig int }

// Orig returns the original byte offset of view offset i. Offsets inside a
// folded character map to the start of the original character; the offset
// len(Text) maps to len(Orig).
func (v *View) OrigOffset(i int) int {
	if i >= len(v.Text) {
		return len(v.Orig)
	}
	if i <= 0 || len(v.runs) == 0 {
		return max(i, 0)
	}
	k := sort.Search(len(v.runs), func(k int) bool { return v.runs[k].view > i }) - 1
	if k < 0 {
		return i
	}
	r := v.runs[k]
	o := r.orig + (i - r.view)
	// A folded character is one byte in the view and several in the
	// original; the run that follows it starts right after, so o is exact
	// for unfolded bytes and the start of the original character otherwise.
	// A replacement character is longer in the view than the invalid byte
	// it stands for: clamp to the next run so offsets stay monotonic.
	if k+1 < len(v.runs) {
		o = min(o, v.runs[k+1].orig)
	}
	return min(o, len(v.Orig))
}

// origEnd maps an exclusive view end offset to the exclusive original end:
// the end of the original character that holds view byte j-1, so that spaces
// removed after a span are not included in it.
func (v *View) origEnd(j int) int {
	if j <= 0 {
		return v.OrigOffset(0)
	}
	if j >= len(v.Text) {
		return len(v.Orig)
	}
	o := v.OrigOffset(j - 1)
	for o > 0 && o < len(v.Orig) && !utf8.RuneStart(v.Orig[o]) {
		o--
	}
	if o >= len(v.Orig) {
		return len(v.Orig)
	}
	_, n := utf8.DecodeRuneInString(v.Orig[o:])
	return o + n
}

// OrigSpan returns the original text corresponding to view bytes [i, j).
func (v *View) OrigSpan(i, j int) string {
	a, b := v.OrigOffset(i), v.origEnd(j)
	if b < a {
		b = a
	}
	return v.Orig[a:b]
}

// Fold returns the parsing view of s.
func Fold(s string) View {
	if isPlain(s) {
		return View{Text: s, Orig: s}
	}
	var b strings.Builder
	b.Grow(len(s))
	var runs []run
	mark := func(orig int) {
		runs = append(runs, run{view: b.Len(), orig: orig})
	}
	spaced := letterSpaced(s)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isSpace(r2) {
					break
				}
				j += n2
			}
			if spaced || removableSpace(s, i, j) {
				i = j
				mark(i)
				continue
			}
			if r != ' ' || n != 1 {
				// Fold NBSP, ideographic space and tabs to one ASCII space
				// per rune so that columns stay apart.
				for k := i; k < j; {
					_, nk := utf8.DecodeRuneInString(s[k:])
					b.WriteByte(' ')
					k += nk
					mark(k)
				}
				i = j
				continue
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		if f, ok := foldRune(r); ok {
			b.WriteRune(f)
			i += n
			mark(i)
			continue
		}
		if r == utf8.RuneError && n == 1 {
			mark(i)
			b.WriteString("\uFFFD")
			i++
			mark(i)
			continue
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	return View{Text: b.String(), Orig: s, runs: runs}
}

// isPlain reports whether s needs no folding at all (the common case for
// already-clean lines), so Fold can return it without copying.
func isPlain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || isSpace(r) {
			return false
		}
		if _, ok := foldRune(r); ok {
			return false
		}
		i += n
	}
	return true
}

// foldRune folds full-width ASCII variants (U+FF01–U+FF5E) and a few
// look-alikes that layout tools emit for numbers.
func foldRune(r rune) (rune, bool) {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		f := []rune(width.Fold.String(string(r)))
		if len(f) == 1 {
			return f[0], true
		}
	case r == '．' || r == '﹒': // U+FF0E is covered above; U+FE52 small full stop
		return '.', true
	case r == '−' || r == '－': // minus sign
		return '-', true
	}
	return 0, false
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u3000' || r == '\u2002' || r == '\u2003' || r == '\u2009'
}

// removableSpace decides whether the run of spaces s[i:j] is a layout
// artefact inside a number or around a number in Chinese text
// (`与 2023 年度相比`, `1 ,234.5`, `307.82 万元`, `2 023 年`). Spaces between
// two plain numbers are kept: in table rows they separate columns.
func removableSpace(s string, i, j int) bool {
	if i == 0 || j >= len(s) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[j:])
	width := utf8.RuneCountInString(s[i:j])
	if isDigit(prev) && (next == '%' || next == '％' || next == '‰' || isUnitStart(next)) && width <= 8 {
		// Justified prose spreads a number and its unit apart
		// (`增长 21.95   %`, `21,940.96  万元`); a unit always belongs to
		// the number before it.
		return true
	}
	if width > 2 {
		// Wider gaps separate the columns of a table laid out as text.
		return false
	}
	if width == 1 && isHan(prev) && isHan(next) {
		// Letter-spaced headings and justified lines put a space between
		// Chinese characters (`一 般 公 共 预 算 收 入`); Chinese is written
		// without spaces.
		return true
	}
	pd, nd := isDigit(prev), isDigit(next)
	switch {
	case pd && nd:
		return splitDigits(s, i, j)
	case pd && (isNumPunct(next) || isUnitStart(next) || next == '%' || next == '％'):
		// `1 ,234.5`, `307.82 万元`, `2023 年`, `12.08 %`
		if isNumPunct(next) {
			// `1 ,234` only when digits follow the separator
			k := j + utf8.RuneLen(next)
			r, _ := utf8.DecodeRuneInString(s[k:])
			return k < len(s) && isDigit(r)
		}
		return true
	case nd && (isNumPunct(prev) || isHan(prev) || isCJKPunct(prev)):
		// `与 2023`, `增长 12.08%`, `1, 234`, `：2023`
		if isNumPunct(prev) {
			k := i - utf8.RuneLen(prev)
			r, _ := utf8.DecodeLastRuneInString(s[:k])
			return k > 0 && isDigit(r)
		}
		return true
	}
	return false
}

// letterSpaced reports whether s is a letter-spaced line: at least three
// Chinese characters, each standing alone between runs of up to four spaces
// (`大  会  文  件  （  八  ）`, `市  十  七  届  人  大`), a bracket allowed
// beside one. Covers and headings are spaced so; Chinese words are not,
// so every such space is layout and the view reads the words.
func letterSpaced(s string) bool {
	han, tokens := 0, 0
	for i := 0; i < len(s); {
		if r, _ := utf8.DecodeRuneInString(s[i:]); isSpace(r) {
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isSpace(r2) {
					break
				}
				j += n2
			}
			if utf8.RuneCountInString(s[i:j]) > 4 {
				return false
			}
			i = j
			continue
		}
		// One token: a Han character, with at most one bracket beside it,
		// or a bracket alone.
		tokens++
		j, hans, other := i, 0, 0
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if isSpace(r2) {
				break
			}
			switch {
			case isHan(r2):
				hans++
			case strings.ContainsRune("（）()〔〕[]【】", r2):
				other++
			default:
				return false
			}
			if hans > 1 || other > 1 {
				return false // a word: stop at once, most lines have one
			}
			j += n2
		}
		han += hans
		i = j
	}
	return han >= 3 && tokens >= 3
}

// splitDigits reports whether digits on both sides of a space are one
// number broken by layout: a short group (1–3 digits, no decimal point on
// the left) followed by exactly three digits that end the number or continue
// it with a separator, or a year followed by 年.
func splitDigits(s string, i, j int) bool {
	// Left group.
	l := i
	for l > 0 && isASCIIDigitOrFull(s, l) {
		_, n := utf8.DecodeLastRuneInString(s[:l])
		l -= n
	}
	left := utf8.RuneCountInString(s[l:i])
	if l > 0 {
		p, _ := utf8.DecodeLastRuneInString(s[:l])
		if p == '.' || p == '．' || isDigit(p) {
			return false
		}
	}
	// Right group.
	r := j
	for r < len(s) {
		c, n := utf8.DecodeRuneInString(s[r:])
		if !isDigit(c) {
			break
		}
		r += n
	}
	right := utf8.RuneCountInString(s[j:r])
	var after rune
	for r < len(s) {
		c, n := utf8.DecodeRuneInString(s[r:])
		if !isSpace(c) {
			after = c
			break
		}
		r += n
	}
	if left+right == 4 && after == '年' {
		return true // `2 023 年`, `20 23年`
	}
	if left >= 1 && left <= 3 && right == 3 {
		return after == '.' || after == '．' || after == ',' || after == '，' || after == '万' || after == '元' || after == '亿'
	}
	return false
}

func isASCIIDigitOrFull(s string, end int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:end])
	return isDigit(r)
}

func isDigit(r rune) bool { return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') }

func isNumPunct(r rune) bool { return r == '.' || r == ',' || r == '．' || r == '，' }

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isUnitStart reports whether a Han character can start what follows a
// number in budget prose: a unit, a measure word or a date part. A space
// between a number and other Han text (`2010101 行政运行`) is kept.
func isUnitStart(r rune) bool {
	return strings.ContainsRune("年月日号万亿元千百个人名辆台套项次家所期户场件批篇份册平公小天倍余多左以", r)
}

func isCJKPunct(r rune) bool {
	switch r {
	case '：', '（', '(', '“', '「', '、', '；', '，':
		return true
	}
	return false
}

// Squeeze removes the spaces of s that layout put there: all of them but one
// between two Latin letters or digits (合    计 → 合计, 专 项 债 务 → 专项债务,
// PPP 项目 → PPP项目, IT system stays). Chinese is written without spaces,
// so a name read from a letter-spaced or justified line, a table's label
// or a cover is the same name without them.
func Squeeze(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(0)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
			prev = r
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(r2) {
				break
			}
			j += n2
		}
		next, _ := utf8.DecodeRuneInString(s[j:])
		if latin(prev) && latin(next) {
			b.WriteByte(' ')
		}
		i = j
	}
	return b.String()
}

// latin reports whether r is an ASCII letter or digit.
func latin(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
