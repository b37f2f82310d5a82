package quantity

import (
	"strings"

	"github.com/shopspring/decimal"
)

// maxDigits bounds the digits of one Arabic number; longer runs are
// identifiers (order numbers, hashes), and the bound keeps the arithmetic cheap.
const maxDigits = 40

// maxTokens bounds the tokens of one numeral run for the same reason.
const maxTokens = 64

// arabic is an Arabic number as written: digits with optional thousands
// separators and a decimal part, in ASCII or full-width characters.
type arabic struct {
	start, end int
	digits     int    // all digits, integer and fraction
	intDigits  int    // digits before the decimal point
	frac       int    // digits after the decimal point
	mant       uint64 // the digits as an integer, valid while digits <= 18
	seps       bool   // written with thousands separators
	lead0      bool   // integer part has a leading zero and more than one digit (0512)
	dotted     bool   // followed by another .digit: a version, date or heading number (1.2.3)
}

// bare reports a plain integer: no separators, no decimal point.
func (a *arabic) bare() bool { return !a.seps && a.frac == 0 }

func (a *arabic) push(d int) {
	if a.digits < 19 {
		a.mant = a.mant*10 + uint64(d)
	}
	a.digits++
}

// value returns the exact value of a.
func (a *arabic) value(s string) decimal.Decimal {
	if a.digits <= 18 {
		return decimal.New(int64(a.mant), -int32(a.frac))
	}
	var b strings.Builder
	for i := a.start; i < a.end; {
		r, sz := runeAt(s, i)
		if d, ok := arabicDigit(r); ok {
			b.WriteByte(byte('0' + d))
		} else if r == '.' || r == '．' {
			b.WriteByte('.')
		}
		i += sz
	}
	v, err := decimal.NewFromString(b.String())
	if err != nil { // cannot happen: only digits and one point were written
		return decimal.Zero
	}
	return v
}

// readArabic reads an Arabic number at i, which must be a digit.
// A thousands separator (, or ，, optionally after one space) is taken only
// when the first group has one to three digits and every following group has
// exactly three digits: in 12，345.6万元 the comma is a separator, in
// 2023，100 and 12，34 it is punctuation.
func readArabic(s string, i int) arabic {
	a := arabic{start: i}
	j := i
	first := -1
	for {
		r, sz := runeAt(s, j)
		d, ok := arabicDigit(r)
		if !ok {
			break
		}
		if first < 0 {
			first = d
		}
		a.push(d)
		j += sz
	}
	a.intDigits = a.digits
	a.lead0 = first == 0 && a.digits > 1
	if a.digits <= 3 && !a.lead0 {
		for {
			k := skipSpaces(s, j, 1)
			r, sz := runeAt(s, k)
			if r != ',' && r != '，' && r != '﹐' {
				break
			}
			k += sz
			var group [3]int
			n := 0
			for n < 4 {
				r, sz := runeAt(s, k)
				d, ok := arabicDigit(r)
				if !ok {
					break
				}
				if n < 3 {
					group[n] = d
				}
				n++
				k += sz
			}
			if n != 3 {
				break
			}
			for _, d := range group {
				a.push(d)
			}
			a.intDigits += 3
			a.seps = true
			j = k
		}
	}
	if r, sz := runeAt(s, j); r == '.' || r == '．' {
		if r2, _ := runeAt(s, j+sz); isArabicDigit(r2) {
			j += sz
			for {
				r, sz := runeAt(s, j)
				d, ok := arabicDigit(r)
				if !ok {
					break
				}
				a.push(d)
				a.frac++
				j += sz
			}
			// A second point followed by a digit: 1.2.3, 2024.1.1.
			for {
				r, sz := runeAt(s, j)
				if r != '.' && r != '．' {
					break
				}
				r2, _ := runeAt(s, j+sz)
				if !isArabicDigit(r2) {
					break
				}
				a.dotted = true
				j += sz
				for {
					r, sz := runeAt(s, j)
					if !isArabicDigit(r) {
						break
					}
					j += sz
				}
			}
		}
	}
	a.end = j
	return a
}

