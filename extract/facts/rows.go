package facts

import (
	"strings"

	"github.com/budgetdoc/budgetdoc/extract/outline"
)

// RowLabel is what the breakdown rules of a table read in one row's label:
// the label as written, its classification code (类 3 digits, 款 5, 项 7),
// and how far its text is indented when the reader knows (the left edge
// of the label's first line in characters: points over the line's height,
// or leading spaces).
type RowLabel struct {
	Text     string
	Code     string
	Indent   float64
	Indented bool // Indent is known
	// Total marks a row the reader knows to be the table's total though
	// its label has no 合计/总计/小计: the last row naming what the
	// table's title names (一般公共预算收入 under …一般公共预算收入预算表).
	Total bool
}

// RowParents returns, for each row of one label column of a table in
// order, the index of the row it is a part of, or -1. The table's own
// layout says it, in this order of trust:
//
//  1. codes: a 款 or 项 code is part of the nearest row above whose code is
//     a prefix of it (20101 of 201); a 类 code of a 合计 row above;
//  2. 合计/总计 rows: a total above every other row holds the rows of the
//     first level; a total further down holds the rows of the first level
//     since the total before it, when that one is of the same or a higher
//     rank (小计 < 合计 < 总计) — a 总计 under a 合计 adds transfers and
//     balances to it, a balance rather than a breakdown, and holds
//     nothing — and closes the breakdowns above it;
//  3. 其中: a row starting with 其中 opens a list of parts of the row
//     above it, and the rows that follow at its indent continue it;
//  4. numbering: a numbered row (一、 （一） 1、 (1) ①) is a sibling of
//     the open row of the same numbering and a part of the open row of an
//     outer one; the unnumbered rows that follow a numbered row are its
//     items;
//  5. indentation: a row indented further than the row above is its part;
//     a row indented less closes the rows indented more.
//
// A label whose indent is unknown (no positions, a label wrapped over
// lines) continues at the level of the row above.
func RowParents(rows []RowLabel) []int {
	out := make([]int, len(rows))
	var st []openRow // the rows whose parts may follow, outermost first
	top := func() *openRow {
		if len(st) == 0 {
			return nil
		}
		return &st[len(st)-1]
	}
	// closeDeeper closes the open rows indented more than r (the numbered
	// ones too when numbered is set).
	closeDeeper := func(r RowLabel, numbered bool) {
		for t := top(); t != nil && t.kind != openTotal && (numbered || t.kind != openNumbered) &&
			r.Indented && t.indented && t.indent > r.Indent+indentTolerance; t = top() {
			st = st[:len(st)-1]
		}
	}
	first := firstLabelled(rows)
	lastTotal := -1 // the last total row
	for i, r := range rows {
		out[i] = -1
		label := strings.TrimSpace(r.Text)
		total := r.Total || totalLabel(label)
		switch {
		case r.Code != "":
			out[i] = codeParent(rows, i, first)
			if total {
				closeTotal(rows, out, lastTotal, i)
				lastTotal = i
			}
			continue
		case total:
			if _, _, numbered := outline.ParseMarker(label); i != first && !numbered {
				// (A numbered total, 三、本年收支结余合计, is an item
				// of its own list.)
				closeTotal(rows, out, lastTotal, i)
			}
			st = st[:0]
			if i == first {
				st = append(st, openRow{row: i, kind: openTotal})
			}
			lastTotal = i
			continue
		}
		if rest, ok := cutQizhong(label); ok && i > 0 {
			// 其中：a — a list of parts of the row above, set at the
			// indent of its first item's name.
			if t := top(); t == nil || t.row != i-1 {
				st = append(st, openRow{row: i - 1, kind: openItem, indent: rows[i-1].Indent, indented: rows[i-1].Indented})
			}
			out[i] = i - 1
			ind := r.Indent + float64(len([]rune(label))-len([]rune(rest)))
			st = append(st, openRow{row: i, kind: openList, indent: ind, indented: r.Indented})
			continue
		}
		if m, _, ok := outline.ParseMarker(label); ok {
			// A numbered row is a sibling of the open row of its own
			// numbering, else a part of the innermost open row.
			key := m.Style.String() + m.Variant
			if k := findNumbered(st, key); k >= 0 {
				st = st[:k]
			} else {
				closeDeeper(r, false)
			}
			if t := top(); t != nil {
				out[i] = t.row
			}
			st = append(st, openRow{row: i, kind: openNumbered, key: key, indent: r.Indent, indented: r.Indented})
			continue
		}
		closeDeeper(r, true)
		t := top()
		switch {
		case t == nil:
			st = append(st, openRow{row: i, kind: openItem, indent: r.Indent, indented: r.Indented})
		case t.kind == openTotal || t.kind == openNumbered ||
			r.Indented && t.indented && r.Indent > t.indent+indentTolerance:
			// The items under a heading, or a row indented under the
			// row above.
			out[i] = t.row
			st = append(st, openRow{row: i, kind: openItem, indent: r.Indent, indented: r.Indented})
		default:
			// A sibling of the open row: the same parent, and it takes
			// the open row's place (an item of a 其中 list stays one).
			if len(st) > 1 {
				out[i] = st[len(st)-2].row
			}
			t.row = i
			if !t.indented && r.Indented {
				t.indent, t.indented = r.Indent, true
			}
		}
	}
	return out
}

