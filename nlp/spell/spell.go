// Package spell finds misspelled characters in official Chinese prose and
// suggests the correction.
//
// It is a statistical check with no language model and no network: a
// character is suspected only when replacing it by one of its confusable
// characters (homophones and look-alikes from pycorrector's tables,
// character pairs counted in ECSpell's 公文 training data, classic misspelled
// words) turns text that forms no longer known word into a known word —
// 大数局 → 大数据, 社区事物 → 社区事务 — and the unigram segmentation of the
// surrounding clause, scored with jieba's word frequencies, gets clearly more
// probable. Real-word errors that do not complete a longer known word
// (资金 where 奖金 is meant) are out of reach by design: precision first.
//
// Choices worth knowing:
//   - Words are hashed (64-bit FNV over runes) rather than stored as strings:
//     the 350k-word dictionary costs a few MB and loads once per process.
//   - A bitset of "word with one character masked" patterns answers cheaply
//     whether any character could complete a word at a place; only then are
//     the confusable characters tried one by one.
//   - Score is the gain in log-probability of the best segmentation of a
//     window of ±6 characters, minus a cost for the kind of confusion
//     (a pair seen in the training data costs least) and the pair's own
//     evidence: how often it was a slip, and how often the model suggested
//     it wrongly, in the derivation part of ECSpell's odw split.
//     Thresholds give info and warning levels.
//   - A sentence that still has a candidate correction after the
//     corrections found is doubtful and yields nothing (see doubtful):
//     partial corrections of a garbled sentence, and misreadings of names,
//     are where most false alarms were.
package spell

import (
	"bufio"
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/nlp/segment"
)

// Embedded data; see data/README.md for sources and licences.
var (
	//go:embed data/same_pinyin.txt
	samePinyin []byte
	//go:embed data/same_stroke.txt
	sameStroke []byte
	//go:embed data/common_error_pairs.tsv
	commonPairs []byte
	//go:embed data/odw_pairs.tsv
	odwPairs []byte
	//go:embed data/odw_false.tsv
	odwFalse []byte
	//go:embed data/phrases.txt
	phrasesTxt []byte
)

// Kind is where a confusion between two characters comes from.
type Kind uint8

// The kinds of confusion, cheapest first.
const (
	NoKind       Kind = iota
	Observed          // seen in ECSpell's odw training data or in classic misspelled words
	SameSound         // 同音同调
	SimilarShape      // 形近
	SimilarSound      // 同音异调
)

func (k Kind) String() string {
	switch k {
	case Observed:
		return "observed"
	case SameSound:
		return "same-sound"
	case SimilarShape:
		return "similar-shape"
	case SimilarSound:
		return "similar-sound"
	}
	return "none"
}

// Suggestion is one suspected misspelling.
type Suggestion struct {
	Start, End int    // byte offsets of the wrong character in the text
	Wrong      string // the character as written
	Right      string // the suggested character
	Word       string // the known word the correction completes (社区事务)
	Kind       Kind
	Score      float64 // log-probability gain minus the confusion's cost
	High       bool    // Score reaches the high-confidence threshold
}

// Thresholds on Score (natural-log units). Chosen on the derivation part
// of ECSpell's odw split (see typobench), never on the held-out part.
var (
	MinScore  = 5.0 // report at all
	HighScore = 8.0 // high confidence
)

// Window sizes in characters.
const (
	maxWord    = 8     // longest word the segmentation uses
	maxCand    = 6     // longest word a correction may complete
	context    = 6     // characters on each side scored with the segmentation
	phraseFreq = 10000 // a curated term counts as common as an everyday word (建筑 14397)
)

// Model holds the dictionary and the confusion sets. It is read-only after
// New and safe for concurrent use.
type Model struct {
	freq     freqTable
	mask     []uint64 // bitset of masked-word hashes
	logTotal float64
	conf     map[rune][]cand
	base     map[rune][]cand // conf without the odw pairs
	seen     map[[2]rune]int // how often a confusion was a slip in the odw derivation part
	falses   map[[2]rune]int // how often the model suggested it at a correct character there

	pairOnce sync.Once
	pairs    map[uint64][]uint64 // see pairIndex
	words2   map[rune][]rune     // second characters of the two-character words by their first
}

