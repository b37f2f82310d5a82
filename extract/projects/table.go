package projects

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
	"github.com/budgetdoc/budgetdoc/schema"
)

// physLine is one physical line of a page: a row of a table laid out as text.
type physLine struct {
	orig  string // as written
	view  string // folded, for matching
	loc   schema.Loc
	y, h  float64 // vertical centre and height (line index and 1 without a box)
	cells []string
}

// cellGapRE separates the cells of a row: two or more spaces.
var cellGapRE = regexp.MustCompile(`[ \t\x{3000}]{2,}`)

func splitCells(s string) []string {
	var out []string
	for _, c := range cellGapRE.Split(strings.TrimSpace(s), -1) {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// physLines splits the logical lines of a page back into physical lines.
func physLines(p *normalize.Page) []physLine {
	var out []physLine
	for _, it := range p.Items {
		l := it.Line
		if l == nil {
			continue
		}
		if len(l.Parts) == 0 {
			out = append(out, physLine{orig: l.Orig})
			continue
		}
		for k, part := range l.Parts {
			end := len(l.Orig)
			if k+1 < len(l.Parts) {
				end = l.Parts[k+1].Start
			}
			out = append(out, physLine{orig: l.Orig[part.Start:end], loc: part.Loc})
		}
	}
	for i := range out {
		pl := &out[i]
		pl.view = textnorm.Fold(pl.orig).Text
		pl.cells = splitCells(pl.orig)
		pl.y, pl.h = float64(i), 1
		if bb := pl.loc.BBox; bb != nil && bb[3] > bb[1] {
			pl.y, pl.h = (bb[1]+bb[3])/2, bb[3]-bb[1]
		}
	}
	return out
}

// indicatorTable is one 绩效目标表.
type indicatorTable struct {
	name, implementer, start, finish string
	total                            string // 项目资金总额 in yuan
	indicators                       []schema.Indicator
	loc                              schema.Loc
}

// findTables reads every indicator table: grids that the reader
// reconstructed, and tables laid out as text lines.
func findTables(txt *normalize.Text) []indicatorTable {
	var out []indicatorTable
	var carry *gridState // the indicator grid the previous page ended with
	for pi := range txt.Pages {
		var next *gridState
		for _, it := range txt.Pages[pi].Items {
			if it.Table != nil {
				// Only a page's first grid can continue the previous page's.
				next = gridTables(it.Table, pi, carry, &out)
				carry = nil
			}
		}
		carry = next
		pls := physLines(&txt.Pages[pi])
		for i := 0; i < len(pls); i++ {
			t := strings.TrimSpace(pls[i].view)
			if !tableTitleRE.MatchString(t) || utf8.RuneCountInString(t) > 30 {
				continue
			}
			end := len(pls)
			for k := i + 1; k < len(pls); k++ {
				if tableTitleRE.MatchString(pls[k].view) && utf8.RuneCountInString(strings.TrimSpace(pls[k].view)) <= 30 {
					end = k
					break
				}
			}
			if tb, ok := parseTable(pls[i:end]); ok {
				out = append(out, tb)
			}
			i = end - 1
		}
	}
	return out
}

// cellAfter returns the cell following the one that starts with label.
func cellAfter(cells []string, label string) string {
	for k, c := range cells {
		f := textnorm.Fold(c).Text
		if !strings.HasPrefix(f, label) {
			continue
		}
		if rest := strings.TrimLeft(strings.TrimPrefix(f, label), "：: "); rest != "" && rest != f {
			return rest
		}
		if k+1 < len(cells) {
			return cells[k+1]
		}
	}
	return ""
}

// moneyCellRE reads the amount at the start of a cell; a narrow gap may
// join the next cell's label to it (`4,100,000.00 年度资金申请总额`).
var moneyCellRE = regexp.MustCompile(`^[0-9][0-9,]*(\.[0-9]+)?`)

// keyValues takes the project fields of a one-project table from the
// cells of a row: each field is the cell after its label; the first value
// found is kept. scale converts the total to yuan.
func (tb *indicatorTable) keyValues(cells []string, scale decimal.Decimal) {
	for _, f := range []struct {
		label string
		dst   *string
	}{
		{"项目名称", &tb.name}, {"实施单位", &tb.implementer}, {"用款单位", &tb.implementer},
		{"计划开始日期", &tb.start}, {"计划完成日期", &tb.finish},
	} {
		if v := cellAfter(cells, f.label); v != "" && *f.dst == "" {
			*f.dst = v
		}
	}
	if tb.total != "" {
		return
	}
	if v := cellAfter(cells, "项目资金总额"); v != "" {
		tb.total = amountCell(v, scale)
		return
	}
	for k, c := range cells {
		label := compact(c)
		if k+1 == len(cells) || !strings.Contains(label, "预算金额") {
			continue
		}
		// A label that states its unit (2026年预算金额(元)) wins over the
		// table's.
		unit := scale
		switch {
		case strings.Contains(label, "(万元)"):
			unit = decimal.NewFromInt(10000)
		case strings.Contains(label, "(元)"):
			unit = decimal.NewFromInt(1)
		}
		if tb.total = amountCell(cells[k+1], unit); tb.total != "" {
			return
		}
	}
}

// amountCell reads the amount at the start of a cell, in yuan, or "".
func amountCell(v string, scale decimal.Decimal) string {
	if m := moneyCellRE.FindString(textnorm.Fold(v).Text); m != "" {
		if d, err := decimal.NewFromString(strings.ReplaceAll(m, ",", "")); err == nil {
			return d.Mul(scale).String()
		}
	}
	return ""
}

func parseTable(pls []physLine) (indicatorTable, bool) {
	tb := indicatorTable{loc: pls[0].loc}
	header := -1
	scale := decimal.NewFromInt(1)
	for i, pl := range pls {
		if strings.Contains(pl.view, "万元") {
			scale = decimal.NewFromInt(10000)
		}
		tb.keyValues(pl.cells, scale)
		if len(pl.cells) > 0 && strings.HasPrefix(pl.view, "一级指标") || strings.Contains(pl.view, "三级指标") {
			header = i
			break
		}
	}
	if tb.name == "" || header < 0 {
		return tb, false
	}
	tb.indicators = parseRows(pls[header+1:])
	return tb, true
}

// Label cells of the indicator columns.
var (
	level1 = map[string]bool{"产出指标": true, "效益指标": true, "满意度指标": true}
	level2 = []string{"数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标",
		"生态效益指标", "可持续影响指标", "服务对象满意度指标", "经济成本指标", "社会成本指标", "生态环境成本指标"}
	// spanning labels of the whole indicator area, ignored.
	ignored = map[string]bool{"绩效指标": true, "项目绩效目标": true}
)

func isLevel2(s string) bool {
	for _, l := range level2 {
		if s == l {
			return true
		}
	}
	return false
}

// isLevel2Prefix reports a label cut by a line break: 服务对象满意, 社会效益指.
func isLevel2Prefix(s string) bool {
	if utf8.RuneCountInString(s) < 2 {
		return false
	}
	for _, l := range level2 {
		if len(s) < len(l) && strings.HasPrefix(l, s) {
			return true
		}
	}
	return false
}

// label is a merged label cell and the vertical extent of its text.
type label struct {
	name     string
	top, bot float64
}

func (l label) centre() float64 { return (l.top + l.bot) / 2 }

// row is an indicator row before labels are assigned.
type row struct {
	name, target string
	y            float64
	loc          schema.Loc
}

// parseRows reads the indicator rows under the header.
func parseRows(pls []physLine) []schema.Indicator {
	var l1, l2 []label
	var pending *label // the first part of a level-2 label cut by a line break
	var rows []row
	var run []physLine // consecutive lines holding a single cell
	var runCells []string
	quoted := false
	flush := func() {
		if len(run) == 0 {
			return
		}
		r := row{loc: run[0].loc}
		switch n := len(runCells); {
		case n == 1:
			r.name = runCells[0]
		case n == 2:
			r.name, r.target = runCells[0], runCells[1]
		case n%2 == 1:
			// A target centred beside a name that wraps over lines.
			mid := n / 2
			r.name = strings.Join(runCells[:mid], "") + strings.Join(runCells[mid+1:], "")
			r.target = runCells[mid]
		default:
			r.name, r.target = strings.Join(runCells[:n-1], ""), runCells[n-1]
		}
		r.y = (run[0].y - run[0].h/2 + run[len(run)-1].y + run[len(run)-1].h/2) / 2
		r.name = strings.Trim(r.name, `"“” `)
		rows = append(rows, r)
		run, runCells = nil, nil
	}
	for _, pl := range pls {
		cells := append([]string(nil), pl.cells...)
		// Strip the label cells at the left of the row.
		for len(cells) > 0 {
			c := textnorm.Fold(cells[0]).Text
			top, bot := pl.y-pl.h/2, pl.y+pl.h/2
			switch {
			case ignored[c]:
			case level1[c]:
				l1 = append(l1, label{c, top, bot})
			case pending != nil && isLevel2(pending.name+c):
				l2 = append(l2, label{pending.name + c, pending.top, bot})
				pending = nil
			case isLevel2(c):
				l2 = append(l2, label{c, top, bot})
			case isLevel2Prefix(c):
				pending = &label{c, top, bot}
			default:
				goto data
			}
			cells = cells[1:]
		}
	data:
		if len(cells) == 0 {
			continue
		}
		opens := strings.HasPrefix(cells[0], `"`) && strings.Count(strings.Join(cells, ""), `"`)%2 == 1
		closes := quoted && strings.Contains(strings.Join(cells, ""), `"`)
		switch {
		case quoted || opens:
			run = append(run, pl)
			runCells = append(runCells, strings.Join(cells, ""))
			quoted = (quoted || opens) && !closes
		case len(cells) == 1:
			run = append(run, pl)
			runCells = append(runCells, cells[0])
		default:
			flush()
			rows = append(rows, row{
				name: strings.Join(cells[:len(cells)-1], ""), target: cells[len(cells)-1],
				y: pl.y, loc: pl.loc,
			})
		}
	}
	flush()
	if len(rows) == 0 {
		return nil
	}
	ys := make([]float64, len(rows))
	for i, r := range rows {
		ys[i] = r.y
	}
	top := rows[0].y - 0.5
	if len(pls) > 0 {
		top = min(top, pls[0].y-pls[0].h/2)
	}
	a1 := assign(ys, top, l1)
	a2 := assign(ys, top, l2)
	out := make([]schema.Indicator, 0, len(rows))
	for i, r := range rows {
		in := schema.Indicator{Name: strings.TrimSpace(r.name), Target: strings.TrimSpace(r.target), Loc: r.loc}
		if in.Name == "" {
			in.Name, in.Target = in.Target, "" // a stray quote took the name's place
		}
		if in.Name == "" {
			continue
		}
		if a2[i] >= 0 {
			in.Category = l2[a2[i]].name
			in.Group = groupOf[in.Category]
		}
		if a1[i] >= 0 && (in.Group == "" || in.Category == "成本指标") {
			in.Group = l1[a1[i]].name
		}
		out = append(out, in)
	}
	return out
}

// assign gives each row (by its vertical centre ys[i]) the index of the
// merged label cell it belongs to, or -1. A merged cell prints its label at
// its vertical middle, so cell k spans [top_k, 2·centre_k − top_k] with
// top_0 the top of the first row and top_k+1 the end of cell k; an end that
// passes the next label's centre is cut halfway.
func assign(ys []float64, top float64, labels []label) []int {
	out := make([]int, len(ys))
	for i := range out {
		out[i] = -1
	}
	if len(labels) == 0 {
		return out
	}
	ends := make([]float64, len(labels))
	for k, l := range labels {
		c := l.centre()
		end := 2*c - top
		if k+1 < len(labels) {
			next := labels[k+1].centre()
			if end < c || end > next {
				end = (c + next) / 2
			}
		} else {
			end = 1e18
		}
		ends[k] = end
		top = end
	}
	k := 0
	for i, y := range ys {
		for k < len(ends)-1 && y > ends[k] {
			k++
		}
		out[i] = k
	}
	return out
}

// link attaches an indicator table to its project: the project of the same
// name, else a project without a name (or indicators) whose budget equals
// the table's total; otherwise the table is a project of its own. The
// first blocks projects are the prose blocks, whose names may be written
// shorter or longer than the table's (one contains the other); a project
// made from another table takes only a table of the same name
// (污水处理服务费 is not 分散式污水处理设施污水处理服务费).
func link(ps *[]schema.Project, t indicatorTable, blocks int) {
	key := nameKey(t.name)
	idx := -1
	for i, p := range *ps {
		k := nameKey(p.Name)
		if k != "" && (k == key || i < blocks && (strings.Contains(k, key) || strings.Contains(key, k))) {
			idx = i
			break
		}
	}
	if idx < 0 && t.total != "" {
		for i, p := range *ps {
			if p.Budget != "" && len(p.Indicators) == 0 && sameAmount(p.Budget, t.total) {
				idx = i
				break
			}
		}
	}
	if idx < 0 {
		p := schema.Project{Name: t.name, Implementer: t.implementer, Budget: t.total, Loc: t.loc}
		if t.start != "" || t.finish != "" {
			p.Period = t.start + "至" + t.finish
		}
		*ps = append(*ps, p)
		idx = len(*ps) - 1
	} else {
		p := &(*ps)[idx]
		if p.Name == "" {
			p.Name = t.name
		}
		if p.Budget == "" {
			p.Budget = t.total
		}
	}
	(*ps)[idx].Indicators = append((*ps)[idx].Indicators, t.indicators...)
}

func nameKey(s string) string {
	s = textnorm.Fold(s).Text
	return strings.NewReplacer(" ", "", "\u3000", "", "（", "(", "）", ")").Replace(s)
}

func sameAmount(a, b string) bool {
	x, err1 := decimal.NewFromString(a)
	y, err2 := decimal.NewFromString(b)
	return err1 == nil && err2 == nil && x.Equal(y)
}
