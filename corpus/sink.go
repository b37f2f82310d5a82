package corpus

// A Sink stores records. Write must store one record atomically with respect
// to a crash: after a SIGKILL at any moment the sink, reopened for resume,
// holds every record whose Write returned and no trace of any other.
type Sink interface {
	// Recorded returns what is already stored, by Record.Key; empty for a
	// fresh sink.
	Recorded() (map[string]Stored, error)
	// Write stores one record. A Retry record replaces the stored failure
	// of its key.
	Write(r *Record) error
	// Forget is called on resume, before any Write, with the keys whose
	// stored failures are about to be retried: a sink that cannot replace
	// rows in Write removes theirs here.
	Forget(keys []string) error
	// Close flushes and releases the sink.
	Close() error
}

// Stored describes a record already in a sink.
type Stored struct {
	Paths []string // paths recorded for it
	Cause string   // Failure.Cause when it failed
}

// rowsOf calls emit for every row of every table for r, in table order.
func rowsOf(r *Record, fn func(t *Table, row []any) error) error {
	var err error
	for _, t := range Tables {
		if r.PathsOnly && t.Name != "paths" {
			continue
		}
		t.rows(r, func(vals ...any) {
			if err == nil {
				err = fn(t, vals)
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}
