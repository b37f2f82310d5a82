package corpus

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/extract/read"
	"github.com/budgetdoc/budgetdoc/nlp/segment"
)

// Config configures a batch run.
type Config struct {
	Paths    []string // input files, in order (see Expand); the first path of a duplicate is canonical
	Workers  int      // concurrent documents; 0 means runtime.NumCPU()
	Sink     Sink
	Pipeline pipeline.Options // its Read options apply; the later stages always run in full
	// Post, when set, runs on every successfully read document before it is
	// stored — the hook for the draft checks, which add findings to
	// Result.Out. ctx is the document's (done when it is abandoned). An
	// error fails the document with cause "post"; a panic is recorded like
	// a panic in the pipeline (cause "internal").
	Post func(context.Context, *pipeline.Result) error
	// MemoryLimit is the memory guard in bytes of process RSS (0: none).
	// While RSS is above 90% of it no new document starts (unless none is
	// in flight); above it, the in-flight document with the largest input is
	// abandoned and recorded with cause "memory".
	MemoryLimit int64
	// Timeout bounds the time of one document through all stages (0: none);
	// Pipeline.Read.Timeout bounds the reading alone.
	Timeout time.Duration
	// Abort, when done, abandons the documents in flight (they are not
	// recorded). Cancelling Run's ctx only stops new documents from starting.
	Abort context.Context
	// Progress, when set, is called after every stored document and once at
	// the start, from a single goroutine.
	Progress func(Progress)
}

// Progress is a snapshot of a run.
type Progress struct {
	Total   int // unique documents to process in this run (resumed ones excluded)
	Done    int // processed, ok or failed
	Failed  int
	Skipped int // already stored by an earlier run
	// SkippedFailed counts the skipped documents that had failed.
	SkippedFailed int
	Pages         int
	Bytes         int64 // input bytes processed
	Elapsed       time.Duration
}

// Summary is the outcome of a run.
type Summary struct {
	Progress
	Inputs     int            // input paths
	Duplicates int            // paths whose bytes another path already had
	OK         int            // documents processed successfully
	Causes     map[string]int // failed documents by cause
	// EarlierCauses counts the failures stored by earlier runs, by cause.
	EarlierCauses map[string]int
	// Retried counts the documents of earlier failures with a transient
	// cause (see Transient) processed again by this run, by that cause.
	Retried     map[string]int
	Findings    []RuleCount // findings by rule, most frequent first
	Interrupted bool        // stopped before every document was processed
}

// RuleCount counts the findings of one rule.
type RuleCount struct {
	Rule  string
	Count int
}

// job is one unique document: its bytes' hash and every path with them.
type job struct {
	key, sha string
	paths    []string
	size     int64
	failure  *Failure // set when the file could not be hashed
	retry    bool     // replaces a transient failure stored earlier
}

// inflight is a document being processed, for the memory guard.
type inflight struct {
	size    int64
	cancel  context.CancelCauseFunc
	started int // its number in the order documents started
}

// errMemory is the cause given to a document abandoned by the memory guard.
var errMemory = errors.New("memory guard")

