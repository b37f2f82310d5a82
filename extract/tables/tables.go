// Package tables understands the tables of a budget disclosure: it finds
// each table's title and unit in the lines around it, resolves merged header
// cells into header paths, stitches tables continued on the next page,
// recognises the standard tables (收支总表, 支出总表, 三公经费表 …) and turns
// every amount cell into a money fact in yuan that points back to its cell.
//
// It works on the format-neutral extract.Table grids of every reader, so it
// knows nothing about PDF, DOC or XLSX.
package tables

import (
	"context"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Table is one understood table (stitched over pages when it continues).
type Table struct {
	ID    string // t1, t2 … in document order
	Title string // caption as written (收支预算总表)
	Code  string // the table's number as written (公开表一, 公开02表, 公_03表)
	Kind  Kind   // the standard table it is, or Unknown
	Unit  string // 元, 万元 … as stated; empty when not stated (amounts taken as 元)
	Scale decimal.Decimal
	Pages []int
	// Header holds the header rows' cell text (merged cells repeated over
	// the positions they cover); Columns the header path of each column.
	Header  [][]string
	Columns []Column
	Body    []Row
	// Notes are the lines after the table (注：…, 本表无数据 …) and note rows
	// inside it, where an empty table says that it is empty.
	Notes []string
	Loc   extract.Loc
	// Partial marks a table whose columns continue in another table that
	// could not be joined to it (see pagesets.go): the same title over
	// mostly the same rows with other columns (a table by region printed
	// as page sets, 合计 and the first regions first, whose parts' rows
	// differ). Its rows do not hold all the parts of their 合计.
	Partial bool

	grid    [][]gridCell // rows after the caption rows, for stitching
	nHeader int          // how many of grid are header rows
	// facing is the first column of the part printed on right-hand pages
	// (see facing.go), 0 when none; leftHeader the left part's header.
	facing     int
	leftHeader [][]string
	// itemOf maps an attribute column (采购组织形式, 项目类型) to the column
	// that names its rows instead (see rowlabel.go).
	itemOf map[int][]int
	// sets is the first column of each part printed on pages of its own
	// (see pagesets.go).
	sets []int
}

// Column describes one grid column.
type Column struct {
	Path []string // header path, outermost first (支出 › 金额 › 小计)
	Role Role
	Kind ColumnKind
}

// Role says what a column holds.
type Role int

const (
	TextColumn    Role = iota // names and labels
	AmountColumn              // money amounts
	CodeColumn                // 科目编码 (or 类/款/项)
	OrdinalColumn             // 行次, 栏次, 序号
	ValueColumn               // numbers that are not money (percent, count …: see Column.Kind)
)

// Row is one body row.
type Row struct {
	Cells []Cell
	// Code is the classification code of the row (3 digits 类, 5 款,
	// 7 项; also 经济分类 codes), empty when the row has none.
	Code string
	// Label is the row's name: the 科目名称 or the first text cell.
	Label string
	Note  bool // a 注： row or a row that states the table is empty
	// Count marks a row of counts (团组数（个）, 车辆数（辆）): its numbers
	// are not money.
	Count bool
}

// Cell is one body cell.
type Cell struct {
	Text    string // as written, lines joined (see cellText)
	Loc     extract.Loc
	Covered bool // part of a merged cell that starts elsewhere
	// Hidden marks a spreadsheet cell that is not shown (hidden row,
	// column or sheet, outside the print area): not data.
	Hidden bool
	// Amount is set when the cell holds a number; Places is the number of
	// decimals displayed (for rounding tolerance).
	Amount   decimal.Decimal
	IsAmount bool
	Places   int32
}

// Yuan returns the cell's amount in yuan.
func (t *Table) Yuan(c Cell) decimal.Decimal { return c.Amount.Mul(t.Scale) }

// Path returns the header path of column j joined with " / ".
func (t *Table) Path(j int) string {
	if j < 0 || j >= len(t.Columns) {
		return ""
	}
	return strings.Join(t.Columns[j].Path, " / ")
}

var (
	unitRe          = regexp.MustCompile(`(?:金额)?单位\s*[:：]\s*(亿元|千万元|百万元|十万元|万元|千元|百元|元)`)
	codeRe          = regexp.MustCompile(`^(?:公开表[一二三四五六七八九十]+|公开\s*\d+\s*表|公_?\s*\d+\s*表|附表\s*[\d一二三四五六七八九十-]+|表\s*[\d一二三四五六七八九十-]+)`)
	amountRe        = regexp.MustCompile(`^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$`)
	subjCode        = regexp.MustCompile(`^\d{3}(?:\d{2}){0,2}$`)
	ordinalRe       = regexp.MustCompile(`行次|栏次|序号|编号`)
	deptRe          = regexp.MustCompile(`(?:部门|单位|预算单位|单位名称)\s*(?:名称)?\s*[:：]`)
	trailingBracket = regexp.MustCompile(`\s*[（(][^（()）]*[)）]\s*$`)
	countRe         = regexp.MustCompile(`[(（](?:个|人|辆|台|套|台、套|台,套|人次|批次|次|家|项|处|平方米|㎡)[)）]`)
	emptyRe         = regexp.MustCompile(`(?:本表|此表|该表|本部门|本单位|我单位|我部门).{0,30}(?:无|没有|为空|空表|不涉及|未发生|未安排)|无数据|空表`)
)

var unitScale = map[string]int64{
	"元": 1, "百元": 100, "千元": 1000, "万元": 10000, "十万元": 100000,
	"百万元": 1000000, "千万元": 10000000, "亿元": 100000000,
}

// Parse finds and understands every table of txt, in document order.
func Parse(txt *normalize.Text) []*Table {
	ts, _ := ParseContext(context.Background(), txt)
	return ts
}

// ParseContext is Parse that stops with ctx's error when ctx is done.
func ParseContext(ctx context.Context, txt *normalize.Text) ([]*Table, error) {
	if txt == nil {
		return nil, nil
	}
	type ref struct{ page, item int }
	var flat []ref
	for pi := range txt.Pages {
		for ii := range txt.Pages[pi].Items {
			flat = append(flat, ref{pi, ii})
		}
	}
	item := func(k int) *normalize.Item { return &txt.Pages[flat[k].page].Items[flat[k].item] }
	var out []*Table
	var prev *Table
	prevEnd := -1 // index in flat of the previous table item
	for k := range flat {
		it := item(k)
		if it.Kind != extract.TableBlock || it.Table == nil || len(it.Table.Rows) == 0 {
			continue
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		page := txt.Pages[flat[k].page].Number
		// Caption lines: the lines between the previous table and this one,
		// nearest last, at most a few.
		var before []*normalize.Line
		for b := k - 1; b > prevEnd && len(before) < 6; b-- {
			if l := item(b).Line; l != nil {
				before = append(before, l)
			}
		}
		for pi, part := range splitAtTitles(it.Table) {
			if pi > 0 {
				before = nil
			}
			prev = add(&out, prev, build(part, page, before), before, page)
		}
		prevEnd = k
		// Notes: the lines after the table up to the next table, a few.
		for a := k + 1; a < len(flat) && len(prev.Notes) < 8; a++ {
			n := item(a)
			if n.Kind == extract.TableBlock || n.Line == nil {
				break
			}
			s := strings.TrimSpace(n.Line.Text)
			if codeRe.MatchString(s) || isTitle(s) || unitRe.MatchString(s) {
				break
			}
			prev.Notes = append(prev.Notes, s)
		}
	}
	out = joinSets(out)
	for i, t := range out {
		t.ID = "t" + strconv.Itoa(i+1)
		t.Kind = classify(t)
		t.itemColumns()
	}
	markPartial(out)
	return out, nil
}

// markPartial marks the tables that share a title and rows but not their
// columns, left apart by joinSets (see Table.Partial).
func markPartial(ts []*Table) {
	for i, a := range ts {
		for _, b := range ts[i+1:] {
			if a.Title == "" || a.Title != b.Title || a.Code != b.Code || sameColumns(a, b) || !sharedLabels(a, b) {
				continue
			}
			a.Partial, b.Partial = true, true
		}
	}
}

// sameColumns reports whether a and b have the same number columns.
func sameColumns(a, b *Table) bool {
	var pa, pb []string
	for j := range a.Columns {
		if a.Columns[j].Role == AmountColumn {
			pa = append(pa, a.Path(j))
		}
	}
	for j := range b.Columns {
		if b.Columns[j].Role == AmountColumn {
			pb = append(pb, b.Path(j))
		}
	}
	return slices.Equal(pa, pb)
}

// sharedLabels reports whether at least half the row labels of the
// shorter table are row labels of the other.
func sharedLabels(a, b *Table) bool {
	labels := map[string]bool{}
	for _, r := range a.Body {
		labels[squeeze(fold(r.Label))] = true
	}
	n, shared := 0, 0
	for _, r := range b.Body {
		if l := squeeze(fold(r.Label)); l != "" {
			n++
			if labels[l] {
				shared++
			}
		}
	}
	return n > 0 && shared*2 >= min(n, len(a.Body))
}

// add appends t to out, or stitches it to prev when it continues prev; it
// returns the table that later parts may continue.
func add(out *[]*Table, prev, t *Table, before []*normalize.Line, page int) *Table {
	// A caption (perhaps with the first header row) left alone at the foot
	// of a page: the grid on the next page is its table.
	if prev != nil && len(prev.Body) == 0 && t.Title == "" && t.Code == "" && len(before) == 0 &&
		page <= prev.Pages[len(prev.Pages)-1]+1 {
		t.Title, t.Code, t.Notes = prev.Title, prev.Code, append(prev.Notes, t.Notes...)
		if t.Unit == "" {
			t.Unit, t.Scale = prev.Unit, prev.Scale
		}
		t.Pages = append(slices.Clone(prev.Pages), t.Pages...)
		t.Pages = slices.Compact(t.Pages)
		(*out)[len(*out)-1] = t
		return t
	}
	if rows, skip := facingRows(prev, t, page); rows != nil {
		joinFacing(prev, t, rows, skip)
		return prev
	}
	{
		continued := prev != nil && t.Title == "" && t.Code == "" &&
			len(before) <= 1 && (len(before) == 0 || strings.Contains(before[0].Text, "续")) &&
			(len(t.Columns) == len(prev.Columns) || len(t.Columns) == prev.facing || aligned(prev, t)) &&
			page == prev.Pages[len(prev.Pages)-1]+1
		if prev != nil && !continued && strings.Contains(t.Title, "续表") && len(t.Columns) == len(prev.Columns) {
			continued = true
		}
		// The same title and number over the same header on the next page:
		// a long table that repeats its caption on every page (表12-1).
		if prev != nil && !continued && t.Title != "" && t.Title == prev.Title && t.Code == prev.Code &&
			page == prev.Pages[len(prev.Pages)-1]+1 && len(t.Columns) == len(prev.Columns) && sameHeader(prev.Header, t.Header) ||
			prev != nil && !continued && t.Title == prev.Title && t.Code == prev.Code && page == prev.Pages[len(prev.Pages)-1]+1 &&
				prev.facing > 0 && len(t.Columns) == prev.facing && sameHeader(prev.leftHeader, t.Header) {
			continued = true
		}
		if continued {
			stitch(prev, t)
			return prev
		}
		*out = append(*out, t)
		return t
	}
}

// splitAtTitles cuts a grid where a row holds nothing but a table title or
// number: PDF reconstruction can join the tail of one table and the next
// table into one grid when no text separates them.
func splitAtTitles(g *extract.Table) []*extract.Table {
	var out []*extract.Table
	from := 0
	captionsOnly := true // rows[from:r] are all caption rows
	for r := 0; r < len(g.Rows); r++ {
		var texts []string
		for c := range g.Rows[r] {
			if cell := &g.Rows[r][c]; !cell.Covered {
				if s := cellText(cell); s != "" && !slices.Contains(texts, s) {
					texts = append(texts, s)
				}
			}
		}
		caption := len(texts) == 1 && (isTitle(texts[0]) || codeRe.MatchString(texts[0]))
		if caption && !captionsOnly {
			out = append(out, &extract.Table{Rows: g.Rows[from:r]})
			from = r
		}
		captionsOnly = caption && (captionsOnly || from == r) || captionsOnly && len(texts) == 0
	}
	return append(out, &extract.Table{Rows: g.Rows[from:]})
}

// stitch appends a continuation to t: its rows after a repeated header,
// each cell moved to the column of t it lies under (PDF pages may split
// columns differently), and a row that the page break cut in two joined
// again (八、社会保障和就 | 业支出).
func stitch(t, cont *Table) {
	if p := cont.Pages[0]; !slices.Contains(t.Pages, p) {
		t.Pages = append(t.Pages, p)
	}
	rows := cont.grid
	header := t.Header
	if t.facing > 0 {
		header = t.leftHeader // a left-hand page repeats the left part's header
	}
	if cont.nHeader > 0 && sameHeader(header, cont.Header) {
		rows = rows[cont.nHeader:]
	}
	colOf := columnMap(t, cont)
	if (len(cont.Columns) == len(t.Columns) || len(cont.Columns) == t.facing) && cont.nHeader > 0 && sameHeader(header, cont.Header) {
		// The same header: column j is column j, whatever the geometry (a
		// page set rotated has its boxes turned).
		for j := range colOf {
			colOf[j] = j
		}
	}
	if len(cont.Columns) == t.facing {
		// The next left-hand page: its columns are the left part's.
		for j := range colOf {
			if colOf[j] < 0 {
				colOf[j] = j
			}
		}
	}
	for k, src := range rows {
		dst := make([]gridCell, len(t.Columns))
		for j, c := range src {
			if c.text == "" || colOf[j] < 0 {
				continue
			}
			to := colOf[j]
			if c.covered {
				// A cell merged down from the row above (a date and bond
				// kind printed once for several rows) keeps naming this
				// row, as on the table's first page.
				if d := &dst[to]; d.text == "" {
					*d = c
				}
				continue
			}
			if t.Columns[to].Role == AmountColumn && hasHan(c.text) {
				// A label centred in a cell that spans a label and an
				// amount column (当年支出小计 over 功能科目名称 | 金额 |
				// 项目名称) lies over the amount column: it belongs to the
				// text column on the left, where its row's labels are.
				for l := to - 1; l >= 0; l-- {
					if t.Columns[l].Role == TextColumn {
						if dst[l].text == "" {
							to = l
						}
						break
					}
				}
			}
			d := &dst[to]
			if d.text == "" || d.covered {
				*d = c
			} else {
				d.text += " " + c.text
			}
		}
		row := bodyRow(dst)
		if k == 0 && len(t.Body) > 0 && cutRow(&t.Body[len(t.Body)-1], &row) {
			t.label(&t.Body[len(t.Body)-1])
			continue
		}
		t.label(&row)
		t.Body = append(t.Body, row)
	}
	t.Notes = append(t.Notes, cont.Notes...)
	if t.Unit == "" && cont.Unit != "" {
		t.Unit, t.Scale = cont.Unit, cont.Scale
	}
}

func sameHeader(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if squeeze(strings.Join(a[i], "")) != squeeze(strings.Join(b[i], "")) {
			return false
		}
	}
	return true
}

// cutRow joins next onto last when next is the rest of a row cut by a page
// break: text only, in columns where last has text, not starting a new
// numbered item. It reports whether it joined.
func cutRow(last, next *Row) bool {
	found := false
	for j, c := range next.Cells {
		s := strings.TrimSpace(c.Text)
		if s == "" || c.Covered {
			continue
		}
		if c.IsAmount || j >= len(last.Cells) || strings.TrimSpace(last.Cells[j].Text) == "" ||
			numbered.MatchString(fold(s)) || subjCode.MatchString(fold(s)) {
			return false
		}
		found = true
	}
	if !found {
		return false
	}
	for j, c := range next.Cells {
		if s := strings.TrimSpace(c.Text); s != "" && !c.Covered {
			last.Cells[j].Text += s
		}
	}
	return true
}

// hasHan reports whether s has a Han character: a label, not an amount or
// a dash standing for zero.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

var numbered = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、])`)

// columnMap maps each column of cont to the column of t it lies under: the
// column whose text overlaps most (intersection over union);
// without boxes (not PDF) columns map one to one.
func columnMap(t, cont *Table) []int {
	out := make([]int, len(cont.Columns))
	tr, cr := xRanges(t.grid, len(t.Columns)), xRanges(cont.grid, len(cont.Columns))
	for j := range out {
		out[j] = -1
		c := cr[j]
		if c[1] <= c[0] {
			if len(cont.Columns) == len(t.Columns) {
				out[j] = j
			}
			continue
		}
		best := 0.1 // least intersection over union
		for k, r := range tr {
			inter := min(r[1], c[1]) - max(r[0], c[0])
			if r[1] <= r[0] || inter <= 0 {
				continue
			}
			if iou := inter / (max(r[1], c[1]) - min(r[0], c[0])); iou > best {
				out[j], best = k, iou
			}
		}
		if out[j] < 0 && len(cont.Columns) == len(t.Columns) {
			out[j] = j
		}
	}
	return out
}

// xRanges is the horizontal extent of the text of each column: from its
// single-column cells, or, for a column that has none, from the merged
// cells that start in it.
func xRanges(grid [][]gridCell, n int) [][2]float64 {
	single := make([][2]float64, n)
	spanning := make([][2]float64, n)
	grow := func(r *[2]float64, b *schema.BBox) {
		if r[1] <= r[0] {
			*r = [2]float64{b[0], b[2]}
		} else {
			*r = [2]float64{min(r[0], b[0]), max(r[1], b[2])}
		}
	}
	for _, row := range grid {
		for j, c := range row {
			if j >= n || c.covered || c.loc.BBox == nil || strings.TrimSpace(c.text) == "" {
				continue
			}
			if j+1 < len(row) && row[j+1].covered {
				grow(&spanning[j], c.loc.BBox)
			} else {
				grow(&single[j], c.loc.BBox)
			}
		}
	}
	for j := range single {
		if single[j][1] <= single[j][0] {
			single[j] = spanning[j]
		}
	}
	return single
}

// aligned reports whether most columns of cont lie under columns of t.
func aligned(t, cont *Table) bool {
	n, of := 0, 0
	ranges := xRanges(cont.grid, len(cont.Columns))
	for j, k := range columnMap(t, cont) {
		if ranges[j][1] > ranges[j][0] {
			of++
			if k >= 0 {
				n++
			}
		}
	}
	return n > 0 && n*4 >= of*3
}

// isTitle reports whether a line reads like a table caption.
func isTitle(s string) bool {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 60 || strings.ContainsAny(s, "。；;") {
		return false
	}
	s = trailingBracket.ReplaceAllString(s, "")
	return strings.HasSuffix(strings.TrimRight(s, "）)（( 0123456789一二三四五六七八九十"), "表") ||
		strings.Contains(s, "续表") || strings.HasSuffix(s, "情况表")
}

// labelOnly reports whether a row of a table without data rows is a body
// row rather than a row of headings: blank, or text in its first cell alone
// (合计 and its blank cells, merged over the cells beside it or not), or a
// cell of figures the data test does not take (1,234 567 run together, 320
// without separators).
func labelOnly(row []gridCell) bool {
	for j, c := range row {
		if j > 0 && !c.covered && figuresRe.MatchString(strings.TrimSpace(c.text)) {
			return true
		}
	}
	for j, c := range row {
		if j > 0 && !c.covered && strings.TrimSpace(c.text) != "" {
			return false
		}
	}
	return true
}

// figuresRe is a cell of figures only.
var figuresRe = regexp.MustCompile(`^[-—]?\d[\d,.\s]*$`)

// build understands one grid with the caption lines before it (nearest first).
func build(g *extract.Table, page int, before []*normalize.Line) *Table {
	t := &Table{Pages: []int{page}, Scale: decimal.NewFromInt(1)}
	grid := resolve(g)
	// Caption from the lines before the table.
	for _, l := range before {
		s := strings.TrimSpace(l.Text)
		if utf8.RuneCountInString(s) > 80 {
			break
		}
		if t.Title != "" {
			// Above the title only the table's number may follow.
			if t.Code == "" && codeRe.MatchString(s) {
				t.caption(s, false)
			}
			break
		}
		t.caption(s, true)
	}
	// Caption rows inside the table: a row with one distinct text.
	start := 0
	for start < len(grid) && start < 4 {
		texts := distinct(grid[start])
		if len(texts) == 0 {
			start++
			continue
		}
		joined := strings.Join(texts, " ")
		if len(texts) == 1 && (isTitle(texts[0]) || codeRe.MatchString(texts[0]) || unitRe.MatchString(texts[0])) ||
			unitRe.MatchString(joined) && !hasAmount(grid[start]) {
			for _, s := range texts {
				t.caption(s, t.Title == "")
			}
			start++
			continue
		}
		break
	}
	if u := t.Unit; u != "" {
		t.Scale = decimal.NewFromInt(unitScale[u])
	}
	// Header rows: up to the first row that holds data.
	end := start
	for end < len(grid) && !isData(grid[end]) {
		end++
	}
	if end == len(grid) {
		// No data: an empty table. Its header is the rows of headings up
		// to the first blank row or the first row that is only a label
		// (合计 with its cells left blank): a two-level header keeps its
		// 预算数/决算数, so a blank cell can be named by its column.
		end = start
		for end < len(grid) && !labelOnly(grid[end]) {
			end++
		}
		end = max(end, min(start+1, len(grid)))
	}
	if end > start && end < len(grid) && headerLike(grid[end-1]) {
		joinWrappedHeader(grid[end-1], grid[end])
	}
	t.grid, t.nHeader = grid[start:], end-start
	for r := start; r < end; r++ {
		row := make([]string, len(grid[r]))
		for j, c := range grid[r] {
			row[j] = c.text
		}
		t.Header = append(t.Header, row)
	}
	ncol := 0
	for _, r := range grid {
		ncol = max(ncol, len(r))
	}
	t.Columns = make([]Column, ncol)
	for j := range ncol {
		t.Columns[j].Path = headerPath(t.Header, j)
	}
	// Body rows.
	for r := end; r < len(grid); r++ {
		t.Body = append(t.Body, bodyRow(grid[r]))
	}
	t.Loc = extract.Loc{Page: page, Line: 1}
	for _, row := range grid {
		for _, c := range row {
			if c.loc.Page != 0 && t.Loc.Line <= 1 {
				t.Loc = c.loc
			}
		}
		if t.Loc.Line > 1 {
			break
		}
	}
	t.roles()
	t.inheritPaths()
	t.typeColumns()
	for i := range t.Body {
		t.label(&t.Body[i])
	}
	return t
}

// headerPath is the header path of column j: the header rows' texts over
// it, outermost first, without blanks, column numbers and repeats.
func headerPath(header [][]string, j int) []string {
	var path []string
	for _, row := range header {
		if j >= len(row) {
			continue
		}
		s := cleanHeader(row[j])
		if s == "" || isOrdinalNumber(s) || len(path) > 0 && path[len(path)-1] == s {
			continue
		}
		path = append(path, s)
	}
	return path
}

// joinWrappedHeader moves into the header the text of the first body row
// that is the end of a header cell wrapped out of its box (采购组织形 over
// 式, the 式 printed in the 合计 row's band): a cell of the row, not a
// number, that lies within the x-range of the header text above it, closer
// below it than half a line, and higher than the row's own text. Such text
// is part of the header, never a row label. Only positioned text (PDF) can
// overflow a cell; without boxes nothing moves.
func joinWrappedHeader(header, first []gridCell) {
	top := math.Inf(1) // the top of the row's own text: its highest filled cell that is not a candidate
	wrapped := make([]bool, len(first))
	for j, c := range first {
		if c.covered || strings.TrimSpace(c.text) == "" || c.loc.BBox == nil {
			continue
		}
		if j < len(header) && wrapsHeader(header[j], c) {
			wrapped[j] = true
			continue
		}
		top = min(top, c.loc.BBox[1])
	}
	for j, c := range first {
		if !wrapped[j] {
			continue
		}
		b, h := c.loc.BBox, header[j].loc.BBox
		if top-b[1] < 0.25*(b[3]-b[1]) {
			continue // level with its row: the row's own text
		}
		for k := range header {
			if header[k].loc.BBox == h {
				header[k].text += strings.TrimSpace(c.text)
			}
		}
		first[j] = gridCell{hidden: c.hidden}
	}
}

// headerLike reports whether a row taken for a header row reads as one: it
// names several columns and holds no number but column numbers (1 2 3 …).
// A row of labels or of indicator values above the first amounts (a table
// whose first rows hold no money) is body text taken for a header.
func headerLike(row []gridCell) bool {
	for _, c := range row {
		if s := fold(c.text); isAmountText(s) && !isOrdinalNumber(s) {
			return false
		}
	}
	return len(distinct(row)) > 1
}

// wrapsHeader reports whether body cell c sits where the wrapped end of
// header cell h would: just below h's text, within its x-range, not a
// number.
func wrapsHeader(h, c gridCell) bool {
	hb, cb := h.loc.BBox, c.loc.BBox
	if hb == nil || h.text == "" || isAmountText(c.text) || !names(c.text) {
		return false
	}
	const slack = 1.0     // points
	line := cb[3] - cb[1] // one line: the header cell may hold several
	gap := cb[1] - hb[3]
	return cb[0] >= hb[0]-slack && cb[2] <= hb[2]+slack && gap > -slack && gap < 0.5*line
}

// isAmountText reports whether s reads as a number cell.
func isAmountText(s string) bool {
	_, _, ok := parseAmount(s)
	return ok
}

func bodyRow(cells []gridCell) Row {
	row := Row{}
	for _, c := range cells {
		cell := Cell{Text: c.text, Loc: c.loc, Covered: c.covered, Hidden: c.hidden}
		if !c.covered {
			cell.Amount, cell.Places, cell.IsAmount = parseAmount(c.text)
		}
		row.Cells = append(row.Cells, cell)
	}
	return row
}

// caption takes what a caption line says: unit, table number, title.
func (t *Table) caption(s string, title bool) {
	if m := unitRe.FindStringSubmatch(s); m != nil {
		if t.Unit == "" {
			t.Unit = m[1]
		}
		s = strings.TrimSpace(strings.Replace(s, m[0], "", 1))
	}
	// "支出预算总表 部门：江苏省政协办公厅": the title before the 部门 line.
	if loc := deptRe.FindStringIndex(s); loc != nil {
		s = strings.TrimSpace(s[:loc[0]])
	}
	if s == "" {
		return
	}
	if m := codeRe.FindString(s); m != "" {
		if t.Code == "" {
			t.Code = strings.TrimSpace(m)
		}
		s = strings.TrimSpace(s[len(m):])
	}
	s = strings.TrimLeft(s, ":：、. ")
	if title && t.Title == "" && isTitle(s) {
		t.Title = s
	}
}

// gridCell is a grid position with its owner's text.
type gridCell struct {
	text    string
	loc     extract.Loc
	covered bool
	hidden  bool
}

// resolve gives every grid position the text of the merged cell covering
// it, so that header paths and labels read the same whatever the merge.
func resolve(g *extract.Table) [][]gridCell {
	out := make([][]gridCell, len(g.Rows))
	for r, row := range g.Rows {
		out[r] = make([]gridCell, len(row))
		for c := range row {
			out[r][c].covered = row[c].Covered
			out[r][c].hidden = row[c].Hidden
		}
	}
	for r, row := range g.Rows {
		for c := range row {
			cell := &row[c]
			if cell.Covered {
				continue
			}
			text := cellText(cell)
			var loc extract.Loc
			if len(cell.Lines) > 0 {
				loc = cellLoc(cell.Lines)
			}
			for dr := range max(cell.RowSpan, 1) {
				for dc := range max(cell.ColSpan, 1) {
					rr, cc := r+dr, c+dc
					if rr < len(out) && cc < len(out[rr]) && (dr == 0 && dc == 0 || out[rr][cc].covered) {
						out[rr][cc].text = text
						out[rr][cc].loc = loc
					}
				}
			}
		}
	}
	return out
}

// cellText joins the lines of a cell. A narrow column wraps a label
// anywhere (收入合|计, 公共财政拨款(补助)|资金): lines meet without a space
// unless both sides are Latin letters or digits, where the wrap was a
// space between words.
func cellText(c *extract.Cell) string {
	var sb strings.Builder
	for _, l := range c.Lines {
		s := strings.TrimSpace(l.Text)
		if s == "" {
			continue
		}
		if sb.Len() > 0 {
			prev, _ := utf8.DecodeLastRuneInString(sb.String())
			next, _ := utf8.DecodeRuneInString(s)
			if latin(prev) && latin(next) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(s)
	}
	return sb.String()
}

// latin reports whether r is an ASCII letter or digit.
func latin(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// cellLoc is the first line's location with a box around all lines.
func cellLoc(ls []extract.Line) extract.Loc {
	loc := ls[0].Loc
	if loc.BBox != nil {
		b := *loc.BBox
		for _, l := range ls[1:] {
			if l.Loc.BBox != nil && l.Loc.Page == loc.Page {
				b = b.Union(*l.Loc.BBox)
			}
		}
		loc.BBox = &b
	}
	return loc
}

func distinct(row []gridCell) []string {
	var out []string
	for _, c := range row {
		if s := strings.TrimSpace(c.text); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func hasAmount(row []gridCell) bool {
	for _, c := range row {
		if _, places, ok := parseAmount(c.text); ok && (places > 0 || strings.Contains(c.text, ",")) {
			return true
		}
	}
	return false
}

// isData reports whether a row holds data rather than header text: an
// amount shown with decimals or separators, a classification code, or a
// total label.
func isData(row []gridCell) bool {
	if hasAmount(row) || labelledNumbers(row) || numbersOnly(row) {
		return true
	}
	for _, c := range row {
		s := fold(c.text)
		if s == "" {
			continue
		}
		if subjCode.MatchString(s) && len(s) >= 3 {
			return true
		}
		// Only the row's first text can be a total or a numbered label
		// (合计 elsewhere is a column header), and only when no other
		// text follows: 合计|基本支出|项目支出 is a header row.
		k := squeeze(s)
		if !(k == "合计" || k == "总计" || strings.HasPrefix(k, "(一)合计") || strings.HasPrefix(k, "一、")) {
			return false
		}
		n := 0
		for _, o := range row {
			if o.text != "" && !o.covered {
				n++
			}
		}
		return n == 1
	}
	return false
}

// numbersOnly reports whether a row is two or more whole numbers and
// nothing else (the right-hand page of a table printed across facing
// pages), not column numbers 1, 2, 3 … nor years (2024 | 2025).
func numbersOnly(row []gridCell) bool {
	nums, seq, years := 0, true, true
	for _, c := range row {
		s := fold(c.text)
		if c.covered || s == "" || dash(s) {
			continue
		}
		v, _, ok := parseAmount(s)
		if !ok {
			return false
		}
		nums++
		seq = seq && v.IntPart() == int64(nums)
		years = years && v.IsInteger() && v.IntPart() >= 1990 && v.IntPart() <= 2100
	}
	return nums >= 2 && !seq && !years
}

// headerWord marks a header row's label cell even when numbers follow it
// (栏次 | 1 | 2 | 3, 金额单位：万元 | 2024 …).
var headerWord = regexp.MustCompile(`栏次|行次|序号|单位|^[甲乙丙丁]$|项目|科目|名称|年度?$`)

// labelledNumbers reports whether a row is a label (or labels in several
// columns: 全市 | 一般债券 | 合计) followed by whole numbers (5,920 written
// 5920 in many government-wide tables) that are not column numbers 1, 2, 3 ….
func labelledNumbers(row []gridCell) bool {
	label, nums, seq := false, 0, true
	for _, c := range row {
		if c.covered {
			continue
		}
		s := fold(c.text)
		if s == "" {
			continue
		}
		if v, _, ok := parseAmount(s); ok {
			nums++
			seq = seq && v.IntPart() == int64(nums)
			continue
		}
		if nums > 0 && dash(s) {
			continue // — for nothing, among the numbers
		}
		if nums > 0 || !hasHan(s) || headerWord.MatchString(squeeze(s)) {
			return false
		}
		label = true
	}
	return label && nums > 0 && !seq
}

// dash reports whether s is only dashes: a cell that says "nothing" (—,
// －, --) where a number would be.
func dash(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.Trim(s, "-—–－―") == ""
}

// parseAmount reads a number as displayed in a table cell.
func parseAmount(s string) (decimal.Decimal, int32, bool) {
	v := fold(s)
	v = strings.ReplaceAll(v, "−", "-")
	v = strings.TrimSuffix(v, "%") // a percent column's 15.30% (typed by its column)
	if !spacedDigitsOK(strings.TrimSuffix(strings.TrimSpace(s), "%")) {
		return decimal.Decimal{}, 0, false // two numbers, not one
	}
	v = strings.ReplaceAll(v, " ", "")
	m := amountRe.FindStringSubmatch(v)
	if m == nil {
		return decimal.Decimal{}, 0, false
	}
	d, err := decimal.NewFromString(strings.ReplaceAll(v, ",", ""))
	if err != nil {
		return decimal.Decimal{}, 0, false
	}
	return d, int32(len(m[1])), true
}

// spacedDigitsOK reports whether the spaces between digits of s can be
// inside one number (1 234 567, letter-spaced thousands): every group after
// the first has three digits. "141 142 29" is three numbers.
func spacedDigitsOK(s string) bool {
	groups := strings.Fields(s)
	if len(groups) < 2 {
		return true
	}
	for _, g := range groups[1:] {
		digits, _, _ := strings.Cut(g, ".")
		if utf8.RuneCountInString(strings.TrimLeft(digits, ",，")) != 3 && !strings.HasPrefix(g, ".") && !strings.HasPrefix(g, ",") {
			return false
		}
	}
	return true
}

func fold(s string) string { return strings.TrimSpace(textnorm.Fold(s).Text) }

// squeeze removes all white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

func cleanHeader(s string) string { return squeeze(fold(s)) }

// isOrdinalNumber reports whether a header cell is a column number of a
// 栏次 row (1, 2, 3 …) rather than a name.
func isOrdinalNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil && len(s) <= 3 || s == "栏次"
}

// roles decides what each column holds from its header and its cells.
func (t *Table) roles() {
	blank := make([]bool, len(t.Columns)) // columns without a filled cell
	for j := range t.Columns {
		c := &t.Columns[j]
		path := strings.Join(c.Path, "/")
		var amounts, codes, texts int
		longCodes := 0 // 款 or 项 codes (5 or 7 digits): small integers alone are no codes
		for _, r := range t.Body {
			if j >= len(r.Cells) || r.Cells[j].Covered || r.Cells[j].Hidden {
				continue
			}
			s := fold(r.Cells[j].Text)
			switch {
			case s == "" || dash(s): // — says "nothing", in any column
			case subjCode.MatchString(s) || len(s) == 2 && isDigits(s) && strings.Contains(path, "款") || len(s) == 2 && isDigits(s) && strings.Contains(path, "项"):
				codes++
				if len(s) > 3 || len(s) == 2 {
					longCodes++
				}
			case r.Cells[j].IsAmount:
				amounts++
			default:
				texts++
			}
		}
		switch {
		case ordinalRe.MatchString(path) || amounts > 1 && t.counting(j):
			c.Role = OrdinalColumn
		case strings.Contains(path, "编码") || strings.Contains(path, "代码") || last(c.Path) == "类" || last(c.Path) == "款" || last(c.Path) == "项":
			c.Role = CodeColumn
		case codes >= 2 && codes >= amounts && codes >= texts && !amountHeader(path) && longCodes > 0 && !t.labelsLeftOf(j):
			// Codes are printed before the names they code: a column of
			// code-like integers right of the row labels is amounts (a
			// city's column of 万元, 2001 … 655).
			c.Role = CodeColumn
		case amounts+codes > 0 && amounts+codes >= texts:
			c.Role = AmountColumn // a lone 237 in an amount column is an amount
		case amounts == 0 && texts == 0 && codes == 0 && amountHeader(path):
			c.Role = AmountColumn // an empty table's amount columns
		}
		blank[j] = amounts+codes+texts == 0
	}
	// A column with no filled cell between two amount columns is one more
	// amount column (高新区 with nothing transferred to it): read as text it
	// would end the row's parts there.
	for j := 1; j+1 < len(t.Columns); j++ {
		if blank[j] && t.Columns[j].Role == TextColumn && t.Columns[j-1].Role == AmountColumn && t.Columns[j+1].Role == AmountColumn {
			t.Columns[j].Role = AmountColumn
		}
	}
}

// labelsLeftOf reports whether a column left of j holds row labels: text
// that is not a code or an amount in most of its cells.
func (t *Table) labelsLeftOf(j int) bool {
	for k := 0; k < j; k++ {
		if t.Columns[k].Role != TextColumn {
			continue
		}
		texts, filled := 0, 0
		for _, r := range t.Body {
			if k >= len(r.Cells) || r.Cells[k].Covered || r.Cells[k].Hidden {
				continue
			}
			s := fold(r.Cells[k].Text)
			if s == "" {
				continue
			}
			filled++
			if !r.Cells[k].IsAmount && !subjCode.MatchString(s) {
				texts++
			}
		}
		if filled > 0 && texts*2 > filled {
			return true
		}
	}
	return false
}

// inheritPaths gives an amount column without a header the path of the
// adjacent amount column that has one: a reconstructed PDF grid may split
// the column under one header (金额) in two.
func (t *Table) inheritPaths() {
	for j := range t.Columns {
		c := &t.Columns[j]
		if c.Role != AmountColumn || len(c.Path) > 0 {
			continue
		}
		for _, k := range []int{j - 1, j + 1, j - 2, j + 2} {
			if k >= 0 && k < len(t.Columns) && len(t.Columns[k].Path) > 0 &&
				(t.Columns[k].Role == AmountColumn || t.Columns[k].Role == TextColumn && amountHeader(strings.Join(t.Columns[k].Path, "/"))) {
				c.Path = t.Columns[k].Path
				break
			}
		}
	}
}

// counting reports whether column j holds row numbers (1, 2, 3 … without
// decimals or separators, one after the other), as an unnamed 行次 column
// does.
func (t *Table) counting(j int) bool {
	prev := -1
	for _, r := range t.Body {
		if j >= len(r.Cells) || r.Cells[j].Covered {
			continue
		}
		s := fold(r.Cells[j].Text)
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n <= prev || prev >= 0 && n != prev+1 {
			return false // row numbers run 1, 2, 3 …
		}
		prev = n
	}
	return prev >= 0
}

// names reports whether s has a Chinese character or a letter: a name,
// not only digits, dates and signs.
func names(s string) bool {
	return strings.ContainsFunc(s, func(c rune) bool { return unicode.Is(unicode.Han, c) || unicode.IsLetter(c) })
}

func last(p []string) string {
	if len(p) == 0 {
		return ""
	}
	return p[len(p)-1]
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func amountHeader(path string) bool {
	for _, w := range []string{"合计", "金额", "支出", "收入", "小计", "数", "经费", "资金", "预算"} {
		if strings.Contains(path, w) && !strings.Contains(path, "名称") && !strings.Contains(path, "项目") {
			return true
		}
	}
	return false
}

// label sets a body row's code, label and note flag. The label is the
// first text cell that names something (has a Chinese character or a
// letter: a date column before the names does not name the row); when the
// row's own text cells are all covered by a cell merged down from a row
// above (发行日期 and 债券种类 printed once for the bonds of one day), the
// merged cell nearest the numbers names it; else the first text cell.
func (t *Table) label(r *Row) {
	var codes []string
	var first, covered string
	for j, c := range r.Cells {
		s := fold(c.Text)
		if s == "" {
			continue
		}
		text := t.Columns[j].Role == TextColumn || t.Columns[j].Role == CodeColumn && !c.IsAmount
		if c.Covered {
			if text && names(s) {
				covered = strings.TrimSpace(c.Text)
			}
			continue
		}
		if t.Columns[j].Role == CodeColumn && isDigits(s) {
			codes = append(codes, s)
			continue
		}
		if !text {
			continue
		}
		if first == "" {
			first = strings.TrimSpace(c.Text)
		}
		if r.Label == "" && names(s) {
			r.Label = strings.TrimSpace(c.Text)
		}
	}
	if r.Label == "" {
		r.Label = covered
	}
	if r.Label == "" {
		r.Label = first
	}
	r.Code = joinCode(codes)
	if l := squeeze(fold(r.Label)); strings.HasPrefix(l, "注") || emptyRe.MatchString(l) {
		r.Note = true
	}
	r.Count = countRe.MatchString(fold(r.Label))
}

// joinCode makes one classification code of a row's code cells: a full
// code as written, or 类/款/项 parts (201 | 04 | 01 → 2010401).
func joinCode(parts []string) string {
	switch {
	case len(parts) == 0:
		return ""
	case len(parts[0]) == 3 && len(parts) > 1 && len(parts[1]) <= 2:
		// 款 and 项 are two digits; a one-digit part is a typo for 0n
		// (301 | 2 津贴补贴 in shanghai_putuo_wanlijiedao_2024).
		s := parts[0]
		for _, p := range parts[1:] {
			if len(p) > 2 {
				break
			}
			s += strings.Repeat("0", 2-len(p)) + p
		}
		return s
	}
	return parts[0]
}

// Subject returns the label of amount cell j of row r: the nearest text
// cell to its left (for side-by-side tables, the label of its own side) —
// or, when that text is an attribute of the row's thing, the cell that
// names the thing (see rowlabel.go) — and the code nearest left of that
// label.
func (t *Table) Subject(r *Row, j int) (subject, code string) {
	k := j - 1
	for ; k >= 0; k-- {
		c := r.Cells[k]
		if c.Covered || strings.TrimSpace(c.Text) == "" || dash(fold(c.Text)) {
			continue // — says "nothing" where a number would be: it names nothing
		}
		// Any text that is not a number or a code names the amount: a
		// label centred in a wide merged cell may sit over an amount
		// column of another page.
		role := t.Columns[k].Role
		if role == CodeColumn && !isDigits(fold(c.Text)) && !c.IsAmount {
			subject = strings.TrimSpace(c.Text) // 合计 merged over the code column
			break
		}
		if role != CodeColumn && role != OrdinalColumn && !c.IsAmount {
			subject = strings.TrimSpace(c.Text)
			break
		}
		if role == CodeColumn && code == "" {
			code = fold(c.Text)
		}
	}
	if subject == "" && code == "" {
		return r.Label, r.Code
	}
	if m := t.itemCell(r, k); m != k {
		// An attribute (采购组织形式, 项目类型) nearest the amount: the
		// column that names the row's thing names it.
		k, subject = m, strings.TrimSpace(r.Cells[m].Text)
	}
	// A code column left of the label (类/款/项 parts joined).
	var codes []string
	for m := k - 1; m >= 0; m-- {
		c := r.Cells[m]
		if c.Covered || strings.TrimSpace(c.Text) == "" {
			continue
		}
		if t.Columns[m].Role != CodeColumn {
			if len(codes) > 0 {
				break
			}
			continue
		}
		codes = append([]string{fold(c.Text)}, codes...)
	}
	if len(codes) > 0 {
		code = joinCode(codes)
	}
	return subject, code
}

// AmountCells calls fn for every amount cell of the body: row index, column
// index, its subject and code.
func (t *Table) AmountCells(fn func(i, j int, subject, code string)) {
	for i := range t.Body {
		r := &t.Body[i]
		if r.Note || r.Count {
			continue
		}
		for j, c := range r.Cells {
			if !c.IsAmount || c.Hidden || j >= len(t.Columns) || t.Columns[j].Role != AmountColumn ||
				strings.HasSuffix(strings.TrimSpace(c.Text), "%") {
				continue
			}
			s, code := t.Subject(r, j)
			fn(i, j, s, code)
		}
	}
}

// Empty reports whether the table has no amount at all.
func (t *Table) Empty() bool {
	empty := true
	t.AmountCells(func(i, j int, _, _ string) { empty = false })
	return empty
}

// Schema renders t in the contract.
func (t *Table) Schema() schema.Table {
	st := schema.Table{ID: t.ID, Title: t.Title, Unit: t.Unit, Pages: t.Pages, Loc: t.Loc,
		Kind: string(t.Kind), Code: t.Code, HeaderRows: len(t.Header)}
	for _, h := range t.Header {
		st.Rows = append(st.Rows, slices.Clone(h))
	}
	for _, r := range t.Body {
		row := make([]string, len(r.Cells))
		for j, c := range r.Cells {
			if !c.Covered {
				row[j] = c.Text
			}
		}
		st.Rows = append(st.Rows, row)
	}
	for i, r := range t.Body {
		if len(r.Cells) > 0 && !slices.ContainsFunc(r.Cells, func(c Cell) bool { return !c.Hidden }) {
			st.HiddenRows = append(st.HiddenRows, len(t.Header)+i)
		}
	}
	for j := range t.Columns {
		st.Columns = append(st.Columns, t.Path(j))
		st.ColumnKinds = append(st.ColumnKinds, string(t.Columns[j].Kind))
	}
	if st.Pages == nil {
		st.Pages = []int{}
	}
	if st.Rows == nil {
		st.Rows = [][]string{}
	}
	return st
}

// Facts returns a money fact for every amount cell of t, with IDs from
// next on (f{next}, f{next+1} …).
func (t *Table) Facts(next int) []schema.Fact {
	var out []schema.Fact
	t.AmountCells(func(i, j int, subject, code string) {
		c := t.Body[i].Cells[j]
		var entity string
		if s, e, ok := t.oneRowSubject(j, t.Body[i].Label); ok {
			subject, entity = s, e
		}
		// 合    计: a label spaced out to its cell's width is the same name
		subject, entity = textnorm.Squeeze(subject), textnorm.Squeeze(entity)
		out = append(out, schema.Fact{
			ID:        "f" + strconv.Itoa(next+len(out)),
			Kind:      schema.FactMoney,
			Subject:   subject,
			Entity:    entity,
			Value:     t.Yuan(c).String(),
			Unit:      "CNY",
			Text:      c.Text,
			Dimension: t.Path(j),
			Table:     t.ID,
			Code:      code,
			Row:       len(t.Header) + i + 1,
			Col:       j + 1,
			Loc:       c.Loc,
			Change:    t.change(i, j),
		})
		if f := &out[len(out)-1]; f.Change != nil && f.Change.Value != "" {
			delta, _ := decimal.NewFromString(f.Change.Value)
			f.Prior = t.Yuan(c).Sub(delta).String()
		}
	})
	return out
}
