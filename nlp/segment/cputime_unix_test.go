//go:build unix

package segment

import (
	"syscall"
	"time"
)

// cpuTime returns the process's user+system CPU time (all threads, including
// the C++ side), so benchmarks can report a figure that does not depend on
// how busy a shared machine is.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