func isArabicDigit(r rune) bool {
	_, ok := arabicDigit(r)
	return ok
}

// numeral is the number part of a quantity: an Arabic number, a Chinese
// numeral, or a mix of both (2.3万, 3万5千, 1千零20).
type numeral struct {
	start, end int
	// runEnd is where the whole run of numeral characters ends; when the run
	// does not parse (十四五, 三四个, 二〇二三) the scanner skips to runEnd.
	runEnd  int
	invalid bool
	// plain is set when the numeral is a single Arabic number (atom) with
	// nothing Chinese around it; value is then computed from atom.
	plain bool
	atom  arabic
	mag   int // power of ten of a magnitude written after a plain atom (1234.56万 → 4)
	val   decimal.Decimal
	// small is the value of a lone Chinese digit or 十/百/千 (hasSmall set),
	// kept as an integer so that the many lone 一 of prose cost no decimal.
	small    int64
	hasSmall bool
	// cnChars counts the Chinese numeral characters; hasCnDigit is set when
	// one of them is a digit (not only units such as 千万).
	cnChars    int
	hasCnDigit bool
	allUpper   bool // every Chinese character is financial uppercase
	hasBig     bool // contains 万 or 亿
	hasArabic  bool // contains Arabic digits
}

// value returns the numeral's exact value.
func (n *numeral) value(s string) decimal.Decimal {
	return n.scaled(s, 0, false)
}

// scaled returns the value times 10^shift, negated when neg. For a plain
// atom of up to 18 digits this is a single decimal.New: the scanner's hot
// path allocates one decimal per quantity.
func (n *numeral) scaled(s string, shift int32, neg bool) decimal.Decimal {
	var v decimal.Decimal
	switch {
	case n.plain && n.atom.digits <= 18:
		m := int64(n.atom.mant)
		if neg {
			m = -m
		}
		return decimal.New(m, int32(n.mag)-int32(n.atom.frac)+shift)
	case n.hasSmall:
		m := n.small
		if neg {
			m = -m
		}
		return decimal.New(m, shift)
	case n.plain:
		v = n.atom.value(s).Shift(int32(n.mag))
	default:
		v = n.val
	}
	if shift != 0 {
		v = v.Shift(shift)
	}
	if neg {
		v = v.Neg()
	}
	return v
}

// bareInt reports a plain integer written without separators, decimals or
// magnitude: the shape of years, codes and telephone numbers.
func (n *numeral) bareInt() bool {
	return n.plain && n.mag == 0 && n.atom.bare()
}

// pow10 returns 10^e as a decimal.
func pow10(e int) decimal.Decimal { return decimal.New(1, int32(e)) }

// numeralRunEnd returns the end of the run of numeral characters at i.
func numeralRunEnd(s string, i int) int {
	for {
		r, sz := runeAt(s, i)
		if sz == 0 || !(isArabicDigit(r) || isCnNumeral(r) || r == '点') {
			return i
		}
		i += sz
	}
}

// isFractionWord reports 百分/千分/万分 at i (百分之, 百分点, 百分位 …):
// they end a numeral run (百分之七十百分位, 3百分点).
func isFractionWord(s string, i int) bool {
	r, sz := runeAt(s, i)
	switch r {
	case '百', '佰', '千', '仟', '万', '萬':
		return hasPrefixAt(s, i+sz, "分")
	}
	return false
}

