// Command odwpairs derives the per-pair evidence of the spelling check from
// ECSpell's odw training split, using only the derivation part (HeldOut
// sentences are left out):
//
//	go run ./nlp/spell/cmd/odwpairs ../shared/lexicons/ecspell_odw.train.tsv > nlp/spell/data/odw_pairs.tsv
//	go run ./nlp/spell/cmd/odwpairs -false ../shared/lexicons/ecspell_odw.train.tsv > nlp/spell/data/odw_false.tsv
//
// The first counts the character confusions of the gold corrections. The
// second (run after the first, with the new pairs embedded) counts the
// false alarms: confusions the model, without its false-alarm counts, from
// spell.FalseAlarmScore and from its reporting score, suggests at
// characters that are right.
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"

	"github.com/budgetdoc/budgetdoc/nlp/spell"
)

func main() {
	falses := flag.Bool("false", false, "count the model's false alarms instead of the gold confusions")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: odwpairs [-false] ecspell_odw.train.tsv")
		os.Exit(2)
	}
	path := flag.Arg(0)
	sents, _, err := spell.ReadECSpellFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var derive []spell.Sentence
	for _, s := range sents {
		if !spell.HeldOut(s.Index) {
			derive = append(derive, s)
		}
	}
	if *falses {
		m, err := spell.Default()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		write(spell.FalseAlarms(m.WithoutFalseAlarms(), derive),
			"# wrong TAB right TAB count: suggestions the model (without these counts; from score 3 and from its reporting score) made at a correct character",
			"go run ./nlp/spell/cmd/odwpairs -false ../shared/lexicons/ecspell_odw.train.tsv")
		return
	}
	write(spell.GoldPairs(derive), "# wrong TAB right TAB count: character confusions",
		"go run ./nlp/spell/cmd/odwpairs ../shared/lexicons/ecspell_odw.train.tsv")
}

func write(count map[spell.Pair]int, what, regen string) {
	ps := make([]spell.Pair, 0, len(count))
	for p := range count {
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool {
		if count[ps[i]] != count[ps[j]] {
			return count[ps[i]] > count[ps[j]]
		}
		if ps[i].Wrong != ps[j].Wrong {
			return ps[i].Wrong < ps[j].Wrong
		}
		return ps[i].Right < ps[j].Right
	})
	fmt.Println(what + " in the derivation part (sentences i%5 != 4)")
	fmt.Println("# of ECSpell odw.train (aopolin-lv/ECSpell at 025bf43f, MIT, see LICENSE-ecspell).")
	fmt.Println("# Regenerate: " + regen)
	for _, p := range ps {
		fmt.Printf("%c\t%c\t%d\n", p.Wrong, p.Right, count[p])
	}
}
