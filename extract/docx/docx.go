// Package docx reads Office Open XML word-processing documents (.docx, .docm,
// .dotx; transitional and strict namespaces) into an extract.Document.
//
// Every XML part is streamed through an encoding/xml token decoder straight
// out of the zip entry, never unmarshalled into a tree, and every entry's
// decompressed size is capped, so a hostile file cannot exhaust memory.
//
// Choices worth knowing:
//   - Headers and footers go to Document.Furniture, never into the body.
//   - Footnotes are placed at the end of the page that references them, and
//     endnotes at the end of the last page, as ordinary paragraph blocks whose
//     first block carries the note mark ("1", "i") in Block.Numbering. The
//     reference mark itself is not written into the body text, so that it
//     cannot glue onto an amount ("1234.56万元¹").
//   - Text boxes are read once (mc:Choice, never mc:Fallback) and emitted as
//     blocks after the paragraph that anchors them.
//   - Fields become extract.FieldSpan spans over their displayed result, split
//     per line when the result runs over line or paragraph ends; a field with
//     no result gets an empty span where it stands.
//   - Hidden text (w:vanish), deleted and moved-away revisions, and ruby text
//     are dropped; insertions and moved-to text are kept.
//   - Table cells have no blocks: their paragraphs become lines, list numbers
//     are written in front of the text, and a nested table becomes one line
//     per row with cells separated by tabs. A table row that holds a page
//     break starts a new table block on the next page.
//   - Pages split at explicit page breaks, page-starting section breaks and
//     Word's w:lastRenderedPageBreak; consecutive breaks with no text between
//     them make one break (blank pages are not kept).
package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/budgetdoc/budgetdoc/extract"
)

// Read parses a DOCX file held in data. It never panics and never touches
// the file system; errors wrap the sentinels of package extract.
func Read(ctx context.Context, data []byte, lim extract.Limits) (doc *extract.Document, err error) {
	defer extract.Recover(&doc, &err)
	if len(data) == 0 {
		return nil, fmt.Errorf("%w: no bytes", extract.ErrEmpty)
	}
	lim = lim.WithDefaults()
	pkg, err := openPackage(ctx, data, lim)
	if err != nil {
		return nil, err
	}
	return pkg.read()
}

// totalBudgetFactor bounds the decompressed bytes of all parts together, as a
// multiple of Limits.MaxBytes, so that many medium entries cannot add up to a
// bomb either.
const totalBudgetFactor = 4

// pkg is an opened OPC package (the zip container of a DOCX).
type pkg struct {
	ctx    context.Context
	lim    extract.Limits
	files  map[string]*zip.File // by lower-cased part name without leading "/"
	budget int64                // decompressed bytes still allowed in total
	main   string               // part name of the main document
	warn   []string
}

func openPackage(ctx context.Context, data []byte, lim extract.Limits) (*pkg, error) {
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil, fmt.Errorf("%w: not a zip archive, so not a DOCX", extract.ErrUnsupported)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, fmt.Errorf("%w: zip: %v", extract.ErrCorrupt, err)
	}
	p := &pkg{ctx: ctx, lim: lim, files: make(map[string]*zip.File, len(zr.File)),
		budget: totalBudgetFactor * lim.MaxBytes}
	for _, f := range zr.File {
		name := partKey(f.Name)
		if _, dup := p.files[name]; !dup {
			p.files[name] = f
		}
	}
	if p.files["[content_types].xml"] == nil {
		return nil, fmt.Errorf("%w: zip has no [Content_Types].xml, so it is not an Office document", extract.ErrUnsupported)
	}
	p.main = p.findMain()
	if p.main == "" {
		return nil, fmt.Errorf("%w: zip has no word/document.xml, so it is not a DOCX", extract.ErrUnsupported)
	}
	return p, nil
}

// partKey normalises a zip entry or relationship target to the map key:
// OPC part names are case-insensitive, and some writers use backslashes.
func partKey(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	return strings.ToLower(strings.TrimPrefix(name, "/"))
}

// findMain locates the main document part: the officeDocument relationship of
// the package when it points at a word-processing part, else the
// conventional word/document.xml.
func (p *pkg) findMain() string {
	for _, r := range p.rels("_rels/.rels", "") {
		if strings.HasSuffix(r.typ, "/officeDocument") && p.files[r.target] != nil && isWordContentType(p.contentType(r.target)) {
			return r.target
		}
	}
	if p.files["word/document.xml"] != nil {
		return "word/document.xml"
	}
	return ""
}

// isWordContentType accepts the main-part types of .docx, .dotx (wordprocessingml
// document/template) and of the macro-enabled .docm, .dotm (ms-word).
func isWordContentType(ct string) bool {
	ct = strings.ToLower(ct)
	return strings.Contains(ct, "wordprocessingml") || strings.Contains(ct, "ms-word.document") || strings.Contains(ct, "ms-word.template")
}

