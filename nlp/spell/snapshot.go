package spell

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"

	"github.com/budgetdoc/budgetdoc/nlp/segment"
)

// The model's dictionary part (word entries, the masked-word bitset and the
// total) is saved once per machine in the user cache directory and loaded
// by later processes: building it from the dictionaries costs about 0.2 s
// of CPU per process, loading its 20 MB about 10 ms. The file is named by a
// hash of everything it is built from, so a changed dictionary or data
// file never meets an old snapshot; modelVersion covers the code.

// modelVersion changes whenever New builds a different dictionary part
// from the same data (another hash, flag or frequency rule).
// TestSnapshotMatchesNew fails when it should have changed.
const modelVersion = 1

var snapshotMagic = [8]byte{'b', 'd', 's', 'p', 'e', 'l', 'l', '\n'}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// snapshotKey identifies the inputs of New(nil).
func snapshotKey() [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "model %d maskBits %d maxWord %d maxCand %d phraseFreq %d dict %s\n",
		modelVersion, maskBits, maxWord, maxCand, phraseFreq, segment.DictionaryID())
	for _, part := range [][]byte{samePinyin, sameStroke, commonPairs, odwPairs, phrasesTxt} {
		fmt.Fprintf(h, "%d:", len(part))
		h.Write(part)
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// snapshotPath is where the snapshot for key lives under root.
func snapshotPath(root string, key [32]byte) string {
	return filepath.Join(root, "budgetdoc", fmt.Sprintf("spell-%x.model", key[:8]))
}

// marshal encodes the dictionary part: magic, key, total, table size,
// entry count, mask size, the arrays, then a CRC-32C of all that.
func (m *Model) marshal(key [32]byte) []byte {
	size := len(m.freq.keys)
	b := make([]byte, 0, 8+32+8*4+12*size+8*len(m.mask)+4)
	b = append(b, snapshotMagic[:]...)
	b = append(b, key[:]...)
	le := binary.LittleEndian
	b = le.AppendUint64(b, math.Float64bits(m.logTotal))
	b = le.AppendUint64(b, uint64(size))
	b = le.AppendUint64(b, uint64(m.freq.n))
	b = le.AppendUint64(b, uint64(len(m.mask)))
	for _, k := range m.freq.keys {
		b = le.AppendUint64(b, k)
	}
	for _, v := range m.freq.vals {
		b = le.AppendUint32(b, v)
	}
	for _, w := range m.mask {
		b = le.AppendUint64(b, w)
	}
	return le.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

var errSnapshot = errors.New("spell: not a valid model snapshot")

// unmarshal decodes a snapshot made by marshal for key into m. It reads r
// in pieces (a model is 20 MB: no second copy of it in memory) and checks
// the CRC at the end; m is set only when all is well.
func (m *Model) unmarshal(r io.Reader, key [32]byte) error {
	le := binary.LittleEndian
	crc := crc32.New(castagnoli)
	in := io.TeeReader(bufio.NewReaderSize(r, 64<<10), crc) // crc sees what is consumed
	buf := make([]byte, 64<<10)
	// next returns the next n bytes (n ≤ len(buf)), or nil at a short read.
	next := func(n int) []byte {
		if _, err := io.ReadFull(in, buf[:n]); err != nil {
			return nil
		}
		return buf[:n]
	}
	head := next(8 + 32 + 8*4)
	if head == nil || [8]byte(head[:8]) != snapshotMagic || [32]byte(head[8:40]) != key {
		return errSnapshot
	}
	logTotal := math.Float64frombits(le.Uint64(head[40:]))
	size, n, maskLen := le.Uint64(head[48:]), le.Uint64(head[56:]), le.Uint64(head[64:])
	if size < 16 || size&(size-1) != 0 || size > 1<<30 || n > size/2 || maskLen != maskBits/64 {
		return errSnapshot
	}
	t := newFreqTable(int(size / 2))
	mask := make([]uint64, maskLen)
	if !readInts(next, t.keys, 8) || !readInts(next, t.vals, 4) || !readInts(next, mask, 8) {
		return errSnapshot
	}
	sum := crc.Sum32() // of everything consumed so far
	tail := next(4)
	if tail == nil || le.Uint32(tail) != sum {
		return errSnapshot
	}
	if _, err := in.Read(buf[:1]); err != io.EOF {
		return errSnapshot // longer than its header says
	}
	t.n = int(n)
	m.freq, m.mask, m.logTotal = t, mask, logTotal
	return nil
}

// readInts fills dst with little-endian integers of width bytes read in
// pieces through next.
func readInts[T uint32 | uint64](next func(int) []byte, dst []T, width int) bool {
	const per = 4 << 10 // integers per piece
	for len(dst) > 0 {
		k := min(len(dst), per)
		b := next(width * k)
		if b == nil {
			return false
		}
		if _, err := binary.Decode(b, binary.LittleEndian, dst[:k]); err != nil {
			return false
		}
		dst = dst[k:]
	}
	return true
}

// loadDefault returns the model of New(nil), from a snapshot when one of
// the cache roots holds a valid one; otherwise it builds the model and
// saves a snapshot (best effort: a read-only cache only costs time).
func loadDefault(roots []string) (*Model, error) {
	key := snapshotKey()
	for _, root := range roots {
		f, err := os.Open(snapshotPath(root, key))
		if err != nil {
			continue
		}
		m := &Model{conf: map[rune][]cand{}}
		err = m.unmarshal(f, key)
		f.Close()
		if err != nil {
			continue
		}
		// The confusion sets are small; the words they add are in the
		// snapshot already.
		if err := m.readConfusions(func(string, int, string) {}); err != nil {
			return nil, err
		}
		return m, nil
	}
	m, err := New(nil)
	if err != nil {
		return nil, err
	}
	data := m.marshal(key)
	for _, root := range roots {
		if writeSnapshot(snapshotPath(root, key), data) == nil {
			break
		}
	}
	return m, nil
}

// writeSnapshot writes data to path under a temporary name and renames it
// into place, so that a reader never sees half a file.
func writeSnapshot(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".spell-tmp-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return werr
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
