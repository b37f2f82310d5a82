package segment

import "unicode/utf8"

// specialTag is cppjieba's PosTagger::SpecialRule for words not in the
// dictionary: "m" when the ASCII part is all digits, "eng" when it has other
// ASCII, "x" when there is no ASCII — judged on at most the first half of the
// runes, as cppjieba does.
func specialTag(word string) string {
	n := utf8.RuneCountInString(word)
	eng, m := 0, 0
	i := 0
	for _, r := range word {
		if i >= n || eng >= n/2 {
			break
		}
		if r < 0x80 {
			eng++
			if '0' <= r && r <= '9' {
				m++
			}
		}
		i++
	}
	switch {
	case eng == 0:
		return "x"
	case m == eng:
		return "m"
	default:
		return "eng"
	}
}
