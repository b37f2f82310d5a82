package eval

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/text/width"

	"github.com/budgetdoc/budgetdoc/schema"
)

// Score counts one measure on one document.
type Score struct {
	Gold    int // gold items
	Pred    int // predictions on covered pages
	Matched int // pairs matched one-to-one
}

// Precision is Matched/Pred, 1 when nothing was predicted.
func (s Score) Precision() float64 {
	if s.Pred == 0 {
		return 1
	}
	return float64(s.Matched) / float64(s.Pred)
}

// Recall is Matched/Gold, 1 when the gold has nothing to find.
func (s Score) Recall() float64 {
	if s.Gold == 0 {
		return 1
	}
	return float64(s.Matched) / float64(s.Gold)
}

// Add sums two scores (micro-average).
func (s Score) Add(o Score) Score {
	return Score{s.Gold + o.Gold, s.Pred + o.Pred, s.Matched + o.Matched}
}

// Measure names, in report order.
const (
	MeasureFacts      = "money facts"
	MeasureChanges    = "changes"
	MeasureIndicators = "indicators"
	// MeasureValues matches money facts by value and page alone, whatever
	// their subjects: did the extractor find the amount at all.
	MeasureValues = "values"
	// MeasureSubjectsExact and MeasureSubjectsLenient score the subjects of
	// the pairs MeasureValues found (those whose gold subject is not
	// empty): Gold = Pred = such pairs, Matched = pairs whose predicted
	// subject is identical to the gold subject or an alternative after
	// NormalizeSubject (exact), or equivalent to one (lenient,
	// SubjectsEquivalent). P = R = the share of right subjects.
	MeasureSubjectsExact   = "subj exact"
	MeasureSubjectsLenient = "subj lenient"
	// MeasureParents scores breakdown links, for gold files with meta:
	// Gold = gold facts with a parent, Pred = predicted facts with a
	// parent, Matched = gold links whose child and parent were both found
	// (by value) and linked the same way.
	MeasureParents = "parents"
	// MeasureMeta scores the metadata fields the gold states, for gold
	// files with meta (see evalMeta).
	MeasureMeta = "meta"
)

// Measures lists the measure names in report order. A report holds only
// the measures its gold can score (no parents or meta without gold meta).
var Measures = []string{MeasureFacts, MeasureChanges, MeasureIndicators,
	MeasureValues, MeasureSubjectsExact, MeasureSubjectsLenient, MeasureParents, MeasureMeta}

// Report is the evaluation of one document.
type Report struct {
	Document string
	Scores   map[string]Score
	// Missed and Spurious describe unmatched gold items and predictions, one
	// line each, for debugging extractors.
	Missed   map[string][]string
	Spurious map[string][]string
}

// item is a gold item or prediction reduced to what is matched.
type item struct {
	page       int
	subjects   []string // normalised; empty = any subject (facts only)
	key        string   // value/change/category key
	column     string   // normalised table column (facts of tables only)
	id, parent string   // breakdown links (facts only)
	desc       string
}

// Evaluate compares doc with the gold annotation g.
func Evaluate(g *Gold, doc *schema.Document) Report {
	r := Report{
		Document: g.Document,
		Scores:   map[string]Score{},
		Missed:   map[string][]string{},
		Spurious: map[string][]string{},
	}
	gf, pf := goldFacts(g), predFacts(g, doc)
	gc, pc := goldChanges(g), predChanges(g, doc)
	gi, pi := goldIndicators(g), predIndicators(g, doc)
	for _, m := range []struct {
		name       string
		gold, pred []item
	}{{MeasureFacts, gf, pf}, {MeasureChanges, gc, pc}, {MeasureIndicators, gi, pi}} {
		n, missed, spurious := match(m.gold, m.pred)
		r.Scores[m.name] = Score{Gold: len(m.gold), Pred: len(m.pred), Matched: n}
		r.Missed[m.name] = missed
		r.Spurious[m.name] = spurious
	}
	r.scoreValues(gf, pf, g.Meta != nil)
	if g.Meta != nil {
		s, diffs := evalMeta(g.Meta, &doc.Meta)
		r.Scores[MeasureMeta] = s
		r.Missed[MeasureMeta] = diffs
	}
	return r
}

