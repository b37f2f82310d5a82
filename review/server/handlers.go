package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/budgetdoc/budgetdoc/check"
	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/pdf"
	"github.com/budgetdoc/budgetdoc/extract/read"
	"github.com/budgetdoc/budgetdoc/review"
	"github.com/budgetdoc/budgetdoc/review/annotate"
	"github.com/budgetdoc/budgetdoc/review/store"
	"github.com/budgetdoc/budgetdoc/schema"
)

//go:embed templates/*.html static/*
var assets embed.FS

// pageDPI is the resolution of rendered pages: sharp enough to read
// Chinese text at the page view's width, small enough to load at once.
const pageDPI = 110

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"pct": func(v, of float64) string {
		if of <= 0 {
			return "0"
		}
		return strconv.FormatFloat(100*v/of, 'f', 3, 64)
	},
	"sub":  func(a, b int) int { return a - b },
	"list": func(xs ...string) []string { return xs },
	"add":  func(a, b int) int { return a + b },
}).ParseFS(assets, "templates/*.html"))

func (s *Server) routes() {
	mux := http.NewServeMux()
	static, _ := fs.Sub(assets, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", s.handleIndex)
	mux.HandleFunc("POST /upload", s.handleUpload)
	mux.HandleFunc("GET /doc/{sha}", s.handleDoc)
	mux.HandleFunc("GET /api/status/{sha}", s.handleStatus)
	mux.HandleFunc("GET /doc/{sha}/page/{file}", s.handlePage)
	mux.HandleFunc("POST /doc/{sha}/decide", s.handleDecide)
	mux.HandleFunc("GET /doc/{sha}/download/{kind}", s.handleDownload)
	mux.HandleFunc("GET /lang/{lang}", s.handleLang)
	s.mux = mux
}

// view is what every template gets.
type view struct {
	Lang review.Lang
	Path string // the request's path and query, for the language switch
	Data any
}

func (v view) T(key string) string { return tr(v.Lang, key) }

func (v view) Tf(key string, args ...any) string { return fmt.Sprintf(tr(v.Lang, key), args...) }

func (v view) Sev(sev string) string { return review.SeverityLabel(sev, v.Lang) }

func langOf(r *http.Request) review.Lang {
	if c, err := r.Cookie("lang"); err == nil {
		return review.ParseLang(c.Value)
	}
	return review.Chinese
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, name, view{Lang: langOf(r), Path: r.URL.RequestURI(), Data: data}); err != nil {
		s.cfg.Log.Printf("template %s: %v", name, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail shows the error page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error.html", msg)
}

func (s *Server) handleLang(w http.ResponseWriter, r *http.Request) {
	lang := review.ParseLang(r.PathValue("lang"))
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: string(lang), Path: "/", SameSite: http.SameSiteStrictMode, MaxAge: 365 * 24 * 3600})
	back := r.URL.Query().Get("back")
	if !localPath(back) {
		back = "/"
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// localPath reports whether a redirect target stays on this server: a
// path, not "//host" or "/\host" (which browsers read as another host).
func localPath(p string) bool {
	return strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "/\\") &&
		!strings.ContainsAny(p, "\r\n")
}

// listed is a document on the start page.
type listed struct {
	SHA, Name, State, Err string
	Ahead                 int
	Checked               time.Time
	Counts                map[string]int
}

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	var waiting []listed
	s.mu.Lock()
	for _, j := range s.jobs {
		waiting = append(waiting, listed{SHA: j.sha, Name: j.name, State: j.state, Err: j.err, Checked: j.queued})
	}
	s.mu.Unlock()
	for i := range waiting {
		waiting[i].State, waiting[i].Ahead, waiting[i].Err = s.status(waiting[i].SHA)
	}
	sort.Slice(waiting, func(i, j int) bool { return waiting[i].Checked.Before(waiting[j].Checked) })
	var recent []listed
	entries, _ := os.ReadDir(filepath.Join(s.cfg.DataDir, "results"))
	type dated struct {
		sha string
		t   time.Time
	}
	var ds []dated
	for _, e := range entries {
		sha, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || !shaRx.MatchString(sha) {
			continue
		}
		if info, err := e.Info(); err == nil {
			ds = append(ds, dated{sha, info.ModTime()})
		}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].t.After(ds[j].t) })
	for _, d := range ds[:min(len(ds), 30)] {
		res, err := s.loadResult(d.sha)
		if err != nil {
			continue
		}
		l := listed{SHA: d.sha, Name: res.Name, State: "done", Checked: res.Checked, Counts: map[string]int{}}
		for _, f := range res.Out.Findings {
			l.Counts[f.Severity]++
		}
		recent = append(recent, l)
	}
	s.render(w, r, http.StatusOK, "index.html", map[string]any{
		"Waiting": waiting, "Recent": recent, "Days": int(s.cfg.Retention.Hours() / 24),
	})
}

