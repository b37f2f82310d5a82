// Package facts finds the money and count facts of a normalized budget
// document: each amount with the noun phrase naming what it counts, the
// sub-unit it is about, its year-over-year change (amount, percent or points,
// direction, base), the stated reason, and its place in a breakdown (其中,
// 包括, 按支出功能科目划分) — the `facts` of the budgetdoc/v1 contract.
//
// It works line by line on the parsing view of every logical line: the
// quantity scanner finds the amounts first, the segmenter then splits the
// rest into words with the amounts protected, and the subject of an amount is
// read backwards from it over the words and their part-of-speech tags. What
// is reported (text, location) refers to the text as written.
//
// Facts leave the package typed (Fact): exact decimal values, the quantities
// as scanned, the parent as an index, and the logical line and view offsets
// of each mention, so that later stages never find a fact again by its
// text. The pipeline numbers them and writes them in the contract (Schema).
package facts

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/internal/rx"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/nlp/quantity"
	"github.com/budgetdoc/budgetdoc/nlp/segment"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Extract returns the facts of txt in document order, unnumbered (the
// pipeline numbers a document's facts). tree (optional) gives each fact its
// section; m (optional) names the organisation to leave out of subjects;
// seg (optional) segments the text — without it subjects are cut by
// punctuation and word lists only. It stops with ctx's error when ctx is
// done.
func Extract(ctx context.Context, txt *normalize.Text, tree *outline.Outline, m schema.Meta, seg segment.Segmenter) ([]Fact, error) {
	if txt == nil {
		return nil, nil
	}
	x := &extractor{ctx: ctx, seg: seg, org: m.Organization, government: m.Scope == schema.ScopeGovernment, prevChanged: -1, prevLast: -1, pendingReason: -1, headingLevel: -1}
	for pi := range txt.Pages {
		x.page = pi
		for ii, it := range txt.Pages[pi].Items {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			x.item = ii
			if it.Line == nil {
				x.endBlock()
				continue
			}
			sec := ""
			var node *outline.Node
			if tree != nil {
				if node = tree.SectionAt(pi, ii); node != nil {
					sec = node.ID
				}
			}
			if node != nil && node.Page == pi && node.Item == ii && !within(node, x.carrySec) {
				// 六、… after the lists of 五、: a section outside the one a
				// carried breakdown opened in ends it
				x.carry, x.open, x.headingLevel = nil, nil, -1
			}
			x.node = node
			x.line(it.Line, sec, it.Kind)
		}
	}
	if ctx.Err() != nil { // the last line was cut short
		return nil, ctx.Err()
	}
	return x.result(), nil
}

// fact is a Fact under construction.
type fact struct {
	f           Fact
	value       decimal.Decimal
	hasValue    bool
	amount      *quantity.Quantity // the quantity of value
	prior       *decimal.Decimal   // a prior stated in the text
	change      *schema.Change     // direction and base; Percent and Points say whether stated
	changeVal   *decimal.Decimal
	changeQ     [3]*quantity.Quantity // the change's amount, percent and points as written
	changeStart int                   // view offsets of the change clause in line
	changeEnd   int
	line        *normalize.Line
	parent      int
	pos         int  // view offset of the amount (or of the change clause)
	inReason    bool // stated inside a reason clause (主要原因是…增加…400万元)
}

type scope struct {
	parent int
	dim    string
}

type extractor struct {
	// ctx is checked between the steps of a line as well as between
	// lines: a line may be megabytes long, and work given up on must stop.
	ctx context.Context
	seg segment.Segmenter
	org string
	// government is set for a report on a government as a whole, whose
	// figures carry a scope word (see scopeSubjects).
	government bool
	facts      []*fact
	// page and item locate the line being read in normalize.Text.
	page, item int

	// carry holds the breakdowns that continue on the following list lines
	// (a line ending in 其中： or 包括：), one level per numbering style:
	// （一）… 1．… （1）… 2．… （二）…
	carry []carryLevel
	// open is the breakdown that continues on the following unnumbered
	// lines: a line ending in 其中： opens it, each part's line ending in
	// ；keeps it, the line ending in 。 closes it (其中：\n 基本支出…；\n
	// 项目支出…。). Dash items (——市本级收入…。) keep it over their full
	// stop while the next line is a dash item too (openDash).
	open     *scope
	openDash bool
	// openBare is set when the open breakdown goes on past a full stop
	// because its latest part was a line of a name and its amount alone
	// (公务用车购置支出为0.00万元。): the next line is a part only when it
	// is one too.
	openBare bool
	// openSemi is set when the open breakdown went on because its latest
	// part line ended in ；: parts written so end with a full stop.
	openSemi bool
	// headingLevel is the carried level whose latest part is a heading
	// without an amount (（一）一般公共服务（类）), for the next line only,
	// or -1: an unnumbered line after it is the heading's body, its
	// amounts parts of the level's total (检察（款）: 预算支出合计…).
	headingLevel int
	// bodies is set while the carried list was opened by a heading line
	// (…主要内容如下：): its items run over unnumbered lines, which are their
	// bodies (restated amounts, reasons), not the end of the list.
	bodies bool
	// node is the section of the current line; carrySec the section the
	// carried breakdowns opened in (nil without an outline).
	node, carrySec *outline.Node
	// pendingReason is the fact whose reason marker (主要原因是) ended the
	// previous line, so that the reason is the next line's first sentence.
	pendingReason int
	// prevChanged is the last fact with a change on the previous line, for a
	// reason written on the next line.
	prevChanged int
	// prevFirst is the first fact of the previous line.
	prevFirst int
	// prevLast is the last fact of the previous line.
	prevLast int
	// heading is the title of the previous line when it was a heading
	// without amounts (六、年度预算安排), the subject of an amount written
	// alone on the next line.
	heading string
	// tail is the last clause of the previous line when that line stops
	// mid-sentence (see openTail).
	tail string
	// listed is, per numbering style, the number of the latest list line
	// in that style and how many facts there were before it: a list line
	// that follows it in order, in a style the carried breakdowns do not
	// use, is its sibling — outside the breakdown carried since.
	listed map[outline.Style]listedItem
}

// listedItem is the latest list line of one numbering style.
type listedItem struct {
	n     int // its number
	facts int // len(facts) when it was read
}

func (x *extractor) endBlock() {
	x.carry, x.open, x.headingLevel, x.prevChanged, x.pendingReason, x.heading, x.tail = nil, nil, -1, -1, -1, "", ""
}

func (x *extractor) result() []Fact {
	out := make([]Fact, len(x.facts))
	for i, f := range x.facts {
		r := f.f
		r.Parent = -1
		if f.hasValue {
			r.Amount = f.amount
		}
		r.Prior = f.prior
		if f.change != nil {
			c := &Change{Direction: f.change.Direction, Base: f.change.Base,
				Amount: f.changeQ[0], Percent: f.changeQ[1], Points: f.changeQ[2],
				Text: changeText(f.line, f.changeStart, f.changeEnd), Line: f.line, Start: f.changeStart, End: f.changeEnd}
			if f.changeVal != nil && f.hasValue && r.Prior == nil {
				p := f.value.Sub(*f.changeVal)
				r.Prior = &p
			}
			if zeroChange(c) {
				// 增加（减少）0万元，增长（减少）0%: a template left both
				// words; a change of nothing is flat whatever the words.
				c.Direction = dirFlat
			}
			r.Change = c
		}
		if f.parent >= 0 && f.parent != i && !x.flowReading(i, f.parent) {
			r.Parent = x.samePhaseTotal(i, x.sameKindTotal(i, f.parent))
		}
		if r.Amount == nil && r.Change != nil && r.Change.Line == r.Line {
			r.Start, r.End = r.Change.Start, r.Change.End // the mention is the change clause
		}
		out[i] = r
	}
	return out
}

// jointFlows names both flows at once (收入、支出预算总计, 收、支总计, 收支
// 总计): one amount read for each flow.
var jointFlows = rx.MustCompile(`收入?[、和及与]?支`)

// flowReading reports whether fact i is the amount of total p read for one
// of the flows p names jointly (收入、支出预算总计18330.37万元。其中：收入
// 预算总计18330.37万元…支出预算总计18330.37万元): the same amount for
// one flow, not a part of the two.
func (x *extractor) flowReading(i, p int) bool {
	f, t := x.facts[i], x.facts[p]
	return f.hasValue && t.hasValue && f.value.Equal(t.value) && flowKind(f.f.Subject) != "" &&
		flowKind(t.f.Subject) == "" && jointFlows.MatchString(t.f.Subject)
}

// sameKindTotal returns the total that part i belongs to when the breakdown
// opened after total p: p itself, unless the part is a 收入 or a 支出 and p
// is not while an amount of the part's kind stands before p in the same
// sentence (收入5.89亿元，…，短收0.25亿元（其中：税收收入3.97亿元 — the
// parts of the revenue, not of the shortfall).
func (x *extractor) sameKindTotal(i, p int) int {
	k := flowKind(x.facts[i].f.Subject)
	if k == "" || flowKind(x.facts[p].f.Subject) == k {
		return p
	}
	total := x.facts[p]
	for q := p - 1; q >= 0; q-- {
		f := x.facts[q]
		if f.line != total.line || f.pos > total.pos || strings.Contains(total.line.Text[f.pos:total.pos], "。") {
			break
		}
		if f.hasValue && flowKind(f.f.Subject) == k {
			return q
		}
	}
	return p
}

// samePhaseTotal returns, for part i of total p, the amount of the total's
// sentence that states the same thing in the part's phase: after
// 支出年初预算为2993.92万元，支出决算为2940.05万元。其中：, an item's
// 年初预算 is a part of the 年初预算 and its 支出决算 of the 支出决算 — two
// parallel readings, linked by the phase word their subjects end in.
func (x *extractor) samePhaseTotal(i, p int) int {
	ph := phaseBefore(x.facts[i])
	total := x.facts[p]
	if ph == "" || phaseBefore(total) == ph || phaseBefore(total) == "" {
		return p
	}
	for _, step := range []int{-1, 1} {
		for q := p + step; q >= 0 && q < len(x.facts) && q != i; q += step {
			f := x.facts[q]
			lo, hi := min(f.pos, total.pos), max(f.pos, total.pos)
			if f.line != total.line || strings.ContainsAny(total.line.Text[lo:hi], "。；;") {
				break
			}
			if f.hasValue && f.change == nil && phaseBefore(f) == ph {
				return q
			}
		}
	}
	return p
}

// phaseWords name the phase of a budget a subject's amount belongs to,
// longest first (年初预算 before 预算).
var phaseWords = []string{"年初预算", "全年预算", "调整预算", "决算", "预算"}

// phaseBefore is the phase word written right before f's amount
// (年初预算为 1560.05万元), or "". It is read from the text, not the
// subject: a subject may leave the phase out.
func phaseBefore(f *fact) string {
	if f.line == nil || f.pos > len(f.line.Text) {
		return ""
	}
	before := strings.TrimRight(f.line.Text[:f.pos], " 　")
	before = strings.TrimSuffix(strings.TrimSuffix(before, "为"), "是")
	for _, w := range phaseWords {
		if strings.HasSuffix(before, w) {
			return w
		}
	}
	return ""
}

// flowKind is 收入 or 支出 when a subject names one and not the other.
func flowKind(subject string) string {
	in, out := strings.Contains(subject, "收入"), strings.Contains(subject, "支出")
	switch {
	case in && !out:
		return "收入"
	case out && !in:
		return "支出"
	}
	return ""
}

// moneyMagnitude reports whether q is a bare number written with the
// magnitude 万 or 亿 (209万, 1.2亿).
func moneyMagnitude(q *quantity.Quantity) bool {
	if q.Kind != quantity.Number {
		return false
	}
	t := strings.TrimSpace(q.Text)
	return strings.HasSuffix(t, "万") || strings.HasSuffix(t, "亿")
}

// bareRate reports whether q, a number without a unit, may be a change's
// percent with the % left out (增长 13.95。): written with decimals, right
// after a change word, and ending its clause. Whether it is one depends on
// the change before it (lineState.percentLeftOut).
func bareRate(view string, q *quantity.Quantity) bool {
	t := view[q.Start:q.End]
	if !strings.Contains(t, ".") || strings.ContainsAny(t, ",万亿") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(view[q.End:], " ")); r != utf8.RuneError && !strings.ContainsRune("，。；,;", r) {
		return false
	}
	dir, _ := trailingDirection(view[:q.Start])
	return dir != ""
}

