package annotate

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/docx"
	"github.com/budgetdoc/budgetdoc/review"
	"github.com/budgetdoc/budgetdoc/schema"
)

// commentRanges re-reads an annotated main document part independently of
// the writer: the visible text between each comment's range start and end,
// and the ids that have a reference.
func commentRanges(t *testing.T, body []byte) (texts map[string]string, refs map[string]bool) {
	t.Helper()
	texts, refs = map[string]string{}, map[string]bool{}
	open := map[string]bool{}
	d := xml.NewDecoder(bytes.NewReader(body))
	inT, hidden := false, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("annotated document.xml is not well-formed: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "commentRangeStart":
				open[attrVal(x, "id")] = true
				texts[attrVal(x, "id")] += ""
			case "commentRangeEnd":
				delete(open, attrVal(x, "id"))
			case "commentReference":
				refs[attrVal(x, "id")] = true
			case "r":
				hidden = false
			case "vanish":
				hidden = true
			case "t":
				inT = true
			}
		case xml.EndElement:
			if x.Name.Local == "t" {
				inT = false
			}
		case xml.CharData:
			if inT && !hidden {
				for id := range open {
					texts[id] += string(x)
				}
			}
		}
	}
	return texts, refs
}

func zipParts(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = b
	}
	return out
}