type cand struct {
	r    rune
	kind Kind
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the process-wide model built from the embedded data and
// the segmenter's dictionary: about 0.2 s on the machine's first use, then
// about 30 ms from its snapshot in the user cache directory.
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = loadDefault(segment.CacheRoots()) })
	return defaultModel, defaultErr
}

// New builds a model; extra are additional known words (for example
// classification names), counted like the embedded phrases.
func New(extra []string) (*Model, error) {
	m := &Model{freq: newFreqTable(360000), mask: make([]uint64, maskBits/64), conf: map[rune][]cand{}, seen: map[[2]rune]int{}, falses: map[[2]rune]int{}}
	var total float64
	var buf [maxWord]rune
	add := func(w string, f int, pos string) {
		rs := buf[:0]
		for _, r := range w {
			if len(rs) == maxWord {
				return // longer than any word the check uses
			}
			rs = append(rs, r)
		}
		if len(rs) == 0 || f <= 0 {
			return
		}
		f = min(f, freqMask)
		h := hashRunes(rs)
		old := m.freq.get(h)
		if uint32(f) > old&freqMask {
			total += float64(f) - float64(old&freqMask)
			old = old&^freqMask | uint32(f)
		}
		m.freq.put(h, old|posFlags(pos))
		if len(rs) >= 2 && len(rs) <= maxCand {
			for j := range rs {
				mh := maskHash(rs, j)
				m.setMask(mh)
				m.setMask(fillHash(mh, rs[j]))
			}
		}
	}
	if err := segment.EachWord(add); err != nil {
		return nil, fmt.Errorf("spell: dictionary: %w", err)
	}
	for _, w := range lines(phrasesTxt) {
		add(w, phraseFreq, curatedPOS)
	}
	for _, w := range extra {
		add(w, phraseFreq, curatedPOS)
	}
	m.logTotal = math.Log(total)
	if err := m.readConfusions(add); err != nil {
		return nil, err
	}
	return m, nil
}

// lines returns the non-empty, non-comment lines of data.
func lines(data []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		t := strings.TrimSpace(sc.Text())
		if t != "" && !strings.HasPrefix(t, "#") {
			out = append(out, t)
		}
	}
	return out
}

// readConfusions loads the confusion sets; addWord receives the right
// words of the classic pairs, which count as known words.
func (m *Model) readConfusions(addWord func(string, int, string)) error {
	for _, l := range lines(samePinyin) {
		f := strings.Split(l, "\t")
		if len(f) < 2 {
			continue
		}
		c, _ := utf8.DecodeRuneInString(f[0])
		for _, r := range f[1] {
			m.addConf(c, r, SameSound)
		}
		if len(f) > 2 {
			for _, r := range f[2] {
				m.addConf(c, r, SimilarSound)
			}
		}
	}
	for _, l := range lines(sameStroke) {
		var set []rune
		for _, f := range strings.Split(l, "\t") {
			if r, n := utf8.DecodeRuneInString(f); n == len(f) && n > 0 {
				set = append(set, r)
			}
		}
		for _, a := range set {
			for _, b := range set {
				m.addConf(a, b, SimilarShape)
			}
		}
	}
	for _, l := range lines(commonPairs) {
		f := strings.Split(l, "\t")
		if len(f) != 2 {
			return fmt.Errorf("spell: common_error_pairs.tsv: bad line %q", l)
		}
		w, r := []rune(f[0]), []rune(f[1])
		if len(w) != len(r) {
			continue
		}
		addWord(f[1], phraseFreq, curatedPOS)
		for i := range w {
			m.addConf(w[i], r[i], Observed)
		}
	}
	m.base = m.conf
	pairs, err := readPairs(odwPairs)
	if err != nil {
		return fmt.Errorf("spell: odw_pairs.tsv: %w", err)
	}
	falses, err := readPairs(odwFalse)
	if err != nil {
		return fmt.Errorf("spell: odw_false.tsv: %w", err)
	}
	m.setEvidence(pairs, falses)
	return nil
}

