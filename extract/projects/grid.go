package projects

import (
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Indicator tables that a reader reconstructed as a grid (extract.Table:
// ruled PDF tables, native DOCX tables) are read cell by cell: the header
// row names the columns, in any order (一级/二级/三级指标, 指标值,
// 指标性质, 度量单位, and a 项目名称 column when one table lists many
// projects), merged label cells cover their rows, and the project fields
// of a one-project table are the cells after their labels. A table
// continued on the next page, with or without its header, goes on with
// the project it ended with.

// gridOrigin maps every grid position to the cell that covers it and the
// row where that cell starts.
type gridOrigin struct {
	cell *extract.Cell
	row  int
}

func resolveGrid(t *extract.Table) [][]gridOrigin {
	out := make([][]gridOrigin, len(t.Rows))
	for r := range t.Rows {
		out[r] = make([]gridOrigin, len(t.Rows[r]))
	}
	for r, row := range t.Rows {
		for c := range row {
			cell := &row[c]
			if cell.Covered {
				continue
			}
			for i := r; i < min(len(t.Rows), r+max(1, cell.RowSpan)); i++ {
				for k := c; k < min(len(out[i]), c+max(1, cell.ColSpan)); k++ {
					out[i][k] = gridOrigin{cell, r}
				}
			}
		}
	}
	return out
}

// cellString joins a cell's lines as one piece of text: a line break inside
// a cell is layout (服务对象满意 / 度指标), not a word break.
func cellString(c *extract.Cell) string {
	if c == nil {
		return ""
	}
	var sb strings.Builder
	for _, l := range c.Lines {
		sb.WriteString(strings.TrimSpace(l.Text))
	}
	return strings.TrimSpace(sb.String())
}

func cellLoc(c *extract.Cell) schema.Loc {
	if c == nil || len(c.Lines) == 0 {
		return schema.Loc{}
	}
	return c.Lines[0].Loc
}

// compact folds a label and removes its spaces for comparison.
func compact(s string) string {
	return strings.Join(strings.Fields(textnorm.Fold(s).Text), "")
}

// Roles of the columns of an indicator grid.
type role int

const (
	roleOther    role = iota
	roleProject       // 项目名称 (单位名称、项目名称): one table, many projects
	roleGroup         // 一级指标
	roleCategory      // 二级指标
	roleName          // 三级指标
	roleOp            // 指标性质: ≥, ≤, =
	roleValue         // 指标值 (年度指标值 preferred)
	roleUnit          // 度量单位, 计量单位
	roleCount
)

// layout is where an indicator grid keeps each role: a grid column, or -1.
// tail lists the roles of the columns right of the name column, in order,
// so that a continuation without a header can be mapped by position.
type layout struct {
	col  [roleCount]int
	tail []role
}

// headerRole names the role of a header cell (folded, spaces removed).
func headerRole(k string) role {
	switch {
	case strings.Contains(k, "项目名称"):
		return roleProject
	case k == "一级指标":
		return roleGroup
	case k == "二级指标":
		return roleCategory
	case k == "三级指标":
		return roleName
	case k == "指标性质":
		return roleOp
	case strings.Contains(k, "指标值"):
		return roleValue
	case k == "度量单位" || k == "计量单位":
		return roleUnit
	}
	return roleOther
}

// headerLayout maps the cells of row r to roles; ok is false when the row
// is not the indicator header (no 三级指标).
func headerLayout(g [][]gridOrigin, r int) (layout, bool) {
	var lay layout
	for i := range lay.col {
		lay.col[i] = -1
	}
	yearly := false // the chosen value column is the 年度 one
	var rolesByCol []role
	var cols []int
	for c := range g[r] {
		o := g[r][c]
		if o.cell == nil || c > 0 && g[r][c-1].cell == o.cell {
			continue
		}
		k := compact(cellString(o.cell))
		if k == "" {
			continue
		}
		ro := headerRole(k)
		switch {
		case ro == roleValue:
			// 年度指标值 wins over 实施周期指标值, whatever their order.
			if lay.col[roleValue] < 0 || !yearly && strings.Contains(k, "年度") {
				lay.col[roleValue] = c
				yearly = strings.Contains(k, "年度")
			}
		case ro != roleOther && lay.col[ro] < 0:
			lay.col[ro] = c
		}
		rolesByCol = append(rolesByCol, ro)
		cols = append(cols, c)
	}
	if lay.col[roleName] < 0 {
		return lay, false
	}
	for i, c := range cols {
		if c <= lay.col[roleName] {
			continue
		}
		ro := rolesByCol[i]
		if ro == roleValue && c != lay.col[roleValue] {
			ro = roleOther
		}
		lay.tail = append(lay.tail, ro)
	}
	return lay, true
}

// continuationLayout infers the layout of a grid without a header that
// continues an indicator table: the first row holding a first-level label
// gives the group column, the next two cells the category and the name,
// and the cells after them the columns of the continued table's tail
// (by position when their number agrees, else the first is the value).
func continuationLayout(g [][]gridOrigin, prev layout) (layout, bool) {
	var lay layout
	for i := range lay.col {
		lay.col[i] = -1
	}
	for r := range g {
		var cols []int // the distinct cells of the row, from the left
		for c := range g[r] {
			if o := g[r][c]; o.cell != nil && (c == 0 || g[r][c-1].cell != o.cell) {
				cols = append(cols, c)
			}
		}
		for i, c := range cols {
			if !isGroup(compact(cellString(g[r][c].cell))) || i+2 >= len(cols) {
				continue
			}
			lay.col[roleGroup], lay.col[roleCategory], lay.col[roleName] = c, cols[i+1], cols[i+2]
			rest := cols[i+3:]
			switch {
			case len(rest) == len(prev.tail):
				for k, ro := range prev.tail {
					if ro != roleOther {
						lay.col[ro] = rest[k]
					}
				}
			case len(rest) > 0:
				lay.col[roleValue] = rest[0]
			}
			return lay, true
		}
	}
	return lay, false
}

// opSigns writes an 指标性质 cell as the department tables write it.
var opSigns = strings.NewReplacer(">=", "≥", "<=", "≤", "＞＝", "≥", "＜＝", "≤")

// target joins an indicator's 指标性质, 指标值 and 度量单位 cells: ≥600项,
// =合规. A value that already carries its sign or unit keeps it.
func target(op, value, unit string) string {
	if value == "" {
		return ""
	}
	op = opSigns.Replace(strings.TrimSpace(op))
	if r, _ := utf8.DecodeRuneInString(value); op != "" && !strings.ContainsRune("<>=≥≤≦≧＜＞＝", r) {
		value = op + value
	}
	if unit != "" && !strings.HasSuffix(value, unit) {
		value += unit
	}
	return value
}

// gridState carries an indicator grid over to the next page.
type gridState struct {
	lay  layout
	last int // index in the output of the table the grid ended with
	page int // index of the page the grid is on
}

// gridTables reads the indicator tables of grid t on page pi, appending
// them to out; prev is the indicator grid the previous page ended with (or
// nil). It returns the state to carry over, nil when t is no indicator grid.
func gridTables(t *extract.Table, pi int, prev *gridState, out *[]indicatorTable) *gridState {
	g := resolveGrid(t)
	head := indicatorTable{}
	scale := decimal.NewFromInt(1)
	header := -1
	var lay layout
	for r := range g {
		var cells []string
		for c := range g[r] {
			o := g[r][c]
			if o.cell == nil || (c > 0 && g[r][c-1].cell == o.cell) {
				continue
			}
			if s := cellString(o.cell); s != "" {
				cells = append(cells, s)
				if head.loc.Page == 0 {
					head.loc = cellLoc(o.cell)
				}
				if strings.Contains(compact(s), "万元") {
					scale = decimal.NewFromInt(10000)
				}
			}
		}
		if l, ok := headerLayout(g, r); ok {
			header, lay = r, l
			break
		}
		head.keyValues(cells, scale)
	}
	continued := prev != nil && prev.page == pi-1
	switch {
	case header < 0 && continued:
		// A page of indicator rows without a header continues the table
		// of the previous page.
		l, ok := continuationLayout(g, prev.lay)
		if !ok {
			return nil
		}
		lay = l
	case header < 0 || head.name == "" && lay.col[roleProject] < 0 && !continued:
		return nil
	}
	// cur is the table that rows go to: the continued one until a project
	// is named.
	cur, firstNew := -1, -1
	if continued && head.name == "" {
		cur, firstNew = prev.last, len((*out)[prev.last].indicators)
	}
	if head.name != "" {
		*out = append(*out, head)
		cur = len(*out) - 1
	}
	at := func(r int, ro role) (gridOrigin, string) {
		c := lay.col[ro]
		if c < 0 || c >= len(g[r]) {
			return gridOrigin{}, ""
		}
		return g[r][c], cellString(g[r][c].cell)
	}
	implementer := ""
	for r := header + 1; r < len(g); r++ {
		nameCell, name := at(r, roleName)
		if isColumnNumber(name) && name != "" {
			continue // the numbers under a header (1 2 3 … 10)
		}
		if pc, pname := at(r, roleProject); pc.cell != nil && pc.row == r && pname != "" {
			if nameCell.cell == nil || name == "" || nameCell.cell == pc.cell {
				// A row of the unit alone heads the projects below it.
				implementer, cur = pname, -1
				continue
			}
			if cur < 0 || nameKey((*out)[cur].name) != nameKey(pname) {
				*out = append(*out, indicatorTable{name: pname, implementer: implementer, loc: cellLoc(pc.cell)})
				cur = len(*out) - 1
			}
		}
		if nameCell.cell == nil || nameCell.row != r || cur < 0 {
			continue // a name cell spanning rows counts once
		}
		in := schema.Indicator{Name: unquote(name), Loc: cellLoc(nameCell.cell)}
		if in.Name == "" {
			continue
		}
		op, v, unit := "", "", ""
		if c, s := at(r, roleValue); c.cell != nameCell.cell {
			v = s
		}
		if c, s := at(r, roleOp); c.cell != nameCell.cell {
			op = s
		}
		if c, s := at(r, roleUnit); c.cell != nameCell.cell {
			unit = s
		}
		in.Target = target(op, v, unit)
		_, l1 := at(r, roleGroup)
		_, l2 := at(r, roleCategory)
		l1, l2 = compact(l1), compact(l2)
		if l2 != "" && !ignored[l2] && !level1[l2] {
			in.Category = l2
			in.Group = categoryGroup(l2)
		}
		if isGroup(l1) {
			in.Group = l1 // the stated group: 成本指标 of the 2021 framework
		}
		(*out)[cur].indicators = append((*out)[cur].indicators, in)
	}
	if firstNew > 0 {
		joinSplitCategory((*out)[prev.last].indicators, firstNew)
	}
	if cur < 0 {
		return nil
	}
	return &gridState{lay: lay, last: cur, page: pi}
}

// joinSplitCategory mends a category cell that a page break cut in two
// (服务对象满意 | 度): the rows before ins[at] and from it on carry the two
// parts, neither of them a category, together one.
func joinSplitCategory(ins []schema.Indicator, at int) {
	if at <= 0 || at >= len(ins) {
		return
	}
	a, b := ins[at-1].Category, ins[at].Category
	whole := a + b
	if a == "" || b == "" || categoryGroup(a) != "" || categoryGroup(b) != "" || categoryGroup(whole) == "" {
		return
	}
	mend := func(in *schema.Indicator) {
		in.Category = whole
		if in.Group == "" {
			in.Group = categoryGroup(whole)
		}
	}
	for k := at - 1; k >= 0 && ins[k].Category == a; k-- {
		mend(&ins[k])
	}
	for k := at; k < len(ins) && ins[k].Category == b; k++ {
		mend(&ins[k])
	}
}

// isColumnNumber reports a cell of digits only.
func isColumnNumber(s string) bool {
	return strings.Trim(s, "0123456789") == ""
}

// unquote removes quotation marks around a whole cell; quotes inside a
// name (“东莞烧鹅”主题短剧) are part of it.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	for _, q := range [][2]string{{"“", "”"}, {`"`, `"`}} {
		inner, ok := strings.CutPrefix(s, q[0])
		if inner, ok2 := strings.CutSuffix(inner, q[1]); ok && ok2 && !strings.Contains(inner, q[0]) && !strings.Contains(inner, q[1]) {
			return strings.TrimSpace(inner)
		}
	}
	return s
}
