// Package safefile creates output files that cannot be redirected: never
// through a symbolic link already at the path (a link planted in an output
// directory would otherwise send the output, and its overwriting, outside
// it), and never over another file by accident.
package safefile

import (
	"errors"
	"io/fs"
	"os"
)

// Create creates a new file at path for writing and reading, failing when
// anything already exists there (fs.ErrExist), a link included.
func Create(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL|noFollow, 0o666)
}

// Replace creates path anew: what is there — an earlier output, or a link —
// is removed first (the link itself, never what it points at), then the
// file is created as by Create.
func Replace(path string) (*os.File, error) {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return Create(path)
}

// OpenExisting opens an existing file for reading and writing, refusing a
// link.
func OpenExisting(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|noFollow, 0)
}

// Open opens an existing file for reading, refusing a link.
func Open(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|noFollow, 0)
}
