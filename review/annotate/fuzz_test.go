package annotate

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"github.com/budgetdoc/budgetdoc/schema"
)

// FuzzDOCX feeds arbitrary main-document bodies and evidence to the
// comment writer: it must not panic, and what it writes must be
// well-formed XML whenever the input was.
func FuzzDOCX(f *testing.F) {
	f.Add(`<w:p><w:r><w:t>收入预算1234.56万元</w:t></w:r></w:p>`, "1234.56万元")
	f.Add(`<w:p><w:r><w:t>R&amp;D</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve"> 合计 </w:t></w:r></w:p>`, "D\t合")
	f.Add(`<w:p><w:r><w:t><![CDATA[a<b]]></w:t></w:r><w:r><w:br/><w:t>第二行</w:t></w:r></w:p>`, "第二")
	f.Add(`<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐</w:t></w:r><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`, "格")
	f.Fuzz(func(t *testing.T, body, evidence string) {
		data := buildDOCX(t, body, nil)
		fs := []schema.Finding{{Rule: "punctuation", Severity: "info", Message: "m", Evidence: evidence, Loc: schema.Loc{Page: 1, Line: 1}}}
		out, _, err := DOCX(data, nil, fs)
		if err != nil {
			return
		}
		wellFormed := func(b []byte) bool {
			d := xml.NewDecoder(bytes.NewReader(b))
			for {
				if _, err := d.Token(); err == io.EOF {
					return true
				} else if err != nil {
					return false
				}
			}
		}
		in := zipParts(t, data)["word/document.xml"]
		got := zipParts(t, out)["word/document.xml"]
		if wellFormed(in) && !wellFormed(got) {
			t.Fatalf("well-formed input, malformed output:\n%s", got)
		}
	})
}
