// Package read opens a document of any supported format: it sniffs the
// format from the bytes, dispatches to the reader for that format, and
// guards the call — a time limit, size limits and recovery from a reader's
// panic — so that one bad file yields one clear error naming the file and
// never takes the process down. A panic is ErrCorrupt only when the reader
// aborted on malformed input (extract.Abort); any other is a bug of ours,
// ErrInternal with its stack (extract.InternalError).
package read

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/docx"
	"github.com/budgetdoc/budgetdoc/extract/html"
	"github.com/budgetdoc/budgetdoc/extract/msdoc"
	"github.com/budgetdoc/budgetdoc/extract/pdf"
	"github.com/budgetdoc/budgetdoc/extract/plain"
	"github.com/budgetdoc/budgetdoc/extract/sniff"
	"github.com/budgetdoc/budgetdoc/extract/xls"
	"github.com/budgetdoc/budgetdoc/extract/xlsx"
)

// DefaultTimeout bounds the time spent reading one document.
const DefaultTimeout = 60 * time.Second

// Options control reading. The zero value means defaults.
type Options struct {
	Limits  extract.Limits // zero fields take extract.DefaultLimits
	Timeout time.Duration  // 0 means DefaultTimeout; negative means none
}

// Source describes the file a Document was read from.
type Source struct {
	Path   string
	Format extract.Format
	SHA256 string
	Bytes  int64
}

type readerFunc func(context.Context, []byte, extract.Limits) (*extract.Document, error)

var readers = map[extract.Format]readerFunc{
	extract.FormatPDF:       pdf.Read,
	extract.FormatDOCX:      docx.Read,
	extract.FormatDOC:       msdoc.Read,
	extract.FormatText:      plain.Read,
	extract.FormatPagesJSON: plain.ReadPagesJSON,
	extract.FormatHTML:      html.Read,
	extract.FormatXLSX:      xlsx.Read,
	extract.FormatXLS:       xls.Read,
}

// File reads the document at path. Errors are *extract.Error values that
// name the file.
func File(ctx context.Context, path string, opt Options) (*extract.Document, Source, error) {
	data, err := ReadRegular(path, opt.limits())
	if err != nil {
		return nil, Source{Path: path}, err
	}
	return Bytes(ctx, path, data, opt)
}

// Bytes reads a document held in memory; path is only used in messages and
// in the returned Source.
func Bytes(ctx context.Context, path string, data []byte, opt Options) (*extract.Document, Source, error) {
	sum := sha256.Sum256(data)
	src := Source{Path: path, SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(data))}
	format, err := sniff.Format(data)
	if err != nil {
		return nil, src, &extract.Error{Path: path, Err: err}
	}
	src.Format = format
	doc, err := guarded(ctx, readers[format], data, opt)
	if err != nil {
		return nil, src, &extract.Error{Path: path, Format: format, Err: err}
	}
	doc.Format = format
	return doc, src, nil
}

func (o Options) limits() extract.Limits { return o.Limits.WithDefaults() }

// guarded runs a reader under the time limit and turns a panic into an
// error. A reader that ignores its context past the deadline is abandoned:
// the caller gets ErrTimeout and the goroutine finishes (or not) on its own.
func guarded(ctx context.Context, fn readerFunc, data []byte, opt Options) (*extract.Document, error) {
	timeout := opt.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	type result struct {
		doc *extract.Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: extract.FromPanic(p)} // readers recover their own; this is a backstop
			}
		}()
		lim := opt.limits()
		doc, err := fn(ctx, data, lim)
		if err == nil && doc == nil {
			err = fmt.Errorf("%w: reader returned no document", extract.ErrCorrupt)
		}
		// The readers of the bulkiest formats stop as soon as the text is
		// over the limit; this holds it for every format.
		if err == nil {
			if n := doc.TextBytes(); n > lim.MaxText {
				doc, err = nil, extract.TextLimitError(lim.MaxText)
			}
		}
		done <- result{doc, err}
	}()
	select {
	case r := <-done:
		if r.err != nil && ctx.Err() != nil && errors.Is(r.err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("%w (%v)", extract.ErrTimeout, timeout)
		}
		return r.doc, r.err
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("%w (%v)", extract.ErrTimeout, timeout)
		}
		return nil, ctx.Err()
	}
}