// readNumeral parses the numeral at i, whose rune is a trigger.
//
// The Chinese grammar is the usual one: units 十百千 within a group of four
// digits, 万 closing a group, 亿 closing a section (万亿 compounds:
// 一万五千亿 = 1.5×10¹²). Omitted leading 一 is allowed (十五, 百三), as is 零
// for skipped places (一百零十万 = 1100000, 一万零百一十一 = 10111). A last
// digit right after 百/千/万/亿 without 零 is colloquial shorthand for the next
// lower place (一百五 = 150, 一万三 = 13000, 一千六点五 = 1600.5). Arabic
// numbers can take the place of digits (2.3万, 1千零20, 3万4000). A decimal
// part after 点 reads digit by digit and may be followed by a magnitude
// (三点五亿 = 3.5×10⁸).
//
// A run that does not parse to its end — two digits in a row (十四五,
// 二〇二三), units out of order, a leading 万 or 亿 — is no number at all.
func readNumeral(s string, i int) numeral {
	n := numeral{start: i, allUpper: true}
	r0, sz0 := runeAt(s, i)
	// Fast path: a lone Chinese digit or 十/百/千 (一般, 统一, 十分, 两个).
	if r1, _ := runeAt(s, i+sz0); !(isCnNumeral(r1) || isArabicDigit(r1) || r1 == '点') || isFractionWord(s, i+sz0) {
		if d, ok := cnDigit(r0); ok {
			n.small, n.hasSmall, n.hasCnDigit = int64(d), true, true
		} else if e, ok := cnUnit(r0); ok && e < 4 {
			n.small, n.hasSmall = pow10Int(e), true
		}
		if n.hasSmall {
			n.cnChars = 1
			n.allUpper = isUpperNumeral(r0)
			n.end, n.runEnd = i+sz0, i+sz0
			return n
		}
	}
	if isArabicDigit(r0) {
		a := readArabic(s, i)
		k := skipSpaces(s, a.end, 2)
		r, _ := runeAt(s, k)
		if !isCnUnitRune(r) || isFractionWord(s, k) || isMeasureAt(s, k) {
			n.plain, n.atom, n.end, n.runEnd, n.hasArabic = true, a, a.end, a.end, true
			return n
		}
		// Fast path: a magnitude alone after the number (1234.56万, 2.3万亿, 8千).
		if mag, e := magnitudeAt(s, k); mag > 0 && !a.dotted && a.digits <= maxDigits {
			if r2, _ := runeAt(s, e); !(isArabicDigit(r2) || isCnNumeral(r2) || r2 == '点') || isFractionWord(s, e) || isMeasureAt(s, e) {
				n.plain, n.atom, n.mag, n.end, n.runEnd, n.hasArabic = true, a, mag, e, e, true
				n.hasBig = mag >= 4
				n.cnChars = 1
				return n
			}
		}
	}

	var (
		total, wan, small, pending decimal.Decimal
		hasTotal, hasWan, hasSmall bool
		hasPending, pendingCn      bool
		lastSmall                  int  // exponent of the last 十百千 in this group
		prevUnit                   int  // exponent of the unit just consumed, 0 after a digit
		colloq                     int  // exponent for colloquial shorthand of the pending digit
		zero                       bool // 零 since the last unit
		anything                   bool
		tokens                     int
		stopClean                  bool
		j                          = i
	)
	intPart := func() decimal.Decimal {
		v := decimal.Zero
		if hasTotal {
			v = v.Add(total)
		}
		if hasWan {
			v = v.Add(wan)
		}
		if hasSmall {
			v = v.Add(small)
		}
		if hasPending {
			p := pending
			if pendingCn && colloq >= 2 {
				p = p.Mul(pow10(colloq - 1))
			}
			v = v.Add(p)
		}
		return v
	}

loop:
	for tokens < maxTokens {
		tokens++
		r, sz := runeAt(s, j)
		if sz == 0 {
			break
		}
		if isArabicDigit(r) {
			if hasPending {
				break
			}
			a := readArabic(s, j)
			if a.digits > maxDigits || a.dotted || a.seps && anything {
				break
			}
			pending, hasPending, pendingCn, colloq = a.value(s), true, false, 0
			n.hasArabic = true
			anything, zero, prevUnit = true, false, 0
			j = a.end
			// 1000  万, 177.1 亿: spaces between an Arabic number and its magnitude.
			if k := skipSpaces(s, j, 2); k > j {
				if r, _ := runeAt(s, k); isCnUnitRune(r) && !isFractionWord(s, k) && !isMeasureAt(s, k) {
					j = k
				}
			}
			continue
		}
		if d, ok := cnDigit(r); ok {
			n.cnChars++
			n.hasCnDigit = true
			if !isUpperNumeral(r) && r != '零' {
				n.allUpper = false
			}
			if d == 0 {
				if !anything {
					pending, hasPending, pendingCn = decimal.Zero, true, false
					anything = true
				} else if hasPending {
					break // 五零, 二〇二三
				} else {
					zero = true
				}
				prevUnit = 0
				j += sz
				continue
			}
			if hasPending {
				break // 十四五, 三四
			}
			pending, hasPending, pendingCn = decimal.New(int64(d), 0), true, true
			colloq = 0
			if !zero && prevUnit >= 2 {
				colloq = prevUnit
			}
			anything, prevUnit = true, 0
			j += sz
			continue
		}
		if e, ok := cnUnit(r); ok {
			if isFractionWord(s, j) || (hasPending && !pendingCn && isMeasureAt(s, j)) {
				stopClean = true
				break
			}
			if !isUpperNumeral(r) {
				n.allUpper = false
			}
			switch {
			case e < 4: // 十百千
				if lastSmall != 0 && e >= lastSmall {
					break loop // 七十百
				}
				m := decimal.New(1, 0)
				if hasPending {
					m = pending
				}
				if hasSmall {
					small = small.Add(m.Mul(pow10(e)))
				} else {
					small, hasSmall = m.Mul(pow10(e)), true
				}
				lastSmall = e
			case e == 4: // 万
				if hasWan || !(hasSmall || hasPending) {
					break loop // 万 leading or doubled
				}
				g := decimal.Zero
				if hasSmall {
					g = g.Add(small)
				}
				if hasPending {
					g = g.Add(pending)
				}
				wan, hasWan = g.Mul(pow10(4)), true
				small, hasSmall, lastSmall = decimal.Zero, false, 0
				n.hasBig = true
			default: // 亿
				if hasTotal || !(hasWan || hasSmall || hasPending) {
					break loop
				}
				g := decimal.Zero
				if hasWan {
					g = g.Add(wan)
				}
				if hasSmall {
					g = g.Add(small)
				}
				if hasPending {
					g = g.Add(pending)
				}
				total, hasTotal = g.Mul(pow10(8)), true
				wan, hasWan, small, hasSmall, lastSmall = decimal.Zero, false, decimal.Zero, false, 0
				n.hasBig = true
			}
			n.cnChars++
			pending, hasPending, pendingCn = decimal.Zero, false, false
			zero, prevUnit, anything = false, e, true
			j += sz
			continue
		}
		if r == '点' && anything {
			// Decimal part: digits one by one.
			k := j + sz
			var frac []byte
			fracStart := k
			for {
				r, sz := runeAt(s, k)
				d, ok := cnDigit(r)
				if !ok {
					break
				}
				if !isUpperNumeral(r) && r != '零' {
					n.allUpper = false
				}
				frac = append(frac, byte('0'+d))
				k += sz
				if len(frac) > maxDigits {
					break
				}
			}
			if len(frac) == 0 {
				stopClean = true
				break
			}
			n.cnChars += 1 + len([]rune(s[fracStart:k]))
			n.hasCnDigit = true
			fv, err := decimal.NewFromString("0." + string(frac))
			if err != nil {
				break
			}
			v := intPart().Add(fv)
			// 三点五亿: a magnitude after the decimals scales the whole number.
			if !hasWan && !hasTotal {
				switch {
				case hasPrefixAt(s, k, "万亿") || hasPrefixAt(s, k, "萬億"):
					v, k = v.Mul(pow10(12)), k+len("万亿")
					n.hasBig = true
				case hasPrefixAt(s, k, "亿") || hasPrefixAt(s, k, "億"):
					v, k = v.Mul(pow10(8)), k+len("亿")
					n.hasBig = true
				case hasPrefixAt(s, k, "万") || hasPrefixAt(s, k, "萬"):
					v, k = v.Mul(pow10(4)), k+len("万")
					n.hasBig = true
				}
			}
			n.val, n.end, n.runEnd = v, k, k
			r, _ := runeAt(s, k)
			if (isArabicDigit(r) || isCnNumeral(r)) && !isFractionWord(s, k) {
				n.invalid = true
				n.runEnd = numeralRunEnd(s, k)
			}
			return n
		}
		stopClean = true
		break
	}
	n.end = j
	n.runEnd = j
	if !anything {
		n.invalid = true
		n.runEnd = numeralRunEnd(s, i)
		if n.runEnd == i {
			_, sz := runeAt(s, i)
			n.runEnd = i + sz
		}
		return n
	}
	if !stopClean {
		if r, _ := runeAt(s, j); isArabicDigit(r) || isCnNumeral(r) {
			n.invalid = true
			n.runEnd = numeralRunEnd(s, j)
			return n
		}
	}
	// 1000  万 ends with spaces inside the run only when a unit follows them.
	n.val = intPart()
	return n
}

