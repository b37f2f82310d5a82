package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/budgetdoc/budgetdoc/internal/rx"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/extract/tables"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
	"github.com/budgetdoc/budgetdoc/schema"
)

// The table rules: sums inside a table, the same total across tables, table
// against text, and empty tables without a statement. They read the tables
// that extract/tables understands; amounts are exact decimals and the
// tolerance comes from the precision each figure is displayed with.
var (
	TableRowSum = &Rule{
		ID:       "table-row-sum",
		Doc:      "a table row's 合计/小计 differs from the sum of the columns it totals (合计 = 基本支出 + 项目支出 …)",
		Severity: Error,
		Why:      "A 合计/小计 column must equal the sum of the columns it totals in every row. Amounts are exact decimals; a difference within the rounding of the displayed figures is info, reported once per table with the count of the others (a table rounded from 元 to 万元 misses by a unit in many rows). In a government's tables a jurisdiction's 合计 beside its levels (本级, 地市级及以下) nets out the transfers between them and is not summed; a run of parts broken by a column of figures not read as amounts is not summed either.",
		Example:  "公开03表: 一般公共服务支出 30,084,304.96 ≠ 基本支出 22,718,349.48 + 项目支出 7,365,910.48",
		Since:    "v0.1.0",
		Run:      runTableRowSum,
	}
	TableColumnSum = &Rule{
		ID:       "table-column-sum",
		Doc:      "a 科目 row differs from the sum of its sub-items (类 = Σ款, 款 = Σ项, 合计 = Σ类)",
		Severity: Error,
		Why:      "In a table by classification, each 类 must equal the sum of its 款, each 款 the sum of its 项, and the 合计 the sum of the 类; a difference beyond rounding is an error in a cell, and differences within rounding are one info per table. A table broken across pages (same title, columns and unit on consecutive pages) is summed as one; columns of rates (同比增长(%)) and columns whose header is a row of figures are not summed, and a cell holding several figures (a flattened grid) is not compared.",
		Example:  "合计 30,084,305.96 where the 类 rows add up to 30,084,304.96",
		Since:    "v0.1.0",
		Run:      runTableColumnSum,
	}
	TableCrossTotal = &Rule{
		ID:       "table-cross-total",
		Doc:      "the same total differs between tables (收支总表 vs 支出总表, 财政拨款收支总表 vs 一般公共预算支出表, the 人员经费/公用经费 split of 基本支出)",
		Severity: Warning,
		Why:      "The same total appears in several tables of one disclosure (收支总表, 支出总表, 财政拨款收支总表, 一般公共预算支出表); when they differ, one table was not updated. The 人员经费/公用经费 split of 基本支出 in the 收支总表 is compared with the 基本支出 table's only when both state the same 基本支出 (the same funds). Department and unit documents only: a government's 附表 print each table for the whole jurisdiction and for its own level, so the first table of a kind need not share the total of another.",
		Example:  "收支预算总表 支出合计 18,330.37万元 against 支出预算总表 合计 183,033,700.00元",
		Since:    "v0.1.0",
		Run:      runTableCrossTotal,
	}
	TableEmpty = &Rule{
		ID:       "table-empty-statement",
		Doc:      "a table without any amount does not say that it is empty (本表无数据 …)",
		Severity: Warning,
		Why:      "A table without any amount must say that it is empty and why (本部门无政府性基金收支，故本表为空表); a bare empty table reads as data that was lost. A statement in a note, in a cell or in the text counts. Cells holding figures that were not read as one amount (a column flattened into one cell) are not empty, and the notes-only page of a table continued from an earlier page with figures is not a table of its own.",
		Example:  "政府性基金预算支出表 with a header and no figures, and no note",
		Since:    "v0.1.0",
		Run:      runTableEmpty,
	}
)

