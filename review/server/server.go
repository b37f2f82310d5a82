// Package server is the local web page of `budgetdoc serve`: finance staff
// drop drafts on it and review the findings beside the rendered page,
// record a decision about each finding, and download annotated copies and
// reports. Nothing leaves the machine: it listens on the loopback
// interface by default, makes no outgoing requests and serves its few
// assets (HTML templates, CSS, a little JavaScript) from the binary.
//
// The data directory holds review.sqlite (decisions and versions, see
// review/store), files/ (uploads named by SHA-256, with a .name file
// holding the name shown), results/ (each check's findings and page views
// as JSON, and the full contract document for the JSON download) and
// pages/ (rendered page images).
//
// Safe by construction: uploads are stored under the data directory by
// their SHA-256 (never under a name the client chose), each file is size
// limited and read under the CLI's size, page and time limits, at most
// Config.Workers documents are checked at once (the rest wait in a bounded
// queue), stored files are removed after Config.Retention, and requests
// that change state must come from the page itself (same-origin checks
// against cross-site requests and DNS rebinding).
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/budgetdoc/budgetdoc/extract/read"
	"github.com/budgetdoc/budgetdoc/review/store"
)

// Config configures a Server. Zero fields take the defaults.
type Config struct {
	// DataDir holds the decisions database and the stored uploads
	// (default: store.DataDir()).
	DataDir string
	// Workers is how many documents are checked at once (default 2).
	Workers int
	// Queue is how many more may wait (default 64); beyond it an upload
	// is refused with 503.
	Queue int
	// MaxUpload bounds one uploaded file in bytes (default 64 MiB).
	MaxUpload int64
	// MaxFiles bounds the files of one upload (default 50).
	MaxFiles int
	// Read are the read limits and time limit of a check (default: the
	// CLI's).
	Read read.Options
	// Retention is how long stored uploads and results are kept (default
	// 7 days); decisions are kept.
	Retention time.Duration
	// Log receives one line per failed check; nil discards.
	Log *log.Logger
}

func (c Config) withDefaults() (Config, error) {
	if c.DataDir == "" {
		d, err := store.DataDir()
		if err != nil {
			return c, err
		}
		c.DataDir = d
	}
	if c.Workers <= 0 {
		c.Workers = 2
	}
	if c.Queue <= 0 {
		c.Queue = 64
	}
	if c.MaxUpload <= 0 {
		c.MaxUpload = 64 << 20
	}
	if c.MaxFiles <= 0 {
		c.MaxFiles = 50
	}
	if c.Retention <= 0 {
		c.Retention = 7 * 24 * time.Hour
	}
	if c.Log == nil {
		c.Log = log.New(discard{}, "", 0)
	}
	return c, nil
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// Server is the review web application.
type Server struct {
	cfg   Config
	store *store.Store
	mux   *http.ServeMux

	queue chan *job
	mu    sync.Mutex
	jobs  map[string]*job // by SHA-256, while queued, running or failed

	stop context.CancelFunc
	wg   sync.WaitGroup
}

// New opens the data directory and starts the check workers and the
// retention sweeper. Close stops them.
func New(cfg Config) (*Server, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	for _, d := range []string{"files", "results", "pages"} {
		if err := os.MkdirAll(filepath.Join(cfg.DataDir, d), 0o700); err != nil {
			return nil, err
		}
	}
	st, err := store.Open(filepath.Join(cfg.DataDir, "review.sqlite"))
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{cfg: cfg, store: st, queue: make(chan *job, cfg.Queue), jobs: map[string]*job{}, stop: cancel}
	s.routes()
	for range cfg.Workers {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.work(ctx)
		}()
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.sweep(ctx)
	}()
	return s, nil
}

// Close stops the workers and closes the database.
func (s *Server) Close() error {
	s.stop()
	s.wg.Wait()
	return s.store.Close()
}

// ServeHTTP serves the application.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !localHost(r.Host) {
		// A page of another site whose name resolves to this machine
		// (DNS rebinding) must not read the drafts.
		http.Error(w, "forbidden host", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead && !sameOrigin(r) {
		http.Error(w, "cross-site request refused", http.StatusForbidden)
		return
	}
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "same-origin")
	s.mux.ServeHTTP(w, r)
}

// localHost reports whether a Host header names the loopback interface or
// this machine by address, not a name another site could point here.
func localHost(host string) bool {
	h, _, err := net.SplitHostPort(host)
	if err != nil {
		h = host
	}
	h = strings.Trim(h, "[]")
	if h == "localhost" {
		return true
	}
	return net.ParseIP(h) != nil
}

// sameOrigin reports whether a state-changing request comes from this
// application's own pages.
func sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return false
	}
	origin := r.Header.Get("Origin")
	if origin == "" || origin == "null" {
		return origin == "" // no Origin: not a browser's cross-site form
	}
	return strings.TrimPrefix(strings.TrimPrefix(origin, "http://"), "https://") == r.Host
}

var shaRx = regexp.MustCompile(`^[0-9a-f]{64}$`)

func (s *Server) filePath(sha string) string {
	return filepath.Join(s.cfg.DataDir, "files", sha)
}

func (s *Server) resultPath(sha string) string {
	return filepath.Join(s.cfg.DataDir, "results", sha+".json")
}

func (s *Server) fullPath(sha string) string {
	return filepath.Join(s.cfg.DataDir, "results", sha+".full.json")
}

func (s *Server) pagePath(sha string, page, dpi int) string {
	return filepath.Join(s.cfg.DataDir, "pages", fmt.Sprintf("%s-%d-%d.png", sha, page, dpi))
}

// loadResult reads a stored check result.
func (s *Server) loadResult(sha string) (*result, error) {
	if !shaRx.MatchString(sha) {
		return nil, fs.ErrNotExist
	}
	b, err := os.ReadFile(s.resultPath(sha))
	if err != nil {
		return nil, err
	}
	var res result
	if err := json.Unmarshal(b, &res); err != nil {
		return nil, fmt.Errorf("stored result %s: %w", sha, err)
	}
	return &res, nil
}

// writeFileAtomic writes data to path through a temporary file, so that a
// reader never sees half a file.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// sweep removes stored uploads, results and rendered pages older than
// the retention period, at start and then every hour.
func (s *Server) sweep(ctx context.Context) {
	every := min(time.Hour, s.cfg.Retention)
	for {
		s.removeExpired(time.Now().Add(-s.cfg.Retention))
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

// removeExpired removes the stored files last written before cutoff.
func (s *Server) removeExpired(cutoff time.Time) (removed int) {
	for _, d := range []string{"files", "results", "pages"} {
		entries, err := os.ReadDir(filepath.Join(s.cfg.DataDir, d))
		if err != nil {
			continue
		}
		for _, e := range entries {
			info, err := e.Info()
			if err != nil || !info.Mode().IsRegular() || info.ModTime().After(cutoff) {
				continue
			}
			if os.Remove(filepath.Join(s.cfg.DataDir, d, e.Name())) == nil {
				removed++
			}
		}
	}
	return removed
}

var errBusy = errors.New("too many documents waiting to be checked")
