package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MixedPunctuation finds a half-width mark between Chinese words in a
// document that punctuates with full-width marks.
var MixedPunctuation = &Rule{
	ID:       "mixed-punctuation",
	Doc:      "an ASCII comma or semicolon inside Chinese text of a document punctuated with full-width marks: …支出,比上年增加…",
	Severity: Info,
	Why:      "Chinese text takes full-width marks (，；？！); an ASCII comma or semicolon between Chinese words is a typing slip that careful review removes. Only a mark after a Chinese character (or 元, %, a closing bracket or quote) and before Chinese, a figure or an opening bracket or quote is judged, in prose lines that use full-width marks themselves: a thousands separator (1,234.56), English text, table rows and chart labels (基本支出, 59.35%) are not. A document that writes half-width marks throughout (fewer than two full-width marks for each half-width one) follows a house style and is not reported; ASCII colons (单位:万元, 注:) are left alone for the same reason. Info.",
	Example:  "一般公共预算财政拨款支出5377.64万元,比上年增加120.00万元。",
	Since:    "v0.2.0",
	Run:      runMixedPunctuation,
}

// fullWidthMarks are the marks whose count tells a document's own style.
const fullWidthMarks = "，；：。、？！"

func runMixedPunctuation(p *Pass) {
	type spot struct {
		l    TextLine
		i, j int // original bytes of the context quoted
		mark rune
	}
	var spots []spot
	full := 0
	for _, l := range p.Prose() {
		o := l.Orig
		n := 0
		for _, r := range o {
			if strings.ContainsRune(fullWidthMarks, r) {
				n++
			}
		}
		full += n
		if n == 0 {
			continue // a label or a line in another style: nothing mixed in it
		}
		for i, r := range o {
			if r != ',' && r != ';' && r != '?' && r != '!' {
				continue
			}
			a, prev := runeBefore(o, i)
			b, next := runeAfter(o, i+1)
			if !chineseBefore(prev) || !chineseAfter(next) {
				continue
			}
			// quote a character or two either side
			a2, _ := runeBefore(o, a)
			b2, _ := runeAfter(o, b)
			spots = append(spots, spot{l, max(a2, 0), b2, r})
		}
	}
	if len(spots) == 0 || 2*len(spots) > full {
		return // half-width marks throughout: the document's style, not a slip
	}
	for _, s := range spots {
		p.ReportOrig(s.l.Line, s.i, s.j, fmt.Sprintf("中文文本中使用了半角标点“%c”，应为全角“%c” / ASCII punctuation inside Chinese text", s.mark, fullWidthOf(s.mark)))
	}
}

// runeBefore returns the start of the last rune of s[:i] that is not a
// space, and the rune (-1, utf8.RuneError at the start).
func runeBefore(s string, i int) (int, rune) {
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
		if r != ' ' && r != '\u3000' {
			return i, r
		}
	}
	return -1, utf8.RuneError
}

// runeAfter returns the end of the first rune of s[i:] that is not a space,
// and the rune (len(s), utf8.RuneError at the end).
func runeAfter(s string, i int) (int, rune) {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if r != ' ' && r != '\u3000' {
			return i, r
		}
	}
	return len(s), utf8.RuneError
}

func chineseBefore(r rune) bool {
	return unicode.Is(unicode.Han, r) || strings.ContainsRune("%％）”》", r)
}

func chineseAfter(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= '0' && r <= '9' || strings.ContainsRune("“（《", r)
}

func fullWidthOf(r rune) rune {
	switch r {
	case ',':
		return '，'
	case ';':
		return '；'
	case '?':
		return '？'
	}
	return '！'
}