// readPairs reads a file of `wrong TAB right TAB count` lines.
func readPairs(data []byte) (map[Pair]int, error) {
	out := map[Pair]int{}
	for _, l := range lines(data) {
		w, r, n, err := pairLine(l)
		if err != nil {
			return nil, err
		}
		out[Pair{w, r}] = n
	}
	return out, nil
}

// setEvidence makes the odw pairs confusions of the Observed kind, on top
// of the base sets, and records the per-pair evidence.
func (m *Model) setEvidence(pairs, falses map[Pair]int) {
	m.conf = make(map[rune][]cand, len(m.base))
	for c, cs := range m.base {
		m.conf[c] = append([]cand(nil), cs...)
	}
	m.seen, m.falses = map[[2]rune]int{}, map[[2]rune]int{}
	for p, n := range pairs {
		m.addConf(p.Wrong, p.Right, Observed)
		m.seen[[2]rune{p.Wrong, p.Right}] = n
	}
	for p, n := range falses {
		m.falses[[2]rune{p.Wrong, p.Right}] = n
	}
	for c := range m.conf {
		slices.SortFunc(m.conf[c], func(a, b cand) int { return cmp.Compare(a.r, b.r) })
	}
}

// pairLine parses a `wrong TAB right TAB count` line.
func pairLine(l string) (w, r rune, n int, err error) {
	f := strings.Split(l, "\t")
	if len(f) != 3 || utf8.RuneCountInString(f[0]) != 1 || utf8.RuneCountInString(f[1]) != 1 {
		return 0, 0, 0, fmt.Errorf("bad line %q", l)
	}
	w, _ = utf8.DecodeRuneInString(f[0])
	r, _ = utf8.DecodeRuneInString(f[1])
	if n, err = strconv.Atoi(f[2]); err != nil || n <= 0 {
		return 0, 0, 0, fmt.Errorf("bad count in %q", l)
	}
	return w, r, n, nil
}

// WithoutFalseAlarms returns a copy of the model that ignores the false
// alarms counted on the derivation part: the model that counts them.
func (m *Model) WithoutFalseAlarms() *Model {
	pairs := map[Pair]int{}
	for k, n := range m.seen {
		pairs[Pair{k[0], k[1]}] = n
	}
	return m.WithEvidence(pairs, nil)
}

// WithEvidence returns a copy of the model whose ECSpell evidence — the
// observed confusions with their counts, and the false alarms — is pairs
// and falses instead of the embedded files: for measuring the method on
// sentences its evidence does not come from (typobench -tune).
func (m *Model) WithEvidence(pairs, falses map[Pair]int) *Model {
	c := &Model{freq: m.freq, mask: m.mask, logTotal: m.logTotal, base: m.base}
	c.setEvidence(pairs, falses)
	return c
}

// addConf records that a may be written for b, keeping the cheapest kind.
func (m *Model) addConf(a, b rune, k Kind) {
	if a == b || !unicode.Is(unicode.Han, a) || !unicode.Is(unicode.Han, b) {
		return
	}
	cs := m.conf[a]
	for i := range cs {
		if cs[i].r == b {
			if k < cs[i].kind {
				cs[i].kind = k
			}
			return
		}
	}
	m.conf[a] = append(cs, cand{b, k})
}

// Per-pair evidence from the derivation part of ECSpell's odw split: a
// confusion that was a real slip there n times gets cheaper by
// seenWeight·ln(1+n); one the model suggested at a correct character n
// times gets dearer by falseWeight·ln(1+n). Weights chosen on the
// derivation part (typobench), never on the held-out part.
const (
	seenWeight  = 2.0
	falseWeight = 2.0
)

// cost is what replacing w by candidate c must overcome, in nats. In prose
// mode a pair's count of slips is not taken as evidence: it measures how
// ECSpell's sentences were made wrong, and in published prose, where slips
// are rare, trusting it brings false alarms (权→全 in 检察权过程); its false
// alarms are still held against it.
func (m *Model) cost(w rune, c cand, prose bool) float64 {
	k := [2]rune{w, c.r}
	out := cost(c.kind) + falseWeight*math.Log(float64(1+m.falses[k]))
	if !prose {
		out -= seenWeight * math.Log(float64(1+m.seen[k]))
	}
	return out
}