// countedAfter reports whether rest, the text after a number of 万 or
// 亿, opens with a measure word: 56.24万头牲畜 counts animals, not yuan.
func countedAfter(rest string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
	return strings.ContainsRune(measureWords, r)
}

// measureWords count things other than money after a number.
const measureWords = "头只匹人户亩吨笔件株棵套名辆台册张份个家所座条处次篇项公千平立"

// nameCount reports whether the count q is part of a name rather than a
// count: an ordinal (第二次), or a Chinese numeral with a measure word of
// sessions or batches run into the noun it names (人代会二次会议, 三期工程).
func nameCount(view string, q *quantity.Quantity) bool {
	if q.Kind != quantity.Count {
		return false
	}
	if strings.HasSuffix(view[:q.Start], "第") {
		return true
	}
	switch q.Unit {
	case "届", "次", "期", "批", "轮":
	default:
		return false
	}
	if strings.ContainsAny(q.Text, "0123456789０１２３４５６７８９") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(view[q.End:])
	return unicode.Is(unicode.Han, next)
}

// inQuotedName reports whether q lies inside a short quoted term — a name
// with a number in it (“一张图”, “宣十条”, “4+4”产业, 清欠“6·30”账款,
// “十四五”时期) — and not a quantity of its own: the term is part of the
// name of the amount after it.
func inQuotedName(view string, q *quantity.Quantity) bool {
	before := view[max(q.Start-maxQuotedName, 0):q.Start]
	o := strings.LastIndex(before, "“")
	if o < 0 || strings.Contains(before[o:], "”") {
		return false
	}
	after := view[q.End:min(q.End+maxQuotedName, len(view))]
	c := strings.Index(after, "”")
	if c < 0 || strings.Contains(after[:c], "“") {
		return false
	}
	inner := before[o+len("“"):] + view[q.Start:q.End] + after[:c]
	return utf8.RuneCountInString(inner) <= maxQuotedRunes && !strings.ContainsAny(inner, "，,。；;：:")
}

