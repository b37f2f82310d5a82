package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

// BenchmarkRead reads the largest committed fixture; MB/s counts the file's
// (compressed) bytes.
func BenchmarkRead(b *testing.B) {
	files, _ := filepath.Glob("testdata/*.docx")
	var data []byte
	for _, f := range files {
		if d, err := os.ReadFile(f); err == nil && len(d) > len(data) {
			data = d
		}
	}
	if data == nil {
		b.Skip("no fixtures")
	}
	benchRead(b, data)
}

// BenchmarkReadLarge reads a synthetic 2,000-paragraph, 2,000-row document
// with fields, so that per-document overheads do not dominate.
func BenchmarkReadLarge(b *testing.B) {
	var body strings.Builder
	for i := 0; i < 2000; i++ {
		body.WriteString(p(r("2025年收入预算总额1234.56万元，比上年增加120万元，增长10.77%。"),
			fld("begin"), instr(" MERGEFIELD 单位名称 "), fld("separate"), r("«单位名称»"), fld("end")))
	}
	body.WriteString("<w:tbl>")
	for i := 0; i < 2000; i++ {
		body.WriteString(`<w:tr>` + tc(``, "2010101") + tc(``, "行政运行") + tc(``, "1,234.56") + tc(`<w:vMerge/>`, "") + `</w:tr>`)
	}
	body.WriteString("</w:tbl>")
	benchRead(b, makeDocx(b, body.String(), nil))
}

// benchRead reports MB/s of the file and xml-MB/s of its decompressed parts.
func benchRead(b *testing.B, data []byte) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	var xmlBytes int64
	for _, f := range zr.File {
		xmlBytes += int64(f.UncompressedSize64)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(context.Background(), data, extract.DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(xmlBytes)*float64(b.N)/b.Elapsed().Seconds()/1e6, "xml-MB/s")
}