// scoreValues pairs money facts by value and page whatever their subjects,
// then scores the subjects of the pairs and, when parents is set, the
// breakdown links between them.
func (r *Report) scoreValues(gold, pred []item, parents bool) {
	pairOf := pairUp(gold, pred, valuePasses)
	var subjExact, subjLenient, links Score
	var inexactSubj, wrongSubj, wrongLink []string
	predByID := map[string]int{}
	for j, p := range pred {
		predByID[p.id] = j
	}
	goldByID := map[string]int{}
	for i, g := range gold {
		if g.id != "" {
			goldByID[g.id] = i
		}
	}
	n := 0
	for i, j := range pairOf {
		if j < 0 {
			continue
		}
		n++
		g, p := gold[i], pred[j]
		if len(g.subjects) > 0 {
			subjExact.Gold++
			subjLenient.Gold++
			if subjectsMatch(g.subjects, p.subjects, true) {
				subjExact.Matched++
			} else {
				inexactSubj = append(inexactSubj, fmt.Sprintf("%s | predicted subject %q", g.desc, strings.Join(p.subjects, "")))
			}
			if subjectsMatch(g.subjects, p.subjects, false) {
				subjLenient.Matched++
			} else {
				wrongSubj = append(wrongSubj, fmt.Sprintf("%s | predicted subject %q", g.desc, strings.Join(p.subjects, "")))
			}
		}
		if gp, ok := goldByID[g.parent]; parents && ok {
			if jp := pairOf[gp]; jp >= 0 && p.parent != "" && p.parent == pred[jp].id {
				links.Matched++
			} else {
				wrongLink = append(wrongLink, fmt.Sprintf("%s | part of %s | predicted parent %q", g.desc, gold[gp].desc, p.parent))
			}
		}
	}
	subjExact.Pred, subjLenient.Pred = subjExact.Gold, subjLenient.Gold
	var vMissed, vSpurious []string
	usedP := make([]bool, len(pred))
	for i, j := range pairOf {
		if j < 0 {
			vMissed = append(vMissed, gold[i].desc)
		} else {
			usedP[j] = true
		}
	}
	for j, p := range pred {
		if !usedP[j] {
			vSpurious = append(vSpurious, p.desc)
		}
	}
	r.Scores[MeasureValues] = Score{Gold: len(gold), Pred: len(pred), Matched: n}
	r.Missed[MeasureValues], r.Spurious[MeasureValues] = vMissed, vSpurious
	r.Scores[MeasureSubjectsExact] = subjExact
	r.Scores[MeasureSubjectsLenient] = subjLenient
	r.Missed[MeasureSubjectsExact] = inexactSubj
	r.Missed[MeasureSubjectsLenient] = wrongSubj
	if !parents {
		return
	}
	for _, g := range gold {
		if g.parent != "" {
			links.Gold++
		}
	}
	for _, p := range pred {
		if p.parent != "" {
			links.Pred++ // also a link to a fact outside the scored ones
		}
	}
	r.Scores[MeasureParents] = links
	r.Missed[MeasureParents] = wrongLink
	for _, p := range pred {
		if p.parent == "" {
			continue
		}
		if j, ok := predByID[p.parent]; ok && !linkMatched(gold, pred, pairOf, goldByID, p, pred[j]) {
			r.Spurious[MeasureParents] = append(r.Spurious[MeasureParents], fmt.Sprintf("%s | part of %s", p.desc, pred[j].desc))
		}
	}
}

// linkMatched reports whether the predicted link child→parent is a gold
// link between the gold facts paired with them.
func linkMatched(gold, pred []item, pairOf []int, goldByID map[string]int, child, parent item) bool {
	for i, j := range pairOf {
		if j < 0 || pred[j].id != child.id || gold[i].parent == "" {
			continue
		}
		gp, ok := goldByID[gold[i].parent]
		return ok && pairOf[gp] >= 0 && pred[pairOf[gp]].id == parent.id
	}
	return false
}

func goldFacts(g *Gold) []item {
	var out []item
	for _, f := range g.Facts {
		it := item{page: f.Page, key: decimalKey(f.Value), column: NormalizeSubject(f.Column), id: f.ID, parent: f.Parent,
			desc: fmt.Sprintf("p%d %s %s=%s", f.Page, f.Text, f.Subject, f.Value)}
		if f.Column != "" {
			it.desc = fmt.Sprintf("p%d %s %s[%s]=%s", f.Page, f.Text, f.Subject, f.Column, f.Value)
		}
		if f.Subject != "" {
			it.subjects = append(it.subjects, NormalizeSubject(f.Subject))
			for _, a := range f.Also {
				it.subjects = append(it.subjects, NormalizeSubject(a))
			}
		}
		out = append(out, it)
	}
	return out
}