func pow10Int(e int) int64 {
	v := int64(1)
	for ; e > 0; e-- {
		v *= 10
	}
	return v
}

// magnitudeAt reads 万亿, 亿, 万 or 千 at i and returns its power of ten and end.
func magnitudeAt(s string, i int) (int, int) {
	r, sz := runeAt(s, i)
	switch r {
	case '万', '萬':
		if r2, sz2 := runeAt(s, i+sz); r2 == '亿' || r2 == '億' {
			return 12, i + sz + sz2
		}
		return 4, i + sz
	case '亿', '億':
		return 8, i + sz
	case '千', '仟':
		return 3, i + sz
	}
	return 0, i
}

func isCnUnitRune(r rune) bool {
	_, ok := cnUnit(r)
	return ok
}

// isMeasureAt reports a measure word at i that begins with a numeral
// character (千克, 千米, 千瓦): after an Arabic number it is the unit, not a
// magnitude (20千克 is 20 kg).
func isMeasureAt(s string, i int) bool {
	return hasPrefixAt(s, i, "千克") || hasPrefixAt(s, i, "千米") || hasPrefixAt(s, i, "千瓦")
}

// scale returns the magnitude the numeral is written in (see bodyScale).
func (n *numeral) scale(s string) string {
	if n.plain {
		switch n.mag {
		case 3:
			return "千"
		case 4:
			return "万"
		case 8:
			return "亿"
		case 12:
			return "万亿"
		}
		return ""
	}
	return bodyScale(s[n.start:n.end])
}

