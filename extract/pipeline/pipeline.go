// Package pipeline runs the single-document stages in order — read,
// normalize, meta, outline, facts, projects, tables — and
// assembles the schema.Document that the CLI and batch mode emit.
package pipeline

import (
	"context"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/facts"
	"github.com/budgetdoc/budgetdoc/extract/meta"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/extract/projects"
	"github.com/budgetdoc/budgetdoc/extract/read"
	"github.com/budgetdoc/budgetdoc/extract/tables"
	"github.com/budgetdoc/budgetdoc/nlp/segment"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Options configure a run.
type Options struct {
	Read read.Options
	// TextOnly stops after normalize, meta and outline: no facts are
	// extracted, so the segmenter (about half a second to load) is never
	// loaded. For commands that only show text.
	TextOnly bool
}

// Result is everything known about one document.
type Result struct {
	Doc  *extract.Document // as read
	Text *normalize.Text   // normalized
	Tree *outline.Outline  // numbered headings and list items
	Out  *schema.Document  // the contract
	// Tables are the understood tables behind Out.Tables (nil for a text-only
	// run), kept so that the checks need not parse them again.
	Tables []*tables.Table
}

// File processes the file at path. A read failure is returned as an
// *extract.Error naming the file.
func File(ctx context.Context, path string, opt Options) (*Result, error) {
	warmUp(opt)
	doc, src, err := read.File(ctx, path, opt.Read)
	if err != nil {
		return nil, err
	}
	return run(doc, src, opt), nil
}

// Bytes processes a document held in memory.
func Bytes(ctx context.Context, path string, data []byte, opt Options) (*Result, error) {
	warmUp(opt)
	doc, src, err := read.Bytes(ctx, path, data, opt.Read)
	if err != nil {
		return nil, err
	}
	return run(doc, src, opt), nil
}

// warmUp starts loading the segmenter (about half a second, once per
// process) while the document is being read, instead of after it.
func warmUp(opt Options) {
	if !opt.TextOnly {
		go segment.Default() // an error is reported where the segmenter is used
	}
}

// Document runs the stages after reading.
func Document(doc *extract.Document, src read.Source) *Result {
	return run(doc, src, Options{})
}

func run(doc *extract.Document, src read.Source, opt Options) *Result {
	txt := normalize.Document(doc)
	tree := outline.Build(txt)
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
		Warnings: doc.Warnings,
	}
	res := &Result{Doc: doc, Text: txt, Tree: tree, Out: out}
	if !opt.TextOnly {
		// The segmenter is loaded on first use, once per process. Without
		// it facts are still found, with subjects cut by punctuation only.
		seg, err := segment.Default()
		if err != nil {
			out.Warnings = append(out.Warnings, "segmenter unavailable, subjects are approximate: "+err.Error())
			seg = nil
		}
		out.Facts = facts.Extract(txt, tree, out.Meta, seg)
		out.Projects = projects.Extract(txt, tree)
		res.Tables = tables.Fill(out, txt)
	}
	return res
}
