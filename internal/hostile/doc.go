package hostile

import (
	"encoding/binary"
	"io"
	"unicode/utf16"
)

// Compound-file (OLE2) sector markers, MS-CFB 2.1.
const (
	freeSect   = 0xFFFFFFFF
	endOfChain = 0xFFFFFFFE
	fatSect    = 0xFFFFFFFD
	noStream   = 0xFFFFFFFF
)

// DOCSectorLoop writes a Word 97 compound file whose WordDocument stream of
// n sectors (n ≥ 8, so that it is not in the mini stream) has a sector
// chain that loops back to its first sector halfway: a reader that follows
// the chain for the stream's size reads its first sectors again.
func DOCSectorLoop(w io.Writer, n int) error {
	const ss = 512
	n = max(n, 8)
	le := binary.LittleEndian
	head := make([]byte, ss)
	copy(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(head[0x18:], 0x3E)       // minor version
	le.PutUint16(head[0x1A:], 3)          // major version: 512-byte sectors
	le.PutUint16(head[0x1C:], 0xFFFE)     // byte order
	le.PutUint16(head[0x1E:], 9)          // sector shift
	le.PutUint16(head[0x20:], 6)          // mini sector shift
	le.PutUint32(head[0x2C:], 1)          // FAT sectors
	le.PutUint32(head[0x30:], 1)          // first directory sector
	le.PutUint32(head[0x38:], 4096)       // mini stream cutoff
	le.PutUint32(head[0x3C:], endOfChain) // no mini FAT
	le.PutUint32(head[0x44:], endOfChain) // no DIFAT sectors
	for i := range 109 {
		le.PutUint32(head[0x4C+4*i:], freeSect)
	}
	le.PutUint32(head[0x4C:], 0) // the FAT is sector 0

	fat := make([]byte, ss)
	for i := range ss / 4 {
		le.PutUint32(fat[4*i:], freeSect)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], endOfChain) // the directory
	for i := range n {
		next := uint32(2 + i + 1)
		switch {
		case i == n/2:
			next = 2 // the loop, before the stream's size is reached
		case i == n-1:
			next = endOfChain
		}
		le.PutUint32(fat[4*(2+i):], next)
	}

	dir := make([]byte, ss)
	entry := func(i int, name string, typ byte, child, start uint32, size uint64) {
		e := dir[128*i:]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1 // black
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], noStream)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint64(e[120:], size)
	}
	entry(0, "Root Entry", 5, 1, endOfChain, 0)
	entry(1, "WordDocument", 2, noStream, 2, uint64(n*ss))
	for i := 2; i < 4; i++ {
		le.PutUint32(dir[128*i+68:], noStream)
		le.PutUint32(dir[128*i+72:], noStream)
		le.PutUint32(dir[128*i+76:], noStream)
	}
	for _, b := range [][]byte{head, fat, dir} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return repeat(w, Sentence, int64(n*ss))
}
