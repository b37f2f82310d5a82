package docx

import "strconv"

// symbolText maps a w:sym (a character of a symbol font, usually given in
// the private-use range F000–F0FF) to the Unicode character it looks like.
// Unknown symbols yield "" rather than a private-use code point.
func symbolText(font, char string) string {
	code, err := strconv.ParseUint(char, 16, 32)
	if err != nil || code == 0 {
		return ""
	}
	b := rune(code)
	if b >= 0xF000 && b <= 0xF0FF {
		b -= 0xF000
	}
	switch lowerASCII(font) {
	case "symbol":
		if r, ok := symbolFont[b]; ok {
			return string(r)
		}
		if b >= '0' && b <= '9' || b == ' ' || b == '+' || b == '=' || b == '(' || b == ')' || b == '%' || b == '.' || b == ',' {
			return string(b)
		}
		return ""
	case "wingdings", "wingdings 2", "wingdings 3", "webdings":
		if r, ok := wingdingsFont[b]; ok {
			return string(r)
		}
		return ""
	}
	r := rune(code)
	if r >= 0xE000 && r <= 0xF8FF || r > 0x10FFFF || r >= 0xD800 && r <= 0xDFFF {
		return ""
	}
	return string(r)
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// symbolFont is the Adobe Symbol encoding for the characters seen in
// documents (Greek letters, comparison and arithmetic signs).
var symbolFont = map[rune]rune{
	0x41: 'Α', 0x42: 'Β', 0x43: 'Χ', 0x44: 'Δ', 0x45: 'Ε', 0x46: 'Φ', 0x47: 'Γ', 0x48: 'Η', 0x49: 'Ι',
	0x4B: 'Κ', 0x4C: 'Λ', 0x4D: 'Μ', 0x4E: 'Ν', 0x4F: 'Ο', 0x50: 'Π', 0x51: 'Θ', 0x52: 'Ρ', 0x53: 'Σ',
	0x54: 'Τ', 0x55: 'Υ', 0x57: 'Ω', 0x58: 'Ξ', 0x59: 'Ψ', 0x5A: 'Ζ',
	0x61: 'α', 0x62: 'β', 0x63: 'χ', 0x64: 'δ', 0x65: 'ε', 0x66: 'φ', 0x67: 'γ', 0x68: 'η', 0x69: 'ι',
	0x6B: 'κ', 0x6C: 'λ', 0x6D: 'μ', 0x6E: 'ν', 0x6F: 'ο', 0x70: 'π', 0x71: 'θ', 0x72: 'ρ', 0x73: 'σ',
	0x74: 'τ', 0x75: 'υ', 0x77: 'ω', 0x78: 'ξ', 0x79: 'ψ', 0x7A: 'ζ',
	0x2D: '−', 0x2A: '∗', 0xA3: '≤', 0xB3: '≥', 0xB1: '±', 0xB4: '×', 0xB8: '÷', 0xB0: '°', 0xB7: '•',
	0xB9: '≠', 0xBB: '≈', 0xD6: '√', 0xA5: '∞', 0xAE: '→', 0xAC: '←', 0xAD: '↑', 0xAF: '↓', 0xE0: '◊',
	0xBA: '≡', 0xC5: '⊕', 0xC6: '∅', 0xCE: '∈', 0xD7: '⋅', 0xE5: '∑',
}

var wingdingsFont = map[rune]rune{
	0x9F: '•', 0xA7: '▪', 0xA8: '□', 0x6C: '●', 0x6E: '■', 0x6F: '□', 0x71: '❑', 0x75: '◆', 0x76: '❖',
	0xD8: '➢', 0xE0: '→', 0xE8: '➔', 0xFB: '✗', 0xFC: '✓', 0xFD: '☒', 0xFE: '☑',
}
