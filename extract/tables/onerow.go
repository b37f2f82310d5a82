package tables

import (
	"regexp"
	"strings"
)

// One-row tables.
//
// A table with a single data row lists several amounts of one thing side
// by side: the columns are the figures (债务限额 | 债务余额, 合计 | 基本支出 |
// 项目支出) and the row, when it has a label at all, says whose they are
// (衡阳市, 固原市本级). A reader labels such an amount by its column header,
// not by the row (issue 12: "one-row tables: the column header is the
// subject"). That holds when the row has no label, or when the label column
// is headed as a place or a body (地区, 单位名称 …); a one-row table whose
// label names an item (国有资本经营预算转移支付 over columns of districts, or
// the last row of a table continued from the page before) keeps the row
// label as its subject.

// regionHeaderRe matches a column header naming places (地区, 区划名称,
// 县（市、区）); bodyHeaderRe one naming bodies (单位名称, 部门).
var (
	regionHeaderRe = regexp.MustCompile(`^(?:地区|地区名称|区域|区划|区划名称|行政区划|[县市区旗]{2,3}|[县市区][(（][县市区、]+[)）])$`)
	bodyHeaderRe   = regexp.MustCompile(`^(?:单位|单位名称|部门|部门名称|预算单位)$`)
)

// RegionHeader reports whether a column header (white space aside) names
// places: the rows under it are regions.
func RegionHeader(h string) bool { return regionHeaderRe.MatchString(squeeze(fold(h))) }

// headerFillerRe matches header levels that do not name an amount: totals of
// a group (小计 names the group above it), formula and letter labels
// (A=B+C, B), and the 其中 marker.
var headerFillerRe = regexp.MustCompile(`^(?:小计|合计|总计|[A-Z](?:[=＝][A-Z+＋\-－]+)?|其中[:：]?)$`)

// headerYearRe matches a leading year; group 1 is set when the year is
// followed by 初/末/底, which date the amount and stay.
var headerYearRe = regexp.MustCompile(`^(?:19|20)\d{2}年度?((?:初|末|底))?`)

// dataRows counts the body rows that hold data (not notes).
func (t *Table) dataRows() int {
	n := 0
	for _, r := range t.Body {
		if !r.Note {
			n++
		}
	}
	return n
}

// rowsNameEntities reports whether the table's label column is headed as a
// place or body: its rows say whose the amounts are.
func (t *Table) rowsNameEntities() bool {
	for _, c := range t.Columns {
		if c.Role != TextColumn {
			continue
		}
		return len(c.Path) > 0 && (RegionHeader(c.Path[0]) || bodyHeaderRe.MatchString(squeeze(fold(c.Path[0]))))
	}
	return false
}

// namingHeader returns the header level of column j that names its amount:
// the innermost level that is not a group total, a formula label or 其中
// (小计 under 一般债务 names 一般债务), with a 其中: prefix removed.
func (t *Table) namingHeader(j int) string {
	if j < 0 || j >= len(t.Columns) {
		return ""
	}
	path := t.Columns[j].Path
	for k := len(path) - 1; k >= 0; k-- {
		h := strings.TrimSpace(path[k])
		if h == "" || headerFillerRe.MatchString(fold(h)) {
			if k == 0 && h != "" && !strings.HasPrefix(fold(h), "其中") {
				return h // 合计 alone: the table's total
			}
			continue
		}
		if rest, ok := strings.CutPrefix(fold(h), "其中:"); ok && rest != "" {
			h = rest
		}
		// The year is not part of the subject (2025年债务限额), unless it
		// dates the amount within the year (2025年末债务余额).
		if m := headerYearRe.FindStringSubmatchIndex(h); m != nil && m[2] < 0 {
			h = h[m[1]:]
		}
		return h
	}
	return ""
}

// oneRowSubject returns the subject and entity of amount cell j in a
// one-row table whose row label is label (see above), and false when the
// rule does not apply.
func (t *Table) oneRowSubject(j int, label string) (subject, entity string, ok bool) {
	if t.dataRows() != 1 {
		return "", "", false
	}
	entities := t.rowsNameEntities()
	if label != "" && !entities {
		return "", "", false
	}
	h := t.namingHeader(j)
	if h == "" {
		return "", "", false
	}
	if entities {
		entity = label
	}
	return h, entity, true
}