// bodyScale returns the magnitude that scales the whole numeral s[start:end]
// as written ("万" for 一千零二十万, "万亿" for 2.3万亿, "千" for 8千), or "".
// The magnitude must end the numeral and the part before it must hold no
// magnitude of its own (3万5千 has none). 千 counts only after a single
// Arabic number (8千元 is written in 千元, 一千元 in 元).
func bodyScale(body string) string {
	body = strings.TrimRight(body, " \t\u00a0\u3000")
	norm := func(r rune) rune {
		switch r {
		case '萬':
			return '万'
		case '億':
			return '亿'
		case '仟':
			return '千'
		}
		return r
	}
	last, sz := runeBefore(body, len(body))
	last = norm(last)
	var mag string
	cut := len(body) - sz
	switch last {
	case '亿':
		mag = "亿"
		if r, sz2 := runeBefore(body, cut); norm(r) == '万' {
			mag, cut = "万亿", cut-sz2
		}
	case '万':
		mag = "万"
	case '千':
		mag = "千"
	default:
		return ""
	}
	rest := strings.TrimRight(body[:cut], " \t\u00a0\u3000")
	if rest == "" || strings.ContainsAny(rest, "万亿萬億") {
		return ""
	}
	if mag == "千" {
		for _, r := range rest {
			if !(isArabicDigit(r) || r == '.' || r == '．' || r == ',' || r == '，' || r == ' ') {
				return ""
			}
		}
	}
	return mag
}
