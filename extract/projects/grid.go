package projects

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Indicator tables that a reader reconstructed as a grid (extract.Table:
// ruled PDF tables, native DOCX tables) are read cell by cell: the header
// row names the columns (一级/二级/三级指标, 指标值), merged label cells
// cover their rows, and the project fields are the cells after their labels.

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

// gridTable reads an indicator table from a grid; ok is false when the grid
// is not one (no 项目名称 or no indicator header).
func gridTable(t *extract.Table) (indicatorTable, bool) {
	g := resolveGrid(t)
	var tb indicatorTable
	scale := decimal.NewFromInt(1)
	header := -1
	col := map[string]int{"一级指标": -1, "二级指标": -1, "三级指标": -1, "指标值": -1}
	for r := range g {
		var cells []string
		for c := range g[r] {
			o := g[r][c]
			if o.cell == nil || (c > 0 && g[r][c-1].cell == o.cell) {
				continue
			}
			s := cellString(o.cell)
			if s == "" {
				continue
			}
			cells = append(cells, s)
			if tb.loc.Page == 0 {
				tb.loc = cellLoc(o.cell)
			}
			k := compact(s)
			if strings.Contains(k, "万元") {
				scale = decimal.NewFromInt(10000)
			}
			for name := range col {
				if col[name] < 0 && (k == name || name == "指标值" && strings.Contains(k, name)) {
					col[name] = c
				}
			}
		}
		if v := cellAfter(cells, "项目名称"); v != "" && tb.name == "" {
			tb.name = v
		}
		if v := cellAfter(cells, "实施单位"); v != "" && tb.implementer == "" {
			tb.implementer = v
		}
		if v := cellAfter(cells, "计划开始日期"); v != "" && tb.start == "" {
			tb.start = v
		}
		if v := cellAfter(cells, "计划完成日期"); v != "" && tb.finish == "" {
			tb.finish = v
		}
		if v := cellAfter(cells, "项目资金总额"); v != "" && tb.total == "" {
			if m := moneyCellRE.FindString(textnorm.Fold(v).Text); m != "" {
				if d, err := decimal.NewFromString(strings.ReplaceAll(m, ",", "")); err == nil {
					tb.total = d.Mul(scale).String()
				}
			}
		}
		if col["三级指标"] >= 0 {
			header = r
			break
		}
	}
	if tb.name == "" || header < 0 {
		return tb, false
	}
	at := func(r int, name string) (gridOrigin, string) {
		c := col[name]
		if c < 0 || c >= len(g[r]) {
			return gridOrigin{}, ""
		}
		return g[r][c], compact(cellString(g[r][c].cell))
	}
	for r := header + 1; r < len(g); r++ {
		nameCell, _ := at(r, "三级指标")
		if nameCell.cell == nil || nameCell.row != r {
			continue // a name cell spanning rows counts once
		}
		in := schema.Indicator{Name: strings.Trim(cellString(nameCell.cell), `"“” `), Loc: cellLoc(nameCell.cell)}
		if v, _ := at(r, "指标值"); v.cell != nameCell.cell {
			in.Target = cellString(v.cell)
		}
		if in.Name == "" {
			continue
		}
		_, l1 := at(r, "一级指标")
		_, l2 := at(r, "二级指标")
		if l2 != "" && !ignored[l2] && !level1[l2] {
			in.Category = l2
			in.Group = groupOf[l2]
		}
		if level1[l1] && (in.Group == "" || in.Category == "成本指标") {
			in.Group = l1
		}
		tb.indicators = append(tb.indicators, in)
	}
	return tb, true
}