// maxQuotedName is how far, in bytes, inQuotedName looks for the quotes,
// and maxQuotedRunes the longest term it takes for a name.
const (
	maxQuotedName  = 36
	maxQuotedRunes = 10
)

// zeroChange reports whether every amount a change states is zero (and it
// states at least one).
func zeroChange(c *Change) bool {
	stated := false
	for _, q := range []*quantity.Quantity{c.Amount, c.Percent, c.Points} {
		if q == nil {
			continue
		}
		if !q.Value.IsZero() {
			return false
		}
		stated = true
	}
	return stated
}

// event is something found on a line, processed in order of position.
type event struct {
	pos, end int
	kind     int
	q        *quantity.Quantity
	m        []int // submatch indexes
}

const (
	evQuantity = iota
	evBreakdown
	evReason
	evFlat
	evSemicolon
	evFullStop
	evEnum  // 一是 / 二是 …: an item of an enumeration; m[0] is its ordinal
	evLevel // 分级次看，: the total just given, broken down by level
)

func (x *extractor) line(l *normalize.Line, sec string, kind any) {
	view := l.Text
	if len(l.Parts) == 0 || view == "" {
		x.endBlock()
		return
	}
	if l.TableRow { // a row of a table laid out as text, not prose
		x.endBlock()
		return
	}
	tail := x.tail
	x.tail = openTail(view)
	listItem := normalize.StartsListItem(view)
	body := -1
	if !listItem && x.headingLevel >= 0 && x.headingLevel < len(x.carry) {
		body = x.headingLevel
	}
	x.headingLevel = -1
	if !listItem && body < 0 && !(x.bodies && len(x.carry) > 0 && x.carry[0].style != outline.NoStyle) {
		x.carry, x.bodies = nil, false
	}
	open := x.open
	if listItem || x.openDash && !dashItem(view) {
		open = nil // a numbered line is a list of its own (see carry)
	}
	openBare, openSemi := x.openBare, x.openSemi
	x.open, x.openDash, x.openBare, x.openSemi = nil, false, false, false
	qs := quantity.Scan(view, quantity.Options{})
	if x.ctx.Err() != nil {
		return
	}
	heading := x.heading
	x.heading = ""
	if len(qs) == 0 {
		x.heading = x.headingTitle(l, kind)
		if t := x.listHead(view); !listItem && t >= 0 {
			x.carry, x.bodies, x.carrySec = []carryLevel{{parent: t, part: -1, opener: outline.NoStyle}}, true, x.node
			return
		}
	}
	var evs []event
	for i := range qs {
		if moneyMagnitude(&qs[i]) && !countedAfter(view[qs[i].End:]) {
			// 综合管理费专项增加209万: an amount of 万 or 亿 without 元 is
			// money in a budget text.
			qs[i].Kind, qs[i].Unit = quantity.Money, "CNY"
		}
		if nameCount(view, &qs[i]) || inQuotedName(view, &qs[i]) {
			continue
		}
		switch qs[i].Kind {
		case quantity.Money, quantity.Count, quantity.Percent, quantity.PercentPoint:
			evs = append(evs, event{pos: qs[i].Start, end: qs[i].End, kind: evQuantity, q: &qs[i]})
		case quantity.Number:
			if bareRate(view, &qs[i]) {
				evs = append(evs, event{pos: qs[i].Start, end: qs[i].End, kind: evQuantity, q: &qs[i]})
			}
		}
	}
	breakdowns, ok := x.findAll(breakdownMarker, view)
	if !ok {
		return
	}
	for _, m := range breakdowns {
		if qi := m[5] - len("其"); m[4] >= 0 && qi >= m[4] && view[qi:m[5]] == "其" {
			// …增长4.1%.其中,税收收入… / 279.14亿元 (其中,…: the named
			// total (X中，) ran back over a stop written '.' or a bracket;
			// the marker is 其中.
			m[0], m[4], m[5] = qi, -1, -1
		}
		if m[4] >= 0 && endsWithAmount(qs, m[4], m[5], view) {
			// 新增债券5381.25亿元中，一是…: the total is the amount just
			// named; the breakdown opens after it
			m[0], m[4], m[5] = m[5], -1, -1
		}
		evs = append(evs, event{pos: m[0], end: m[1], kind: evBreakdown, m: append(m, -1, -1)})
	}
	if strings.Contains(view, "分别") {
		for _, m := range splitVerb.FindAllStringIndex(view, -1) {
			// as a breakdownMarker match without groups
			evs = append(evs, event{pos: m[0], end: m[1], kind: evBreakdown, m: []int{m[0], m[1], -1, -1, -1, -1, -1, -1}})
		}
	}
	if strings.Contains(view, "用于") {
		uses, ok := x.findAll(usedFor, view)
		if !ok {
			return
		}
		for _, m := range uses {
			// groups 1 and 2 of breakdownMarker absent, the total in group 3
			evs = append(evs, event{pos: m[0], end: m[1], kind: evBreakdown, m: []int{m[0], m[1], -1, -1, -1, -1, m[2], m[3]}})
		}
	}
	evs = append(evs, enumItems(view)...)
	if strings.Contains(view, "看") {
		for _, m := range levelView.FindAllStringSubmatchIndex(view, -1) {
			evs = append(evs, event{pos: m[0], end: m[1], kind: evLevel, m: m})
		}
	}
	reasons, ok := x.findAll(reasonMarker, view)
	if !ok {
		return
	}
	for _, m := range reasons {
		evs = append(evs, event{pos: m[0], end: m[1], kind: evReason})
	}
	flatClauses, ok := x.findAll(flatClause, view)
	if !ok {
		return
	}
	for _, m := range flatClauses {
		evs = append(evs, event{pos: m[0], end: m[1], kind: evFlat, m: m})
	}
	// 其中：因公出国（境）费支出决算持平: a part that is flat against the
	// base of its total, without a comparison of its own
	flats := len(evs)
	for _, m := range bareFlat.FindAllStringIndex(view, -1) {
		inside := false
		for _, e := range evs[:flats] {
			if e.kind == evFlat && m[0] >= e.pos && m[0] < e.end {
				inside = true
			}
		}
		if !inside {
			evs = append(evs, event{pos: m[0], end: m[1], kind: evFlat})
		}
	}
	if x.ctx.Err() != nil {
		return
	}
	bounds := boundaries(view)
	for _, b := range bounds {
		if b.sentence {
			k := evSemicolon
			if b.fullStop {
				k = evFullStop
			}
			evs = append(evs, event{pos: b.pos, end: b.end, kind: k})
		}
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].pos < evs[j].pos })

	var toks []segment.Token
	if x.seg != nil && len(qs) > 0 || len(evs) > len(bounds) {
		toks = x.tokens(view, qs)
	}
	if x.ctx.Err() != nil {
		return
	}
	bounds = joinPairs(bounds, toks, view)
	ln := &lineState{x: x, l: l, view: view, sec: sec, toks: toks, bounds: bounds, cur: -1, pendingReason: -1, reasonOwner: -1, enumHead: -1, listClosed: -1, tail: tail}
	if len(qs) == 1 && strings.TrimRight(strings.TrimSpace(view[qs[0].End:]), "。.") == "" && strings.TrimSpace(view[:qs[0].Start]) == "" {
		ln.heading = heading // the line is the amount alone
	}
	carried := -1
	var marker outline.Marker
	numbered := false
	if listItem {
		marker, _, numbered = outline.ParseMarker(view)
	}
	if numbered {
		if l, seen := x.listed[marker.Style]; seen && len(x.carry) > 0 && marker.N == l.n+1 && l.facts <= x.carry[0].parent && !x.carriedStyle(marker.Style) {
			// 1．收入…财力构成是：（1）…（4）…按照…支出1.79亿元，其中：（1）…（4）…
			// 2．政府性基金预算收入…: the sibling of 1．, not a part of （4）
			x.carry = nil
		}
		if x.listed == nil {
			x.listed = map[outline.Style]listedItem{}
		}
		x.listed[marker.Style] = listedItem{n: marker.N, facts: len(x.facts)}
	}
	if len(x.carry) > 0 && listItem {
		if numbered {
			if parent, dim := x.carryLine(marker.Style); parent >= 0 || dim != "" {
				ln.stack = []scope{{parent: parent, dim: dim}}
				if !x.carry[len(x.carry)-1].resumed {
					ln.item = ln.stack
				}
			}
			carried = len(x.carry) - 1
		}
	} else if body >= 0 {
		x.carry = x.carry[:body+1]
		ln.stack = []scope{{parent: x.carry[body].parent, dim: x.carry[body].dim}}
	}
	bare := !listItem && barePart(view, qs)
	if open != nil && openBare && !bare {
		open = nil
	}
	if open != nil {
		ln.stack = []scope{*open}
	}
	if p := x.pendingReason; p >= 0 {
		x.pendingReason = -1
		if !listItem {
			if end := strings.IndexAny(l.Orig, "。；;"); end != 0 {
				if end < 0 {
					end = len(l.Orig)
				}
				if f := x.facts[p]; f.f.Reason == "" {
					f.f.Reason = strings.TrimSpace(l.Orig[:end])
				}
			}
		}
	}
	first := len(x.facts)
	lastEvent := -1
	for i := range evs {
		if i%256 == 255 && x.ctx.Err() != nil {
			return
		}
		e := &evs[i]
		if e.pos < ln.reasonEnd {
			// Inside a stated reason only the amounts count: a reason
			// often quantifies its own changes (综合管理费专项增加209万).
			if e.kind == evQuantity {
				ln.reasonQuantity(e.q)
			}
			continue
		}
		switch e.kind {
		case evQuantity:
			ln.quantity(e.q)
		case evBreakdown:
			ln.breakdown(e)
		case evReason:
			ln.reason(e)
		case evFlat:
			ln.flat(e)
		case evEnum:
			ln.enumItem(e, evs[i+1:])
		case evLevel:
			ln.levelView(e)
		case evSemicolon:
			if len(ln.stack) == 2 && len(ln.item) > 0 && ln.stack[0] == ln.item[0] && ln.stack[1].parent >= 0 && !x.partsComplete(ln.stack[1].parent) {
				// （二）公务车购置及运行费21.56万元，其中：购置费0万元，…；
				// 运行费21.56万元: the item's siblings are on lines of their
				// own; its breakdown goes on to the full stop, or until its
				// parts add up
			} else if len(ln.stack) > 1 {
				ln.stack = ln.stack[:len(ln.stack)-1]
			} else if ln.parallelClause(e.end) || ln.addsOn(e.end) {
				ln.stack = nil
			}
			ln.cur = -1
		case evFullStop:
			ln.sentStart = e.end
			ln.stack = nil
			if len(x.facts) == first {
				// 1、行政运行（项）。主要用于：…。年初预算为…: the item's
				// sentences before its first amount name it; its amounts
				// are still the parts of the list's total
				ln.stack = ln.item
			}
			ln.cur = -1
			ln.split = nil
		}
		if e.kind != evSemicolon && e.kind != evFullStop {
			lastEvent = e.kind
		}
	}
	// A breakdown opened at the end of the line continues on the list lines
	// that follow.
	if carried >= 0 && len(x.facts) == first {
		x.carry[carried].part, x.headingLevel = -1, carried // a heading
	}
	if top := len(ln.stack) - 1; lastEvent == evBreakdown && top >= 0 && ln.stack[top].parent >= 0 {
		if !listItem && body < 0 {
			x.carry = nil
		}
		opener := outline.NoStyle
		if numbered {
			opener = marker.Style
		}
		if len(x.carry) == 0 {
			x.carrySec = x.node
		}
		x.carry = append(x.carry, carryLevel{parent: ln.stack[top].parent, dim: ln.stack[top].dim, part: -1, opener: opener})
		if endsOpen(view) || !listItem && midClause(view) {
			// the parts follow on the next lines, numbered (carry) or not
			sc := ln.stack[top]
			x.open = &sc
		}
	} else if open != nil && len(ln.stack) > 0 && ln.stack[0].parent == open.parent && endsPart(view) {
		x.open, x.openSemi = open, true // 基本支出…；: the next line is the next part
	} else if open != nil && dashItem(view) {
		x.open, x.openDash = open, true // ——市本级收入…。其中：…
	} else if open != nil && bare && !openSemi && len(x.facts) == first+1 && x.facts[first].parent == open.parent && !x.partsComplete(open.parent) {
		x.open, x.openBare = open, true // 公务用车购置支出为0.00万元。\n公务用车运行维护支出0.00万元。
	}
	// The passes over the line's facts, with the context checked between
	// them.
	for _, pass := range []func(int){func(first int) { x.itemFacts(l, first) }, ln.fillElliptic, ln.fallbackSubjects, ln.scopeSubjects} {
		if x.ctx.Err() != nil {
			return
		}
		pass(first)
	}
	if t := x.closingListHead(view, qs, first); !listItem && t >= 0 {
		x.carry, x.bodies, x.carrySec, x.open = []carryLevel{{parent: t, part: -1, opener: outline.NoStyle}}, true, x.node, nil
	}
	x.pendingReason = ln.pendingReason
	x.prevChanged, x.prevFirst = -1, first
	for i := len(x.facts) - 1; i >= first; i-- {
		if x.facts[i].change != nil {
			x.prevChanged = i
			break
		}
	}
	if len(x.facts) > first {
		x.prevLast = len(x.facts) - 1
	} else {
		x.prevLast = -1
	}
}

