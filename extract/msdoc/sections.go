package msdoc

import "encoding/binary"

// sectionMarks maps the CP of every section mark (the 0x0C ending a
// section, except the last) to whether it breaks the page: the section
// after it starts on a new page unless its bkc is 0 (continuous) or 1 (new
// column).
// PlcfSed ([MS-DOC] 2.8.26): n+1 CPs then n 12-byte Sed; Sed.fcSepx points
// at a SEPX (cb, grpprl) in the WordDocument stream.
func sectionMarks(plc, wd []byte) map[int]bool {
	le := binary.LittleEndian
	if len(plc) < 4 || (len(plc)-4)%16 != 0 {
		return nil
	}
	n := (len(plc) - 4) / 16
	out := map[int]bool{}
	for i := 1; i < n; i++ { // the break before section i belongs to section i
		fc := le.Uint32(plc[4*(n+1)+12*i+2:])
		cp := int(le.Uint32(plc[4*i:])) - 1
		if fc == 0xFFFFFFFF || uint64(fc)+2 > uint64(len(wd)) {
			out[cp] = true // default section properties: new page
			continue
		}
		cb := int(le.Uint16(wd[fc:]))
		end := min(int(fc)+2+cb, len(wd))
		bkc := 2
		eachSprm(wd[fc+2:end], func(sprm uint16, op []byte) {
			if sprm == sprmSBkc {
				bkc = int(op[0])
			}
		})
		out[cp] = bkc > 1
	}
	return out
}

// plcCPs reads a PLC that holds only CPs (PlcfHdd, PlcfTxbxTxt prefixes).
func plcCPs(plc []byte) []int {
	cps := make([]int, len(plc)/4)
	for i := range cps {
		cps[i] = int(binary.LittleEndian.Uint32(plc[4*i:]))
	}
	return cps
}
