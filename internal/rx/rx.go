// Package rx wraps regexp with a literal prefilter: from the parsed
// expression it derives strings one of which every match must contain, and
// skips texts that contain none of them without running the matcher.
//
// Go's regexp already skips ahead to a literal prefix, but not to the
// literals inside an alternation (原因是|主要由于|…) or after a leading
// class, and most lines of a budget text match none of the patterns the
// extractors and checks try on every line.
package rx

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// Regexp is a compiled expression whose every matching method first checks
// the required literals. It offers only such methods: a caller of a method of
// regexp.Regexp that it did not filter would silently skip the prefilter.
type Regexp struct {
	re *regexp.Regexp
	// needs: every match contains one of these; nil when no such set was
	// found (then every text is tried).
	needs []string
}

// MustCompile is regexp.MustCompile with the prefilter.
func MustCompile(expr string) *Regexp {
	re := regexp.MustCompile(expr)
	parsed, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic("rx: " + err.Error()) // regexp accepted it, so it parses
	}
	return &Regexp{re: re, needs: required(parsed.Simplify())}
}

// String returns the source text of the expression.
func (r *Regexp) String() string { return r.re.String() }

// Possible reports whether s may match: false means it certainly does not.
func (r *Regexp) Possible(s string) bool {
	if r.needs == nil {
		return true
	}
	for _, lit := range r.needs {
		if strings.Contains(s, lit) {
			return true
		}
	}
	return false
}

func (r *Regexp) MatchString(s string) bool {
	return r.Possible(s) && r.re.MatchString(s)
}

func (r *Regexp) FindStringIndex(s string) []int {
	if !r.Possible(s) {
		return nil
	}
	return r.re.FindStringIndex(s)
}

func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	if !r.Possible(s) {
		return nil
	}
	return r.re.FindStringSubmatchIndex(s)
}

func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if !r.Possible(s) {
		return nil
	}
	return r.re.FindAllStringIndex(s, n)
}

func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !r.Possible(s) {
		return nil
	}
	return r.re.FindAllStringSubmatchIndex(s, n)
}

func (r *Regexp) FindString(s string) string {
	if !r.Possible(s) {
		return ""
	}
	return r.re.FindString(s)
}

func (r *Regexp) FindStringSubmatch(s string) []string {
	if !r.Possible(s) {
		return nil
	}
	return r.re.FindStringSubmatch(s)
}

func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !r.Possible(s) {
		return nil
	}
	return r.re.FindAllStringSubmatch(s, n)
}

// ReplaceAllString is regexp's: a text the prefilter rules out has no match,
// so it is returned as it is.
func (r *Regexp) ReplaceAllString(s, repl string) string {
	if !r.Possible(s) {
		return s
	}
	return r.re.ReplaceAllString(s, repl)
}

// SubexpIndex returns the index of the named group, or -1.
func (r *Regexp) SubexpIndex(name string) int { return r.re.SubexpIndex(name) }

// maxClassRunes bounds the character classes turned into literals ([Xx×]
// gives X, x and ×; a wider class gives no literal).
const maxClassRunes = 4

// required returns strings one of which every match of re contains, or nil
// when there is no such set (a match may be empty, or made only of wide
// classes). It is sound by construction: a literal is required by itself; an
// alternation needs a literal from each branch; a concatenation or a
// repetition of at least one needs what one of its parts needs.
func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCharClass:
		var runes []rune
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi-lo >= maxClassRunes || len(runes)+int(hi-lo)+1 > maxClassRunes {
				return nil
			}
			for r := lo; r <= hi; r++ {
				runes = append(runes, r)
			}
		}
		if len(runes) == 0 {
			return nil
		}
		out := make([]string, len(runes))
		for i, r := range runes {
			if !utf8.ValidRune(r) {
				return nil
			}
			out[i] = string(r)
		}
		return out
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		// Any part's set will do, and so will the product of a run of
		// parts that match only a few known strings (中[，:] gives 中，
		// and 中:); take the most selective set, the one whose shortest
		// literal is longest.
		var best []string
		bestLen := 0
		consider := func(set []string) {
			if len(set) == 0 {
				return
			}
			shortest := len(set[0])
			for _, s := range set[1:] {
				shortest = min(shortest, len(s))
			}
			if shortest > bestLen {
				best, bestLen = set, shortest
			}
		}
		var run []string // product of the current run of exact parts
		for _, sub := range re.Sub {
			if set := exact(sub); set != nil {
				if run == nil {
					run = set
				} else if len(run)*len(set) <= maxExact {
					run = product(run, set)
				} else {
					consider(run)
					run = set
				}
				continue
			}
			consider(run)
			run = nil
			consider(required(sub))
		}
		consider(run)
		return best
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			set := required(sub)
			if set == nil {
				return nil
			}
			out = append(out, set...)
		}
		return out
	}
	return nil
}

// maxExact bounds the sets exact returns.
const maxExact = 16

// exact returns every string re can match when that is a small set of
// non-empty strings (a literal, a narrow class, alternations and
// concatenations of those), and nil otherwise.
func exact(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass:
		return required(re) // for these, the strings they match
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			set := exact(sub)
			if set == nil || len(out)+len(set) > maxExact {
				return nil
			}
			out = append(out, set...)
		}
		return out
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			set := exact(sub)
			if set == nil || len(out)*len(set) > maxExact {
				return nil
			}
			out = product(out, set)
		}
		return out
	}
	return nil
}

func product(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}
