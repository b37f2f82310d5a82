package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzExtract holds the CLI to its contract on arbitrary bytes: either exit 0
// with one JSON document that matches the schema, or exit 2 with exactly one
// stderr line naming the file — never a panic, never anything else. The
// seeds are small on purpose: the fuzzer minimises every new input, and a
// large seed makes that take minutes.
func FuzzExtract(f *testing.F) {
	for _, seed := range []string{
		"2024年本部门收入预算总额为1234.56万元，比上年减少200万元，下降13.9%。\n一、部门概况\n（一）主要职能\n",
		"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
		"<html><body><h1>重庆市交通委员会2018年部门预算</h1><table><tr><td>合计</td><td>1,234.5</td></tr></table>${a}</body></html>",
		`[{"page":1,"text":"上海市普陀区2026年区级单位预算"},{"page":2,"text":"一、部门概况"}]`,
		"PK\x03\x04\x14\x00\x00\x00\x08\x00",
		"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00",
		"\xff\xfe2\x000\x002\x004\x00",
		"",
	} {
		f.Add([]byte(seed))
	}
	s := validator(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "input")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{"extract", "--timeout", "10s", path}, &stdout, &stderr)
		switch code {
		case exitOK:
			if stderr.Len() != 0 {
				t.Errorf("exit 0 with stderr %q", stderr.String())
			}
			decode(t, s, stdout.String())
		case exitInput:
			errs := stderr.String()
			if strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, path+": ") {
				t.Errorf("stderr is not one line naming the file: %q", errs)
			}
			if stdout.Len() != 0 {
				t.Errorf("exit 2 with output")
			}
		default:
			t.Errorf("exit %d", code)
		}
	})
}
