package corpus

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/budgetdoc/budgetdoc/internal/safefile"
)

// LedgerName is the file in an output directory that makes resume safe: one
// JSON line per stored record, written after the record's rows, holding the
// record's key and paths and the size of every output file at that point.
// On resume every file is cut back to the sizes of the last complete ledger
// line, which removes the rows of a record that was being written when the
// process died.
const LedgerName = "ledger.jsonl"

// DocumentsName is the JSONL file with the full contract per document.
const DocumentsName = "documents.jsonl"

type ledgerEntry struct {
	Key   string   `json:"key,omitempty"`
	Paths []string `json:"paths,omitempty"`
	Cause string   `json:"cause,omitempty"`
	// Retry marks a record that replaces an earlier failure of its key.
	Retry bool `json:"retry,omitempty"`
	// Replaced names the files that Forget rewrote (each written beside as
	// NAME.new, then renamed): when this is the last entry, a NAME.new
	// still there finishes the rename on resume.
	Replaced []string         `json:"replaced,omitempty"`
	Sizes    map[string]int64 `json:"sizes"`
}

// forgetTables are the tables holding rows of a failed document.
var forgetTables = []string{"errors.csv", "paths.csv"}

// DirSink writes documents.jsonl, one CSV file per table (RFC 4180, UTF-8,
// header row) and the ledger into a directory.
type DirSink struct {
	dir      string
	files    map[string]*os.File // by file name
	sizes    map[string]int64
	ledger   *os.File
	lock     *os.File // held (flock) while the sink is open
	recorded map[string]Stored
	buf      bytes.Buffer
}

func dirFileNames() []string {
	names := []string{DocumentsName}
	for _, t := range Tables {
		names = append(names, t.Name+".csv")
	}
	return names
}

// OpenDir opens dir as a sink. Without resume the directory must not hold
// earlier output; with resume it continues what is there (or starts fresh
// when there is nothing).
func OpenDir(dir string, resume bool) (_ *DirSink, err error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	s := &DirSink{dir: dir, files: map[string]*os.File{}, sizes: map[string]int64{}, recorded: map[string]Stored{}}
	defer func() {
		if err != nil {
			s.Close()
		}
	}()
	// One writer at a time, as SQLite has: two runs into one directory
	// would interleave their rows.
	if s.lock, err = lockDir(dir); err != nil {
		return nil, err
	}
	ledgerPath := filepath.Join(dir, LedgerName)
	entries, complete, err := readLedger(ledgerPath)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	keyed := 0
	for _, e := range entries {
		if e.Key != "" {
			keyed++
		}
	}
	if keyed > 0 && !resume {
		return nil, fmt.Errorf("%s already holds the output of a run: use --resume to continue it, or remove it", dir)
	}
	if len(entries) == 0 || !resume {
		return s, s.create()
	}
	// Resume: cut every file back to the last complete ledger entry, after
	// finishing (or undoing) a rewrite by Forget.
	last := entries[len(entries)-1]
	for _, name := range forgetTables {
		tmp := filepath.Join(dir, name+".new")
		if _, err := os.Lstat(tmp); err != nil {
			continue
		}
		if slices.Contains(last.Replaced, name) {
			err = os.Rename(tmp, filepath.Join(dir, name))
		} else {
			err = os.Remove(tmp)
		}
		if err != nil {
			return nil, err
		}
	}
	for _, name := range dirFileNames() {
		size, ok := last.Sizes[name]
		if !ok {
			return nil, fmt.Errorf("%s: ledger has no size for %s", ledgerPath, name)
		}
		f, err := safefile.OpenExisting(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		s.files[name] = f
		// The files only grow between ledger entries: one shorter than its
		// last recorded size was changed by someone else.
		if info, err := f.Stat(); err != nil || size < 0 || info.Size() < size {
			return nil, fmt.Errorf("%s: %s is shorter than the ledger says; the output was changed, start afresh", dir, name)
		}
		if err := f.Truncate(size); err != nil {
			return nil, err
		}
		if _, err := f.Seek(size, io.SeekStart); err != nil {
			return nil, err
		}
		s.sizes[name] = size
	}
	if s.ledger, err = safefile.OpenExisting(ledgerPath); err != nil {
		return nil, err
	}
	if err := s.ledger.Truncate(complete); err != nil {
		return nil, err
	}
	if _, err := s.ledger.Seek(complete, io.SeekStart); err != nil {
		return nil, err
	}
	for _, e := range entries {
		if e.Key != "" {
			s.record(e)
		}
	}
	return s, nil
}

// create starts fresh files with their header rows and a first ledger entry.
func (s *DirSink) create() error {
	for _, name := range dirFileNames() {
		f, err := safefile.Replace(filepath.Join(s.dir, name))
		if err != nil {
			return err
		}
		s.files[name] = f
		s.sizes[name] = 0
	}
	for _, t := range Tables {
		s.buf.Reset()
		w := csv.NewWriter(&s.buf)
		header := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			header[i] = c.Name
		}
		w.Write(header)
		w.Flush()
		if err := s.append(t.Name+".csv", s.buf.Bytes()); err != nil {
			return err
		}
	}
	var err error
	if s.ledger, err = safefile.Replace(filepath.Join(s.dir, LedgerName)); err != nil {
		return err
	}
	return s.writeLedger(ledgerEntry{})
}

