// Package pdfiumpatch speeds up the PDFium WebAssembly module that ships
// with go-pdfium by memoizing one hot, pure function in the module itself.
//
// Profiling (perf with wazero's perfmap build tag) showed a quarter of all
// PDF reading time in CPDF_CIDFont::GetCharBBox: for every character of a
// CID-keyed font (every Chinese character of our documents) PDFium asks
// FreeType to load the glyph outline to measure its box, caching the answer
// only for character codes below 256. It does so once while parsing the page
// (text object bounds) and again while building the text page, for every
// occurrence of the character.
//
// Patch rewrites the module so that GetCharBBox first looks in a
// direct-mapped table keyed by (font, character code). Entries are tagged
// with a generation that the CPDF_CIDFont destructor increments, so a box
// is never served for a font that died and whose address was reused.
// Results are byte-identical by construction; a test in the pdf package
// reads the corpus with and without the patch and compares.
//
// The function indices are those of one known build, identified by its
// SHA-256; any other module is refused and the caller uses it unpatched.
package pdfiumpatch

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
)

// Build is the SHA-256 of the module go-pdfium v1.21.4 embeds.
const Build = "e6f77e01dce34de05ad62515114152da580b64c23871e3e3e2afef3f7bb88ade"

// Function indices in Build, found by disassembly: the body of charBBox
// starts with the `charcode < 256` cache lookup at this+216 and calls
// GlyphFromCharCode and FT_Load_Glyph; cidFontDtor is the first entry of
// CPDF_CIDFont's vtable (the one also holding charBBox), called by the
// deleting destructor before free.
const (
	charBBox    = 5763 // void CPDF_CIDFont::GetCharBBox(FX_RECT *ret, this, uint32 charcode)
	cidFontDtor = 3420 // CPDF_CIDFont *CPDF_CIDFont::~CPDF_CIDFont(this)
)

// The memo table: 1<<tableBits entries of 32 bytes (font, charcode,
// generation, pad, then the 16-byte FX_RECT), allocated with the module's
// own malloc on first use: 512 KiB per instance.
const (
	tableBits  = 14
	entrySize  = 32
	entryShift = 5
	tableBytes = entrySize << tableBits
)

// ErrUnknownBuild is returned for a module other than Build.
var ErrUnknownBuild = errors.New("not the PDFium build this patch was made for")

// Patch returns a copy of module with GetCharBBox memoized. module must be
// Build; it is not modified.
func Patch(module []byte) ([]byte, error) {
	sum := sha256.Sum256(module)
	if hex.EncodeToString(sum[:]) != Build {
		return nil, ErrUnknownBuild
	}
	secs, err := splitSections(module)
	if err != nil {
		return nil, err
	}
	find := func(id byte) *section {
		for i := range secs {
			if secs[i].id == id {
				return &secs[i]
			}
		}
		return nil
	}
	imports, functions, globals, exports, code := find(secImport), find(secFunction), find(secGlobal), find(secExport), find(secCode)
	if imports == nil || functions == nil || globals == nil || exports == nil || code == nil {
		return nil, fmt.Errorf("%w: a section is missing", errMalformed)
	}
	importedFuncs, importedGlobals, err := importCounts(imports.body)
	if err != nil {
		return nil, err
	}
	types, err := functionTypes(functions.body)
	if err != nil {
		return nil, err
	}
	bodies, err := codeBodies(code.body)
	if err != nil {
		return nil, err
	}
	definedGlobals, _, err := vector(globals.body)
	if err != nil {
		return nil, err
	}
	malloc, err := exportedFunc(exports.body, "malloc")
	if err != nil {
		return nil, err
	}
	if len(bodies) != len(types) || charBBox < importedFuncs || cidFontDtor < importedFuncs ||
		int(charBBox-importedFuncs) >= len(bodies) || int(cidFontDtor-importedFuncs) >= len(bodies) {
		return nil, fmt.Errorf("%w: function indices out of range", errMalformed)
	}

	// The original bodies move to two new functions at the end of the
	// index space (so no existing index changes); the old indices get
	// the wrappers.
	n := importedFuncs + uint32(len(bodies))
	ix := indices{
		origBBox: n,
		origDtor: n + 1,
		malloc:   malloc,
		gen:      importedGlobals + definedGlobals,
		table:    importedGlobals + definedGlobals + 1,
	}
	bboxDef, dtorDef := charBBox-importedFuncs, cidFontDtor-importedFuncs
	newBodies := make([][]byte, len(bodies), len(bodies)+2)
	copy(newBodies, bodies)
	newBodies[bboxDef] = memoBody(ix)
	newBodies[dtorDef] = dtorBody(ix)
	newBodies = append(newBodies, bodies[bboxDef], bodies[dtorDef])

	if functions.body, err = withAppended(functions.body,
		appendU32(nil, types[bboxDef]), appendU32(nil, types[dtorDef])); err != nil {
		return nil, err
	}
	// (global (mut i32) (i32.const v)): the generation starts at 1 so that
	// the zeroed table matches nothing; the table pointer starts at 0.
	if globals.body, err = withAppended(globals.body,
		[]byte{0x7f, 0x01, 0x41, 0x01, 0x0b}, []byte{0x7f, 0x01, 0x41, 0x00, 0x0b}); err != nil {
		return nil, err
	}
	code.body = encodeCode(newBodies)
	return joinSections(secs), nil
}

