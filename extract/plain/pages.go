package plain

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/budgetdoc/budgetdoc/extract"
)

// pageEntry is one element of a pages JSON list. Pointers tell a missing key
// from a zero value.
type pageEntry struct {
	Page *int    `json:"page"`
	Text *string `json:"text"`
}

// LooksLikePagesJSON is a cheap sniff for a pages JSON list: after an
// optional BOM and whitespace the data starts with '[' and a "page" key
// appears early. ReadPagesJSON does the real decoding.
func LooksLikePagesJSON(data []byte) bool {
	data = bytes.TrimPrefix(data, utf8BOM)
	data = bytes.TrimLeft(data, " \t\r\n")
	if len(data) == 0 || data[0] != '[' {
		return false
	}
	rest := bytes.TrimLeft(data[1:], " \t\r\n")
	if len(rest) == 0 || rest[0] != '{' {
		return false
	}
	head := rest[:min(len(rest), 512)]
	return bytes.Contains(head, []byte(`"page"`))
}

// CheckPagesJSONSize refuses a page-text JSON of n bytes that could not
// be within the text limit: a JSON escape (\u0041) is at most six bytes for
// one of text. It lets a caller refuse the file before reading it.
func CheckPagesJSONSize(n int64, lim extract.Limits) error {
	lim = lim.WithDefaults()
	if n > 6*lim.MaxText {
		return extract.TextLimitError(lim.MaxText)
	}
	return nil
}

// ReadPagesJSON reads a JSON list of {"page": N, "text": "..."} — page texts
// extracted elsewhere — into a Document with one page per entry, numbered as
// the entry says. Lines are split at "\n" and numbered within their page;
// consecutive non-blank lines form a paragraph.
func ReadPagesJSON(ctx context.Context, data []byte, lim extract.Limits) (doc *extract.Document, err error) {
	defer extract.Recover(&doc, &err)
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, extract.ErrEmpty
	}
	if lim.MaxBytes > 0 && int64(len(data)) > lim.MaxBytes {
		return nil, fmt.Errorf("%w: pages JSON is %d bytes, limit %d", extract.ErrTooLarge, len(data), lim.MaxBytes)
	}
	if err := CheckPagesJSONSize(int64(len(data)), lim); err != nil {
		return nil, err
	}
	lim = lim.WithDefaults()
	var text int64 // decoded so far
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, fmt.Errorf("%w: pages JSON must be a list of {page, text}", extract.ErrCorrupt)
	}
	doc = &extract.Document{Format: extract.FormatPagesJSON}
	seen := make(map[int]bool)
	for dec.More() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if lim.MaxPages > 0 && len(doc.Pages) >= lim.MaxPages {
			return nil, fmt.Errorf("%w: more than %d pages", extract.ErrTooLarge, lim.MaxPages)
		}
		var e pageEntry
		if err := dec.Decode(&e); err != nil {
			return nil, fmt.Errorf("%w: pages JSON entry %d: %v", extract.ErrCorrupt, len(doc.Pages)+1, jsonCause(err))
		}
		if e.Page == nil {
			return nil, fmt.Errorf("%w: pages JSON entry %d has no \"page\" number", extract.ErrCorrupt, len(doc.Pages)+1)
		}
		n := *e.Page
		if n < 1 {
			return nil, fmt.Errorf("%w: pages JSON entry %d has page number %d", extract.ErrCorrupt, len(doc.Pages)+1, n)
		}
		if seen[n] {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d appears more than once", n))
		}
		seen[n] = true
		var page string
		if e.Text != nil {
			page = *e.Text
		}
		if text += int64(len(page)); text > lim.MaxText {
			return nil, extract.TextLimitError(lim.MaxText)
		}
		blocks, err := paragraphs(ctx, splitLines(page), n, 1)
		if err != nil {
			return nil, err
		}
		doc.Pages = append(doc.Pages, extract.Page{Number: n, Blocks: blocks})
	}
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("%w: pages JSON: %v", extract.ErrCorrupt, jsonCause(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: pages JSON: data after the closing ']'", extract.ErrCorrupt)
	}
	if len(doc.Pages) == 0 {
		return nil, fmt.Errorf("%w: pages JSON list has no pages", extract.ErrEmpty)
	}
	return doc, nil
}

// jsonCause words a decoding error for a reader of the message.
func jsonCause(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("unexpected end of data (truncated?)")
	}
	return err
}
