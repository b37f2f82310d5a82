// Package hostile writes the hostile inputs of the reliability suite: files
// made to find a stage that is not linear in its input, a reader whose
// memory is not bounded by the documented limits, or a structure that loops.
// They are generated at any size (small in `make test`, the sizes of issue 18
// in `make bench-hostile`) instead of being committed, and every generator
// streams to a writer so that making a 240 MB part costs no memory.
package hostile

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Sentence is one clause-rich budget sentence, the unit the text inputs
// repeat: amounts, a change, a percentage and a reason, so that every fact
// rule has work to do on every repetition.
const Sentence = "本部门收入预算总额1234.56万元，比上年增加200万元，增长13.9%，主要原因是人员增加；" +
	"其中：一般公共预算拨款收入1000.00万元，2023年预算执行数为980.00万元，2024年预算安排1020.00万元；"

// repeat writes whole copies of unit, then a prefix of it cut at a rune
// boundary, n bytes in all.
func repeat(w io.Writer, unit string, n int64) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	for n >= int64(len(unit)) {
		if _, err := bw.WriteString(unit); err != nil {
			return err
		}
		n -= int64(len(unit))
	}
	cut := int(n)
	for cut > 0 && cut < len(unit) && unit[cut]&0xC0 == 0x80 {
		cut--
	}
	if _, err := bw.WriteString(unit[:cut]); err != nil {
		return err
	}
	return bw.Flush()
}

// LongLine writes one line of n bytes (no line break): facts, outline and
// checks must stay linear in a line's length.
func LongLine(w io.Writer, n int64) error { return repeat(w, Sentence, n) }

// Text writes n bytes of ordinary lines: the size limits of plain text.
func Text(w io.Writer, n int64) error { return repeat(w, Sentence+"\n", n) }

// PagesJSON writes a page-text JSON list holding one page whose text is
// about n bytes of lines.
func PagesJSON(w io.Writer, n int64) error {
	if _, err := io.WriteString(w, `[{"page": 1, "text": "`); err != nil {
		return err
	}
	if err := repeat(w, Sentence+`\n`, n); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\"}]\n")
	return err
}

// DOCX writes a small DOCX whose word/document.xml inflates to about n
// bytes of paragraphs.
func DOCX(w io.Writer, n int64) error {
	z := zip.NewWriter(w)
	parts := []part{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
	}
	if err := writeParts(z, parts); err != nil {
		return err
	}
	f, err := z.Create("word/document.xml")
	if err != nil {
		return err
	}
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	if _, err := io.WriteString(f, `<?xml version="1.0" encoding="UTF-8"?><w:document `+ns+`><w:body>`); err != nil {
		return err
	}
	if err := repeat(f, "<w:p><w:r><w:t>"+Sentence+"</w:t></w:r></w:p>", n); err != nil {
		return err
	}
	if _, err := io.WriteString(f, `</w:body></w:document>`); err != nil {
		return err
	}
	return z.Close()
}

// XLSX writes a small workbook of one sheet whose xl/sharedStrings.xml
// inflates to about n bytes; the sheet's cells use the strings.
func XLSX(w io.Writer, n int64) error {
	z := zip.NewWriter(w)
	const main = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	const rel = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	const pkgRel = `http://schemas.openxmlformats.org/package/2006/relationships`
	item := "<si><t>" + Sentence + "</t></si>"
	count := max(1, n/int64(len(item)))
	cells := min(count, 1000) // rows that use a string each
	var sheet strings.Builder
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="` + main + `"><sheetData>`)
	for i := range cells {
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d" t="s"><v>%d</v></c></row>`, i+1, i+1, i)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	parts := []part{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="` + pkgRel + `">` +
			`<Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="` + main + `" xmlns:r="` + rel + `">` +
			`<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="` + pkgRel + `">` +
			`<Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="` + rel + `/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet.String()},
	}
	if err := writeParts(z, parts); err != nil {
		return err
	}
	f, err := z.Create("xl/sharedStrings.xml")
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(f, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="%d" uniqueCount="%d">`, main, count, count); err != nil {
		return err
	}
	if err := repeat(f, item, count*int64(len(item))); err != nil {
		return err
	}
	if _, err := io.WriteString(f, `</sst>`); err != nil {
		return err
	}
	return z.Close()
}

// part is a small zip entry written whole.
type part struct{ name, body string }

func writeParts(z *zip.Writer, parts []part) error {
	for _, p := range parts {
		f, err := z.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return err
		}
	}
	return nil
}

// HTML writes an HTML page of about n bytes: paragraphs in a table cell
// each, the shape of the JSP pages that publish budget tables.
func HTML(w io.Writer, n int64) error {
	if _, err := io.WriteString(w, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>预算</title></head><body><table>"); err != nil {
		return err
	}
	if err := repeat(w, "<tr><td><p>"+Sentence+"</p></td></tr>\n", n); err != nil {
		return err
	}
	_, err := io.WriteString(w, "</table></body></html>\n")
	return err
}

// WriteFile writes the file at path with gen.
func WriteFile(path string, gen func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := gen(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
