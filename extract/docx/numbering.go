package docx

import (
	"strconv"
	"strings"
)

// level is one level (w:lvl) of a list definition.
type level struct {
	start   int
	format  string // w:numFmt val
	custom  string // w:numFmt format, for numFmt="custom"
	text    string // w:lvlText, e.g. "%1、" or "（%2）"
	restart int    // w:lvlRestart: restart after a use of a level < restart (1-based); -1 = default
	legal   bool   // w:isLgl: show all levels in decimal
	pStyle  string
}

type abstractNum struct {
	levels       [9]*level
	numStyleLink string // this list is defined by the list of a numbering style
}

type numInst struct {
	abstractID string
	overrides  bool
	starts     [9]int
	startSet   [9]bool
	levels     [9]*level
}

// numbering holds word/numbering.xml.
type numbering struct {
	abstract map[string]*abstractNum
	nums     map[string]*numInst
}

func newNumbering() *numbering {
	return &numbering{abstract: map[string]*abstractNum{}, nums: map[string]*numInst{}}
}

func parseNumbering(p *parser, nb *numbering) error {
	return p.root(func(se xmlStart) error {
		if !isW(se.Name) {
			return p.skip()
		}
		switch se.Name.Local {
		case "abstractNum":
			a := &abstractNum{}
			id := attr(se, "abstractNumId")
			err := p.children(func(c xmlStart) error {
				if !isW(c.Name) {
					return p.skip()
				}
				switch c.Name.Local {
				case "lvl":
					i := atoi(attr(c, "ilvl"), -1)
					lv, err := p.level(c)
					if i >= 0 && i < 9 {
						a.levels[i] = lv
					}
					return err
				case "numStyleLink":
					a.numStyleLink = attr(c, "val")
				}
				return p.skip()
			})
			if _, dup := nb.abstract[id]; !dup {
				nb.abstract[id] = a
			}
			return err
		case "num":
			n := &numInst{}
			id := attr(se, "numId")
			err := p.children(func(c xmlStart) error {
				if !isW(c.Name) {
					return p.skip()
				}
				switch c.Name.Local {
				case "abstractNumId":
					n.abstractID = attr(c, "val")
				case "lvlOverride":
					i := atoi(attr(c, "ilvl"), -1)
					if i < 0 || i > 8 {
						return p.skip()
					}
					n.overrides = true
					return p.children(func(o xmlStart) error {
						if isW(o.Name) {
							switch o.Name.Local {
							case "startOverride":
								n.starts[i], n.startSet[i] = atoi(attr(o, "val"), 0), true
							case "lvl":
								lv, err := p.level(o)
								n.levels[i] = lv
								return err
							}
						}
						return p.skip()
					})
				}
				return p.skip()
			})
			if _, dup := nb.nums[id]; !dup {
				nb.nums[id] = n
			}
			return err
		}
		return p.skip()
	})
}

func (p *parser) level(se xmlStart) (*level, error) {
	lv := &level{restart: -1, format: "decimal"}
	var visit func(c xmlStart) error
	visit = func(c xmlStart) error {
		if isMC(c.Name) {
			return p.alternate(c, visit)
		}
		if !isW(c.Name) {
			return p.skip()
		}
		switch c.Name.Local {
		case "start":
			lv.start = atoi(attr(c, "val"), 0)
		case "numFmt":
			lv.format, lv.custom = attr(c, "val"), attr(c, "format")
		case "lvlText":
			lv.text = attr(c, "val")
		case "lvlRestart":
			lv.restart = atoi(attr(c, "val"), -1)
		case "isLgl":
			lv.legal = onOff(c)
		case "pStyle":
			lv.pStyle = attr(c, "val")
		}
		return p.skip()
	}
	err := p.children(visit)
	return lv, err
}

