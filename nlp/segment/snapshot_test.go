package segment

import (
	"encoding/binary"
	"math/bits"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/third_party/gojieba"
)

// The snapshot's layout, mirrored from cppjieba's DictTrie (patched, see
// third_party/gojieba/PATCHES.md) to damage snapshots on purpose.
const (
	snapHeaderSize   = 104 // magic, version, order, six counts, four weights, checksum
	snapChecksumAt   = 96  // the checksum covers the header before it and the body
	snapUnitSize     = 24  // weight, rune offset and length, tag offset and length
	snapNodeSize     = 12  // unit, edge offset, edge count
	snapEdgeSize     = 8   // rune, child
	snapRootDirect   = 0x10000
	snapNone         = 0xFFFFFFFF
	snapCountsOffset = 16
)

// snapshotSum is DictTrie::SnapshotSum.
func snapshotSum(p []byte) uint64 {
	const k = 0x9E3779B97F4A7C15
	h := [4]uint64{k, k ^ 1, k ^ 2, k ^ 3}
	i := 0
	for ; i+32 <= len(p); i += 32 {
		for l := range h {
			h[l] = bits.RotateLeft64((h[l]^binary.LittleEndian.Uint64(p[i+8*l:]))*k, 29)
		}
	}
	t := uint64(len(p))
	for ; i < len(p); i++ {
		t = (t ^ uint64(p[i])) * k
	}
	r := t
	for _, x := range h {
		r = (r ^ x) * k
		r ^= r >> 31
	}
	return r
}

// snapLayout locates a snapshot's arrays.
type snapLayout struct {
	units, runes, tags, nodes, edges, rootBMP int // byte offsets
	nUnits, nNodes, nEdges                    int
}

func parseSnapLayout(t *testing.T, b []byte) snapLayout {
	t.Helper()
	if len(b) < snapHeaderSize {
		t.Fatalf("snapshot of %d bytes", len(b))
	}
	count := func(i int) int { return int(binary.LittleEndian.Uint64(b[snapCountsOffset+8*i:])) }
	units, runes, tagBytes, nodes, edges := count(0), count(1), count(2), count(3), count(4)
	var l snapLayout
	l.nUnits, l.nNodes, l.nEdges = units, nodes, edges
	l.units = snapHeaderSize
	l.runes = l.units + units*snapUnitSize
	l.tags = l.runes + runes*4
	l.nodes = l.tags + (tagBytes+7)&^7
	l.edges = l.nodes + nodes*snapNodeSize
	l.rootBMP = l.edges + edges*snapEdgeSize
	return l
}

// snapshotChecksum is DictTrie::SnapshotChecksum: the header up to the
// checksum, and the body.
func snapshotChecksum(b []byte) uint64 {
	return snapshotSum(b[:snapChecksumAt]) ^ snapshotSum(b[snapHeaderSize:])
}

func fixSnapChecksum(b []byte) {
	if len(b) >= snapHeaderSize {
		binary.LittleEndian.PutUint64(b[snapChecksumAt:], snapshotChecksum(b))
	}
}

func u32(b []byte, off int) uint32      { return binary.LittleEndian.Uint32(b[off:]) }
func put32(b []byte, off int, v uint32) { binary.LittleEndian.PutUint32(b[off:], v) }

// loadPrivate loads a segmenter of its own from the dictionary directory
// under root, reporting whether jieba's trie came from the snapshot.
func loadPrivate(t *testing.T, root string) (*jiebaSegmenter, bool) {
	t.Helper()
	seg, err := load([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(seg.close)
	return seg, seg.jieba.FromSnapshot()
}

func snapshotPath(t *testing.T, root string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(root, "budgetdoc", "jieba-*", snapshotPrefix+"*"+snapshotSuffix))
	if err != nil || len(m) != 1 {
		t.Fatalf("snapshots under %s: %v, %v", root, m, err)
	}
	return m[0]
}

// TestSnapshotRoundTrip: the first load builds the trie and writes the
// snapshot, the second loads it; both segment exactly as upstream jieba.
func TestSnapshotRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and sweeps two jieba instances")
	}
	root := t.TempDir()
	built, fromSnap := loadPrivate(t, root)
	if fromSnap {
		t.Fatal("first load claims a snapshot")
	}
	path := snapshotPath(t, root)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := binary.LittleEndian.Uint64(data[snapChecksumAt:]), snapshotChecksum(data); got != want {
		t.Fatalf("checksum %x, the Go mirror computes %x: the layout constants are out of date", got, want)
	}
	loaded, fromSnap := loadPrivate(t, root)
	if !fromSnap {
		t.Fatal("second load did not use the snapshot")
	}
	for _, j := range []*gojieba.Jieba{built.jieba, loaded.jieba} {
		checkTokenizeGolden(t, j)
		checkDictionarySweep(t, j)
	}
}