// within reports whether section n is sec or inside it; any section is
// within nil (no outline, or a breakdown opened before the first heading).
func within(n, sec *outline.Node) bool {
	if sec == nil {
		return true
	}
	for ; n != nil; n = n.Parent {
		if n == sec {
			return true
		}
	}
	return false
}

// endsOpen reports whether a line stops where its breakdown's parts begin
// (其中： or 包括，).
func endsOpen(view string) bool {
	v := strings.TrimSpace(view)
	return strings.HasSuffix(v, "：") || strings.HasSuffix(v, ":") || strings.HasSuffix(v, "，") || strings.HasSuffix(v, ",")
}

// listHeadWords end the name of a total in a line that introduces the
// list of its parts (财政拨款支出主要内容如下：).
var listHeadWords = []string{"主要内容如下", "具体情况如下", "内容如下", "情况如下"}

// listHead returns the recent total named by a line without amounts that
// introduces its parts as a numbered list (财政拨款支出主要内容如下： after
// 财政拨款支出预算9628.22万元), or -1.
func (x *extractor) listHead(view string) int {
	v := strings.TrimSpace(view)
	v = strings.TrimSuffix(strings.TrimSuffix(v, "："), ":")
	for _, w := range listHeadWords {
		name, ok := strings.CutSuffix(v, w)
		if !ok || utf8.RuneCountInString(name) < 2 {
			continue
		}
		for i := len(x.facts) - 1; i >= 0 && i >= len(x.facts)-20; i-- {
			sub := x.facts[i].f.Subject
			if rest, ok := strings.CutPrefix(sub, name); ok && x.facts[i].hasValue && (rest == "" || rest == "预算" || rest == "决算") {
				return i
			}
		}
		return -1
	}
	return -1
}