// contentType returns the declared content type of a part ("" if unknown).
func (p *pkg) contentType(part string) string {
	var ct string
	_ = p.walkPart("[Content_Types].xml", func(x *parser) error {
		return x.root(func(se xmlStart) error {
			if se.Name.Local == "Override" && partKey(attr(se, "PartName")) == part {
				ct = attr(se, "ContentType")
			}
			return x.skip()
		})
	})
	return ct
}

type rel struct{ typ, target string }

// rels reads a relationships part; targets are resolved against base (the
// directory of the source part) into part keys. External targets are left out.
func (p *pkg) rels(relsPart, base string) []rel {
	var out []rel
	_ = p.walkPart(relsPart, func(x *parser) error {
		return x.root(func(se xmlStart) error {
			if se.Name.Local == "Relationship" && attr(se, "TargetMode") != "External" {
				t := attr(se, "Target")
				if strings.HasPrefix(t, "/") {
					t = partKey(t)
				} else {
					t = partKey(path.Join(base, t))
				}
				out = append(out, rel{typ: attr(se, "Type"), target: t})
			}
			return x.skip()
		})
	})
	return out
}

// open returns a reader over the decompressed bytes of a part, capped at
// Limits.MaxBytes and at the package's total budget. The cap is enforced on
// the bytes actually inflated, whatever size the zip directory declares.
func (p *pkg) open(name string) (io.ReadCloser, error) {
	f := p.files[partKey(name)]
	if f == nil {
		return nil, errNoPart
	}
	if f.UncompressedSize64 > uint64(p.lim.MaxBytes) {
		return nil, fmt.Errorf("%w: %s declares %d decompressed bytes, limit %d", extract.ErrTooLarge, name, f.UncompressedSize64, p.lim.MaxBytes)
	}
	raw, err := f.OpenRaw()
	if err != nil {
		return nil, fmt.Errorf("%w: zip entry %s: %v", extract.ErrCorrupt, name, err)
	}
	var rc io.ReadCloser
	switch f.Method {
	case zip.Store:
		rc = io.NopCloser(raw)
	case zip.Deflate:
		rc = flate.NewReader(raw)
	default:
		return nil, fmt.Errorf("%w: zip entry %s uses compression method %d", extract.ErrUnsupported, name, f.Method)
	}
	max := min(p.lim.MaxBytes, p.budget)
	return &cappedReader{rc: rc, r: io.LimitReader(rc, max+1), max: max, pkg: p, part: name, crc: crc32.NewIEEE(), want: f.CRC32}, nil
}

var errNoPart = errors.New("part not found")

type cappedReader struct {
	rc   io.ReadCloser
	r    io.Reader
	n    int64
	max  int64
	pkg  *pkg
	part string
	crc  interface {
		io.Writer
		Sum32() uint32
	}
	want uint32
}

func (c *cappedReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	c.pkg.budget -= int64(n)
	if c.n > c.max {
		return 0, fmt.Errorf("%w: %s decompresses to more than %d bytes", extract.ErrTooLarge, c.part, c.max)
	}
	c.crc.Write(b[:n])
	if err == io.EOF && c.want != 0 && c.crc.Sum32() != c.want {
		return n, fmt.Errorf("%w: zip entry %s: checksum mismatch", extract.ErrCorrupt, c.part)
	}
	if err != nil && err != io.EOF {
		return n, fmt.Errorf("%w: zip entry %s: %v", extract.ErrCorrupt, c.part, err)
	}
	return n, err
}

func (c *cappedReader) Close() error { return c.rc.Close() }

// walkPart streams one part through fn. A missing part is errNoPart.
func (p *pkg) walkPart(name string, fn func(*parser) error) error {
	rc, err := p.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	x := newParser(p.ctx, rc, name, p.lim)
	if err := fn(x); err != nil {
		return x.classify(err)
	}
	// Read to the end so that the checksum is verified even when the XML
	// walk stopped at the root's end tag.
	_, err = io.Copy(io.Discard, rc)
	return x.classify(err)
}

