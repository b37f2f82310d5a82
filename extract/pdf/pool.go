package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sync"
	_ "unsafe" // go:linkname, for go-pdfium's embedded module

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/budgetdoc/budgetdoc/extract/pdf/pdfiumpatch"
)

// The PDFium engine is one WebAssembly runtime per process, compiled once
// (through an on-disk compilation cache) and instantiated lazily: one module
// instance per concurrent Read, since an instance is not goroutine-safe.

var (
	configMu      sync.Mutex
	workers       = runtime.NumCPU()
	interruptible = false

	engineOnce sync.Once
	engine     *pdfiumEngine
	engineErr  error
)

// memoryLimitPages caps the linear memory of one PDFium instance (64 KiB
// pages): 512 MiB. A decompression bomb then fails inside PDFium instead of
// exhausting the host, and one document stays within 1 GiB of process
// memory. (The largest corpus PDFs are read in under 200 MB of process
// memory in all; with a 1 GiB cap the process peaked at 1.2 GB on a bomb.)
const memoryLimitPages = 1 << 13

// recycleAboveBytes: an instance whose memory grew beyond this while reading
// a large document is discarded rather than kept idle with that memory.
const recycleAboveBytes = 256 << 20

// SetWorkers sets how many documents may be read concurrently (one PDFium
// instance each). It takes effect only when called before the first Read;
// the default is runtime.NumCPU().
func SetWorkers(n int) {
	configMu.Lock()
	defer configMu.Unlock()
	if n < 1 {
		n = 1
	}
	workers = n
}

// SetInterruptible makes a running PDFium call abort as soon as the Read's
// context is done. It takes effect only when called before the first Read.
//
// It is off by default because it costs a factor of about four: wazero then
// compiles a termination check into every loop of PDFium. Without it a
// cancelled Read still returns at once with ErrTimeout, but a PDFium call
// that never ends keeps its (abandoned) instance busy in the background.
func SetInterruptible(on bool) {
	configMu.Lock()
	defer configMu.Unlock()
	interruptible = on
}

type pdfiumEngine struct {
	pool          pdfium.Pool
	slots         chan struct{} // one token per concurrent Read
	interruptible bool
}

func getEngine() (*pdfiumEngine, error) {
	engineOnce.Do(func() {
		configMu.Lock()
		n, intr := workers, interruptible
		configMu.Unlock()
		engine, engineErr = newEngine(n, intr, pdfiumModule())
	})
	return engine, engineErr
}

// stockModule is the PDFium module embedded in go-pdfium. go-pdfium keeps it
// in an internal package and has no accessor, hence the linkname.
//
//go:linkname stockModule github.com/klippa-app/go-pdfium/internal/pdfium_wasm.Module
var stockModule []byte

// pdfiumModule returns the module to run: go-pdfium's, with the glyph-box
// memo of pdfiumpatch when it applies (it does for the pinned go-pdfium;
// another build runs unpatched, only slower).
func pdfiumModule() []byte {
	if patched, err := pdfiumpatch.Patch(stockModule); err == nil {
		return patched
	}
	return stockModule
}

func newEngine(n int, intr bool, module []byte) (*pdfiumEngine, error) {
	if len(module) == 0 {
		return nil, errors.New("go-pdfium's PDFium module is missing")
	}
	rc := wazero.NewRuntimeConfig().
		// The bundled PDFium lowers setjmp/longjmp to exception handling;
		// without this feature set the module does not start.
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithMemoryLimitPages(memoryLimitPages).
		WithCloseOnContextDone(intr)
	if cache, err := wazero.NewCompilationCacheWithDir(cacheDir()); err == nil {
		rc = rc.WithCompilationCache(cache)
	}
	ctx := context.Background()
	if alloc := newMemoryAllocator(memoryLimitPages*65536, intr); alloc != nil {
		ctx = experimental.WithMemoryAllocator(ctx, alloc)
	}
	pool, err := webassembly.InitWithWASM(webassembly.Config{
		WASM:     module,
		Context:  ctx,
		MinIdle:  0,
		MaxIdle:  n,
		MaxTotal: -1, // concurrency is bounded by slots; abandoned instances must not block the pool
		// No host directory is mounted: documents are passed as bytes.
		FSConfig:      wazero.NewFSConfig(),
		RuntimeConfig: rc,
		Stdout:        discard{},
		Stderr:        discard{},
		ReuseWorkers:  true,
	})
	if err != nil {
		return nil, fmt.Errorf("starting PDFium: %w", err)
	}
	return &pdfiumEngine{pool: pool, slots: make(chan struct{}, n), interruptible: intr}, nil
}

// cacheDir is where wazero keeps the compiled PDFium module, so that only
// the first process on a machine pays for compilation (seconds, not ms).
func cacheDir() string {
	base, err := os.UserCacheDir()
	if err != nil || base == "" {
		base = os.TempDir()
	}
	return filepath.Join(base, "budgetdoc", "wazero")
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// acquire waits for a free slot and returns an instance.
func (e *pdfiumEngine) acquire(ctx context.Context) (pdfium.Pdfium, error) {
	select {
	case e.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	inst, err := e.pool.GetInstanceWithContext(ctx)
	if err != nil {
		<-e.slots
		return nil, err
	}
	return inst, nil
}

// releaseSlot frees the concurrency slot of a Read. It is separate from
// retiring the instance because a Read that timed out gives its slot back
// at once while its instance may still be busy.
func (e *pdfiumEngine) releaseSlot() { <-e.slots }

// retire returns a healthy instance to the pool, or destroys one that
// failed mid-call (its C++ state may be inconsistent after a trap) or that
// holds too much memory.
func retire(inst pdfium.Pdfium, healthy bool) {
	if healthy && instanceMemory(inst) <= recycleAboveBytes {
		if err := inst.Close(); err == nil {
			return
		}
	}
	_ = inst.Kill()
}

// abandon destroys the instance of a Read or an operation given up on, and
// never returns it to the pool: at once when calls can be interrupted;
// otherwise as soon as the PDFium call it is running returns (done
// delivers the work's result). The work checks its context before every
// page, so no further call starts: the CPU it uses ends with that call
// (TestAbandonedReadStops).
func abandon[T any](e *pdfiumEngine, inst pdfium.Pdfium, done <-chan T) {
	if e.interruptible {
		_ = inst.Kill() // aborts the running call
	}
	go func() {
		<-done
		_ = inst.Kill()
		discarded()
	}()
}

// discarded is called once an abandoned instance is destroyed (a hook for
// tests).
var discarded = func() {}

// instanceMemory reports the size of an instance's linear memory, or 0 when
// it cannot be determined. go-pdfium does not expose it, so it is reached
// through reflection (GetImplementation().Module.Memory().Size()).
func instanceMemory(inst pdfium.Pdfium) (size uint64) {
	defer func() {
		if recover() != nil {
			size = 0
		}
	}()
	impl := reflect.ValueOf(inst.GetImplementation())
	if impl.Kind() == reflect.Pointer {
		impl = impl.Elem()
	}
	mod := impl.FieldByName("Module")
	if !mod.IsValid() || mod.IsNil() {
		return 0
	}
	mem := mod.MethodByName("Memory")
	if !mem.IsValid() {
		return 0
	}
	out := mem.Call(nil)
	if len(out) != 1 {
		return 0
	}
	sizer, ok := out[0].Interface().(interface{ Size() uint32 })
	if !ok {
		return 0
	}
	return uint64(sizer.Size())
}

var errEngine = errors.New("PDF engine unavailable")