// tablesOf returns the document's tables: those the pipeline understood,
// or, for a result built without them, a fresh parse of the text.
func tablesOf(p *Pass) []*tables.Table {
	if p.Result == nil {
		return nil
	}
	if p.Result.Tables != nil || p.Result.Text == nil {
		return p.Result.Tables
	}
	return tables.Parse(p.Result.Text)
}

// ulp is the value in yuan of one unit in the last displayed place of c.
func ulp(t *tables.Table, c tables.Cell) decimal.Decimal {
	return decimal.New(1, -c.Places).Mul(t.Scale)
}

// compareSum reports total ≠ Σparts: error beyond the rounding tolerance of
// the figures involved, info within it.
func compareSum(p *Pass, notes *roundingNotes, t *tables.Table, total tables.Cell, parts []tables.Cell, what string) {
	if severalFigures(total) || slices.ContainsFunc(parts, severalFigures) {
		return // a flattened grid put a row or column of figures in one cell
	}
	sum := decimal.Zero
	tol := ulp(t, total).Div(decimal.NewFromInt(2))
	for _, c := range parts {
		sum = sum.Add(t.Yuan(c))
		tol = tol.Add(ulp(t, c).Div(decimal.NewFromInt(2)))
	}
	diff := t.Yuan(total).Sub(sum)
	if diff.IsZero() {
		return
	}
	f := schema.Finding{
		Severity: string(Error),
		Message: fmt.Sprintf("%s: %s %s ≠ %s (difference %s 元)", tableName(t), what, total.Text,
			sum.Div(t.Scale).String(), diff.String()),
		Evidence: total.Text,
		Loc:      total.Loc,
	}
	if diff.Abs().LessThanOrEqual(tol) {
		notes.add(tableName(t), f)
		return
	}
	p.Report(f)
}

// roundingNotes gathers one rule's differences within rounding, which are
// infos: a table rounded from finer units (万元 from 元) misses its sums
// by a unit in many rows at once, and one note per table, at its first
// difference and with the count of the others, says it without burying
// the errors.
type roundingNotes struct {
	first map[string]*schema.Finding
	more  map[string]int
	order []string
}

func (r *roundingNotes) add(table string, f schema.Finding) {
	if r.first == nil {
		r.first, r.more = map[string]*schema.Finding{}, map[string]int{}
	}
	if _, ok := r.first[table]; ok {
		r.more[table]++
		return
	}
	f.Severity = string(Info)
	r.first[table] = &f
	r.order = append(r.order, table)
}

// report reports the note of each table.
func (r *roundingNotes) report(p *Pass) {
	for _, table := range r.order {
		f := *r.first[table]
		if n := r.more[table]; n > 0 {
			f.Message += fmt.Sprintf("；本表另有%d处舍入差异 / and %d more differences within rounding in this table", n, n)
		}
		p.Report(f)
	}
}

// columnHasFigures reports whether a body cell of column k holds a figure.
func columnHasFigures(t *tables.Table, k int) bool {
	for _, r := range t.Body {
		if k < len(r.Cells) && !r.Cells[k].Covered && figureRE.MatchString(r.Cells[k].Text) || k < len(r.Cells) && wholeNumberRE.MatchString(strings.TrimSpace(r.Cells[k].Text)) {
			return true
		}
	}
	return false
}

var wholeNumberRE = rx.MustCompile(`^\d+$`)

// severalRE finds two figures in one cell, separated by a space.
var severalRE = rx.MustCompile(`\d\s+\d`)

// severalFigures reports whether a cell holds more than one figure.
func severalFigures(c tables.Cell) bool { return severalRE.MatchString(strings.TrimSpace(c.Text)) }

// levelHeader matches the header of a column of one level of government.
var levelHeader = rx.MustCompile(`本级|级及以下|[省市县区]级`)

// figureHeaderRE matches a header that is a bare figure: a row of data read
// as the header, so that the column is not understood.
var figureHeaderRE = rx.MustCompile(`(?:^|/ )[\d,]{4,}(?:\.\d+)?(?: /|$)`)