// Run processes cfg.Paths into cfg.Sink. It returns an error only when the
// sink fails; document failures are records and counted in the Summary.
func Run(ctx context.Context, cfg Config) (*Summary, error) {
	start := time.Now()
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	abort := cfg.Abort
	if abort == nil {
		abort = context.Background()
	}
	sum := &Summary{Inputs: len(cfg.Paths), Causes: map[string]int{}, EarlierCauses: map[string]int{},
		Retried: map[string]int{}}

	go segment.Default() // load the segmenter (once per process) while the inputs are hashed
	jobs := hashAll(ctx, cfg.Paths, workers)
	if ctx.Err() != nil {
		sum.Interrupted = true
		return sum, nil
	}
	for _, j := range jobs {
		sum.Duplicates += len(j.paths) - 1
	}

	// Resume: skip what the sink holds (nothing unless it was opened for
	// resume); record new paths of stored documents.
	recorded, err := cfg.Sink.Recorded()
	if err != nil {
		return sum, fmt.Errorf("reading what is already stored: %w", err)
	}
	var todo []*job
	var forget []string
	for _, j := range jobs {
		old, done := recorded[j.key]
		if !done {
			todo = append(todo, j)
			continue
		}
		if Transient(old.Cause) && j.sha != "" {
			j.retry = true
			todo = append(todo, j)
			forget = append(forget, j.key)
			sum.Retried[old.Cause]++
			continue
		}
		sum.Skipped++
		if old.Cause != "" {
			sum.SkippedFailed++
			sum.EarlierCauses[old.Cause]++
		}
		if fresh := newPaths(j.paths, old.Paths); len(fresh) > 0 && j.sha != "" {
			if err := cfg.Sink.Write(&Record{Key: j.key, SHA256: j.sha, Paths: fresh, PathsOnly: true}); err != nil {
				return sum, err
			}
		}
	}
	if len(forget) > 0 {
		if err := cfg.Sink.Forget(forget); err != nil {
			return sum, fmt.Errorf("making room to retry earlier failures: %w", err)
		}
	}
	sum.Total = len(todo)
	// Largest first: a big file started last would leave one worker alone
	// at the end of the run while the others idle.
	slices.SortStableFunc(todo, func(a, b *job) int { return cmp.Compare(b.size, a.size) })

	g := &guard{limit: cfg.MemoryLimit, workers: workers, docs: map[*inflight]bool{}}
	stopGuard := g.watch()
	defer stopGuard()

	feed := make(chan *job)
	results := make(chan *Record)
	go func() {
		defer close(feed)
		for _, j := range todo {
			if j.failure != nil {
				select {
				case results <- &Record{Key: j.key, SHA256: j.sha, Paths: j.paths, Failure: j.failure}:
				case <-ctx.Done():
					return
				}
				continue
			}
			if !g.admit(ctx) {
				return
			}
			select {
			case feed <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	// A document abandoned by the memory guard may have been abandoned for
	// another's memory: it is tried again alone, after the others, and only
	// then recorded as a memory failure.
	var (
		wg      sync.WaitGroup
		retryMu sync.Mutex
		retry   []*job
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range feed {
				rec := process(abort, j, cfg, g, false)
				if rec == errRetryAlone {
					retryMu.Lock()
					retry = append(retry, j)
					retryMu.Unlock()
					continue
				}
				if rec != nil {
					results <- rec
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		for _, j := range retry {
			if ctx.Err() != nil {
				break
			}
			g.waitIdle(ctx, idleWait)
			if rec := process(abort, j, cfg, g, true); rec != nil {
				results <- rec
			}
		}
		close(results)
	}()

	report := func() {
		if cfg.Progress != nil {
			sum.Elapsed = time.Since(start)
			cfg.Progress(sum.Progress)
		}
	}
	report()
	findings := map[string]int{}
	var sinkErr error
	for rec := range results {
		if sinkErr != nil {
			continue // drain so that the workers finish
		}
		if err := cfg.Sink.Write(rec); err != nil {
			sinkErr = err
			continue
		}
		sum.Done++
		if rec.Failure != nil {
			sum.Failed++
			sum.Causes[rec.Failure.Cause]++
		} else {
			sum.OK++
			sum.Pages += rec.Doc.Source.Pages
			sum.Bytes += rec.Doc.Source.Bytes
			for _, f := range rec.Doc.Findings {
				findings[f.Rule]++
			}
		}
		report()
	}
	sum.Elapsed = time.Since(start)
	sum.Interrupted = sum.Done < sum.Total
	for rule, n := range findings {
		sum.Findings = append(sum.Findings, RuleCount{rule, n})
	}
	slices.SortFunc(sum.Findings, func(a, b RuleCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Rule, b.Rule))
	})
	return sum, sinkErr
}

// newPaths returns the paths not in old. A path that is not valid UTF-8
// comes back from a sink with its invalid bytes replaced (JSON, the ledger's
// format, cannot hold them), so paths are compared that way: otherwise such
// a path would be added again by every resumed run.
func newPaths(paths, old []string) []string {
	stored := map[string]bool{}
	for _, p := range old {
		stored[asJSON(p)] = true
	}
	var out []string
	for _, p := range paths {
		if !stored[asJSON(p)] {
			out = append(out, p)
		}
	}
	return out
}

// asJSON returns s as a JSON round trip gives it back: every byte that is
// not part of valid UTF-8 replaced by U+FFFD.
func asJSON(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r) // an invalid byte is read as utf8.RuneError, one per byte
	}
	return b.String()
}

// unwrapPath drops the path from an *fs.PathError (messages name the file
// once, at the front).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// hashAll hashes every path (workers at a time) and groups paths by hash,
// in the order of their first path.
func hashAll(ctx context.Context, paths []string, workers int) []*job {
	type hashed struct {
		sha  string
		size int64
		err  error
	}
	hs := make([]hashed, len(paths))
	idx := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				hs[i].sha, hs[i].size, hs[i].err = hashFile(paths[i])
			}
		}()
	}
	for i := range paths {
		if ctx.Err() != nil {
			break
		}
		idx <- i
	}
	close(idx)
	wg.Wait()

	var jobs []*job
	byHash := map[string]*job{}
	for i, h := range hs {
		if h.err != nil {
			cause := Cause(h.err)
			if cause == "other" {
				cause = "io"
			}
			jobs = append(jobs, &job{key: "path:" + paths[i], paths: []string{paths[i]},
				failure: &Failure{Cause: cause, Message: h.err.Error()}})
			continue
		}
		if j := byHash[h.sha]; j != nil {
			j.paths = append(j.paths, paths[i])
			continue
		}
		j := &job{key: h.sha, sha: h.sha, paths: []string{paths[i]}, size: h.size}
		byHash[h.sha] = j
		jobs = append(jobs, j)
	}
	return jobs
}

