package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

const nsDecl = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`

const packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`

// docXML wraps body content in a w:document.
func docXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + nsDecl + `><w:body>` + body + `</w:body></w:document>`
}

// partXML wraps content in a root element (w:hdr, w:styles …) with the namespaces.
func partXML(root, content string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:` + root + ` ` + nsDecl + `>` + content + `</w:` + root + `>`
}

// zipParts builds a zip from name → content, in name order.
func zipParts(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	return zipPartsMethod(t, parts, zip.Deflate)
}

func zipPartsMethod(t testing.TB, parts map[string]string, method uint16) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// makeDocx builds a minimal DOCX with the given body and extra parts
// (relationships for headers etc. are not needed: the reader falls back to
// conventional part names).
func makeDocx(t testing.TB, body string, extra map[string]string) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": contentTypes,
		"_rels/.rels":         packageRels,
		"word/document.xml":   docXML(body),
	}
	for k, v := range extra {
		parts[k] = v
	}
	return zipParts(t, parts)
}

func read(t testing.TB, data []byte) *extract.Document {
	t.Helper()
	doc, err := Read(context.Background(), data, extract.DefaultLimits)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return doc
}

// dump renders a document compactly for exact comparisons:
//
//	== page 1
//	P Normal #一、
//	  | text  [3:9 MERGEFIELD x]
//	T 2x3
//	  | a | b{c2} | ^
func dump(doc *extract.Document) string {
	var b strings.Builder
	for _, pg := range doc.Pages {
		fmt.Fprintf(&b, "== page %d\n", pg.Number)
		dumpBlocks(&b, pg.Blocks)
	}
	if len(doc.Furniture) > 0 {
		b.WriteString("== furniture\n")
		dumpBlocks(&b, doc.Furniture)
	}
	return b.String()
}

func dumpBlocks(b *strings.Builder, blocks []extract.Block) {
	for _, blk := range blocks {
		switch blk.Kind {
		case extract.TableBlock:
			fmt.Fprintf(b, "T %dx%d\n", len(blk.Table.Rows), len(blk.Table.Rows[0]))
			for _, row := range blk.Table.Rows {
				var cells []string
				for _, c := range row {
					if c.Covered {
						cells = append(cells, "^")
						continue
					}
					s := dumpLines(c.Lines, " / ")
					if c.RowSpan > 1 {
						s += fmt.Sprintf("{r%d}", c.RowSpan)
					}
					if c.ColSpan > 1 {
						s += fmt.Sprintf("{c%d}", c.ColSpan)
					}
					cells = append(cells, s)
				}
				fmt.Fprintf(b, "  | %s\n", strings.Join(cells, " | "))
			}
		default:
			kind := "P"
			if blk.Kind == extract.Heading {
				kind = fmt.Sprintf("H%d", blk.Level)
			}
			fmt.Fprintf(b, "%s %s", kind, blk.Style)
			if blk.Numbering != "" {
				fmt.Fprintf(b, " #%s", blk.Numbering)
			}
			b.WriteString("\n")
			for _, l := range blk.Lines {
				fmt.Fprintf(b, "  | %s\n", dumpLines([]extract.Line{l}, ""))
			}
		}
	}
}

func dumpLines(ls []extract.Line, sep string) string {
	var parts []string
	for _, l := range ls {
		s := strings.ReplaceAll(l.Text, "\t", "→")
		for _, sp := range l.Spans {
			s += fmt.Sprintf(" [%d:%d %s]", sp.Start, sp.End, sp.Instr)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, sep)
}

// Run-level shorthands for building bodies.
func r(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func p(runs ...string) string {
	return `<w:p>` + strings.Join(runs, "") + `</w:p>`
}
func fld(typ string) string { return `<w:r><w:fldChar w:fldCharType="` + typ + `"/></w:r>` }
func instr(s string) string {
	return `<w:r><w:instrText xml:space="preserve">` + s + `</w:instrText></w:r>`
}
