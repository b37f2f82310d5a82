// Package store keeps a reviewer's decisions about findings — accepted
// (will fix / is right) or ignored (a false alarm), with a note — in a local
// SQLite database, keyed by the document's SHA-256 and the finding's
// identity (review.ID). It also records which checked documents are
// versions of one draft, so that decisions carry over to the next version
// and the versions can be compared: which findings were fixed, which are
// new, which remain.
package store

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "modernc.org/sqlite" // pure-Go SQLite driver "sqlite"
)

// Status is a reviewer's decision about a finding.
type Status string

// The decisions.
const (
	Undecided Status = ""         // not decided
	Accepted  Status = "accepted" // a real problem, to be fixed
	Ignored   Status = "ignored"  // a false alarm or not to be changed
)

// ParseStatus reads "accepted", "ignored" or "" (undecided).
func ParseStatus(s string) (Status, error) {
	switch st := Status(strings.TrimSpace(s)); st {
	case Undecided, Accepted, Ignored:
		return st, nil
	}
	return "", fmt.Errorf("unknown decision %q (want accepted, ignored or empty)", s)
}

// Decision is the decision about one finding of one document.
type Decision struct {
	Status  Status
	Note    string
	Updated time.Time
	// Carried is the SHA-256 of the earlier version the decision was
	// carried over from ("" when made on this document).
	Carried string
}

// Version is one checked document of a draft.
type Version struct {
	SHA256   string
	Draft    string // the draft it is a version of
	Name     string // file name as uploaded
	Checked  time.Time
	Findings []string // finding identities
}

// Store is an open decisions database.
type Store struct{ db *sql.DB }

const schema = `
CREATE TABLE IF NOT EXISTS versions (
  sha256   TEXT PRIMARY KEY,
  draft    TEXT NOT NULL,           -- what makes two uploads versions of one draft
  name     TEXT NOT NULL,
  checked  TEXT NOT NULL,           -- RFC 3339
  findings TEXT NOT NULL            -- finding identities, one per line
);
CREATE INDEX IF NOT EXISTS versions_draft ON versions (draft, checked);
CREATE TABLE IF NOT EXISTS decisions (
  sha256   TEXT NOT NULL,
  finding  TEXT NOT NULL,           -- review.ID of the finding
  status   TEXT NOT NULL,           -- accepted | ignored
  note     TEXT NOT NULL,
  updated  TEXT NOT NULL,
  carried  TEXT NOT NULL DEFAULT '', -- sha256 of the version it came from
  PRIMARY KEY (sha256, finding)
);`

// DefaultPath is the database in the user data directory:
// $XDG_DATA_HOME/budgetdoc/review.sqlite (~/.local/share on Linux,
// ~/Library/Application Support on macOS, %LocalAppData% on Windows).
func DefaultPath() (string, error) {
	dir, err := DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "review.sqlite"), nil
}

// DataDir is budgetdoc's directory in the user data directory.
func DataDir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "budgetdoc"), nil
	}
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "budgetdoc"), nil
		}
	case "darwin", "ios":
		if d, err := os.UserConfigDir(); err == nil { // ~/Library/Application Support
			return filepath.Join(d, "budgetdoc"), nil
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no user data directory: %w", err)
	}
	return filepath.Join(home, ".local", "share", "budgetdoc"), nil
}