// handleUpload stores each uploaded file under its SHA-256 and queues it.
func (s *Server) handleUpload(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, int64(s.cfg.MaxFiles)*(s.cfg.MaxUpload+4096)+1<<20)
	mr, err := r.MultipartReader()
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "上传请求无效 / not a file upload: "+err.Error())
		return
	}
	var shas, problems []string
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			s.fail(w, r, http.StatusBadRequest, "上传中断 / the upload was cut off: "+err.Error())
			return
		}
		if part.FormName() != "file" || part.FileName() == "" {
			part.Close()
			continue
		}
		name := displayName(part.FileName())
		if len(shas)+len(problems) >= s.cfg.MaxFiles {
			problems = append(problems, fmt.Sprintf("%s: 一次最多上传 %d 个文件 / at most %d files at once", name, s.cfg.MaxFiles, s.cfg.MaxFiles))
			part.Close()
			continue
		}
		sha, err := s.storeUpload(part)
		part.Close()
		if err == nil {
			err = os.WriteFile(s.filePath(sha)+".name", []byte(name), 0o600)
		}
		if err != nil {
			problems = append(problems, name+": "+err.Error())
			continue
		}
		if err := s.enqueue(sha, name); err != nil {
			problems = append(problems, name+": 服务器繁忙，请稍后再试 / "+err.Error())
			continue
		}
		shas = append(shas, sha)
	}
	switch {
	case len(problems) > 0:
		status := http.StatusBadRequest
		if len(shas) > 0 {
			status = http.StatusOK
		}
		s.render(w, r, status, "error.html", strings.Join(problems, "\n"))
	case len(shas) == 0:
		s.fail(w, r, http.StatusBadRequest, "没有选择文件 / no file was chosen")
	case len(shas) == 1:
		http.Redirect(w, r, "/doc/"+shas[0], http.StatusSeeOther)
	default:
		http.Redirect(w, r, "/", http.StatusSeeOther)
	}
}

// displayName is the uploaded file's base name, for display only: the
// file is stored under its hash.
func displayName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 120 {
		name = string(r[:120])
	}
	if name == "" || name == "." || name == "/" {
		name = "upload"
	}
	return name
}

// storeUpload copies one uploaded file into the data directory under its
// SHA-256, refusing files over the size limit.
func (s *Server) storeUpload(part io.Reader) (string, error) {
	tmp, err := os.CreateTemp(filepath.Join(s.cfg.DataDir, "files"), ".upload-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(part, s.cfg.MaxUpload+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("上传失败 / upload failed: %w", err)
	}
	if n > s.cfg.MaxUpload {
		return "", fmt.Errorf("文件超过 %d MB 的上限 / larger than the %d MB limit", s.cfg.MaxUpload>>20, s.cfg.MaxUpload>>20)
	}
	if n == 0 {
		return "", errors.New("文件为空 / the file is empty")
	}
	sha := hex.EncodeToString(h.Sum(nil))
	if err := os.Rename(tmp.Name(), s.filePath(sha)); err != nil {
		return "", err
	}
	now := time.Now()
	os.Chtimes(s.filePath(sha), now, now) // a re-upload restarts the retention period
	return sha, nil
}

func (s *Server) handleStatus(w http.ResponseWriter, r *http.Request) {
	sha := r.PathValue("sha")
	state, ahead, msg := s.status(sha)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(map[string]any{"state": state, "ahead": ahead, "error": msg})
}

