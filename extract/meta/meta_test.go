package meta

import (
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
	"github.com/budgetdoc/budgetdoc/schema"
)

func textOf(lines ...string) *normalize.Text {
	var items []normalize.Item
	for _, l := range lines {
		items = append(items, normalize.Item{Line: &normalize.Line{View: textnorm.Fold(l)}})
	}
	return &normalize.Text{Pages: []normalize.Page{{Number: 1, Items: items}}}
}

// Cover lines as pdftotext prints them for corpus documents.
func TestDetect(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		info  map[string]string
		want  schema.Meta
	}{
		{"jiangsu gaoyuan 2017", []string{"2017 年度江苏省高级人民法院部门预算公开", "目 录", "第一部分 部门概况"}, nil,
			schema.Meta{Title: "2017年度江苏省高级人民法院部门预算公开", Organization: "江苏省高级人民法院", FiscalYear: 2017, Kind: "budget", Scope: "department"}},
		{"jiangsu jianchayuan 2017", []string{"江苏省人民检察院", "2017 年部门预算", "目       录"}, nil,
			schema.Meta{Title: "江苏省人民检察院2017年部门预算", Organization: "江苏省人民检察院", FiscalYear: 2017, Kind: "budget", Scope: "department"}},
		{"jiangsu renda 2018 split", []string{"江苏省人大常委会办公厅2018年度部门", "预算公开", "1", "目        录"}, nil,
			schema.Meta{Title: "江苏省人大常委会办公厅2018年度部门预算公开", Organization: "江苏省人大常委会办公厅", FiscalYear: 2018, Kind: "budget", Scope: "department"}},
		{"jiangsu shengweiban tables", []string{"江苏省2018年度", "省级部门预算公开报表", "部 门:中共江苏省委办公厅", "江苏省财政厅印制"}, nil,
			schema.Meta{Title: "江苏省2018年度省级部门预算公开报表", Organization: "中共江苏省委办公厅", FiscalYear: 2018, Kind: "budget", Scope: "department"}},
		{"shanghai district dept", []string{"上海市普陀区2025年区级部门预算", "预算主管部门：上海市普陀区财政局", "目   录"}, nil,
			schema.Meta{Title: "上海市普陀区2025年区级部门预算", Organization: "上海市普陀区财政局", FiscalYear: 2025, Kind: "budget", Scope: "department"}},
		{"shanghai municipal unit", []string{"上海市2025年市级单位预算", "预算单位：上海市财政局", "目   录"}, nil,
			schema.Meta{Title: "上海市2025年市级单位预算", Organization: "上海市财政局", FiscalYear: 2025, Kind: "budget", Scope: "unit"}},
		{"shanghai final 3 lines", []string{"中共上海市普陀区委", "社会工作部 2024 年度", "部门决算", "目   录"}, nil,
			schema.Meta{Title: "中共上海市普陀区委社会工作部2024年度部门决算", Organization: "中共上海市普陀区委社会工作部", FiscalYear: 2024, Kind: "final_accounts", Scope: "department"}},
		{"welfare unit", []string{"上海市普陀区社会福利院2024年单位预算", "预算单位：上海市普陀区社会福利院"}, nil,
			schema.Meta{Title: "上海市普陀区社会福利院2024年单位预算", Organization: "上海市普陀区社会福利院", FiscalYear: 2024, Kind: "budget", Scope: "unit"}},
		{"taiyuan doc", []string{"关于太原市发展和改革委员会2016年部门决算和“三公”经费决算的公开"}, nil,
			schema.Meta{Title: "关于太原市发展和改革委员会2016年部门决算和“三公”经费决算的公开", Organization: "太原市发展和改革委员会", FiscalYear: 2016, Kind: "final_accounts", Scope: "department"}},
		{"table cover label with unit", []string{"收支预算总表", "部门:                  江苏省人大常委会办公厅                             单位:万元"}, nil,
			schema.Meta{Title: "收支预算总表", Organization: "江苏省人大常委会办公厅", Kind: "budget", Scope: "department"}},
		{"web breadcrumb", []string{"当前位置： 首页 > 重庆市交通委员会2018年部门预算情况说明", "重庆市交通委员会2018年部门预算情况说明"}, nil,
			schema.Meta{Title: "重庆市交通委员会2018年部门预算情况说明", Organization: "重庆市交通委员会", FiscalYear: 2018, Kind: "budget", Scope: "department"}},
		{"stale info title", []string{"- 1 -", "目  录", "第一部分  部门概况", "三、2019 年度部门主要工作任务及目标", "第二部分  2019 年度部门预算表"}, map[string]string{"Title": "江苏省政协办公厅2015年度部门预算"},
			schema.Meta{FiscalYear: 2019, Kind: "budget", Scope: "department"}},
		{"image cover uses info", []string{"- 1 -", "目    录", "第一部分   部门概况"}, map[string]string{"Title": "江苏省政协办公厅2019年度部门预算"},
			schema.Meta{Title: "江苏省政协办公厅2019年度部门预算", Organization: "江苏省政协办公厅", FiscalYear: 2019, Kind: "budget", Scope: "department"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Detect(textOf(tc.lines...), tc.info)
			if got != tc.want {
				t.Errorf("Detect =\n %+v\nwant\n %+v", got, tc.want)
			}
		})
	}
}
