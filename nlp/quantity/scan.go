package quantity

import (
	"github.com/shopspring/decimal"
)

// Scan returns the quantities of text in order of position. It never fails:
// what it cannot read is not a quantity. Spans never overlap.
func Scan(text string, opt Options) []Quantity {
	sc := scanner{s: text, out: make([]Quantity, 0, len(text)/256+4)}
	if e, ok := defaultScales[opt.DefaultScale]; ok {
		sc.defScale, sc.defExp, sc.hasDef = opt.DefaultScale, e, true
	}
	sc.run()
	return sc.out
}

type scanner struct {
	s        string
	defScale string
	defExp   int32
	hasDef   bool
	out      []Quantity
	// floor is the end of the last quantity: looking back for a sign or a
	// currency prefix must not reach into it.
	floor int
}

// run walks the text byte by byte and tries a quantity at every digit or
// Chinese numeral. ASCII bytes and the CJK lead bytes are checked without
// decoding where possible; this loop is the hot path.
func (sc *scanner) run() {
	s := sc.s
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			switch {
			case c >= '0' && c <= '9':
				i = sc.at(i)
			case (c == 'h' || c == 'w' || c == 'H' || c == 'W') && isURLStart(s, i):
				i = skipURL(s, i)
			default:
				i++
			}
			continue
		}
		// Every trigger is a three-byte sequence (U+0800..U+FFFF).
		if c >= 0xE0 && c < 0xF0 && i+2 < len(s) {
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if triggers[r>>3]&(1<<(r&7)) != 0 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && r >= 0x800 {
				i = sc.at(i)
				continue
			}
			i += 3
			continue
		}
		i++
	}
}

func isURLStart(s string, i int) bool {
	return hasPrefixAt(s, i, "http://") || hasPrefixAt(s, i, "https://") ||
		hasPrefixAt(s, i, "HTTP://") || hasPrefixAt(s, i, "HTTPS://") || hasPrefixAt(s, i, "www.")
}

// skipURL skips a URL: ASCII up to a space, a control character or non-ASCII.
func skipURL(s string, i int) int {
	for i < len(s) && s[i] > ' ' && s[i] < 0x80 {
		i++
	}
	return i
}

// isIdentPunct are the ASCII characters that glue digits into identifiers,
// file names and URLs.
func isIdentPunct(r rune) bool {
	switch r {
	case '_', '%', '/', '=', '&', '#', '@', '\\', '?', '+', '*', '^', '|', '<', '>':
		return true
	}
	return false
}

// skipIdent skips an ASCII identifier (A2021…, issue%2D9114, v1.2.3).
func skipIdent(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c >= 0x80 || c <= ' ' || c == ',' || c == ';' || c == '"' || c == '\'' || c == '(' || c == ')' {
			break
		}
		i++
	}
	return i
}

// skipChain skips digit groups joined by - / : . (telephone numbers, dates,
// times, ranges such as 2023-2025), starting at the end of a number.
func skipChain(s string, i int) int {
	for {
		r, sz := runeAt(s, i)
		if !(r == '-' || r == '－' || r == '/' || r == ':' || r == '.' || r == '．' || r == '−') {
			return i
		}
		r2, _ := runeAt(s, i+sz)
		if !isArabicDigit(r2) {
			return i
		}
		i += sz
		for {
			r, sz := runeAt(s, i)
			if !isArabicDigit(r) {
				break
			}
			i += sz
		}
	}
}

func isDash(r rune, _ int) bool {
	return r == '-' || r == '－' || r == '—' || r == '–'
}

func isChainSep(r rune) bool {
	return r == '-' || r == '－' || r == '/' || r == ':' || r == '−'
}

// at tries a quantity at i and returns where scanning continues, always
// past i.
func (sc *scanner) at(i int) int {
	next := sc.try(i)
	if next <= i {
		_, sz := runeAt(sc.s, i)
		next = i + max(sz, 1)
	}
	return next
}

