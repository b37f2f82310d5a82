package pdfiumpatch

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"
	_ "unsafe" // go:linkname

	_ "github.com/klippa-app/go-pdfium/webassembly" // links the embedded module
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

//go:linkname stockModule github.com/klippa-app/go-pdfium/internal/pdfium_wasm.Module
var stockModule []byte

func TestSectionsRoundTrip(t *testing.T) {
	secs, err := splitSections(stockModule)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(joinSections(secs), stockModule) {
		t.Fatal("split and join do not give the module back")
	}
	for _, s := range secs {
		if s.id == secCode {
			bodies, err := codeBodies(s.body)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(encodeCode(bodies), s.body) {
				t.Fatal("code bodies do not re-encode to the code section")
			}
		}
	}
}

func TestPatch(t *testing.T) {
	patched, err := Patch(stockModule)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := splitSections(stockModule)
	after, err := splitSections(patched)
	if err != nil {
		t.Fatal(err)
	}
	count := func(secs []section, id byte) uint32 {
		for _, s := range secs {
			if s.id == id {
				n, _, err := vector(s.body)
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
		}
		t.Fatalf("no section %d", id)
		return 0
	}
	for _, c := range []struct {
		id   byte
		more uint32
	}{{secFunction, 2}, {secCode, 2}, {secGlobal, 2}, {secExport, 0}, {secImport, 0}} {
		if got, want := count(after, c.id), count(before, c.id)+c.more; got != want {
			t.Errorf("section %d: %d entries, want %d", c.id, got, want)
		}
	}
	// The original bodies are kept verbatim at the end.
	code := func(secs []section) [][]byte {
		for _, s := range secs {
			if s.id == secCode {
				b, err := codeBodies(s.body)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
		}
		return nil
	}
	cb, ca := code(before), code(after)
	var imported uint32
	for _, s := range before {
		if s.id == secImport {
			imported, _, _ = importCounts(s.body)
		}
	}
	if !bytes.Equal(ca[len(ca)-2], cb[charBBox-imported]) || !bytes.Equal(ca[len(ca)-1], cb[cidFontDtor-imported]) {
		t.Error("the original bodies are not the last two functions")
	}
	if bytes.Equal(ca[charBBox-imported], cb[charBBox-imported]) {
		t.Error("GetCharBBox was not replaced")
	}

	// wazero validates every function body against its type on compile.
	ctx := context.Background()
	rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	if dir, err := os.UserCacheDir(); err == nil {
		// The directory the pdf package uses: the compiled module is shared.
		if cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "budgetdoc", "wazero")); err == nil {
			rc = rc.WithCompilationCache(cache)
		}
	}
	rt := wazero.NewRuntimeWithConfig(ctx, rc)
	defer rt.Close(ctx)
	if _, err := rt.CompileModule(ctx, patched); err != nil {
		t.Fatalf("the patched module does not validate: %v", err)
	}
}

func TestPatchRefusesOtherModules(t *testing.T) {
	other := bytes.Clone(stockModule)
	other[len(other)-1] ^= 1
	for name, mod := range map[string][]byte{"changed byte": other, "empty": nil, "header only": []byte("\x00asm\x01\x00\x00\x00")} {
		if _, err := Patch(mod); !errors.Is(err, ErrUnknownBuild) {
			t.Errorf("%s: err = %v, want ErrUnknownBuild", name, err)
		}
	}
}

func TestLEB128(t *testing.T) {
	for _, v := range []uint32{0, 1, 63, 64, 127, 128, 300, 16383, 16384, math.MaxUint32} {
		r := reader{b: appendU32(nil, v)}
		if got := r.u32(); got != v || r.err != nil || r.off != len(r.b) {
			t.Errorf("u32 %d: got %d (err %v)", v, got, r.err)
		}
	}
	for _, v := range []int32{0, 1, -1, 63, 64, -64, -65, tableBytes, -1640531535, -2048144789, math.MaxInt32, math.MinInt32} {
		if got := decodeS32(appendS32(nil, v)); got != v {
			t.Errorf("s32 %d: got %d", v, got)
		}
	}
}

// decodeS32 is a reference signed LEB128 decoder.
func decodeS32(b []byte) int32 {
	var v int64
	var shift uint
	for _, c := range b {
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if c&0x40 != 0 {
				v -= 1 << shift
			}
			break
		}
	}
	return int32(v)
}

func TestMalformed(t *testing.T) {
	for name, mod := range map[string][]byte{
		"no header":         []byte("PK\x03\x04"),
		"section too long":  []byte("\x00asm\x01\x00\x00\x00\x01\x7f\x00"),
		"unterminated size": []byte("\x00asm\x01\x00\x00\x00\x01\xff\xff"),
	} {
		if _, err := splitSections(mod); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzModule feeds arbitrary bytes to every parser of this package: errors
// are fine, panics and hangs are not.
func FuzzModule(f *testing.F) {
	f.Add([]byte("\x00asm\x01\x00\x00\x00"))
	f.Add([]byte("\x00asm\x01\x00\x00\x00\x02\x07\x01\x01a\x01b\x00\x00"))
	f.Add(stockModule[:4096])
	f.Fuzz(func(t *testing.T, mod []byte) {
		secs, err := splitSections(mod)
		if err != nil {
			return
		}
		if !bytes.Equal(joinSections(secs), mod) && len(mod) < 1<<20 {
			// Sizes written with redundant LEB128 bytes re-encode shorter;
			// the sections themselves must survive.
			again, err := splitSections(joinSections(secs))
			if err != nil || len(again) != len(secs) {
				t.Fatalf("round trip lost sections: %v", err)
			}
		}
		for _, s := range secs {
			_, _, _ = importCounts(s.body)
			_, _ = exportedFunc(s.body, "malloc")
			_, _ = functionTypes(s.body)
			_, _ = codeBodies(s.body)
			_, _ = withAppended(s.body, []byte{0})
		}
	})
}

// BenchmarkPatch is what every process pays once at engine start.
func BenchmarkPatch(b *testing.B) {
	b.SetBytes(int64(len(stockModule)))
	for b.Loop() {
		if _, err := Patch(stockModule); err != nil {
			b.Fatal(err)
		}
	}
}
