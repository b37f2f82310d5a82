package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/budgetdoc/budgetdoc/check"
	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/review"
	"github.com/budgetdoc/budgetdoc/review/annotate"
	"github.com/budgetdoc/budgetdoc/review/store"
	"github.com/budgetdoc/budgetdoc/schema"
)

// job is a document waiting for or undergoing its check.
type job struct {
	sha, name string
	queued    time.Time
	state     string // "queued", "running", "failed"
	err       string
}

// result is a finished check as stored on disk: everything the pages
// need without reading the document again.
type result struct {
	SHA256  string           `json:"sha256"`
	Name    string           `json:"name"`
	Format  string           `json:"format"`
	Checked time.Time        `json:"checked"`
	Seconds float64          `json:"seconds"`
	Draft   string           `json:"draft"`
	Out     *schema.Document `json:"out"`
	IDs     []string         `json:"ids"` // review.Identities of Out.Findings
	// Boxes are the boxes to draw for Out.Findings (PDF): the finding's
	// box widened over the lines its evidence runs on (annotate.EvidenceBox).
	Boxes    []*schema.BBox `json:"boxes,omitempty"`
	Pages    []pageView     `json:"pages"`
	Previous string         `json:"previous,omitempty"` // SHA-256 of the draft's previous version
}

// pageView is what the page view shows of a page: its size (PDF) or its
// lines of text (other formats).
type pageView struct {
	Width  float64    `json:"w,omitempty"`
	Height float64    `json:"h,omitempty"`
	Lines  []lineView `json:"lines,omitempty"`
}

type lineView struct {
	N    int    `json:"n"`
	Text string `json:"t"`
}

// enqueue queues a stored upload for checking, unless it is checked or
// queued already.
func (s *Server) enqueue(sha, name string) error {
	if _, err := os.Stat(s.resultPath(sha)); err == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if j, ok := s.jobs[sha]; ok && j.state != "failed" {
		return nil
	}
	j := &job{sha: sha, name: name, queued: time.Now(), state: "queued"}
	select {
	case s.queue <- j:
		s.jobs[sha] = j
		return nil
	default:
		return errBusy
	}
}

// status reports a document's state: "done", "queued" (with the number of
// documents before it), "running", "failed" (with the error) or "" when
// unknown.
func (s *Server) status(sha string) (state string, ahead int, msg string) {
	if _, err := os.Stat(s.resultPath(sha)); err == nil {
		return "done", 0, ""
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[sha]
	if !ok {
		// The job may have finished since the first look: a worker writes
		// the result before it drops the job.
		if _, err := os.Stat(s.resultPath(sha)); err == nil {
			return "done", 0, ""
		}
		return "", 0, ""
	}
	if j.state == "queued" {
		for _, o := range s.jobs {
			if o.state == "queued" && o.queued.Before(j.queued) {
				ahead++
			}
		}
	}
	return j.state, ahead, j.err
}

func (s *Server) setState(j *job, state, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j.state, j.err = state, msg
	if state == "done" {
		delete(s.jobs, j.sha)
	}
}

func (s *Server) work(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-s.queue:
			s.setState(j, "running", "")
			if err := s.check(ctx, j); err != nil {
				s.cfg.Log.Printf("%s (%s): %v", j.name, j.sha[:12], err)
				s.setState(j, "failed", err.Error())
				continue
			}
			s.setState(j, "done", "")
		}
	}
}

// check runs the pipeline and the checks on a stored upload and stores
// the result.
func (s *Server) check(ctx context.Context, j *job) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	start := time.Now()
	data, err := os.ReadFile(s.filePath(j.sha))
	if err != nil {
		return errors.New("the uploaded file is no longer stored (removed after the retention period?)")
	}
	res, err := pipeline.Bytes(ctx, j.name, data, pipeline.Options{Read: s.cfg.Read})
	if err != nil {
		return err
	}
	c, err := check.Run(ctx, res, check.Options{})
	if err != nil {
		return err
	}
	found := c.Findings
	out := res.Out
	out.Findings = found
	out.Warnings = append(out.Warnings, c.Warnings...)
	r := &result{SHA256: j.sha, Name: j.name, Format: out.Source.Format, Checked: time.Now().UTC(),
		Draft: draftKey(out.Meta, j.name), Out: out, IDs: review.Identities(found), Pages: pageViews(res.Doc)}
	if res.Doc.Format == extract.FormatPDF {
		r.Boxes = make([]*schema.BBox, len(found))
		for i, f := range found {
			if f.Loc.BBox != nil && f.Loc.Page >= 1 && f.Loc.Page <= len(res.Doc.Pages) {
				b, _ := annotate.EvidenceBox(res.Doc.Pages[f.Loc.Page-1], f)
				r.Boxes[i] = &b
			}
		}
	}
	r.Seconds = time.Since(start).Seconds()
	prev, err := s.store.AddVersion(store.Version{SHA256: j.sha, Draft: r.Draft, Name: j.name, Checked: r.Checked, Findings: r.IDs})
	if err != nil {
		return fmt.Errorf("recording the version: %w", err)
	}
	if prev != nil {
		r.Previous = prev.SHA256
	}
	// The full contract document (facts, tables …) is only for the JSON
	// download; the pages read the slimmer result.
	full, err := json.Marshal(out)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(s.fullPath(j.sha), full); err != nil {
		return err
	}
	slim := *out
	slim.Outline, slim.Facts, slim.Projects, slim.Tables = nil, nil, nil, nil
	r.Out = &slim
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return writeFileAtomic(s.resultPath(j.sha), b)
}

// draftKey says which uploads are versions of one draft: the organisation,
// fiscal year, kind and scope the document states, or, when it does not
// state them, its file name without version marks (预算草稿v2.docx and
// 预算草稿v3.docx are one draft).
func draftKey(m schema.Meta, name string) string {
	if m.Organization != "" && m.FiscalYear != 0 {
		return strings.Join([]string{m.Organization, strconv.Itoa(m.FiscalYear), m.Kind, m.Scope}, "|")
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	base = strings.ToLower(base)
	base = strings.TrimRightFunc(base, func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune("vV._-（）()第版稿修改终", r)
	})
	return "name:" + base
}

// pageViews keeps what the page view needs: the size of each PDF page, the
// lines of text of the other formats.
func pageViews(doc *extract.Document) []pageView {
	out := make([]pageView, len(doc.Pages))
	for i, p := range doc.Pages {
		if doc.Format == extract.FormatPDF {
			out[i] = pageView{Width: p.Width, Height: p.Height}
			continue
		}
		var lines []lineView
		for _, l := range p.Lines() {
			lines = append(lines, lineView{N: l.Loc.Line, Text: l.Text})
		}
		out[i] = pageView{Lines: lines}
	}
	return out
}
