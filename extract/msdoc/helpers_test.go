package msdoc

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testenv"

	"github.com/richardlehane/mscfb"
)

// sharedDir returns ../shared next to the module root, or skips the test.
func sharedDir(t testing.TB) string {
	t.Helper()
	return testenv.SharedDir(t)
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// patchStream returns a copy of the compound file data with the named
// root stream changed by fn. It relies on the stream being stored in one
// contiguous run of sectors, which holds for the LibreOffice fixtures.
func patchStream(t testing.TB, data []byte, name string, fn func(s []byte)) []byte {
	t.Helper()
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.File {
		if f.Name != name || len(f.Path) != 0 {
			continue
		}
		s := make([]byte, f.Size)
		if _, err := io.ReadFull(f, s); err != nil {
			t.Fatal(err)
		}
		off := bytes.Index(data, s)
		if off < 0 {
			t.Fatalf("stream %s is not stored contiguously", name)
		}
		out := bytes.Clone(data)
		fn(out[off : off+len(s)])
		return out
	}
	t.Fatalf("no stream %s", name)
	return nil
}

// compressPieces rewrites a document whose text is one UTF-16 piece into
// one compressed (8-bit) piece holding the same characters, moving every
// FC that points into the text: the piece descriptor, the PlcBtePapx and
// PlcBteChpx boundaries and the FKP run boundaries. LibreOffice only writes
// UTF-16 pieces, so this is how the tests get a compressed one.
func compressPieces(t testing.TB, data []byte) []byte {
	t.Helper()
	le := binary.LittleEndian
	var f *fib
	var start, n int
	var fkps []int
	data = patchStream(t, data, "WordDocument", func(wd []byte) {
		var err error
		if f, err = parseFIB(wd); err != nil {
			t.Fatal(err)
		}
	})
	var remap func(x uint32) uint32
	data = patchStream(t, data, f.tableStm, func(tbl []byte) {
		fc, lcb := f.pair(fcClx)
		c, err := parseCLX(tbl[fc:fc+lcb], 1<<30)
		if err != nil || len(c.pieces) != 1 || c.pieces[0].compressed {
			t.Fatalf("want one UTF-16 piece, got %+v (%v)", c, err)
		}
		start, n = c.pieces[0].fc, c.pieces[0].cpEnd
		remap = func(x uint32) uint32 {
			if int(x) >= start && int(x) <= start+2*n {
				return uint32(start + (int(x)-start)/2)
			}
			return x
		}
		// The Pcd's fc is the last piece field before prm: Pcdt at the end.
		pcd := tbl[fc+lcb-8:]
		le.PutUint32(pcd[2:], uint32(2*start)|0x40000000)
		for _, k := range []int{fcPlcfBtePapx, fcPlcfBtePapx - 1} { // Papx and Chpx
			fc, lcb := f.pair(k)
			plc := tbl[fc : fc+lcb]
			cnt := (len(plc) - 4) / 8
			for i := 0; i <= cnt; i++ {
				le.PutUint32(plc[4*i:], remap(le.Uint32(plc[4*i:])))
			}
			for i := 0; i < cnt; i++ {
				fkps = append(fkps, int(le.Uint32(plc[4*(cnt+1)+4*i:])&0x3FFFFF))
			}
		}
	})
	return patchStream(t, data, "WordDocument", func(wd []byte) {
		text := make([]byte, n)
		for i := 0; i < n; i++ {
			text[i] = toCP1252(t, le.Uint16(wd[start+2*i:]))
		}
		copy(wd[start:], text)
		clear(wd[start+n : start+2*n])
		for _, pn := range fkps {
			fkp := wd[pn*fkpSize : (pn+1)*fkpSize]
			crun := int(fkp[fkpSize-1])
			for i := 0; i <= crun; i++ {
				le.PutUint32(fkp[4*i:], remap(le.Uint32(fkp[4*i:])))
			}
		}
	})
}

func toCP1252(t testing.TB, u uint16) byte {
	if u < 0x80 || (u >= 0xA0 && u < 0x100) {
		return byte(u)
	}
	for i, v := range cp1252High {
		if v == u {
			return byte(0x80 + i)
		}
	}
	t.Fatalf("U+%04X has no Windows-1252 byte", u)
	return 0
}
