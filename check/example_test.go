package check_test

import (
	"context"
	"fmt"
	"log"

	"github.com/budgetdoc/budgetdoc/check"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
)

// Run checks a processed document with the whole catalogue (or the rules
// of Options.Rules) and returns the findings in document order; each names
// its rule, the place, the text as written and the facts involved.
func ExampleRun() {
	draft := "上海市普陀区司法局2026年部门预算\n" +
		"2026年本部门政府采购预算1468.42万元，其中：政府采购货物预算3.66万元、政府采购工程预算36.44万元、政府采购服务预算1446.32万元。\n" +
		"财政拨款收入支出增加（减少）的主要原因是业务量增加。\n"
	res, err := pipeline.Bytes(context.Background(), "draft.txt", []byte(draft), pipeline.Options{})
	if err != nil {
		log.Fatal(err)
	}
	// Profile "none": a snippet is not a whole disclosure, so the rule that
	// asks for the required tables and sections is left out.
	out, err := check.Run(context.Background(), res, check.Options{Profile: "none"})
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range out.Findings {
		fmt.Printf("%d:%d %s %s: %s %v\n", f.Loc.Page, f.Loc.Line, f.Severity, f.Rule, f.Evidence, f.Facts)
	}
	// Output:
	// 1:2 error sum-mismatch: 2026年本部门政府采购预算1468.42万元 [f1 f2 f3 f4]
	// 1:3 error template-leftover: 财政拨款收入支出增加（减少）的主要原因是业务量增加 []
}
