// Package oletest edits OLE2 compound files (the container of .doc files)
// for tests that need a damaged or mislabelled one.
package oletest

import (
	"bytes"
	"encoding/binary"
	"testing"
	"unicode/utf16"
)

// RenameEntry returns a copy of data with the directory entry named from
// renamed to (UTF-16 name at a 128-byte boundary, its byte length at +64);
// the stream's contents are untouched. It fails the test when there is no
// such entry.
func RenameEntry(tb testing.TB, data []byte, from, to string) []byte {
	tb.Helper()
	i := bytes.Index(data, entryName(from))
	if i < 0 || i%128 != 0 {
		tb.Fatalf("directory entry %s not found", from)
	}
	out := bytes.Clone(data)
	clear(out[i : i+64])
	name := entryName(to)
	copy(out[i:], name)
	binary.LittleEndian.PutUint16(out[i+64:], uint16(len(name)))
	return out
}

// entryName is a directory entry's name as stored: UTF-16LE with its NUL.
func entryName(s string) []byte {
	u := utf16.Encode([]rune(s + "\x00"))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		binary.LittleEndian.PutUint16(b[2*i:], c)
	}
	return b
}
