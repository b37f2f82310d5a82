package tables

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/schema"
)

// ColumnKind says what the numbers of a column are. Only money columns
// give money facts and take part in the sum checks; the others are read
// as numbers of their kind.
type ColumnKind string

// The column kinds. The values appear in the contract
// (tables[].column_kinds) and must not change.
const (
	KindText      ColumnKind = "text"      // names and labels
	KindMoney     ColumnKind = "money"     // amounts in the table's unit
	KindPercent   ColumnKind = "percent"   // 比上年增长%, 所占比重%, 决算数为预算数的%
	KindPoints    ColumnKind = "points"    // 增减百分点
	KindRate      ColumnKind = "rate"      // 利率, 费率, 税率
	KindCount     ColumnKind = "count"     // 个数, 人数, （个）
	KindYears     ColumnKind = "years"     // 期限（年）, 年限
	KindCode      ColumnKind = "code"      // 科目编码, 类/款/项
	KindOrdinal   ColumnKind = "ordinal"   // 行次, 序号
	KindIndicator ColumnKind = "indicator" // 指标值, 目标值
	KindDate      ColumnKind = "date"      // 发行日期 (a text column)
	KindChange    ColumnKind = "change"    // 增减额: a change in the table's unit
)

// headerKinds decide a number column's kind from its header path; the
// first that matches wins, so the narrower kinds come first.
var headerKinds = []struct {
	re   *regexp.Regexp
	kind ColumnKind
}{
	{regexp.MustCompile(`百分点`), KindPoints},
	{regexp.MustCompile(`利率|费率|税率|收益率`), KindRate},
	{regexp.MustCompile(`[%％‰]|百分比|比重|占比|比例|增长率|增幅|增速|降幅|完成率|执行率|[为占].*的?比`), KindPercent},
	{regexp.MustCompile(`增、?减(?:额|数|金额|$|/金额)|增加额`), KindChange},
	{regexp.MustCompile(`期限|年限|[(（]年[)）]`), KindYears},
	{regexp.MustCompile(`指标值|目标值|指标数`), KindIndicator},
	{regexp.MustCompile(`个数|人数|户数|笔数|次数|数量|[(（](?:个|人|户|笔|次|家|项|辆|台|套|所|只|支)[)）]`), KindCount},
}

// numberKind is the kind of a number column with header path path.
func numberKind(path string) ColumnKind {
	for _, h := range headerKinds {
		if h.re.MatchString(path) {
			return h.kind
		}
	}
	return KindMoney
}

// kindOf is the kind of column j, from its role and header.
func (t *Table) kindOf(j int) ColumnKind {
	c := t.Columns[j]
	switch c.Role {
	case CodeColumn:
		return KindCode
	case OrdinalColumn:
		return KindOrdinal
	case AmountColumn, ValueColumn:
		k := numberKind(strings.Join(c.Path, "/"))
		if (k == KindCount || k == KindYears) && !t.smallWholeNumbers(j, k) {
			k = KindMoney // 车辆数（辆） over a form's amounts: the header is not the column's
		}
		if k == KindMoney && t.percentCells(j) {
			k = KindPercent
		}
		return k
	}
	if dateHeader.MatchString(strings.Join(c.Path, "/")) {
		return KindDate
	}
	return KindText
}

// typeColumns gives every column its kind; number columns that do not
// hold money become value columns.
func (t *Table) typeColumns() {
	for j := range t.Columns {
		k := t.kindOf(j)
		t.Columns[j].Kind = k
		if t.Columns[j].Role == AmountColumn && k != KindMoney {
			t.Columns[j].Role = ValueColumn
		}
	}
}

var dateHeader = regexp.MustCompile(`日期|时间`)

// smallWholeNumbers reports whether the numbers of column j can be counts
// (whole) or terms in years (whole or halves, at most 100).
func (t *Table) smallWholeNumbers(j int, k ColumnKind) bool {
	for _, r := range t.Body {
		if j >= len(r.Cells) || !r.Cells[j].IsAmount || r.Cells[j].Hidden {
			continue
		}
		a := r.Cells[j].Amount
		if k == KindCount && !a.IsInteger() {
			return false
		}
		if k == KindYears && (a.GreaterThan(decimal.NewFromInt(100)) || !a.Mul(decimal.NewFromInt(2)).IsInteger()) {
			return false
		}
	}
	return true
}

