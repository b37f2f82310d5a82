package lexicon

import (
	_ "embed"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

//go:embed data/renames.tsv
var renamesTSV string

// supplement returns the renames of data/renames.tsv.
func supplement() []Rename {
	var out []Rename
	for _, line := range strings.Split(renamesTSV, "\n") {
		f := strings.Split(line, "\t")
		if strings.HasPrefix(line, "#") || len(f) != 4 {
			continue
		}
		y, err := strconv.Atoi(f[3])
		if err != nil {
			continue // TestSupplement keeps the file well-formed
		}
		code := f[0]
		if code == "-" {
			code = ""
		}
		out = append(out, Rename{Code: code, Old: f[1], New: f[2], Since: y})
	}
	return out
}

// AllRenames returns the renames the data shows (Renames) and the official
// ones it cannot show (data/renames.tsv); for one old name the earliest
// year wins.
func (l *Lexicon) AllRenames() []Rename {
	byOld := map[string]int{}
	var out []Rename
	for _, r := range append(supplement(), l.Renames()...) {
		if i, ok := byOld[r.Old]; ok {
			if r.Since < out[i].Since {
				out[i] = r
			}
			continue
		}
		// A name still in use for another code is not outdated
		// (住房公积金 left 30311 for 30113).
		if codes := l.CodesOf(r.Old); len(codes) > 0 && !(len(codes) == 1 && codes[0] == r.Code) {
			continue
		}
		byOld[r.Old] = len(out)
		out = append(out, r)
	}
	return out
}

// minSlipRunes is the shortest name judged as a slip of its code's name: a
// two-character name one character from another (水费, 电费) is usually
// another code's name.
const minSlipRunes = 3

// Problem is what CheckName finds wrong with a table row's name.
type Problem struct {
	Want      string // the canonical name of the row's code
	OtherCode string // the code the written name belongs to, if any
	At        int    // rune index of the slip in the written name (-1 when OtherCode is set)
}

// CheckName judges the name a table prints for code. It reports a problem
// only when the lexicon is sure: the code's canonical name is attested in
// at least trustedDocs documents, and the written name either is a
// well-attested name of another code of the same classification and level
// and never of this one, or is one character from the canonical name.
func (l *Lexicon) CheckName(code, label string) (Problem, bool) {
	name := CleanName(label)
	e, ok := l.entries[code]
	if !ok || name == "" || e.Trusted(name) || e.Names[0].Docs < trustedDocs {
		return Problem{}, false
	}
	for _, n := range e.Names {
		if n.Text == name && !e.suspect(n) {
			return Problem{}, false
		}
	}
	for _, other := range l.byName[name] {
		o := l.entries[other]
		if other == code || len(other) != len(code) || o.Kind != e.Kind {
			continue
		}
		for _, n := range o.Names {
			if n.Text == name && n.Docs >= trustedDocs {
				return Problem{Want: e.Canonical(), OtherCode: other, At: -1}, true
			}
		}
	}
	if utf8.RuneCountInString(name) >= minSlipRunes && len(l.byName[name]) == 0 {
		for _, n := range e.Names {
			if e.suspect(n) || n.Docs < trustedDocs {
				continue
			}
			if at := OneSubstitution(n.Text, name); at >= 0 {
				return Problem{Want: n.Text, At: at}, true
			}
		}
	}
	return Problem{}, false
}

// NearMiss is a place in running text that is one character from a
// classification name.
type NearMiss struct {
	Start, End int    // byte offsets of the written form in the text
	Written    string // as written
	Name       string // the lexicon name
	At         int    // rune index of the differing character
}

// minNearMissRunes is the shortest name looked for in prose: shorter names
// are one character from too many ordinary words.
const minNearMissRunes = 5

// NearMisses finds windows of text that differ from a well-attested name
// (at least minNearMissRunes characters, seen in trustedDocs documents) in
// exactly one character, not at its ends, and are not themselves a known
// name. Whether the name fits is for the caller to judge (the differing
// characters should be confusable).
func (l *Lexicon) NearMisses(text string) []NearMiss {
	idx := l.nearIndex()
	rs := []rune(text)
	offs := make([]int, 0, len(rs)+1)
	for i := range text {
		offs = append(offs, i)
	}
	offs = append(offs, len(text))
	var out []NearMiss
	seen := map[[2]int]bool{}
	try := func(a int, name []rune) {
		b := a + len(name)
		if a < 0 || b > len(rs) || seen[[2]int{a, b}] {
			return
		}
		at := -1
		for i := range name {
			if rs[a+i] != name[i] {
				if at >= 0 {
					return
				}
				at = i
			}
		}
		if at <= 0 || at == len(name)-1 {
			return
		}
		w := string(rs[a:b])
		if len(l.byName[w]) > 0 {
			return
		}
		seen[[2]int{a, b}] = true
		out = append(out, NearMiss{Start: offs[a], End: offs[b], Written: text[offs[a]:offs[b]], Name: string(name), At: at})
	}
	for i := 0; i+1 < len(rs); i++ {
		key := string(rs[i : i+2])
		for _, n := range idx.head[key] {
			try(i, n)
		}
		for _, n := range idx.tail[key] {
			try(i+2-len(n), n)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].Name < out[j].Name
	})
	return out
}

type nearIndex struct{ head, tail map[string][][]rune }

func (l *Lexicon) nearIndex() *nearIndex {
	l.nearOnce.Do(func() {
		idx := &nearIndex{head: map[string][][]rune{}, tail: map[string][][]rune{}}
		for name, codes := range l.byName {
			rs := []rune(name)
			if len(rs) < minNearMissRunes || !l.wellAttested(name, codes) {
				continue
			}
			idx.head[string(rs[:2])] = append(idx.head[string(rs[:2])], rs)
			idx.tail[string(rs[len(rs)-2:])] = append(idx.tail[string(rs[len(rs)-2:])], rs)
		}
		l.near = idx
	})
	return l.near
}

func (l *Lexicon) wellAttested(name string, codes []string) bool {
	for _, c := range codes {
		for _, n := range l.entries[c].Names {
			if n.Text == name && n.Docs >= trustedDocs {
				return true
			}
		}
	}
	return false
}