// ratioHeader matches the header of a column of rates rather than amounts
// (同比增长(%), 对比预算数增幅(%), 决算数为调整预算数的%): such columns do
// not add up.
var ratioHeader = rx.MustCompile(`%|％|增长|增幅|增减|比上年|同比|为.*的`)

func tableName(t *tables.Table) string {
	if t.Title != "" {
		return t.Title
	}
	return "table " + t.ID
}

var totalHeader = rx.MustCompile(`合计|小计`)

func runTableRowSum(p *Pass) {
	var notes roundingNotes
	defer notes.report(p)
	for _, t := range tablesOf(p) {
		if t.Partial {
			continue // its 合计 adds up columns printed in another table
		}
		for j, col := range t.Columns {
			if col.Role != tables.AmountColumn || len(col.Path) == 0 || !totalHeader.MatchString(col.Path[len(col.Path)-1]) {
				continue
			}
			parts := rowParts(t, j)
			if len(parts) < 2 || p.government() && slices.ContainsFunc(parts, levelHeader.MatchString) {
				// A jurisdiction's 合计 nets out the transfers between its
				// levels: it is not 本级 + 地市级及以下.
				continue
			}
			for _, r := range t.Body {
				if r.Note || r.Count || j >= len(r.Cells) || !r.Cells[j].IsAmount {
					continue
				}
				var cells []tables.Cell
				for _, part := range parts {
					for k := j + 1; k < len(r.Cells); k++ {
						if r.Cells[k].IsAmount && !r.Cells[k].Covered && t.Columns[k].Role == tables.AmountColumn &&
							strings.Join(t.Columns[k].Path, "/") == part {
							cells = append(cells, r.Cells[k])
							break
						}
					}
				}
				label := r.Label
				if label == "" {
					label = r.Code
				}
				compareSum(p, &notes, t, r.Cells[j], cells, fmt.Sprintf("%s %s", strings.TrimSpace(label), t.Path(j)))
			}
		}
	}
}

// rowParts returns the columns that total column j adds up: the following
// columns of the same header group; a nested group counts through its own
// 小计 (“三公”经费 / 公务用车购置及运行维护费 / 小计). It returns their
// header paths (a reconstructed grid may split one column in two); nil
// when unsure.
func rowParts(t *tables.Table, j int) []string {
	path := func(k int) string { return strings.Join(t.Columns[k].Path, "/") }
	col := t.Columns[j].Path
	parent := strings.Join(col[:len(col)-1], "/")
	var parts []int
	skip := "" // the nested group already counted through its 小计
	for k := j + 1; k < len(t.Columns); k++ {
		c := t.Columns[k]
		if c.Role == tables.CodeColumn || c.Role == tables.OrdinalColumn {
			return nil // figures read as codes: the grid is not understood
		}
		if c.Role != tables.AmountColumn || len(c.Path) == 0 || path(k) == path(j) {
			if c.Role == tables.AmountColumn && path(k) == path(j) {
				continue // the same column split in two by the grid
			}
			if columnHasFigures(t, k) {
				return nil // a column of figures not read as amounts: a part is missing
			}
			break
		}
		if ratioHeader.MatchString(path(k)) {
			break // the rates after the amounts
		}
		if skip != "" && strings.HasPrefix(path(k), skip) {
			continue
		}
		if parent != "" && !strings.HasPrefix(path(k), parent+"/") {
			break
		}
		if strings.Contains(path(k), "其中") {
			return nil
		}
		depth := len(col)
		switch {
		case len(c.Path) == depth && !totalHeader.MatchString(c.Path[depth-1]):
			parts = append(parts, k)
		case len(c.Path) == depth+1 && totalHeader.MatchString(c.Path[depth]):
			parts = append(parts, k)
			skip = strings.Join(c.Path[:depth], "/") + "/"
		case len(c.Path) == depth && totalHeader.MatchString(c.Path[depth-1]):
			return nil // another total at the same level
		default:
			return nil
		}
	}
	// Grid columns sharing one header are one part.
	var out []string
	for _, k := range parts {
		if !slices.Contains(out, path(k)) {
			out = append(out, path(k))
		}
	}
	return out
}

