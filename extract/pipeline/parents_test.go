package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// TestTableParents checks that a table cell's parent is the cell of the
// same column in its enclosing row, on real tables of three regions: a
// revenue table laid out by numbering, 其中 and indentation (武汉, 湖北), one
// by numbering alone (防城港, 广西), one by 类/款/项 codes (普陀, 上海),
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