// read parses the whole package.
func (p *pkg) read() (*extract.Document, error) {
	doc := &extract.Document{Format: extract.FormatDOCX}
	base := path.Dir(p.main)
	relsPart := path.Join(base, "_rels", path.Base(p.main)+".rels")
	byType := map[string][]string{}
	for _, r := range p.rels(relsPart, base) {
		if i := strings.LastIndexByte(r.typ, '/'); i >= 0 && p.files[r.target] != nil {
			t := r.typ[i+1:]
			byType[t] = append(byType[t], r.target)
		}
	}
	// Fall back to conventional names when the relationships are missing.
	conventional := func(typ, name string) {
		if len(byType[typ]) == 0 && p.files[name] != nil {
			byType[typ] = []string{name}
		}
	}
	conventional("styles", "word/styles.xml")
	conventional("numbering", "word/numbering.xml")
	conventional("footnotes", "word/footnotes.xml")
	conventional("endnotes", "word/endnotes.xml")
	for _, typ := range []string{"header", "footer"} {
		if len(byType[typ]) == 0 {
			for name := range p.files {
				if strings.HasPrefix(name, "word/"+typ) && strings.HasSuffix(name, ".xml") && !strings.Contains(name[5:], "/") {
					byType[typ] = append(byType[typ], name)
				}
			}
		}
		sortNatural(byType[typ])
	}

	d := &defs{styles: newStyleSheet(), numbering: newNumbering()}
	if parts := byType["styles"]; len(parts) > 0 {
		if err := p.walkPart(parts[0], func(x *parser) error { return parseStyles(x, d.styles) }); err != nil {
			if fatal(err) {
				return nil, err
			}
			p.warn = append(p.warn, "styles not read: "+err.Error())
		}
	}
	if parts := byType["numbering"]; len(parts) > 0 {
		if err := p.walkPart(parts[0], func(x *parser) error { return parseNumbering(x, d.numbering) }); err != nil {
			if fatal(err) {
				return nil, err
			}
			p.warn = append(p.warn, "numbering not read: "+err.Error())
		}
	}

	var body []item
	var sections []string
	err := p.walkPart(p.main, func(x *parser) error {
		x.defs = d
		st := &story{kind: bodyStory, num: newCounters()}
		err := x.root(func(se xmlStart) error { return x.blockElem(st, se, &body) })
		sections = x.sections
		p.warn = append(p.warn, x.warn...)
		return err
	})
	if err != nil {
		return nil, err
	}

	notes := &noteStore{}
	for _, kind := range []string{"footnotes", "endnotes"} {
		parts := byType[kind]
		if len(parts) == 0 {
			continue
		}
		err := p.walkPart(parts[0], func(x *parser) error {
			x.defs = d
			return parseNotes(x, notes, kind == "endnotes")
		})
		if err != nil {
			if fatal(err) {
				return nil, err
			}
			p.warn = append(p.warn, kind+" not read: "+err.Error())
		}
	}

	pages, err := buildPages(body, sections, notes, p.lim.MaxPages)
	if err != nil {
		return nil, err
	}
	doc.Pages = pages

	for _, typ := range []string{"header", "footer"} {
		for _, part := range byType[typ] {
			var items []item
			err := p.walkPart(part, func(x *parser) error {
				x.defs = d
				st := &story{kind: furnitureStory, num: newCounters()}
				return x.root(func(se xmlStart) error { return x.blockElem(st, se, &items) })
			})
			if err != nil {
				if fatal(err) {
					return nil, err
				}
				p.warn = append(p.warn, part+" not read: "+err.Error())
				continue
			}
			for _, it := range items {
				if it.kind == blockItem {
					doc.Furniture = append(doc.Furniture, it.block)
				}
			}
		}
	}

	doc.Info = p.info()
	doc.Warnings = p.warn
	doc.Number()
	return doc, nil
}

// fatal reports errors that must abort reading rather than degrade it: safety
// limits and cancellation. A malformed secondary part only costs a warning.
func fatal(err error) bool {
	return errors.Is(err, extract.ErrTooLarge) || errors.Is(err, extract.ErrTimeout)
}

// info reads the core and extended properties into Document.Info keys.
func (p *pkg) info() map[string]string {
	info := map[string]string{}
	core, app := "docprops/core.xml", "docprops/app.xml"
	for _, r := range p.rels("_rels/.rels", "") {
		switch {
		case strings.HasSuffix(r.typ, "/core-properties"):
			core = r.target
		case strings.HasSuffix(r.typ, "/extended-properties"):
			app = r.target
		}
	}
	keys := map[string]string{
		"title": "Title", "subject": "Subject", "creator": "Author", "lastModifiedBy": "LastModifiedBy",
		"created": "Created", "modified": "Modified", "Application": "Application", "Company": "Company",
	}
	for _, part := range []string{core, app} {
		_ = p.walkPart(part, func(x *parser) error {
			return x.root(func(se xmlStart) error {
				key, ok := keys[se.Name.Local]
				if !ok {
					return x.skip()
				}
				s, err := x.text()
				if s = strings.TrimSpace(s); s != "" {
					info[key] = s
				}
				return err
			})
		})
	}
	if len(info) == 0 {
		return nil
	}
	return info
}

// sortNatural orders part names so that header2 comes before header10.
func sortNatural(names []string) {
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		if len(a) != len(b) {
			return len(a) < len(b)
		}
		return a < b
	})
}
