package docx

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

// fuzzLimits keep a single fuzz input cheap.
var fuzzLimits = extract.Limits{MaxBytes: 4 << 20, MaxPages: 1000, MaxCells: 100000}

// checkDoc fails on a recovered panic or on a document that breaks the
// model's invariants: spans inside their line, tables rectangular.
func checkDoc(t *testing.T, doc *extract.Document, err error) {
	t.Helper()
	if err != nil {
		if stack := extract.StackOf(err); stack != nil {
			t.Fatalf("%v\n%s", err, stack)
		}
		return
	}
	check := func(ls []extract.Line) {
		for _, l := range ls {
			for _, s := range l.Spans {
				if s.Start < 0 || s.Start > s.End || s.End > len(l.Text) {
					t.Fatalf("span %+v outside line %q", s, l.Text)
				}
			}
		}
	}
	for _, pg := range append([]extract.Page{{Blocks: doc.Furniture}}, doc.Pages...) {
		for _, b := range pg.Blocks {
			check(b.Lines)
			if b.Table != nil {
				for _, row := range b.Table.Rows {
					if len(row) != len(b.Table.Rows[0]) {
						t.Fatalf("ragged table")
					}
					for _, c := range row {
						check(c.Lines)
					}
				}
			}
		}
	}
}

func seedFixtures(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.docx")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
}

// FuzzRead feeds whole files: zip structure, part lookup, limits.
func FuzzRead(f *testing.F) {
	seedFixtures(f)
	f.Add(makeDocx(f, p(r("正文")), nil))
	f.Add(storedDocxF(f, docXML(p(r("收入"), fld("begin"), instr("MERGEFIELD a"), fld("separate"), r("x"), fld("end")))))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(context.Background(), data, fuzzLimits)
		checkDoc(t, doc, err)
	})
}

// FuzzBody feeds document.xml content, where byte mutations reach the XML
// walkers (mutating a deflated zip rarely gets past the checksum).
func FuzzBody(f *testing.F) {
	for _, body := range []string{
		p(r("单位："), `<w:fldSimple w:instr=" MERGEFIELD 单位名称 "><w:r><w:t>«单位名称»</w:t></w:r></w:fldSimple>`),
		p(fld("begin"), instr("TOC"), fld("separate"), `<w:hyperlink>`, r("一"), fld("begin"), instr("PAGEREF x"), fld("separate"), r("3"), fld("end"), `</w:hyperlink>`) + p(r("二"), fld("end")),
		`<w:tbl><w:tr>` + tc(`<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>`, "a") + `</w:tr><w:tr>` + tc(`<w:gridSpan w:val="2"/><w:vMerge/>`, "") + tc(``, "b") + `</w:tr></w:tbl>`,
		p(r("a"), `<w:r><mc:AlternateContent><mc:Choice><w:txbxContent>`+p(r("框"))+`</w:txbxContent></mc:Choice><mc:Fallback>x</mc:Fallback></mc:AlternateContent></w:r>`),
		p(`<w:r><w:br w:type="page"/><w:lastRenderedPageBreak/><w:t>b</w:t><w:tab/><w:sym w:font="Symbol" w:char="F0B3"/></w:r>`),
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:sectPr/></w:pPr>` + r("x") + `</w:p>`,
	} {
		f.Add(body)
	}
	numberingPart := partXML("numbering", numberingXML)
	stylesPart := partXML("styles", stylesXML)
	f.Fuzz(func(t *testing.T, body string) {
		data := zipPartsMethod(t, map[string]string{"[Content_Types].xml": contentTypes, "_rels/.rels": packageRels,
			"word/document.xml": docXML(body), "word/numbering.xml": numberingPart, "word/styles.xml": stylesPart,
			"word/footnotes.xml": partXML("footnotes", `<w:footnote w:id="1">`+body+`</w:footnote>`)}, zip.Store)
		doc, err := Read(context.Background(), data, fuzzLimits)
		checkDoc(t, doc, err)
	})
}

func storedDocxF(f *testing.F, document string) []byte {
	return zipParts(f, map[string]string{"[Content_Types].xml": contentTypes, "_rels/.rels": packageRels, "word/document.xml": document})
}
