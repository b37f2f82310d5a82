//go:build linux

package pdf

import (
	"syscall"

	"github.com/tetratelabs/wazero/experimental"
)

// mmapAllocator backs each PDFium instance's linear memory with its own
// anonymous mapping instead of a Go slice: growing it never copies, the Go
// heap (and so the GC's target) does not include it, and closing an
// instance returns its pages to the system at once.
type mmapAllocator struct {
	limit         uint64
	interruptible bool
}

func newMemoryAllocator(limit uint64, interruptible bool) experimental.MemoryAllocator {
	return mmapAllocator{limit: limit, interruptible: interruptible}
}

func (a mmapAllocator) Allocate(capacity, maximum uint64) experimental.LinearMemory {
	size := min(maximum, a.limit)
	if size == 0 || capacity > size {
		return nil
	}
	buf, err := syscall.Mmap(-1, 0, int(size), syscall.PROT_READ|syscall.PROT_WRITE,
		syscall.MAP_PRIVATE|syscall.MAP_ANONYMOUS|syscall.MAP_NORESERVE)
	if err != nil {
		return nil
	}
	return &mmapMemory{buf: buf, keepMapping: a.interruptible}
}

type mmapMemory struct {
	buf []byte
	// keepMapping: with interruptible instances a module may be closed
	// while its code still runs, so the address range must stay valid;
	// only its pages are released.
	keepMapping bool
}

func (m *mmapMemory) Reallocate(size uint64) []byte {
	if size > uint64(len(m.buf)) {
		return nil
	}
	return m.buf[:size]
}

func (m *mmapMemory) Free() {
	if m.buf == nil {
		return
	}
	if m.keepMapping {
		_ = syscall.Madvise(m.buf, syscall.MADV_DONTNEED)
		return
	}
	_ = syscall.Munmap(m.buf)
	m.buf = nil
}
