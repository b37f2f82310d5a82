package read

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/html"
	"github.com/budgetdoc/budgetdoc/extract/plain"
	"github.com/budgetdoc/budgetdoc/extract/sniff"
)

// OpenRegular opens path for reading when it is a regular file (or a link
// to one) and refuses anything else before it can block: opening a named
// pipe waits for a writer forever, and a device can be endless. The file is
// opened without blocking and checked again, so that a path swapped for a
// pipe between the two steps is refused too. Errors do not repeat the path.
func OpenRegular(path string) (*os.File, fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, pathCause(err)
	}
	if err := regular(info); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, pathCause(err)
	}
	if info, err = f.Stat(); err == nil {
		err = regular(info)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// ReadRegular reads the regular file at path, refusing without reading it
// a file larger than lim.MaxBytes, or one of a text format (plain text,
// page-text JSON, HTML: known from its first bytes) larger than that
// format's reader accepts. A batch would otherwise hold a 250 MB text in
// memory only to have its reader refuse it, and two at once took the
// process over 1.5 GiB. Errors are *extract.Error values naming the file.
func ReadRegular(path string, lim extract.Limits) ([]byte, error) {
	data, format, err := readRegular(path, lim.WithDefaults())
	if err != nil {
		return nil, &extract.Error{Path: path, Format: format, Err: err}
	}
	return data, nil
}

func readRegular(path string, lim extract.Limits) ([]byte, extract.Format, error) {
	f, info, err := OpenRegular(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	max := lim.MaxBytes
	if info.Size() > max {
		return nil, "", fmt.Errorf("%w: file is larger than %d MiB", extract.ErrTooLarge, max>>20)
	}
	// A large file's first bytes tell whether its format's reader would
	// refuse it by its size; they are read first, before its buffer is
	// allocated.
	var head []byte
	if info.Size() > sniff.PrefixLen {
		head = make([]byte, sniff.PrefixLen)
		if _, err := io.ReadFull(f, head); err != nil {
			return nil, "", err
		}
		if format, ok := sniff.Prefix(head); ok && sizeChecks[format] != nil {
			if err := sizeChecks[format](info.Size(), lim); err != nil {
				return nil, format, err
			}
		}
	}
	// The size is known: one allocation of it (plus one byte to see the
	// end), instead of the doubling of io.ReadAll.
	data := append(make([]byte, 0, info.Size()+1), head...)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > max {
			return nil, "", fmt.Errorf("%w: file is larger than %d MiB", extract.ErrTooLarge, max>>20)
		}
		if err == io.EOF {
			return data, "", nil
		}
		if err != nil {
			return nil, "", err
		}
		if len(data) == cap(data) { // the file grew while being read
			data = append(data, 0)[:len(data)]
		}
	}
}

// sizeChecks refuse a file by its size alone, for the formats whose
// readers bound their input by the text limit.
var sizeChecks = map[extract.Format]func(int64, extract.Limits) error{
	extract.FormatText:      plain.CheckSize,
	extract.FormatPagesJSON: plain.CheckPagesJSONSize,
	extract.FormatHTML:      html.CheckSize,
}

// regular refuses every kind of file but a regular one, naming its kind.
func regular(info fs.FileInfo) error {
	m := info.Mode()
	var kind string
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		kind = "a directory"
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		kind = "a device"
	default:
		kind = "a special file"
	}
	return notRegularError{kind}
}

// notRegularError is a path that names no regular file; it counts as an
// unsupported input (errors.Is ErrUnsupported) with a message of its own.
type notRegularError struct{ kind string }

func (e notRegularError) Error() string        { return "not a regular file but " + e.kind }
func (e notRegularError) Is(target error) bool { return target == extract.ErrUnsupported }

// pathCause drops the path from an *fs.PathError: messages name the file
// once, at the front.
func pathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
