package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc/extract/pdf"
	"github.com/budgetdoc/budgetdoc/schema"
)

func newTestServer(t testing.TB, cfg Config) (*Server, *httptest.Server) {
	t.Helper()
	if cfg.DataDir == "" {
		cfg.DataDir = t.TempDir()
	}
	if cfg.Workers == 0 {
		cfg.Workers = 1
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() {
		ts.Close()
		s.Close()
	})
	return s, ts
}

type upload struct {
	name string
	data []byte
}

// post uploads files as the page's form does and returns the response
// (redirects not followed).
func post(t testing.TB, ts *httptest.Server, files ...upload) *http.Response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, f := range files {
		w, err := mw.CreateFormFile("file", f.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(f.data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", ts.URL+"/upload", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", ts.URL)
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func get(t testing.TB, url string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func shaOf(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// waitDone polls the status API until the document is checked.
func waitDone(t testing.TB, ts *httptest.Server, sha string) string {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		_, body, _ := get(t, ts.URL+"/api/status/"+sha)
		var st struct{ State, Error string }
		json.Unmarshal([]byte(body), &st)
		if st.State == "done" || st.State == "failed" {
			return st.State
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("check did not finish")
	return ""
}

func decide(t *testing.T, ts *httptest.Server, sha, id, status, note string) {
	t.Helper()
	form := url.Values{"id": {id}, "status": {status}, "note": {note}, "back": {"/doc/" + sha}}
	req, _ := http.NewRequest("POST", ts.URL+"/doc/"+sha+"/decide", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", ts.URL)
	resp, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("decide: status %d", resp.StatusCode)
	}
}

var findingIDRx = regexp.MustCompile(`id="f-([0-9a-f-]+)"`)

func TestPDFReview(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "samples", "jiangsu_renda_2019_dept_budget_tables.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	_, ts := newTestServer(t, Config{})
	resp := post(t, ts, upload{"人大预算.pdf", data})
	sha := shaOf(data)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/doc/"+sha {
		t.Fatalf("upload: %d → %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if st := waitDone(t, ts, sha); st != "done" {
		t.Fatalf("state %s", st)
	}
	code, page, _ := get(t, ts.URL+"/doc/"+sha)
	if code != 200 || !strings.Contains(page, "table-empty-statement") || !strings.Contains(page, "人大预算.pdf") {
		t.Fatalf("document page %d:\n%s", code, page)
	}
	ids := findingIDRx.FindAllStringSubmatch(page, -1)
	if len(ids) != 1 {
		t.Fatalf("%d findings on the page, want 1", len(ids))
	}
	id := ids[0][1]
	// The finding's link opens its page with its box drawn.
	code, page, _ = get(t, ts.URL+"/doc/"+sha+"?f="+id)
	if code != 200 || !strings.Contains(page, `src="/doc/`+sha+`/page/10.png"`) || !strings.Contains(page, `class="box warning selected"`) {
		t.Fatalf("finding page %d: no page 10 image with the selected box:\n%s", code, page)
	}
	code, img, hdr := get(t, ts.URL+"/doc/"+sha+"/page/10.png")
	if code != 200 || hdr.Get("Content-Type") != "image/png" {
		t.Fatalf("page image: %d %s", code, hdr.Get("Content-Type"))
	}
	if _, err := png.DecodeConfig(strings.NewReader(img)); err != nil {
		t.Fatal(err)
	}
	// Ignore it with a note; the page shows it after a reload.
	decide(t, ts, sha, id, "ignored", "空表已在说明中注明")
	_, page, _ = get(t, ts.URL+"/doc/"+sha)
	if !strings.Contains(page, `class="status ignored"`) || !strings.Contains(page, `value="空表已在说明中注明"`) {
		t.Error("the decision is not shown after a reload")
	}
	// Downloads.
	code, body, hdr := get(t, ts.URL+"/doc/"+sha+"/download/annotated")
	if code != 200 || hdr.Get("Content-Type") != "application/pdf" || !strings.Contains(hdr.Get("Content-Disposition"), "attachment") {
		t.Fatalf("annotated: %d %v", code, hdr)
	}
	anns, err := pdf.Annotations(context.Background(), []byte(body))
	if err != nil || len(anns) != 1 || anns[0].Page != 10 {
		t.Fatalf("annotated copy: %+v, %v", anns, err)
	}
	code, body, _ = get(t, ts.URL+"/doc/"+sha+"/download/xlsx")
	if code != 200 {
		t.Fatalf("xlsx: %d", code)
	}
	x, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows("检查结果")
	if len(rows) != 2 || strings.Join(rows[0][:7], ",") != "页码,行,严重程度,规则,问题,原文,建议" || rows[1][3] != "table-empty-statement" || rows[1][7] != "已忽略" {
		t.Errorf("xlsx rows %q", rows)
	}
	code, body, _ = get(t, ts.URL+"/doc/"+sha+"/download/sarif")
	var sarif struct {
		Version string
		Runs    []struct{ Results []struct{ RuleID string } }
	}
	if code != 200 || json.Unmarshal([]byte(body), &sarif) != nil || sarif.Version != "2.1.0" || len(sarif.Runs[0].Results) != 1 {
		t.Errorf("sarif: %d %s", code, body)
	}
	code, body, _ = get(t, ts.URL+"/doc/"+sha+"/download/json")
	var doc struct {
		Schema   string
		Findings []struct{ Rule string }
		Tables   []json.RawMessage
	}
	if code != 200 || json.Unmarshal([]byte(body), &doc) != nil || doc.Schema != "budgetdoc/v1" || len(doc.Findings) != 1 || len(doc.Tables) == 0 {
		t.Errorf("json: %d, %d findings, %d tables", code, len(doc.Findings), len(doc.Tables))
	}
	// English labels on request.
	req, _ := http.NewRequest("GET", ts.URL+"/doc/"+sha, nil)
	req.AddCookie(&http.Cookie{Name: "lang", Value: "en"})
	r2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := io.ReadAll(r2.Body)
	r2.Body.Close()
	if !strings.Contains(string(b2), "Annotated copy") || !strings.Contains(string(b2), "Suggestion") {
		t.Error("no English labels with lang=en")
	}
	// The start page lists it.
	if _, page, _ := get(t, ts.URL+"/"); !strings.Contains(page, "人大预算.pdf") {
		t.Error("the start page does not list the checked document")
	}
}

// TestVersions: a second version of a text draft shows what was fixed,
// what is new and what remains, with the decisions carried over.
func TestVersions(t *testing.T) {
	v1 := "一、收入预算\n本部门2024年收入预算比上年增加0万元。\n二、支出预算\n支出预算总额为100万元。。\n三、其他\n主要原因是。\n"
	v2 := "一、收入预算\n本部门2024年收入预算比上年增加0万元。\n二、支出预算\n支出预算总额为100万元。\n三、其他\n预算安排“三公经费。\n"
	_, ts := newTestServer(t, Config{})
	post(t, ts, upload{"预算说明_v1.txt", []byte(v1)})
	sha1 := shaOf([]byte(v1))
	waitDone(t, ts, sha1)
	_, page, _ := get(t, ts.URL+"/doc/"+sha1)
	var zeroID string
	for _, m := range regexp.MustCompile(`(?s)id="f-([0-9a-f-]+)".*?<p class="ev">(.*?)</p>`).FindAllStringSubmatch(page, -1) {
		if strings.Contains(m[2], "增加0万元") {
			zeroID = m[1]
		}
	}
	if zeroID == "" {
		t.Fatalf("no finding on 增加0万元:\n%s", page)
	}
	decide(t, ts, sha1, zeroID, "ignored", "沿用模板表述")
	n1 := len(findingIDRx.FindAllString(page, -1))

	post(t, ts, upload{"预算说明_v2.txt", []byte(v2)})
	sha2 := shaOf([]byte(v2))
	waitDone(t, ts, sha2)
	_, page, _ = get(t, ts.URL+"/doc/"+sha2)
	if !strings.Contains(page, "预算说明_v1.txt") {
		t.Fatalf("no comparison with the previous version:\n%s", page)
	}
	fixed := regexp.MustCompile(`已修正 (\d+)</b> · <b class="new">新增 (\d+)</b> · <b>仍存在 (\d+)`).FindStringSubmatch(page)
	if fixed == nil {
		t.Fatalf("no counts of fixed/new/remaining:\n%s", page)
	}
	n2 := len(findingIDRx.FindAllString(page, -1))
	if fixed[1] == "0" || fixed[2] == "0" || fixed[3] == "0" || atoi(fixed[2])+atoi(fixed[3]) != n2 || atoi(fixed[1])+atoi(fixed[3]) != n1 {
		t.Errorf("fixed %s new %s remaining %s, with %d then %d findings", fixed[1], fixed[2], fixed[3], n1, n2)
	}
	card := regexp.MustCompile(`(?s)id="f-` + regexp.QuoteMeta(zeroID) + `".*?</article>`).FindString(page)
	if !strings.Contains(card, `class="status ignored"`) || !strings.Contains(card, "沿用模板表述") || !strings.Contains(card, "沿用上一版本的处理") {
		t.Errorf("the decision was not carried over:\n%s", card)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func TestBadInputs(t *testing.T) {
	s, ts := newTestServer(t, Config{MaxUpload: 1 << 10})
	// An unreadable file: a clear error page, not a hang.
	junk := []byte("%PDF-1.7\nthis is not really a PDF\n")
	post(t, ts, upload{"坏文件.pdf", junk})
	if st := waitDone(t, ts, shaOf(junk)); st != "failed" {
		t.Fatalf("state %s, want failed", st)
	}
	code, page, _ := get(t, ts.URL+"/doc/"+shaOf(junk))
	if code != http.StatusUnprocessableEntity || !strings.Contains(page, "无法检查") {
		t.Errorf("failed document: %d\n%s", code, page)
	}
	// Too large.
	resp := post(t, ts, upload{"大.txt", bytes.Repeat([]byte("预算"), 1000)})
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("oversized upload: status %d", resp.StatusCode)
	}
	// No file.
	if resp := post(t, ts); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("empty upload: status %d", resp.StatusCode)
	}
	// Unknown documents and paths.
	for _, p := range []string{"/doc/" + strings.Repeat("0", 64), "/doc/../../etc/passwd", "/doc/" + strings.Repeat("0", 64) + "/download/xlsx"} {
		if code, _, _ := get(t, ts.URL+p); code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, code)
		}
	}
	// A cross-site form post and a foreign Host are refused.
	req, _ := http.NewRequest("POST", ts.URL+"/upload", strings.NewReader(""))
	req.Header.Set("Origin", "http://evil.example")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site post: %v %v", resp.StatusCode, err)
	}
	req, _ = http.NewRequest("GET", ts.URL+"/", nil)
	req.Host = "rebound.example:80"
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("foreign host: %v %v", resp.StatusCode, err)
	}
	// A decision about a finding the document does not have.
	txt := []byte("支出预算总额为100万元。。\n")
	post(t, ts, upload{"a.txt", txt})
	waitDone(t, ts, shaOf(txt))
	form := url.Values{"id": {"nonexistent"}, "status": {"ignored"}}
	req, _ = http.NewRequest("POST", ts.URL+"/doc/"+shaOf(txt)+"/decide", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, err := noRedirect.Do(req); err != nil || resp.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown finding: %v %v", resp.StatusCode, err)
	}
	// Not a PDF or DOCX: no annotated copy, and a message saying why.
	if code, page, _ := get(t, ts.URL+"/doc/"+shaOf(txt)+"/download/annotated"); code != http.StatusBadRequest || !strings.Contains(page, "PDF and DOCX") {
		t.Errorf("annotated text file: %d %s", code, page)
	}
	// Retention removes stored files and results, and the page says so.
	if n := s.removeExpired(time.Now().Add(time.Hour)); n == 0 {
		t.Error("nothing removed after the retention period")
	}
	if code, _, _ := get(t, ts.URL+"/doc/"+shaOf(txt)); code != http.StatusNotFound {
		t.Errorf("expired document: status %d", code)
	}
}

// TestQueueBound: uploads beyond the queue are refused, not kept waiting
// without bound.
func TestQueueBound(t *testing.T) {
	s, err := New(Config{DataDir: t.TempDir(), Workers: 1, Queue: 1})
	if err != nil {
		t.Fatal(err)
	}
	s.stop() // no worker takes jobs
	s.wg.Wait()
	defer s.store.Close()
	if err := s.enqueue(strings.Repeat("a", 64), "a"); err != nil {
		t.Fatal(err)
	}
	if err := s.enqueue(strings.Repeat("b", 64), "b"); err != errBusy {
		t.Errorf("second job: %v, want errBusy", err)
	}
	if st, ahead, _ := s.status(strings.Repeat("a", 64)); st != "queued" || ahead != 0 {
		t.Errorf("status %s %d", st, ahead)
	}
}

func TestDraftKey(t *testing.T) {
	for _, c := range [][2]string{{"预算说明_v1.txt", "预算说明_v2.txt"}, {"draft-3.docx", "draft (4).docx"}, {"部门预算（修改稿）.pdf", "部门预算（第2版）.pdf"}} {
		if a, b := draftKey(schema.Meta{}, c[0]), draftKey(schema.Meta{}, c[1]); a != b {
			t.Errorf("%s and %s: keys %q and %q", c[0], c[1], a, b)
		}
	}
}

// TestRequeue: a stored upload whose check was lost (the server stopped
// while it waited) is queued again when its page is opened.
func TestRequeue(t *testing.T) {
	s, ts := newTestServer(t, Config{})
	txt := []byte("支出预算总额为100万元。。\n")
	sha := shaOf(txt)
	if err := os.WriteFile(s.filePath(sha), txt, 0o600); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(s.filePath(sha)+".name", []byte("草稿.txt"), 0o600)
	if code, page, _ := get(t, ts.URL+"/doc/"+sha); code != 200 || !strings.Contains(page, "spinner") {
		t.Fatalf("page of a stored, unchecked upload: %d\n%s", code, page)
	}
	if st := waitDone(t, ts, sha); st != "done" {
		t.Fatalf("state %s", st)
	}
	if _, page, _ := get(t, ts.URL+"/doc/"+sha); !strings.Contains(page, "草稿.txt") || !strings.Contains(page, "punctuation") {
		t.Errorf("requeued document page:\n%s", page)
	}
}

func TestLocalPath(t *testing.T) {
	for p, want := range map[string]bool{"/": true, "/doc/ab?page=2#view": true, "//evil.example/": false,
		"/\\evil.example": false, "http://evil.example/": false, "": false, "/a\r\nSet-Cookie: x": false} {
		if localPath(p) != want {
			t.Errorf("localPath(%q) = %v", p, !want)
		}
	}
}