// cost is what a confusion of kind k must overcome, in nats, before the
// pair's own evidence.
func cost(k Kind) float64 {
	switch k {
	case Observed:
		return 0
	case SameSound:
		return 1.5
	case SimilarShape:
		return 2.5
	}
	return 3.5
}

const maskBits = 1 << 26 // 8 MB; about 2.5M bits are set

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	hole      = rune(1) // stands for the masked character
)

func step(h uint64, r rune) uint64 { return (h ^ uint64(r)) * fnvPrime }

func hashRunes(rs []rune) uint64 {
	h := uint64(fnvOffset)
	for _, r := range rs {
		h = step(h, r)
	}
	return h
}

func maskHash(rs []rune, j int) uint64 {
	h := uint64(fnvOffset)
	for i, r := range rs {
		if i == j {
			r = hole
		}
		h = step(h, r)
	}
	return h
}

// fillHash is the bitset key of "character r fills the hole of the masked
// word mh": with it most candidates are rejected without a dictionary
// lookup.
func fillHash(mh uint64, r rune) uint64 { return (mh ^ uint64(r)*0x9E3779B97F4A7C15) * fnvPrime }

func (m *Model) setMask(h uint64) {
	b := h % maskBits
	m.mask[b/64] |= 1 << (b % 64)
}

func (m *Model) hasMask(h uint64) bool {
	b := h % maskBits
	return m.mask[b/64]&(1<<(b%64)) != 0
}

// Confusable returns how written may be a slip for meant (NoKind when the
// confusion sets do not relate them).
func (m *Model) Confusable(written, meant rune) Kind {
	for _, c := range m.conf[written] {
		if c.r == meant {
			return c.kind
		}
	}
	return NoKind
}

// Freq returns the dictionary frequency of word (0 when unknown).
func (m *Model) Freq(word string) int { return int(m.freq.get(hashRunes([]rune(word))) & freqMask) }

// A dictionary entry keeps its frequency in the low 24 bits and flags from
// its part of speech in the high 8.
const (
	freqMask    = 1<<24 - 1
	flagName    = 1 << 24 // nr, ns, nt, nz …: names of people, places, bodies
	flagNumber  = 1 << 25 // m, t: numerals and times (第二十届, 上年度)
	flagIdiom   = 1 << 26 // i, l: idioms and set phrases, often adapted on purpose
	flagCurated = 1 << 27 // phrases.txt, extra words, right words of the classic pairs
	curatedPOS  = "curated"
)

func posFlags(pos string) uint32 {
	switch {
	case pos == curatedPOS:
		return flagCurated
	case pos == "m" || pos == "t" || pos == "mq":
		return flagNumber
	case pos == "i" || pos == "l":
		return flagIdiom
	case strings.HasPrefix(pos, "nr") || pos == "ns" || pos == "nt" || pos == "nz":
		return flagName
	}
	return 0
}

func (m *Model) known(h uint64) bool { return m.freq.get(h)&freqMask > 0 }

// Options tune a check.
type Options struct {
	// MinWord is the shortest known word (in characters) a correction must
	// complete; 0 means 2. Running text of official documents is full of
	// recent two-character coinages missing from the dictionary (提质, 提标,
	// 共治) that look like slips of a common word; 3 keeps only corrections
	// that complete a longer word or phrase (社区事务, 集体土地).
	MinWord int
	// Prose applies the filters for published prose (see plausible): no
	// correction across a word the text already forms, none that only
	// replaces known words by other known words unless it completes a
	// curated term.
	Prose bool
	// MinScore replaces the package's MinScore when positive.
	MinScore float64
	// KeepDoubtful reports the corrections of doubtful sentences too.
	KeepDoubtful bool
}

// Check returns the suspected misspellings of text in order, with the
// default options.
func (m *Model) Check(text string) []Suggestion { return m.CheckWith(text, Options{}) }