// hashFile hashes a regular file; anything else (a named pipe, a device)
// is refused without opening it in a way that could block.
func hashFile(path string) (string, int64, error) {
	f, _, err := read.OpenRegular(path)
	if err != nil {
		if info, serr := os.Stat(path); serr == nil && info.IsDir() {
			if _, derr := os.ReadDir(path); derr != nil { // a walk could not enter it
				err = fmt.Errorf("cannot read the directory: %w", unwrapPath(derr))
			}
		}
		return "", 0, &extract.Error{Path: path, Err: err}
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, &extract.Error{Path: path, Err: err}
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// errRetryAlone is returned by process for a document abandoned by the
// memory guard while others were in flight: the memory may have been
// theirs, so it is processed again alone before a failure is recorded.
var errRetryAlone = &Record{}

// process runs the pipeline on one document. It returns nil when the
// document was abandoned by Abort (it is then not recorded, so that a resumed
// run does it again), and errRetryAlone (see there) unless alone.
func process(abort context.Context, j *job, cfg Config, g *guard, alone bool) (rec *Record) {
	rec = &Record{Key: j.key, SHA256: j.sha, Paths: j.paths, Retry: j.retry}
	fail := func(cause, msg string) *Record {
		rec.Failure = &Failure{Cause: cause, Message: oneLine(msg)}
		return rec
	}
	path := j.paths[0]
	shown := extract.ShowPath(path)
	limit := cfg.Pipeline.Read.Limits.WithDefaults().MaxBytes
	if j.size > limit {
		return fail("too-large", fmt.Sprintf("%s: %v: file is larger than %d MiB", shown, extract.ErrTooLarge, limit>>20))
	}
	data, err := read.ReadRegular(path, cfg.Pipeline.Read.Limits)
	if err != nil {
		return fail(Cause(err), err.Error())
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != j.sha {
		return fail("changed", shown+": the file changed during the run")
	}

	ctx, cancel := context.WithCancelCause(abort)
	defer cancel(nil)
	doc := &inflight{size: int64(len(data)), cancel: cancel}
	others := g.start(doc)
	defer g.finish(doc)

	if cfg.Timeout > 0 {
		var stop context.CancelFunc
		ctx, stop = context.WithTimeoutCause(ctx, cfg.Timeout, extract.ErrTimeout)
		defer stop()
	}
	var stage stageMark
	// A document that overruns its time or is picked by the memory guard
	// is abandoned at once so that the batch goes on; its stages watch ctx,
	// so its goroutine stops within a page or a line of work.
	type outcome struct {
		res *pipeline.Result
		err error
	}
	ch := make(chan outcome, 1)
	g.running.Add(1)
	go func() {
		res, err := runGuarded(ctx, path, data, cfg, &stage) // recovers its panics
		g.running.Add(-1)                                    // before the result is seen: see abandonedRunning
		ch <- outcome{res, err}
	}()
	var o outcome
	select {
	case o = <-ch:
	case <-ctx.Done():
		o.err = context.Cause(ctx)
	}
	res, err := o.res, o.err
	if cause := context.Cause(ctx); err != nil && cause != nil {
		if errors.Is(cause, errMemory) {
			if !alone && (others || g.othersSince(doc)) {
				return errRetryAlone
			}
			return fail("memory", fmt.Sprintf("%s: %v (processed alone)", shown, cause))
		}
		if abort.Err() != nil {
			return nil
		}
		if errors.Is(cause, extract.ErrTimeout) {
			return fail("timeout", fmt.Sprintf("%s: %s took longer than the time limit (%v for all stages)",
				shown, stage.get(), cfg.Timeout))
		}
	}
	if err != nil {
		logInternal(err)
		var pe *postError
		if errors.As(err, &pe) {
			return fail("post", err.Error())
		}
		return fail(Cause(err), err.Error())
	}
	rec.Doc = res.Out
	return rec
}

// oneLine keeps the first line of a message: a failure is one row and one
// line of a log, whatever a library put in its error text.
func oneLine(msg string) string {
	if i := strings.IndexAny(msg, "\r\n"); i >= 0 {
		return msg[:i] + " …"
	}
	return msg
}

// Cause classifies a document error by the sentinel it wraps.
func Cause(err error) string {
	switch {
	case errors.Is(err, extract.ErrInternal):
		return "internal" // a bug of ours, whatever the stage
	case errors.Is(err, extract.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, extract.ErrEncrypted):
		return "encrypted"
	case errors.Is(err, extract.ErrUnsupported):
		return "unsupported"
	case errors.Is(err, extract.ErrTooLarge):
		return "too-large"
	case errors.Is(err, extract.ErrEmpty):
		return "empty"
	case errors.Is(err, extract.ErrCorrupt):
		return "corrupt"
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission):
		return "io"
	}
	return "other"
}

// postError is an error returned by Config.Post.
type postError struct {
	path string
	err  error
}

func (e *postError) Error() string {
	return fmt.Sprintf("%s: post-processing: %v", extract.ShowPath(e.path), e.err)
}
func (e *postError) Unwrap() error { return e.err }

// runGuarded runs the pipeline and the post-processor, turning a panic into
// an error (an *extract.InternalError unless it is an extract.Abort). The
// readers recover their own panics; this catches the later stages
// (normalize, outline, meta, facts, checks).
func runGuarded(ctx context.Context, path string, data []byte, cfg Config, stage *stageMark) (res *pipeline.Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			res, err = nil, fmt.Errorf("%s: %w", path, extract.FromPanic(v))
		}
	}()
	// Reading and the later stages are run apart so that a time limit
	// names the stage it stopped.
	stage.set("reading")
	doc, src, err := read.Bytes(ctx, path, data, cfg.Pipeline.Read)
	if err != nil {
		return nil, err
	}
	stage.set("extraction (normalize, outline, facts, tables)")
	res, err = pipeline.Run(ctx, doc, src, cfg.Pipeline)
	if err != nil {
		return nil, err
	}
	if cfg.Post != nil {
		stage.set("checking")
		if err := cfg.Post(ctx, res); err != nil {
			return nil, &postError{path, err}
		}
	}
	return res, nil
}