// continued groups the tables of a document into logical tables: a table
// whose title (without its number and year), column headers and unit are
// those of the table on the page before continues it. Sums over a table
// broken across pages are taken over all its pieces.
func continued(ts []*tables.Table) [][]*tables.Table {
	var out [][]*tables.Table
	for _, t := range ts {
		if k := len(out) - 1; k >= 0 {
			prev := out[k][len(out[k])-1]
			if sameLogicalTable(prev, t) {
				out[k] = append(out[k], t)
				continue
			}
		}
		out = append(out, []*tables.Table{t})
	}
	return out
}

func sameLogicalTable(a, b *tables.Table) bool {
	title := func(t *tables.Table) string { return squeeze(yearPrefixRE.ReplaceAllString(t.Title, "")) }
	if title(a) == "" || title(a) != title(b) || !a.Scale.Equal(b.Scale) || len(a.Columns) != len(b.Columns) ||
		len(a.Pages) == 0 || len(b.Pages) == 0 || b.Pages[0]-a.Pages[len(a.Pages)-1] != 1 {
		return false
	}
	for j := range a.Columns {
		if a.Path(j) != b.Path(j) {
			return false
		}
	}
	return true
}

// groupAmountCells calls fn for the amount cells of one piece of a
// logical table, as Table.AmountCells does, but decides which columns hold
// amounts over all the pieces: the reader judges each page's columns on
// their own, and a page whose 合计 column was judged text would otherwise
// drop its part of the sums.
func groupAmountCells(group []*tables.Table, piece *tables.Table, fn func(i, j int, subject, code string)) {
	amount := map[string]bool{}
	for _, t := range group {
		for j, c := range t.Columns {
			if c.Role == tables.AmountColumn {
				amount[t.Path(j)] = true
			}
		}
	}
	for i := range piece.Body {
		r := &piece.Body[i]
		if r.Note || r.Count {
			continue
		}
		for j, c := range r.Cells {
			if !c.IsAmount || j >= len(piece.Columns) || !amount[piece.Path(j)] || piece.Columns[j].Role == tables.CodeColumn {
				continue
			}
			s, code := piece.Subject(r, j)
			fn(i, j, s, code)
		}
	}
}

// balanceTitleRE names a balance table (收支平衡表, 收支预算表 of a
// government's budget): it lists balance items (上年结余收入, 调入资金,
// 上解收入) under the transfer classes 110/230 beside the class's own row
// (110 上级补助收入), so its codes say nothing of what adds up to what.
var balanceTitleRE = rx.MustCompile(`平衡表|收支预算表|收支决算表`)