func (sc *scanner) try(i int) int {
	s := sc.s
	r0, sz0 := runeAt(s, i)
	if isArabicDigit(r0) {
		pr, psz := runeBefore(s, i)
		if isASCIILetter(pr) || isIdentPunct(pr) {
			return skipIdent(s, i)
		}
		// 0512-6800123: the second group of a chain.
		if isChainSep(pr) {
			if ppr, _ := runeBefore(s, i-psz); isArabicDigit(ppr) {
				return skipChain(s, readArabic(s, i).end)
			}
		}
	}
	if isFractionWord(s, i) {
		return sc.fraction(i)
	}
	n := readNumeral(s, i)
	if n.invalid {
		return n.runEnd
	}
	if n.end <= i {
		return i + sz0
	}
	if n.plain {
		a := &n.atom
		if a.digits > maxDigits {
			return a.end // an identifier, or a run of digit groups
		}
		if a.dotted {
			return a.end
		}
		nr, nsz := runeAt(s, a.end)
		if isASCIILetter(nr) {
			return skipIdent(s, i)
		}
		if isChainSep(nr) {
			if r2, _ := runeAt(s, a.end+nsz); isArabicDigit(r2) {
				return skipChain(s, a.end)
			}
		}
	}
	q, next, ok := sc.quantity(&n)
	if ok {
		sc.out = append(sc.out, q)
		sc.floor = q.End
	}
	if next <= i {
		next = n.end
	}
	return next
}

// suffix is what follows a numeral.
type suffix struct {
	kind     Kind
	unit     string // ISO code, "%", "个百分点" or the measure word
	word     string // the currency word as written (for Scale)
	shift    int32  // power of ten applied to the value
	end      int    // end of the quantity's text
	money    decimal.Decimal
	addMoney bool // money holds 角/分 to add
}

// quantity reads the context around numeral n and builds the quantity.
func (sc *scanner) quantity(n *numeral) (Quantity, int, bool) {
	s := sc.s
	start := n.start
	var q Quantity

	// Look behind: sign, currency prefix, approximation, ordinal.
	neg := false
	if pr, psz := runeBefore(s, start); (pr == '-' || pr == '－' || pr == '−' || pr == '﹣') && start-psz >= sc.floor {
		ppr, _ := runeBefore(s, start-psz)
		if !(isArabicDigit(ppr) || isASCIILetter(ppr)) {
			start -= psz
			neg = true
		}
	} else if k := skipSpacesBack(s, start, 2); hasSuffixAt(s, k, "负") && k-len("负") >= sc.floor {
		start = k - len("负")
		neg = true
	}
	prefixISO, prefixWord := "", ""
	if k := skipSpacesBack(s, start, 3); mayEndCurrencyPrefix(s, k) {
		for _, c := range currencyPrefixes {
			if hasSuffixAt(s, k, c.word) && k-len(c.word) >= sc.floor {
				prefixISO, prefixWord = c.iso, c.word
				start = k - len(c.word)
				break
			}
		}
	}
	before := skipSpacesBack(s, start, 1)
	if hasSuffixAt(s, before, "第") {
		return q, n.end, false // 第一部分, 第2次
	}
	approx := approxBeforeAt(s, before)
	prevRune, _ := runeBefore(s, start)

	// The number and what follows it.
	var shift int32 // powers of ten to apply to the numeral's value
	end := n.end
	k := skipSpaces(s, end, 2)
	innerMag := ""
	if r, rsz := runeAt(s, k); r == '余' || r == '多' {
		k2 := k + rsz
		mag := ""
		for _, m := range [...]string{"万亿", "亿", "万", "千", "百", "十"} {
			if hasPrefixAt(s, k2, m) && !isMeasureAt(s, k2) {
				mag = m
				break
			}
		}
		if mag != "" || sc.unitFollows(n, k2) {
			approx = true
			innerMag = mag
			end = k2 + len(mag)
			k = end
			shift += int32(magExp(mag))
		}
	}
	suf, hasUnit := sc.readSuffix(n, k, prefixISO)
	if hasUnit && suf.kind == Count && hasSpaceBetween(s, end, k) > 1 {
		hasUnit = false // table columns: 1,234.56   人员经费
	}
	if !hasUnit {
		// A unit in brackets, as in 绩效目标 tables: ≥80.00(%), ≥1.00(个).
		if r, rsz := runeAt(s, k); r == '(' || r == '（' {
			if suf2, ok := sc.readSuffix(n, k+rsz, prefixISO); ok && !suf2.addMoney {
				if r2, sz2 := runeAt(s, suf2.end); r2 == ')' || r2 == '）' {
					suf, hasUnit = suf2, true
					suf.end += sz2
				}
			}
		}
	}
	if !hasUnit && prefixISO == "" {
		// A line break between the number and its money or percent unit, as
		// PDF extraction leaves it: 增加 24⏎万元, 0万⏎元.
		if k2 := skipLineBreak(s, end); k2 > end {
			mag := ""
			if !n.hasBig && innerMag == "" {
				for _, m := range [...]string{"万亿", "亿", "万"} {
					if hasPrefixAt(s, k2, m) {
						mag = m
						break
					}
				}
			}
			if suf2, ok := sc.readSuffix(n, k2+len(mag), ""); ok && suf2.kind != Count {
				suf, hasUnit = suf2, true
				if mag != "" {
					shift += int32(magExp(mag))
					innerMag = mag
				}
			}
		}
	}
	if hasUnit {
		end = suf.end
	}
	after := end
	if w := approxAfterAt(s, after); w > after {
		approx, after = true, w
	}
	nextRune, _ := runeAt(s, skipSpaces(s, end, 2))

	// What is not a quantity.
	if prefixISO == "" && !neg {
		if sc.notAQuantity(n, start, hasUnit, suf, prevRune, nextRune) {
			return q, n.runEnd, false
		}
	}
	if hasUnit && suf.kind == Count && suf.unit == "年" && n.bareInt() &&
		n.atom.intDigits == 4 && n.atom.mant >= 1000 && n.atom.mant <= 2999 {
		return q, suf.end, false // 2023年
	}

	q = Quantity{Start: start, End: end, Text: s[start:end], Approx: approx, Negative: neg}
	switch {
	case hasUnit:
		q.Kind, q.Unit = suf.kind, suf.unit
		shift += suf.shift
		if q.Kind == Money {
			scale := innerMag
			if scale == "" {
				scale = n.scale(s)
			}
			if suf.unit == "CNY" {
				q.Scale = scale + "元"
			} else {
				q.Scale = scale + suf.word
			}
		}
	case prefixISO != "":
		q.Kind, q.Unit = Money, prefixISO
		scale := innerMag
		if scale == "" {
			scale = n.scale(s)
		}
		if prefixISO == "CNY" {
			q.Scale = scale + "元"
		} else {
			q.Scale = scale + prefixWord
		}
	default:
		q.Kind = Number
		mag := innerMag
		if mag == "" && n.hasArabic {
			mag = n.scale(s)
		}
		switch {
		case sc.hasDef && n.plain && n.mag == 0:
			q.Kind, q.Unit, q.Scale, q.FromContext = Money, "CNY", sc.defScale, true
			shift += sc.defExp
		case (mag == "万" || mag == "亿" || mag == "万亿") && n.hasArabic && isAmountSlot(s, start):
			q.Kind, q.Unit, q.Scale, q.FromContext = Money, "CNY", mag+"元", true
		}
	}
	q.Value = n.scaled(s, shift, neg)
	if hasUnit && suf.addMoney {
		m := suf.money
		if neg {
			m = m.Neg()
		}
		q.Value = q.Value.Add(m)
	}
	return q, after, true
}