// CheckWith returns the suspected misspellings of text in order. Text is
// checked clause by clause: runs of Han characters, so that figures,
// punctuation and Latin text never take part in a word. Clauses are grouped
// into sentences (up to 。！？ or a line break); a sentence whose
// corrected form is still doubtful (see doubtful) yields nothing.
func (m *Model) CheckWith(text string, opt Options) []Suggestion {
	minWord := max(2, opt.MinWord)
	threshold := MinScore
	if opt.MinScore > 0 {
		threshold = opt.MinScore
	}
	var sents [][]*clause
	var cls []*clause
	var rs []rune
	var offs []int
	flush := func(end int) {
		if len(rs) >= 2 {
			c := &clause{orig: rs, rs: append([]rune(nil), rs...), offs: offs, fixed: make([]bool, len(rs))}
			// In prose, a clause that stops at the end of the line or at a
			// dash (a page footer run in) may continue beyond a layout
			// break: its last character is not judged.
			rest := strings.TrimSpace(text[end:])
			if opt.Prose && (rest == "" || strings.HasPrefix(rest, "—")) {
				c.fixed[len(rs)-1] = true
			}
			cls = append(cls, c)
		}
		rs, offs = nil, nil
	}
	for i, r := range text {
		if unicode.Is(unicode.Han, r) {
			rs = append(rs, r)
			offs = append(offs, i)
			continue
		}
		flush(i)
		if strings.ContainsRune("。！？\n", r) && len(cls) > 0 {
			sents, cls = append(sents, cls), nil
		}
	}
	flush(len(text))
	if len(cls) > 0 {
		sents = append(sents, cls)
	}
	var out []Suggestion
	for _, cls := range sents {
		var found []Suggestion
		for _, c := range cls {
			found = append(found, m.rounds(text, c, minWord, opt.Prose, threshold)...)
		}
		if len(found) > 0 && (opt.KeepDoubtful || !m.doubtful(cls, minWord, opt.Prose)) {
			out = append(out, found...)
		}
	}
	return out
}

// Doubt is the score from which a further candidate correction in a
// sentence that has been corrected makes the sentence doubtful.
var Doubt = 3.0

// doubtful reports whether a sentence, with its corrections applied, still
// has a candidate correction scoring Doubt or more, counting ones the check
// itself would not make (a known word completed that the text already
// forms, two characters replaced by a two-character word: 智齿 for 支持).
// Such a sentence has more wrong with it than the check can say — or the
// check misreads it (a name, a term of its own) — and the corrections found
// are not reported: a reader is better served by no suggestion than by one
// of two or three slips, and it is where most of the false alarms are.
func (m *Model) doubtful(cls []*clause, minWord int, prose bool) bool {
	for _, c := range cls {
		if len(m.scan(c.rs, c.fixed, minWord, prose, Doubt)) > 0 || !prose && len(m.scanPairs(c.rs, c.fixed, Doubt, true)) > 0 {
			return true
		}
	}
	return false
}

// clause is one run of Han characters being checked: as written, as
// corrected so far, the byte offsets of its characters in the text, and
// which characters are settled.
type clause struct {
	orig, rs []rune
	offs     []int
	fixed    []bool
}

// rounds checks a clause until nothing new is found (at most maxRounds
// passes), applying each correction before the next pass: two slips side by
// side (卫申建康委) block each other's words until one is corrected.
func (m *Model) rounds(text string, c *clause, minWord int, prose bool, threshold float64) []Suggestion {
	var found []Suggestion
	for round := 0; round < maxRounds; round++ {
		news := m.scan(c.rs, c.fixed, minWord, prose, threshold)
		if len(news) == 0 && !prose {
			news = m.scanPairs(c.rs, c.fixed, threshold, false)
		}
		if len(news) == 0 {
			break
		}
		for _, s := range news {
			c.fixed[s.at] = true
			c.rs[s.at] = []rune(s.Right)[0]
			s.Start = c.offs[s.at]
			s.End = c.offs[s.at] + utf8.RuneLen(c.orig[s.at])
			s.Wrong = text[s.Start:s.End]
			found = append(found, s.Suggestion)
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Start < found[j].Start })
	return found
}

const maxRounds = 3

type placed struct {
	Suggestion
	at int // rune index in the clause
}

