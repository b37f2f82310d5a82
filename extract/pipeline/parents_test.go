package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// TestTableParents checks that a table cell's parent is the cell of the
// same column in its enclosing row, on real tables of three regions: a
// revenue table laid out by numbering, 其中 and indentation (武汉, 湖北), one
// by numbering alone (防城港, 广西), one by 类/款/项 codes (普陀, 上海),
// one with its totals below the parts (新疆),
// and a procurement table whose labels are centred in their cells, so
// that their left edges say nothing (江苏).
func TestTableParents(t *testing.T) {
	shared := testenv.SharedDir(t)
	type link struct{ child, column, parent string } // parent "" = none
	for _, c := range []struct {
		file  string
		links []link
	}{
		{"corpus/govwide/wuhan_2025_govwide_revenue_table.pdf", []link{
			{"一般公共预算收入", "执行数", ""},
			{"1、税收收入", "执行数", "一般公共预算收入"},
			{"其中：增值税", "预算数", "1、税收收入"},
			{"环境保护税", "上年决算数", "1、税收收入"},
			{"其中：专项收入", "执行数", "2、非税收入"},
			{"教育费附加收入", "执行数", "其中：专项收入"},
			{"行政事业性收费收入", "调整预算数", "2、非税收入"},
			{"国有资源（资产）有偿使用收入", "执行数", "2、非税收入"},
		}},
		{"corpus/govwide/fangchenggang_2025_govwide_budget_report.pdf", []link{
			{"一、税收收入", "2025年 / 执行数", ""},
			{"契税", "2025年 / 执行数", "一、税收收入"},
			{"捐赠收入", "2026年预算 / 建议数", "二、非税收入"},
			{"一般公共预算收入合计", "2026年预算 / 建议数", ""},
		}},
		// 新疆 2024 (自治区, tables only): parts above their total.
		{"corpus/govwide/xinjiang_region_2024_govwide_budget_report.pdf", []link{
			{"乌鲁木齐市", "一般债务余额执行数", "合计"},
			{"一、税收收入", "2025年预算数", "一般公共预算收入"},
			{"契税", "2024年完成数", "一、税收收入"},
			{"十、专项债券对应项目专项收入", "2025年预算数", "政府性基金收入小计"},
			{"政府性基金收入小计", "2025年预算数", ""},
			{"政府性基金转移支付收入", "2025年预算数", ""},
		}},
		{"corpus/real/shanghai_putuo_wanlijiedao_2023_dept_budget.pdf", []link{
			{"统计信息事务", "收入预算 / 合计", "一般公共服务支出"},
			{"专项普查活动", "收入预算 / 合计", "统计信息事务"},
		}},
		{"corpus/real/jiangsu_renda_2017_dept_budget.pdf", []link{
			{"物业管理费", "总计", ""},
			{"会议费", "总计", ""},
		}},
	} {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			res, err := File(context.Background(), filepath.Join(shared, c.file), Options{})
			if err != nil {
				t.Skipf("%s: %v", c.file, err)
			}
			byID := map[string]string{}
			for _, f := range res.Out.Facts {
				byID[f.ID] = f.Subject
			}
			for _, l := range c.links {
				found := false
				for _, f := range res.Out.Facts {
					if f.Table == "" || f.Subject != l.child || f.Dimension != l.column {
						continue
					}
					found = true
					if got := byID[f.Parent]; got != l.parent {
						t.Errorf("%s [%s] (%s): parent %q, want %q", l.child, l.column, f.ID, got, l.parent)
					}
				}
				if !found {
					t.Errorf("no table fact %s [%s]", l.child, l.column)
				}
			}
		})
	}
}

// TestTotalBelowParts: a total below its parts holds the rows of the first
// level above it where they add up to it (within the rounding of the
// printed figures), and nothing where they do not: a hierarchy read wrong
// links nothing rather than something wrong.
func TestTotalBelowParts(t *testing.T) {
	const page = `<html><body><p>收入预算表</p><table>
<tr><td>项目</td><td>预算数</td><td>执行数</td></tr>
<tr><td>一、税收收入</td><td>300.4</td><td>310</td></tr>
<tr><td>增值税</td><td>200.4</td><td>210</td></tr>
<tr><td>契税</td><td>100</td><td>100</td></tr>
<tr><td>二、非税收入</td><td>50</td><td>40</td></tr>
<tr><td>合计</td><td>350</td><td>360</td></tr>
</table></body></html>`
	path := filepath.Join(t.TempDir(), "t.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := File(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]string{}
	for _, f := range res.Out.Facts {
		byID[f.ID] = f.Subject
	}
	want := map[[2]string]string{
		// 300.4 + 50 = 350.4 is 350 within the rounding of 300.4 and 50.
		{"一、税收收入", "预算数"}: "合计",
		{"二、非税收入", "预算数"}: "合计",
		{"增值税", "预算数"}:    "一、税收收入",
		// 310 + 40 = 350, not 360: no link to the total.
		{"一、税收收入", "执行数"}: "",
		{"二、非税收入", "执行数"}: "",
		{"契税", "执行数"}:     "一、税收收入",
	}
	seen := 0
	for _, f := range res.Out.Facts {
		w, ok := want[[2]string{f.Subject, f.Dimension}]
		if !ok {
			continue
		}
		seen++
		if got := byID[f.Parent]; got != w {
			t.Errorf("%s [%s]: parent %q, want %q", f.Subject, f.Dimension, got, w)
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d cells", seen, len(want))
	}
}
