package tables

import (
	"slices"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

// subjects returns the subject of every amount cell of the first table of
// the blocks, in order.
func subjects(t *testing.T, blocks ...extract.Block) []string {
	t.Helper()
	ts := Parse(text(extract.FormatPDF, blocks))
	if len(ts) == 0 {
		t.Fatal("no table")
	}
	var out []string
	ts[0].AmountCells(func(_, _ int, subject, _ string) { out = append(out, subject) })
	return out
}

// TestItemNamesTheAmount: a column that names the row's thing (项目名称,
// 采购项目, 品目 …) names its amount over an attribute column (采购方式,
// 采购组织形式, 项目类型 …) nearer the amount; without such headers the
// nearest text names it.
func TestItemNamesTheAmount(t *testing.T) {
	tests := []struct {
		name, grid string
		want       []string
	}{
		{"项目名称 then 采购方式", `序号|项目名称|采购方式|预算金额
1|办公设备购置|公开招标|120.00
2|物业管理服务|公开招标|80.50
3|印刷服务|询价|12.00`, []string{"办公设备购置", "物业管理服务", "印刷服务"}},
		{"采购项目 then 采购组织形式", `采购项目|采购组织形式|金额
台式计算机|分散自行组织|17.92
会议服务|分散自行组织|1,035.00
物业管理服务|政府集中采购|410.40`, []string{"台式计算机", "会议服务", "物业管理服务"}},
		{"品目 then 采购组织形式, wrapped header spaced", `采购品目|采 购 组织形式|总计
复印机|部门集中采购|8.00
家具用具|分散自行组织|23.00`, []string{"复印机", "家具用具"}},
		{"名称 then 类型, with a type column on the right", `名称|类型|发行金额|债券类别
江达县公路改建工程|农村公路|543.00|一般债券
边坝县公路改建工程|农村公路|893.00|一般债券`, []string{"江达县公路改建工程", "边坝县公路改建工程"}},
		{"项目名称 then 领域, 性质 and 年限", `项目名称|项目领域|债券性质|债券发行年限|发行规模
赣州至深圳客运专线|铁路|专项债券|10年|24.23
广州至汕尾铁路|铁路|专项债券|10年|5.10`, []string{"赣州至深圳客运专线", "广州至汕尾铁路"}},
		{"method left of the item: the item is nearest", `采购方式|采购项目|金额
公开招标|信息系统运维|300.00
询价|办公家具|20.00`, []string{"信息系统运维", "办公家具"}},
		{"totals keep their label", `项目名称|采购方式|金额
合计||132.50
办公设备购置|公开招标|120.00
印刷服务|询价|12.50`, []string{"合计", "办公设备购置", "印刷服务"}},
		{"an item cell left empty: the attribute is all there is", `项目名称|采购方式|金额
办公设备购置|公开招标|120.00
印刷服务|询价|8.00
|询价|12.00`, []string{"办公设备购置", "印刷服务", "询价"}},
		{"the most varied naming column: projects over the bonds that paid them", `项目名称|债券名称|债券发行日期|发行额度
铁路项目|专项债券（六期）|3月10日|0.31
景区提升工程|专项债券（六期）|3月10日|0.40
排水管网项目|专项债券（六期）|3月10日|0.46`, []string{"铁路项目", "景区提升工程", "排水管网项目"}},
		{"an item merged over two rows names both", `项目名称|采购方式|金额
办公设备购置|公开招标|120.00
^|询价|12.00
印刷服务|询价|8.00`, []string{"办公设备购置", "办公设备购置", "印刷服务"}},
		{"a finer level headed 类型 under a coarser 项目 stays", `地区|项目|类型|余额
全市|一般债券|合计|3,135,852
||新增债券|23,700
||置换债券|354,890
|专项债券|合计|1,000
||新增债券|600`, []string{"合计", "新增债券", "置换债券", "合计", "新增债券"}},
		{"a type column with no naming column names its rows", `债务类型|期末余额
一般债务|1,207.66
专项债务|4,053.46`, []string{"一般债务", "专项债务"}},
		{"formula labels never name a row", `项目|公式|本地区|本级
一、发行执行数|A=B+D|4,078,624.00|4,078,624.00
（一）一般债券|B|396,398.00|396,398.00
其中：再融资债券|C|396,398.00|396,398.00
（二）专项债券|D|3,682,226.00|3,682,226.00
其中：再融资债券|E|42,226.00|42,226.00`, []string{"一、发行执行数", "一、发行执行数", "（一）一般债券", "（一）一般债券",
			"其中：再融资债券", "其中：再融资债券", "（二）专项债券", "（二）专项债券", "其中：再融资债券", "其中：再融资债券"}},
		{"rates written as text never name a row", `项目名称|期限|发行利率|年度付息金额
轨道交通1号线|30年|2.06%、2.3%|2,675.94
土地储备项目|7年|1.67%、1.9%|0.00
高速公路改扩建|15年|1.95%、1.99%|99.50`, []string{"轨道交通1号线", "土地储备项目", "高速公路改扩建"}},
		{"letters in a column that are no formulas stay", `项目|等级|金额
道路养护|A|12.00
桥梁维修|B|8.00`, []string{"A", "B"}},
		{"letters under a 公式 header are formulas", `项目|公式|金额
一般债务限额|B|12.00
专项债务限额|C|8.00`, []string{"一般债务限额", "专项债务限额"}},
		{"a dash in a number column names nothing", `地区|合计|所得税基数返还|成品油税费改革税收返还
济南市|669102|50977|8679
青岛市|157568|—|157568
淄博市|-|-|6406`, []string{"济南市", "济南市", "济南市", "青岛市", "青岛市", "淄博市"}},
		{"no header at all: the nearest text", `办公设备购置|公开招标|120.00
印刷服务|询价|12.00`, []string{"公开招标", "询价"}},
		{"科目 hierarchy: the deepest level is nearest", `专项名称|经济科目|金额
信息网络建设维护费|信息网络及软件购置更新|274.00
|印刷费|8.00`, []string{"信息网络及软件购置更新", "印刷费"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := subjects(t, para("2025年政府采购预算表", "单位：万元"), grid(tt.grid))
			if !slices.Equal(got, tt.want) {
				t.Errorf("subjects %q, want %q", got, tt.want)
			}
		})
	}
}

// placedCell is a cell's text and box (x0, y0, x1, y1; y grows down).
type placedCell struct {
	text string
	box  [4]float64
}

// placedGrid builds a table block of positioned cells, as the PDF reader
// gives; an empty text is an empty cell.
func placedGrid(rows ...[]placedCell) extract.Block {
	var t extract.Table
	for _, r := range rows {
		var row []extract.Cell
		for _, c := range r {
			cell := extract.Cell{RowSpan: 1, ColSpan: 1}
			if c.text != "" {
				b := extract.BBox(c.box)
				cell.Lines = []extract.Line{{Text: c.text, Loc: extract.Loc{Page: 1, BBox: &b}}}
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return extract.Block{Kind: extract.TableBlock, Table: &t}
}

// TestWrappedHeader: a header cell whose text overflows its box puts its
// last characters into the first body row's band (jiangsu_shengweiban_2019
// p12: 采购组织形 over 式, the 式 beside the 合计 row's label). That is one
// header, never a row label; text level with its row, or under a row that
// is no header, stays where it is.
func TestWrappedHeader(t *testing.T) {
	none := placedCell{}
	header := []placedCell{
		{"采购物品名称", [4]float64{458, 84.7, 561, 101.7}},
		{"采购组织形", [4]float64{590.6, 81.6, 676.8, 98.6}},
		{"总计", [4]float64{719.8, 84.7, 754.1, 101.7}},
	}
	item := []placedCell{
		{"PC服务器", [4]float64{458, 141, 520, 152}},
		{"分散自行组织", [4]float64{590.6, 141, 660, 152}},
		{"3.00", [4]float64{757, 141, 785, 152}},
	}
	tests := []struct {
		name     string
		rows     [][]placedCell
		column   string // header path of the method column
		subjects []string
	}{
		{"overflow into the 合计 row", [][]placedCell{header, {
			{"合计", [4]float64{45.8, 111.6, 80.2, 128.6}},
			{"式", [4]float64{625.2, 102.2, 642.2, 119.3}},
			{"1,422.50", [4]float64{748.8, 115, 785.3, 124.2}},
		}, item}, "采购组织形式", []string{"合计", "PC服务器"}},
		{"overflow into a row without a label", [][]placedCell{header, {
			none,
			{"式", [4]float64{625.2, 102.2, 642.2, 119.3}},
			{"1,422.50", [4]float64{748.8, 115, 785.3, 124.2}},
		}, item}, "采购组织形式", []string{"", "PC服务器"}},
		{"text level with its row is the row's", [][]placedCell{header, {
			{"合计", [4]float64{45.8, 104, 80.2, 121}},
			{"式", [4]float64{625.2, 104, 642.2, 121}},
			{"1,422.50", [4]float64{748.8, 104, 785.3, 121}},
		}}, "采购组织形", []string{"式"}},
		{"text far below the header is the row's", [][]placedCell{header, {
			{"合计", [4]float64{45.8, 125, 80.2, 142}},
			{"式", [4]float64{625.2, 115, 642.2, 132}},
			{"1,422.50", [4]float64{748.8, 128, 785.3, 137}},
		}}, "采购组织形", []string{"式"}},
		{"text outside the header's width is the row's", [][]placedCell{header, {
			{"合计", [4]float64{45.8, 111.6, 80.2, 128.6}},
			{"分散自行组织方式", [4]float64{580, 102.2, 700, 119.3}},
			{"1,422.50", [4]float64{748.8, 115, 785.3, 124.2}},
		}}, "采购组织形", []string{"分散自行组织方式"}},
		{"a row with a number above is no header", [][]placedCell{{
			{"示范基地", [4]float64{45.8, 84.7, 80.2, 101.7}},
			{"创建示范基地1000亩", [4]float64{590.6, 81.6, 676.8, 98.6}},
			{">=", [4]float64{690, 84.7, 700, 101.7}},
			{"1000", [4]float64{719.8, 84.7, 754.1, 101.7}},
		}, {
			{"合计", [4]float64{45.8, 111.6, 80.2, 128.6}},
			{"以上", [4]float64{625.2, 102.2, 642.2, 119.3}},
			none,
			{"1,422.50", [4]float64{748.8, 115, 785.3, 124.2}},
		}}, "创建示范基地1000亩", []string{"以上"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := Parse(text(extract.FormatPDF, []extract.Block{para("2019年政府采购预算表", "单位：万元"), placedGrid(tt.rows...)}))
			if len(ts) != 1 {
				t.Fatalf("%d tables", len(ts))
			}
			if got := ts[0].Path(1); got != tt.column {
				t.Errorf("column 2 header %q, want %q", got, tt.column)
			}
			var got []string
			ts[0].AmountCells(func(_, _ int, subject, _ string) { got = append(got, subject) })
			if !slices.Equal(got, tt.subjects) {
				t.Errorf("subjects %q, want %q", got, tt.subjects)
			}
		})
	}
}

func FuzzWrappedHeader(f *testing.F) {
	f.Add("采购组织形", "式", 590.6, 81.6, 676.8, 98.6, 625.2, 102.2, 642.2, 119.3)
	f.Add("项目", "", 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
	f.Fuzz(func(t *testing.T, head, spill string, hx0, hy0, hx1, hy1, cx0, cy0, cx1, cy1 float64) {
		rows := [][]placedCell{
			{{"名称", [4]float64{0, hy0, 50, hy1}}, {head, [4]float64{hx0, hy0, hx1, hy1}}, {"金额", [4]float64{700, hy0, 750, hy1}}},
			{{"合计", [4]float64{0, cy0 + 5, 50, cy1 + 5}}, {spill, [4]float64{cx0, cy0, cx1, cy1}}, {"1.00", [4]float64{700, cy0, 750, cy1}}},
		}
		for _, tb := range Parse(text(extract.FormatPDF, []extract.Block{placedGrid(rows...)})) {
			tb.Schema()
			tb.Facts(1)
		}
	})
}

// TestItemsInTheCorpus: real item lists of several sources — a Jiangsu
// department's 政府采购预算表 (PDF, items under 专项 and 经济科目 rows, the
// method right of the item), 广东's bond use table (PDF: 项目领域, 债券性质
// and 债券发行年限 between the project and the amounts), 东莞's list of
// projects (期限 and 发行利率 as text between them), 昌都's bond list
// (.xls: 项目类型 between them), and the 公式 column of the national debt
// template in 云浮 (广东) and 临沧 (云南).
func TestItemsInTheCorpus(t *testing.T) {
	tests := []struct {
		dir, file, title string
		want             []string // the first subjects of the table
	}{
		{"real", "jiangsu_gaoyuan_2018_dept_budget.pdf", "十二、2018年江苏省高级人民法院政府采购预算表",
			[]string{"合计", "一、货物 A", "信息网络及软件购置更新", "其他计算机设备及软件", "办公设备购置", "其他办公设备"}},
		{"real", "jiangsu_shengweiban_2019_dept_budget_tables.pdf", "2019年政府采购预算表",
			[]string{"合计", "一、货物A", "办公设备购置", "PC服务器", "小型机"}},
		{"govwide", "guangdong_province_2024_govwide_final_debt.pdf", "2024年广东省本级地方政府债券使用情况表",
			[]string{"广东省粤北区域应急救援中心", "广东省粤北区域应急救援中心", "广东省粤东西北防灾减灾精密监测网建设项目"}},
		{"govwide", "yunfu_2025_govwide_budget_report.pdf", "云浮市(县、区)地方政府债券发行(转贷)及还本付息情况表",
			[]string{"一、2025年发行（转贷）执行数", "一、2025年发行（转贷）执行数", "（一）一般债券", "（一）一般债券", "其中：再融资债券"}},
		{"govwide", "lincang_2025_govwide_budget_report.pdf", "临沧市地方政府债券发行及还本付息情况表",
			[]string{"一、2025年发行预计执行数", "一、2025年发行预计执行数", "（一）一般债券", "（一）一般债券", "其中：再融资债券"}},
		{"govwide", "dongguan_2025_govwide_budget_report.pdf", "2025年东莞市新增专项债券项目明细情况表",
			[]string{"合计", "合计", "合计", "东莞市城市轨道交通1号线一期工程（望洪站-黄江中心站）",
				"东莞市城市轨道交通1号线一期工程（望洪站-黄江中心站）", "东莞市城市轨道交通1号线一期工程（望洪站-黄江中心站）"}},
		{"govwide", "xizang_changdu_2024_govwide_debt.xls", "2024年政府债券使用情况表",
			[]string{"江达县汪布顶乡公路岔口至卓格村公路改（扩）建工程", "边坝县G349岔口至金岭乡卡许村公路改建工程"}},
	}
	for _, tt := range tests {
		found := titledTable(t, tt.dir, tt.file, tt.title)
		if found == nil {
			continue
		}
		var got []string
		found.AmountCells(func(_, _ int, subject, _ string) { got = append(got, subject) })
		if len(got) < len(tt.want) || !slices.Equal(got[:len(tt.want)], tt.want) {
			t.Errorf("%s: subjects %q…, want %q", tt.file, got[:min(len(got), len(tt.want)+2)], tt.want)
		}
		for j := range found.Columns {
			if p := found.Path(j); strings.HasSuffix(p, "形") {
				t.Errorf("%s: a wrapped header read in part: %q", tt.file, p)
			}
		}
	}
}

// TestDashesNameNothing: over whole documents of two regions (山东's
// transfer tables by city, 固原's 资金来源表 with - for nothing), no amount
// is named by a dash printed in an empty number cell to its left.
func TestDashesNameNothing(t *testing.T) {
	for _, file := range []string{"shandong_province_2025_govwide_budget_report.pdf", "guyuan_2025_govwide_budget_report.pdf"} {
		txt, err := sharedText(t, "govwide", file)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, tb := range Parse(txt) {
			tb.AmountCells(func(i, j int, subject, _ string) {
				n++
				if dash(fold(subject)) && strings.TrimSpace(subject) != "" {
					t.Errorf("%s %s row %d col %d: subject %q", file, tb.ID, i, j, subject)
				}
			})
		}
		if n == 0 {
			t.Errorf("%s: no amounts", file)
		}
	}
}
