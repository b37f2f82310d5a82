// Package pipeline runs the single-document stages in order — read,
// normalize, meta, outline (and, as they land, quantities and facts) — and
// assembles the schema.Document that the CLI and batch mode emit.
package pipeline

import (
	"context"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/meta"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/extract/read"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Options configure a run.
type Options struct {
	Read read.Options
}

// Result is everything known about one document.
type Result struct {
	Doc  *extract.Document // as read
	Text *normalize.Text   // normalized
	Tree *outline.Outline  // numbered headings and list items
	Out  *schema.Document  // the contract
}

// File processes the file at path. A read failure is returned as an
// *extract.Error naming the file.
func File(ctx context.Context, path string, opt Options) (*Result, error) {
	doc, src, err := read.File(ctx, path, opt.Read)
	if err != nil {
		return nil, err
	}
	return Document(doc, src), nil
}

// Bytes processes a document held in memory.
func Bytes(ctx context.Context, path string, data []byte, opt Options) (*Result, error) {
	doc, src, err := read.Bytes(ctx, path, data, opt.Read)
	if err != nil {
		return nil, err
	}
	return Document(doc, src), nil
}

// Document runs the stages after reading.
func Document(doc *extract.Document, src read.Source) *Result {
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
	return &Result{Doc: doc, Text: txt, Tree: tree, Out: out}
}
