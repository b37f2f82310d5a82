// Package html reads budget disclosures published as web pages into an
// extract.Document: the visible text in blocks (paragraphs, headings,
// tables), each line located by the source line of the HTML file where its
// text starts, so that a finding points at the line a clerk would open.
//
// Server-side template syntax left in a page — JSP directives (<%@ … %>),
// scriptlets (<% … %>) and EL expressions (${…}) — is kept as text, because
// the draft checks look for it. Expressions inside attributes are not
// visible text; those in <meta name="keywords|description"> reach
// doc.Info, the others are dropped.
package html

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/plain"
)

// htmlTextFactor bounds an HTML page, as a multiple of Limits.MaxText:
// markup rarely takes more than seven bytes in eight of a page (the real
// pages seen are at most 0.4 MB).
const htmlTextFactor = 8

// CheckSize refuses an HTML page of n bytes far larger than any text it
// could hold within the limit: the parse tree takes about seven times the
// page, so such a page is refused unparsed. It lets a caller refuse the file
// before reading it.
func CheckSize(n int64, lim extract.Limits) error {
	if max := htmlTextFactor * lim.WithDefaults().MaxText; n > max {
		return fmt.Errorf("%w: the HTML page is more than %s", extract.ErrTooLarge, extract.Size(max))
	}
	return nil
}

// Read parses an HTML page into a one-page Document. Text is collapsed like a
// browser does; <br> breaks lines and two in a row end a paragraph; h1–h6
// become headings; data tables become TableBlocks with merged cells padded
// into a grid. The <title> is doc.Info["Title"].
func Read(ctx context.Context, data []byte, lim extract.Limits) (doc *extract.Document, err error) {
	defer extract.Recover(&doc, &err)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, extract.ErrEmpty
	}
	if lim.MaxBytes > 0 && int64(len(data)) > lim.MaxBytes {
		return nil, fmt.Errorf("%w: HTML is %d bytes, limit %d", extract.ErrTooLarge, len(data), lim.MaxBytes)
	}
	if err := CheckSize(int64(len(data)), lim); err != nil {
		return nil, err
	}
	src, enc, warnings, err := decode(data)
	if err != nil {
		return nil, err
	}
	root, err := parse(ctx, protectTemplates(src), lim)
	if err != nil {
		return nil, err
	}
	r := newRenderer(ctx, lim)
	pageInfo := info(root)
	r.scope = article(root, pageInfo["Title"])
	r.visitChildren(root)
	r.endBlock()
	if r.err != nil {
		return nil, r.err
	}
	doc = &extract.Document{
		Format:   extract.FormatHTML,
		Pages:    []extract.Page{{Number: 1, Blocks: r.blocks}},
		Info:     pageInfo,
		Warnings: warnings,
	}
	doc.Info["Encoding"] = enc
	if len(r.blocks) == 0 {
		doc.Warnings = append(doc.Warnings, "the page has no visible text")
	}
	return doc, nil
}

// protectTemplates escapes the '<' inside JSP/ASP blocks (<% … %>) so that a
// comparison like <% if (a<b) %> is not read as a tag and the whole block
// stays text. Line breaks are untouched, so line numbers still match.
func protectTemplates(s string) string {
	if !strings.Contains(s, "<%") {
		return s
	}
	var sb strings.Builder
	for {
		i := strings.Index(s, "<%")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+2:], "%>")
		if j < 0 {
			break
		}
		end := i + 2 + j + 2
		sb.WriteString(s[:i+1])
		sb.WriteString(strings.ReplaceAll(s[i+1:end], "<", "&lt;"))
		s = s[end:]
	}
	sb.WriteString(s)
	return sb.String()
}