func docText(doc *extract.Document) string {
	var b strings.Builder
	for _, p := range doc.Pages {
		for _, bl := range p.Blocks {
			b.WriteString(bl.Text())
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// verifyDOCX checks an annotated copy against its original: one comment
// per finding with the note text, each anchored on text containing the
// evidence when placed exactly, the same text when re-read, and every
// other part unchanged.
func verifyDOCX(t *testing.T, orig, out []byte, fs []schema.Finding, rep Report) {
	t.Helper()
	before, after := zipParts(t, orig), zipParts(t, out)
	texts, refs := commentRanges(t, after["word/document.xml"])
	texts0, refs0 := commentRanges(t, before["word/document.xml"])
	if len(texts)-len(texts0) != len(fs) || len(refs)-len(refs0) != len(fs) {
		t.Fatalf("%d comment ranges and %d references, want %d", len(texts), len(refs), len(fs))
	}
	var comments struct {
		Items []struct {
			ID    string   `xml:"id,attr"`
			Paras []string `xml:"p>r>t"`
		} `xml:"comment"`
	}
	if err := xml.Unmarshal(after["word/comments.xml"], &comments); err != nil {
		t.Fatal(err)
	}
	byID := map[string]string{}
	for _, c := range comments.Items {
		byID[c.ID] = strings.Join(c.Paras, "\n")
	}
	for i, it := range rep.Items {
		id := itoa(i + maxCommentID(before["word/document.xml"], before["word/comments.xml"]) + 1)
		if byID[id] != review.NoteText(fs[i]) {
			t.Errorf("comment %s: %q, want the note of finding %d", id, byID[id], i)
		}
		if it.Exact && !strings.Contains(squash(texts[id]), squash(fs[i].Evidence)) {
			t.Errorf("comment %s anchors %q, which does not contain the evidence %q", id, texts[id], fs[i].Evidence)
		}
	}
	for name, b := range before {
		switch name {
		case "word/document.xml", "word/comments.xml", "[Content_Types].xml", "word/_rels/document.xml.rels":
			continue
		}
		if !bytes.Equal(after[name], b) {
			t.Errorf("part %s changed", name)
		}
	}
	d0, err := docx.Read(context.Background(), orig, extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	d1, err := docx.Read(context.Background(), out, extract.DefaultLimits)
	if err != nil {
		t.Fatalf("our DOCX reader cannot read the annotated copy: %v", err)
	}
	if docText(d0) != docText(d1) {
		t.Error("the annotated copy reads as different text")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestDOCXFixtures annotates the DOCX reader's fixtures with their real
// findings.
func TestDOCXFixtures(t *testing.T) {
	for _, name := range []string{"tables.docx", "budget.docx"} {
		t.Run(name, func(t *testing.T) {
			data, res, fs := checked(t, filepath.Join("..", "..", "extract", "docx", "testdata", name))
			if len(fs) == 0 {
				t.Fatal("no findings to annotate")
			}
			out, rep, err := DOCX(data, res.Doc, fs)
			if err != nil {
				t.Fatal(err)
			}
			verifyDOCX(t, data, out, fs, rep)
			// Every finding with evidence from the text sits on it; the
			// missing-section ones (evidence （未找到）…) stand for the
			// document and cover its first line.
			for _, it := range rep.Items {
				fromText := !strings.HasPrefix(it.Finding.Evidence, "（未找到）")
				if it.Exact != fromText {
					t.Errorf("%s %q: exact=%v", it.Finding.Rule, it.Finding.Evidence, it.Exact)
				}
			}
		})
	}
}

// buildDOCX makes a minimal DOCX with the given body and extra parts.
func buildDOCX(t *testing.T, body string, extra map[string]string) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="` + nsW + `"><w:body>` + body + `</w:body></w:document>`,
	}
	for k, v := range extra {
		parts[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/comments.xml", "word/styles.xml"} {
		if v, ok := parts[name]; ok {
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, v)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDOCXAnchors covers the general forms: evidence split over runs with
// different properties, entities, a tab inside the evidence, hidden text
// inside it (not text to the reader, nor to this test's reading of the
// ranges), a repeated line (the second occurrence is meant), and an
// existing comments part whose ids must not be reused.
func TestDOCXAnchors(t *testing.T) {
	const rel = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="` + relComments + `" Target="comments.xml"/></Relationships>`
	body := `<w:p><w:r><w:t>收入预算总额</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>1234.56万元</w:t></w:r><w:r><w:t>，比上年增加0万元。</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>R&amp;D经费</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">合计 </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>50万元</w:t></w:r></w:p>` +
		`<w:p><w:commentRangeStart w:id="4"/><w:r><w:t>重复的一行。</w:t></w:r><w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r></w:p>` +
		`<w:p><w:r><w:t>重复的一行。</w:t></w:r></w:p>`
	existing := `<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="` + nsW + `"><w:comment w:id="4" w:author="审核人"><w:p><w:r><w:t>原有批注</w:t></w:r></w:p></w:comment></w:comments>`
	data := buildDOCX(t, body, map[string]string{"word/_rels/document.xml.rels": rel, "word/comments.xml": existing})
	doc, err := docx.Read(context.Background(), data, extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	fs := []schema.Finding{
		{Rule: "zero-change-wording", Severity: "info", Message: "变动为零 / zero", Evidence: "1234.56万元，比上年增加0万元", Loc: schema.Loc{Page: 1, Line: 1}},
		{Rule: "sum-mismatch", Severity: "error", Message: "不符 / mismatch", Evidence: "R&D经费\t合计 50万元", Loc: schema.Loc{Page: 1, Line: 2}},
		{Rule: "punctuation", Severity: "info", Message: "重复 / repeated", Evidence: "重复的一行", Loc: schema.Loc{Page: 1, Line: 4}},
	}
	out, rep, err := DOCX(data, doc, fs)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Exact != len(fs) {
		t.Errorf("%d of %d placed exactly", rep.Exact, len(fs))
	}
	parts := zipParts(t, out)
	texts, _ := commentRanges(t, parts["word/document.xml"])
	want := map[string]string{"4": "重复的一行。", "5": "1234.56万元，比上年增加0万元", "6": "R&D经费合计 50万元", "7": "重复的一行"}
	for id, w := range want {
		if texts[id] != w {
			t.Errorf("comment %s covers %q, want %q", id, texts[id], w)
		}
	}
	// The comment on the repeated line is on its second occurrence: the
	// last paragraph holds the range start of comment 7.
	doc7 := string(parts["word/document.xml"])
	if i, j := strings.Index(doc7, `w:commentRangeStart w:id="7"`), strings.LastIndex(doc7, "<w:p>"); i < j {
		t.Error("comment 7 is not on the second occurrence of the repeated line")
	}
	if !strings.Contains(doc7, `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">`) {
		t.Error("the split bold run lost its properties")
	}
	if !strings.Contains(string(parts["word/comments.xml"]), "原有批注") {
		t.Error("the existing comment was lost")
	}
	if strings.Contains(string(parts["[Content_Types].xml"]), "comments") {
		t.Error("content types changed although the comments part existed")
	}
	verifyDOCX(t, data, out, fs, rep)
}

// TestDOCXNewCommentsPart: without a comments part, one is added with its
// content type and relationship.
func TestDOCXNewCommentsPart(t *testing.T) {
	data := buildDOCX(t, `<w:p><w:r><w:t>一般公共预算支出100万元。</w:t></w:r></w:p>`, nil)
	doc, err := docx.Read(context.Background(), data, extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	fs := []schema.Finding{{Rule: "sum-mismatch", Severity: "error", Message: "x", Evidence: "100万元", Loc: schema.Loc{Page: 1, Line: 1}}}
	out, _, err := DOCX(data, doc, fs)
	if err != nil {
		t.Fatal(err)
	}
	parts := zipParts(t, out)
	if !strings.Contains(string(parts["[Content_Types].xml"]), `PartName="/word/comments.xml" ContentType="`+ctComments+`"`) {
		t.Errorf("content types: %s", parts["[Content_Types].xml"])
	}
	if !strings.Contains(string(parts["word/_rels/document.xml.rels"]), `Type="`+relComments+`" Target="comments.xml"`) {
		t.Errorf("relationships: %s", parts["word/_rels/document.xml.rels"])
	}
	texts, _ := commentRanges(t, parts["word/document.xml"])
	if texts["0"] != "100万元" {
		t.Errorf("comment 0 covers %q", texts["0"])
	}
}

func TestDOCXBadInput(t *testing.T) {
	if _, _, err := DOCX([]byte("not a zip"), nil, nil); err == nil {
		t.Error("no error for bytes that are not a zip")
	}
	data := buildDOCX(t, ``, nil)
	if _, _, err := DOCX(data, nil, []schema.Finding{{Rule: "x"}}); err == nil {
		t.Error("no error for a document without text")
	}
	if _, _, err := Copy(context.Background(), extract.FormatHTML, nil, nil, nil); err == nil || !strings.Contains(err.Error(), "PDF and DOCX") {
		t.Errorf("err = %v, want one saying what is supported", err)
	}
}

// TestDOCXTextBoxAndRevisions: a text box inside a run, whose paragraph
// mark is hidden, leaves the run's own text and properties alone; the
// former formatting of a revised run is not the one copied.
func TestDOCXTextBoxAndRevisions(t *testing.T) {
	body := `<w:p><w:r><w:rPr><w:i/></w:rPr><w:pict><w:txbxContent><w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>` +
		`<w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></w:pict><w:t>框外合计100万元</w:t></w:r></w:p>` +
		`<w:p><w:r><w:rPr><w:u w:val="single"/><w:rPrChange w:id="1" w:author="a"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>修订后200万元</w:t></w:r></w:p>`
	data := buildDOCX(t, body, nil)
	fs := []schema.Finding{
		{Rule: "sum-mismatch", Severity: "error", Message: "m", Evidence: "100万元"},
		{Rule: "sum-mismatch", Severity: "error", Message: "m", Evidence: "200万元"},
	}
	out, rep, err := DOCX(data, nil, fs)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Exact != 2 {
		t.Errorf("%d of 2 placed exactly", rep.Exact)
	}
	doc := string(zipParts(t, out)["word/document.xml"])
	texts, _ := commentRanges(t, []byte(doc))
	if texts["0"] != "100万元" || texts["1"] != "200万元" {
		t.Errorf("ranges %q", texts)
	}
	if !strings.Contains(doc, `<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">100万元`) {
		t.Errorf("the split run did not keep its own properties:\n%s", doc)
	}
	if !strings.Contains(doc, `<w:commentRangeStart w:id="1"/><w:r><w:rPr><w:u w:val="single"/><w:rPrChange`) {
		t.Errorf("the revised run's properties were not copied whole:\n%s", doc)
	}
}
