// Package plain reads plain-text budget documents — UTF-8, UTF-16 with a BOM,
// or GB18030/GBK as many Chinese government sites still publish them — and
// lists of pre-extracted page texts ("pages JSON"), into an extract.Document.
//
// Plain text has no pages: the whole file is one page and every line keeps
// its physical line number, so that a finding can point at the line a clerk
// would open in an editor.
package plain

import (
	"context"
	"fmt"
	"strings"

	"github.com/budgetdoc/budgetdoc/extract"
)

// CheckSize refuses a text file of n bytes that could not be within the
// text limit whatever its encoding: none shrinks text by more than half
// (ASCII in UTF-16). It lets a caller refuse the file before reading it.
func CheckSize(n int64, lim extract.Limits) error {
	lim = lim.WithDefaults()
	if n > 2*lim.MaxText+4 {
		return extract.TextLimitError(lim.MaxText)
	}
	return nil
}

// Read decodes data as text and returns a one-page Document whose lines carry
// their physical line numbers. Consecutive non-blank lines form a paragraph;
// blank lines separate paragraphs and are not emitted.
func Read(ctx context.Context, data []byte, lim extract.Limits) (doc *extract.Document, err error) {
	defer extract.Recover(&doc, &err)
	if len(data) == 0 {
		return nil, extract.ErrEmpty
	}
	if lim.MaxBytes > 0 && int64(len(data)) > lim.MaxBytes {
		return nil, fmt.Errorf("%w: text is %d bytes, limit %d", extract.ErrTooLarge, len(data), lim.MaxBytes)
	}
	if err := CheckSize(int64(len(data)), lim); err != nil {
		return nil, err
	}
	lim = lim.WithDefaults()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	dec, err := Decode(data)
	if err != nil {
		return nil, err
	}
	if n := int64(len(dec.Text)); n > lim.MaxText {
		return nil, extract.TextLimitError(lim.MaxText)
	}
	if strings.TrimFunc(dec.Text, isBlankRune) == "" {
		return nil, fmt.Errorf("%w: only whitespace", extract.ErrEmpty)
	}
	doc = &extract.Document{
		Format:   extract.FormatText,
		Info:     map[string]string{"Encoding": dec.Encoding},
		Warnings: dec.Warnings,
	}
	blocks, err := paragraphs(ctx, splitLines(dec.Text), 1, 1)
	if err != nil {
		return nil, err
	}
	doc.Pages = []extract.Page{{Number: 1, Blocks: blocks}}
	return doc, nil
}

// splitLines splits text at "\r\n", "\r" and "\n". A final line terminator
// does not start another line.
func splitLines(s string) []string {
	lines := make([]string, 0, strings.Count(s, "\n")+1)
	for len(s) > 0 {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i])
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		s = s[i+1:]
	}
	return lines
}

// paragraphs groups lines into paragraph blocks. lines[i] gets line number
// firstLine+i on the given page; blank lines only separate blocks.
func paragraphs(ctx context.Context, lines []string, page, firstLine int) ([]extract.Block, error) {
	var (
		blocks []extract.Block
		cur    []extract.Line
	)
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, extract.Block{Kind: extract.Paragraph, Lines: cur})
			cur = nil
		}
	}
	for i, l := range lines {
		if i&0xfff == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		// A form feed is pdftotext's page separator: invisible, so dropped.
		l = strings.ReplaceAll(l, "\f", "")
		if strings.TrimFunc(l, isBlankRune) == "" {
			flush()
			continue
		}
		cur = append(cur, extract.Line{Text: l, Loc: extract.Loc{Page: page, Line: firstLine + i}})
	}
	flush()
	return blocks, nil
}

// isBlankRune reports whether r is invisible on its own: spaces of every
// width (including the ideographic space U+3000 used for indents), control
// characters and zero-width format characters.
func isBlankRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0x85, 0xA0, 0x3000, 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}
