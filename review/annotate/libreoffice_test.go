package annotate

import (
	"archive/zip"
	"bytes"
	"context"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	odtAnnotation = regexp.MustCompile(`(?s)<office:annotation [^>]*?office:name="([^"]+)"[^>]*>(.*?)</office:annotation>`)
	odtPara       = regexp.MustCompile(`(?s)<text:p[^>]*>(.*?)</text:p>`)
	odtTag        = regexp.MustCompile(`<[^>]+>`)
)

// TestDOCXLibreOffice is a second reader of the Word comments: LibreOffice
// converts the annotated copy to ODT, and every comment placed on its
// evidence must span text that contains it. Skips without LibreOffice.
func TestDOCXLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("no LibreOffice (soffice)")
	}
	data, res, fs := checked(t, filepath.Join("..", "..", "extract", "docx", "testdata", "tables.docx"))
	out, rep, err := DOCX(data, res.Doc, fs)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "annotated.docx"), out, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "odt", "--outdir", dir, filepath.Join(dir, "annotated.docx"))
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	odt, err := os.ReadFile(filepath.Join(dir, "annotated.odt"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(odt), int64(len(odt)))
	if err != nil {
		t.Fatal(err)
	}
	var content string
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			content = string(b)
		}
	}
	anns := odtAnnotation.FindAllStringSubmatchIndex(content, -1)
	if len(anns) != len(fs) {
		t.Fatalf("LibreOffice reads %d comments, want %d", len(anns), len(fs))
	}
	text := func(s string) string { return squash(html.UnescapeString(odtTag.ReplaceAllString(s, ""))) }
	placed := 0
	for _, m := range anns {
		name, note := content[m[2]:m[3]], content[m[4]:m[5]]
		var ev string
		for _, p := range odtPara.FindAllStringSubmatch(note, -1) {
			if s, ok := strings.CutPrefix(html.UnescapeString(odtTag.ReplaceAllString(p[1], "")), "原文："); ok {
				ev = s
			}
		}
		end := strings.Index(content[m[1]:], `<office:annotation-end office:name="`+name+`"/>`)
		if end < 0 {
			t.Errorf("comment %s has no range", name)
			continue
		}
		if strings.Contains(text(content[m[1]:m[1]+end]), squash(ev)) {
			placed++
		}
	}
	// Every comment we count as anchored on its evidence must read so in
	// LibreOffice too; LibreOffice may find one more, where the evidence is
	// inside the range but its text is split differently (a tab, a field).
	if placed < rep.Exact {
		t.Errorf("LibreOffice finds %d comments spanning their evidence, we placed %d", placed, rep.Exact)
	}
}
