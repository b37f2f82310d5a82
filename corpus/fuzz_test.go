package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzOpenDirResume: a damaged ledger must give an error or a usable sink,
// never a panic.
func FuzzOpenDirResume(f *testing.F) {
	f.Add([]byte(`{"sizes":{"documents.jsonl":0}}` + "\n"))
	f.Add([]byte(`{"key":"k","paths":["a"],"cause":"io","sizes":{}}` + "\n" + `{"key":`))
	f.Add([]byte("not json\n"))
	f.Fuzz(func(t *testing.T, ledger []byte) {
		dir := t.TempDir()
		s, err := OpenDir(dir, false) // fresh files with headers
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		if err := os.WriteFile(filepath.Join(dir, LedgerName), ledger, 0o666); err != nil {
			t.Fatal(err)
		}
		if s, err := OpenDir(dir, true); err == nil {
			if _, err := s.Recorded(); err != nil {
				t.Error(err)
			}
			s.Close()
		}
	})
}