// item is a finding as shown.
type item struct {
	ID       string
	F        schema.Finding
	Message  string
	Suggest  string
	Decision store.Decision
	New      bool
	URL      string
	Selected bool
}

type ruleGroup struct {
	Rule  string
	Items []item
}

type sevGroup struct {
	Sev   string
	Count int
	Rules []ruleGroup
}

type box struct {
	Left, Top, Width, Height string
	Sev, ID                  string
	Selected, Ignored        bool
	URL                      string
}

type docView struct {
	Res                      *result
	Page, Pages              int
	PDF, HasFile             bool
	PageView                 pageView
	Boxes                    []box
	Marked                   map[int]string // line → severity of a finding on it
	SelectedLine             int
	Groups                   []sevGroup
	Shown, Total             int
	Counts                   map[string]int
	Sev, Rule, Selected      string
	Rules                    []string
	Prev                     *result
	PrevName                 string
	Fixed                    []schema.Finding
	FixedN, NewN, RemainingN int
	Query                    string // the filter as a query string
}

func (s *Server) handleDoc(w http.ResponseWriter, r *http.Request) {
	sha := r.PathValue("sha")
	if !shaRx.MatchString(sha) {
		s.fail(w, r, http.StatusNotFound, "没有这个文件 / no such document")
		return
	}
	res, err := s.loadResult(sha)
	if err != nil {
		state, ahead, msg := s.status(sha)
		if _, err := os.Stat(s.filePath(sha)); state == "" && err == nil {
			// Stored but not checked: the server stopped while it was
			// queued. Queue it again.
			name, _ := os.ReadFile(s.filePath(sha) + ".name")
			if s.enqueue(sha, displayName(string(name))) == nil {
				state, ahead, msg = s.status(sha)
			}
		}
		switch state {
		case "":
			s.fail(w, r, http.StatusNotFound, "没有这个文件，或已按保留期限删除 / no such document, or removed after the retention period")
		case "failed":
			s.fail(w, r, http.StatusUnprocessableEntity, "无法检查这个文件 / the file could not be checked: "+msg)
		default:
			s.render(w, r, http.StatusOK, "pending.html", map[string]any{"SHA": sha, "State": state, "Ahead": ahead})
		}
		return
	}
	decisions, err := s.store.Decisions(sha)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	q := r.URL.Query()
	v := &docView{Res: res, Pages: max(len(res.Pages), 1), PDF: res.Format == string(extract.FormatPDF),
		Sev: q.Get("sev"), Rule: q.Get("rule"), Selected: q.Get("f"), Counts: map[string]int{}, Marked: map[int]string{}}
	_, err = os.Stat(s.filePath(sha))
	v.HasFile = err == nil
	filter := url.Values{}
	if v.Sev != "" {
		filter.Set("sev", v.Sev)
	}
	if v.Rule != "" {
		filter.Set("rule", v.Rule)
	}
	v.Query = filter.Encode()
	fs := res.Out.Findings
	v.Page = 1
	if p, err := strconv.Atoi(q.Get("page")); err == nil {
		v.Page = min(max(p, 1), v.Pages)
	} else if v.Selected != "" {
		for i, id := range res.IDs {
			if id == v.Selected {
				v.Page = min(max(fs[i].Loc.Page, 1), v.Pages)
			}
		}
	}
	if v.Page-1 < len(res.Pages) {
		v.PageView = res.Pages[v.Page-1]
	}
	var prevIDs map[string]bool
	if res.Previous != "" {
		if p, err := s.store.Previous(sha); err == nil && p != nil {
			cmp := store.Compare(p.Findings, res.IDs)
			v.FixedN, v.NewN, v.RemainingN, v.PrevName = len(cmp.Fixed), len(cmp.New), len(cmp.Remaining), p.Name
			prevIDs = map[string]bool{}
			for _, id := range p.Findings {
				prevIDs[id] = true
			}
			if prev, err := s.loadResult(p.SHA256); err == nil {
				fixed := map[string]bool{}
				for _, id := range cmp.Fixed {
					fixed[id] = true
				}
				for i, id := range prev.IDs {
					if fixed[id] {
						v.Fixed = append(v.Fixed, prev.Out.Findings[i])
					}
				}
			}
		}
	}
	rules := map[string]bool{}
	bySev := map[string]map[string][]item{}
	for i, f := range fs {
		v.Counts[f.Severity]++
		rules[f.Rule] = true
		if (v.Sev != "" && f.Severity != v.Sev) || (v.Rule != "" && f.Rule != v.Rule) {
			continue
		}
		id := res.IDs[i]
		link := url.Values{}
		for k, vs := range filter {
			link[k] = vs
		}
		link.Set("page", strconv.Itoa(max(f.Loc.Page, 1)))
		link.Set("f", id)
		anchor := "#view"
		if !v.PDF {
			anchor = fmt.Sprintf("#L%d", f.Loc.Line)
		}
		it := item{ID: id, F: f, Message: review.Message(f, langOf(r)), Suggest: review.Suggestion(f.Rule, langOf(r)),
			Decision: decisions[id], New: prevIDs != nil && !prevIDs[id], Selected: id == v.Selected,
			URL: "/doc/" + sha + "?" + link.Encode() + anchor}
		if bySev[f.Severity] == nil {
			bySev[f.Severity] = map[string][]item{}
		}
		bySev[f.Severity][f.Rule] = append(bySev[f.Severity][f.Rule], it)
		v.Shown++
		if max(f.Loc.Page, 1) != v.Page {
			continue
		}
		if v.PDF && i < len(res.Boxes) && res.Boxes[i] != nil && v.PageView.Width > 0 {
			b := *res.Boxes[i]
			v.Boxes = append(v.Boxes, box{
				Left: pctOf(b[0]-2, v.PageView.Width), Top: pctOf(b[1]-2, v.PageView.Height),
				Width: pctOf(b[2]-b[0]+4, v.PageView.Width), Height: pctOf(b[3]-b[1]+4, v.PageView.Height),
				Sev: f.Severity, ID: id, Selected: it.Selected, Ignored: it.Decision.Status == store.Ignored, URL: it.URL})
		}
		if !v.PDF {
			if _, ok := v.Marked[f.Loc.Line]; !ok || check.Severity(f.Severity).Rank() > check.Severity(v.Marked[f.Loc.Line]).Rank() {
				v.Marked[f.Loc.Line] = f.Severity
			}
			if it.Selected {
				v.SelectedLine = f.Loc.Line
			}
		}
	}
	v.Total = len(fs)
	for r := range rules {
		v.Rules = append(v.Rules, r)
	}
	sort.Strings(v.Rules)
	for _, sev := range []string{"error", "warning", "info"} {
		g := sevGroup{Sev: sev}
		var names []string
		for rule := range bySev[sev] {
			names = append(names, rule)
		}
		sort.Slice(names, func(i, j int) bool { return ruleOrder(names[i]) < ruleOrder(names[j]) })
		for _, rule := range names {
			g.Rules = append(g.Rules, ruleGroup{Rule: rule, Items: bySev[sev][rule]})
			g.Count += len(bySev[sev][rule])
		}
		if g.Count > 0 {
			v.Groups = append(v.Groups, g)
		}
	}
	s.render(w, r, http.StatusOK, "doc.html", v)
}

