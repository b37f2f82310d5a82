package extract

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
)

// Readers turn panics into errors, in the manner of encoding/json and
// go/parser: a parser deep in malformed input may stop with Abort, and the
// reader's entry point, deferring Recover, returns that as an ErrCorrupt
// error. Any other panic — an index out of range, a nil map — is a bug of
// ours and becomes an *InternalError, so that a crash is never counted as a
// corrupt file.

// malformed is the panic value of Abort, the only panic that means "the
// input is malformed".
type malformed struct{ err error }

// Abort stops reading malformed input from wherever the parser is: it
// panics with a value that Recover (or FromPanic) turns into an error
// wrapping ErrCorrupt with the message given, which says what is wrong like
// any reader error. Use it only below a function that defers Recover.
func Abort(format string, args ...any) {
	panic(malformed{fmt.Errorf("%w: %s", ErrCorrupt, fmt.Sprintf(format, args...))})
}

// Recover, deferred by a reader's entry point with its named error result,
// turns a panic into that error (see FromPanic):
//
//	func Read(ctx context.Context, data []byte, lim extract.Limits) (doc *extract.Document, err error) {
//		defer extract.Recover(&doc, &err)
//
// The document is nil after a panic.
func Recover(doc **Document, err *error) {
	if v := recover(); v != nil {
		*doc, *err = nil, FromPanic(v)
	}
}

// FromPanic returns the error for a recovered panic value: the ErrCorrupt
// error of an Abort, or an *InternalError for anything else. Call it in the
// deferred function that recovered, so that the stack is the panic's.
func FromPanic(v any) error {
	if m, ok := v.(malformed); ok {
		return m.err
	}
	return &InternalError{Value: v, Site: panicSite(), Stack: debug.Stack()}
}

// InternalError is a panic that was not an Abort: a bug of ours. It wraps
// ErrInternal. Its message names the panic and where it happened, the same
// on every run; Stack, for the log, is the panicking goroutine's stack.
type InternalError struct {
	Value any    // the panic value
	Site  string // function (file:line) that panicked
	Stack []byte
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("%v: panic: %v at %s", ErrInternal, e.Value, e.Site)
}

func (e *InternalError) Unwrap() error { return ErrInternal }

// panicSite names the function that panicked: the first frame below the
// runtime's panic machinery, without addresses.
func panicSite() string {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	inPanic := false
	for {
		f, more := frames.Next()
		runtimeFrame := strings.HasPrefix(f.Function, "runtime.")
		switch {
		case f.Function == "runtime.gopanic":
			inPanic = true
		case inPanic && !runtimeFrame && f.Function != "":
			return fmt.Sprintf("%s (%s:%d)", f.Function, filepath.Base(f.File), f.Line)
		}
		if !more {
			return "unknown"
		}
	}
}

// StackOf returns the stack of the *InternalError in err's chain, or nil
// when err is not a bug of ours.
func StackOf(err error) []byte {
	var ie *InternalError
	if errors.As(err, &ie) {
		return ie.Stack
	}
	return nil
}
