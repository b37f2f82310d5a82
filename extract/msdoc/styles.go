package msdoc

import (
	"encoding/binary"
	"unicode/utf16"
)

// style is what the reader keeps of one STD: the built-in style identifier
// (sti 1–9 are Heading 1–9) and the name.
type style struct {
	sti  int
	name string
}

// stiUser marks a user-defined style ([MS-DOC] 2.9.260 sti).
const stiUser = 0x0FFE

// parseStyles reads the STSH ([MS-DOC] 2.9.271) into a slice indexed by
// istd. A damaged style sheet yields the styles read so far: styles only
// name paragraphs and mark headings, so losing them is not fatal.
func parseStyles(b []byte) []style {
	le := binary.LittleEndian
	if len(b) < 6 {
		return nil
	}
	cbStshi := int(le.Uint16(b))
	if 2+cbStshi > len(b) || cbStshi < 4 {
		return nil
	}
	cstd := int(le.Uint16(b[2:]))
	cbBase := int(le.Uint16(b[4:])) // cbSTDBaseInFile: 10 or 18
	styles := make([]style, 0, min(cstd, len(b)/2))
	p := 2 + cbStshi
	for i := 0; i < cstd && p+2 <= len(b); i++ {
		cbStd := int(le.Uint16(b[p:]))
		p += 2
		if p+cbStd > len(b) {
			break
		}
		std := b[p : p+cbStd]
		p += cbStd
		s := style{sti: stiUser}
		if len(std) >= 2 {
			s.sti = int(le.Uint16(std) & 0x0FFF)
		}
		if cbBase >= 2 && cbBase+2 <= len(std) {
			cch := int(le.Uint16(std[cbBase:]))
			if name := std[cbBase+2:]; 2*cch <= len(name) {
				u := make([]uint16, cch)
				for k := range u {
					u[k] = le.Uint16(name[2*k:])
				}
				s.name = string(utf16.Decode(u))
			}
		}
		styles = append(styles, s)
	}
	return styles
}