func pctOf(v, of float64) string {
	return strconv.FormatFloat(max(0, min(100, 100*v/of)), 'f', 3, 64)
}

// ruleOrder sorts rules in catalogue order.
func ruleOrder(id string) int {
	for i, r := range check.All {
		if r.ID == id {
			return i
		}
	}
	return len(check.All)
}

func (s *Server) handlePage(w http.ResponseWriter, r *http.Request) {
	sha := r.PathValue("sha")
	num, ok := strings.CutSuffix(r.PathValue("file"), ".png")
	page, err := strconv.Atoi(num)
	if !shaRx.MatchString(sha) || !ok || err != nil || page < 1 {
		http.NotFound(w, r)
		return
	}
	cached := s.pagePath(sha, page, pageDPI)
	img, err := os.ReadFile(cached)
	if err != nil {
		data, err := os.ReadFile(s.filePath(sha))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.timeout())
		defer cancel()
		img, err = pdf.RenderPage(ctx, data, page, pageDPI)
		if err != nil {
			http.Error(w, "cannot render the page: "+err.Error(), http.StatusUnprocessableEntity)
			return
		}
		writeFileAtomic(cached, img)
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, max-age=86400")
	w.Write(img)
}

func (s *Server) timeout() time.Duration {
	if s.cfg.Read.Timeout > 0 {
		return s.cfg.Read.Timeout
	}
	return read.DefaultTimeout
}

