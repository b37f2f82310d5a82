package msdoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/richardlehane/mscfb"
)

var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// oleFile gives access to the top-level streams of a compound file.
type oleFile struct {
	streams map[string]*mscfb.File
	names   []string // in directory order, for error messages
	limit   int64
	size    int64 // size of the whole file: no stream can be larger
	data    []byte
}

func openOLE(data []byte, lim extract.Limits) (*oleFile, error) {
	if !bytes.HasPrefix(data, oleSignature) {
		return nil, fmt.Errorf("%w: not an OLE compound file (Word 97–2003 .doc)", extract.ErrUnsupported)
	}
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: OLE container: %v", extract.ErrCorrupt, err)
	}
	o := &oleFile{streams: map[string]*mscfb.File{}, limit: lim.MaxBytes, size: int64(len(data)), data: data}
	for _, f := range r.File {
		// Only the root storage's streams matter: embedded objects (an
		// ObjectPool holding a spreadsheet's Workbook) have their own.
		if len(f.Path) != 0 || f.Name == "" || f.Name == "Root Entry" || f.FileInfo().IsDir() {
			continue
		}
		if _, dup := o.streams[f.Name]; !dup {
			o.streams[f.Name] = f
			o.names = append(o.names, f.Name)
		}
	}
	return o, nil
}

// has reports whether the root storage holds the stream.
func (o *oleFile) has(name string) bool { return o.streams[name] != nil }

// read returns the whole content of a top-level stream.
func (o *oleFile) read(name string) ([]byte, error) {
	f := o.streams[name]
	if f == nil {
		return nil, fmt.Errorf("%w: stream %s missing", extract.ErrCorrupt, name)
	}
	if o.limit > 0 && f.Size > o.limit {
		return nil, fmt.Errorf("%w: stream %s is %d bytes (limit %d)", extract.ErrTooLarge, name, f.Size, o.limit)
	}
	if f.Size > o.size {
		return nil, fmt.Errorf("%w: stream %s claims %d bytes in a %d-byte file", extract.ErrCorrupt, name, f.Size, o.size)
	}
	if err := checkChain(o.data, name); err != nil {
		return nil, err
	}
	buf := make([]byte, f.Size)
	if _, err := io.ReadFull(f, buf); err != nil && !(errors.Is(err, io.EOF) && f.Size == 0) {
		return nil, fmt.Errorf("%w: reading stream %s: %v", extract.ErrCorrupt, name, err)
	}
	return buf, nil
}

// describe lists the stream names for an error message.
func (o *oleFile) describe() string {
	names := o.names
	const max = 8
	if len(names) > max {
		return strings.Join(names[:max], ", ") + ", …"
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