// closingListHead returns the total whose parts the numbered list after a
// line of amounts details, when the line closes with a clause that
// introduces it (…；公务接待费支出决算0.39万元，占100.00%。具体情况如下：),
// or -1. A clause naming its total (财政拨款支出主要内容如下：) takes that
// total, as on a line of its own (listHead); a generic one (具体情况如下)
// details the sentence before it: the items are parts of the total that
// sentence broke down, or of the one total it states.
func (x *extractor) closingListHead(view string, qs []quantity.Quantity, first int) int {
	v := strings.TrimSpace(view)
	v, ok := strings.CutSuffix(v, "：")
	if !ok {
		if v, ok = strings.CutSuffix(v, ":"); !ok {
			return -1
		}
	}
	if len(qs) == 0 || first >= len(x.facts) {
		return -1
	}
	markAt := strings.LastIndexAny(v, "。；;，,")
	if markAt < 0 {
		return -1
	}
	_, n := utf8.DecodeRuneInString(v[markAt:])
	clauseStart := markAt + n
	if qs[len(qs)-1].Start >= clauseStart {
		return -1 // the amounts are not all before the clause
	}
	clause := v[clauseStart:]
	name := ""
	found := false
	for _, w := range listHeadWords {
		if n, ok := strings.CutSuffix(clause, w); ok {
			name, found = n, true
			break
		}
	}
	if !found {
		return -1
	}
	if name = strings.TrimPrefix(strings.TrimPrefix(name, "具体"), "主要"); name != "" {
		return x.listHead(clause)
	}
	// the sentence before the clause
	start := 0
	if i := strings.LastIndex(v[:markAt], "。"); i >= 0 {
		start = i + len("。")
	}
	total, outside := -1, -1
	roots := 0
	for i := first; i < len(x.facts); i++ {
		f := x.facts[i]
		if f.pos < start || f.pos >= clauseStart || !f.hasValue {
			continue
		}
		if f.parent >= first && x.facts[f.parent].pos >= start {
			continue // a part of a total of the same sentence
		}
		roots++
		switch {
		case f.parent >= 0 && (outside < 0 || outside == f.parent):
			outside = f.parent
		case f.parent < 0:
			total = i
		default:
			return -1
		}
	}
	switch {
	case outside >= 0 && total < 0:
		return outside
	case outside < 0 && total >= 0 && roots == 1:
		return total
	}
	return -1
}

