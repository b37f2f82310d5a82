package gojieba

/*
// budgetdoc: BUDGETDOC_PATCHES names the patch level of the headers under deps/
// (see PATCHES.md). Go's build cache does not track headers outside this
// directory and would link the old code; TestPatchLevelMatchesDeps fails until
// a change to them comes with a new level.
#cgo CXXFLAGS: -I./deps/cppjieba/include -I./deps/cppjieba/deps/limonp/include -DBUDGETDOC_PATCHES=14 -DLOGGING_LEVEL=LL_WARNING -O3 -Wno-deprecated -Wno-unused-variable -std=c++11
#include <stdlib.h>
#include "jieba.h"
*/
import "C"
import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
)

type TokenizeMode int

const (
	DefaultMode TokenizeMode = iota
	SearchMode
)

type Word struct {
	Str   string
	Start int
	End   int
}

type Jieba struct {
	jieba C.Jieba
	freed int32
}

func NewJieba(paths ...string) *Jieba {
	return newJieba("", paths...)
}

// NewJiebaWithSnapshot (budgetdoc) is NewJieba keeping the built dictionary
// trie in the file snapshot: a valid snapshot there is loaded instead of
// parsing the dictionary files, otherwise the trie is built from them and the
// snapshot written (atomically, best effort). The caller must name the file
// after the contents of the dictionary and user dictionary files, which the
// snapshot replaces.
func NewJiebaWithSnapshot(snapshot string, paths ...string) *Jieba {
	return newJieba(snapshot, paths...)
}

// FromSnapshot (budgetdoc) reports whether the dictionary trie was loaded
// from a snapshot.
func (x *Jieba) FromSnapshot() bool {
	return C.JiebaFromSnapshot(x.jieba) != 0
}

func newJieba(snapshot string, paths ...string) *Jieba {
	dictpaths := getDictPaths(paths...)

	// check if the dictionary files exist
	for _, path := range dictpaths {
		if _, err := os.Stat(path); os.IsNotExist(err) {
			panic(fmt.Sprintf("Dictionary file does not exist: %s", path))
		}
	}

	dpath, hpath, upath, ipath, spath := C.CString(dictpaths[0]), C.CString(dictpaths[1]), C.CString(dictpaths[2]), C.CString(dictpaths[3]), C.CString(dictpaths[4])
	defer C.free(unsafe.Pointer(dpath))
	defer C.free(unsafe.Pointer(hpath))
	defer C.free(unsafe.Pointer(upath))
	defer C.free(unsafe.Pointer(ipath))
	defer C.free(unsafe.Pointer(spath))
	var cj C.Jieba
	if snapshot == "" {
		cj = C.NewJieba(dpath, hpath, upath, ipath, spath)
	} else {
		snap := C.CString(snapshot)
		defer C.free(unsafe.Pointer(snap))
		cj = C.NewJiebaSnapshot(dpath, hpath, upath, ipath, spath, snap)
	}
	jieba := &Jieba{cj, 0}
	// set finalizer to free the memory when the object is garbage collected
	runtime.SetFinalizer(jieba, (*Jieba).Free)
	return jieba
}

func (x *Jieba) Free() {
	if atomic.CompareAndSwapInt32(&x.freed, 0, 1) { // only free once
		C.FreeJieba(x.jieba)
	}
}

func (x *Jieba) Cut(s string, hmm bool) []string {
	c_int_hmm := 0
	if hmm {
		c_int_hmm = 1
	}
	cstr := C.CString(s)
	defer C.free(unsafe.Pointer(cstr))
	var words **C.char = C.Cut(x.jieba, cstr, C.int(c_int_hmm))
	defer C.FreeWords(words)
	res := cstrings(words)
	return res
}

func (x *Jieba) CutAll(s string) []string {
	cstr := C.CString(s)
	defer C.free(unsafe.Pointer(cstr))
	var words **C.char = C.CutAll(x.jieba, cstr)
	defer C.FreeWords(words)
	res := cstrings(words)
	return res
}

func (x *Jieba) CutForSearch(s string, hmm bool) []string {
	c_int_hmm := 0
	if hmm {
		c_int_hmm = 1
	}
	cstr := C.CString(s)
	defer C.free(unsafe.Pointer(cstr))
	var words **C.char = C.CutForSearch(x.jieba, cstr, C.int(c_int_hmm))
	defer C.FreeWords(words)
	res := cstrings(words)
	return res
}

func (x *Jieba) Tag(s string) []string {
	cstr := C.CString(s)
	defer C.free(unsafe.Pointer(cstr))
	var words **C.char = C.Tag(x.jieba, cstr)
	defer C.FreeWords(words)
	res := cstrings(words)
	return res
}

func (x *Jieba) AddWord(s string) {
	cstr := C.CString(s)
	defer C.free(unsafe.Pointer(cstr))
	C.AddWord(x.jieba, cstr)
}