// percentCells reports whether the numbers of column j are written with %.
func (t *Table) percentCells(j int) bool {
	n, pct := 0, 0
	for _, r := range t.Body {
		if j < len(r.Cells) && r.Cells[j].IsAmount {
			n++
			if strings.HasSuffix(strings.TrimSpace(r.Cells[j].Text), "%") {
				pct++
			}
		}
	}
	return pct > 0 && pct*2 >= n
}

// yoyHeader marks a column of year-over-year changes (比上年增长%, 增长%,
// 执行数比上年+,-%, 增减额); a share of last year (决算数为上年决算数的%) is
// not one.
var (
	yoyHeader = regexp.MustCompile(`比上年|较上年|同比|增长|增减|增幅|[+＋]\s*[,，、]?\s*[-－]`)
	yoyBase   = regexp.MustCompile(`[比较](上年[^%％增减+＋,，]*|\d{4}年[^%％增减+＋,，]*)`)
)

// changeColumn returns the column holding the year-over-year change of
// money column j: a YoY column whose header names j's amount (执行数比上年+,-%
// is the change of 执行数, even with 上年决算数 printed between them), else
// the nearest change or YoY percent column to its right before the next
// money column unless its header names another column's amount; -1 if none.
func (t *Table) changeColumn(j int) int {
	own := strings.Join(t.Columns[j].Path, "/")
	for k := j + 1; k < len(t.Columns); k++ {
		if t.isYoY(k) {
			if o := yoyOwner(t.Columns[k].Path); o != "" && strings.Contains(own, o) {
				return k
			}
		}
	}
	for k := j + 1; k < len(t.Columns); k++ {
		if t.Columns[k].Kind == KindMoney {
			return -1
		}
		if t.isYoY(k) {
			if o := yoyOwner(t.Columns[k].Path); o != "" && !strings.Contains(own, o) && t.namesAmount(o) {
				return -1 // the change of another column's amount
			}
			return k
		}
	}
	return -1
}

// isYoY reports whether column k holds year-over-year changes.
func (t *Table) isYoY(k int) bool {
	c := t.Columns[k]
	path := strings.Join(c.Path, "/")
	return (c.Kind == KindChange || c.Kind == KindPercent) && yoyHeader.MatchString(path) && !strings.Contains(path, "为上年")
}

// yoyOwnerRE takes the amount a YoY header compares (执行数 in 执行数比上年+,-%,
// 预算数 in 2026年预算数比2025年执行数增减): the words before 比/较.
var yoyOwnerRE = regexp.MustCompile(`^(?:\d{4}年度?)?(\p{Han}{1,8}?)[比较]`)

// yoyOwner returns the amount a YoY column's header names, or "".
func yoyOwner(path []string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if m := yoyOwnerRE.FindStringSubmatch(strings.Join(strings.Fields(path[i]), "")); m != nil {
			return m[1]
		}
	}
	return ""
}

// namesAmount reports whether some money column's header contains o.
func (t *Table) namesAmount(o string) bool {
	for _, c := range t.Columns {
		if c.Kind == KindMoney && strings.Contains(strings.Join(c.Path, "/"), o) {
			return true
		}
	}
	return false
}

// change is the year-over-year change of the amount in cell (i, j), from
// the row's change column; nil when there is none.
func (t *Table) change(i, j int) *schema.Change {
	k := t.changeColumn(j)
	if k < 0 || k >= len(t.Body[i].Cells) {
		return nil
	}
	c := t.Body[i].Cells[k]
	if !c.IsAmount || c.Hidden {
		return nil
	}
	ch := &schema.Change{Text: strings.TrimSpace(c.Text), Base: "上年"}
	if m := yoyBase.FindStringSubmatch(strings.Join(t.Columns[k].Path, "")); m != nil {
		ch.Base = strings.TrimRight(m[1], "的")
	}
	switch c.Amount.Sign() {
	case 1:
		ch.Direction = "increase"
	case -1:
		ch.Direction = "decrease"
	default:
		ch.Direction = "flat"
	}
	if t.Columns[k].Kind == KindChange {
		ch.Value = c.Amount.Mul(t.Scale).String()
	} else {
		ch.Percent = c.Amount.String()
	}
	return ch
}