// listKey says whose counters a paragraph advances. Lists (w:num) that share
// an abstract definition continue one another, as in Word, unless a list
// overrides a level (then it counts on its own).
func (d *defs) resolve(numID string) (key string, levels [9]*level, starts [9]int, ok bool) {
	nb := d.numbering
	n := nb.nums[numID]
	if n == nil {
		return "", levels, starts, false
	}
	absID := n.abstractID
	a := nb.abstract[absID]
	// A list defined through a numbering style: follow the style's numId.
	for hop := 0; a != nil && a.numStyleLink != "" && hop < 4; hop++ {
		s := d.styles.byID[a.numStyleLink]
		if s == nil || !s.num.set {
			break
		}
		if m := nb.nums[s.num.numID]; m != nil && nb.abstract[m.abstractID] != nil {
			absID = m.abstractID
			a = nb.abstract[absID]
		} else {
			break
		}
	}
	if a == nil {
		return "", levels, starts, false
	}
	for i := range levels {
		levels[i] = a.levels[i]
		if n.levels[i] != nil {
			levels[i] = n.levels[i]
		}
		if levels[i] != nil {
			starts[i] = levels[i].start
		}
		if n.startSet[i] {
			starts[i] = n.starts[i]
		}
	}
	key = "a" + absID
	if n.overrides {
		key = "n" + numID
	}
	return key, levels, starts, true
}

// counters are the running list counters of one story group.
type counters struct {
	byKey map[string]*counterSet
}

type counterSet struct {
	val     [9]int
	started [9]bool
}

func newCounters() *counters { return &counters{byKey: map[string]*counterSet{}} }

