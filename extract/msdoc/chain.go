package msdoc

import (
	"encoding/binary"
	"fmt"
	"unicode/utf16"

	"github.com/budgetdoc/budgetdoc/extract"
)

// The OLE2 reader (mscfb) follows a stream's sector chain for as many
// sectors as the stream's size needs and does not notice a chain that loops
// back: a damaged .doc then reads as its first sectors repeated — garbage
// text, and no error. chains checks every large stream's chain from the
// container's own tables (MS-CFB 2.2–2.6) before a stream is read.

const (
	endOfChain   = 0xFFFFFFFE
	maxRegSector = 0xFFFFFFFA
)

// cfb is the part of a compound file's structure needed to walk chains.
type cfb struct {
	data   []byte
	shift  uint // sector size is 1 << shift
	fat    []uint32
	fatAt  []int64 // file offset of each FAT sector
	cutoff uint64  // streams smaller than this live in the mini stream
}

func (c *cfb) sectorOffset(s uint32) int64 { return (int64(s) + 1) << c.shift }

func (c *cfb) u32(off int64) (uint32, bool) {
	if off < 0 || off+4 > int64(len(c.data)) {
		return 0, false
	}
	return binary.LittleEndian.Uint32(c.data[off:]), true
}

// parseCFB reads the header, the DIFAT and the FAT.
func parseCFB(data []byte) (*cfb, error) {
	if len(data) < 512 {
		return nil, fmt.Errorf("header truncated")
	}
	c := &cfb{data: data, shift: uint(binary.LittleEndian.Uint16(data[0x1E:])),
		cutoff: uint64(binary.LittleEndian.Uint32(data[0x38:]))}
	if c.shift != 9 && c.shift != 12 {
		return nil, fmt.Errorf("sector size 2^%d", c.shift)
	}
	per := int64(1) << c.shift / 4 // entries per sector
	nFAT := int64(binary.LittleEndian.Uint32(data[0x2C:]))
	var fatSectors []uint32
	for i := int64(0); i < 109 && int64(len(fatSectors)) < nFAT; i++ {
		fatSectors = append(fatSectors, binary.LittleEndian.Uint32(data[0x4C+4*i:]))
	}
	seen := map[uint32]bool{}
	for d := binary.LittleEndian.Uint32(data[0x44:]); d <= maxRegSector && int64(len(fatSectors)) < nFAT; {
		if seen[d] {
			return nil, fmt.Errorf("the DIFAT chain loops")
		}
		seen[d] = true
		off := c.sectorOffset(d)
		for i := int64(0); i < per-1 && int64(len(fatSectors)) < nFAT; i++ {
			v, ok := c.u32(off + 4*i)
			if !ok {
				return nil, fmt.Errorf("DIFAT beyond the end of the file")
			}
			fatSectors = append(fatSectors, v)
		}
		d, _ = c.u32(off + 4*(per-1))
	}
	for _, s := range fatSectors {
		off := c.sectorOffset(s)
		if off+(per*4) > int64(len(data)) {
			return nil, fmt.Errorf("FAT sector %d beyond the end of the file", s)
		}
		c.fatAt = append(c.fatAt, off)
		for i := range per {
			v, _ := c.u32(off + 4*i)
			c.fat = append(c.fat, v)
		}
	}
	return c, nil
}

// chain returns the sectors of the chain starting at s, at most n of them,
// or an error when the chain loops or leaves the FAT.
func (c *cfb) chain(s uint32, n int64) ([]uint32, error) {
	var out []uint32
	seen := map[uint32]bool{}
	for s <= maxRegSector && int64(len(out)) < n {
		if seen[s] {
			return out, fmt.Errorf("its sector chain loops back to sector %d", s)
		}
		if int(s) >= len(c.fat) {
			return out, fmt.Errorf("its sector chain points outside the allocation table (sector %d)", s)
		}
		seen[s] = true
		out = append(out, s)
		s = c.fat[s]
	}
	return out, nil
}

// fatEntryOffset returns where in the file the FAT entry of sector s is.
func (c *cfb) fatEntryOffset(s uint32) int64 {
	per := uint32(1) << c.shift / 4
	return c.fatAt[s/per] + 4*int64(s%per)
}

// streamStarts returns the first sector and size of every stream entry
// named name (ordinary streams only: not those in the mini stream).
func (c *cfb) streamStarts(name string) (starts []uint32, sizes []uint64, err error) {
	dir := binary.LittleEndian.Uint32(c.data[0x30:])
	sectors, err := c.chain(dir, int64(len(c.fat)))
	if err != nil {
		return nil, nil, fmt.Errorf("the directory: %v", err)
	}
	want := utf16.Encode([]rune(name))
	for _, s := range sectors {
		off := c.sectorOffset(s)
		for e := int64(0); e+128 <= int64(1)<<c.shift && off+e+128 <= int64(len(c.data)); e += 128 {
			b := c.data[off+e:]
			n := int(binary.LittleEndian.Uint16(b[64:])) / 2
			if b[66] != 2 || n != len(want)+1 {
				continue // not a stream, or another name
			}
			match := true
			for i, u := range want {
				if binary.LittleEndian.Uint16(b[2*i:]) != u {
					match = false
					break
				}
			}
			size := binary.LittleEndian.Uint64(b[120:])
			if c.shift == 9 {
				size &= 0xFFFFFFFF // version 3 files keep only the low half
			}
			if match && size >= c.cutoff {
				starts = append(starts, binary.LittleEndian.Uint32(b[116:]))
				sizes = append(sizes, size)
			}
		}
	}
	return starts, sizes, nil
}

// checkChain fails when a stream named name has a sector chain that loops
// or is shorter than its size.
func checkChain(data []byte, name string) error {
	c, err := parseCFB(data)
	if err != nil {
		return fmt.Errorf("%w: OLE container: %v", extract.ErrCorrupt, err)
	}
	starts, sizes, err := c.streamStarts(name)
	if err != nil {
		return fmt.Errorf("%w: OLE container: %v", extract.ErrCorrupt, err)
	}
	for i, s := range starts {
		need := int64((sizes[i] + 1<<c.shift - 1) >> c.shift)
		got, err := c.chain(s, need)
		if err != nil {
			return fmt.Errorf("%w: stream %s: %v", extract.ErrCorrupt, name, err)
		}
		if int64(len(got)) < need {
			return fmt.Errorf("%w: stream %s: its sector chain ends after %d of %d sectors", extract.ErrCorrupt, name, len(got), need)
		}
	}
	return nil
}
