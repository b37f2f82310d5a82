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
	// `word freq pos` lines with single spaces (validateMainDict holds the
	// file to that); parsed by hand, this loop is most of a model's load.
	for line := range bytes.Lines(main) {
		line = bytes.TrimRight(line, "\r\n")
		i := bytes.IndexByte(line, ' ')
		if i <= 0 {
			continue
		}
		j := bytes.IndexByte(line[i+1:], ' ')
		if j <= 0 {
			continue
		}
		n, err := strconv.Atoi(string(line[i+1 : i+1+j]))
		if err != nil || n <= 0 {
			continue
		}
		fn(string(line[:i]), n, string(line[i+2+j:]))
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
