package msdoc

import (
	"encoding/binary"
	"fmt"

	"github.com/budgetdoc/budgetdoc/extract"
)

// FIB constants from [MS-DOC] 2.5.
const (
	wIdentWord = 0xA5EC

	flagEncrypted   = 0x0100 // FibBase.fEncrypted
	flagWhichTblStm = 0x0200 // FibBase.fWhichTblStm: 1Table instead of 0Table
	flagObfuscated  = 0x8000 // FibBase.fObfuscated (XOR obfuscation)

	fibBaseSize = 32
)

// Indices into FibRgFcLcb97 (pairs of fc/lcb), [MS-DOC] 2.5.6.
const (
	fcStshf       = 1
	fcPlcfSed     = 6
	fcPlcfHdd     = 11
	fcPlcfBtePapx = 13
	fcClx         = 33
)

// Indices into FibRgLw97, [MS-DOC] 2.5.5.
const (
	lwCcpText    = 3
	lwCcpFtn     = 4
	lwCcpHdd     = 5
	lwCcpMcr     = 6
	lwCcpAtn     = 7
	lwCcpEdn     = 8
	lwCcpTxbx    = 9
	lwCcpHdrTxbx = 10
)

// fib is the part of the File Information Block the reader needs.
type fib struct {
	nFib     uint16
	flags    uint16
	ccp      [lwCcpHdrTxbx + 1]int // character counts of the sub-documents (FibRgLw97)
	fcLcb    [][2]uint32           // FibRgFcLcb pairs
	tableStm string                // "0Table" or "1Table"
}

// ccpBefore returns the first CP of the sub-document whose count is at
// index lw: sub-documents follow each other in FibRgLw97 order.
func (f *fib) ccpBefore(lw int) int {
	n := 0
	for i := lwCcpText; i < lw; i++ {
		n += f.ccp[i]
	}
	return n
}

// pair returns the fc/lcb pair at index i, or zeros when the FIB is too
// short to hold it (older writers store fewer pairs).
func (f *fib) pair(i int) (fc, lcb uint32) {
	if i >= len(f.fcLcb) {
		return 0, 0
	}
	return f.fcLcb[i][0], f.fcLcb[i][1]
}

func parseFIB(wd []byte) (*fib, error) {
	if len(wd) < fibBaseSize+2 {
		return nil, fmt.Errorf("%w: WordDocument stream too short for a FIB (%d bytes)", extract.ErrCorrupt, len(wd))
	}
	le := binary.LittleEndian
	if id := le.Uint16(wd); id != wIdentWord {
		return nil, fmt.Errorf("%w: WordDocument stream has FIB identifier %#04x, want %#04x", extract.ErrUnsupported, id, wIdentWord)
	}
	f := &fib{nFib: le.Uint16(wd[2:]), flags: le.Uint16(wd[10:])}
	nFibBack := le.Uint16(wd[12:])
	// Word 6 and Word 95 (nFib 101–105) use a different FIB and piece
	// layout; Word 97 and later write nFib ≥ 193 (WPS too). Some writers
	// leave nFib odd but set nFibBack to 191 (0xBF).
	if f.nFib < 0xC0 && nFibBack != 0xBF && nFibBack != 0xC1 {
		return nil, fmt.Errorf("%w: Word 6/95 document (nFib %d) is not supported", extract.ErrUnsupported, f.nFib)
	}
	if f.flags&(flagEncrypted|flagObfuscated) != 0 {
		return nil, fmt.Errorf("%w: Word document is encrypted or obfuscated (FIB flags %#04x)", extract.ErrEncrypted, f.flags)
	}
	f.tableStm = "0Table"
	if f.flags&flagWhichTblStm != 0 {
		f.tableStm = "1Table"
	}
	off := fibBaseSize
	short := func(what string) error {
		return fmt.Errorf("%w: FIB truncated in %s (WordDocument stream %d bytes)", extract.ErrCorrupt, what, len(wd))
	}
	csw := int(le.Uint16(wd[off:]))
	off += 2 + 2*csw
	if off+2 > len(wd) {
		return nil, short("fibRgW")
	}
	cslw := int(le.Uint16(wd[off:]))
	off += 2
	if off+4*cslw+2 > len(wd) {
		return nil, short("fibRgLw")
	}
	for i := 0; i < cslw && i < len(f.ccp); i++ {
		v := int32(le.Uint32(wd[off+4*i:]))
		if i >= lwCcpText && v < 0 {
			return nil, fmt.Errorf("%w: FIB character count %d is negative (%d)", extract.ErrCorrupt, i, v)
		}
		f.ccp[i] = int(v)
	}
	off += 4 * cslw
	cb := int(le.Uint16(wd[off:]))
	off += 2
	if off+8*cb > len(wd) {
		return nil, short("fibRgFcLcb")
	}
	if cb <= fcClx {
		return nil, fmt.Errorf("%w: FIB has %d fc/lcb pairs, too few for the piece table", extract.ErrCorrupt, cb)
	}
	f.fcLcb = make([][2]uint32, cb)
	for i := range f.fcLcb {
		f.fcLcb[i] = [2]uint32{le.Uint32(wd[off+8*i:]), le.Uint32(wd[off+8*i+4:])}
	}
	return f, nil
}

// slice returns b[fc:fc+lcb] or an error naming the structure when the
// range lies outside b.
func slice(b []byte, fc, lcb uint32, what string) ([]byte, error) {
	end := uint64(fc) + uint64(lcb)
	if end > uint64(len(b)) {
		return nil, fmt.Errorf("%w: %s at %d+%d lies outside its %d-byte stream", extract.ErrCorrupt, what, fc, lcb, len(b))
	}
	return b[fc:end], nil
}