func runTableColumnSum(p *Pass) {
	var notes roundingNotes
	defer notes.report(p)
	for _, group := range continued(tablesOf(p)) {
		t := group[0] // the pieces share their unit and columns
		if p.Meta.Scope == schema.ScopeGovernment && balanceTitleRE.MatchString(t.Title) {
			continue
		}
		// Cells are grouped by their column's header path, not the grid
		// column: reconstructed PDF grids may shift a row's amount by a
		// column under the same merged header.
		type key struct {
			col  string
			code string
		}
		cells := map[key]tables.Cell{}
		var order []key
		totals := map[string]tables.Cell{}
		var totalOrder []string // the 合计 columns in the order met: findings come out in a fixed order
		for _, piece := range group {
			groupAmountCells(group, piece, func(i, j int, subject, code string) {
				c := piece.Body[i].Cells[j]
				if ratioHeader.MatchString(piece.Path(j)) || figureHeaderRE.MatchString(piece.Path(j)) {
					return
				}
				if code != "" {
					k := key{piece.Path(j), code}
					if _, dup := cells[k]; dup {
						return
					}
					cells[k] = c
					order = append(order, k)
				} else if s := strings.Join(strings.Fields(subject), ""); s == "合计" || s == "总计" {
					if _, ok := totals[piece.Path(j)]; !ok {
						totals[piece.Path(j)] = c
						totalOrder = append(totalOrder, piece.Path(j))
					}
				}
			})
		}
		// A coded row whose cell in an amount column holds text that is not
		// an amount (a wrapped label's fragment run into it: `收 6,360,359`)
		// leaves its parent's parts unknown in that column.
		unread := map[key]bool{}
		for _, piece := range group {
			for i := range piece.Body {
				r := &piece.Body[i]
				for j, c := range r.Cells {
					if c.IsAmount || strings.TrimSpace(c.Text) == "" || j >= len(piece.Columns) || piece.Columns[j].Role != tables.AmountColumn {
						continue
					}
					if _, code := piece.Subject(r, j); code != "" && strings.ContainsAny(c.Text, "0123456789") {
						unread[key{piece.Path(j), code}] = true
					}
				}
			}
		}
		for _, k := range order {
			var parts []tables.Cell
			want := len(k.code) + 2
			complete := true
			for o := range unread {
				if o.col == k.col && len(o.code) == want && strings.HasPrefix(o.code, k.code) {
					complete = false
				}
			}
			for _, o := range order {
				if o.col == k.col && len(o.code) == want && strings.HasPrefix(o.code, k.code) {
					parts = append(parts, cells[o])
				}
			}
			if complete && len(parts) > 0 && (len(k.code) == 3 || len(k.code) == 5) {
				compareSum(p, &notes, t, cells[k], parts, fmt.Sprintf("%s %s", k.code, k.col))
			}
		}
		for _, j := range totalOrder {
			total := totals[j]
			var parts []tables.Cell
			for _, o := range order {
				if o.col == j && len(o.code) == 3 {
					parts = append(parts, cells[o])
				}
			}
			if len(parts) > 0 {
				compareSum(p, &notes, t, total, parts, "合计 "+j)
			}
		}
	}
}

// tableTotal finds the first amount cell of t whose row label is one of
// labels (spaces ignored) and whose column path contains col.
func tableTotal(t *tables.Table, col string, labels ...string) (tables.Cell, bool) {
	var found tables.Cell
	ok := false
	for _, want := range labels {
		t.AmountCells(func(i, j int, subject, _ string) {
			s := strings.Join(strings.Fields(textnorm.Fold(subject).Text), "")
			if ok || s != want || !strings.Contains(t.Path(j), col) {
				return
			}
			found, ok = t.Body[i].Cells[j], true
		})
		if ok {
			break
		}
	}
	return found, ok
}

