package msdoc

import (
	"encoding/binary"
	"fmt"
	"sort"

	"github.com/budgetdoc/budgetdoc/extract"
)

// piece is one entry of the piece table (PlcPcd): the characters
// [cpStart, cpEnd) are stored at byte offset fc of the WordDocument stream,
// one byte each when compressed, else two (UTF-16LE).
type piece struct {
	cpStart, cpEnd int
	fc             int
	compressed     bool
	prm            uint16
}

// clx is the parsed Clx structure: the property modifier grpprls (Prc) and
// the piece table.
type clx struct {
	grpprls [][]byte
	pieces  []piece
}

// parseCLX reads the Clx ([MS-DOC] 2.9.38): any number of Prc (0x01, cb,
// grpprl) followed by one Pcdt (0x02, lcb, PlcPcd).
func parseCLX(b []byte, wordDocLen int) (*clx, error) {
	le := binary.LittleEndian
	c := &clx{}
	i := 0
	for i < len(b) && b[i] == 0x01 {
		if i+3 > len(b) {
			return nil, fmt.Errorf("%w: Clx: truncated Prc", extract.ErrCorrupt)
		}
		cb := int(int16(le.Uint16(b[i+1:])))
		if cb < 0 || i+3+cb > len(b) {
			return nil, fmt.Errorf("%w: Clx: Prc of %d bytes overruns the Clx", extract.ErrCorrupt, cb)
		}
		c.grpprls = append(c.grpprls, b[i+3:i+3+cb])
		i += 3 + cb
	}
	if i+5 > len(b) || b[i] != 0x02 {
		return nil, fmt.Errorf("%w: Clx: piece table (Pcdt) not found", extract.ErrCorrupt)
	}
	lcb := int(le.Uint32(b[i+1:]))
	plc := b[i+5:]
	if lcb < 0 || lcb > len(plc) {
		return nil, fmt.Errorf("%w: Clx: PlcPcd of %d bytes overruns the Clx (%d left)", extract.ErrCorrupt, lcb, len(plc))
	}
	plc = plc[:lcb]
	// A PlcPcd holds n+1 CPs (4 bytes) and n Pcds (8 bytes).
	if lcb < 4 || (lcb-4)%12 != 0 {
		return nil, fmt.Errorf("%w: Clx: PlcPcd size %d is not 4+12n", extract.ErrCorrupt, lcb)
	}
	n := (lcb - 4) / 12
	c.pieces = make([]piece, 0, n)
	for k := 0; k < n; k++ {
		cpStart := int(le.Uint32(plc[4*k:]))
		cpEnd := int(le.Uint32(plc[4*k+4:]))
		pcd := plc[4*(n+1)+8*k:]
		fc := le.Uint32(pcd[2:])
		p := piece{cpStart: cpStart, cpEnd: cpEnd, prm: le.Uint16(pcd[6:])}
		if fc&0x40000000 != 0 {
			p.compressed = true
			p.fc = int(fc&^0x40000000) / 2
		} else {
			p.fc = int(fc)
		}
		if cpEnd < cpStart || cpStart < 0 || cpEnd > 1<<30 || (k > 0 && cpStart != c.pieces[k-1].cpEnd) || (k == 0 && cpStart != 0) {
			return nil, fmt.Errorf("%w: piece %d has CPs %d..%d out of order", extract.ErrCorrupt, k, cpStart, cpEnd)
		}
		size := cpEnd - cpStart
		if !p.compressed {
			size *= 2
		}
		if p.fc < 0 || p.fc+size > wordDocLen {
			return nil, fmt.Errorf("%w: piece %d (CPs %d..%d at byte %d) lies outside the %d-byte WordDocument stream",
				extract.ErrCorrupt, k, cpStart, cpEnd, p.fc, wordDocLen)
		}
		c.pieces = append(c.pieces, p)
	}
	if n == 0 {
		return nil, fmt.Errorf("%w: Clx: empty piece table", extract.ErrCorrupt)
	}
	return c, nil
}

// cpLimit is the CP just past the last piece.
func (c *clx) cpLimit() int { return c.pieces[len(c.pieces)-1].cpEnd }

// pieceAt returns the index of the piece holding cp, or -1.
func (c *clx) pieceAt(cp int) int {
	i := sort.Search(len(c.pieces), func(i int) bool { return c.pieces[i].cpEnd > cp })
	if i < len(c.pieces) && c.pieces[i].cpStart <= cp {
		return i
	}
	return -1
}

// fcAt returns the stream byte offset of the character at cp, or -1.
func (c *clx) fcAt(cp int) int {
	i := c.pieceAt(cp)
	if i < 0 {
		return -1
	}
	p := &c.pieces[i]
	if p.compressed {
		return p.fc + (cp - p.cpStart)
	}
	return p.fc + 2*(cp-p.cpStart)
}

// decode returns the UTF-16 code units of the CPs [0, n). Pieces were
// bounds-checked by parseCLX; CPs past the last piece are missing and
// reported by the caller.
func (c *clx) decode(wd []byte, n int) []uint16 {
	out := make([]uint16, 0, n)
	for _, p := range c.pieces {
		if p.cpStart >= n {
			break
		}
		end := min(p.cpEnd, n)
		cnt := end - p.cpStart
		if p.compressed {
			for _, b := range wd[p.fc : p.fc+cnt] {
				out = append(out, cp1252(b))
			}
		} else {
			src := wd[p.fc : p.fc+2*cnt]
			for k := 0; k < len(src); k += 2 {
				out = append(out, binary.LittleEndian.Uint16(src[k:]))
			}
		}
	}
	return out
}

// cp1252 maps a byte of a compressed piece to UTF-16. [MS-DOC] 2.4.1 lists
// the exceptions for 0x82–0x9F, which are exactly the Windows-1252 code
// points; the remaining bytes of that row (0x80 € and the ones Windows-1252
// leaves undefined) are mapped as Windows-1252 too, everything else is
// Latin-1.
func cp1252(b byte) uint16 {
	if b >= 0x80 && b < 0xA0 {
		return cp1252High[b-0x80]
	}
	return uint16(b)
}

var cp1252High = [32]uint16{
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
}