// skipLineBreak skips spaces, one line break and the spaces after it from
// i; it returns i when there is no line break.
func skipLineBreak(s string, i int) int {
	k := skipSpaces(s, i, 8)
	if hasPrefixAt(s, k, "\r\n") {
		k += 2
	} else if hasPrefixAt(s, k, "\n") {
		k++
	} else {
		return i
	}
	return skipSpaces(s, k, 64)
}

// hasSpaceBetween counts the horizontal spaces between i and j.
func hasSpaceBetween(s string, i, j int) int {
	n := 0
	for i < j {
		r, sz := runeAt(s, i)
		if isSpace(r) {
			n++
		}
		i += sz
	}
	return n
}

func magExp(m string) int {
	switch m {
	case "十":
		return 1
	case "百":
		return 2
	case "千":
		return 3
	case "万":
		return 4
	case "亿":
		return 8
	case "万亿":
		return 12
	}
	return 0
}

// approxAfterAt returns the end of an approximation word after i (左右,
// 以上 …), or i.
func approxAfterAt(s string, i int) int {
	a := skipSpaces(s, i, 1)
	for _, w := range approxAfter {
		if hasPrefixAt(s, a, w) {
			return a + len(w)
		}
	}
	return i
}

// mayEndCurrencyPrefix cheaply rules out most positions before checking the
// currency prefixes (人民币, 港币, ￥ …) ending at k.
func mayEndCurrencyPrefix(s string, k int) bool {
	r, _ := runeBefore(s, k)
	return r == '币' || r == '￥' || r == '¥'
}

