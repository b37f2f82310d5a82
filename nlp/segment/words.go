package segment

import (
	"bytes"
	"strconv"
)

// EachWord calls fn for every word of the embedded dictionaries with its
// frequency and part-of-speech tag: jieba's main dictionary first, then the budget user dictionary
// (whose words carry the frequencies given there). The spelling check scores
// candidate corrections with these counts; reading them here keeps one copy
// of the dictionary in the binary. Words are width-folded as jieba sees them.
func EachWord(fn func(word string, freq int, pos string)) error {
	main, err := gunzip(jiebaDictGz)
	if err != nil {
		return err
	}
	for line := range bytes.Lines(main) {
		f := bytes.Fields(line)
		if len(f) < 3 {
			continue
		}
		n, err := strconv.Atoi(string(f[1]))
		if err != nil || n <= 0 {
			continue
		}
		fn(string(f[0]), n, string(f[2]))
	}
	budget, err := parseBudgetDict(budgetDictSource)
	if err != nil {
		return err
	}
	for _, e := range budget {
		fn(e.Word, e.Freq, e.POS)
	}
	return nil
}