// scan makes one pass over a clause, skipping characters already corrected.
func (m *Model) scan(rs []rune, fixed []bool, minWord int, prose bool, threshold float64) []placed {
	n := len(rs)
	cover := m.cover(rs)
	var found []placed
	var wins []window
	tmp := make([]rune, 0, 2*context+1)
	for i := range rs {
		cs := m.conf[rs[i]]
		floor := max(cover[i], minWord-1)
		if !prose {
			// A word as long as the one the text forms may be meant
			// too (互连网 → 互联网): the segmentation score decides.
			floor = max(cover[i]-1, minWord-1)
		}
		if fixed[i] || len(cs) == 0 {
			continue
		}
		wins = m.windows(wins[:0], rs, i, floor)
		if len(wins) == 0 {
			continue
		}
		lo, hi := max(0, i-context), min(n, i+context+1)
		base := math.NaN() // computed for the first candidate that gets this far
		best := Suggestion{Score: math.Inf(-1)}
		for _, c := range cs {
			word, a, b, e := m.completes(rs, i, c.r, wins)
			if word == "" || !m.plausible(rs, i, c.r, a, b, e, prose) {
				continue
			}
			if math.IsNaN(base) {
				base = m.segScore(rs[lo:hi])
			}
			tmp = append(tmp[:0], rs[lo:hi]...)
			tmp[i-lo] = c.r
			s := m.segScore(tmp) - base - m.cost(rs[i], c, prose)
			if s > best.Score {
				best = Suggestion{Right: string(c.r), Word: word, Kind: c.kind, Score: s}
			}
		}
		if best.Score < threshold {
			continue
		}
		best.High = best.Score >= HighScore
		best.Score = math.Round(best.Score*100) / 100
		found = append(found, placed{best, i})
	}
	return dropNeighbours(found)
}

// dropNeighbours keeps, of suggestions on adjacent characters, the one with
// the higher score: one slip often makes both neighbours look suspicious.
func dropNeighbours(fs []placed) []placed {
	if len(fs) < 2 {
		return fs
	}
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && fs[i-1].at+1 == f.at && fs[i-1].Score >= f.Score {
			continue
		}
		if i+1 < len(fs) && fs[i+1].at == f.at+1 && fs[i+1].Score > f.Score {
			continue
		}
		out = append(out, f)
	}
	return out
}

// cover returns, for each character, the length of the longest known word
// of two or more characters that contains it (1 when none).
func (m *Model) cover(rs []rune) []int {
	cover := make([]int, len(rs))
	for i := range cover {
		cover[i] = 1
	}
	for a := range rs {
		h := uint64(fnvOffset)
		for b := a; b < len(rs) && b-a < maxWord; b++ {
			h = step(h, rs[b])
			if b > a && m.known(h) {
				for k := a; k <= b; k++ {
					cover[k] = max(cover[k], b-a+1)
				}
			}
		}
	}
	return cover
}

// window is a span rs[a:a+l] around a character, with the hash of the
// span with that character masked.
type window struct {
	a, l int
	mh   uint64
}

// windows appends, longest first, the spans around i longer than cover
// in which some character at i could complete a known word.
func (m *Model) windows(out []window, rs []rune, i, cover int) []window {
	for l := maxCand; l > cover; l-- {
		for a := max(0, i-l+1); a <= i && a+l <= len(rs); a++ {
			if mh := maskHash(rs[a:a+l], i-a); m.hasMask(mh) {
				out = append(out, window{a, l, mh})
			}
		}
	}
	return out
}

// completes returns the longest known word that rs with c at i forms in
// one of wins, its span and its entry, or "".
func (m *Model) completes(rs []rune, i int, c rune, wins []window) (string, int, int, uint32) {
	for _, w := range wins {
		if !m.hasMask(fillHash(w.mh, c)) {
			continue
		}
		h := uint64(fnvOffset)
		for k := w.a; k < w.a+w.l; k++ {
			r := rs[k]
			if k == i {
				r = c
			}
			h = step(h, r)
		}
		if e := m.freq.get(h); e&freqMask > 0 {
			word := make([]rune, w.l)
			copy(word, rs[w.a:w.a+w.l])
			word[i-w.a] = c
			return string(word), w.a, w.a + w.l, e
		}
	}
	return "", 0, 0, 0
}