// TestSnapshotDamaged: a damaged, truncated or inconsistent snapshot is never
// used (the trie is built from the dictionaries, segmenting as before) and is
// replaced by a good one.
func TestSnapshotDamaged(t *testing.T) {
	if testing.Short() {
		t.Skip("builds jieba once per case")
	}
	root := t.TempDir()
	loadPrivate(t, root)
	path := snapshotPath(t, root)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l := parseSnapLayout(t, good)
	const sentence = "一般公共预算财政拨款支出和三公经费"
	want := strings.Join(testSegmenter(t).(*jiebaSegmenter).jieba.Cut(sentence, true), "|")

	// rootChild is the node of a one-character word.
	rootChild := func(b []byte) int {
		return int(u32(b, l.rootBMP+4*int('中')))
	}
	damage := map[string]func(b []byte) []byte{
		"empty":          func(b []byte) []byte { return nil },
		"header only":    func(b []byte) []byte { return b[:snapHeaderSize] },
		"truncated":      func(b []byte) []byte { return b[:len(b)/2] },
		"extra byte":     func(b []byte) []byte { return append(b, 0) },
		"flipped bit":    func(b []byte) []byte { b[len(b)/3] ^= 4; return b },
		"flipped weight": func(b []byte) []byte { b[snapChecksumAt-1] ^= 1; return b }, // in the median weight
		"other version":  func(b []byte) []byte { b[8]++; return b },
		"garbage":        func(b []byte) []byte { return []byte(strings.Repeat("预算", 1000)) },
		"counts too big": func(b []byte) []byte { binary.LittleEndian.PutUint64(b[snapCountsOffset:], 1<<40); return b },
		// The rest keep a valid checksum: only the consistency checks stand.
		"edge to no node": func(b []byte) []byte {
			put32(b, l.edges+4, uint32(l.nNodes))
			fixSnapChecksum(b)
			return b
		},
		"node reached twice": func(b []byte) []byte {
			c := rootChild(b)
			off, n := int(u32(b, l.nodes+c*snapNodeSize+4)), int(u32(b, l.nodes+c*snapNodeSize+8))
			if n < 2 {
				t.Fatalf("node %d has %d children", c, n)
			}
			put32(b, l.edges+(off+1)*snapEdgeSize+4, u32(b, l.edges+off*snapEdgeSize+4))
			fixSnapChecksum(b)
			return b
		},
		"unsorted children": func(b []byte) []byte {
			c := rootChild(b)
			off := int(u32(b, l.nodes+c*snapNodeSize+4))
			a, z := l.edges+off*snapEdgeSize, l.edges+(off+1)*snapEdgeSize
			ra, rz := u32(b, a), u32(b, z)
			put32(b, a, rz)
			put32(b, z, ra)
			fixSnapChecksum(b)
			return b
		},
		"unit at the wrong depth": func(b []byte) []byte {
			for u := range l.nUnits {
				if u32(b, l.units+u*snapUnitSize+12) == 3 { // rune_len
					put32(b, l.nodes+rootChild(b)*snapNodeSize, uint32(u))
					fixSnapChecksum(b)
					return b
				}
			}
			t.Fatal("no three-character unit")
			return b
		},
		"unit past the units": func(b []byte) []byte {
			put32(b, l.nodes+rootChild(b)*snapNodeSize, uint32(l.nUnits))
			fixSnapChecksum(b)
			return b
		},
		"root holds a unit": func(b []byte) []byte {
			put32(b, l.nodes, 0)
			fixSnapChecksum(b)
			return b
		},
	}
	for name, f := range damage {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(path, f(append([]byte(nil), good...)), 0o644); err != nil {
				t.Fatal(err)
			}
			seg, fromSnap := loadPrivate(t, root)
			if fromSnap {
				t.Fatal("the damaged snapshot was used")
			}
			if got := strings.Join(seg.jieba.Cut(sentence, true), "|"); got != want {
				t.Errorf("Cut = %s, want %s", got, want)
			}
			if _, fromSnap := loadPrivate(t, root); !fromSnap {
				t.Error("the snapshot was not replaced by a good one")
			}
		})
	}
}

// FuzzSnapshot: whatever the snapshot file holds (with its checksum made to
// match, so that the consistency checks are what is exercised), jieba loads
// without crashing and segments its input into words that cover it.
func FuzzSnapshot(f *testing.F) {
	dir := f.TempDir()
	paths := writeDictFiles(f, dir,
		"一般 50 a\n公共 60 n\n预算 100 n\n一般公共预算 20 n\n支出 80 v\n预算支出 30 n\n𠀀𠀁 5 x\n",
		"三公经费 n\n费\n")
	snap := filepath.Join(dir, "trie.snapshot")
	gojieba.NewJiebaWithSnapshot(snap, paths...).Free()
	good, err := os.ReadFile(snap)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)-5])
	f.Add([]byte{})
	const sentence = "一般公共预算支出和三公经费𠀀𠀁费"
	f.Fuzz(func(t *testing.T, data []byte) {
		data = append([]byte(nil), data...)
		fixSnapChecksum(data)
		if err := os.WriteFile(snap, data, 0o644); err != nil {
			t.Fatal(err)
		}
		j := gojieba.NewJiebaWithSnapshot(snap, paths...)
		defer j.Free()
		if got := strings.Join(j.Cut(sentence, true), ""); got != sentence {
			t.Fatalf("words %q do not cover the input", j.Cut(sentence, true))
		}
	})
}
