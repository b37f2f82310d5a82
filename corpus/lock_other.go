//go:build !unix

package corpus

import "os"

// LockName is the file in an output directory that a run holds locked.
const LockName = ".budgetdoc.lock"

// lockDir does not lock where flock is missing; two runs into one
// directory must then be avoided by hand.
func lockDir(string) (*os.File, error) { return nil, nil }
