package spell_test

import (
	"fmt"

	"github.com/budgetdoc/budgetdoc/nlp/spell"
)

func ExampleModel_CheckWith() {
	m, err := spell.Default()
	if err != nil {
		panic(err)
	}
	text := "建成后作为万里街道社区事物受理、社区管理、社区文化艺术活动场所。"
	for _, s := range m.CheckWith(text, spell.Options{MinWord: 3, Prose: true}) {
		fmt.Println(text[s.Start:s.End], "→", s.Right, s.Word)
	}
	// Output:
	// 物 → 务 社区事务
}
