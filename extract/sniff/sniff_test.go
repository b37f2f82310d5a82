package sniff

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, n := range names {
		f, err := w.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte("<x/>"))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want extract.Format
		err  error
	}{
		{"pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), extract.FormatPDF, nil},
		{"pdf after junk", append([]byte("\r\n\xEF\xBB\xBF"), "%PDF-1.4\n"...), extract.FormatPDF, nil},
		{"docx", zipOf(t, "[Content_Types].xml", "word/document.xml"), extract.FormatDOCX, nil},
		{"xlsx", zipOf(t, "[Content_Types].xml", "xl/workbook.xml"), extract.FormatXLSX, nil},
		{"odt", zipOf(t, "mimetype", "content.xml"), "", extract.ErrUnsupported},
		{"other zip", zipOf(t, "a.txt"), "", extract.ErrUnsupported},
		{"broken zip", []byte("PK\x03\x04garbage"), "", extract.ErrCorrupt},
		{"broken ole", append(append([]byte{}, oleMagic...), make([]byte, 100)...), "", extract.ErrCorrupt},
		{"xls", readFixture(t, "../xls/testdata/hidden.xls"), extract.FormatXLS, nil},
		{"jsp", []byte(`<%@ page language="java" contentType="text/html; charset=UTF-8"%>` + "\n<html><body>预算</body></html>"), extract.FormatHTML, nil},
		{"html", []byte("\xEF\xBB\xBF<!DOCTYPE html><html>"), extract.FormatHTML, nil},
		{"pages json", []byte(`[{"page": 1, "text": "上海市普陀区"}]`), extract.FormatPagesJSON, nil},
		{"json not pages", []byte(`[{"a": 1}]`), extract.FormatText, nil},
		{"text", []byte("2024年部门预算\n收入预算总额1234.56万元"), extract.FormatText, nil},
		{"text starting with <", []byte("<注>本表金额单位为万元"), extract.FormatText, nil},
		{"empty", nil, "", extract.ErrEmpty},
		{"blank", []byte(" \n\t"), "", extract.ErrEmpty},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Format(tc.data)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("Format = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func FuzzFormat(f *testing.F) {
	f.Add([]byte("%PDF-1.4"))
	f.Add([]byte("PK\x03\x04"))
	f.Add(oleMagic)
	f.Add([]byte(`[{"page":1,"text":"x"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		Format(data) // must not panic
	})
}

func readFixture(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWordWithWorkbookStream: a .doc whose container also holds a
// Workbook stream (taiyuan_fagaiwei_2016) is a Word document.
func TestWordWithWorkbookStream(t *testing.T) {
	path := filepath.Join(testenv.SharedDir(t), "corpus", "real", "taiyuan_fagaiwei_2016_dept_final.doc")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip("corpus file absent")
	}
	if f, err := Format(data); err != nil || f != extract.FormatDOC {
		t.Errorf("format %q, %v; want doc", f, err)
	}
}

// TestPrefix: the first PrefixLen bytes decide PDF and the text formats
// (as Format decides them on the whole file) and nothing else.
func TestPrefix(t *testing.T) {
	pad := func(start string, fill string) []byte {
		b := []byte(start)
		for len(b) < PrefixLen {
			b = append(b, fill...)
		}
		return b[:PrefixLen]
	}
	for _, tc := range []struct {
		name string
		head []byte
		want extract.Format // "" when undecided
	}{
		{"pdf", pad("%PDF-1.7\n", "1 0 obj\n"), extract.FormatPDF},
		{"pdf after junk", pad("\xEF\xBB\xBF\r\n%PDF-1.4\n", "x"), extract.FormatPDF},
		{"html", pad("<!DOCTYPE html><html><body>", "<p>2024年部门预算</p>\n"), extract.FormatHTML},
		{"pages json", pad(`[{"page":1,"text":"`, "一般公共预算"), extract.FormatPagesJSON},
		{"text", pad("\xEF\xBB\xBF部门预算\n", "收入预算1234.56万元。\n"), extract.FormatText},
		{"gbk text", pad("\xb2\xbf\xc3\xc5\xd4\xa4\xcb\xe3\n", "\xd4\xa4\xcb\xe3"), extract.FormatText},
		{"zip needs its directory", pad("PK\x03\x04", "\x00"), ""},
		{"ole needs its directory", pad(string(oleMagic), "\x00"), ""},
		{"mostly blank", pad("", " \n"), ""},
		{"list after a long blank run", append(pad("[", " ")[:PrefixLen-3000], `{"page":1,"text":"x"}`+strings.Repeat(" ", 2979)...), ""},
		{"too short", []byte("<html><body>short"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Prefix(tc.head)
			if ok != (tc.want != "") || got != tc.want {
				t.Errorf("Prefix = %q, %v; want %q", got, ok, tc.want)
			}
		})
	}
}

// FuzzPrefix: whatever follows the first PrefixLen bytes, Format gives the
// format Prefix decided from them.
func FuzzPrefix(f *testing.F) {
	f.Add([]byte("<html><body>"), []byte("<p>x</p>"), []byte("PK\x03\x04"))
	f.Add([]byte(`[{"page":1,"text":"`), []byte("预算"), []byte(`"}]`))
	f.Add([]byte("\xEF\xBB\xBF  "), []byte(" "), []byte("%PDF-1.4"))
	f.Fuzz(func(t *testing.T, start, fill, rest []byte) {
		if len(fill) == 0 {
			fill = []byte{' '}
		}
		head := append([]byte{}, start...)
		for len(head) < PrefixLen {
			head = append(head, fill...)
		}
		head = head[:PrefixLen]
		want, ok := Prefix(head)
		if !ok {
			return
		}
		got, err := Format(append(head, rest...))
		if err != nil || got != want {
			t.Fatalf("Prefix = %q but Format of the whole = %q, %v", want, got, err)
		}
	})
}
