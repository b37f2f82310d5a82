//go:build unix

package testenv

import (
	"syscall"
	"time"
)

// CPUTime is the CPU time (user + system) this process has used so far:
// what tests and benchmarks of work that must stop or scale compare, since
// on a shared machine it hardly depends on the load, unlike wall time. It
// is 0 where it cannot be measured (see cpu_other.go).
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
