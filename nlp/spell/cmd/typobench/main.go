// Command typobench measures the spelling check on ECSpell's 公文写作 (odw)
// training split with the standard Chinese spelling-check metrics, on the
// whole split, on its derivation part (where the odw confusion pairs come
// from) and on its held-out part (every fifth sentence, never used to
// derive pairs or choose thresholds).
//
//	go run ./nlp/spell/cmd/typobench [-v] ../shared/lexicons/ecspell_odw.train.tsv
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/budgetdoc/budgetdoc/nlp/spell"
)

func main() {
	verbose := flag.Bool("v", false, "list the false alarms and misses of the derivation part (never the held-out part: it is not for tuning)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: typobench [-v] ecspell_odw.train.tsv")
		os.Exit(2)
	}
	path := flag.Arg(0)
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	sents, skipped, err := spell.ReadECSpell(f)
	f.Close()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
		os.Exit(2)
	}
	t0 := time.Now()
	m, err := spell.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	load := time.Since(t0)
	var all, derive, held, prose, proseHeld spell.Metrics
	t0 = time.Now()
	for _, s := range sents {
		ps := m.CheckWith(string(s.Wrong), spell.Options{MinWord: 3, Prose: true})
		prose.Add(s, ps)
		if spell.HeldOut(s.Index) {
			proseHeld.Add(s, ps)
		}
		sug := m.Check(string(s.Wrong))
		all.Add(s, sug)
		if spell.HeldOut(s.Index) {
			held.Add(s, sug)
		} else {
			derive.Add(s, sug)
			if *verbose {
				report(s, sug)
			}
		}
	}
	check := time.Since(t0)
	fmt.Printf("ECSpell odw train (%s; %d sentence pairs of unequal length skipped)\n", path, skipped)
	fmt.Printf("model load %v, check %v\n\n", load.Round(time.Millisecond), check.Round(time.Millisecond))
	fmt.Println("## whole train split (the odw confusion pairs were derived from 80% of it)")
	fmt.Println(all.Table())
	fmt.Println("## derivation part (80%: sentences i%5 != 4)")
	fmt.Println(derive.Table())
	fmt.Println("## held-out part (20%: sentences i%5 == 4, not used for pairs or thresholds)")
	fmt.Println(held.Table())
	fmt.Println("## the check rule's prose mode (MinWord 3, Prose filters), whole train split")
	fmt.Println(prose.Table())
	fmt.Println("## the check rule's prose mode, held-out part")
	fmt.Println(proseHeld.Table())
}

func report(s spell.Sentence, sug []spell.Suggestion) {
	gold := map[int]bool{}
	for _, i := range s.Errors() {
		gold[i] = true
	}
	text := string(s.Wrong)
	pos := map[int]int{}
	k := 0
	for off := range text {
		pos[off] = k
		k++
	}
	for _, g := range sug {
		i := pos[g.Start]
		if !gold[i] {
			fmt.Printf("FALSE %d: %s … %s\n", s.Index, g, string(s.Wrong[max(0, i-6):min(len(s.Wrong), i+7)]))
		} else if string(s.Right[i]) != g.Right {
			fmt.Printf("WRONGFIX %d: %s want %c\n", s.Index, g, s.Right[i])
		}
		delete(gold, i)
	}
	for i := range gold {
		fmt.Printf("MISS %d: %c→%c … %s\n", s.Index, s.Wrong[i], s.Right[i], string(s.Wrong[max(0, i-6):min(len(s.Wrong), i+7)]))
	}
}
