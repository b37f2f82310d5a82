package segment

import (
	"bytes"
	"hash/maphash"
	"unicode/utf8"
)

// tagTable gives each dictionary word its part-of-speech tag, exactly as
// cppjieba's PosTagger::LookupTag does (dictionary tag, else its "special
// rule"). Segment uses it with gojieba's Tokenize instead of calling
// gojieba's Tag: Tag builds and copies a "word/tag" C string per word and
// costs about 40% more CPU than Tokenize, which made segmentation miss its
// throughput target. TestTagTableMatchesJiebaTag checks that both give the
// same tags on the corpus.
type tagTable struct {
	// An open-addressing hash table (linear probing) kept free of Go
	// pointers, so the garbage collector never scans its ~350k entries. A slot
	// holds everything a lookup needs except the word's bytes, which live in
	// text (the dictionaries' bytes): one cache miss for the slot, one for the
	// comparison.
	text  []byte
	slots []tagSlot
	mask  uint64
	seed  maphash.Seed
	tags  []string
}

type tagSlot struct {
	fp   uint32 // high bits of the word's hash, checked before the bytes
	off  uint32 // word is text[off : off+len]
	len  uint16
	tag  uint8 // 1 + index into tags; 0 = use the special rule
	used bool
}

// newTagTable reads jieba's main dictionary (`word freq tag` lines) and then
// the user dictionary (`word [freq] [tag]`), later entries overriding earlier
// ones as in cppjieba's trie. A user word without a tag falls back to the
// special rule, as in cppjieba.
func newTagTable(mainDict, userDict []byte) *tagTable {
	n := bytes.Count(mainDict, []byte{'\n'}) + bytes.Count(userDict, []byte{'\n'}) + 2
	size := 16
	for size < n+n/3 { // load factor ≤ 3/4
		size <<= 1
	}
	t := &tagTable{
		text:  make([]byte, 0, len(mainDict)+len(userDict)),
		slots: make([]tagSlot, size),
		mask:  uint64(size - 1),
		seed:  maphash.MakeSeed(),
	}
	tagID := make(map[string]uint8)
	for _, dict := range [][]byte{mainDict, userDict} {
		pos := len(t.text)
		t.text = append(t.text, dict...)
		rest := t.text[pos:] // parse our own copy: words stay slices of it
		for len(rest) > 0 {
			line, next, _ := bytes.Cut(rest, []byte{'\n'})
			lineStart := pos
			pos += len(line) + 1
			rest = next
			if len(line) == 0 {
				continue
			}
			word, fields, _ := bytes.Cut(line, []byte{' '})
			// fields is `freq tag`, or just `tag` in a two-column user entry.
			tag := fields
			if _, tg, ok := bytes.Cut(fields, []byte{' '}); ok {
				tag = tg
			}
			if len(word) > 0xFFFF {
				continue // jieba never produces such a word
			}
			var id uint8
			if len(tag) > 0 {
				var ok bool
				if id, ok = tagID[string(tag)]; !ok && len(t.tags) < 255 {
					t.tags = append(t.tags, string(tag))
					id = uint8(len(t.tags))
					tagID[string(tag)] = id
				}
			}
			t.put(word, uint32(lineStart), id)
		}
	}
	return t
}

// put records word (at text[off:]) with tag id, replacing an earlier entry.
func (t *tagTable) put(word []byte, off uint32, id uint8) {
	h := maphash.Bytes(t.seed, word)
	fp := uint32(h >> 32)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		sl := &t.slots[i]
		if !sl.used {
			*sl = tagSlot{fp: fp, off: off, len: uint16(len(word)), tag: id, used: true}
			return
		}
		if sl.fp == fp && bytes.Equal(t.text[sl.off:sl.off+uint32(sl.len)], word) {
			sl.tag = id
			return
		}
	}
}

// lookup returns the tag jieba would give word.
func (t *tagTable) lookup(word string) string {
	h := maphash.String(t.seed, word)
	fp := uint32(h >> 32)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		sl := &t.slots[i]
		if !sl.used {
			break
		}
		if sl.fp == fp && int(sl.len) == len(word) && string(t.text[sl.off:sl.off+uint32(sl.len)]) == word {
			if sl.tag != 0 {
				return t.tags[sl.tag-1]
			}
			break
		}
	}
	return specialTag(word)
}

// specialTag is cppjieba's PosTagger::SpecialRule for words not in the
// dictionary: "m" when the ASCII part is all digits, "eng" when it has other
// ASCII, "x" when there is no ASCII — judged on at most the first half of the
// runes, as cppjieba does.
func specialTag(word string) string {
	n := utf8.RuneCountInString(word)
	eng, m := 0, 0
	i := 0
	for _, r := range word {
		if i >= n || eng >= n/2 {
			break
		}
		if r < 0x80 {
			eng++
			if '0' <= r && r <= '9' {
				m++
			}
		}
		i++
	}
	switch {
	case eng == 0:
		return "x"
	case m == eng:
		return "m"
	default:
		return "eng"
	}
}
