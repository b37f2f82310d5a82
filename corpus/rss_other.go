//go:build !linux

package corpus

func residentBytes() int64 { return residentFallback() }
