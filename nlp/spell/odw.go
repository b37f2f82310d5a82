package spell

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Sentence is one line of ECSpell's data: a sentence as written and as
// corrected, of the same length in characters.
type Sentence struct {
	Index        int // 0-based line number
	Wrong, Right []rune
}

// Errors returns the positions where the written sentence differs from the
// corrected one.
func (s Sentence) Errors() []int {
	var out []int
	for i := range s.Wrong {
		if s.Wrong[i] != s.Right[i] {
			out = append(out, i)
		}
	}
	return out
}

// HeldOut reports whether sentence i belongs to the held-out part (every
// fifth sentence), which the confusion pairs are not derived from.
func HeldOut(i int) bool { return i%5 == 4 }

// ReadECSpellFile reads the ECSpell file at path (ReadECSpell); errors
// name the file.
func ReadECSpellFile(path string) (sents []Sentence, skipped int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	sents, skipped, err = ReadECSpell(f)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	return sents, skipped, nil
}

// ReadECSpell reads ECSpell's `error_count TAB wrong TAB right` lines.
// Lines whose two sentences differ in length are skipped and counted.
func ReadECSpell(r io.Reader) (sents []Sentence, skipped int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for no := 0; sc.Scan(); no++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return nil, 0, fmt.Errorf("line %d: want 3 tab-separated fields, got %d", no+1, len(f))
		}
		if _, err := strconv.Atoi(f[0]); err != nil {
			return nil, 0, fmt.Errorf("line %d: error count %q is not a number", no+1, f[0])
		}
		w, r := []rune(f[1]), []rune(f[2])
		if len(w) != len(r) {
			skipped++
			continue
		}
		sents = append(sents, Sentence{Index: no, Wrong: w, Right: r})
	}
	return sents, skipped, sc.Err()
}

// Metrics are the standard measures of Chinese spelling check (as in SIGHAN
// and ECSpell): at sentence level a sentence counts as correctly detected
// when the set of flagged positions equals the set of wrong positions, and
// as correctly corrected when, in addition, every suggestion is right; at
// character level every flagged position counts.
type Metrics struct {
	Sentences, WithErrors int
	// sentence level
	SentFlagged, SentDetectTP, SentCorrectTP int
	// character level
	CharGold, CharFlagged, CharDetectTP, CharCorrectTP int
}

// Add scores one sentence given the suggestions made on its written form.
func (m *Metrics) Add(s Sentence, sug []Suggestion) {
	m.Sentences++
	gold := map[int]rune{}
	for _, i := range s.Errors() {
		gold[i] = s.Right[i]
	}
	if len(gold) > 0 {
		m.WithErrors++
	}
	// byte offsets → rune indexes
	text := string(s.Wrong)
	idx := map[int]int{}
	k := 0
	for off := range text {
		idx[off] = k
		k++
	}
	pred := map[int]rune{}
	for _, g := range sug {
		r := []rune(g.Right)
		if len(r) == 1 {
			pred[idx[g.Start]] = r[0]
		}
	}
	m.CharGold += len(gold)
	m.CharFlagged += len(pred)
	sameSet, allRight := len(pred) == len(gold), true
	for i, r := range pred {
		g, ok := gold[i]
		if !ok {
			sameSet = false
			allRight = false
			continue
		}
		m.CharDetectTP++
		if g == r {
			m.CharCorrectTP++
		} else {
			allRight = false
		}
	}
	if len(pred) > 0 {
		m.SentFlagged++
		if sameSet {
			m.SentDetectTP++
			if allRight {
				m.SentCorrectTP++
			}
		}
	}
}

// PRF is precision, recall and F1.
type PRF struct{ P, R, F1 float64 }

func prf(tp, pred, gold int) PRF {
	var p, r, f float64
	if pred > 0 {
		p = float64(tp) / float64(pred)
	}
	if gold > 0 {
		r = float64(tp) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

// SentenceDetection, SentenceCorrection, CharDetection and CharCorrection
// are the four standard scores.
func (m Metrics) SentenceDetection() PRF {
	return prf(m.SentDetectTP, m.SentFlagged, m.WithErrors)
}
func (m Metrics) SentenceCorrection() PRF {
	return prf(m.SentCorrectTP, m.SentFlagged, m.WithErrors)
}
func (m Metrics) CharDetection() PRF  { return prf(m.CharDetectTP, m.CharFlagged, m.CharGold) }
func (m Metrics) CharCorrection() PRF { return prf(m.CharCorrectTP, m.CharFlagged, m.CharGold) }

// Table renders the four scores as a Markdown table.
func (m Metrics) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d sentences, %d with errors, %d wrong characters; %d sentences and %d characters flagged\n\n",
		m.Sentences, m.WithErrors, m.CharGold, m.SentFlagged, m.CharFlagged)
	b.WriteString("| level | detection P | R | F1 | correction P | R | F1 |\n|---|---|---|---|---|---|---|\n")
	row := func(name string, d, c PRF) {
		fmt.Fprintf(&b, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", name, d.P, d.R, d.F1, c.P, c.R, c.F1)
	}
	row("sentence", m.SentenceDetection(), m.SentenceCorrection())
	row("character", m.CharDetection(), m.CharCorrection())
	return b.String()
}

// Pair is a confusion: Wrong written where Right is meant.
type Pair struct{ Wrong, Right rune }

// GoldPairs counts the confusions of the gold corrections of sents.
func GoldPairs(sents []Sentence) map[Pair]int {
	count := map[Pair]int{}
	for _, s := range sents {
		for _, i := range s.Errors() {
			count[Pair{s.Wrong[i], s.Right[i]}]++
		}
	}
	return count
}

// FalseAlarmScore is the score from which the model's suggestions are
// counted as false alarms: below MinScore, so that pairs on the edge are
// known too.
const FalseAlarmScore = 3.0

// FalseAlarms counts, per confusion, the suggestions the model makes (from
// FalseAlarmScore, doubtful sentences included) at characters that the
// gold sentence leaves as they are. Run it with WithoutFalseAlarms.
func FalseAlarms(m *Model, sents []Sentence) map[Pair]int {
	count := map[Pair]int{}
	for _, s := range sents {
		text := string(s.Wrong)
		k, at := 0, map[int]int{}
		for off := range text {
			at[off] = k
			k++
		}
		// Both at FalseAlarmScore and at MinScore: a lower threshold
		// takes other paths (a single slip found first hides a pair of
		// slips that the reporting threshold would suggest).
		seen := map[[2]int]bool{}
		for _, min := range []float64{FalseAlarmScore, MinScore} {
			for _, g := range m.CheckWith(text, Options{MinScore: min, KeepDoubtful: true}) {
				i := at[g.Start]
				r, _ := utf8.DecodeRuneInString(g.Right)
				if s.Wrong[i] == s.Right[i] && !seen[[2]int{i, int(r)}] {
					seen[[2]int{i, int(r)}] = true
					count[Pair{s.Wrong[i], r}]++
				}
			}
		}
	}
	return count
}