// approxBeforeAt reports an approximation word ending at i.
func approxBeforeAt(s string, i int) bool {
	switch r, _ := runeBefore(s, i); r {
	case '约', '近', '逾', '过':
	default:
		return false
	}
	for _, w := range approxBefore {
		if !hasSuffixAt(s, i, w) {
			continue
		}
		p, _ := runeBefore(s, i-len(w))
		switch w {
		case "约":
			switch p {
			case '节', '制', '契', '签', '条', '公', '预', '合', '邀', '违', '履', '相', '婚', '规':
				return false
			}
		case "近":
			switch p {
			case '最', '附', '靠', '亲', '邻', '临', '贴':
				return false
			}
		}
		return true
	}
	return false
}

// isAmountSlot reports a bare 万/亿 number in an amount slot: right after a
// word naming an amount (项目总预算1170.00万, 预算安排为45.6万), or after a
// colon whose label in the same clause names one (年度预算安排：45.6万,
// 资金总额（万元）：120万). Elsewhere (中大乐透1600万) 万 without 元 stays a
// Number.
func isAmountSlot(s string, start int) bool {
	k := skipSpacesBack(s, start, 2)
	for _, w := range [...]string{"为", "是", "达"} {
		if hasSuffixAt(s, k, w) {
			k -= len(w)
			break
		}
	}
	for _, w := range amountLabels {
		if hasSuffixAt(s, k, w) {
			return true
		}
	}
	r, sz := runeBefore(s, k)
	if r != '：' && r != ':' {
		return false
	}
	k -= sz
	lo := k
	for n := 0; n < 16 && lo > 0; n++ {
		r, sz := runeBefore(s, lo)
		switch r {
		case '，', '。', '；', ';', ',', '\n', '：', ':', '、':
			n = 16
			continue
		}
		lo -= sz
	}
	label := s[lo:k]
	for _, w := range amountLabels {
		if len(label) >= len(w) && containsString(label, w) {
			return true
		}
	}
	return false
}

