package outline

import (
	"strings"
	"unicode/utf8"
)

// Style is a heading or list numbering style. The order is the usual
// nesting order of Chinese official documents: 第一部分 > 一、 > （一） >
// 1. > (1) > ①.
type Style int

const (
	NoStyle     Style = iota
	Part              // 第一部分, 第一章
	CNComma           // 一、
	CNParen           // （一） (一)
	ArabicDot         // 1. 1、 1．
	ArabicParen       // (1) （1） 1） 1)
	Circled           // ①
)

var styleNames = [...]string{"", "第一部分", "一、", "（一）", "1.", "(1)", "①"}

func (s Style) String() string {
	if int(s) < len(styleNames) {
		return styleNames[s]
	}
	return "?"
}

// Marker is a parsed heading or list number.
type Marker struct {
	Style Style
	N     int    // the number's value: 一 → 1, 12 → 12, ③ → 3
	Raw   string // as written, e.g. "（三）", "3．"
	// Variant distinguishes forms within a style that should not be mixed
	// among siblings: "(" vs "（", "." vs "、" vs "．".
	Variant string
}

// ParseMarker reads a numbering marker at the start of s (after leading
// spaces) and returns it with the rest of the line.
func ParseMarker(s string) (Marker, string, bool) {
	t := strings.TrimLeft(s, " \t\u3000")
	if m, rest, ok := parsePart(t); ok {
		return m, rest, true
	}
	r, n := utf8.DecodeRuneInString(t)
	switch {
	case r == '(' || r == '（':
		if m, rest, ok := parseParen(t, n, string(r)); ok {
			return m, rest, true
		}
	case r >= '①' && r <= '⑳':
		return Marker{Style: Circled, N: int(r-'①') + 1, Raw: t[:n]}, t[n:], true
	case isCNDigit(r):
		v, k := cnNumber(t)
		if k == 0 || k >= len(t) {
			return Marker{}, s, false
		}
		sep, sn := utf8.DecodeRuneInString(t[k:])
		if sep == '、' || sep == '.' || sep == '．' {
			return Marker{Style: CNComma, N: v, Raw: t[:k+sn], Variant: string(sep)}, t[k+sn:], true
		}
	case r >= '0' && r <= '9':
		k := 0
		for k < len(t) && k < 3 && t[k] >= '0' && t[k] <= '9' {
			k++
		}
		if k > 2 || k >= len(t) {
			return Marker{}, s, false
		}
		v := atoi(t[:k])
		sep, sn := utf8.DecodeRuneInString(t[k:])
		switch sep {
		case '.', '．', '、':
			// "1.5个百分点" is a number, not a marker.
			if sep == '.' && k+1 < len(t) && t[k+1] >= '0' && t[k+1] <= '9' {
				return Marker{}, s, false
			}
			return Marker{Style: ArabicDot, N: v, Raw: t[:k+sn], Variant: string(sep)}, t[k+sn:], true
		case ')', '）':
			return Marker{Style: ArabicParen, N: v, Raw: t[:k+sn], Variant: ")" + string(sep)}, t[k+sn:], true
		}
	}
	return Marker{}, s, false
}

func parsePart(t string) (Marker, string, bool) {
	if !strings.HasPrefix(t, "第") {
		return Marker{}, "", false
	}
	u := t[len("第"):]
	v, k := cnNumber(u)
	if k == 0 {
		for k < len(u) && u[k] >= '0' && u[k] <= '9' && k < 3 {
			k++
		}
		if k == 0 {
			return Marker{}, "", false
		}
		v = atoi(u[:k])
	}
	for _, unit := range []string{"部分", "章", "节"} {
		if strings.HasPrefix(u[k:], unit) {
			end := len("第") + k + len(unit)
			return Marker{Style: Part, N: v, Raw: t[:end], Variant: unit}, t[end:], true
		}
	}
	return Marker{}, "", false
}

func parseParen(t string, n int, open string) (Marker, string, bool) {
	u := t[n:]
	var v, k int
	var style Style
	if r, _ := utf8.DecodeRuneInString(u); isCNDigit(r) {
		v, k = cnNumber(u)
		style = CNParen
	} else {
		for k < len(u) && k < 3 && u[k] >= '0' && u[k] <= '9' {
			k++
		}
		if k == 0 || k > 2 {
			return Marker{}, t, false
		}
		v = atoi(u[:k])
		style = ArabicParen
	}
	if k == 0 || k >= len(u) {
		return Marker{}, t, false
	}
	c, cn := utf8.DecodeRuneInString(u[k:])
	if c != ')' && c != '）' {
		return Marker{}, t, false
	}
	end := n + k + cn
	return Marker{Style: style, N: v, Raw: t[:end], Variant: open + string(c)}, t[end:], true
}

func isCNDigit(r rune) bool {
	return strings.ContainsRune("零〇一二三四五六七八九十百", r)
}

// cnNumber reads a Chinese numeral below 1000 (一, 十二, 二十, 一百零五) and
// returns its value and byte length (0 when there is none).
func cnNumber(s string) (int, int) {
	digit := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur, i := 0, 0, 0
	seen := false
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if d, ok := digit[r]; ok {
			cur = d
		} else if r == '十' {
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		} else if r == '百' {
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		} else {
			break
		}
		seen = true
		i += n
	}
	if !seen {
		return 0, 0
	}
	return total + cur, i
}

func atoi(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v
}
