package msdoc

import (
	"encoding/binary"
	"fmt"
	"sort"

	"github.com/budgetdoc/budgetdoc/extract"
)

// papxRun says that the paragraphs whose marks lie in the stream bytes
// [fcStart, fcEnd) have the properties grpprl (istd first).
type papxRun struct {
	fcStart, fcEnd int
	papx           []byte // GrpPrlAndIstd
}

const fkpSize = 512

// parsePapxRuns reads the PlcBtePapx ([MS-DOC] 2.8.6) and every PapxFkp
// it points to, returning the runs sorted by fcStart.
func parsePapxRuns(plc, wd []byte) ([]papxRun, error) {
	le := binary.LittleEndian
	if len(plc) == 0 {
		return nil, nil
	}
	if len(plc) < 4 || (len(plc)-4)%8 != 0 {
		return nil, fmt.Errorf("%w: PlcBtePapx size %d is not 4+8n", extract.ErrCorrupt, len(plc))
	}
	n := (len(plc) - 4) / 8
	var runs []papxRun
	seen := make(map[uint32]bool, n)
	for i := 0; i < n; i++ {
		pn := le.Uint32(plc[4*(n+1)+4*i:]) & 0x003FFFFF
		if seen[pn] { // a repeated page would only duplicate runs
			continue
		}
		seen[pn] = true
		off := int(pn) * fkpSize
		if off+fkpSize > len(wd) {
			return nil, fmt.Errorf("%w: PapxFkp page %d lies outside the WordDocument stream", extract.ErrCorrupt, pn)
		}
		runs = appendFkpRuns(runs, wd[off:off+fkpSize])
	}
	sort.SliceStable(runs, func(a, b int) bool { return runs[a].fcStart < runs[b].fcStart })
	return runs, nil
}

// appendFkpRuns decodes one PapxFkp: crun in the last byte, crun+1 FCs,
// then crun BxPap (a word offset and 12 bytes of PHE).
func appendFkpRuns(runs []papxRun, fkp []byte) []papxRun {
	le := binary.LittleEndian
	crun := int(fkp[fkpSize-1])
	if 4*(crun+1)+13*crun > fkpSize-1 {
		return runs // corrupt page: ignore it, paragraphs fall back to defaults
	}
	bx := fkp[4*(crun+1):]
	for i := 0; i < crun; i++ {
		start, end := int(le.Uint32(fkp[4*i:])), int(le.Uint32(fkp[4*i+4:]))
		r := papxRun{fcStart: start, fcEnd: end}
		if o := 2 * int(bx[13*i]); o != 0 && o < fkpSize-1 {
			// PapxInFkp: cb; if cb == 0 the next byte cb' gives 2*cb' bytes,
			// else 2*cb-1 bytes follow.
			cb := int(fkp[o])
			o++
			size := 2*cb - 1
			if cb == 0 {
				size = 2 * int(fkp[o])
				o++
			}
			if size >= 2 && o+size <= fkpSize-1 {
				r.papx = fkp[o : o+size]
			}
		}
		runs = append(runs, r)
	}
	return runs
}

// propsAt returns the paragraph properties of the paragraph whose mark is
// at stream offset fc, with the piece's property modifier applied.
func propsAt(runs []papxRun, fc int, c *clx, prm uint16, dataStm []byte) paraProps {
	var p paraProps
	i := sort.Search(len(runs), func(i int) bool { return runs[i].fcStart > fc }) - 1
	if i >= 0 && fc < runs[i].fcEnd {
		if b := runs[i].papx; len(b) >= 2 {
			p.istd = int(binary.LittleEndian.Uint16(b))
			p.apply(b[2:], dataStm)
		}
	}
	// A complex Prm points at a Prc grpprl; the short form (Prm0) can only
	// carry character-level and a few rarely used paragraph sprms, so it is
	// ignored.
	if prm&1 != 0 {
		if k := int(prm >> 1); k < len(c.grpprls) {
			p.apply(c.grpprls[k], dataStm)
		}
	}
	return p
}
