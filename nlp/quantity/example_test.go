package quantity_test

import (
	"fmt"

	"github.com/budgetdoc/budgetdoc/nlp/quantity"
)

// Quantities are found before segmentation, with exact decimal values:
// money in yuan, percentages in percent, counts with their measure word; a
// year is not a quantity. Start and End locate each in the text.
func ExampleScan() {
	text := "2026年预算安排1,234.56万元，比上年增长3.5%（增加四十二万元），编制181人。"
	for _, q := range quantity.Scan(text, quantity.Options{}) {
		fmt.Printf("%s %q at [%d,%d): %s %s\n", q.Kind, q.Text, q.Start, q.End, q.Value, q.Unit)
	}
	// Output:
	// money "1,234.56万元" at [19,33): 12345600 CNY
	// percent "3.5%" at [51,55): 3.5 %
	// money "四十二万元" at [64,79): 420000 CNY
	// count "181人" at [91,97): 181 人
}
