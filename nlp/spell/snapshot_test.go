package spell

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/budgetdoc/budgetdoc/nlp/segment"
)

// sameDictionary reports whether two models hold the same dictionary part.
func sameDictionary(t *testing.T, got, want *Model) {
	t.Helper()
	if got.logTotal != want.logTotal || got.freq.n != want.freq.n ||
		!slices.Equal(got.freq.keys, want.freq.keys) || !slices.Equal(got.freq.vals, want.freq.vals) ||
		!slices.Equal(got.mask, want.mask) {
		t.Fatalf("dictionary differs: total %v/%v, entries %d/%d", got.logTotal, want.logTotal, got.freq.n, want.freq.n)
	}
	if len(got.conf) != len(want.conf) {
		t.Fatalf("confusion sets: %d characters, want %d", len(got.conf), len(want.conf))
	}
	for r, cs := range want.conf {
		if !slices.Equal(got.conf[r], cs) {
			t.Fatalf("confusion set of %c differs", r)
		}
	}
}

// TestSnapshotMatchesNew: the model loaded from a snapshot, the one this
// machine's cache holds included, is the model New builds. It fails when
// New changed without modelVersion: bump it.
func TestSnapshotMatchesNew(t *testing.T) {
	built, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Default() // from the user cache when it holds a snapshot
	if err != nil {
		t.Fatal(err)
	}
	sameDictionary(t, m, built)

	root := t.TempDir()
	first, err := loadDefault([]string{root}) // builds and saves
	if err != nil {
		t.Fatal(err)
	}
	sameDictionary(t, first, built)
	path := snapshotPath(root, snapshotKey())
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no snapshot saved: %v", err)
	}
	again, err := loadDefault([]string{root}) // loads
	if err != nil {
		t.Fatal(err)
	}
	sameDictionary(t, again, built)
	if got := again.CheckWith("内蒙古自治区乌兰察布市大力培育发展大数局产业。", Options{}); len(got) != 1 || got[0].Right != "据" {
		t.Errorf("check with the loaded model: %+v", got)
	}
}

// TestSnapshotDamaged: a snapshot cut short, altered, made for other
// inputs or of another format is not used; the model is built again and the
// snapshot replaced.
func TestSnapshotDamaged(t *testing.T) {
	built, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	key := snapshotKey()
	good := built.marshal(key)
	other := key
	other[0] ^= 1
	flipped := slices.Clone(good)
	flipped[len(flipped)/2] ^= 0x10
	for name, data := range map[string][]byte{
		"empty":     nil,
		"cut":       good[:len(good)/3],
		"flipped":   flipped,
		"other key": built.marshal(other),
		"not ours":  []byte("budgetdoc"),
		"longer":    append(slices.Clone(good), 0),
	} {
		t.Run(name, func(t *testing.T) {
			if new(Model).unmarshal(bytes.NewReader(data), key) == nil {
				t.Fatal("accepted")
			}
			root := t.TempDir()
			path := snapshotPath(root, key)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			m, err := loadDefault([]string{root})
			if err != nil {
				t.Fatal(err)
			}
			sameDictionary(t, m, built)
			if b, _ := os.ReadFile(path); !slices.Equal(b, good) {
				t.Error("the damaged snapshot was not replaced")
			}
		})
	}
}

// TestSnapshotKey: the key changes with the data the model is built from.
func TestSnapshotKey(t *testing.T) {
	k := snapshotKey()
	saved := phrasesTxt
	defer func() { phrasesTxt = saved }()
	phrasesTxt = append(slices.Clone(saved), "预算绩效\n"...)
	if snapshotKey() == k {
		t.Error("the key ignores phrases.txt")
	}
	if segment.DictionaryID() == "" {
		t.Error("no dictionary ID")
	}
}

// BenchmarkDefaultModel: the model built from the dictionaries against the
// model loaded from its snapshot.
//
//	go test -run '^$' -bench DefaultModel ./nlp/spell
func BenchmarkDefaultModel(b *testing.B) {
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			if _, err := New(nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	root := b.TempDir()
	if _, err := loadDefault([]string{root}); err != nil {
		b.Fatal(err)
	}
	b.Run("snapshot", func(b *testing.B) {
		for b.Loop() {
			if _, err := loadDefault([]string{root}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