// midClause reports whether a line stops inside a clause, the text run over
// onto the next line (…主要用于以下方面：一般公共服务支出 | （类）2106.66万元，…):
// a breakdown that is the line's last event continues there.
func midClause(view string) bool {
	v := strings.TrimSpace(view)
	r, _ := utf8.DecodeLastRuneInString(v)
	return v != "" && !strings.ContainsRune("。；;.！!？?）)", r)
}

// partsComplete reports whether the parts of total t found so far add up
// to it: a list that has reached its total is over. Only the last
// partsWindow facts are looked at (a list's parts are near one another; an
// unbounded walk back per part would make a long list quadratic): with more
// since the total it says no.
func (x *extractor) partsComplete(t int) bool {
	total := x.facts[t]
	if !total.hasValue || total.value.IsZero() || len(x.facts)-t > partsWindow {
		return false
	}
	sum := decimal.Zero
	for i := len(x.facts) - 1; i > t; i-- {
		if f := x.facts[i]; f.parent == t && f.hasValue {
			sum = sum.Add(f.value)
		}
	}
	return sum.GreaterThanOrEqual(total.value)
}

// partsWindow bounds the walk of partsComplete.
const partsWindow = 256

// barePart reports whether a line states a name and its amount and nothing
// else (公务用车购置支出为 0.00 万元。, 国内公务接待支出0.39万（含外宾接待支出
// 0.00万元）。): the form of a part written on a line of its own, one after
// another under a 其中：. Brackets hold a part's own detail; a second
// clause (，占50%) or a second amount makes the line a sentence of its own.
func barePart(view string, qs []quantity.Quantity) bool {
	trimmed := strings.TrimLeftFunc(view, unicode.IsSpace)
	off := len(view) - len(trimmed) // v's offset in view
	v := strings.TrimRight(strings.TrimRightFunc(trimmed, unicode.IsSpace), "。. ")
	if len(v) > maxBarePart {
		return false
	}
	// one pass: the quantities outside brackets and the end of the text
	// outside them
	amount, depth, last, qi := -1, 0, 0, 0
	for i, r := range v {
		for ; qi < len(qs) && qs[qi].Start <= off+i; qi++ {
			if qs[qi].Start == off+i && depth == 0 && qs[qi].Kind == quantity.Money {
				if amount >= 0 {
					return false // a second amount
				}
				amount = qi
			}
		}
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			depth = max(depth-1, 0)
		default:
			if depth == 0 {
				last = i + utf8.RuneLen(r)
			}
		}
	}
	if depth != 0 || amount < 0 {
		return false
	}
	q := qs[amount]
	if q.End-off > last || strings.TrimSpace(v[q.End-off:last]) != "" {
		return false // words after the amount
	}
	name := strings.TrimSpace(v[:q.Start-off])
	name = strings.TrimSuffix(strings.TrimSuffix(name, "为"), "是")
	return utf8.RuneCountInString(name) >= 2 && !strings.ContainsAny(name, "，,；;：:。0123456789")
}

// maxBarePart is the longest line, in bytes, barePart reads as a part: a
// name and an amount are a short line.
const maxBarePart = 400

// endsPart reports whether a line of a breakdown's parts ends with the
// mark between two parts rather than a full stop.
func endsPart(view string) bool {
	v := strings.TrimSpace(view)
	return strings.HasSuffix(v, "；") || strings.HasSuffix(v, ";")
}

// dashItem reports whether a line is an item marked by a dash (——).
func dashItem(view string) bool {
	return strings.HasPrefix(strings.TrimSpace(view), "——")
}

// scanCuts are the marks a long view is cut after for findAll.
const scanCuts = "。；;"

// runeLen is the length in bytes of the first rune of s.
func runeLen(s string) int {
	_, n := utf8.DecodeRuneInString(s)
	return n
}

// scanChunk is how much of a line one scan for the line's markers covers
// before the context is checked again: one scan of a line of megabytes
// takes a fifth of a second.
const scanChunk = 64 << 10

// findAll returns the submatch indices of re's matches in view. It scans
// long views a piece at a time, each piece cut after a 。 or ；/; — no marker
// of a line (breakdownMarker, reasonMarker, flatClause, usedFor) spans one,
// so the matches are those of one scan — and checks the context after each
// piece; ok is false when the context is done.
func (x *extractor) findAll(re *rx.Regexp, view string) (ms [][]int, ok bool) {
	for start := 0; start < len(view); {
		end := len(view)
		if end-start > scanChunk {
			// the view folds ； to ; but keeps 。
			if i := strings.LastIndexAny(view[start:start+scanChunk], scanCuts); i >= 0 {
				end = start + i + runeLen(view[start+i:])
			} else if j := strings.IndexAny(view[start+scanChunk:], scanCuts); j >= 0 {
				end = start + scanChunk + j + runeLen(view[start+scanChunk+j:])
			}
		}
		for _, m := range re.FindAllStringSubmatchIndex(view[start:end], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += start
				}
			}
			ms = append(ms, m)
		}
		if x.ctx.Err() != nil {
			return nil, false
		}
		start = end
	}
	return ms, true
}

