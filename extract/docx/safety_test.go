package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"strings"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/extract"
)

func TestReadErrors(t *testing.T) {
	good := makeDocx(t, p(r("正文")), nil)
	truncated := good[:len(good)/2]
	corruptXML := zipParts(t, map[string]string{"[Content_Types].xml": contentTypes, "_rels/.rels": packageRels,
		"word/document.xml": `<w:document ` + nsDecl + `><w:body><w:p><w:r><w:t>断`})
	xlsx := zipParts(t, map[string]string{"[Content_Types].xml": contentTypes, "xl/workbook.xml": "<workbook/>"})
	noCT := zipParts(t, map[string]string{"word/document.xml": docXML(p(r("x")))})
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	// A crc mismatch: flip a byte of a stored entry's data.
	stored := storedDocx(t, docXML(p(r("checksum"))))
	bad := bytes.Clone(stored)
	i := bytes.Index(bad, []byte("checksum"))
	bad[i] = 'C'
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, extract.ErrEmpty},
		{"plain text", []byte("收入预算总额"), extract.ErrUnsupported},
		{"OLE (encrypted OOXML or .doc)", ole, extract.ErrUnsupported},
		{"truncated zip", truncated, extract.ErrCorrupt},
		{"truncated XML", corruptXML, extract.ErrCorrupt},
		{"xlsx", xlsx, extract.ErrUnsupported},
		{"no content types", noCT, extract.ErrUnsupported},
		{"checksum", bad, extract.ErrCorrupt},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read(context.Background(), tc.data, extract.DefaultLimits)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if doc != nil {
				t.Errorf("doc returned with error")
			}
		})
	}
	if _, err := Read(context.Background(), stored, extract.DefaultLimits); err != nil {
		t.Errorf("stored entry: %v", err)
	}
}

// storedDocx builds a DOCX whose document part is stored uncompressed.
func storedDocx(t *testing.T, document string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range []struct{ name, data string }{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", packageRels}, {"word/document.xml", document}} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(part.data))
	}
	zw.Close()
	return buf.Bytes()
}

// bomb builds a DOCX whose document part inflates to size bytes, and
// rewrites the sizes declared in the zip headers to declared.
func bomb(t *testing.T, size int, declared uint32) []byte {
	doc := docXML(p(r(strings.Repeat("0", size))))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range []struct{ name, data string }{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", packageRels}, {"word/document.xml", doc}} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(part.data))
	}
	zw.Close()
	data := buf.Bytes()
	// Patch the central directory entry of word/document.xml: uncompressed size at offset 24.
	name := []byte("word/document.xml")
	for i := 0; i+46 < len(data); i++ {
		if binary.LittleEndian.Uint32(data[i:]) == 0x02014b50 && bytes.Equal(data[i+46:i+46+len(name)], name) {
			binary.LittleEndian.PutUint32(data[i+24:], declared)
		}
	}
	return data
}

func TestDecompressionBomb(t *testing.T) {
	lim := extract.Limits{MaxBytes: 1 << 20}
	for _, tc := range []struct {
		name     string
		size     int
		declared uint32
	}{
		{"declared small", 4 << 20, 1000},
		{"declared large", 4 << 20, 4 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := bomb(t, tc.size, tc.declared)
			if len(data) > 64<<10 {
				t.Fatalf("bomb is %d bytes, expected a tiny zip", len(data))
			}
			_, err := Read(context.Background(), data, lim)
			if !errors.Is(err, extract.ErrTooLarge) {
				t.Fatalf("err = %v, want ErrTooLarge", err)
			}
		})
	}
	// Under the limit, a wrong declared size is tolerated when the CRC matches.
	data := bomb(t, 1000, 10)
	if _, err := Read(context.Background(), data, lim); err != nil {
		t.Errorf("small entry with wrong declared size: %v", err)
	}
	_ = crc32.ChecksumIEEE
}

func TestDeepNesting(t *testing.T) {
	body := strings.Repeat("<w:sdt><w:sdtContent>", 5000) + p(r("深")) + strings.Repeat("</w:sdtContent></w:sdt>", 5000)
	_, err := Read(context.Background(), makeDocx(t, body, nil), extract.DefaultLimits)
	if !errors.Is(err, extract.ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

func TestTableLimits(t *testing.T) {
	body := `<w:tbl><w:tr>` + tc(`<w:gridSpan w:val="999999999"/>`, "宽") + `</w:tr>` + strings.Repeat(`<w:tr>`+tc(``, "x")+`</w:tr>`, 200) + `</w:tbl>`
	_, err := Read(context.Background(), makeDocx(t, body, nil), extract.Limits{MaxCells: 10000})
	if !errors.Is(err, extract.ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	doc := read(t, makeDocx(t, body, nil))
	if w := len(doc.Pages[0].Blocks[0].Table.Rows[0]); w != maxSpan {
		t.Errorf("width = %d, want clamp %d", w, maxSpan)
	}
}

func TestMaxPages(t *testing.T) {
	body := strings.Repeat(p(r("页"), `<w:r><w:br w:type="page"/></w:r>`), 20)
	_, err := Read(context.Background(), makeDocx(t, body, nil), extract.Limits{MaxPages: 5})
	if !errors.Is(err, extract.ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

func TestCancel(t *testing.T) {
	data := makeDocx(t, strings.Repeat(p(r("收入")), 20000), nil)
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	time.Sleep(time.Millisecond)
	_, err := Read(ctx, data, extract.DefaultLimits)
	if !errors.Is(err, extract.ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want ErrTimeout wrapping DeadlineExceeded", err)
	}
}

func TestBrokenSecondaryPartsWarn(t *testing.T) {
	data := makeDocx(t, p(r("正文")), map[string]string{
		"word/styles.xml":  `<w:styles ` + nsDecl + `><w:style>`,
		"word/header1.xml": `not xml at all <<<`,
	})
	doc := read(t, data)
	if got := dump(doc); got != "== page 1\nP \n  | 正文\n" {
		t.Errorf("got %q", got)
	}
	if len(doc.Warnings) != 2 {
		t.Errorf("warnings = %q", doc.Warnings)
	}
}