func runTableCrossTotal(p *Pass) {
	if p.Meta.Scope == schema.ScopeGovernment {
		// The pairs below are the tables of one department's or unit's
		// disclosure. A government's 附表 print each table for the whole
		// jurisdiction and for its own level (全省 and 省级), and a 支出表 of
		// one purpose (基本建设支出) beside the 收支总表: the first table of
		// a kind is not the one that shares its total.
		return
	}
	byKind := map[tables.Kind]*tables.Table{}
	for _, t := range tablesOf(p) {
		if _, seen := byKind[t.Kind]; !seen && t.Kind != tables.Unknown {
			byKind[t.Kind] = t
		}
	}
	compare := func(a, b *tables.Table, ca, cb tables.Cell, what string) {
		va, vb := a.Yuan(ca), b.Yuan(cb)
		tol := ulp(a, ca).Add(ulp(b, cb)).Div(decimal.NewFromInt(2))
		if va.Sub(vb).Abs().LessThanOrEqual(tol) {
			return
		}
		p.Report(schema.Finding{
			Message:  fmt.Sprintf("%s: %s in %s is %s, in %s %s", what, what, tableName(a), ca.Text, tableName(b), cb.Text),
			Evidence: cb.Text,
			Loc:      cb.Loc,
		})
	}
	if a, b := byKind[tables.IncomeExpenseSummary], byKind[tables.ExpenseSummary]; a != nil && b != nil {
		ca, oka := tableTotal(a, "", "支出合计", "本年支出合计", "支出总计")
		cb, okb := tableTotal(b, "", "合计", "总计", "支出合计")
		if oka && okb {
			compare(a, b, ca, cb, "支出合计")
		}
	}
	if a, b := byKind[tables.FiscalSummary], byKind[tables.GeneralExpense]; a != nil && b != nil {
		ca, oka := tableTotal(a, "一般公共预算", "本年支出合计", "支出合计", "当年支出小计")
		cb, okb := tableTotal(b, "", "合计", "总计")
		if oka && okb {
			compare(a, b, ca, cb, "一般公共预算支出合计")
		}
	}
	// The 收支总表 splits its 基本支出 into 人员经费 and 公用经费, as the
	// 基本支出 table by economic classification does. When the two state the
	// same 基本支出 (the same funds: a unit with other income than its
	// appropriation would not), each part must agree as well.
	basic := byKind[tables.GeneralBasicExpense]
	if basic == nil {
		basic = byKind[tables.FiscalBasicExpense]
	}
	if a, b := byKind[tables.IncomeExpenseSummary], basic; a != nil && b != nil {
		totals := []string{"支出总计", "本年支出合计", "支出合计", "合计", "总计"}
		pa, ok1 := tableTotal(a, "人员经费", totals...)
		ga, ok2 := tableTotal(a, "公用经费", totals...)
		pb, ok3 := tableTotal(b, "人员经费", "合计", "总计")
		gb, ok4 := tableTotal(b, "公用经费", "合计", "总计")
		if ok1 && ok2 && ok3 && ok4 {
			sumA, sumB := a.Yuan(pa).Add(a.Yuan(ga)), b.Yuan(pb).Add(b.Yuan(gb))
			tol := ulp(a, pa).Add(ulp(a, ga)).Add(ulp(b, pb)).Add(ulp(b, gb)).Div(decimal.NewFromInt(2))
			if sumA.Sub(sumB).Abs().LessThanOrEqual(tol) {
				compare(b, a, pb, pa, "人员经费")
				compare(b, a, gb, ga, "公用经费")
			}
		}
	}
}

var emptyStatement = rx.MustCompile(`无数据|空表|为空|无此项|不涉及|无相关|没有|未安排|未发生|无.{0,12}(?:收入|支出|预算|经费|资金|项目)`)

func runTableEmpty(p *Pass) {
	var prose []string
	for _, l := range p.Lines() {
		prose = append(prose, l.Text)
	}
	all := strings.Join(prose, "\n")
	filled := map[string]bool{} // titles of the tables with figures so far
	for _, t := range tablesOf(p) {
		title := squeeze(yearPrefixRE.ReplaceAllString(t.Title, ""))
		if !t.Empty() || writtenFigures(t) {
			filled[title] = true
			continue
		}
		if len(t.Body) == 0 && len(t.Header) == 0 || t.Kind == tables.PerformanceTargets || t.Kind == tables.Unknown {
			continue
		}
		if title != "" && filled[title] {
			continue // the page of a continued table that holds only its notes
		}
		said := false
		for _, s := range t.Notes {
			said = said || emptyStatement.MatchString(s)
		}
		for _, r := range t.Body {
			for _, c := range r.Cells {
				said = said || emptyStatement.MatchString(c.Text)
			}
		}
		// A statement in the text about what the table covers counts too.
		if topic := emptyTopic(t.Kind); topic != "" {
			said = said || topicEmptyRE[topic].MatchString(all)
		}
		if said {
			continue
		}
		p.Report(schema.Finding{
			Message:  fmt.Sprintf("%s has no amounts and does not say that it is empty (本表无数据 …)", tableName(t)),
			Evidence: tableName(t),
			Loc:      t.Loc,
		})
	}
}