// plausible reports whether the word that the correction c at i completes
// at rs[a:b] (dictionary entry e) may be the meant one. In prose mode: not
// when it is a name, a numeral or time, or an idiom (their near misses are
// mostly other names and deliberate variations: 国家监委/国家建委, 第二十届,
// 培源固本); not when a known word straddles the span's edge, in the text as
// written (工程硕士 is not 工程师士) or as corrected (兜牢底线 is not 兜老底线);
// and, unless the word is a curated term, not when the written span already
// reads as known words of two or more characters.
func (m *Model) plausible(rs []rune, i int, c rune, a, b int, e uint32, prose bool) bool {
	if !prose {
		return true
	}
	if e&(flagName|flagNumber|flagIdiom) != 0 && e&flagCurated == 0 {
		return false
	}
	if m.straddles(rs, a, b, i, 0) {
		return false
	}
	fixed := append([]rune(nil), rs...)
	fixed[i] = c
	if m.straddles(fixed, a, b, i, 1) {
		return false
	}
	return e&flagCurated != 0 || !m.wordsOnly(rs[a:b])
}

// straddles reports whether a known word of rs (two or more characters)
// covers an edge of [a, b) — starts before a and reaches into it, or
// starts inside and reaches past b — and comes within near characters of
// i (街道社区 ends too far from 物 in 街道社区事务 to matter).
func (m *Model) straddles(rs []rune, a, b, i, near int) bool {
	for s := max(0, a-maxWord+1); s < b; s++ {
		h := uint64(fnvOffset)
		for t := s; t < len(rs) && t-s < maxWord; t++ {
			h = step(h, rs[t])
			if t == s {
				continue
			}
			edge := (s < a && t >= a) || (s < b && t >= b)
			if edge && s <= i+near && t >= i-near && m.known(h) {
				return true
			}
		}
	}
	return false
}

// wordsOnly reports whether rs splits into known words of two or more
// characters.
func (m *Model) wordsOnly(rs []rune) bool {
	ok := make([]bool, len(rs)+1)
	ok[0] = true
	for k := 2; k <= len(rs); k++ {
		for l := 2; l <= k && l <= maxWord; l++ {
			if ok[k-l] && m.known(hashRunes(rs[k-l:k])) {
				ok[k] = true
				break
			}
		}
	}
	return ok[len(rs)]
}

// unknownChar is the log-probability of a character missing from the
// dictionary, below any real word's.
const unknownChar = -3.0

// segScore is the log-probability of the best segmentation of rs into
// known words (characters missing from the dictionary cost unknownChar
// below a count of one).
func (m *Model) segScore(rs []rune) float64 {
	var buf [2*context + 2]float64
	best := buf[:0]
	if len(rs)+1 > len(buf) {
		best = make([]float64, 0, len(rs)+1)
	}
	best = append(best, 0)
	for range rs {
		best = append(best, math.Inf(-1))
	}
	// Forward: every word starting at s extends best[s], which is final
	// once all earlier starts are done; hashes grow one rune at a time.
	for s := range rs {
		h := uint64(fnvOffset)
		for t := s; t < len(rs) && t-s < maxWord; t++ {
			h = step(h, rs[t])
			f := m.freq.get(h) & freqMask
			var lp float64
			switch {
			case f > 0:
				lp = math.Log(float64(f)) - m.logTotal
			case t == s:
				lp = unknownChar - m.logTotal
			default:
				continue
			}
			best[t+1] = max(best[t+1], best[s]+lp)
		}
	}
	return best[len(rs)]
}

// String renders a suggestion for messages and tests: 物→务 (社区事务).
func (s Suggestion) String() string {
	return s.Wrong + "→" + s.Right + " (" + s.Word + ", " + s.Kind.String() + ", " + strconv.FormatFloat(s.Score, 'f', 2, 64) + ")"
}

// Two slips side by side (咫尺 for 支持 in 鼓励和咫尺农民工) hide each
// other: neither alone completes a word. Outside prose mode, pairs of
// adjacent characters are tried together, through an index from a word of
// three to maxCand characters with two adjacent characters masked to the
// pairs that fill it. The index (~600k keys) is built on first use.

// PairCost is added to the two confusions' costs for a double correction.
var PairCost = 1.0

func mask2Hash(rs []rune, j int) uint64 {
	h := uint64(fnvOffset)
	for i, r := range rs {
		if i == j || i == j+1 {
			r = hole
		}
		h = step(h, r)
	}
	return h ^ 0x5bd1e995 // apart from the one-hole masks
}

