package plain

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/budgetdoc/budgetdoc/extract"
)

// Encoding names reported in Decoded.Encoding (and doc.Info["Encoding"]).
const (
	EncUTF8    = "utf-8"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncGB18030 = "gb18030"
)

// Decoded is text converted to UTF-8, with the encoding it was found in.
type Decoded struct {
	Text     string
	Encoding string
	// Warnings note repairs, e.g. invalid bytes replaced by U+FFFD.
	Warnings []string
}

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// Decode detects the encoding of text and converts it to UTF-8: a BOM decides
// (UTF-8, UTF-16LE, UTF-16BE); otherwise valid UTF-8 wins; otherwise GB18030
// (a superset of GBK and GB2312) is tried and accepted when the result looks
// like Chinese text. Binary data fails with ErrUnsupported.
func Decode(data []byte) (Decoded, error) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		return decodeUTF8(data[len(utf8BOM):])
	case bytes.HasPrefix(data, utf16LEBOM):
		return decodeUTF16(data, unicode.LittleEndian, EncUTF16LE)
	case bytes.HasPrefix(data, utf16BEBOM):
		return decodeUTF16(data, unicode.BigEndian, EncUTF16BE)
	}
	if err := checkNotBinary(data); err != nil {
		return Decoded{}, err
	}
	if utf8.Valid(data) {
		return Decoded{Text: string(data), Encoding: EncUTF8}, nil
	}
	// A UTF-8 file with a few broken bytes (cut mid-character, one bad
	// paste) must not be reinterpreted as GB18030 wholesale: that would turn
	// every Chinese character into mojibake.
	if valid, invalid := utf8Stats(data); valid > 10*invalid {
		return decodeUTF8(data)
	}
	if d, ok := tryGB18030(data); ok {
		return d, nil
	}
	return Decoded{}, fmt.Errorf("%w: unknown text encoding (neither UTF-8 nor GB18030)", extract.ErrUnsupported)
}

func decodeUTF8(data []byte) (Decoded, error) {
	d := Decoded{Encoding: EncUTF8}
	if utf8.Valid(data) {
		d.Text = string(data)
	} else {
		d.Text = strings.ToValidUTF8(string(data), "\uFFFD")
		n := strings.Count(d.Text, "\uFFFD") - bytes.Count(data, []byte("\uFFFD"))
		d.Warnings = append(d.Warnings, fmt.Sprintf("%d invalid UTF-8 sequences replaced by U+FFFD", n))
	}
	if err := checkNotBinary([]byte(d.Text)); err != nil {
		return Decoded{}, err
	}
	return d, nil
}

func decodeUTF16(data []byte, order unicode.Endianness, name string) (Decoded, error) {
	d := Decoded{Encoding: name}
	if len(data)%2 != 0 {
		d.Warnings = append(d.Warnings, "UTF-16 text has an odd number of bytes; the last byte was dropped")
		data = data[:len(data)-1]
	}
	out, err := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil {
		return Decoded{}, fmt.Errorf("%w: UTF-16: %v", extract.ErrCorrupt, err)
	}
	if err := checkNotBinary(out); err != nil {
		return Decoded{}, err
	}
	if n := bytes.Count(out, []byte("\uFFFD")); n > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%d unpaired UTF-16 surrogates replaced by U+FFFD", n))
	}
	d.Text = string(out)
	return d, nil
}

// checkNotBinary rejects NUL bytes and more than a sprinkling of control
// characters; text editors never write either.
func checkNotBinary(b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("%w: binary data, not text (NUL byte at offset %d)", extract.ErrUnsupported, i)
	}
	controls := 0
	for _, c := range b {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1A) || c == 0x7F {
			controls++
		}
	}
	if controls > 2+len(b)/100 {
		return fmt.Errorf("%w: binary data, not text (%d control characters)", extract.ErrUnsupported, controls)
	}
	return nil
}

// utf8Stats counts valid multi-byte sequences and runs of invalid bytes. A
// sequence cut off by the end of data is not counted as invalid: files get
// truncated.
func utf8Stats(b []byte) (validMulti, invalid int) {
	inRun := false
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n <= 1:
			if !utf8.FullRune(b) {
				return validMulti, invalid
			}
			if !inRun {
				invalid++
			}
			inRun = true
		case n > 1:
			validMulti++
			inRun = false
		default:
			inRun = false
		}
		b = b[n:]
	}
	return validMulti, invalid
}

func tryGB18030(data []byte) (Decoded, bool) {
	out, err := decodeWith(simplifiedchinese.GB18030, data)
	if err != nil {
		return Decoded{}, false
	}
	nonASCII, bad := 0, 0
	for _, r := range out {
		if r < 0x80 {
			continue
		}
		nonASCII++
		if !plausibleGB(r) {
			bad++
		}
	}
	// A file cut in the middle of its last character ends in one U+FFFD;
	// that says nothing about the encoding.
	truncated := strings.HasSuffix(out, "\uFFFD")
	if truncated {
		bad--
	}
	// Random high bytes decode to rare code points (4-byte GB18030
	// sequences, private use, U+FFFD); real Chinese text stays in the GBK
	// repertoire almost entirely.
	if nonASCII == 0 || bad*100 > nonASCII {
		return Decoded{}, false
	}
	d := Decoded{Text: out, Encoding: EncGB18030}
	if truncated {
		d.Warnings = append(d.Warnings, "GB18030 text ends in the middle of a character (truncated?)")
	}
	if bad > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("GB18030 text has %d unusual or undecodable characters", bad))
	}
	return d, true
}

func decodeWith(enc encoding.Encoding, data []byte) (string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	return string(out), err
}

// plausibleGB reports whether r is in the repertoire that Chinese documents
// encoded in GBK/GB2312 actually use.
func plausibleGB(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, // CJK unified ideographs
		r >= 0x3400 && r <= 0x4DBF, // extension A
		r >= 0x3000 && r <= 0x33FF, // CJK punctuation, kana, bopomofo, enclosed, ㎡
		r >= 0xFF01 && r <= 0xFFEF, // full-width forms
		r >= 0xFE30 && r <= 0xFE4F, // vertical / compatibility forms
		r >= 0xF900 && r <= 0xFAFF, // compatibility ideographs
		r >= 0x2000 && r <= 0x2BFF, // punctuation, ℃, Ⅰ, arrows, ≥, ①, box drawing, ■, ★
		r >= 0x00A0 && r <= 0x024F, // Latin-1 and pinyin with tone marks
		r >= 0x0391 && r <= 0x03C9, // Greek
		r >= 0x0401 && r <= 0x0451: // Cyrillic
		return true
	}
	return false
}