// closeTotal makes total row i, below the rows it sums, the parent of the
// rows of the first level (no parent yet) after the total row prev (-1:
// from the table's top), unless prev is of a lower rank than i. A row
// that i is itself a part of (by its code) stays out.
func closeTotal(rows []RowLabel, out []int, prev, i int) {
	if prev >= 0 && totalRank(rows[prev]) < totalRank(rows[i]) {
		return
	}
	for k := prev + 1; k < i; k++ {
		if out[k] < 0 && !ancestor(out, k, i) {
			out[k] = i
		}
	}
}

// ancestor reports whether row a is row i's parent, or its parent's, ….
func ancestor(out []int, a, i int) bool {
	for p := out[i]; p >= 0; p = out[p] {
		if p == a {
			return true
		}
	}
	return false
}

// totalRank orders the totals of one table: 小计 sums a group, 合计 the
// groups or the table's items, 总计 the 合计 with what is added to it.
func totalRank(r RowLabel) int {
	s := strings.Join(strings.Fields(r.Text), "")
	switch {
	case strings.Contains(s, "总计"):
		return 3
	case strings.Contains(s, "小计"):
		return 1
	default: // 合计, or a total known by its place (RowLabel.Total)
		return 2
	}
}

// indentTolerance is how far, in characters, two labels' left edges may
// differ and still be one level: the jitter of a set page is well under
// half a character, an indent a whole one or more.
const indentTolerance = 0.4

type openKind int

const (
	openItem     openKind = iota // an unnumbered row
	openList                     // an item of a 其中 list
	openNumbered                 // a numbered row
	openTotal                    // the table's 合计 above all rows
)

type openRow struct {
	row      int
	kind     openKind
	key      string // numbering style and variant of a numbered row
	indent   float64
	indented bool
}

func findNumbered(st []openRow, key string) int {
	for k := len(st) - 1; k >= 0; k-- {
		if st[k].kind == openNumbered && st[k].key == key {
			return k
		}
	}
	return -1
}

// codeParent is the nearest row above i whose code is a proper prefix of
// row i's code, or for a 类 code the table's leading total.
func codeParent(rows []RowLabel, i, first int) int {
	c := rows[i].Code
	for k := i - 1; k >= 0; k-- {
		p := rows[k].Code
		if p != "" && len(p) < len(c) && strings.HasPrefix(c, p) {
			return k
		}
	}
	if first >= 0 && first < i && rows[first].Code == "" && totalLabel(strings.TrimSpace(rows[first].Text)) {
		return first
	}
	return -1
}

func firstLabelled(rows []RowLabel) int {
	for i, r := range rows {
		if strings.TrimSpace(r.Text) != "" || r.Code != "" {
			return i
		}
	}
	return -1
}

// totalLabel reports whether a row label names a total (合计, 收入合计,
// 支出总计, 总 计, 当年收入小计): the sum of rows above or below it, not a
// part of an open row.
func totalLabel(s string) bool {
	s = strings.Join(strings.Fields(s), "")
	return strings.Contains(s, "合计") || strings.Contains(s, "总计") || strings.Contains(s, "小计")
}

// cutQizhong cuts a leading 其中 (其中：, 其中:, 其中) from a row label.
func cutQizhong(s string) (string, bool) {
	rest, ok := strings.CutPrefix(s, "其中")
	if !ok {
		return s, false
	}
	rest = strings.TrimLeft(rest, ":： \u3000")
	return rest, rest != ""
}
