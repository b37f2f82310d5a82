// Package pipeline runs the single-document stages in order — read,
// normalize, meta, outline, facts, projects, tables — and
// assembles the schema.Document that the CLI and batch mode emit.
package pipeline

import (
	"context"
	"fmt"
	"slices"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/facts"
	"github.com/budgetdoc/budgetdoc/extract/meta"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/extract/projects"
	"github.com/budgetdoc/budgetdoc/extract/read"
	"github.com/budgetdoc/budgetdoc/extract/tables"
	"github.com/budgetdoc/budgetdoc/extract/textlayer"
	"github.com/budgetdoc/budgetdoc/nlp/segment"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Options configure a run.
type Options struct {
	Read read.Options
	// TextOnly stops after normalize, meta and outline: no facts are
	// extracted, so the segmenter is never loaded (about 60 ms from its trie
	// snapshot in the user cache, 125 ms when it builds the trie). For
	// commands that only show text.
	TextOnly bool
}

// Result is everything known about one document.
type Result struct {
	Doc  *extract.Document // as read
	Text *normalize.Text   // normalized
	Tree *outline.Outline  // numbered headings and list items
	Out  *schema.Document  // the contract
	// Facts are the facts read from the text, numbered as in Out.Facts
	// (which lists them first, then the facts of the table cells), with
	// the exact place of each mention, for the checks (nil for a
	// text-only run).
	Facts []facts.Fact
	// Tables are the understood tables behind Out.Tables (nil for a text-only
	// run), kept so that the checks need not parse them again.
	Tables []*tables.Table
	// Unusable lists the pages whose text layer is not text (see
	// extract/textlayer): they are read as empty pages.
	Unusable []int
}

// File processes the file at path. A read failure is returned as an
// *extract.Error naming the file; a stage stopped by ctx returns ctx's
// error.
func File(ctx context.Context, path string, opt Options) (*Result, error) {
	warmUp(opt)
	doc, src, err := read.File(ctx, path, opt.Read)
	if err != nil {
		return nil, err
	}
	return Run(ctx, doc, src, opt)
}

// Bytes processes a document held in memory.
func Bytes(ctx context.Context, path string, data []byte, opt Options) (*Result, error) {
	warmUp(opt)
	doc, src, err := read.Bytes(ctx, path, data, opt.Read)
	if err != nil {
		return nil, err
	}
	return Run(ctx, doc, src, opt)
}

// warmUp starts loading the segmenter (once per process) while the
// document is being read, instead of after it.
func warmUp(opt Options) {
	if !opt.TextOnly {
		go segment.Default() // an error is reported where the segmenter is used
	}
}

// Run runs the stages after reading on doc and assembles the result: the
// stages return values, and Run alone writes the contract and numbers the
// facts. opt.Read is not used. Each stage watches ctx, so a cancelled or
// timed-out run stops within a page or a line of work and returns ctx's
// error.
func Run(ctx context.Context, doc *extract.Document, src read.Source, opt Options) (*Result, error) {
	// Pages whose text layer is not text (fonts without a Unicode
	// mapping) are read as empty: nothing is taken from junk.
	unusable := textlayer.Unusable(doc)
	txt, err := normalize.Run(ctx, textlayer.Without(doc, unusable))
	if err != nil {
		return nil, err
	}
	tree, err := outline.Build(ctx, txt)
	if err != nil {
		return nil, err
	}
	out := &schema.Document{
		Schema: schema.Version,
		Source: schema.Source{
			Path:   src.Path,
			Format: string(src.Format),
			SHA256: src.SHA256,
			Bytes:  src.Bytes,
			Pages:  len(doc.Pages),
		},
		Meta:     meta.Detect(txt, doc.Info),
		Outline:  tree.Sections(),
		Warnings: slices.Clone(doc.Warnings),
	}
	if len(unusable) > 0 {
		out.Warnings = append(out.Warnings, fmt.Sprintf("%s: the text layer is not text (fonts without a Unicode mapping?): nothing was taken from them",
			textlayer.PageList(unusable)))
	}
	res := &Result{Doc: doc, Text: txt, Tree: tree, Out: out, Unusable: unusable}
	if opt.TextOnly {
		return res, nil
	}
	// The segmenter is loaded on first use, once per process. Without it
	// facts are still found, with subjects cut by punctuation only.
	seg, err := segment.Default()
	if err != nil {
		out.Warnings = append(out.Warnings, "segmenter unavailable, subjects are approximate: "+err.Error())
		seg = nil
	}
	if res.Facts, err = facts.Extract(ctx, txt, tree, out.Meta, seg); err != nil {
		return nil, err
	}
	if out.Projects, err = projects.Extract(ctx, txt, tree); err != nil {
		return nil, err
	}
	if res.Tables, err = tables.ParseContext(ctx, txt); err != nil {
		return nil, err
	}
	// Facts are numbered in document order, those of the text first, then
	// those of the table cells.
	facts.Number(res.Facts, 1)
	out.Facts = facts.Schema(res.Facts)
	for _, t := range res.Tables {
		out.Tables = append(out.Tables, t.Schema())
		tf := t.Facts(len(out.Facts) + 1)
		facts.LinkTable(t, tf)
		out.Facts = append(out.Facts, tf...)
	}
	return res, nil
}
