package xls

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// builtinFormats are the number formats that BIFF8 does not store.
var builtinFormats = map[uint16]string{
	0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
	9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
	14: "yyyy/m/d", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
	20: "h:mm", 21: "h:mm:ss", 22: "yyyy/m/d h:mm",
	37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
	45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}

// display renders v as the cell's number format shows it.
func (wb *workbook) display(v float64, ixfe uint16) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	f := "General"
	if int(ixfe) < len(wb.xfFormat) {
		id := wb.xfFormat[ixfe]
		if s, ok := wb.formats[id]; ok {
			f = s
		} else if s, ok := builtinFormats[id]; ok {
			f = s
		}
	}
	return formatNumber(v, f, wb.date1904)
}

// formatNumber applies the parts of an Excel number format that budget
// tables use: sections, literal text, percent, thousands separators,
// decimals, scientific notation and dates. Colours, conditions and
// padding are dropped.
func formatNumber(v float64, format string, date1904 bool) string {
	sections := splitSections(format)
	sec := sections[0]
	neg := v < 0
	switch {
	case neg && len(sections) > 1:
		sec, v = sections[1], -v // the negative section writes its own sign
	case v == 0 && len(sections) > 2:
		sec = sections[2]
	}
	if isGeneral(sec) {
		return general(v)
	}
	lit, pattern := literals(sec)
	if strings.TrimSpace(pattern) == "" && lit == "" {
		return general(v)
	}
	if isDate(pattern) {
		return date(v, sec, date1904)
	}
	if strings.Contains(pattern, "@") {
		return strings.ReplaceAll(lit, "\x00", general(v))
	}
	num := numberPart(v, pattern)
	if strings.Contains(lit, "\x00") {
		return strings.Replace(lit, "\x00", num, 1)
	}
	return lit + num
}

// generalName matches the General format by its English and localised
// names (G/通用格式 in Chinese Excel), after any [$-804] locale prefix.
var generalName = regexp.MustCompile(`(?i)^(?:\[[^\]]*\])*(?:general|g/通用格式|g/標準|通用格式)$`)

func isGeneral(sec string) bool { return generalName.MatchString(strings.TrimSpace(sec)) }

// splitSections splits a format at the semicolons outside quotes.
func splitSections(f string) []string {
	var out []string
	start, quoted := 0, false
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case '"':
			quoted = !quoted
		case '\\':
			i++
		case ';':
			if !quoted {
				out = append(out, f[start:i])
				start = i + 1
			}
		}
	}
	return append(out, f[start:])
}

