package tables

import (
	"regexp"
	"strings"
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
	KindDate      ColumnKind = "date"      // 发行日期
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
	{regexp.MustCompile(`期限|年限|[(（]年[)）]`), KindYears},
	{regexp.MustCompile(`指标值|目标值|指标数`), KindIndicator},
	{regexp.MustCompile(`日期|时间`), KindDate},
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
		if k := numberKind(strings.Join(c.Path, "/")); k != KindMoney {
			return k
		}
		if t.percentCells(j) {
			return KindPercent
		}
		return KindMoney
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
