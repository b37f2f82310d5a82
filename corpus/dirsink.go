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
	Key   string           `json:"key,omitempty"`
	Paths []string         `json:"paths,omitempty"`
	Cause string           `json:"cause,omitempty"`
	Sizes map[string]int64 `json:"sizes"`
}

// DirSink writes documents.jsonl, one CSV file per table (RFC 4180, UTF-8,
// header row) and the ledger into a directory.
type DirSink struct {
	dir      string
	files    map[string]*os.File // by file name
	sizes    map[string]int64
	ledger   *os.File
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
	// Resume: cut every file back to the last complete ledger entry.
	last := entries[len(entries)-1]
	for _, name := range dirFileNames() {
		size, ok := last.Sizes[name]
		if !ok {
			return nil, fmt.Errorf("%s: ledger has no size for %s", ledgerPath, name)
		}
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_RDWR, 0)
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
	if s.ledger, err = os.OpenFile(ledgerPath, os.O_RDWR, 0); err != nil {
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
		f, err := os.Create(filepath.Join(s.dir, name))
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
	if s.ledger, err = os.Create(filepath.Join(s.dir, LedgerName)); err != nil {
		return err
	}
	return s.writeLedger(ledgerEntry{})
}

// readLedger returns the complete entries and the byte length they take; a
// partial last line (the process died while writing it) is not counted.
func readLedger(path string) ([]ledgerEntry, int64, error) {
	f, err := os.Open(path)
	if err != nil {
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
	if e.Cause != "" {
		st.Cause = e.Cause
	}
	s.recorded[e.Key] = st
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
	e := ledgerEntry{Key: r.Key, Paths: r.Paths}
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
	return errors.Join(errs...)
}
