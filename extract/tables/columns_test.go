package tables

import (
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

func TestNumberKind(t *testing.T) {
	for _, c := range []struct {
		path string
		want ColumnKind
	}{
		// henan_province_2024 决算表
		{"决算数为调整预算数的%", KindPercent},
		{"决算数为上年决算数的%", KindPercent},
		{"决算数", KindMoney},
		// jinan_2025 构成表
		{"2025年执行数/所占比重%", KindPercent},
		{"2025年执行数/增长%", KindPercent},
		{"2025年执行数/金额", KindMoney},
		// shandong / debt tables
		{"平均利率%", KindRate},
		{"债券期限（年）", KindYears},
		{"比上年增减百分点", KindPoints},
		{"执行数比上年+,-%", KindPercent},
		// Jiangsu 三公经费表 and 绩效目标表
		{"车辆数（辆）", KindCount},
		{"指标值", KindIndicator},
		{"发行日期", KindDate},
		// synthetic
		{"预算数/小计", KindMoney},
		{"完成率", KindPercent},
		{"占全省比重", KindPercent},
	} {
		if got := numberKind(c.path); got != c.want {
			t.Errorf("numberKind(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}

// TestPercentColumnGivesNoMoney: a percent column is a value column and
// gives no money fact; the amounts beside it still do.
func TestPercentColumnGivesNoMoney(t *testing.T) {
	txt := text("pdf", []extract.Block{
		para("2024年全省一般公共预算支出决算表", "单位：万元"),
		grid(`项目|决算数|决算数为上年决算数的%
一、一般公共服务支出|10,960,262|94.2
二、国防支出|69,286|85.5`),
	})
	ts := Parse(txt)
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	tb := ts[0]
	if tb.Columns[2].Kind != KindPercent || tb.Columns[2].Role != ValueColumn || tb.Columns[1].Kind != KindMoney {
		t.Fatalf("columns %+v", tb.Columns)
	}
	facts := tb.Facts(1)
	if len(facts) != 2 || facts[0].Value != "109602620000" || facts[1].Value != "692860000" {
		t.Errorf("facts %+v", facts)
	}
}