// stageMark is the stage a document is in, for messages.
type stageMark struct{ v atomic.Value }

func (m *stageMark) set(s string) { m.v.Store(s) }

func (m *stageMark) get() string {
	if s, ok := m.v.Load().(string); ok {
		return s
	}
	return "processing"
}

// guard is the memory guard: admission control and abandonment of the
// largest in-flight document when the process exceeds the limit.
type guard struct {
	limit   int64
	workers int
	mu      sync.Mutex
	docs    map[*inflight]bool
	started int // documents started so far
	// running counts the goroutines running a document's stages, those of
	// abandoned documents included.
	running atomic.Int64
}

// resident measures the process's memory; a variable so that tests can
// decide whose memory it is.
var resident = residentBytes

// start registers d as in flight and reports whether others were.
func (g *guard) start(d *inflight) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	others := len(g.docs) > 0
	g.docs[d] = true
	g.started++
	d.started = g.started
	return others
}

// abandonedRunning reports whether the stages of an abandoned document are
// still running while every worker's place is taken.
func (g *guard) abandonedRunning() bool {
	g.mu.Lock()
	inFlight := int64(len(g.docs))
	g.mu.Unlock()
	running := g.running.Load()
	return running > inFlight && running >= int64(g.workers)
}

// idleWait bounds the wait for abandoned documents to stop before one is
// processed alone.
const idleWait = 10 * time.Second

