package corpus

import (
	"bytes"
	"os"
	"strconv"
)

// residentBytes is the process's resident set size (from /proc/self/statm),
// which counts the PDF engine's WebAssembly memory as well as the Go heap.
func residentBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return residentFallback()
	}
	f := bytes.Fields(b)
	if len(f) < 2 {
		return residentFallback()
	}
	pages, err := strconv.ParseInt(string(f[1]), 10, 64)
	if err != nil {
		return residentFallback()
	}
	return pages * int64(os.Getpagesize())
}
