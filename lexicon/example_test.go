package lexicon_test

import (
	"fmt"

	"github.com/budgetdoc/budgetdoc/lexicon"
)

func ExampleLexicon_Canonical() {
	lex, err := lexicon.Default()
	if err != nil {
		panic(err)
	}
	fmt.Println(lex.Canonical("210"), lex.Canonical("30211"))
	p, ok := lex.CheckName("30301", "退休费")
	fmt.Println(ok, p.Want, p.OtherCode)
	// Output:
	// 卫生健康支出 差旅费
	// true 离休费 30302
}
