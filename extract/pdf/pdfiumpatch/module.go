package pdfiumpatch

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// This file is a minimal reader and writer of the WebAssembly binary
// format: enough to split a module into sections, count and extend the
// vectors the patch touches, and find an export. Instructions are never
// decoded; function bodies are moved as opaque bytes.

// Section ids (WebAssembly core spec 5.5.2).
const (
	secImport   = 2
	secFunction = 3
	secGlobal   = 6
	secExport   = 7
	secCode     = 10
)

var errMalformed = errors.New("malformed WebAssembly module")

type section struct {
	id   byte
	body []byte
}

// splitSections splits a module into its sections, in order.
func splitSections(mod []byte) ([]section, error) {
	if len(mod) < 8 || string(mod[:4]) != "\x00asm" || binary.LittleEndian.Uint32(mod[4:8]) != 1 {
		return nil, fmt.Errorf("%w: no version 1 header", errMalformed)
	}
	var secs []section
	for r := (reader{b: mod, off: 8}); r.off < len(r.b); {
		id := r.byte()
		size := r.u32()
		body := r.bytes(int(size))
		if r.err != nil {
			return nil, r.err
		}
		secs = append(secs, section{id: id, body: body})
	}
	return secs, nil
}

// joinSections encodes sections back into a module.
func joinSections(secs []section) []byte {
	n := 8
	for _, s := range secs {
		n += 1 + 5 + len(s.body)
	}
	out := make([]byte, 0, n)
	out = append(out, "\x00asm\x01\x00\x00\x00"...)
	for _, s := range secs {
		out = append(out, s.id)
		out = appendU32(out, uint32(len(s.body)))
		out = append(out, s.body...)
	}
	return out
}

// reader reads LEB128 and raw bytes; the first error sticks and every
// later read returns zero values.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("%w: truncated at byte %d", errMalformed, r.off)
	}
	r.off = len(r.b)
}

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail()
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *reader) u32() uint32 {
	var v uint32
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= uint32(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	r.fail()
	return 0
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b)-r.off {
		r.fail()
		return nil
	}
	b := r.b[r.off : r.off+n]
	r.off += n
	return b
}

func (r *reader) name() string { return string(r.bytes(int(r.u32()))) }

// skipLimits skips table or memory limits (flags, min, optional max).
func (r *reader) skipLimits() {
	flags := r.byte()
	r.u32()
	if flags&1 != 0 {
		r.u32()
	}
}

// skipValType skips a value type, including the reference types of the
// exception-handling and function-references proposals.
func (r *reader) skipValType() {
	switch r.byte() {
	case 0x63, 0x64: // (ref null ht), (ref ht)
		r.u32() // heap type as s33; an abstract one is a single byte
	}
}

func appendU32(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendS32(b []byte, v int32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// importCounts returns how many functions and globals a module imports:
// imported ones come first in their index spaces.
func importCounts(body []byte) (funcs, globals uint32, err error) {
	r := reader{b: body}
	for n := r.u32(); n > 0 && r.err == nil; n-- {
		r.name()
		r.name()
		switch kind := r.byte(); kind {
		case 0x00: // function: type index
			r.u32()
			funcs++
		case 0x01: // table: reference type, limits
			r.skipValType()
			r.skipLimits()
		case 0x02: // memory
			r.skipLimits()
		case 0x03: // global: value type, mutability
			r.skipValType()
			r.byte()
			globals++
		case 0x04: // tag: attribute, type index
			r.byte()
			r.u32()
		default:
			return 0, 0, fmt.Errorf("%w: import kind %#x", errMalformed, kind)
		}
	}
	return funcs, globals, r.err
}

// exportedFunc returns the index of the function exported as name.
func exportedFunc(body []byte, name string) (uint32, error) {
	r := reader{b: body}
	for n := r.u32(); n > 0 && r.err == nil; n-- {
		nm := r.name()
		kind := r.byte()
		idx := r.u32()
		if kind == 0x00 && nm == name {
			return idx, r.err
		}
	}
	if r.err != nil {
		return 0, r.err
	}
	return 0, fmt.Errorf("%w: no exported function %q", errMalformed, name)
}

// vector splits a section that is a vector of n items, returning n and the
// bytes after the count.
func vector(body []byte) (uint32, []byte, error) {
	r := reader{b: body}
	n := r.u32()
	return n, body[r.off:], r.err
}

// withAppended re-encodes a vector section with more items appended.
func withAppended(body []byte, items ...[]byte) ([]byte, error) {
	n, rest, err := vector(body)
	if err != nil {
		return nil, err
	}
	out := appendU32(nil, n+uint32(len(items)))
	out = append(out, rest...)
	for _, it := range items {
		out = append(out, it...)
	}
	return out, nil
}

// functionTypes returns the type index of every defined function.
func functionTypes(body []byte) ([]uint32, error) {
	r := reader{b: body}
	n := r.u32()
	if r.err != nil || int(n) > len(body) {
		return nil, fmt.Errorf("%w: function section", errMalformed)
	}
	types := make([]uint32, n)
	for i := range types {
		types[i] = r.u32()
	}
	return types, r.err
}

// codeBodies splits the code section into function bodies (each still
// carrying its locals and final end, without the size prefix).
func codeBodies(body []byte) ([][]byte, error) {
	r := reader{b: body}
	n := r.u32()
	if r.err != nil || int(n) > len(body) {
		return nil, fmt.Errorf("%w: code section", errMalformed)
	}
	bodies := make([][]byte, n)
	for i := range bodies {
		bodies[i] = r.bytes(int(r.u32()))
	}
	return bodies, r.err
}

// encodeCode encodes function bodies as a code section.
func encodeCode(bodies [][]byte) []byte {
	n := 5
	for _, b := range bodies {
		n += 5 + len(b)
	}
	out := appendU32(make([]byte, 0, n), uint32(len(bodies)))
	for _, b := range bodies {
		out = appendU32(out, uint32(len(b)))
		out = append(out, b...)
	}
	return out
}
