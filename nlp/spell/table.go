package spell

import "math/bits"

// freqTable maps a word's hash to its entry (frequency and flags): open
// addressing with linear probing in two flat arrays, so that a model is
// saved and loaded as the arrays themselves (see snapshot.go) instead of
// being rebuilt from 350k dictionary lines in every process. An entry is
// never 0 (frequencies are positive), so 0 marks a free slot.
type freqTable struct {
	keys  []uint64
	vals  []uint32
	n     int  // entries
	shift uint // 64 - log2(len(keys))
}

// newFreqTable makes a table for about n entries (at most half full).
func newFreqTable(n int) freqTable {
	size := 1 << bits.Len(uint(max(2*n, 16)-1))
	return freqTable{keys: make([]uint64, size), vals: make([]uint32, size),
		shift: uint(64 - bits.TrailingZeros(uint(size)))}
}

// slot is where the probe for h starts: the multiplication spreads the
// FNV hashes' low-entropy high bits.
func (t *freqTable) slot(h uint64) int { return int((h * 0x9E3779B97F4A7C15) >> t.shift) }

// get returns the entry of h, or 0.
func (t *freqTable) get(h uint64) uint32 {
	last := len(t.keys) - 1
	for i := t.slot(h); ; i = (i + 1) & last {
		v := t.vals[i]
		if v == 0 || t.keys[i] == h {
			return v
		}
	}
}

// put sets the entry of h to v (not 0).
func (t *freqTable) put(h uint64, v uint32) {
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	last := len(t.keys) - 1
	for i := t.slot(h); ; i = (i + 1) & last {
		switch {
		case t.vals[i] == 0:
			t.keys[i], t.vals[i] = h, v
			t.n++
			return
		case t.keys[i] == h:
			t.vals[i] = v
			return
		}
	}
}

func (t *freqTable) grow() {
	old := *t
	*t = newFreqTable(2 * len(old.keys))
	for i, v := range old.vals {
		if v != 0 {
			t.put(old.keys[i], v)
		}
	}
}
