package pdf

import (
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// decodeInfo reads an Info entry that a PDF producer wrote as the hex text
// of its bytes inside a literal string — `(<BDADCBD5…2E786C73>)`, as the
// PScript5 printer driver writes the non-ASCII title of a Chinese file —
// back into text: UTF-16BE with a byte-order mark, else GB18030 (the code
// page of these files) when that decodes to Chinese, else the entry as it
// was. A file name left as the title loses its extension.
func decodeInfo(v string) string {
	s := strings.TrimSpace(v)
	if len(s) < 4 || s[0] != '<' || s[len(s)-1] != '>' || (len(s)-2)%2 != 0 {
		return v
	}
	raw, err := hex.DecodeString(s[1 : len(s)-1])
	if err != nil || len(raw) == 0 {
		return v
	}
	var out string
	switch {
	case len(raw) >= 2 && raw[0] == 0xFE && raw[1] == 0xFF && len(raw)%2 == 0:
		var sb strings.Builder
		for i := 2; i+1 < len(raw); i += 2 {
			sb.WriteRune(rune(raw[i])<<8 | rune(raw[i+1]))
		}
		out = sb.String()
	case utf8.Valid(raw):
		out = string(raw)
	default:
		b, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
		if err != nil || !hasHan(string(b)) {
			return v
		}
		out = string(b)
	}
	for _, ext := range []string{".xlsx", ".xls", ".docx", ".doc", ".wps", ".et", ".pdf"} {
		if strings.HasSuffix(strings.ToLower(out), ext) {
			out = out[:len(out)-len(ext)]
			break
		}
	}
	return out
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