// next advances the list counter for a numbered paragraph and renders its
// number ("一、", "（二）", "1.2.").
func (c *counters) next(d *defs, ref numRef) string {
	key, levels, starts, ok := d.resolve(ref.numID)
	if !ok {
		return ""
	}
	ilvl := ref.ilvl
	if !ref.ilvlSet && ref.fromStyleFor != "" {
		for i, lv := range levels { // the list level linked to the paragraph's style
			if lv != nil && lv.pStyle == ref.fromStyleFor {
				ilvl = i
				break
			}
		}
	}
	if ilvl < 0 || ilvl > 8 || levels[ilvl] == nil {
		return ""
	}
	cs := c.byKey[key]
	if cs == nil {
		cs = &counterSet{}
		c.byKey[key] = cs
	}
	if cs.started[ilvl] {
		cs.val[ilvl]++
	} else {
		cs.val[ilvl], cs.started[ilvl] = starts[ilvl], true
	}
	for j := ilvl + 1; j < 9; j++ {
		r := j // default: restart after any higher level
		if levels[j] != nil && levels[j].restart >= 0 {
			r = levels[j].restart
		}
		if r != 0 && ilvl < r {
			cs.started[j] = false
		}
	}
	lv := levels[ilvl]
	if lv.format == "bullet" {
		return bulletText(lv.text)
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			k := int(t[i+1] - '1')
			i++
			v := starts[k]
			if cs.started[k] {
				v = cs.val[k]
			}
			f, custom := "decimal", ""
			if levels[k] != nil {
				f, custom = levels[k].format, levels[k].custom
			}
			if lv.legal {
				f = "decimal"
			}
			b.WriteString(formatNumber(v, f, custom))
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String()
}

// bulletText maps the private-use bullet characters of the Symbol and
// Wingdings fonts to their Unicode look-alikes.
func bulletText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0xF000 && r <= 0xF0FF {
			if m, ok := wingdingsBullets[r-0xF000]; ok {
				b.WriteRune(m)
			} else {
				b.WriteRune('•')
			}
			continue
		}
		if r >= 0xE000 && r <= 0xF8FF {
			b.WriteRune('•')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var wingdingsBullets = map[rune]rune{
	0xB7: '•', 0xA7: '▪', 0xD8: '➢', 0xFC: '✓', 0x6E: '■', 0x6C: '●', 0x75: '◆', 0x76: '❖', 0xA8: '□', 0x71: '❑',
}

// formatNumber renders n in a w:numFmt style. Unknown styles fall back to
// decimal, as Word does for formats it cannot show.
func formatNumber(n int, format, custom string) string {
	switch format {
	case "none":
		return ""
	case "decimal", "":
		return strconv.Itoa(n)
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
		return strconv.Itoa(n)
	case "custom":
		// Word 2010 writes custom zero padding as format="01, 02, 03, ...".
		first, _, _ := strings.Cut(custom, ",")
		first = strings.TrimSpace(first)
		if len(first) > 1 && strings.Trim(first, "0123456789") == "" {
			s := strconv.Itoa(n)
			for len(s) < len(first) {
				s = "0" + s
			}
			return s
		}
		return strconv.Itoa(n)
	case "upperRoman":
		return roman(n)
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "upperLetter":
		return letters(n, 'A')
	case "lowerLetter":
		return letters(n, 'a')
	case "ordinal":
		return ordinal(n)
	case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand":
		return chineseCount(n, chineseDigits, false)
	case "japaneseCounting":
		return chineseCount(n, chineseDigits, true)
	case "chineseLegalSimplified":
		return chineseCount(n, legalSimplified, false)
	case "ideographLegalTraditional":
		return chineseCount(n, legalTraditional, false)
	case "ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital":
		return digitsEach(n, []rune("〇一二三四五六七八九"))
	case "ideographTraditional":
		return cycleOrDecimal(n, []rune("甲乙丙丁戊己庚辛壬癸"))
	case "ideographZodiac":
		return cycleOrDecimal(n, []rune("子丑寅卯辰巳午未申酉戌亥"))
	case "ideographEnclosedCircle":
		if n >= 1 && n <= 10 {
			return string(rune(0x3220 + n - 1)) // ㈠
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		switch {
		case n >= 1 && n <= 20:
			return string(rune(0x2460 + n - 1)) // ①
		case n >= 21 && n <= 35:
			return string(rune(0x3251 + n - 21))
		case n >= 36 && n <= 50:
			return string(rune(0x32B1 + n - 36))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune(0x2474 + n - 1)) // ⑴
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune(0x2488 + n - 1)) // ⒈
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return digitsEach(n, []rune("０１２３４５６７８９"))
	case "decimalHalfWidth":
		return strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// letters renders A..Z, then AA..ZZ, AAA.. as Word does.
func letters(n int, base byte) string {
	if n <= 0 || n > 780 {
		return strconv.Itoa(n)
	}
	c := base + byte((n-1)%26)
	return strings.Repeat(string(c), (n-1)/26+1)
}

func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

type numerals struct {
	digits                      []rune // 0..9
	ten, hundred, thousand, wan rune
}

var (
	chineseDigits    = numerals{[]rune("〇一二三四五六七八九"), '十', '百', '千', '万'}
	legalSimplified  = numerals{[]rune("零壹贰叁肆伍陆柒捌玖"), '拾', '佰', '仟', '万'}
	legalTraditional = numerals{[]rune("零壹貳參肆伍陸柒捌玖"), '拾', '佰', '仟', '萬'}
)

// chineseCount renders 1..99999 in Chinese counting: 十, 十一, 二十, 一百零一.
// Japanese counting omits 一 before 十/百/千 and has no 零.
func chineseCount(n int, num numerals, japanese bool) string {
	if n <= 0 || n > 99999 {
		return strconv.Itoa(n)
	}
	zero := '零'
	if num.digits[0] != '〇' {
		zero = num.digits[0]
	}
	units := []rune{num.wan, num.thousand, num.hundred, num.ten, 0}
	div := []int{10000, 1000, 100, 10, 1}
	var b []rune
	pendingZero := false
	for i, d := range div {
		v := n / d % 10
		if v == 0 {
			if len(b) > 0 {
				pendingZero = true
			}
			continue
		}
		if pendingZero && !japanese {
			b = append(b, zero)
		}
		pendingZero = false
		// 十一 rather than 一十一 at the start; always 一 before 百/千 (not in Japanese).
		skipOne := v == 1 && units[i] != 0 && (japanese || (len(b) == 0 && units[i] == num.ten))
		if !skipOne {
			b = append(b, num.digits[v])
		}
		if units[i] != 0 {
			b = append(b, units[i])
		}
	}
	return string(b)
}

func digitsEach(n int, digits []rune) string {
	s := strconv.Itoa(n)
	var b []rune
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b = append(b, digits[c-'0'])
		} else {
			b = append(b, c)
		}
	}
	return string(b)
}

func cycleOrDecimal(n int, seq []rune) string {
	if n >= 1 && n <= len(seq) {
		return string(seq[n-1])
	}
	return strconv.Itoa(n)
}
