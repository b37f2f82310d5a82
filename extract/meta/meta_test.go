package meta

import (
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
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
		{"tables-only: the cover is a table's name, Info names the file", []string{"收支预算总表", "公开表一", "部门：        江苏省人大常委会办公厅        单位：万元", "|收入||支出|", "2019年政府采购预算表"},
			map[string]string{"Title": "江苏省人大常委会办公厅2019年部门预算公开表"},
			schema.Meta{Title: "江苏省人大常委会办公厅2019年部门预算公开表", Organization: "江苏省人大常委会办公厅", FiscalYear: 2019, Kind: "budget", Scope: "department"}},
		{"tables-only without Info: year from a table title", []string{"公开01表收支预算总表", "部门：某某县教育局    单位：万元", "|项目|金额|", "公开08表 2024年政府采购预算表"}, nil,
			schema.Meta{Title: "公开01表收支预算总表", Organization: "某某县教育局", FiscalYear: 2024, Kind: "budget", Scope: "department"}},
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

// Government-wide documents: covers as the readers give them, from reports
// of several provinces, and synthetic covers of the same forms.
func TestDetectGovernment(t *testing.T) {
	gov := func(m schema.Meta) schema.Meta { m.Scope = schema.ScopeGovernment; return m }
	tests := []struct {
		name  string
		lines []string
		info  map[string]string
		want  schema.Meta
	}{
		{"meeting header over two lines, title over two, bureau", []string{"朝阳市十二届人大", "五次会议文件（13）",
			"关于朝阳市2025年预算执行情况", "和 2026年预算草案的报告（书面）", "——2026年1月7日在朝阳市第十二届", "人民代表大会第五次会议上",
			"朝阳市财政局", "各位代表：", "受市人民政府委托，现将全市2025年预算执行情况和2026年预算草案提请大会审议。"}, nil,
			gov(schema.Meta{Title: "关于朝阳市2025年预算执行情况和2026年预算草案的报告(书面)", Organization: "朝阳市财政局",
				FiscalYear: 2026, ExecutionYear: 2025, Kind: "budget", Coverage: "jurisdiction", Jurisdiction: "朝阳市",
				Meeting: "朝阳市十二届人大五次会议文件(13)"})},
		{"letter-spaced header, head of bureau with name", []string{"南通市十六届人大六次会议", "大  会  文  件  （  八  ）",
			"关于南通市2025年预算执行情况", "与2026年预算草案的报告", "——2026年1月21日在南通市第十六届", "人民代表大会第六次会议上",
			"南通市财政局局长  史有根", "各位代表：", "全市一般公共预算收入完成X，市本级一般公共预算收入完成Y。"}, nil,
			gov(schema.Meta{Title: "关于南通市2025年预算执行情况与2026年预算草案的报告", Organization: "南通市财政局",
				FiscalYear: 2026, ExecutionYear: 2025, Kind: "budget", Coverage: "both", Jurisdiction: "南通市",
				Meeting: "南通市十六届人大六次会议大会文件(八)"})},
		{"bureau without place, coverage in title", []string{"关于景德镇市2025年全市和市级预算", "执行情况与2026年全市和市级",
			"预算草案的报告（书面）", "——2026 年 1 月 21日在市十六届人大六次会议上", "市财政局局长  芦继云", "各位代表："}, nil,
			gov(schema.Meta{Title: "关于景德镇市2025年全市和市级预算执行情况与2026年全市和市级预算草案的报告(书面)", Organization: "景德镇市财政局",
				FiscalYear: 2026, ExecutionYear: 2025, Kind: "budget", Coverage: "both", Jurisdiction: "景德镇市"})},
		{"government reports its own level's final accounts", []string{"广东省人民政府关于我省2024年", "省级决算草案的报告",
			"——2025 年 7 月 28日在广东省第十四届人民代表大会", "常务委员会第二十次会议上", "广东省财政厅厅长  陈国煌"}, nil,
			gov(schema.Meta{Title: "广东省人民政府关于我省2024年省级决算草案的报告", Organization: "广东省财政厅",
				FiscalYear: 2024, Kind: "final_accounts", Coverage: "own_level", Jurisdiction: "广东省"})},
		{"QR caption naming a department does not outweigh the title", []string{"市十八届人大", "六次会议文件",
			"码 上 看 报 告      部门预算草案", "关于2025年威海市和市级", "预算执行情况与2026年威海市和市级", "预算草案的报告",
			"──2026 年 1 月 14 日在威海市第十八届", "人民代表大会第六次会议上", "威海市财政局局长  宋忠勇"}, nil,
			gov(schema.Meta{Title: "关于2025年威海市和市级预算执行情况与2026年威海市和市级预算草案的报告", Organization: "威海市财政局",
				FiscalYear: 2026, ExecutionYear: 2025, Kind: "budget", Coverage: "both", Jurisdiction: "威海市",
				Meeting: "市十八届人大六次会议文件"})},
		// dali_2025 and lijiang_2025: a title naming the 地方财政 covers the
		// whole place; the body gives the own level too.
		{"地方财政 in the title, 州本级 in the body", []string{"关于大理白族自治州2025年地方财政预算执行",
			"情况和2026年地方财政预算草案的报告", "——2026年2月9日在大理白族自治州第十五届", "人民代表大会第六次会议上",
			"大理白族自治州财政局", "一、2025年地方财政预算执行情况",
			"1.一般公共预算。全州一般公共预算收入1,080,211万元，为年初预算1,067,400万元的101.2%，较上年决算数增长3.2%。",
			"州本级一般公共预算收入202,612万元，为年初预算202,000万元的100.3%，较上年决算数增长2.3%。"}, nil,
			gov(schema.Meta{Title: "关于大理白族自治州2025年地方财政预算执行情况和2026年地方财政预算草案的报告", Organization: "大理白族自治州财政局",
				FiscalYear: 2026, ExecutionYear: 2025, Kind: "budget", Coverage: "both", Jurisdiction: "大理白族自治州"})},
		{"synthetic: 地方财政 in the title, the whole only in the body", []string{"关于某某市2023年地方财政预算执行情况",
			"和2024年地方财政预算草案的报告", "某某市财政局", "各位代表：", "全市一般公共预算收入完成X。"}, nil,
			gov(schema.Meta{Title: "关于某某市2023年地方财政预算执行情况和2024年地方财政预算草案的报告", Organization: "某某市财政局",
				FiscalYear: 2024, ExecutionYear: 2023, Kind: "budget", Coverage: "jurisdiction", Jurisdiction: "某某市"})},
		{"synthetic: a line between the meeting header and the title", []string{"某某市五届人大", "三次会议文件（2）",
			"扫码阅读", "关于某某市2023年预算执行情况", "和2024年预算草案的报告", "某某市财政局"}, nil,
			gov(schema.Meta{Title: "关于某某市2023年预算执行情况和2024年预算草案的报告", Organization: "某某市财政局",
				FiscalYear: 2024, ExecutionYear: 2023, Kind: "budget", Jurisdiction: "某某市", Meeting: "某某市五届人大三次会议文件(2)"})},
		{"compiled volume: letter-spaced bureau, date", []string{"市十八届人大", "五次会议文件(一)", "泰安市2025年预算执行",
			"情况和2026年预算草案", "泰 安 市 财 政 局", "2026年2月", "目  录"}, nil,
			gov(schema.Meta{Title: "泰安市2025年预算执行情况和2026年预算草案", Organization: "泰安市财政局",
				FiscalYear: 2026, ExecutionYear: 2025, Kind: "budget", Jurisdiction: "泰安市", Meeting: "市十八届人大五次会议文件(一)"})},
		{"place only in the meeting header", []string{"晋城市八届人大六次会议文件(19)", "关于2025年全市和市本级预算执行情况与",
			"2026年全市和市本级预算草案的报告", "——2026年1月在晋城市第八届人民代表大会第六次会议上", "市财政局", "各位代表："}, nil,
			gov(schema.Meta{Title: "关于2025年全市和市本级预算执行情况与2026年全市和市本级预算草案的报告", Organization: "晋城市财政局",
				FiscalYear: 2026, ExecutionYear: 2025, Kind: "budget", Coverage: "both", Jurisdiction: "晋城市",
				Meeting: "晋城市八届人大六次会议文件(19)"})},
		// haikou_2025_govwide_budget_report (海南, HTML): the page's heading is
		// the title; the article repeats it under the meeting header
		{"web page: meeting header between the heading and the article's title", []string{"关于海口市2025年预算执行情况和2026年预算草案的报告",
			"海口市十七届人大", "七次会议文件（十七）", "关于海口市2025年预算执行情况和", "2026年预算草案的报告",
			"——2026年2月3日在海口市第十七届人民代表大会", "第七次会议上", "海口市财政局", "各位代表：",
			"受市政府委托，现将海口市2025年预算执行情况和2026年预算草案的报告提请市十七届人大七次会议审查。", "一、2025年预算执行情况"}, nil,
			gov(schema.Meta{Title: "关于海口市2025年预算执行情况和2026年预算草案的报告", Organization: "海口市财政局",
				FiscalYear: 2026, ExecutionYear: 2025, Kind: "budget", Jurisdiction: "海口市", Meeting: "海口市十七届人大七次会议文件(十七)"})},
		{"synthetic: a meeting header in the body is not the document's", []string{"关于某某市2023年预算执行情况和2024年预算草案的报告",
			"某某市财政局", "各位代表：", "市五届人大三次会议文件", "关于某某市的其他事项"}, nil,
			gov(schema.Meta{Title: "关于某某市2023年预算执行情况和2024年预算草案的报告", Organization: "某某市财政局",
				FiscalYear: 2024, ExecutionYear: 2023, Kind: "budget", Jurisdiction: "某某市"})},
		{"web page: byline and site name", []string{"首页", "政务公开", "预算和执行情况的报告",
			"关于上海市2025年预算执行情况和2026年预算草案的报告 2026-05-15 来源：上海市财政局", "字号：", "大中小"}, nil,
			gov(schema.Meta{Title: "关于上海市2025年预算执行情况和2026年预算草案的报告", Organization: "上海市财政局",
				FiscalYear: 2026, ExecutionYear: 2025, Kind: "budget", Jurisdiction: "上海市"})},
		{"web page: title only in <title>, 关于我们 in the navigation", []string{"网站首页", "关于我们", "走进财政", "部门领导"},
			map[string]string{"Title": "关于阜新市2025年财政决算的报告_阜新市财政局"},
			gov(schema.Meta{Title: "关于阜新市2025年财政决算的报告", Organization: "阜新市人民政府",
				FiscalYear: 2025, Kind: "final_accounts", Jurisdiction: "阜新市"})},
		{"tables-only: own level, one year", []string{"2026年东莞市本级政府预算公开", "目 录", "第一部分 预算报告"}, nil,
			gov(schema.Meta{Title: "2026年东莞市本级政府预算公开", Organization: "东莞市人民政府",
				FiscalYear: 2026, Kind: "budget", Coverage: "own_level", Jurisdiction: "东莞市"})},
		{"tables-only: numbered table title, unit label, Chinese-numeral year", []string{"二○二五年全市一般公共预算支出执行情况表", "单位：万元",
			"|支出项目|二○二四年决算数|二○二五年执行数|"}, nil,
			gov(schema.Meta{Title: "二○二五年全市一般公共预算支出执行情况表", FiscalYear: 2025, ExecutionYear: 2025,
				Kind: "budget", Coverage: "jurisdiction"})},
		{"tables-only: table number label and (1)", []string{"表一：2024年全省一般公共预算收支决算总表（1）", "单位：万元", "|项 目|预算数|决算数|"}, nil,
			gov(schema.Meta{Title: "2024年全省一般公共预算收支决算总表(1)", FiscalYear: 2024, Kind: "final_accounts", Coverage: "jurisdiction"})},
		{"synthetic: county, 县本级, 决算", []string{"关于某某县2023年", "县本级财政决算的报告", "某某县财政局", "主任、各位副主任："}, nil,
			gov(schema.Meta{Title: "关于某某县2023年县本级财政决算的报告", Organization: "某某县财政局",
				FiscalYear: 2023, Kind: "final_accounts", Coverage: "own_level", Jurisdiction: "某某县"})},
		// hohhot_2024_govwide_budget_report.pdf: a newspaper page whose two
		// columns the layout reads across, so no title can be read; the
		// salutation and the submitting sentence say what it is.
		{"report whose title is unreadable", []string{"文件    编辑：某某 美编：某某    2025年1月23日星期四   5",
			"关于呼和浩—特—市20252年012月45年日在预呼算和浩执特市行第情十六况届和人民",
			"呼和浩特市财政局", "各位代表：                        元，补助下级支出192.78亿元，一般",
			"受市人民政府委托，现将2024年    债券转贷支出60.75亿元，债务还本", "预算执行情况和2025年预算（草    支出12.41亿元"}, nil,
			gov(schema.Meta{Organization: "呼和浩特市财政局", FiscalYear: 2025, ExecutionYear: 2024, Kind: "budget", Jurisdiction: "呼和浩特市"})},
		{"synthetic: final accounts report to the standing committee", []string{"某某县财政局局长  张三", "主任、各位副主任、各位委员：",
			"受县人民政府委托，现将2023年县本级财政决算报告如下，请予审议。"}, nil,
			gov(schema.Meta{Organization: "某某县财政局", FiscalYear: 2023, Kind: "final_accounts", Jurisdiction: "某某县", Coverage: "own_level"})},
		// shenzhen_2025_govwide_budget_report.pdf: a gazette whose first
		// salutation opens another report (政府工作报告): nothing is taken from it
		{"another report's salutation", []string{"深圳市人民政府公报", "政府工作报告", "各位代表：",
			"现在，我代表市人民政府，向大会报告工作，请予审议。"}, nil,
			schema.Meta{}},
		// Bundles of tables (附表) without a text cover: the first table's
		// title is the title, and every table's title says the years and
		// the coverage. 新疆 2024 (自治区: 自治区… is the whole region,
		// 自治区本级/自治区级 the own level; no text names the place).
		{"tables-only bundle of an autonomous region", []string{"表一：2024年自治区一般公共预算收入完成情况表", "单位：万元",
			"|项目|2024年完成数|", "表四：2024年自治区本级一般公共预算收入完成情况表", "表十六：2025年自治区本级一般公共预算支出预算表",
			"表六：2024年自治区级国有资本经营预算执行情况与2025年预算安排平衡表"}, nil,
			gov(schema.Meta{Title: "2024年自治区一般公共预算收入完成情况表", FiscalYear: 2025, ExecutionYear: 2024, Kind: "budget", Coverage: "both"})},
		{"synthetic: a city's bundle, execution then budget tables", []string{"2025年全市一般公共预算收入执行情况表", "单位：万元",
			"2025年市本级一般公共预算支出执行情况表", "2026年全市一般公共预算收入预算表"}, nil,
			gov(schema.Meta{Title: "2025年全市一般公共预算收入执行情况表", FiscalYear: 2026, ExecutionYear: 2025, Kind: "budget", Coverage: "both"})},
		{"synthetic: a bundle of one year's execution tables", []string{"2025年全市一般公共预算收入执行情况表", "单位：万元",
			"2025年全市政府性基金预算收入执行情况表"}, nil,
			gov(schema.Meta{Title: "2025年全市一般公共预算收入执行情况表", FiscalYear: 2025, ExecutionYear: 2025, Kind: "budget", Coverage: "jurisdiction"})},
		// Department and unit disclosures stay what they are, whatever they
		// say about budgets.
		{"department budget naming 一般公共预算", []string{"2024年一般公共预算财政拨款支出表", "部门：某某市教育局      单位：万元"}, nil,
			schema.Meta{Title: "2024年一般公共预算财政拨款支出表", Organization: "某某市教育局", FiscalYear: 2024, Kind: "budget", Scope: "department"}},
		{"department report titled 关于", []string{"关于太原市发展和改革委员会2016年部门决算和“三公”经费决算的公开"}, nil,
			schema.Meta{Title: "关于太原市发展和改革委员会2016年部门决算和“三公”经费决算的公开", Organization: "太原市发展和改革委员会", FiscalYear: 2016, Kind: "final_accounts", Scope: "department"}},
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

// sheetOf is a document that opens with one table grid (a spreadsheet),
// rows separated by newlines, cells by '|'.
func sheetOf(grid string) *normalize.Text {
	var tb extract.Table
	for _, row := range strings.Split(grid, "\n") {
		var cells []extract.Cell
		for _, c := range strings.Split(row, "|") {
			cell := extract.Cell{RowSpan: 1, ColSpan: 1}
			if c != "" {
				cell.Lines = []extract.Line{{Text: c}}
			}
			cells = append(cells, cell)
		}
		tb.Rows = append(tb.Rows, cells)
	}
	return &normalize.Text{Pages: []normalize.Page{{Number: 1, Items: []normalize.Item{{Kind: extract.TableBlock, Table: &tb}}}}}
}

// Spreadsheets keep their title in the grid (caption rows above the column
// headers); a debt table names neither 预算 nor 决算.
func TestDetectSheet(t *testing.T) {
	tests := []struct {
		name, grid string
		want       schema.Meta
	}{
		// hunan_hengyang_2025_govwide_debt_general.xlsx
		{"debt table of one region titled 全市", "|表16||\n|2025年全市地方政府一般债务限额和余额情况表||\n|||单位：亿元\n|地区|债务限额|债务余额\n|衡阳市|510.66 |504.62 ",
			schema.Meta{Title: "2025年全市地方政府一般债务限额和余额情况表", Organization: "衡阳市人民政府", FiscalYear: 2025,
				Scope: "government", Coverage: "jurisdiction", Jurisdiction: "衡阳市"}},
		// xizang_changdu_2024_govwide_debt.xls
		{"决算 debt table, place after 年末", "||||\n|2024年末昌都市地方政府债务限额及余额决算情况表|||\n||||单位：万元\n|地区|地方政府债务限额||\n|昌都市|182506.59|97345\n|卡若区|976.00|976.00",
			schema.Meta{Title: "2024年末昌都市地方政府债务限额及余额决算情况表", Organization: "昌都市人民政府", FiscalYear: 2024,
				Kind: "final_accounts", Scope: "government", Jurisdiction: "昌都市"}},
		{"synthetic: several regions, no place in the title", "2023年全县政府专项债务余额情况表||\n区划名称|专项债务余额|\n甲镇|1.00|\n乙镇|2.00|",
			schema.Meta{Title: "2023年全县政府专项债务余额情况表", FiscalYear: 2023, Scope: "government", Coverage: "jurisdiction"}},
		{"synthetic: a budget table in a sheet", "2024年某某县一般公共预算收入表|\n单位：万元|\n项目|预算数\n税收收入|100",
			schema.Meta{Title: "2024年某某县一般公共预算收入表", Organization: "某某县人民政府", FiscalYear: 2024, Kind: "budget",
				Scope: "government", Jurisdiction: "某某县"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Detect(sheetOf(tc.grid), nil); got != tc.want {
				t.Errorf("Detect =\n %+v\nwant\n %+v", got, tc.want)
			}
		})
	}
}

func TestParseYear(t *testing.T) {
	for in, want := range map[string]int{"2025": 2025, "二○二五": 2025, "二〇二六": 2026, "二零一九": 2019, "二〇x五": 0} {
		if got := parseYear(in); got != want {
			t.Errorf("parseYear(%q) = %d, want %d", in, got, want)
		}
	}
}
