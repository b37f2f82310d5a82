package tables

import (
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

type subjectEntity struct{ subject, entity string }

func factSubjects(t *testing.T, tb *Table) []subjectEntity {
	t.Helper()
	var out []subjectEntity
	for _, f := range tb.Facts(1) {
		out = append(out, subjectEntity{f.Subject, f.Entity})
	}
	return out
}

// TestOneRowTableSubjects: in a one-row table the column header names the
// amount; the row label is the entity when the label column is headed as
// a place or a body, and the subject otherwise.
func TestOneRowTableSubjects(t *testing.T) {
	tests := []struct {
		name string
		grid string
		want []subjectEntity
	}{
		{"place row, two figures", "单位：亿元|<|<\n地区|债务限额|债务余额\n衡阳市|510.66|504.62",
			[]subjectEntity{{"债务限额", "衡阳市"}, {"债务余额", "衡阳市"}}},
		{"body row under 单位名称", "单位名称|基本支出|项目支出\n某某中心|12.00|3.50",
			[]subjectEntity{{"基本支出", "某某中心"}, {"项目支出", "某某中心"}}},
		{"county header 县(市、区)", "县（市、区）|新增债务限额\n某县|7.00",
			[]subjectEntity{{"新增债务限额", "某县"}}},
		{"no row label: the columns are the figures", "合计|基本支出|项目支出\n28849.38|17123.19|11543.27",
			[]subjectEntity{{"合计", ""}, {"基本支出", ""}, {"项目支出", ""}}},
		{"小计 names its group, 其中: is dropped, the year goes", "地区|2024年债务限额|其中:|<\n^|^|一般债务|专项债务\n某区|740400|26700|713700",
			[]subjectEntity{{"债务限额", "某区"}, {"一般债务", "某区"}, {"专项债务", "某区"}}},
		{"a year dating the amount stays", "地区|2025年初债务余额|<\n^|小计|一般债务余额\n某市本级|88.25|66.61",
			[]subjectEntity{{"2025年初债务余额", "某市本级"}, {"一般债务余额", "某市本级"}}},
		{"an item row keeps its label", "项目|2024年预算数|2024年决算数\n安排预算稳定调节基金|10|20",
			[]subjectEntity{{"安排预算稳定调节基金", ""}, {"安排预算稳定调节基金", ""}}},
		{"two place rows: not a one-row table", "地区|债务限额\n甲市|1.00\n乙市|2.00",
			[]subjectEntity{{"甲市", ""}, {"乙市", ""}}},
	}
	for _, tt := range tests {
		ts := Parse(text(extract.FormatXLSX, []extract.Block{grid(tt.grid)}))
		if len(ts) != 1 {
			t.Errorf("%s: %d tables", tt.name, len(ts))
			continue
		}
		got := factSubjects(t, ts[0])
		if len(got) != len(tt.want) {
			t.Errorf("%s: facts %v, want %v", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: fact %d = %v, want %v", tt.name, i+1, got[i], tt.want[i])
			}
		}
	}
}

// TestOneRowTablesInTheCorpus: real one-row tables of three sources — a
// spreadsheet of 衡阳 (湖南), the 支出预算总表 of a Jiangsu department (no
// row label), and 固原's (宁夏) debt table of the city's own level.
func TestOneRowTablesInTheCorpus(t *testing.T) {
	tests := []struct {
		dir, file, title string
		want             []subjectEntity // the first facts of the table
	}{
		{"govwide", "hunan_hengyang_2025_govwide_debt_general.xlsx", "2025年全市地方政府一般债务限额和余额情况表",
			[]subjectEntity{{"债务限额", "衡阳市"}, {"债务余额", "衡阳市"}}},
		{"real", "jiangsu_renda_2018_dept_budget.pdf", "支出预算总表",
			[]subjectEntity{{"合计", ""}, {"基本支出", ""}, {"项目支出", ""}, {"单位预留机动经费", ""}}},
		{"govwide", "guyuan_2025_govwide_budget_report.pdf", "市本级2025—2026年预计法定债务限额情况表",
			[]subjectEntity{{"预计2025年法定债务限额", "固原市本级"}, {"一般债务限额", "固原市本级"}, {"专项债务限额", "固原市本级"}}},
	}
	for _, tt := range tests {
		found := titledTable(t, tt.dir, tt.file, tt.title)
		if found == nil {
			continue
		}
		got := factSubjects(t, found)
		if len(got) < len(tt.want) {
			t.Errorf("%s: facts %v, want at least %v", tt.file, got, tt.want)
			continue
		}
		for i, w := range tt.want {
			if got[i] != w {
				t.Errorf("%s: fact %d = %v, want %v", tt.file, i+1, got[i], w)
			}
		}
	}
}