// readLedger returns the complete entries and the byte length they take; a
// partial last line (the process died while writing it) is not counted.
func readLedger(path string) ([]ledgerEntry, int64, error) {
	f, err := safefile.Open(path)
	if err != nil {
		if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return nil, 0, fmt.Errorf("%s is a symbolic link: an output directory holds only its own files", path)
		}
		return nil, 0, err
	}
	defer f.Close()
	var entries []ledgerEntry
	var n int64
	r := bufio.NewReader(f)
	for {
		line, err := r.ReadBytes('\n')
		if err == io.EOF {
			return entries, n, nil // a partial line without '\n' is dropped
		}
		if err != nil {
			return nil, 0, err
		}
		var e ledgerEntry
		if err := json.Unmarshal(line, &e); err != nil {
			return nil, 0, fmt.Errorf("%s: corrupt ledger line after byte %d: %v", path, n, err)
		}
		entries = append(entries, e)
		n += int64(len(line))
	}
}

// Recorded implements Sink.
func (s *DirSink) Recorded() (map[string]Stored, error) { return s.recorded, nil }

func (s *DirSink) record(e ledgerEntry) {
	st := s.recorded[e.Key]
	st.Paths = append(st.Paths, e.Paths...)
	if e.Cause != "" || e.Retry {
		st.Cause = e.Cause
	}
	s.recorded[e.Key] = st
}

// Forget implements Sink: the rows of keys in errors.csv and paths.csv are
// removed, each file rewritten beside itself and renamed over it once a
// ledger entry holds the new sizes (a crash at any point leaves either the
// old rows or the new ones, see OpenDir).
func (s *DirSink) Forget(keys []string) error {
	drop := map[string]bool{}
	for _, k := range keys {
		drop[k] = true
	}
	for _, name := range forgetTables {
		f := s.files[name]
		data := make([]byte, s.sizes[name])
		if _, err := f.ReadAt(data, 0); err != nil {
			return err
		}
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		var kept bytes.Buffer
		w := csv.NewWriter(&kept)
		for i, row := range rows {
			if i == 0 || len(row) == 0 || !drop[row[0]] { // the header and other documents' rows
				w.Write(row)
			}
		}
		w.Flush()
		if err := writeNew(filepath.Join(s.dir, name+".new"), kept.Bytes()); err != nil {
			return err
		}
		s.sizes[name] = int64(kept.Len())
	}
	if err := s.writeLedger(ledgerEntry{Replaced: forgetTables}); err != nil {
		return err
	}
	for _, name := range forgetTables {
		path := filepath.Join(s.dir, name)
		if err := os.Rename(path+".new", path); err != nil {
			return err
		}
		f, err := safefile.OpenExisting(path)
		if err != nil {
			return err
		}
		if _, err := f.Seek(0, io.SeekEnd); err != nil {
			f.Close()
			return err
		}
		s.files[name].Close()
		s.files[name] = f
	}
	return nil
}

// writeNew writes data to a new file at path (replacing a leftover one, but
// never through a link) and syncs it.
func writeNew(path string, data []byte) error {
	f, err := safefile.Replace(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Write implements Sink: the record's rows go to the data files first, the
// ledger line last.
func (s *DirSink) Write(r *Record) error {
	if r.Doc != nil && !r.PathsOnly {
		b, err := marshalDoc(r.Doc)
		if err != nil {
			return err
		}
		if err := s.append(DocumentsName, append(b, '\n')); err != nil {
			return err
		}
	}
	// Rows are grouped per table so that each file gets one write.
	perTable := map[*Table]*csv.Writer{}
	bufs := map[*Table]*bytes.Buffer{}
	strs := []string{}
	err := rowsOf(r, func(t *Table, row []any) error {
		w := perTable[t]
		if w == nil {
			bufs[t] = new(bytes.Buffer)
			w = csv.NewWriter(bufs[t])
			perTable[t] = w
		}
		strs = strs[:0]
		for _, v := range row {
			strs = append(strs, csvValue(v))
		}
		return w.Write(strs)
	})
	if err != nil {
		return err
	}
	for _, t := range Tables {
		if w := perTable[t]; w != nil {
			w.Flush()
			if err := s.append(t.Name+".csv", bufs[t].Bytes()); err != nil {
				return err
			}
		}
	}
	e := ledgerEntry{Key: r.Key, Paths: r.Paths, Retry: r.Retry}
	if r.Failure != nil {
		e.Cause = r.Failure.Cause
	}
	if err := s.writeLedger(e); err != nil {
		return err
	}
	s.record(e)
	return nil
}

func (s *DirSink) append(name string, b []byte) error {
	n, err := s.files[name].Write(b)
	s.sizes[name] += int64(n)
	return err
}

// writeLedger writes e with the current sizes in a single write call.
func (s *DirSink) writeLedger(e ledgerEntry) error {
	e.Sizes = s.sizes
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	_, err = s.ledger.Write(append(b, '\n'))
	return err
}

// Close implements Sink.
func (s *DirSink) Close() error {
	var errs []error
	for _, f := range s.files {
		errs = append(errs, f.Close())
	}
	if s.ledger != nil {
		errs = append(errs, s.ledger.Close())
	}
	if s.lock != nil {
		errs = append(errs, s.lock.Close()) // releases the lock
	}
	return errors.Join(errs...)
}