// figureRE is a figure as tables write it: grouped thousands or decimals.
var figureRE = rx.MustCompile(`\d{1,3}(?:,\d{3})+|\d+\.\d+`)

// yearPrefixRE is what a continued table's title may gain or lose from
// page to page: its number and its year (表2 / 2024年…), or the year's
// digits alone when the number was written against them (表22024年… read
// as 年…).
var yearPrefixRE = rx.MustCompile(`^(?:表\s*[0-9一二三四五六七八九十]+?[:：]?)?\s*(?:\d{4}\s*)?(?:年度?)?`)

// writtenFigures reports whether a body cell of t holds figures that were
// not read as one amount: a cell with a column of figures flattened into
// it (71,042,672 32,867,000 …) is not an empty table.
func writtenFigures(t *tables.Table) bool {
	for _, r := range t.Body {
		for j, c := range r.Cells {
			if c.Covered {
				continue
			}
			if figureRE.MatchString(c.Text) {
				return true
			}
			// a bare integer (320 in 万元) outside a column of codes or
			// ordinals is a figure too
			if j < len(t.Columns) && t.Columns[j].Role != tables.CodeColumn && t.Columns[j].Role != tables.OrdinalColumn &&
				wholeNumberRE.MatchString(strings.TrimSpace(c.Text)) {
				return true
			}
		}
	}
	return false
}

func emptyTopic(k tables.Kind) string {
	switch k {
	case tables.GovFundExpense:
		return "政府性基金"
	case tables.StateCapitalExpense:
		return "国有资本经营"
	case tables.ThreePublic:
		return "三公"
	}
	return ""
}

// topicEmptyRE, per topic of emptyTopic, finds the text saying that the
// topic has nothing (本部门无政府性基金…, 三公经费为0万元): compiled once here,
// not per table.
var topicEmptyRE = func() map[string]*rx.Regexp {
	m := map[string]*rx.Regexp{}
	for _, topic := range []string{"政府性基金", "国有资本经营", "三公"} {
		m[topic] = rx.MustCompile(`(?:无|没有|未安排|不涉及)[^。；\n]{0,12}` + topic +
			`|` + topic + `[^。；，,\n]{0,20}?(?:为0|为零|为空|无|[^0-9.,]0(?:\.0+)?万?元)`)
	}
	return m
}()

// grandTotalRE is a total row's label.
var grandTotalRE = rx.MustCompile(`合计|总计|小计`)

// TableText compares the totals that the text states with the tables.
var TableText = &Rule{
	ID:       "table-text-mismatch",
	Doc:      "a figure the narrative restates from a table differs from its cell: 支出预算总额, 财政拨款收支总计, 一般公共预算财政拨款（基本）支出, 人员经费/公用经费, 三公经费",
	Severity: Warning,
	Why:      "The narrative restates, section by section, totals of the tables: 支出预算总额 (收支总表), 财政拨款收入支出总计 (财政拨款收支总表), 一般公共预算财政拨款支出 and its 基本支出 (一般公共预算支出表), the 人员经费 and 公用经费 of that 基本支出 (基本支出表), the “三公”经费 total (三公 table); a difference beyond the displayed precision of both means the text or the table was not updated. A figure is compared only with the cell it restates: the subject names it exactly (人员经费 only as a part of 一般公共预算财政拨款基本支出), the cell is in its row and column, of the same year (a 2025年 or 上年 column is not 2026's) and of the same 预算/决算 (年初预算 of a final account is the 预算数 column); the 三公 total is the 三公 小计 of a table that also lists 会议费 and 培训费. A non-zero 三公 figure beside a 三公 table without any amount is reported too. Government reports are judged on 支出预算总额 only.",
	Example:  "六、一般公共预算财政拨款基本支出5377.64万元。其中：人员经费4896.98万元 where the tables show 5,364.75 and 人员经费合计 4,884.09",
	Since:    "v0.1.0",
	Run:      runTableText,
}

