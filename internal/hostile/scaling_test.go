package hostile_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/budgetdoc/budgetdoc/check"
	"github.com/budgetdoc/budgetdoc/extract/facts"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/internal/hostile"
	"github.com/budgetdoc/budgetdoc/nlp/segment"
)

// BenchmarkLongLine times the stages after reading on a single line of 1, 2,
// 4 and 8 MB: each must be linear in the line's length, so that time per
// byte (ns/op ÷ size, or MB/s) stays within ±20% as the size doubles. (They
// were quadratic: 2.4 / 10 / 42 s for 0.5 / 1 / 2 MB of facts.)
//
//	go test -run '^$' -bench LongLine -benchtime 1x ./internal/hostile
func BenchmarkLongLine(b *testing.B) {
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, mb := range []int64{1, 2, 4, 8} {
		var line bytes.Buffer
		if err := hostile.LongLine(&line, mb<<20); err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		res, err := pipeline.Bytes(ctx, "line.txt", line.Bytes(), pipeline.Options{})
		if err != nil {
			b.Fatal(err)
		}
		stages := []struct {
			name string
			run  func()
		}{
			{"normalize", func() { normalize.Run(ctx, res.Doc) }},
			{"outline", func() { outline.Build(ctx, res.Text) }},
			{"facts", func() { facts.Extract(ctx, res.Text, res.Tree, res.Out.Meta, seg) }},
			{"checks", func() {
				if _, err := check.Run(ctx, res, check.Options{}); err != nil {
					b.Fatal(err)
				}
			}},
		}
		for _, st := range stages {
			b.Run(fmt.Sprintf("%s/%dMB", st.name, mb), func(b *testing.B) {
				b.SetBytes(mb << 20)
				for b.Loop() {
					st.run()
				}
			})
		}
	}
}
