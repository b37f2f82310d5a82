// Package lexicon is the government classification (政府收支分类科目)
// lexicon harvested from published budget tables: for each 科目编码 the names
// it was printed with, in which years and in how many documents.
//
// No machine-readable copy of the classification is available, but every
// 部门预算/决算 prints hundreds of (科目编码, 科目名称) pairs. Harvester
// collects them from parsed tables; the result is written as a versioned
// tab-separated file (data/lexicon.tsv, embedded) that Default reads. From
// it follow a subject's canonical name (the name of its latest year), the
// renames of a reform (a code whose name changed from one year on) and the
// names a one-character slip away from a real one.
//
// Limits: the lexicon knows only codes printed in the documents it was built
// from; a name seen in one document only is trusted less (it may be that
// document's typo); local 项 names under 其他… codes vary by region.
package lexicon

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Version is the format version written in the data file's first line.
const Version = "budgetdoc-lexicon/1"

//go:embed data/lexicon.tsv
var embedded []byte

// Kind is the classification a code belongs to, by its first digit.
type Kind string

// The classifications.
const (
	Revenue        Kind = "revenue"       // 1xx 收入分类
	Function       Kind = "function"      // 2xx 支出功能分类
	DeptEconomic   Kind = "dept-economic" // 3xx 部门预算支出经济分类
	GovEconomic    Kind = "gov-economic"  // 5xx 政府预算支出经济分类
	unknownKind    Kind = ""
	trustedDocs         = 2 // a name seen in this many documents is trusted
	minRenameRunes      = 4
)

// KindOf returns the classification of a code, or "" when the code is not
// a 3-, 5- or 7-digit classification code.
func KindOf(code string) Kind {
	if !validCode(code) {
		return unknownKind
	}
	switch code[0] {
	case '1':
		return Revenue
	case '2':
		return Function
	case '3':
		return DeptEconomic
	case '5':
		return GovEconomic
	}
	return unknownKind
}

func validCode(code string) bool {
	if n := len(code); n != 3 && n != 5 && n != 7 {
		return false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return code[0] != '0'
}

// Level is 1 for 类 (3 digits), 2 for 款 (5), 3 for 项 (7).
func Level(code string) int { return (len(code) - 1) / 2 }

// Parent is the code one level up ("" for a 类).
func Parent(code string) string {
	if len(code) <= 3 {
		return ""
	}
	return code[:len(code)-2]
}

// Name is one name a code was printed with.
type Name struct {
	Text  string
	Years []int // fiscal years seen, ascending (documents without a year add none)
	Docs  int   // documents seen in
}

// Entry is one code with its names, the canonical one first.
type Entry struct {
	Code  string
	Kind  Kind
	Names []Name
}

// Canonical is the name to use today: that of the latest year.
func (e *Entry) Canonical() string { return e.Names[0].Text }

// Trusted reports whether name is a name of e that is not suspect: seen in
// enough documents, or not one character away from a name seen more often.
func (e *Entry) Trusted(name string) bool {
	for _, n := range e.Names {
		if n.Text == name {
			return !e.suspect(n)
		}
	}
	return false
}

// suspect reports whether n looks like a slip of another name of e: seen in
// fewer than trustedDocs documents and one character from a trusted name.
func (e *Entry) suspect(n Name) bool {
	if n.Docs >= trustedDocs {
		return false
	}
	for _, o := range e.Names {
		if o.Text != n.Text && o.Docs >= trustedDocs && OneSubstitution(o.Text, n.Text) >= 0 {
			return true
		}
	}
	return false
}

// Lexicon is a set of entries by code.
type Lexicon struct {
	entries map[string]*Entry
	byName  map[string][]string // trusted name → codes
	docs    int

	nearOnce sync.Once
	near     *nearIndex
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the lexicon embedded in the binary (built from the
// project's corpora; see README, "Classification lexicon").
func Default() (*Lexicon, error) {
	defaultOnce.Do(func() {
		defaultLex, defaultErr = Read(bytes.NewReader(embedded))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("lexicon: embedded data: %w", defaultErr)
		}
	})
	return defaultLex, defaultErr
}

// Entry returns the entry of code.
func (l *Lexicon) Entry(code string) (*Entry, bool) {
	e, ok := l.entries[code]
	return e, ok
}

// Canonical returns the current name of code ("" when unknown).
func (l *Lexicon) Canonical(code string) string {
	if e, ok := l.entries[code]; ok {
		return e.Canonical()
	}
	return ""
}

// CodesOf returns the codes that name is a trusted name of, sorted.
func (l *Lexicon) CodesOf(name string) []string { return l.byName[name] }

// Entries returns every entry sorted by code.
func (l *Lexicon) Entries() []*Entry {
	out := make([]*Entry, 0, len(l.entries))
	for _, e := range l.entries {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Rename is a code's name change: Old was used up to some year, New from
// Since on.
type Rename struct {
	Code, Old, New string
	Since          int
}

// Renames returns the name changes the data shows: a code whose trusted
// names fall in disjoint year ranges, the newer not a slip or a shortening
// of the older. Sorted by code and year.
func (l *Lexicon) Renames() []Rename {
	var out []Rename
	for _, e := range l.Entries() {
		for _, o := range e.Names {
			for _, n := range e.Names {
				if o.Text == n.Text || o.Docs < trustedDocs || n.Docs < trustedDocs || len(o.Years) == 0 || len(n.Years) == 0 {
					continue
				}
				if o.Years[len(o.Years)-1] >= n.Years[0] || utf8.RuneCountInString(o.Text) < minRenameRunes {
					continue
				}
				if OneSubstitution(o.Text, n.Text) >= 0 || strings.Contains(n.Text, o.Text) || strings.Contains(o.Text, n.Text) {
					continue
				}
				if n.Text != e.Canonical() {
					continue // only renames to today's name
				}
				out = append(out, Rename{Code: e.Code, Old: o.Text, New: n.Text, Since: n.Years[0]})
			}
		}
	}
	return out
}

// Names returns every trusted name with its codes.
func (l *Lexicon) Names() map[string][]string { return l.byName }

// OneSubstitution returns the rune index at which a and b differ when they
// have the same length and differ in exactly one rune, else -1.
func OneSubstitution(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return -1
	}
	at := -1
	for i := range ra {
		if ra[i] != rb[i] {
			if at >= 0 {
				return -1
			}
			at = i
		}
	}
	return at
}

// CleanName turns a table label into a name: width-folded punctuation,
// no spaces, no leading list number (一、 1. （一）) or 其中：.
func CleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r == '(':
			return '（'
		case r == ')':
			return '）'
		}
		return r
	}, s)
	s = curlyQuotes(s)
	s = strings.TrimPrefix(s, "其中：")
	s = strings.TrimPrefix(s, "其中:")
	s = trimListNumber(s)
	if !utf8.ValidString(s) || strings.ContainsAny(s, "\t|@") {
		return ""
	}
	han := false
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			han = true
			break
		}
	}
	if !han || utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