func containsString(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// unitFollows reports whether a currency, percent or measure word starts at k.
func (sc *scanner) unitFollows(n *numeral, k int) bool {
	_, ok := sc.readSuffix(n, k, "")
	return ok
}

// readSuffix reads the unit at k: a percent sign, 个百分点, a currency word
// (with 角/分 and 整 after it), or a measure word.
func (sc *scanner) readSuffix(n *numeral, k int, prefixISO string) (suffix, bool) {
	s := sc.s
	r, rsz := runeAt(s, k)
	if rsz == 0 {
		return suffix{}, false
	}
	switch r {
	case '%', '％', '﹪':
		return suffix{kind: Percent, unit: "%", end: k + rsz}, true
	case '‰':
		return suffix{kind: Percent, unit: "%", shift: -1, end: k + rsz}, true
	case '‱':
		return suffix{kind: Percent, unit: "%", shift: -2, end: k + rsz}, true
	}
	if hasPrefixAt(s, k, "个百分点") {
		return suffix{kind: PercentPoint, unit: "个百分点", end: k + len("个百分点")}, true
	}
	if hasPrefixAt(s, k, "百分点") {
		return suffix{kind: PercentPoint, unit: "个百分点", end: k + len("百分点")}, true
	}
	if !isHan(r) {
		return suffix{}, false
	}
	chinese := n.cnChars > 0 && !n.hasArabic
	for _, c := range currencyByFirst[r] {
		if !hasPrefixAt(s, k, c.word) {
			continue
		}
		e := k + len(c.word)
		suf := suffix{kind: Money, unit: c.iso, word: c.word, shift: c.shift, end: e}
		if prefixISO != "" && c.iso == "CNY" && (c.word == "元" || c.word == "圆") {
			suf.unit, suf.word = prefixISO, "元"
		}
		if followedByWordSuffix(s, e) {
			return suffix{}, false // 一元化
		}
		switch c.word {
		case "元", "圆", "块":
			if v, e2, ok := jiaoFen(s, e); ok {
				suf.money, suf.addMoney, e = v, true, e2
			} else if c.word == "块" && !hasPrefixAt(s, e, "钱") {
				goto measureWords // 展板10块: a measure word
			}
			if hasPrefixAt(s, e, "钱") {
				e += len("钱")
			} else if c.word != "块" && !suf.addMoney && (hasPrefixAt(s, e, "整") || hasPrefixAt(s, e, "正")) {
				nr, _ := runeAt(s, e+len("整"))
				if (n.allUpper && chinese) || !isHan(nr) {
					e += len("整")
				}
			}
			if (c.word == "元" || c.word == "圆") && hasPrefixAt(s, e, "人民币") {
				e += len("人民币") // 8亿元人民币
			}
		case "美元":
			// 两美元又三美分
			if hasPrefixAt(s, e, "又") {
				if d, e2, ok := singleDigit(s, e+len("又")); ok && hasPrefixAt(s, e2, "美分") {
					suf.money, suf.addMoney = decimal.New(int64(d), -2), true
					e = e2 + len("美分")
				}
			}
		}
		suf.end = e
		return suf, true
	}
	// 肆角叁分, 负壹角: 角/分 alone only with financial uppercase.
	if (r == '角' || r == '分') && chinese && n.allUpper && n.cnChars == 1 {
		if v, e, ok := jiaoFen(s, n.start); ok {
			return suffix{kind: Money, unit: "CNY", word: "元", shift: 0, end: e, money: v.Sub(n.value(s)), addMoney: true}, true
		}
	}
measureWords:
	for _, m := range measureByFirst[r] {
		if !hasPrefixAt(s, k, m.word) {
			continue
		}
		if m.arabicOnly && chinese {
			return suffix{}, false
		}
		if followedByWordSuffix(s, k+len(m.word)) {
			return suffix{}, false // 一次性, 一门式
		}
		if m.word == "年" && hasPrefixAt(s, k+len(m.word), "度") {
			return suffix{}, false // 上一年度, 2024 年度
		}
		return suffix{kind: Count, unit: m.word, end: k + len(m.word)}, true
	}
	return suffix{}, false
}

// followedByWordSuffix reports 式/性/化 at i, which turn a numeral and unit
// into a word (一次性, 一站式, 一元化).
func followedByWordSuffix(s string, i int) bool {
	return hasPrefixAt(s, i, "性") || hasPrefixAt(s, i, "式") || hasPrefixAt(s, i, "化")
}

// singleDigit reads one digit (Chinese, or Arabic not followed by another
// digit or a decimal point) at i.
func singleDigit(s string, i int) (int, int, bool) {
	r, sz := runeAt(s, i)
	if d, ok := cnDigit(r); ok {
		return d, i + sz, true
	}
	if d, ok := arabicDigit(r); ok {
		r2, _ := runeAt(s, i+sz)
		if isArabicDigit(r2) || r2 == '.' || r2 == '．' {
			return 0, i, false
		}
		return d, i + sz, true
	}
	return 0, i, false
}

// jiaoFen reads the 角/毛 and 分 that may follow 元 (六角七分, 零壹分, 三毛).
func jiaoFen(s string, i int) (decimal.Decimal, int, bool) {
	v := decimal.Zero
	found := false
	k := i
	if hasPrefixAt(s, k, "零") {
		k += len("零")
	}
	if d, e, ok := singleDigit(s, k); ok && (hasPrefixAt(s, e, "角") || hasPrefixAt(s, e, "毛")) {
		v = v.Add(decimal.New(int64(d), -1))
		k = e + len("角")
		found = true
		if hasPrefixAt(s, k, "零") {
			k += len("零")
		}
	}
	if d, e, ok := singleDigit(s, k); ok && hasPrefixAt(s, e, "分") {
		v = v.Add(decimal.New(int64(d), -2))
		k = e + len("分")
		found = true
	}
	if !found {
		return decimal.Zero, i, false
	}
	return v, k, true
}

// notAQuantity applies the rules that reject a number by its context: dates,
// years, headings, document numbers, codes, telephone numbers, and Chinese
// numerals that are part of words.
func (sc *scanner) notAQuantity(n *numeral, start int, hasUnit bool, suf suffix, prev, next rune) bool {
	s := sc.s
	// Enclosed: (一), （1）, 〔2021〕, [3], 【2】.
	if !hasUnit {
		switch prev {
		case '(', '（', '〔', '[', '［', '【', '〈', '《':
			switch next {
			case ')', '）', '〕', ']', '］', '】', '〉', '》':
				return true
			}
		}
		switch next {
		case '、', '月', '日', '号', '时':
			return true // 一、 1、 1月 31日 101号 10时
		}
	}
	if n.plain && n.mag == 0 {
		a := &n.atom
		if a.lead0 {
			return true // 0512, 06: codes and telephone area codes
		}
		if !hasUnit && a.bare() && isDash(runeBefore(s, skipSpacesBack(s, start, 1))) && isDash(runeAt(s, skipSpaces(s, a.end, 1))) {
			return true // - 12 -: a page number
		}
		if !hasUnit && a.bare() {
			if a.digits >= 7 && (a.digits == 11 && s[a.start] == '1' || lineContainsBefore(s, start, 36, phoneLabels)) {
				return true
			}
			if a.intDigits == 4 && a.mant >= 1900 && a.mant <= 2100 && !sc.hasDef {
				return true // a year: 2023—2025, 与 2023 年度
			}
			if codeAhead(s, a.end) || a.digits == 2 && codeBehind(s, start) {
				return true // 2080501 行政运行, 201   06   01   行政运行
			}
		}
		if !hasUnit && atLineStart(s, start) {
			switch next {
			case '.', '．', ')', '）':
				return true // 1.  1）
			}
			if !a.bare() && isHan(next) {
				return true // 1.1 项目概述
			}
		}
		if !hasUnit && (next == ')' || next == '）') && (prev == '(' || prev == '（') {
			return true
		}
		return false
	}
	if n.hasArabic {
		return n.plain && n.atom.lead0 // 0512万
	}
	// Chinese numerals: a lone character (or units only, 千万) inside a word,
	// or any numeral directly followed by a word without a unit (十九大).
	if !hasUnit && ((n.cnChars == 1 || !n.hasCnDigit) && (isHan(prev) || isHan(next)) || isHan(next)) {
		return true
	}
	if !hasUnit && atLineStart(s, start) && (next == '.' || next == '．') {
		return true
	}
	return false
}

// codeAhead reports a classification code: the bare integer ending at i is
// followed (after spaces, maybe through more bare integers of the code such
// as 201   06   01) by a name, not by a unit.
func codeAhead(s string, i int) bool {
	for step := 0; step < 4; step++ {
		k := i
		for {
			r, sz := runeAt(s, k)
			if sz == 0 || !isSpace(r) {
				break
			}
			k += sz
		}
		r, _ := runeAt(s, k)
		if isHan(r) {
			for _, w := range approxAfter {
				if hasPrefixAt(s, k, w) {
					return false
				}
			}
			return true
		}
		if k == i || !isArabicDigit(r) {
			return false
		}
		a := readArabic(s, k)
		if !a.bare() || a.dotted || a.digits > 7 {
			return false
		}
		if a.digits == 2 {
			return true // 208   05: 类 and 款 of a code
		}
		i = a.end
	}
	return false
}

// codeBehind reports the 款 or 项 part of a code: only bare integers and
// spaces precede start on its line (208   05   05).
func codeBehind(s string, start int) bool {
	k := start
	groups := 0
	for k > start-64 {
		r, sz := runeBefore(s, k)
		switch {
		case sz == 0 || r == '\n' || r == '\r' || r == '\f':
			return groups > 0
		case isSpace(r):
			k -= sz
		case r >= '0' && r <= '9':
			for {
				r, sz := runeBefore(s, k)
				if !(r >= '0' && r <= '9') {
					break
				}
				k -= sz
			}
			groups++
		default:
			return false
		}
	}
	return false
}

// fraction reads 百分之X, 千分之X and 万分之X at i.
func (sc *scanner) fraction(i int) int {
	s := sc.s
	r, sz := runeAt(s, i)
	k := i + sz + len("分")
	if !hasPrefixAt(s, k, "之") {
		return k // 百分点, 百分比 without a number before
	}
	k += len("之")
	var shift int32
	switch r {
	case '千', '仟':
		shift = -1
	case '万', '萬':
		shift = -2
	}
	neg := false
	if hasPrefixAt(s, k, "负") {
		k += len("负")
		neg = true
	}
	k = skipSpaces(s, k, 1)
	r2, sz2 := runeAt(s, k)
	if sz2 == 0 || !isTrigger(r2) || isFractionWord(s, k) {
		return k
	}
	n := readNumeral(s, k)
	if n.invalid || n.end <= k {
		if n.runEnd > k {
			return n.runEnd
		}
		return k + sz2
	}
	if n.plain && (n.atom.dotted || n.atom.digits > maxDigits) {
		return n.atom.end
	}
	start := i
	pneg := false
	if pk := skipSpacesBack(s, start, 1); hasSuffixAt(s, pk, "负") && pk-len("负") >= sc.floor {
		start, pneg = pk-len("负"), true
	}
	v := n.scaled(s, shift, neg != pneg)
	q := Quantity{Kind: Percent, Start: start, End: n.end, Text: s[start:n.end], Value: v, Unit: "%",
		Negative: neg != pneg, Approx: approxBeforeAt(s, skipSpacesBack(s, start, 1))}
	after := n.end
	if w := approxAfterAt(s, after); w > after {
		q.Approx, after = true, w
	}
	sc.out = append(sc.out, q)
	sc.floor = q.End
	return after
}
