package quantity

import (
	"strings"
	"unicode/utf8"
)

// This file holds the character classes and the word tables the scanner
// recognises. The tables are the documentation of what counts as a unit.

// arabicDigit returns the value of an ASCII or full-width digit.
func arabicDigit(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// cnDigit returns the value of a Chinese digit, ordinary or financial
// uppercase. 两 is 2; 〇 and 零 are 0. 参 is left out: it is the common
// character of 参加.
func cnDigit(r rune) (int, bool) {
	switch r {
	case '零', '〇':
		return 0, true
	case '一', '壹':
		return 1, true
	case '二', '贰', '两', '兩', '貳':
		return 2, true
	case '三', '叁', '叄':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆', '陸':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

// cnUnit returns the power of ten of a Chinese numeral unit.
func cnUnit(r rune) (int, bool) {
	switch r {
	case '十', '拾':
		return 1, true
	case '百', '佰':
		return 2, true
	case '千', '仟':
		return 3, true
	case '万', '萬':
		return 4, true
	case '亿', '億':
		return 8, true
	}
	return 0, false
}

// isUpperNumeral reports financial uppercase numerals (大写), which make a
// bare 角/分 amount unambiguous (肆角叁分, but not 五角大楼).
func isUpperNumeral(r rune) bool {
	return strings.ContainsRune("零壹贰叁叄肆伍陆柒捌玖拾佰仟萬億貳陸", r)
}

func isCnNumeral(r rune) bool {
	if _, ok := cnDigit(r); ok {
		return true
	}
	_, ok := cnUnit(r)
	return ok
}

// isHan reports CJK ideographs (the characters of words).
func isHan(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0x3400 && r <= 0x4DBF) || (r >= 0xF900 && r <= 0xFAFF)
}

func isASCIILetter(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

// isSpace reports the horizontal spaces PDF extraction leaves inside
// amounts: ASCII space, tab, no-break space and the ideographic space.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u3000'
}

// triggers marks the runes (below U+10000) at which a quantity can start: the
// digits and the Chinese numerals. Signs and currency prefixes are found by
// looking back from the number.
var triggers [0x10000 / 8]byte

func init() {
	mark := func(r rune) { triggers[r>>3] |= 1 << (r & 7) }
	for r := '0'; r <= '9'; r++ {
		mark(r)
	}
	for r := '０'; r <= '９'; r++ {
		mark(r)
	}
	for _, r := range "零〇一壹二贰两兩貳三叁叄四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億" {
		mark(r)
	}
}

func isTrigger(r rune) bool {
	return r < 0x10000 && triggers[r>>3]&(1<<(r&7)) != 0
}

// currency is a currency word written after (or, for prefixes, before) a number.
type currency struct {
	word string
	iso  string
	// shift is the power of ten of the word's unit in the base unit (美分 = -2).
	shift int32
}

// currencySuffixes are the currency words recognised after a number, longest
// first where they share a first character. 元/圆 are yuan; 块 is yuan only
// when followed by 钱 or by 毛/角 (十块三毛), because budget text uses 块 as a
// measure word (展板10块).
var currencySuffixes = []currency{
	{"元", "CNY", 0}, {"圆", "CNY", 0}, {"块", "CNY", 0}, {"人民币", "CNY", 0},
	{"美元", "USD", 0}, {"美金", "USD", 0}, {"美分", "USD", -2},
	{"欧元", "EUR", 0}, {"日元", "JPY", 0}, {"日圆", "JPY", 0},
	{"港元", "HKD", 0}, {"港币", "HKD", 0}, {"英镑", "GBP", 0},
	{"新台币", "TWD", 0}, {"台币", "TWD", 0}, {"澳元", "AUD", 0}, {"加元", "CAD", 0},
	{"韩元", "KRW", 0}, {"瑞士法郎", "CHF", 0}, {"卢布", "RUB", 0}, {"新加坡元", "SGD", 0},
}

// currencyPrefixes are the currency words recognised before a number
// (人民币 50元, ￥100, 港币两千九百六十元, 新台币 177.1 亿元).
var currencyPrefixes = []currency{
	{"人民币", "CNY", 0}, {"￥", "CNY", 0}, {"¥", "CNY", 0},
	{"新台币", "TWD", 0}, {"台币", "TWD", 0}, {"港币", "HKD", 0},
}

// measure is a measure word of a Count.
type measure struct {
	word string
	// arabicOnly words are counts only after Arabic digits: after a Chinese
	// numeral they form ordinary words or names (一起, 十分, 一块儿, 一类,
	// 一季度 = Q1, 一度, 一门式, 支出, 公诉一处, 二期工程 …).
	arabicOnly bool
}

// measureWords are the measure words of counts, longest first where they
// share a first character. A measure word directly followed by 式, 性 or 化
// is part of a word (一次性, 一门式, 一元化) and makes no count.
var measureWords = []measure{
	{"人次", false}, {"人天", false}, {"人日", false}, {"人", false},
	{"名", false}, {"位", false},
	{"个工作日", false}, {"个季度", false}, {"个月", false}, {"个", false},
	{"辆", false}, {"台套", false}, {"台次", false}, {"台", false}, {"套", false},
	{"项", false}, {"次", false}, {"家", false}, {"所", false}, {"期", true},
	{"户次", false}, {"户", false}, {"场次", false}, {"场", false}, {"件", false},
	{"批次", false}, {"批", false}, {"篇", false}, {"份", false}, {"册", false},
	{"本", false}, {"张", false}, {"条", false}, {"座", false}, {"处", true},
	{"间", false}, {"栋", false}, {"幢", false}, {"架", false}, {"艘", false},
	{"株", false}, {"棵", false}, {"宗", false}, {"笔", false}, {"轮", false},
	{"届", false}, {"层", false}, {"床", false}, {"章", false}, {"节", false},
	{"课时", false}, {"学时", false}, {"斤", false}, {"公斤", false}, {"公里", false},
	{"公顷", false}, {"千克", false}, {"千米", false}, {"千瓦时", false}, {"千瓦", false},
	{"吨", false}, {"米", false}, {"平方公里", false}, {"平方米", false},
	{"立方米", false}, {"亩", false}, {"年", false}, {"天", false}, {"周岁", false},
	{"周年", false}, {"周", false}, {"小时", false}, {"分钟", false}, {"岁", false},
	{"起", true}, {"分", true}, {"块", true}, {"例", true}, {"类", true},
	{"支", true}, {"只", true}, {"季度", true}, {"门", true}, {"度", true},
	{"GB", true}, {"TB", true},
}

// currencyByFirst and measureByFirst index the tables by their first rune,
// keeping the tables' order (longest first).
var (
	currencyByFirst = map[rune][]currency{}
	measureByFirst  = map[rune][]measure{}
)

func init() {
	for _, c := range currencySuffixes {
		r, _ := utf8.DecodeRuneInString(c.word)
		currencyByFirst[r] = append(currencyByFirst[r], c)
	}
	for _, m := range measureWords {
		r, _ := utf8.DecodeRuneInString(m.word)
		measureByFirst[r] = append(measureByFirst[r], m)
	}
}

// approxBefore are the words before a number that mark it approximate.
// 约 after 节/制/契/签/条/公/预/合/邀/违/履/相 is part of a word (节约), and
// 近 after 最/附/靠/亲/邻 too (最近).
var approxBefore = []string{"大约", "将近", "接近", "超过", "约", "近", "逾"}

// approxAfter are the words after a quantity that mark it approximate or a bound.
var approxAfter = []string{"左右", "以上", "以下", "以内", "上下"}

// amountLabels are the words whose label makes a bare 万/亿 amount money:
// 年度预算安排：45.6万, 资金总额：120万.
var amountLabels = []string{"金额", "资金", "预算", "经费", "安排", "总额", "投资", "拨款",
	"费用", "补助", "补贴", "收入", "支出", "成本", "价款", "造价", "合同价"}

// phoneLabels before a long bare integer make it a telephone or postal number.
var phoneLabels = []string{"电话", "传真", "热线", "手机", "邮编", "联系方式", "QQ", "编码", "代码"}

// defaultScales maps the accepted Options.DefaultScale values to powers of ten.
var defaultScales = map[string]int32{"元": 0, "千元": 3, "万元": 4, "亿元": 8, "万亿元": 12}

// hasPrefixAt reports whether s[i:] starts with w.
func hasPrefixAt(s string, i int, w string) bool {
	return len(s)-i >= len(w) && s[i:i+len(w)] == w
}

// hasSuffixAt reports whether s[:i] ends with w.
func hasSuffixAt(s string, i int, w string) bool {
	return i >= len(w) && s[i-len(w):i] == w
}

// runeAt decodes the rune at i (utf8.RuneError, 0 at the end).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	// Chinese text is three-byte sequences; decode them inline.
	if c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		if r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F); r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// runeBefore decodes the rune ending at i (0 at the start).
func runeBefore(s string, i int) (rune, int) {
	if i <= 0 {
		return 0, 0
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// skipSpaces skips at most max horizontal spaces from i.
func skipSpaces(s string, i, max int) int {
	for n := 0; n < max; n++ {
		r, sz := runeAt(s, i)
		if sz == 0 || !isSpace(r) {
			break
		}
		i += sz
	}
	return i
}

// skipSpacesBack skips at most max horizontal spaces backwards from i.
func skipSpacesBack(s string, i, max int) int {
	for n := 0; n < max; n++ {
		r, sz := runeBefore(s, i)
		if sz == 0 || !isSpace(r) {
			break
		}
		i -= sz
	}
	return i
}

// atLineStart reports whether only horizontal spaces precede i on its line.
func atLineStart(s string, i int) bool {
	for i > 0 {
		r, sz := runeBefore(s, i)
		if r == '\n' || r == '\r' || r == '\f' || r == '\v' {
			return true
		}
		if !isSpace(r) {
			return false
		}
		i -= sz
	}
	return true
}

// lineContainsBefore reports whether one of words occurs in the up to
// maxBytes bytes before i on the same line.
func lineContainsBefore(s string, i, maxBytes int, words []string) bool {
	from := i - maxBytes
	if from < 0 {
		from = 0
	}
	seg := s[from:i]
	if nl := strings.LastIndexByte(seg, '\n'); nl >= 0 {
		seg = seg[nl+1:]
	}
	for _, w := range words {
		if strings.Contains(seg, w) {
			return true
		}
	}
	return false
}