// headingTitle returns the title of l when it reads as a heading — a
// numbered or heading line, short, without sentence punctuation — or "".
func (x *extractor) headingTitle(l *normalize.Line, kind any) string {
	view := strings.TrimSpace(l.Text)
	if view == "" || utf8.RuneCountInString(view) > 30 || strings.ContainsAny(view, "，,。；;") {
		return ""
	}
	if _, _, ok := outline.ParseMarker(view); !ok && kind != extract.Heading {
		return ""
	}
	return x.clean(l.Orig)
}

// tokens segments view with the quantity spans protected.
func (x *extractor) tokens(view string, qs []quantity.Quantity) []segment.Token {
	if x.seg == nil {
		return nil
	}
	spans := make([]segment.Span, 0, len(qs))
	for _, q := range qs {
		spans = append(spans, segment.Span{Start: q.Start, End: q.End})
	}
	return x.seg.Segment(view, spans)
}

type bound struct {
	pos, end int
	sentence bool // 。；; ! ?
	fullStop bool // 。! ?
}

// boundaries lists the punctuation that separates clauses, outside
// parentheses: (上一年度，下同) does not end a clause.
func boundaries(view string) []bound {
	var out []bound
	depth := 0
	for i, r := range view {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			if depth > 0 {
				depth--
			}
		case '。', '!', '?', '！', '？':
			depth = 0
			out = append(out, bound{pos: i, end: i + len(string(r)), sentence: true, fullStop: true})
		case '.':
			if stopDot(view, i) {
				depth = 0
				out = append(out, bound{pos: i, end: i + 1, sentence: true, fullStop: true})
			}
		case ';', '；':
			if depth == 0 {
				out = append(out, bound{pos: i, end: i + len(string(r)), sentence: true})
			}
		case ',', '，', ':', '：', '、':
			if depth == 0 {
				out = append(out, bound{pos: i, end: i + len(string(r))})
			}
		}
	}
	return out
}

// endsWithAmount reports whether view[from:to] ends with one of the
// scanned quantities (spaces after it aside).
func endsWithAmount(qs []quantity.Quantity, from, to int, view string) bool {
	// the last quantity that starts before to (qs are in order)
	i := sort.Search(len(qs), func(i int) bool { return qs[i].Start >= to }) - 1
	return i >= 0 && qs[i].Start >= from && qs[i].End <= to && strings.TrimSpace(view[qs[i].End:to]) == ""
}

// enumItems finds the items of an enumeration written 一是…；二是…: a
// numeral and 是 at the start of a sentence or clause (after 。；：， or a
// full stop written '.'; the view folds ；：， to ;:,).
func enumItems(view string) []event {
	var out []event
	for off := 0; ; {
		k := strings.Index(view[off:], "是")
		if k < 0 {
			return out
		}
		at := off + k
		off = at + len("是")
		num, n := utf8.DecodeLastRuneInString(view[:at])
		ord := strings.IndexRune("一二三四五六七八九十", num)
		if ord < 0 {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(view[:at-n])
		if at-n > 0 && !strings.ContainsRune("。；;：:,", before) && !(before == '.' && stopDot(view, at-n-1)) {
			continue
		}
		out = append(out, event{pos: at - n, end: off, kind: evEnum, m: []int{ord/len("一") + 1}})
	}
}

// stopDot reports whether the '.' at view[i] ends a sentence: typesetting
// that draws the full stop as ．(folded to '.' in the view) or with a font
// mapping it to '.' (收入２２２１.７亿元,…增长４.１％.其中,税收收入…). It is
// one when it follows a Han character, a percent sign or a closing bracket
// and a Han character or an opening bracket follows; a decimal point sits
// between digits, a list number (1.一般公共预算) after a digit, an address
// (www.gov.cn) between letters.
func stopDot(view string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(view[:i])
	after, _ := utf8.DecodeRuneInString(view[i+1:])
	switch {
	case before == '%' || before == ')' || before == '）' || before == '”' || unicode.Is(unicode.Han, before):
	default:
		return false
	}
	return unicode.Is(unicode.Han, after) || after == '(' || after == '（' || after == '“'
}

// itemFacts finishes the facts made on a line about one 科目 item
// (2．“…群众体育（项）”20.00万元…2022年当年预算执行数为12.04万元，2023年
// 预算安排20.00万元，比2022年预算执行数增加66.11%): a generic subject
// (预算安排, 预算执行数, 年初预算, 支出决算) is given the item's name, and a
// change against a figure stated on the line takes that figure as prior.
func (x *extractor) itemFacts(l *normalize.Line, first int) {
	if first >= len(x.facts) {
		return
	}
	// The latest fact with a value of each kind and generic subject: the
	// prior is the latest of them that names the base. (Looking back over
	// every earlier fact of the line was quadratic in its length.)
	type kindSubject struct{ kind, subject string }
	latest := map[kindSubject]int{}
	for i := first; i < len(x.facts); i++ {
		f := x.facts[i]
		if f.change != nil && f.prior == nil && f.change.Base != "" {
			base := yearPrefix.ReplaceAllString(strings.ReplaceAll(f.change.Base, " ", ""), "")
			best := -1
			for k, j := range latest {
				if k.kind == f.f.Kind && j > best && sameThing(base, k.subject) {
					best = j
				}
			}
			if best >= 0 {
				v := x.facts[best].value
				f.prior = &v
			}
		}
		if f.hasValue && itemGeneric[f.f.Subject] {
			latest[kindSubject{f.f.Kind, f.f.Subject}] = i
		}
	}
	m := itemName.FindStringSubmatchIndex(l.Text)
	if m == nil {
		return
	}
	item := strings.TrimSpace(l.OrigSpan(m[2], m[3]))
	// the last level only: 体育（款）群众体育（项） → 群众体育（项）
	if open := strings.LastIndexAny(item, "(（"); open > 0 {
		if j := strings.LastIndexAny(item[:open], ")）"); j >= 0 {
			_, n := utf8.DecodeRuneInString(item[j:])
			item = item[j+n:]
		}
	}
	// 款）-统计管理（项）: the mark between the levels is no part of the name
	item = strings.TrimLeft(item, "-－—─ ")
	for i := first; i < len(x.facts); i++ {
		if f := x.facts[i]; itemGeneric[f.f.Subject] && item != "" {
			f.f.Subject = item + f.f.Subject
		}
	}
}

// itemName is a 科目 item named at the start of a line, down to its 项.
var itemName = rx.MustCompile(`^[\s\x{3000}]*(?:[0-9]{1,2}\s*[.．、]|[（(][0-9一二三四五六七八九十]{1,3}[)）]、?)?\s*[“"]?([^。，,；;：:“”"]{2,80}?[(（]项[)）])`)

// itemGeneric are the subjects that name a figure of a 科目 item without
// naming the item.
var itemGeneric = map[string]bool{"预算安排": true, "预算执行数": true, "执行数": true, "年初预算": true, "支出决算": true,
	"决算数": true, "预算数": true, "年初预算数": true, "预算": true, "年度预算": true}

// joinPairs drops the 、 that joins two single characters into one noun
// phrase (财政拨款收、支总预算), or the two flows before their shared head
// (收入、支出预算总计): it separates no clause.
func joinPairs(bounds []bound, toks []segment.Token, view string) []bound {
	if len(toks) == 0 {
		return bounds
	}
	out := bounds[:0:0]
	for _, b := range bounds {
		if view[b.pos:b.end] == "、" {
			i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= b.pos })
			if i > 0 && i+1 < len(toks) && toks[i].Start == b.pos &&
				utf8.RuneCountInString(toks[i-1].Text) == 1 && isHanWord(toks[i-1].Text) &&
				isHanWord(firstRune(toks[i+1].Text)) {
				continue
			}
			// 收入、支出预算总计: the two flows share the head noun after them
			if i > 0 && i+1 < len(toks) && toks[i].Start == b.pos && flowPair(toks[i-1].Text, toks[i+1].Text) &&
				(len(toks[i+1].Text) > len("支出") || i+2 < len(toks) && (keepPOS[toks[i+2].POS] || budgetVerbs[toks[i+2].Text]) && !stopWords[toks[i+2].Text]) {
				continue
			}
		}
		out = append(out, b)
	}
	return out
}

