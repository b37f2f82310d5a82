package msdoc

import "encoding/binary"

// Single property modifiers ([MS-DOC] 2.6) that the reader interprets.
const (
	sprmPIstd             = 0x4600
	sprmPFPageBreakBefore = 0x2407
	sprmPFInTable         = 0x2416
	sprmPFTtp             = 0x2417
	sprmPFInnerTableCell  = 0x244B
	sprmPFInnerTtp        = 0x244C
	sprmPItap             = 0x6649
	sprmPDtap             = 0x664A
	sprmPChgTabs          = 0xC615
	sprmPHugePapx         = 0x6646
	sprmTDefTable         = 0xD608
	sprmTDefTable10       = 0xD606
	sprmTMerge            = 0x5624
	sprmTSplit            = 0x5625
	sprmTVertMerge        = 0xD62B
	sprmSBkc              = 0x3009
)

// eachSprm calls fn for every Sprm of grpprl with its operand, stopping at
// the first one that does not fit (a truncated grpprl is common enough in
// the wild to be tolerated rather than rejected).
func eachSprm(grpprl []byte, fn func(sprm uint16, op []byte)) {
	le := binary.LittleEndian
	for i := 0; i+2 <= len(grpprl); {
		sprm := le.Uint16(grpprl[i:])
		i += 2
		n := operandSize(sprm, grpprl[i:])
		if n < 0 || i+n > len(grpprl) {
			return
		}
		fn(sprm, grpprl[i:i+n])
		i += n
	}
}

// operandSize returns the operand length of sprm whose operand starts at
// op, or -1 when it cannot be determined from the bytes available.
func operandSize(sprm uint16, op []byte) int {
	switch sprm >> 13 { // spra
	case 0, 1:
		return 1
	case 2, 4, 5:
		return 2
	case 3:
		return 4
	case 7:
		return 3
	}
	// Variable length. sprmTDefTable(10) has a two-byte count that includes
	// one extra byte; sprmPChgTabs has its own escape for long operands.
	switch sprm {
	case sprmTDefTable, sprmTDefTable10:
		if len(op) < 2 {
			return -1
		}
		return int(binary.LittleEndian.Uint16(op)) + 1
	case sprmPChgTabs:
		if len(op) < 1 {
			return -1
		}
		if op[0] != 255 {
			return 1 + int(op[0])
		}
		// PChgTabsDelOperand (cTabs, 4 bytes each) then
		// PChgTabsAddOperand (cTabs, 3 bytes each).
		if len(op) < 2 {
			return -1
		}
		n := 2 + 4*int(op[1])
		if len(op) < n+1 {
			return -1
		}
		return n + 1 + 3*int(op[n])
	}
	if len(op) < 1 {
		return -1
	}
	return 1 + int(op[0])
}

// paraProps are the paragraph properties the layout needs.
type paraProps struct {
	istd            int
	inTable         bool
	ttp             bool // table terminating paragraph (row end) at depth 1
	innerCell       bool // cell end in a nested table
	innerTtp        bool // row end in a nested table
	itap            int  // table depth; 0 = not in a table
	pageBreakBefore bool
	tap             *rowProps // set on row-end paragraphs that define the row
}

// depth is the table nesting depth of the paragraph.
func (p *paraProps) depth() int {
	if p.itap > 0 {
		return p.itap
	}
	if p.inTable {
		return 1
	}
	return 0
}

// rowProps is the table row definition carried by a row-end paragraph.
type rowProps struct {
	bounds []int     // rgdxaCenter: cell boundaries in twips, itcMac+1 values
	cells  []cellDef // per cell merge flags
}

// cellDef holds the merge flags of one TC80.
type cellDef struct {
	firstMerged, merged    bool // old-style horizontal merge
	vertMerge, vertRestart bool
}

// apply interprets a grpprl on top of p. dataStm is the Data stream, where
// sprmPHugePapx points at properties too large for a PAPX page (row ends
// of wide tables, whose sprmTDefTable alone exceeds it).
func (p *paraProps) apply(grpprl, dataStm []byte) {
	eachSprm(grpprl, func(sprm uint16, op []byte) {
		switch sprm {
		case sprmPHugePapx:
			// PrcData: cbGrpprl (2 bytes) then the grpprl. The indirection
			// is followed once: a huge grpprl cannot point further.
			off := uint64(binary.LittleEndian.Uint32(op))
			if dataStm != nil && off+2 <= uint64(len(dataStm)) {
				cb := uint64(binary.LittleEndian.Uint16(dataStm[off:]))
				end := min(off+2+cb, uint64(len(dataStm)))
				p.apply(dataStm[off+2:end], nil)
			}
		case sprmPIstd:
			p.istd = int(binary.LittleEndian.Uint16(op))
		case sprmPFInTable:
			p.inTable = op[0] != 0
		case sprmPFTtp:
			p.ttp = op[0] != 0
		case sprmPFInnerTableCell:
			p.innerCell = op[0] != 0
		case sprmPFInnerTtp:
			p.innerTtp = op[0] != 0
		case sprmPItap:
			p.itap = clampDepth(int(int32(binary.LittleEndian.Uint32(op))))
		case sprmPDtap:
			p.itap = clampDepth(p.itap + int(int32(binary.LittleEndian.Uint32(op))))
		case sprmPFPageBreakBefore:
			p.pageBreakBefore = op[0] != 0
		case sprmTDefTable:
			if len(op) >= 2 {
				p.tap = parseTDefTable(op[2:])
			}
		case sprmTMerge, sprmTSplit:
			if p.tap != nil {
				p.tap.merge(int(op[0]), int(op[1]), sprm == sprmTMerge)
			}
		case sprmTVertMerge:
			// op: cb (=2), itc, vertMergeFlag (0 none, 1 merged, 3 restart)
			if p.tap != nil && len(op) >= 3 && int(op[1]) < len(p.tap.cells) {
				c := &p.tap.cells[op[1]]
				c.vertMerge = op[2]&1 != 0
				c.vertRestart = op[2] == 3
			}
		}
	})
}

// clampDepth keeps a table depth from a file within a sane range so that a
// hostile value cannot make the layout allocate millions of nested tables.
func clampDepth(d int) int {
	return max(0, min(d, 64))
}

// parseTDefTable reads a TDefTableOperand after its cb field: itcMac,
// rgdxaCenter (itcMac+1 int16) and up to itcMac TC80 (20 bytes each).
func parseTDefTable(b []byte) *rowProps {
	if len(b) < 1 {
		return nil
	}
	n := int(b[0])
	if n > 63 || len(b) < 1+2*(n+1) {
		return nil
	}
	r := &rowProps{bounds: make([]int, n+1), cells: make([]cellDef, n)}
	for i := range r.bounds {
		r.bounds[i] = int(int16(binary.LittleEndian.Uint16(b[1+2*i:])))
	}
	tcs := b[1+2*(n+1):]
	for i := 0; i < n && 20*i+2 <= len(tcs); i++ {
		g := binary.LittleEndian.Uint16(tcs[20*i:])
		r.cells[i] = cellDef{
			firstMerged: g&0x0001 != 0,
			merged:      g&0x0002 != 0,
			vertMerge:   g&0x0020 != 0,
			vertRestart: g&0x0040 != 0,
		}
	}
	return r
}

// merge applies sprmTMerge (set) or sprmTSplit (clear) to cells
// [first, lim).
func (r *rowProps) merge(first, lim int, set bool) {
	for i := first; i < lim && i < len(r.cells); i++ {
		r.cells[i].firstMerged = set && i == first
		r.cells[i].merged = set && i > first
	}
}
