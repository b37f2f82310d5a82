// Command trimpathmain segments one sentence with nlp/segment and prints the
// tokens separated by "|". TestTrimpathMovedBinary builds it with -trimpath,
// moves it and runs it with an empty cache dir.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/budgetdoc/budgetdoc/nlp/segment"
)

func main() {
	text := "2024年本部门收入预算总额1234.56万元"
	if len(os.Args) > 1 {
		text = os.Args[1]
	}
	seg, err := segment.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	start := strings.Index(text, "1234.56万元")
	var protected []segment.Span
	if start >= 0 {
		protected = []segment.Span{{Start: start, End: start + len("1234.56万元")}}
	}
	var words []string
	for _, tk := range seg.Segment(text, protected) {
		words = append(words, tk.Text+"/"+tk.POS)
	}
	fmt.Println(strings.Join(words, "|"))
}
