package extract

import (
	"errors"
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Sentinel causes that readers wrap, so callers (the CLI, batch statistics)
// can classify failures with errors.Is. ErrInternal is the odd one out: it
// is a bug of ours, never a property of the file (see InternalError).
var (
	ErrUnsupported = errors.New("unsupported or unrecognised format")
	ErrCorrupt     = errors.New("corrupt or truncated file")
	ErrEncrypted   = errors.New("encrypted: a password is required")
	ErrTooLarge    = errors.New("exceeds a safety limit")
	ErrEmpty       = errors.New("empty file")
	ErrTimeout     = errors.New("reading took longer than the time limit")
	ErrInternal    = errors.New("internal error (a bug in budgetdoc: please report it)")
)

// Error is a failure to read one file. Its message names the file and the
// cause, e.g. "report.pdf: corrupt or truncated file: xref table not found".
type Error struct {
	Path   string
	Format Format // may be empty when sniffing failed
	Err    error
}

func (e *Error) Error() string {
	if e.Format != "" {
		return fmt.Sprintf("%s: %s: %v", ShowPath(e.Path), e.Format, e.Err)
	}
	return fmt.Sprintf("%s: %v", ShowPath(e.Path), e.Err)
}

// ShowPath returns a path as it can stand in a one-line message: quoted in
// Go syntax when it holds a control character (a newline in a file name
// would split the message) or bytes that are not UTF-8, as is otherwise.
func ShowPath(path string) string {
	for _, r := range path {
		if r == utf8.RuneError || unicode.IsControl(r) {
			return strconv.Quote(path)
		}
	}
	return path
}

func (e *Error) Unwrap() error { return e.Err }

// Limits bound the resources one document may use. Readers must enforce the
// ones that apply to them and fail with ErrTooLarge when one is exceeded.
type Limits struct {
	MaxPages int   // pages (PDF) or sheets (XLSX)
	MaxBytes int64 // decompressed size of any single part (zip entry, OLE stream)
	MaxCells int   // cells per XLSX sheet or table
	// MaxText bounds the text of the whole document (the bytes of every
	// line and cell). The stages after reading hold several copies of the
	// text with positions and tokens — about 60 times its size at peak — so
	// this, not the file size, is what keeps one document's memory bounded.
	MaxText int64
}

// DefaultLimits are generous for real budget disclosures (the largest seen
// have a few hundred pages) and small enough to stop decompression bombs.
var DefaultLimits = Limits{
	MaxPages: 5000,
	MaxBytes: 256 << 20,
	MaxCells: 1_000_000,
	// The largest real disclosure seen has 0.43 MB of text; 8 MiB of text
	// needs about 500 MB at peak.
	MaxText: 8 << 20,
}

// WithDefaults returns l with every unset (zero or negative) limit taken
// from DefaultLimits: a zero Limits means the defaults, never "no limit".
func (l Limits) WithDefaults() Limits {
	if l.MaxPages <= 0 {
		l.MaxPages = DefaultLimits.MaxPages
	}
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultLimits.MaxBytes
	}
	if l.MaxCells <= 0 {
		l.MaxCells = DefaultLimits.MaxCells
	}
	if l.MaxText <= 0 {
		l.MaxText = DefaultLimits.MaxText
	}
	return l
}

// TextLimitError is the error of a document whose text exceeds
// Limits.MaxText (limit).
func TextLimitError(limit int64) error {
	return fmt.Errorf("%w: the document has more than %s of text", ErrTooLarge, Size(limit))
}

// Size writes a byte count for a message: "8 MiB", "64 KiB", "100 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