var (
	// Subjects of the text's expense total and 三公 total, after dropping
	// quotes, spaces and the fund qualifiers.
	// (收入、支出预算总计 is both totals at once)
	expenseTotalSubject = rx.MustCompile(`^(?:本年|年度|部门|单位)?(?:收入、)?支出(?:预算|决算)?(?:总额|总计|合计)$`)
	quotesAndSpaces     = rx.MustCompile(`[“”"'‘’\s]`)
	subjectNoise        = rx.MustCompile(`一般公共预算|财政拨款|安排(?:的)?`)
	shownPlaces         = rx.MustCompile(`[0-9](?:\.([0-9]+))?\s*(亿|万)?元?`)
)

// textTolerance is half a unit in the last place of a figure as written in
// the text (18330.37万元 → 50 元).
func textTolerance(text string) decimal.Decimal {
	m := shownPlaces.FindAllStringSubmatch(textnorm.Fold(text).Text, -1)
	if m == nil {
		return decimal.Zero
	}
	last := m[len(m)-1]
	scale := decimal.NewFromInt(1)
	switch last[2] {
	case "万":
		scale = decimal.NewFromInt(10000)
	case "亿":
		scale = decimal.NewFromInt(100000000)
	}
	return decimal.New(5, -int32(len(last[1]))-1).Mul(scale)
}

func runTableText(p *Pass) {
	ts := tablesOf(p)
	reconcileExpenseTotal(p, ts)
	if !p.government() {
		reconcileNarrative(p, ts)
	}
}

// reconcileExpenseTotal compares the text's 支出预算总额 with the total
// of the 收支总表 or 支出总表.
func reconcileExpenseTotal(p *Pass, ts []*tables.Table) {
	var totals []tableCell
	for _, t := range ts {
		t.AmountCells(func(i, j int, subject, _ string) {
			c := t.Body[i].Cells[j]
			if severalFigures(c) {
				return // a flattened grid: not one figure to compare
			}
			s := strings.Join(strings.Fields(subject), "")
			switch t.Kind {
			case tables.IncomeExpenseSummary, tables.ExpenseSummary:
				if strings.Contains(s, "支出") && grandTotalRE.MatchString(s) || s == "合计" || s == "总计" ||
					t.Kind == tables.ExpenseSummary && i == 0 {
					totals = append(totals, tableCell{t, c})
				}
			}
		})
	}
	if len(totals) == 0 {
		return
	}
	fs := p.facts()
	for i := range fs {
		f := &fs[i]
		v, ok := f.Value()
		if f.Kind != schema.FactMoney || !ok || f.Approx {
			continue
		}
		// The fund qualifiers are kept: 财政拨款支出预算 is another total
		// than 支出预算总额.
		if !expenseTotalSubject.MatchString(p.narrativeSubject(f.Subject)) {
			continue
		}
		tol := textTolerance(f.Text)
		agree := false
		for _, c := range totals {
			if v.Sub(c.t.Yuan(c.c)).Abs().LessThanOrEqual(tol.Add(ulp(c.t, c.c).Div(decimal.NewFromInt(2)))) {
				agree = true
				break
			}
		}
		if agree {
			continue
		}
		c := totals[0]
		p.Report(schema.Finding{
			Message: fmt.Sprintf("the text gives %s as %s, but %s shows %s %s", f.Subject, f.Text, tableName(c.t),
				c.c.Text, c.t.Unit),
			Evidence: f.Text,
			Loc:      f.Loc,
			Facts:    []string{f.ID},
		})
	}
}
