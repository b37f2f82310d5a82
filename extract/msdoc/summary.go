package msdoc

import (
	"encoding/binary"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Property identifiers of the SummaryInformation property set
// ([MS-OLEPS] 2.25.1 / [MS-OSHARED] 2.3.3.2.1).
var summaryNames = map[uint32]string{
	0x02: "Title",
	0x03: "Subject",
	0x04: "Author",
	0x05: "Keywords",
	0x08: "LastAuthor",
	0x12: "Creator", // PIDSI_APPNAME: the application that wrote the file
}

const (
	vtI2        = 0x0002
	vtLPSTR     = 0x001E
	vtLPWSTR    = 0x001F
	pidCodePage = 0x01
)

// parseSummary reads the string properties of a SummaryInformation stream.
// It is written here rather than taken from github.com/richardlehane/msoleps
// because that package indexes offsets from the file without bounds checks
// and returns 8-bit strings undecoded, while Chinese files store them in
// GBK (code page 936). Any inconsistency ends the parse with what was read.
func parseSummary(b []byte) map[string]string {
	le := binary.LittleEndian
	// PropertySetStream: byteOrder, version, systemID, CLSID (28 bytes),
	// numPropertySets, then FMTID (16) + offset (4) of the first set.
	if len(b) < 48 || le.Uint16(b) != 0xFFFE {
		return nil
	}
	off := int(le.Uint32(b[44:]))
	if off < 0 || off+8 > len(b) {
		return nil
	}
	set := b[off:]
	size := int(le.Uint32(set))
	if size > len(set) || size < 8 {
		size = len(set)
	}
	set = set[:size]
	n := int(le.Uint32(set[4:]))
	if n < 0 || 8+8*n > len(set) {
		return nil
	}
	at := func(i int) (id uint32, p []byte) {
		id = le.Uint32(set[8+8*i:])
		o := int(le.Uint32(set[12+8*i:]))
		if o < 8 || o+4 > len(set) {
			return id, nil
		}
		return id, set[o:]
	}
	var dec *encoding.Decoder
	for i := 0; i < n; i++ {
		if id, p := at(i); id == pidCodePage && p != nil && len(p) >= 6 && le.Uint16(p) == vtI2 {
			dec = decoderFor(le.Uint16(p[4:]))
		}
	}
	out := map[string]string{}
	for i := 0; i < n; i++ {
		id, p := at(i)
		name := summaryNames[id]
		if name == "" || len(p) < 8 {
			continue
		}
		cnt := int(le.Uint32(p[4:]))
		var s string
		switch le.Uint16(p) {
		case vtLPSTR:
			if cnt < 0 || 8+cnt > len(p) {
				continue
			}
			raw := p[8 : 8+cnt]
			if k := strings.IndexByte(string(raw), 0); k >= 0 {
				raw = raw[:k]
			}
			if dec != nil {
				if d, err := dec.Bytes(raw); err == nil {
					raw = d
				}
			}
			s = string(raw)
		case vtLPWSTR:
			if cnt < 0 || 8+2*cnt > len(p) {
				continue
			}
			u := make([]uint16, cnt)
			for k := range u {
				u[k] = le.Uint16(p[8+2*k:])
			}
			s = string(utf16.Decode(u))
			if k := strings.IndexByte(s, 0); k >= 0 {
				s = s[:k]
			}
		default:
			continue
		}
		if s = strings.TrimSpace(strings.ToValidUTF8(s, "\uFFFD")); s != "" {
			out[name] = s
		}
	}
	return out
}

// decoderFor returns the decoder of a Windows code page, or nil for code
// pages whose 8-bit strings are taken as they are (UTF-8, ASCII).
func decoderFor(cp uint16) *encoding.Decoder {
	switch cp {
	case 936:
		return simplifiedchinese.GBK.NewDecoder()
	case 54936:
		return simplifiedchinese.GB18030.NewDecoder()
	case 950:
		return traditionalchinese.Big5.NewDecoder()
	case 1252:
		return charmap.Windows1252.NewDecoder()
	case 1200:
		return nil
	}
	return nil
}