// predFacts are the money facts with a value on covered pages; change-only
// mentions (no value) are scored as changes only, and table cells (the gold
// annotates prose; tables have their own gold in testdata/gold/tables) only
// when the gold annotates them (Gold.Tables).
func predFacts(g *Gold, doc *schema.Document) []item {
	var out []item
	for _, f := range doc.Facts {
		if f.Kind != schema.FactMoney || f.Value == "" || (f.Table != "" && !g.Tables) || !g.coversLoc(f.Loc.Page, f.Loc.Line) {
			continue
		}
		it := item{
			page:     f.Loc.Page,
			subjects: []string{NormalizeSubject(f.Subject)},
			key:      decimalKey(f.Value),
			id:       f.ID,
			parent:   f.Parent,
			desc:     fmt.Sprintf("p%d %s %s=%s", f.Loc.Page, f.Text, f.Subject, f.Value),
		}
		if f.Table != "" {
			it.column = NormalizeSubject(f.Dimension)
			it.desc = fmt.Sprintf("p%d %s %s[%s]=%s", f.Loc.Page, f.Text, f.Subject, f.Dimension, f.Value)
		}
		out = append(out, it)
	}
	return out
}

func goldChanges(g *Gold) []item {
	var out []item
	for _, c := range g.Changes {
		out = append(out, item{page: c.Page, key: changeKey(c.Direction, c.Value, c.Percent, c.Points),
			desc: fmt.Sprintf("p%d %s: %s", c.Page, c.Subject, c.Text)})
	}
	return out
}

func predChanges(g *Gold, doc *schema.Document) []item {
	var out []item
	for _, f := range doc.Facts {
		c := f.Change
		if c == nil || f.Kind == schema.FactCount || !g.coversLoc(f.Loc.Page, f.Loc.Line) {
			continue // counts and their changes are out of the gold's scope
		}
		out = append(out, item{page: f.Loc.Page, key: changeKey(c.Direction, c.Value, c.Percent, c.Points),
			desc: fmt.Sprintf("p%d %s: %s", f.Loc.Page, f.Subject, c.Text)})
	}
	return out
}

func goldIndicators(g *Gold) []item {
	var out []item
	for _, in := range g.Indicators {
		out = append(out, item{page: in.Page, key: NormalizeSubject(in.Category),
			subjects: []string{NormalizeSubject(in.Name)},
			desc:     fmt.Sprintf("p%d %s/%s", in.Page, in.Category, in.Name)})
	}
	return out
}

func predIndicators(g *Gold, doc *schema.Document) []item {
	var out []item
	for _, p := range doc.Projects {
		for _, in := range p.Indicators {
			page := in.Loc.Page
			if page == 0 {
				page = p.Loc.Page
			}
			if !g.CoversIndicators(page) {
				continue
			}
			out = append(out, item{page: page, key: NormalizeSubject(in.Category),
				subjects: []string{NormalizeSubject(in.Name)},
				desc:     fmt.Sprintf("p%d %s/%s", page, in.Category, in.Name)})
		}
	}
	return out
}

// match pairs gold items with predictions one-to-one and returns the number
// of pairs and the unmatched items of each side. Keys must be equal and
// subjects equivalent. Passes go from strict to lenient so that a lenient
// pair never takes a prediction that a strict pair needs: same page and
// identical subject, then same page and equivalent subject, then the
// neighbouring page (a sentence that a page break split may be located on
// either page).
func match(gold, pred []item) (int, []string, []string) {
	pairOf := pairUp(gold, pred, subjectPasses)
	usedP := make([]bool, len(pred))
	n := 0
	var missed, spurious []string
	for i, j := range pairOf {
		if j < 0 {
			missed = append(missed, gold[i].desc)
			continue
		}
		usedP[j] = true
		n++
	}
	for j, p := range pred {
		if !usedP[j] {
			spurious = append(spurious, p.desc)
		}
	}
	return n, missed, spurious
}

// subjectMode is how a matching pass compares subjects.
type subjectMode int

const (
	subjectExact subjectMode = iota
	subjectLenient
	subjectAny
)

type pass struct {
	pageDelta int
	subjects  subjectMode
}

var (
	// subjectPasses match on value and subject (the money facts measure).
	subjectPasses = []pass{{0, subjectExact}, {0, subjectLenient}, {1, subjectExact}, {1, subjectLenient}}
	// valuePasses match on value alone, still preferring the pair with the
	// right subject where a value occurs twice.
	valuePasses = []pass{{0, subjectExact}, {0, subjectLenient}, {0, subjectAny},
		{1, subjectExact}, {1, subjectLenient}, {1, subjectAny}}
)

