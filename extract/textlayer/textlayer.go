// Package textlayer judges whether the text a reader got from each page is
// text at all. A PDF whose fonts carry no Unicode mapping (no /ToUnicode, a
// custom encoding) still yields characters — the font's codes read as if
// they were Unicode: Latin junk (`!"#$%&'()*+,-./012`) from a subset
// TrueType font, scattered rare code points (`㍀㨂☱浐偣ꉉ⋓☏`) from a CID font
// with Identity-H. Nothing in such text is what the page shows, yet a
// number in it (`45`) reads as an amount. Pages judged unusable are named
// so that the pipeline takes no facts from them and the checks report them.
//
// Only PDF pages are judged. The test is statistical and knows nothing of
// budgets: real text, in any
// language these documents use, is made of letters of one script, digits,
// spaces and a few punctuation marks; junk is rich in code points that
// running text almost never uses. English pages and pages of figures are
// not unusable.
package textlayer

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/budgetdoc/budgetdoc/extract"
)

// Stats counts the characters of a page's text by the class that tells
// text from junk.
type Stats struct {
	Han     int // CJK Unified Ideographs (U+4E00–U+9FFF), the Han of running text
	Letters int // ASCII letters
	Vowels  int // of which a, e, i, o, u
	Digits  int
	// Odd counts code points that running text of these documents almost
	// never uses: ASCII symbols outside figures and prose (!"#$&*+;<=>?@[\]^_`{|}~),
	// control characters, Latin letters with diacritics and Latin Extended,
	// IPA, Greek, Hebrew, Arabic, kana, Yi, Hangul, CJK Extension A,
	// squared katakana, mathematical, technical and miscellaneous symbols
	// (but those in usualSymbols), private-use code points.
	Odd int
	// Other counts the remaining characters but spaces: common
	// punctuation, full-width forms, CJK symbols.
	Other int
}

// Total is the number of characters counted (spaces excluded).
func (s Stats) Total() int { return s.Han + s.Letters + s.Digits + s.Odd + s.Other }

// Count adds the characters of text to s.
func (s *Stats) Count(text string) {
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
		case r >= 0x4E00 && r <= 0x9FFF:
			s.Han++
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			s.Letters++
			switch r | 0x20 {
			case 'a', 'e', 'i', 'o', 'u':
				s.Vowels++
			}
		case r >= '0' && r <= '9':
			s.Digits++
		case odd(r):
			s.Odd++
		default:
			s.Other++
		}
	}
}

// oddASCII are the ASCII symbols that prose and figures rarely use; the
// ones they do use (, . % - ( ) / : and quotes) are not odd.
const oddASCII = "!#$&*+;<=>?@[\\]^_`{|}~"

// usualSymbols are the symbols of those blocks that these documents do
// use: comparisons of indicator targets, ticks and boxes of forms, stars
// as bullets.
const usualSymbols = "≤≥≠≈±√∶∑∈∞∠⊙★☆☐☑☒✓✔✕✗✘"

func odd(r rune) bool {
	switch {
	case r < 0x80:
		return r < 0x20 || r == 0x7F || containsRune(oddASCII, r)
	case r >= 0x80 && r < 0xA0: // C1 controls
		return true
	case r >= 0xC0 && r <= 0x2FF: // Latin-1 letters, Latin Extended, IPA
		return r != 0xD7 && r != 0xF7 // × ÷
	case r >= 0x370 && r <= 0x8FF: // Greek … Arabic
		return true
	case containsRune(usualSymbols, r):
		return false
	case r >= 0x2200 && r <= 0x23FF: // mathematical operators, technical symbols
		return true
	case r >= 0x2600 && r <= 0x27BF, r >= 0x2B00 && r <= 0x2BFF: // miscellaneous symbols, dingbats
		return true
	case r >= 0x3040 && r <= 0x30FF: // kana
		return true
	case r >= 0x3300 && r <= 0x337F: // squared katakana and era names (not the units ㎡ ㎏ after them)
		return true
	case r >= 0x3400 && r <= 0x4DBF: // CJK Extension A
		return true
	case r >= 0xA000 && r <= 0xD7FF: // Yi … Hangul
		return true
	case r >= 0xE000 && r <= 0xF8FF: // private use
		return true
	}
	return false
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

// minChars is the least a page must hold to be judged: a page number or a
// short caption says too little.
const minChars = 20

// Junk reports whether text with statistics s cannot be real text on its
// own: at least a fifth of what is neither digit nor space is odd (real
// pages of these documents: well under 1%).
func (s Stats) Junk() bool {
	words := s.Total() - s.Digits
	return s.Total() >= minChars && s.Odd >= 8 && 5*s.Odd >= words
}

// latinJunk reports whether a page without Han, in a document whose other
// pages are Chinese, holds Latin letters that are not words: too few
// vowels for English or pinyin (both have about two in five; codes read
// as letters of a subset font, A, B, C …, about one in five).
func (s Stats) latinJunk() bool {
	return s.Han == 0 && s.Letters >= 40 && 4*s.Vowels < s.Letters
}

// PageStats counts the text of each page of doc: lines and table cells.
func PageStats(doc *extract.Document) []Stats {
	out := make([]Stats, len(doc.Pages))
	for i := range doc.Pages {
		for _, b := range doc.Pages[i].Blocks {
			for _, l := range b.Lines {
				out[i].Count(l.Text)
			}
			if t := b.Table; t != nil {
				for _, row := range t.Rows {
					for _, c := range row {
						for _, l := range c.Lines {
							out[i].Count(l.Text)
						}
					}
				}
			}
		}
	}
	return out
}

// Unusable returns the numbers of the pages of doc whose text layer is not
// text: junk by its characters, or, in a document written in Chinese (most
// judged pages mostly Han), a page of Latin letters that are not words.
// Only PDF pages are judged: their text comes from the fonts' mappings,
// while the text of other formats is the characters stored (where a sheet
// of #DIV/0! errors is data, not junk).
func Unusable(doc *extract.Document) []int {
	if doc.Format != extract.FormatPDF {
		return nil
	}
	stats := PageStats(doc)
	judged, chinese := 0, 0
	for _, s := range stats {
		if s.Total() >= minChars && !s.Junk() {
			judged++
			if 2*s.Han >= s.Total()-s.Digits {
				chinese++
			}
		}
	}
	var out []int
	for i, s := range stats {
		if s.Junk() || chinese > 0 && 2*chinese >= judged && s.latinJunk() {
			out = append(out, doc.Pages[i].Number)
		}
	}
	return out
}

// Without returns a copy of doc whose listed pages hold no blocks; the
// pages themselves, and doc, are kept as they are.
func Without(doc *extract.Document, pages []int) *extract.Document {
	if len(pages) == 0 {
		return doc
	}
	drop := map[int]bool{}
	for _, n := range pages {
		drop[n] = true
	}
	cp := *doc
	cp.Pages = make([]extract.Page, len(doc.Pages))
	for i, pg := range doc.Pages {
		if drop[pg.Number] {
			pg.Blocks = nil
		}
		cp.Pages[i] = pg
	}
	return &cp
}

// PageList names pages for a message: "page 3", "pages 2, 3".
func PageList(pages []int) string {
	s := make([]string, len(pages))
	for i, n := range pages {
		s[i] = fmt.Sprint(n)
	}
	if len(s) == 1 {
		return "page " + s[0]
	}
	return "pages " + strings.Join(s, ", ")
}
