// Command odwpairs derives the character confusion pairs of
// nlp/spell/data/odw_pairs.tsv from ECSpell's odw training split, using
// only the derivation part (HeldOut sentences are left out).
//
//	go run ./nlp/spell/cmd/odwpairs ../shared/lexicons/ecspell_odw.train.tsv > nlp/spell/data/odw_pairs.tsv
package main

import (
	"fmt"
	"os"
	"sort"

	"github.com/budgetdoc/budgetdoc/nlp/spell"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: odwpairs ecspell_odw.train.tsv")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer f.Close()
	sents, _, err := spell.ReadECSpell(f)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", os.Args[1], err)
		os.Exit(2)
	}
	type pair struct{ w, r rune }
	count := map[pair]int{}
	for _, s := range sents {
		if spell.HeldOut(s.Index) {
			continue
		}
		for _, i := range s.Errors() {
			count[pair{s.Wrong[i], s.Right[i]}]++
		}
	}
	ps := make([]pair, 0, len(count))
	for p := range count {
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool {
		if count[ps[i]] != count[ps[j]] {
			return count[ps[i]] > count[ps[j]]
		}
		if ps[i].w != ps[j].w {
			return ps[i].w < ps[j].w
		}
		return ps[i].r < ps[j].r
	})
	fmt.Println("# wrong TAB right TAB count: character confusions in the derivation part (sentences i%5 != 4)")
	fmt.Println("# of ECSpell odw.train (aopolin-lv/ECSpell at 025bf43f, MIT, see LICENSE-ecspell).")
	fmt.Println("# Regenerate: go run ./nlp/spell/cmd/odwpairs ../shared/lexicons/ecspell_odw.train.tsv")
	for _, p := range ps {
		fmt.Printf("%c\t%c\t%d\n", p.w, p.r, count[p])
	}
}
