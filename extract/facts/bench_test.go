package facts_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/facts"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/nlp/segment"
	"github.com/budgetdoc/budgetdoc/schema"
)

// BenchmarkExtract measures text → facts over the real corpus (reading and
// normalizing are done before the timer starts); MB/s is of normalized text.
func BenchmarkExtract(b *testing.B) {
	root := corpusDir()
	if root == "" {
		b.Skip("corpus not found at ../shared/corpus/real")
	}
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
			facts.Extract(d.txt, d.tree, d.meta, seg)
		}
	}
}

func corpusDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(dir, "..", "shared", "corpus", "real")
			if _, err := os.Stat(d); err != nil {
				return ""
			}
			return d
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