func (s *Server) handleDecide(w http.ResponseWriter, r *http.Request) {
	sha := r.PathValue("sha")
	res, err := s.loadResult(sha)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, "没有这个文件 / no such document")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	id := r.FormValue("id")
	known := false
	for _, k := range res.IDs {
		known = known || k == id
	}
	st, err := store.ParseStatus(r.FormValue("status"))
	if !known || err != nil {
		s.fail(w, r, http.StatusBadRequest, "无效的处理意见 / not a decision about a finding of this document")
		return
	}
	note := strings.TrimSpace(r.FormValue("note"))
	if r := []rune(note); len(r) > 2000 {
		note = string(r[:2000])
	}
	if err := s.store.Decide(sha, id, st, note); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	back := r.FormValue("back")
	if !strings.HasPrefix(back, "/doc/"+sha) || !localPath(back) {
		back = "/doc/" + sha
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

func (s *Server) handleDownload(w http.ResponseWriter, r *http.Request) {
	sha := r.PathValue("sha")
	res, err := s.loadResult(sha)
	if err != nil {
		s.fail(w, r, http.StatusNotFound, "没有这个文件 / no such document")
		return
	}
	base := strings.TrimSuffix(res.Name, filepath.Ext(res.Name))
	var buf bytes.Buffer
	var name, ctype string
	docs := []check.DocResult{{Path: res.Name, Findings: res.Out.Findings, Out: res.Out}}
	switch r.PathValue("kind") {
	case "annotated":
		data, err := os.ReadFile(s.filePath(sha))
		if err != nil {
			s.fail(w, r, http.StatusGone, "原文件已按保留期限删除，请重新上传 / the file was removed after the retention period; upload it again")
			return
		}
		format := extract.Format(res.Format)
		if format != extract.FormatPDF && format != extract.FormatDOCX {
			s.fail(w, r, http.StatusBadRequest, annotate.ErrFormat.Error())
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.timeout())
		defer cancel()
		doc, _, err := read.Bytes(ctx, res.Name, data, s.cfg.Read)
		if err != nil {
			s.fail(w, r, http.StatusUnprocessableEntity, err.Error())
			return
		}
		out, _, err := annotate.Copy(ctx, format, data, doc, res.Out.Findings)
		if err != nil {
			s.fail(w, r, http.StatusUnprocessableEntity, err.Error())
			return
		}
		buf.Write(out)
		name = base + ".annotated" + annotate.Extension(format)
		ctype = "application/pdf"
		if format == extract.FormatDOCX {
			ctype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
		}
	case "xlsx":
		decisions, err := s.store.Decisions(sha)
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, err.Error())
			return
		}
		rows := make([]review.Row, len(res.Out.Findings))
		for i, f := range res.Out.Findings {
			d := decisions[res.IDs[i]]
			rows[i] = review.Row{Finding: f, Note: d.Note}
			switch d.Status {
			case store.Accepted:
				rows[i].Decision = tr(review.Chinese, "accepted.s")
			case store.Ignored:
				rows[i].Decision = tr(review.Chinese, "ignored.s")
			}
		}
		if err := review.WriteXLSX(&buf, rows); err != nil {
			s.fail(w, r, http.StatusInternalServerError, err.Error())
			return
		}
		name, ctype = base+".findings.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case "sarif":
		if err := check.WriteSARIF(&buf, docs); err != nil {
			s.fail(w, r, http.StatusInternalServerError, err.Error())
			return
		}
		name, ctype = base+".sarif", "application/sarif+json"
	case "json":
		full, err := os.ReadFile(s.fullPath(sha))
		var out schema.Document
		if err == nil {
			err = json.Unmarshal(full, &out)
		}
		if err == nil {
			docs[0].Out = &out
			err = check.WriteJSON(&buf, docs)
		}
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, err.Error())
			return
		}
		name, ctype = base+".findings.json", "application/json"
	default:
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Write(buf.Bytes())
}
