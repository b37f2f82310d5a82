package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"

	_ "modernc.org/sqlite" // pure-Go SQLite driver "sqlite"
)

// SQLiteSchemaVersion is stored in the meta table; it changes when a table
// or column changes meaning.
const SQLiteSchemaVersion = "1"

// SQLiteSink writes records into an SQLite database (WAL mode), one
// transaction per record.
type SQLiteSink struct {
	db *sql.DB
	// prepared holds the INSERT statements by table and rows per
	// statement (1 and rowsPerInsert); they live as long as the sink.
	prepared map[stmtKey]*sql.Stmt
}

type stmtKey struct {
	t    *Table
	rows int
}

// rowsPerInsert is how many rows one INSERT statement carries, to spread
// the per-statement overhead (about a tenth of the sink's time at one row
// per statement).
const rowsPerInsert = 64

// width is the number of values in one row of t in the database.
func width(t *Table) int { return len(t.Columns) + len(t.SQLOnly) }

// OpenSQLite opens or creates the database at path. Without resume it must
// not hold documents yet.
func OpenSQLite(path string, resume bool) (_ *SQLiteSink, err error) {
	// synchronous=NORMAL in WAL mode loses no committed transaction when the
	// process dies (only on power loss), at a fraction of FULL's cost.
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(OFF)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // one writer; keeps the pragmas on the one connection
	s := &SQLiteSink{db: db, prepared: map[stmtKey]*sql.Stmt{}}
	defer func() {
		if err != nil {
			db.Close()
		}
	}()
	if _, err := db.Exec(SQLiteSchema()); err != nil {
		return nil, fmt.Errorf("%s: creating tables: %w", path, err)
	}
	if !resume {
		var n int
		if err := db.QueryRow(`SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM errors)`).Scan(&n); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if n > 0 {
			return nil, fmt.Errorf("%s already holds %d documents: use --resume to continue it, or remove it", path, n)
		}
	}
	for _, t := range Tables {
		cols := append(append([]Column{}, t.Columns...), t.SQLOnly...)
		names := make([]string, len(cols))
		for i, c := range cols {
			names[i] = quote(c.Name)
		}
		// OR IGNORE: paths and errors of unreadable files may be seen again
		// on resume; everything else is keyed by a document not yet stored.
		head := fmt.Sprintf("INSERT OR IGNORE INTO %s (%s) VALUES ", quote(t.Name), strings.Join(names, ", "))
		group := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
		for _, n := range []int{1, rowsPerInsert} {
			st, err := db.Prepare(head + strings.TrimSuffix(strings.Repeat(group+", ", n), ", "))
			if err != nil {
				return nil, fmt.Errorf("%s: preparing the insert into %s: %w", path, t.Name, err)
			}
			s.prepared[stmtKey{t, n}] = st
		}
	}
	return s, nil
}

// SQLiteSchema returns the CREATE statements of the database, with the
// column documentation as comments.
func SQLiteSchema() string {
	var b strings.Builder
	b.WriteString("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n")
	fmt.Fprintf(&b, "INSERT OR IGNORE INTO meta VALUES ('schema', 'budgetdoc-sqlite/%s');\n", SQLiteSchemaVersion)
	for _, t := range Tables {
		fmt.Fprintf(&b, "-- %s: %s\n", t.Name, t.Doc)
		fmt.Fprintf(&b, "CREATE TABLE IF NOT EXISTS %s (\n", quote(t.Name))
		for _, c := range append(append([]Column{}, t.Columns...), t.SQLOnly...) {
			notNull := ""
			for _, k := range t.Key {
				if k == c.Name {
					notNull = " NOT NULL"
				}
			}
			fmt.Fprintf(&b, "  %s %s%s, -- %s\n", quote(c.Name), c.Type, notNull, c.Doc)
		}
		keys := make([]string, len(t.Key))
		for i, k := range t.Key {
			keys[i] = quote(k)
		}
		fmt.Fprintf(&b, "  PRIMARY KEY (%s)\n);\n", strings.Join(keys, ", "))
		for _, ix := range t.Indexes {
			cols := make([]string, len(ix))
			for i, c := range ix {
				cols[i] = quote(c)
			}
			fmt.Fprintf(&b, "CREATE INDEX IF NOT EXISTS %s ON %s (%s);\n",
				quote(t.Name+"_"+strings.Join(ix, "_")), quote(t.Name), strings.Join(cols, ", "))
		}
	}
	return b.String()
}

func quote(name string) string { return `"` + name + `"` }

// Recorded implements Sink: documents and failures stored so far.
func (s *SQLiteSink) Recorded() (map[string]Stored, error) {
	out := map[string]Stored{}
	rows, err := s.db.Query(`SELECT p.sha256, p.path, coalesce(e.cause, '') FROM paths p
		LEFT JOIN errors e ON e.sha256 = p.sha256
		WHERE p.sha256 IN (SELECT sha256 FROM documents UNION SELECT sha256 FROM errors)
		UNION ALL SELECT 'path:' || path, path, cause FROM errors WHERE sha256 = ''`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var key, path, cause string
		if err := rows.Scan(&key, &path, &cause); err != nil {
			return nil, err
		}
		st := out[key]
		st.Paths = append(st.Paths, path)
		st.Cause = cause
		out[key] = st
	}
	return out, rows.Err()
}

// Write implements Sink: one transaction per record.
func (s *SQLiteSink) Write(r *Record) (err error) {
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if r.Retry {
		for _, table := range []string{"errors", "paths"} {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+quote(table)+" WHERE sha256 = ?", r.SHA256); err != nil {
				return fmt.Errorf("replacing the failure of %s: %w", r.Paths[0], err)
			}
		}
	}
	// Rows come table by table; they are inserted rowsPerInsert at a time,
	// in order.
	var (
		table *Table
		rows  int
		args  []any
	)
	// A full batch goes in one statement, the rows of a smaller one one
	// by one: only those two statements are prepared per table (before the
	// transaction: the sink's single connection is busy during it).
	flush := func() error {
		if rows == 0 {
			return nil
		}
		per := rows
		if rows < rowsPerInsert {
			per = 1
		}
		st := tx.StmtContext(ctx, s.prepared[stmtKey{table, per}])
		for i, n := 0, width(table)*per; i < len(args); i += n {
			if _, err := st.ExecContext(ctx, args[i:i+n]...); err != nil {
				return fmt.Errorf("inserting into %s: %w", table.Name, err)
			}
		}
		rows, args = 0, args[:0]
		return nil
	}
	err = rowsOf(r, func(t *Table, row []any) error {
		if t != table {
			if err := flush(); err != nil {
				return err
			}
			table = t
		}
		extra, err := sqlOnlyValues(t, r)
		if err != nil {
			return err
		}
		args = append(append(args, row...), extra...)
		if rows++; rows == rowsPerInsert {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return err
	}
	return tx.Commit()
}

// Forget implements Sink: Write replaces a retried failure in its own
// transaction, so nothing is done ahead.
func (s *SQLiteSink) Forget([]string) error { return nil }

// Close implements Sink, checkpointing the WAL into the database file.
func (s *SQLiteSink) Close() error {
	errs := make([]error, 0, len(s.prepared)+2)
	for _, st := range s.prepared {
		errs = append(errs, st.Close())
	}
	_, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	return errors.Join(append(errs, err, s.db.Close())...)
}
