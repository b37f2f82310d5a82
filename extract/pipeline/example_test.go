package pipeline_test

import (
	"context"
	"fmt"
	"log"

	"github.com/budgetdoc/budgetdoc/extract/pipeline"
)

// File reads a document (the format is sniffed from the bytes) and runs
// every stage: the result holds the contract document, with each fact's
// exact value in yuan and the page and line it came from.
func ExampleFile() {
	res, err := pipeline.File(context.Background(), "../../samples/shanghai_putuo_shiquanlujiedao_2026_unit_budget_pages.json", pipeline.Options{})
	if err != nil {
		log.Fatal(err)
	}
	m := res.Out.Meta
	fmt.Println(m.Organization, m.FiscalYear, m.Kind, m.Scope)
	for _, f := range res.Out.Facts[:3] {
		fmt.Printf("%s %d:%d %s = %s (%s)\n", f.ID, f.Loc.Page, f.Loc.Line, f.Subject, f.Value, f.Text)
	}
	// Output:
	// 上海市普陀区人民政府石泉路街道办事处(本级) 2026 budget unit
	// f1 4:2 内设机构 = 8 (8个)
	// f2 6:2 收入预算 = 76306100 (7,630.61万元)
	// f3 6:2 财政拨款收入 = 76306100 (7,630.61万元)
}