// Open opens or creates the database at path.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(10000)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// AddVersion records a checked document as a version of draft, carries
// over the decisions of the draft's previous version to the findings that
// remain, and returns that previous version (nil for the first). Adding a
// document again (the same bytes) changes nothing and returns the version
// before it.
func (s *Store) AddVersion(v Version) (prev *Version, err error) {
	tx, err := s.db.Begin()
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	var checked string
	switch err := tx.QueryRow(`SELECT checked FROM versions WHERE sha256 = ?`, v.SHA256).Scan(&checked); {
	case errors.Is(err, sql.ErrNoRows):
		checked = v.Checked.UTC().Format(time.RFC3339Nano)
		if _, err := tx.Exec(`INSERT INTO versions VALUES (?, ?, ?, ?, ?)`, v.SHA256, v.Draft, v.Name, checked,
			strings.Join(v.Findings, "\n")); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, err
	}
	prev, err = previous(tx, v.Draft, v.SHA256, checked)
	if err != nil || prev == nil {
		return prev, errors.Join(err, tx.Commit())
	}
	now := time.Now().UTC().Format(time.RFC3339Nano)
	for _, id := range v.Findings {
		if _, err := tx.Exec(`INSERT OR IGNORE INTO decisions (sha256, finding, status, note, updated, carried)
			SELECT ?, finding, status, note, ?, ? FROM decisions WHERE sha256 = ? AND finding = ?`,
			v.SHA256, now, prev.SHA256, prev.SHA256, id); err != nil {
			return nil, err
		}
	}
	return prev, tx.Commit()
}

type querier interface {
	QueryRow(string, ...any) *sql.Row
}

// previous returns the latest version of draft checked before the given
// time, other than sha.
func previous(q querier, draft, sha, before string) (*Version, error) {
	var v Version
	var checked, ids string
	err := q.QueryRow(`SELECT sha256, draft, name, checked, findings FROM versions
		WHERE draft = ? AND sha256 <> ? AND checked <= ? ORDER BY checked DESC LIMIT 1`, draft, sha, before).
		Scan(&v.SHA256, &v.Draft, &v.Name, &checked, &ids)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	v.Checked, _ = time.Parse(time.RFC3339Nano, checked)
	if ids != "" {
		v.Findings = strings.Split(ids, "\n")
	}
	return &v, nil
}

// Previous returns the version of sha's draft checked before it, or nil.
func (s *Store) Previous(sha string) (*Version, error) {
	var draft, checked string
	err := s.db.QueryRow(`SELECT draft, checked FROM versions WHERE sha256 = ?`, sha).Scan(&draft, &checked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return previous(s.db, draft, sha, checked)
}

// Decide records the decision about finding of document sha; Undecided removes
// it.
func (s *Store) Decide(sha, finding string, st Status, note string) error {
	if st == Undecided {
		_, err := s.db.Exec(`DELETE FROM decisions WHERE sha256 = ? AND finding = ?`, sha, finding)
		return err
	}
	_, err := s.db.Exec(`INSERT INTO decisions (sha256, finding, status, note, updated, carried) VALUES (?, ?, ?, ?, ?, '')
		ON CONFLICT (sha256, finding) DO UPDATE SET status = excluded.status, note = excluded.note,
		updated = excluded.updated, carried = ''`,
		sha, finding, string(st), note, time.Now().UTC().Format(time.RFC3339Nano))
	return err
}

// Decisions returns the decisions about the findings of document sha, by
// finding identity.
func (s *Store) Decisions(sha string) (map[string]Decision, error) {
	rows, err := s.db.Query(`SELECT finding, status, note, updated, carried FROM decisions WHERE sha256 = ?`, sha)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]Decision{}
	for rows.Next() {
		var id, st, note, updated, carried string
		if err := rows.Scan(&id, &st, &note, &updated, &carried); err != nil {
			return nil, err
		}
		t, _ := time.Parse(time.RFC3339Nano, updated)
		out[id] = Decision{Status: Status(st), Note: note, Updated: t, Carried: carried}
	}
	return out, rows.Err()
}

// Comparison is how a version's findings relate to the previous
// version's.
type Comparison struct {
	Fixed, New, Remaining []string // finding identities
}

// Compare compares the finding identities of a version with its
// predecessor's.
func Compare(prev, cur []string) Comparison {
	in := func(ids []string) map[string]bool {
		m := make(map[string]bool, len(ids))
		for _, id := range ids {
			m[id] = true
		}
		return m
	}
	p, c := in(prev), in(cur)
	var cmp Comparison
	for _, id := range prev {
		if !c[id] {
			cmp.Fixed = append(cmp.Fixed, id)
		}
	}
	for _, id := range cur {
		if p[id] {
			cmp.Remaining = append(cmp.Remaining, id)
		} else {
			cmp.New = append(cmp.New, id)
		}
	}
	return cmp
}
