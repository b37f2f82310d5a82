package tables

import (
	"regexp"
	"slices"
	"strings"
)

// Which text names a row's amount.
//
// Most tables have one label column, or a hierarchy of label columns whose
// deepest filled level sits nearest the amounts (类 › 款 › 项, 专项名称 ›
// 经济科目), so the text nearest left of an amount names it. A list of
// items has, besides the column that names the item, columns that only
// describe it: how it is bought (采购方式, 采购组织形式), what kind it is
// (项目类型, 债券性质, 项目领域), for how long (债券发行年限), who is in
// charge (责任主管部门). When such an attribute column stands between the
// item and the amount, the nearest text is the attribute (分散自行组织,
// 农村公路), and a reader would label the amount by the item (issue 12:
// "procurement tables: the item, not the procurement method").
//
// The rule reads the headers: when the nearest text lies in a column headed
// as an attribute, and a column further left is headed as naming the row's
// thing (项目名称, 采购项目, 采购物品名称, 品目, 名称, 项目), that column
// names the amount — provided its cell in the row is filled and its values
// are at least as varied as the attribute's. The last condition keeps the
// nearest text where the "attribute" is the finer level of a hierarchy:
// 项目 | 类型 in a bond table (一般债券 › 合计, 新增债券, 置换债券) has fewer
// distinct 项目 than 类型, and 类型 names the row. Two kinds of column are
// attributes whatever their header, and need no such comparison: a column
// of formula labels (公式: A=B+D, B, C — the letters the header's sums
// refer to), and a number column that is not money (发行利率, 期限) whose
// cell holds text (1.67%、1.9%). Without headers that say so, the nearest
// text names the amount, as before.

// attributeHeaderRe matches the innermost header of a column that describes
// the row's thing rather than naming it.
var attributeHeaderRe = regexp.MustCompile(`(?:方式|形式|类型|类别|种类|性质|领域|年限|期限|日期|时间|利率|费率|税率|收益率|主管部门|责任部门|责任单位|实施单位)$`)

// formulaRe matches a formula label (A, B, A=B+C, F=G+H): the letters a
// table's rows carry so that its header can say how they add up.
var formulaRe = regexp.MustCompile(`^[A-Z](?:[=＝][A-Z+＋\-－*/×()（）]+)?$`)

// namingHeaderRe matches the innermost header of a column that names the
// row's thing.
var namingHeaderRe = regexp.MustCompile(`名称|品目|项目|物品`)

// attributeHeader reports whether a column headed path describes its
// row's thing (采购组织形式, 项目类型).
func attributeHeader(path []string) bool {
	return attributeHeaderRe.MatchString(last(path))
}

// namingHeader reports whether a column headed path names its row's
// thing (项目名称, 采购物品名称, 品目).
func namingHeader(path []string) bool {
	h := last(path)
	return h != "" && !attributeHeaderRe.MatchString(h) && namingHeaderRe.MatchString(h)
}

// itemColumns decides, for every attribute column, the columns left of it
// that may name its rows instead (Table.itemOf): those headed as naming
// the row's thing whose values are at least as varied as the attribute's,
// the most varied first (项目名称 before 债券名称 in a list of projects with
// the bonds that paid for them), then the nearest. It runs once all the
// table's rows are known (after stitching: the varieties count every page).
func (t *Table) itemColumns() {
	t.itemOf = nil
	for k := range t.Columns {
		vk := 0 // how varied the naming column must be at least
		switch {
		case t.Columns[k].Role == ValueColumn || t.formulas(k):
			// Rates, terms, percents written as text (1.67%、1.9%) and
			// formula labels (A=B+C) never name a row: any naming
			// column does.
		case t.Columns[k].Role == TextColumn && attributeHeader(t.Columns[k].Path):
			vk = t.variety(k)
		default:
			continue
		}
		var cands []int
		for m := k - 1; m >= 0; m-- {
			if t.Columns[m].Role == TextColumn && namingHeader(t.Columns[m].Path) && t.variety(m) >= vk {
				cands = append(cands, m)
			}
		}
		if len(cands) == 0 {
			continue
		}
		slices.SortStableFunc(cands, func(a, b int) int { return t.variety(b) - t.variety(a) })
		if t.itemOf == nil {
			t.itemOf = map[int][]int{}
		}
		t.itemOf[k] = cands
	}
}

// formulas reports whether the filled body cells of text column j are all
// formula labels (公式: A=B+D, B, C …), two at least, and the column says
// it holds formulas: one of them is a sum (A=B+D) or its header is 公式.
// Letters alone may be grades (等级 A, B).
func (t *Table) formulas(j int) bool {
	if t.Columns[j].Role != TextColumn {
		return false
	}
	n, sum := 0, strings.Contains(last(t.Columns[j].Path), "公式")
	for _, r := range t.Body {
		if r.Note || j >= len(r.Cells) || r.Cells[j].Covered {
			continue
		}
		s := key(r.Cells[j].Text)
		if s == "" {
			continue
		}
		if !formulaRe.MatchString(s) {
			return false
		}
		n++
		sum = sum || strings.ContainsAny(s, "=＝")
	}
	return n >= 2 && sum
}

// variety is the number of distinct texts in column j's own body cells.
func (t *Table) variety(j int) int {
	seen := map[string]bool{}
	for _, r := range t.Body {
		if r.Note || j >= len(r.Cells) || r.Cells[j].Covered {
			continue
		}
		if s := key(r.Cells[j].Text); s != "" {
			seen[s] = true
		}
	}
	return len(seen)
}

// itemCell returns the column that names row r in place of the text in
// attribute column k — the first of its naming columns whose cell in the
// row names something, merged down from a row above or not (a project
// paid by two bonds is printed once over both rows) — or k when none does.
func (t *Table) itemCell(r *Row, k int) int {
	for _, m := range t.itemOf[k] {
		if m >= len(r.Cells) {
			continue
		}
		if c := r.Cells[m]; !c.IsAmount && names(fold(c.Text)) {
			return m
		}
	}
	return k
}

// key normalizes a label or header for comparison: folded, no spaces.
func key(s string) string { return squeeze(fold(s)) }