// waitIdle waits until no document's stages are running, abandoned ones
// included (they stop at their next context check), or for at most d.
func (g *guard) waitIdle(ctx context.Context, d time.Duration) {
	deadline := time.Now().Add(d)
	for g.running.Load() > 0 && time.Now().Before(deadline) && ctx.Err() == nil {
		time.Sleep(20 * time.Millisecond)
	}
}

// othersSince reports whether another document started after d did.
func (g *guard) othersSince(d *inflight) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.started > d.started
}

func (g *guard) finish(d *inflight) {
	g.mu.Lock()
	delete(g.docs, d)
	g.mu.Unlock()
}

// admit waits until a new document may start; false when ctx is done.
//
// Abandoned documents whose stages have not stopped yet hold their worker's
// place: while they and the documents in flight fill every worker, no new
// document starts (for at most idleWait), so that work given up on never
// runs on top of a full load.
func (g *guard) admit(ctx context.Context) bool {
	deadline := time.Now().Add(idleWait)
	for g.abandonedRunning() && time.Now().Before(deadline) {
		select {
		case <-ctx.Done():
			return false
		case <-time.After(20 * time.Millisecond):
		}
	}
	for g.limit > 0 {
		g.mu.Lock()
		busy := len(g.docs)
		g.mu.Unlock()
		if busy == 0 || resident() < g.limit/10*9 {
			break
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(50 * time.Millisecond):
		}
	}
	return ctx.Err() == nil
}

// watch samples the resident memory until the returned stop is called.
func (g *guard) watch() (stop func()) {
	if g.limit <= 0 {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			rss := resident()
			if rss <= g.limit {
				continue
			}
			g.mu.Lock()
			var largest *inflight
			for d := range g.docs {
				if largest == nil || d.size > largest.size {
					largest = d
				}
			}
			if largest != nil {
				delete(g.docs, largest) // abandon it once
				largest.cancel(fmt.Errorf("%w: process memory %d MiB exceeds the limit of %d MiB",
					errMemory, rss>>20, g.limit>>20))
			}
			g.mu.Unlock()
			runtime.GC()
		}
	}()
	return func() { close(done) }
}