// pairUp pairs gold items with predictions one-to-one, pass by pass, and
// returns for each gold item the index of its prediction or -1. Keys must be
// equal and table columns compatible in every pass.
func pairUp(gold, pred []item, passes []pass) []int {
	pairOf := make([]int, len(gold))
	for i := range pairOf {
		pairOf[i] = -1
	}
	usedP := make([]bool, len(pred))
	for _, ps := range passes {
		for i, g := range gold {
			if pairOf[i] >= 0 {
				continue
			}
			for j, p := range pred {
				if usedP[j] || g.key != p.key || abs(g.page-p.page) != ps.pageDelta || !columnsMatch(g.column, p.column) {
					continue
				}
				if ps.subjects != subjectAny && !subjectsMatch(g.subjects, p.subjects, ps.subjects == subjectExact) {
					continue
				}
				pairOf[i], usedP[j] = j, true
				break
			}
		}
	}
	return pairOf
}

// columnsMatch: a gold column, when given, must be one of the levels of
// the predicted column header path (执行数 in 2025年/执行数), whole: 预算数
// is not 调整预算数.
func columnsMatch(gold, pred string) bool {
	if gold == "" {
		return true
	}
	return slices.Contains(strings.Split(pred, "/"), gold)
}

// subjectsMatch: an empty gold list accepts anything (the source lost the
// subject); otherwise some gold subject must equal, or in lenient mode be
// equivalent to, some predicted subject.
func subjectsMatch(gold, pred []string, exact bool) bool {
	if len(gold) == 0 {
		return true
	}
	for _, g := range gold {
		for _, p := range pred {
			if g == p || (!exact && SubjectsEquivalent(g, p)) {
				return true
			}
		}
	}
	return false
}

// NormalizeSubject folds full-width forms to their narrow equivalents and
// removes white space and quotation marks, which vary between documents
// without changing what is named (“三公”经费 = 三公经费).
func NormalizeSubject(s string) string {
	s = width.Fold.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || isQuote(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '〝', '〞':
		return true
	}
	return false
}

// SubjectsEquivalent reports whether two normalised subjects name the same
// thing: equal, or one contained in the other and at least half as long.
// Containment accepts the usual legitimate variation in where a noun phrase
// starts (财政拨款收入 / 一般公共预算财政拨款收入, 公务用车运行维护费 /
// 车运行维护费); the length bound stops a bare head noun (支出, 经费) from
// matching every longer subject that ends with it.
func SubjectsEquivalent(a, b string) bool {
	if a == b {
		return true
	}
	if a == "" || b == "" {
		return false
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	short, long, ls, ll := a, b, la, lb
	if la > lb {
		short, long, ls, ll = b, a, lb, la
	}
	return 2*ls >= ll && strings.Contains(long, short)
}

// changeKey is direction plus value, percent and points as canonical
// decimals. A flat change with no stated amount equals one stated as 0
// ("持平" = "增加0万元"), and the sign of a zero is irrelevant.
func changeKey(direction, value, percent, points string) string {
	norm := func(v string) string {
		k := decimalKey(v)
		if direction == "flat" && (k == "" || k == "0") {
			return ""
		}
		return k
	}
	return direction + "|" + norm(value) + "|" + norm(percent) + "|" + norm(points)
}

// decimalKey canonicalises a decimal string (1.50 = 1.5); a string that is not
// a decimal is kept as written so that it can only match itself.
func decimalKey(s string) string {
	if s == "" {
		return ""
	}
	d, ok := parseDecimal(s)
	if !ok {
		return "?" + s
	}
	return d.String()
}

func parseDecimal(s string) (decimal.Decimal, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "+")
	if s == "" || strings.ContainsAny(s, "eE") {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, false
	}
	return d, true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// WriteTable prints one row per document and measure with gold, predicted
// and matched counts, precision and recall, and a micro-averaged total.
func WriteTable(w io.Writer, reports []Report) error {
	var err error
	pr := func(format string, a ...any) {
		if err == nil {
			_, err = fmt.Fprintf(w, format, a...)
		}
	}
	pr("%-52s %-12s %5s %5s %5s %6s %6s\n", "document", "measure", "gold", "pred", "match", "P", "R")
	total := map[string]Score{}
	for _, r := range reports {
		for _, m := range Measures {
			s, ok := r.Scores[m]
			if !ok {
				continue
			}
			total[m] = total[m].Add(s)
			pr("%-52s %-12s %5d %5d %5d %6.3f %6.3f\n", r.Document, m, s.Gold, s.Pred, s.Matched, s.Precision(), s.Recall())
		}
	}
	if len(reports) > 1 {
		for _, m := range Measures {
			s, ok := total[m]
			if !ok {
				continue
			}
			pr("%-52s %-12s %5d %5d %5d %6.3f %6.3f\n", "(all)", m, s.Gold, s.Pred, s.Matched, s.Precision(), s.Recall())
		}
	}
	return err
}