// decode converts the page to UTF-8. A BOM wins, then a <meta> declaration
// (charset or http-equiv Content-Type), then detection as for plain text
// (UTF-8, else GB18030). A page declared as one encoding but plainly in
// another (UTF-8 declared, GBK bytes; or the reverse) is read in the one its
// bytes are, with a warning.
func decode(data []byte) (text, enc string, warnings []string, err error) {
	if hasBOM(data) {
		d, err := plain.Decode(data)
		if err != nil {
			return "", "", nil, err
		}
		return d.Text, d.Encoding, d.Warnings, nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", nil, fmt.Errorf("%w: binary data, not HTML (NUL byte)", extract.ErrUnsupported)
	}
	declared := declaredCharset(data)
	switch declared {
	case "", "utf-8", "utf-16le", "utf-16be":
		// UTF-16 without a BOM cannot be what a page whose meta tag we
		// just read in ASCII is in.
		d, err := plain.Decode(data)
		if err != nil {
			// Not text in any encoding we detect: read it as UTF-8
			// with replacements rather than lose the page.
			return strings.ToValidUTF8(string(data), "\uFFFD"), plain.EncUTF8,
				[]string{"unknown encoding, read as UTF-8"}, nil
		}
		if declared == "utf-8" && d.Encoding != plain.EncUTF8 {
			d.Warnings = append(d.Warnings, "declared UTF-8 but the bytes are "+d.Encoding)
		}
		return d.Text, d.Encoding, d.Warnings, nil
	}
	if utf8.Valid(data) && hasMultibyte(data) {
		return string(data), plain.EncUTF8, []string{"declared " + declared + " but the bytes are UTF-8"}, nil
	}
	if declared == "windows-1252" {
		// Servers stamp ISO-8859-1 on pages they know nothing about;
		// Chinese pages so labelled are really GBK.
		if d, err := plain.Decode(data); err == nil && d.Encoding == plain.EncGB18030 {
			return d.Text, d.Encoding, append(d.Warnings, "declared "+declared+" but the bytes are GB18030"), nil
		}
	}
	e, name := charset.Lookup(declared)
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", nil, fmt.Errorf("%w: decoding %s: %v", extract.ErrCorrupt, name, err)
	}
	return string(out), name, nil, nil
}

func hasBOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) ||
		bytes.HasPrefix(b, []byte{0xFE, 0xFF})
}

func hasMultibyte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// declaredCharset returns the canonical name of the encoding that the first
// <meta charset> or <meta http-equiv="Content-Type"> declares, or "". It
// looks further than the 1024 bytes of the HTML standard's prescan because
// JSP and ASP pages often start with long server-side preambles.
func declaredCharset(data []byte) string {
	const window = 64 << 10
	z := xhtml.NewTokenizer(bytes.NewReader(data[:min(len(data), window)]))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return ""
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
			default:
				continue
			}
			var cs, content string
			pragma := false
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "charset":
					cs = string(v)
				case "content":
					content = string(v)
				case "http-equiv":
					pragma = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
				}
			}
			if cs == "" && pragma {
				cs = charsetParam(content)
			}
			if cs == "" {
				continue
			}
			if _, name := charset.Lookup(strings.TrimSpace(cs)); name != "" {
				return name
			}
		}
	}
}

// charsetParam extracts the charset from "text/html; charset=gb2312".
func charsetParam(content string) string {
	i := strings.Index(strings.ToLower(content), "charset")
	if i < 0 {
		return ""
	}
	s := strings.TrimLeft(content[i+len("charset"):], " \t")
	if !strings.HasPrefix(s, "=") {
		return ""
	}
	s = strings.Trim(strings.TrimLeft(s[1:], " \t"), `"'`)
	if j := strings.IndexAny(s, "; \t\"'"); j >= 0 {
		s = s[:j]
	}
	return s
}

// metaInfo maps <meta name> values to Info keys.
var metaInfo = map[string]string{
	"keywords":    "Keywords",
	"description": "Description",
	"author":      "Author",
	"generator":   "Generator",
}

// info collects the <title> and descriptive <meta> tags.
func info(root *node) map[string]string {
	m := map[string]string{}
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		for _, c := range n.children {
			switch c.tag {
			case "title":
				if _, ok := m["Title"]; !ok {
					var sb strings.Builder
					for _, t := range c.children {
						for _, p := range t.pieces {
							sb.WriteString(p.text)
						}
					}
					if t := strings.Join(strings.Fields(strings.ReplaceAll(sb.String(), "\u00A0", " ")), " "); t != "" {
						m["Title"] = t
					}
				}
			case "meta":
				if key, ok := metaInfo[strings.ToLower(strings.TrimSpace(c.attr("name")))]; ok {
					if v := strings.TrimSpace(c.attr("content")); v != "" && m[key] == "" {
						m[key] = v
					}
				}
			case "svg", "math":
				// their <title> is a tooltip, not the page's
			default:
				walk(c, depth+1)
			}
		}
	}
	walk(root, 0)
	return m
}
