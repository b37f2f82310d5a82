package facts_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/facts"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
	"github.com/budgetdoc/budgetdoc/nlp/segment"
	"github.com/budgetdoc/budgetdoc/schema"
)

// BenchmarkExtract measures text → facts over the real corpus (reading and
// normalizing are done before the timer starts); MB/s is of normalized text.
func BenchmarkExtract(b *testing.B) {
	root := testenv.CorpusDir(b)
	paths, _ := filepath.Glob(filepath.Join(root, "*"))
	type doc struct {
		txt  *normalize.Text
		tree *outline.Outline
		meta schema.Meta
	}
	var docs []doc
	var size int64
	for _, p := range paths {
		if filepath.Ext(p) == ".md" || filepath.Ext(p) == ".csv" {
			continue
		}
		res, err := pipeline.File(context.Background(), p, pipeline.Options{TextOnly: true})
		if err != nil {
			continue
		}
		docs = append(docs, doc{res.Text, res.Tree, res.Out.Meta})
		for _, pg := range res.Text.Pages {
			for _, it := range pg.Items {
				if it.Line != nil {
					size += int64(len(it.Line.Orig)) + 1
				}
			}
		}
	}
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if _, err := facts.Extract(context.Background(), d.txt, d.tree, d.meta, seg); err != nil {
				b.Fatal(err)
			}
		}
	}
}