type indices struct {
	origBBox, origDtor, malloc uint32 // functions
	gen, table                 uint32 // globals
}

// Opcodes used below (WebAssembly core spec 5.4).
const (
	opIf        = 0x04
	opEnd       = 0x0b
	opReturn    = 0x0f
	opCall      = 0x10
	opLocalGet  = 0x20
	opLocalTee  = 0x22
	opGlobalGet = 0x23
	opGlobalSet = 0x24
	opI32Load   = 0x28
	opI32Store  = 0x36
	opI32Const  = 0x41
	opI32Eqz    = 0x45
	opI32Eq     = 0x46
	opI32Add    = 0x6a
	opI32Mul    = 0x6c
	opI32Shl    = 0x74
	opI32ShrU   = 0x76
	opI32Xor    = 0x73
	blockVoid   = 0x40
	prefixFC    = 0xfc // memory.fill is 0xfc 11
	prefixFD    = 0xfd // v128.load is 0xfd 0, v128.store 0xfd 11
)

// asm builds a function body.
type asm []byte

func (a asm) op(ops ...byte) asm          { return append(a, ops...) }
func (a asm) idx(op byte, i uint32) asm   { return appendU32(append(a, op), i) }
func (a asm) i32(v int32) asm             { return appendS32(append(a, opI32Const), v) }
func (a asm) mem(op byte, off uint32) asm { return appendU32(append(a, op, 2), off) } // align 4
func (a asm) v128(sub byte, off uint32) asm {
	return appendU32(append(a, prefixFD, sub, 0), off) // align 1: always valid
}

// memoBody is the new GetCharBBox(ret, font, code) with one i32 local
// (slot):
//
//	if table == 0 { table = malloc(tableBytes) zeroed, or call through on failure }
//	slot = table + hash(font, code)*32
//	if slot.font == font && slot.code == code && slot.gen == gen { *ret = slot.box; return }
//	orig(ret, font, code); slot = {font, code, gen, *ret}
func memoBody(ix indices) []byte {
	const ret, font, code, slot = 0, 1, 2, 3
	callOrig := func(a asm) asm {
		return a.idx(opLocalGet, ret).idx(opLocalGet, font).idx(opLocalGet, code).idx(opCall, ix.origBBox)
	}
	a := asm{1, 1, 0x7f} // locals: one group of one i32

	a = a.idx(opGlobalGet, ix.table).op(opI32Eqz, opIf, blockVoid)
	a = a.i32(tableBytes).idx(opCall, ix.malloc).idx(opLocalTee, slot).op(opI32Eqz, opIf, blockVoid)
	a = callOrig(a).op(opReturn, opEnd)
	a = a.idx(opLocalGet, slot).i32(0).i32(tableBytes).op(prefixFC, 11, 0)
	a = a.idx(opLocalGet, slot).idx(opGlobalSet, ix.table)
	a = a.op(opEnd)

	// Fibonacci-style hashing of (code, font) into tableBits bits.
	a = a.idx(opGlobalGet, ix.table)
	a = a.idx(opLocalGet, code).i32(-1640531535).op(opI32Mul) // 0x9E3779B1
	a = a.idx(opLocalGet, font).op(opI32Xor)
	a = a.i32(-2048144789).op(opI32Mul) // 0x85EBCA6B
	a = a.i32(32-tableBits).op(opI32ShrU).i32(entryShift).op(opI32Shl, opI32Add)
	a = a.idx(opLocalTee, slot)

	a = a.mem(opI32Load, 0).idx(opLocalGet, font).op(opI32Eq, opIf, blockVoid)
	a = a.idx(opLocalGet, slot).mem(opI32Load, 4).idx(opLocalGet, code).op(opI32Eq, opIf, blockVoid)
	a = a.idx(opLocalGet, slot).mem(opI32Load, 8).idx(opGlobalGet, ix.gen).op(opI32Eq, opIf, blockVoid)
	a = a.idx(opLocalGet, ret).idx(opLocalGet, slot).v128(0, 16).v128(11, 0).op(opReturn)
	a = a.op(opEnd, opEnd, opEnd)

	a = callOrig(a)
	a = a.idx(opLocalGet, slot).idx(opLocalGet, font).mem(opI32Store, 0)
	a = a.idx(opLocalGet, slot).idx(opLocalGet, code).mem(opI32Store, 4)
	a = a.idx(opLocalGet, slot).idx(opGlobalGet, ix.gen).mem(opI32Store, 8)
	a = a.idx(opLocalGet, slot).idx(opLocalGet, ret).v128(0, 0).v128(11, 16)
	return a.op(opEnd)
}

// dtorBody is the new ~CPDF_CIDFont(this): gen++, then the original.
func dtorBody(ix indices) []byte {
	a := asm{0} // no locals
	a = a.idx(opGlobalGet, ix.gen).i32(1).op(opI32Add).idx(opGlobalSet, ix.gen)
	a = a.idx(opLocalGet, 0).idx(opCall, ix.origDtor)
	return a.op(opEnd)
}
