package projects

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
)

// BenchmarkExtract measures Extract alone on the corpus document with the
// most projects and indicators (reading and normalizing are not timed).
func BenchmarkExtract(b *testing.B) {
	path := filepath.Join(sharedDir(b), "corpus", "real", "shanghai_putuo_wanlijiedao_2023_dept_budget.pdf")
	res, err := pipeline.File(context.Background(), path, pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(textBytes(res.Text)))
	b.ResetTimer()
	for b.Loop() {
		Extract(res.Text, res.Tree)
	}
}

func BenchmarkParseList(b *testing.B) {
	s := "产出指标：数量指标：办理案件数≥120件；培训人次≥300人次；系统正常运行月数12个月。质量指标：系统故障修复率≥95%；社会效益指标：补贴对象生活改善度不低于80%。"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		ParseList(s)
	}
}

func textBytes(t *normalize.Text) int {
	n := 0
	for _, p := range t.Pages {
		for _, it := range p.Items {
			if it.Line != nil {
				n += len(it.Line.Orig)
			}
		}
	}
	return n
}