// literals separates the literal text of a section from its number
// pattern; the number's place in the text is marked by \x00.
func literals(sec string) (lit, pattern string) {
	var l, p strings.Builder
	marked := false
	mark := func() {
		if !marked {
			l.WriteByte(0)
			marked = true
		}
	}
	for i := 0; i < len(sec); i++ {
		c := sec[i]
		switch {
		case c == '"':
			j := strings.IndexByte(sec[i+1:], '"')
			if j < 0 {
				j = len(sec) - i - 1
			}
			l.WriteString(sec[i+1 : i+1+j])
			i += j + 1
		case c == '\\' && i+1 < len(sec):
			_, size := firstRune(sec[i+1:])
			l.WriteString(sec[i+1 : i+1+size])
			i += size
		case c == '_' || c == '*': // padding: the next character is not shown
			_, size := firstRune(sec[i+1:])
			i += size
		case c == '[':
			j := strings.IndexByte(sec[i:], ']')
			if j < 0 {
				return l.String(), p.String()
			}
			if strings.HasPrefix(sec[i:], "[h") || strings.HasPrefix(sec[i:], "[m") || strings.HasPrefix(sec[i:], "[s") {
				p.WriteString(sec[i : i+j+1])
				mark()
			}
			i += j
		case c == '@' || strings.IndexByte("0#?.,%Ee+-/yYmMdDhHsS:", c) >= 0:
			p.WriteByte(c)
			if c == '@' || c != '-' && c != '+' {
				mark()
			}
		case c == ' ' || c == '(' || c == ')' || c == '$' || c == '-' || c == '+':
			l.WriteByte(c)
		default:
			l.WriteByte(c) // 年, 元 … written as they are
		}
	}
	return strings.TrimSpace(l.String()), p.String()
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// general is Excel's General format: up to 11 significant digits, no
// trailing zeros.
func general(v float64) string {
	if v == 0 {
		return "0"
	}
	a := math.Abs(v)
	if a >= 1e11 || a < 1e-9 {
		return strconv.FormatFloat(v, 'E', 5, 64)
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 11, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// numberPart formats v by a number pattern (0.00, #,##0, 0.0%, 0.00E+00).
func numberPart(v float64, pattern string) string {
	if strings.ContainsAny(pattern, "Ee") {
		dec := 0
		if i := strings.IndexByte(pattern, '.'); i >= 0 {
			dec = strings.Count(strings.SplitN(pattern[i:], "E", 2)[0], "0")
		}
		return strconv.FormatFloat(v, 'E', dec, 64)
	}
	percent := strings.Count(pattern, "%")
	for range percent {
		v *= 100
	}
	int, frac, _ := strings.Cut(pattern, ".")
	// Trailing commas scale by a thousand each (#,##0,).
	for strings.HasSuffix(strings.TrimRight(int, "%"), ",") {
		int = strings.TrimSuffix(strings.TrimRight(int, "%"), ",")
		v /= 1000
	}
	dec := strings.Count(frac, "0") + strings.Count(frac, "#") + strings.Count(frac, "?")
	minDec := strings.Count(frac, "0")
	// Excel rounds halves away from zero (1234.5 shows 1,235).
	if p := math.Pow10(dec); math.Abs(v*p) < 1e15 {
		v = math.Round(v*p) / p
	}
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if dec > minDec && strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		whole, f, _ := strings.Cut(s, ".")
		for len(f) < minDec {
			f += "0"
		}
		s = whole
		if f != "" {
			s += "." + f
		}
	}
	if strings.Contains(int, ",") {
		s = group(s)
	}
	if !strings.Contains(int, "0") && strings.HasPrefix(strings.TrimPrefix(s, "-"), "0.") {
		s = strings.Replace(s, "0.", ".", 1) // #.00 shows .50
	}
	if s == "-0" || strings.Trim(s, "-0.,") == "" && strings.HasPrefix(s, "-") {
		s = strings.TrimPrefix(s, "-")
	}
	return s + strings.Repeat("%", percent)
}

// group inserts thousands separators into a formatted number.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := sign + b.String()
	if hasFrac {
		out += "." + frac
	}
	return out
}

func isDate(p string) bool {
	return strings.ContainsAny(strings.ToLower(p), "ydhs") || strings.ContainsAny(p, "mM") && !strings.ContainsAny(p, "0#")
}

// date renders a date serial by a date pattern (yyyy, yy, m, mm, d, dd,
// h, hh, mm after h, ss).
func date(v float64, p string, date1904 bool) string {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	t := base.Add(time.Duration(math.Round(v*86400)) * time.Second)
	lp := strings.ToLower(p)
	var b strings.Builder
	afterHour := false
	for i := 0; i < len(lp); {
		switch lp[i] {
		case '"': // literal text (年, 月, 日)
			j := strings.IndexByte(lp[i+1:], '"')
			if j < 0 {
				j = len(lp) - i - 1
			}
			b.WriteString(p[i+1 : i+1+j])
			i += j + 2
			continue
		case '\\':
			if i+1 < len(p) {
				_, size := firstRune(p[i+1:])
				b.WriteString(p[i+1 : i+1+size])
				i += 1 + size
				continue
			}
		case '[': // locale or colour
			if j := strings.IndexByte(lp[i:], ']'); j > 0 {
				i += j + 1
				continue
			}
		case '_', '*':
			_, size := firstRune(p[i+1:])
			i += 1 + size
			continue
		}
		c := lp[i]
		j := i
		for j < len(lp) && lp[j] == c {
			j++
		}
		n := j - i
		switch c {
		case 'y':
			if n <= 2 {
				b.WriteString(t.Format("06"))
			} else {
				b.WriteString(t.Format("2006"))
			}
		case 'm':
			switch {
			case afterHour && n <= 2:
				b.WriteString(pad(t.Minute(), n))
			case n >= 3:
				b.WriteString(t.Format("Jan"))
			default:
				b.WriteString(pad(int(t.Month()), n))
			}
		case 'd':
			b.WriteString(pad(t.Day(), n))
		case 'h':
			b.WriteString(pad(t.Hour(), n))
			afterHour = true
		case 's':
			b.WriteString(pad(t.Second(), n))
		default:
			b.WriteString(p[i:j])
		}
		i = j
	}
	return b.String()
}

func pad(v, n int) string {
	s := strconv.Itoa(v)
	for len(s) < n {
		s = "0" + s
	}
	return s
}
