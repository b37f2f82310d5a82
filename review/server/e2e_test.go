package server

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/extract/pdf"
	"github.com/budgetdoc/budgetdoc/internal/browsertest"
)

// TestBrowser drives the page in headless Chromium as a reviewer would:
// upload a draft, wait for the results, open a finding's page, see the page
// image with the box, ignore the finding, reload and find the decision
// kept, and download the annotated PDF. It skips without Chromium (CI
// installs it). BUDGETDOC_SCREENSHOT=FILE saves the finding view as PNG.
func TestBrowser(t *testing.T) {
	bin := browsertest.Find()
	if bin == "" {
		t.Skip("no Chromium installed (apt-get install chromium)")
	}
	sample, err := filepath.Abs(filepath.Join("..", "..", "samples", "jiangsu_renda_2019_dept_budget_tables.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if p := os.Getenv("BUDGETDOC_E2E_FILE"); p != "" {
		sample = p
	}
	// The upload keeps the name the reviewer's file has.
	upload := filepath.Join(t.TempDir(), "人大部门预算（送审稿）.pdf")
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(upload, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, ts := newTestServer(t, Config{})
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	b, err := browsertest.Start(ctx, bin, 1400, 900)
	if err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	defer b.Close()
	step := func(what string, err error) {
		t.Helper()
		if err != nil {
			shot, _ := b.Screenshot()
			if len(shot) > 0 {
				os.WriteFile(filepath.Join(t.TempDir(), "failure.png"), shot, 0o644)
			}
			var html string
			b.Eval("document.documentElement.outerHTML", &html)
			t.Fatalf("%s: %v\npage:\n%.3000s", what, err, html)
		}
	}

	step("open the start page", b.Navigate(ts.URL+"/"))
	step("start page loaded", b.WaitFor(`document.querySelector("#file")`, 20*time.Second))
	step("choose the file", b.SetFiles("#file", upload))
	step("upload", b.Eval(`document.querySelector("#upload button").click()`, nil))
	step("results shown", b.WaitFor(`document.querySelector("article.finding a.goto")`, 90*time.Second))

	step("click the finding", b.Eval(`document.querySelector("article.finding a.goto").click()`, nil))
	step("its page image with the box", b.WaitFor(`(() => { const i = document.querySelector("#page-image");
		return i && i.complete && i.naturalWidth > 0 && document.querySelector(".box.selected") &&
			document.querySelector("article.finding.selected") })()`, 60*time.Second))
	var box struct{ W, H float64 }
	step("box size", b.Eval(`(() => { const r = document.querySelector(".box.selected").getBoundingClientRect(); return {W: r.width, H: r.height} })()`, &box))
	if box.W < 5 || box.H < 5 {
		t.Errorf("the box is drawn %vx%v px", box.W, box.H)
	}
	if path := os.Getenv("BUDGETDOC_SCREENSHOT"); path != "" {
		step("scroll to the top", b.Eval("window.scrollTo(0, 0)", nil))
		shot, err := b.Screenshot()
		step("screenshot", err)
		step("save screenshot", os.WriteFile(path, shot, 0o644))
	}

	step("ignore it with a note", b.Eval(`(() => { const a = document.querySelector("article.finding.selected");
		a.querySelector("input[value=ignored]").click(); a.querySelector("input[name=note]").value = "已在说明中注明";
		a.querySelector("form.decide button").click() })()`, nil))
	step("decision shown", b.WaitFor(`document.querySelector("article.finding .status.ignored")`, 30*time.Second))
	step("mark the page before reloading", b.Eval("window.beforeReload = true", nil))
	_, err = b.Call("Page.reload", map[string]any{"ignoreCache": true})
	step("reload", err)
	step("decision kept after reload", b.WaitFor(`!window.beforeReload && document.readyState === "complete" &&
		document.querySelector("article.finding .status.ignored") &&
		document.querySelector("article.finding input[name=note]").value === "已在说明中注明"`, 30*time.Second))

	var pdf64 string
	step("download the annotated PDF", b.Eval(`fetch(document.getElementById("dl-annotated").href)
		.then(r => r.arrayBuffer()).then(buf => { let s = ""; new Uint8Array(buf).forEach(c => s += String.fromCharCode(c)); return btoa(s) })`, &pdf64))
	annotated, err := base64.StdEncoding.DecodeString(pdf64)
	step("decode", err)
	var findings int
	step("count findings", b.Eval(`document.querySelectorAll("article.finding").length`, &findings))
	anns, err := pdf.Annotations(ctx, annotated)
	step("read the annotated PDF", err)
	orig, err := pdf.Annotations(ctx, data)
	step("read the original PDF", err)
	if len(anns)-len(orig) != findings || findings == 0 {
		t.Errorf("the annotated PDF has %d new annotations, the page lists %d findings", len(anns)-len(orig), findings)
	}
}