// carryLevel is one level of a breakdown continued over list lines.
type carryLevel struct {
	style  outline.Style // numbering style of its parts (NoStyle until seen)
	parent int           // the total
	dim    string
	part   int // first fact of its latest part, for deeper levels
	// opener is the numbering style of the list line that opened the
	// breakdown (2．…其中：), NoStyle for an unnumbered line: the next
	// line numbered so (3．…) is its sibling, not one of its parts.
	opener outline.Style
	// resumed is set once the list goes on after lines numbered otherwise
	// (1．… （1）… 2．… 5．…情况。 （1）…): where its items belong is a
	// guess, so an item's sentences without an amount end its part.
	resumed bool
}

// carriedStyle reports whether one of the carried breakdowns numbers its
// parts in style, or was opened by a line numbered so.
func (x *extractor) carriedStyle(style outline.Style) bool {
	for _, c := range x.carry {
		if c.style == style || c.opener == style {
			return true
		}
	}
	return false
}

// carryLine places a list line numbered in style among the carried
// breakdowns and returns the parent and dimension of its amounts.
func (x *extractor) carryLine(style outline.Style) (int, string) {
	for k := range x.carry {
		if x.carry[k].opener == style && style != outline.NoStyle {
			x.carry = x.carry[:k]
			break
		}
	}
	if len(x.carry) == 0 {
		return -1, ""
	}
	for k := range x.carry {
		if x.carry[k].style == style {
			x.carry[k].resumed = x.carry[k].resumed || k < len(x.carry)-1
			x.carry = x.carry[:k+1]
			x.carry[k].part = len(x.facts)
			return x.carry[k].parent, x.carry[k].dim
		}
	}
	top := &x.carry[len(x.carry)-1]
	if top.style == outline.NoStyle {
		top.style, top.part = style, len(x.facts)
		return top.parent, top.dim
	}
	// a deeper numbering: parts of the latest part above
	if top.part >= 0 && top.part < len(x.facts) {
		x.carry = append(x.carry, carryLevel{style: style, parent: top.part, part: len(x.facts)})
		return top.part, ""
	}
	if top.part < 0 && top.parent >= 0 {
		// under a heading without an amount (（一）一般公共服务（类）):
		// parts of the nearest total above that has one
		x.carry = append(x.carry, carryLevel{style: style, parent: top.parent, dim: top.dim, part: len(x.facts)})
		return top.parent, top.dim
	}
	return -1, ""
}

// openTail is the last clause of a line that stops mid-sentence — after
// a Han character, not after punctuation — where the layout broke a
// sentence over lines that were not joined (a page set in narrow columns):
//
//	——金融、商业服务业等事务支
//	出3.47亿元。主要用于…
//
// An amount that opens the next line takes its subject from this clause.
// It is "" when the line ends a clause.
func openTail(view string) string {
	v := strings.TrimSpace(view)
	r, _ := utf8.DecodeLastRuneInString(v)
	if !unicode.Is(unicode.Han, r) {
		return ""
	}
	if i := strings.LastIndexAny(v, "，,。；;：:！!？?"); i >= 0 {
		_, n := utf8.DecodeRuneInString(v[i:])
		v = v[i+n:]
	}
	for utf8.RuneCountInString(v) > maxTail {
		_, n := utf8.DecodeRuneInString(v)
		v = v[n:]
	}
	return v
}

// maxTail is the most characters of a line's open end kept for the next
// line, and maxFragment the most characters of a word split off before an
// amount that opens a line (支 / 出3.47亿元).
const (
	maxTail     = 40
	maxFragment = 2
)

// phraseSubject is the subject of an amount right after text: the walk
// back of subject over text segmented on its own.
func (x *extractor) phraseSubject(text string) (subject, entity string) {
	l := normalize.NewLine(text, extract.Loc{})
	s := &lineState{x: x, l: l, view: l.Text, toks: x.tokens(l.Text, nil)}
	return s.subject(0, len(l.Text))
}
