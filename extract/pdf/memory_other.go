//go:build !linux

package pdf

import "github.com/tetratelabs/wazero/experimental"

// newMemoryAllocator returns nil elsewhere: wazero's default (Go slices).
func newMemoryAllocator(limit uint64, interruptible bool) experimental.MemoryAllocator { return nil }