func (x *Jieba) AddWordEx(s string, freq int, tag string) {
	cstr := C.CString(s)
	ctag := C.CString(tag)
	defer C.free(unsafe.Pointer(ctag))
	defer C.free(unsafe.Pointer(cstr))
	C.AddWordEx(x.jieba, cstr, C.int(freq), ctag)
}

func (x *Jieba) RemoveWord(s string) {
	cstr := C.CString(s)
	defer C.free(unsafe.Pointer(cstr))
	C.RemoveWord(x.jieba, cstr)
}

func (x *Jieba) Tokenize(s string, mode TokenizeMode, hmm bool) []Word {
	c_int_hmm := 0
	if hmm {
		c_int_hmm = 1
	}
	cstr := C.CString(s)
	defer C.free(unsafe.Pointer(cstr))
	var words *C.Word = C.Tokenize(x.jieba, cstr, C.TokenizeMode(mode), C.int(c_int_hmm))
	defer C.free(unsafe.Pointer(words))
	return convertWords(s, words)
}

// TaggedWord (budgetdoc) is a word of TokenizeTagged.
type TaggedWord struct {
	Str        string
	Start, End int // byte offsets in the input
	// Tag is the tag of the word's dictionary entry, or "" when the word is
	// not in the dictionary or its entry has none (Tag then applies jieba's
	// rule for unknown words: x, m or eng).
	Tag string
}

// TokenizeTagged (budgetdoc) is Tokenize in DefaultMode that also gives each
// word's dictionary tag, in the same call: Tag gives the same words and, for
// dictionary words, the same tags, but as "word/tag" strings built and copied
// one by one.
func (x *Jieba) TokenizeTagged(s string, hmm bool) []TaggedWord {
	cHMM := 0
	if hmm {
		cHMM = 1
	}
	cstr := C.CString(s)
	defer C.free(unsafe.Pointer(cstr))
	words := C.TokenizeTagged(x.jieba, cstr, C.int(cHMM))
	defer C.free(unsafe.Pointer(words))
	n := 0
	for w := words; w.len != 0; w = (*C.TaggedWord)(unsafe.Add(unsafe.Pointer(w), unsafe.Sizeof(*w))) {
		n++
	}
	result := make([]TaggedWord, 0, n)
	for w := words; w.len != 0; w = (*C.TaggedWord)(unsafe.Add(unsafe.Pointer(w), unsafe.Sizeof(*w))) {
		start := int(w.offset)
		end := start + int(w.len)
		tag := ""
		if w.tag != nil {
			tag = tags.intern(unsafe.Slice((*byte)(unsafe.Pointer(w.tag)), int(w.tag_len)))
		}
		result = append(result, TaggedWord{s[start:end], start, end, tag})
	}
	return result
}

// tags interns tag names: a dictionary has a few dozen, met millions of times.
var tags tagInterner

type tagInterner struct {
	names atomic.Value // map[string]string, replaced whole, never changed
	mu    sync.Mutex
}

func (t *tagInterner) intern(b []byte) string {
	m, _ := t.names.Load().(map[string]string)
	if s, ok := m[string(b)]; ok {
		return s
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	m, _ = t.names.Load().(map[string]string)
	if s, ok := m[string(b)]; ok {
		return s
	}
	next := make(map[string]string, len(m)+1)
	for k, v := range m {
		next[k] = v
	}
	s := string(b)
	next[s] = s
	t.names.Store(next)
	return s
}

type WordWeight struct {
	Word   string
	Weight float64
}

func (x *Jieba) Extract(s string, topk int) []string {
	cstr := C.CString(s)
	defer C.free(unsafe.Pointer(cstr))
	var words **C.char = C.Extract(x.jieba, cstr, C.int(topk))
	res := cstrings(words)
	defer C.FreeWords(words)
	return res
}

func (x *Jieba) ExtractWithWeight(s string, topk int) []WordWeight {
	cstr := C.CString(s)
	defer C.free(unsafe.Pointer(cstr))
	words := C.ExtractWithWeight(x.jieba, cstr, C.int(topk))
	p := unsafe.Pointer(words)
	res := cwordweights((*C.struct_CWordWeight)(p))
	defer C.FreeWordWeights(words)
	return res
}

func cwordweights(x *C.struct_CWordWeight) []WordWeight {
	var s []WordWeight
	eltSize := unsafe.Sizeof(*x)
	for (*x).word != nil {
		ww := WordWeight{
			C.GoString(((C.struct_CWordWeight)(*x)).word),
			float64((*x).weight),
		}
		s = append(s, ww)
		x = (*C.struct_CWordWeight)(unsafe.Pointer(uintptr(unsafe.Pointer(x)) + eltSize))
	}
	return s
}