// curlyQuotes turns straight double quotes into “ and ” alternately, so
// that "三供一业" and “三供一业” are one name.
func curlyQuotes(s string) string {
	if !strings.Contains(s, `"`) {
		return s
	}
	var b strings.Builder
	open := true
	for _, r := range s {
		if r == '"' {
			r = '“'
			if !open {
				r = '”'
			}
			open = !open
		}
		b.WriteRune(r)
	}
	return b.String()
}

func trimListNumber(s string) string {
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune("一二三四五六七八九十0123456789", r) {
			i += w
			continue
		}
		break
	}
	if i > 0 && i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == '、' || r == '.' || r == '．' {
			return s[i+w:]
		}
	}
	if strings.HasPrefix(s, "（") {
		if j := strings.Index(s, "）"); j > 0 && strings.Trim(s[len("（"):j], "一二三四五六七八九十") == "" {
			return s[j+len("）"):]
		}
	}
	return s
}

// Read parses the data file format written by Write.
func Read(r io.Reader) (*Lexicon, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	l := &Lexicon{entries: map[string]*Entry{}}
	no := 0
	for sc.Scan() {
		no++
		line := sc.Text()
		if no == 1 {
			if !strings.HasPrefix(line, "# "+Version) {
				return nil, fmt.Errorf("line 1: want the header %q, got %q", "# "+Version, line)
			}
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			if n, ok := strings.CutPrefix(line, "# documents: "); ok {
				l.docs, _ = strconv.Atoi(n)
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("line %d: want 5 tab-separated fields (code kind level parent names), got %d", no, len(f))
		}
		code := f[0]
		if KindOf(code) == unknownKind || Kind(f[1]) != KindOf(code) {
			return nil, fmt.Errorf("line %d: bad code %q or kind %q", no, code, f[1])
		}
		if _, dup := l.entries[code]; dup {
			return nil, fmt.Errorf("line %d: code %s repeated", no, code)
		}
		e := &Entry{Code: code, Kind: Kind(f[1])}
		for _, part := range strings.Split(f[4], "|") {
			n, err := parseName(part)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", no, err)
			}
			e.Names = append(e.Names, n)
		}
		l.entries[code] = e
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if no == 0 {
		return nil, fmt.Errorf("empty lexicon file")
	}
	l.index()
	return l, nil
}

// parseName reads `name@2017,2018@3`.
func parseName(s string) (Name, error) {
	f := strings.Split(s, "@")
	if len(f) != 3 || f[0] == "" {
		return Name{}, fmt.Errorf("bad name %q (want name@years@docs)", s)
	}
	n := Name{Text: f[0]}
	if f[1] != "" {
		for _, y := range strings.Split(f[1], ",") {
			v, err := strconv.Atoi(y)
			if err != nil || v < 1900 || v > 2200 {
				return Name{}, fmt.Errorf("bad year %q in %q", y, s)
			}
			n.Years = append(n.Years, v)
		}
	}
	d, err := strconv.Atoi(f[2])
	if err != nil || d < 1 {
		return Name{}, fmt.Errorf("bad document count in %q", s)
	}
	n.Docs = d
	return n, nil
}

func (l *Lexicon) index() {
	l.byName = map[string][]string{}
	for _, e := range l.Entries() {
		for _, n := range e.Names {
			if !e.suspect(n) {
				l.byName[n.Text] = append(l.byName[n.Text], e.Code)
			}
		}
	}
}

// Write writes the data file: a version line, comment lines, then one line
// per code: code, kind, level (类/款/项), parent, and its names as
// name@years@docs separated by |, canonical first.
func (l *Lexicon) Write(w io.Writer, comment ...string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n", Version)
	for _, c := range comment {
		fmt.Fprintf(bw, "# %s\n", c)
	}
	fmt.Fprintf(bw, "# documents: %d\n", l.docs)
	fmt.Fprintln(bw, "# code\tkind\tlevel\tparent\tname@years@documents|other names…")
	for _, e := range l.Entries() {
		parts := make([]string, len(e.Names))
		for i, n := range e.Names {
			ys := make([]string, len(n.Years))
			for k, y := range n.Years {
				ys[k] = strconv.Itoa(y)
			}
			parts[i] = n.Text + "@" + strings.Join(ys, ",") + "@" + strconv.Itoa(n.Docs)
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%s\n", e.Code, e.Kind, levelName(e.Code), Parent(e.Code), strings.Join(parts, "|"))
	}
	return bw.Flush()
}

func levelName(code string) string {
	switch len(code) {
	case 3:
		return "类"
	case 5:
		return "款"
	}
	return "项"
}

// Harvester collects (code, name) pairs document by document.
type Harvester struct {
	names map[string]map[string]*Name // code → name → stats
	seen  map[[3]string]bool          // doc, code, name
	docs  map[string]bool
}

// NewHarvester returns an empty harvester.
func NewHarvester() *Harvester {
	return &Harvester{names: map[string]map[string]*Name{}, seen: map[[3]string]bool{}, docs: map[string]bool{}}
}

// Add records that document doc (any stable identifier, e.g. its sha256)
// of fiscal year year (0 when unknown) printed code with label. Pairs that
// are not a classification code with a name are ignored.
func (h *Harvester) Add(doc string, year int, code, label string) {
	name := CleanName(label)
	if KindOf(code) == unknownKind || name == "" || strings.Contains(name, code) {
		return
	}
	h.docs[doc] = true
	m := h.names[code]
	if m == nil {
		m = map[string]*Name{}
		h.names[code] = m
	}
	n := m[name]
	if n == nil {
		n = &Name{Text: name}
		m[name] = n
	}
	if year > 0 && !slices.Contains(n.Years, year) {
		n.Years = append(n.Years, year)
		slices.Sort(n.Years)
	}
	k := [3]string{doc, code, name}
	if !h.seen[k] {
		h.seen[k] = true
		n.Docs++
	}
}

// Lexicon returns what was harvested. Names are ordered canonical first:
// latest year, then most documents; a name seen in one document that is a
// slip of a better-attested name never comes first.
func (h *Harvester) Lexicon() *Lexicon {
	l := &Lexicon{entries: map[string]*Entry{}, docs: len(h.docs)}
	for code, m := range h.names {
		e := &Entry{Code: code, Kind: KindOf(code)}
		for _, n := range m {
			e.Names = append(e.Names, *n)
		}
		last := func(n Name) int {
			if len(n.Years) == 0 {
				return 0
			}
			return n.Years[len(n.Years)-1]
		}
		sort.Slice(e.Names, func(i, j int) bool {
			a, b := e.Names[i], e.Names[j]
			if sa, sb := e.suspect(a), e.suspect(b); sa != sb {
				return sb
			}
			if last(a) != last(b) {
				return last(a) > last(b)
			}
			if a.Docs != b.Docs {
				return a.Docs > b.Docs
			}
			return a.Text < b.Text
		})
		l.entries[code] = e
	}
	l.index()
	return l
}