func (m *Model) pairIndex() map[uint64][]uint64 {
	m.pairOnce.Do(func() {
		idx := make(map[uint64][]uint64, 700000)
		w2 := make(map[rune][]rune, 6000)
		add := func(w string, flags uint32) {
			rs := []rune(w)
			if len(rs) == 2 && flags&(flagName|flagNumber) == 0 {
				w2[rs[0]] = append(w2[rs[0]], rs[1])
			}
			if len(rs) < 3 || len(rs) > maxCand {
				return
			}
			for j := 0; j+1 < len(rs); j++ {
				k := mask2Hash(rs, j)
				idx[k] = append(idx[k], uint64(rs[j])<<32|uint64(rs[j+1]))
			}
		}
		_ = segment.EachWord(func(w string, _ int, pos string) { add(w, posFlags(pos)) })
		for _, w := range lines(phrasesTxt) {
			add(w, flagCurated)
		}
		m.pairs, m.words2 = idx, w2
	})
	return m.pairs
}

// scanPairs looks for two adjacent slips that together complete a known
// word of three or more characters, or with two also a two-character word.
func (m *Model) scanPairs(rs []rune, fixed []bool, threshold float64, two bool) []placed {
	idx := m.pairIndex()
	n := len(rs)
	var found []placed
	tmp := make([]rune, 0, 2*context+2)
	for i := 0; i+1 < n; i++ {
		if fixed[i] || fixed[i+1] || len(m.conf[rs[i]]) == 0 || len(m.conf[rs[i+1]]) == 0 {
			continue
		}
		lo, hi := max(0, i-context), min(n, i+context+2)
		base := math.NaN()
		best := Suggestion{Score: math.Inf(-1)}
		var bestR2 rune
		for l := maxCand; l >= 3; l-- {
			for a := max(0, i+2-l); a <= i && a+l <= n; a++ {
				for _, p := range idx[mask2Hash(rs[a:a+l], i-a)] {
					c1, c2 := rune(p>>32), rune(p&0xffffffff)
					k1, k2 := m.Confusable(rs[i], c1), m.Confusable(rs[i+1], c2)
					if k1 == NoKind || k2 == NoKind {
						continue
					}
					if math.IsNaN(base) {
						base = m.segScore(rs[lo:hi])
					}
					tmp = append(tmp[:0], rs[lo:hi]...)
					tmp[i-lo], tmp[i+1-lo] = c1, c2
					sc := m.segScore(tmp) - base - m.cost(rs[i], cand{c1, k1}, false) - m.cost(rs[i+1], cand{c2, k2}, false) - PairCost
					if sc > best.Score {
						w := append([]rune(nil), rs[a:a+l]...)
						w[i-a], w[i+1-a] = c1, c2
						best = Suggestion{Right: string(c1), Word: string(w), Kind: max(k1, k2), Score: sc}
						bestR2 = c2
					}
				}
			}
		}
		// A two-character word for another (菜狗 for 采购, as a pinyin
		// input method makes them) only when asked: see doubtful.
		for _, c := range m.conf[rs[i]] {
			if !two {
				break
			}
			for _, c2 := range m.words2[c.r] {
				k2 := m.Confusable(rs[i+1], c2)
				if k2 == NoKind {
					continue
				}
				if math.IsNaN(base) {
					base = m.segScore(rs[lo:hi])
				}
				tmp = append(tmp[:0], rs[lo:hi]...)
				tmp[i-lo], tmp[i+1-lo] = c.r, c2
				sc := m.segScore(tmp) - base - m.cost(rs[i], c, false) - m.cost(rs[i+1], cand{c2, k2}, false) - PairCost
				if sc > best.Score {
					best = Suggestion{Right: string(c.r), Word: string([]rune{c.r, c2}), Kind: max(c.kind, k2), Score: sc}
					bestR2 = c2
				}
			}
		}
		if best.Score < threshold {
			continue
		}
		best.High = best.Score >= HighScore
		best.Score = math.Round(best.Score*100) / 100
		second := best
		second.Right = string(bestR2)
		found = append(found, placed{best, i}, placed{second, i + 1})
		i++
	}
	return found
}
