package tables

import (
	"slices"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/schema"
)

// 公开03表 of taiyuan_fagaiwei_2016_dept_final.doc (abridged): caption
// lines above the grid, merged header, 类/款/项 header, codes in 类.
var taiyuanExpense = []extract.Block{
	para("2016年支出决算表", "公开03表", "金额单位：元"),
	grid(`项目|<|<|<|本年支出合计|基本支出|项目支出
支出功能分类科目编码|<|<|科目名称|^|^|^
类|款|项|栏次|1|2|3
|||合计|42,675,200.70|33,997,037.22|8,678,163.48
201|||一般公共服务支出|30,084,304.96|22,718,394.48|7,365,910.48
20104|||发展与改革事务|30,084,304.96|22,718,394.48|7,365,910.48
2010401|||  行政运行|20,861,725.02|20,861,725.02|0.00
注：本表反映部门本年度取得的各项收入情况。|<|<|<|<|<|<`),
}

// 公开表一 of jiangsu_renda_2019_dept_budget_tables.pdf (abridged): side by
// side 收入 and 支出, unit in 万元 on the 部门 line.
var jiangsuSummary = []extract.Block{
	para("收支预算总表", "公开表一", "部门：江苏省人大常委会办公厅 单位：万元"),
	grid(`收入|<|支出|<|<|<
项目名称|金额|功能科目名称|金额|项目名称|金额
一、财政拨款|18,330.37|一、一般公共服务支出|13,907.78|一、基本支出|9,312.90
1.一般公共预算|18,330.37|二、外交支出||二、项目支出|6,459.58
收入合计|18,330.37|支出合计|18,330.37||`),
}

func TestParse(t *testing.T) {
	type cell struct{ subject, code, dim, value string }
	tests := []struct {
		name   string
		text   func() []*Table
		title  string
		code   string
		kind   Kind
		unit   string
		pages  []int
		header int
		cells  []cell // some of the facts, in order
		nfacts int
	}{
		{
			name:  "doc expense table with 类款项",
			text:  func() []*Table { return Parse(text(extract.FormatDOC, taiyuanExpense)) },
			title: "2016年支出决算表", code: "公开03表", kind: ExpenseSummary, unit: "元", pages: []int{1}, header: 3,
			cells: []cell{
				{"合计", "", "本年支出合计", "42675200.7"},
				{"一般公共服务支出", "201", "基本支出", "22718394.48"},
				{"行政运行", "2010401", "项目支出", "0"},
			},
			nfacts: 12,
		},
		{
			name:  "side-by-side summary in 万元",
			text:  func() []*Table { return Parse(text(extract.FormatPDF, jiangsuSummary)) },
			title: "收支预算总表", code: "公开表一", kind: IncomeExpenseSummary, unit: "万元", pages: []int{1}, header: 2,
			cells: []cell{
				{"一、财政拨款", "", "收入 / 金额", "183303700"},
				{"一、一般公共服务支出", "", "支出 / 金额", "139077800"},
				{"一、基本支出", "", "支出 / 金额", "93129000"},
				{"1.一般公共预算", "", "收入 / 金额", "183303700"},
				{"二、项目支出", "", "支出 / 金额", "64595800"},
				{"收入合计", "", "收入 / 金额", "183303700"},
				{"支出合计", "", "支出 / 金额", "183303700"},
			},
			nfacts: 7,
		},
		{
			name: "continued table stitched",
			text: func() []*Table {
				return Parse(text(extract.FormatPDF,
					[]extract.Block{para("支出预算总表", "单位：元"), grid("项目|合计\n合计|3.00\n一般公共服务支出|1.00")},
					[]extract.Block{para("续表"), grid("项目|合计\n住房保障支出|2.00")}))
			},
			title: "支出预算总表", kind: ExpenseSummary, unit: "元", pages: []int{1, 2}, header: 1,
			cells: []cell{
				{"合计", "", "合计", "3"}, {"一般公共服务支出", "", "合计", "1"}, {"住房保障支出", "", "合计", "2"},
			},
			nfacts: 3,
		},
		{
			name: "title in the first row, counts are not money",
			text: func() []*Table {
				return Parse(text(extract.FormatXLSX, []extract.Block{grid(`2016年一般公共预算财政拨款“三公”经费支出表|<|<
金额单位：元|<|<
项目|2016年度预算数|2016年度决算数
（一）合     计|660,100.00|77,997.08
  4.公务用车保有量（辆）|────|16`)}))
			},
			title: "2016年一般公共预算财政拨款“三公”经费支出表", kind: ThreePublic, unit: "元", pages: []int{1}, header: 1,
			cells: []cell{
				{"（一）合计", "", "2016年度预算数", "660100"},
				{"（一）合计", "", "2016年度决算数", "77997.08"},
			},
			nfacts: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := tt.text()
			if len(ts) != 1 {
				t.Fatalf("got %d tables, want 1", len(ts))
			}
			tb := ts[0]
			if tb.Title != tt.title || tb.Code != tt.code || tb.Kind != tt.kind || tb.Unit != tt.unit {
				t.Errorf("title/code/kind/unit = %q %q %q %q, want %q %q %q %q", tb.Title, tb.Code, tb.Kind, tb.Unit,
					tt.title, tt.code, tt.kind, tt.unit)
			}
			if got := tb.Pages; len(got) != len(tt.pages) || got[len(got)-1] != tt.pages[len(tt.pages)-1] {
				t.Errorf("pages = %v, want %v", got, tt.pages)
			}
			if len(tb.Header) != tt.header {
				t.Errorf("header rows = %d, want %d", len(tb.Header), tt.header)
			}
			facts := tb.Facts(1)
			if len(facts) != tt.nfacts {
				for _, f := range facts {
					t.Logf("%s %s %s %s", f.Subject, f.Code, f.Dimension, f.Value)
				}
				t.Errorf("got %d facts, want %d", len(facts), tt.nfacts)
			}
			k := 0
			for _, f := range facts {
				if k < len(tt.cells) {
					w := tt.cells[k]
					if f.Subject == w.subject && f.Code == w.code && f.Dimension == w.dim && f.Value == w.value {
						k++
					}
				}
				if f.Table != tb.ID || f.Loc.Page == 0 || f.Loc.Line == 0 || f.Unit != "CNY" {
					t.Errorf("fact %+v: missing table or location", f)
				}
			}
			if k < len(tt.cells) {
				for _, f := range facts {
					t.Logf("%q %q %q %q", f.Subject, f.Code, f.Dimension, f.Value)
				}
				t.Errorf("cell %+v not found in order", tt.cells[k])
			}
		})
	}
}

func TestStitchedCellsKeepTheirPage(t *testing.T) {
	ts := Parse(text(extract.FormatPDF,
		[]extract.Block{para("支出预算总表", "单位：元"), grid("项目|合计\n合计|3.00")},
		[]extract.Block{grid("项目|合计\n住房保障支出|3.00")}))
	if len(ts) != 1 || len(ts[0].Body) != 2 {
		t.Fatalf("not stitched: %d tables", len(ts))
	}
	if p := ts[0].Body[1].Cells[1].Loc.Page; p != 2 {
		t.Errorf("continued cell on page %d, want 2", p)
	}
}

func TestSeparateTablesAreNotStitched(t *testing.T) {
	ts := Parse(text(extract.FormatPDF,
		[]extract.Block{para("收入预算总表", "单位：万元"), grid("项目|金额\n收入总计|3.00")},
		[]extract.Block{para("支出预算总表", "单位：万元"), grid("项目|金额\n合计|3.00")}))
	if len(ts) != 2 || ts[0].Kind != IncomeSummary || ts[1].Kind != ExpenseSummary {
		t.Fatalf("got %d tables", len(ts))
	}
}

func TestClassify(t *testing.T) {
	for title, want := range map[string]Kind{
		"收支预算总表":             IncomeExpenseSummary,
		"2025年部门收支总表":        IncomeExpenseSummary,
		"收入预算总表":             IncomeSummary,
		"2016年收入决算表":         IncomeSummary,
		"支出预算总表":             ExpenseSummary,
		"财政拨款收支预算总表":         FiscalSummary,
		"2016年财政拨款收入支出决算总表":  FiscalSummary,
		"一般公共预算支出表":          GeneralExpense,
		"一般公共预算基本支出表":        GeneralBasicExpense,
		"一般公共预算支出预算表（按经济分类）": GeneralBasicExpense,
		"一般公共预算“三公”经费支出预算表":  ThreePublic,
		"“三公”经费和机关运行经费预算表":   ThreePublic,
		"政府性基金预算支出表":         GovFundExpense,
		"国有资本经营预算支出表":        StateCapitalExpense,
		"项目支出绩效目标表":          PerformanceTargets,
		"2016年部门决算公开相关信息统计表": ProcurementAndAssets,
		"序号": Unknown,
	} {
		if got := classify(&Table{Title: title}); got != want {
			t.Errorf("classify(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestSchemaAndFacts(t *testing.T) {
	ts := Parse(text(extract.FormatDOC, taiyuanExpense))
	if len(ts) != 1 {
		t.Fatalf("got %d tables", len(ts))
	}
	st := ts[0].Schema()
	if st.ID != "t1" || st.HeaderRows != 3 || len(st.Rows) != 8 || st.Kind != string(ExpenseSummary) {
		t.Errorf("table %+v", st)
	}
	if got := st.Columns[0]; got != "项目 / 支出功能分类科目编码 / 类" {
		t.Errorf("column 0 path %q", got)
	}
	if fs := ts[0].Facts(2); len(fs) == 0 || fs[0].ID != "f2" || fs[0].Table != "t1" || fs[0].Kind != schema.FactMoney {
		t.Errorf("first table fact %+v", fs)
	}
}

func TestEmptyTable(t *testing.T) {
	ts := Parse(text(extract.FormatPDF, []extract.Block{
		para("政府性基金预算支出表", "单位：万元"),
		grid("项目|合计|基本支出|项目支出\n合计|||"),
		para("注：本部门无政府性基金预算收支，本表为空表。"),
	}))
	if len(ts) != 1 || !ts[0].Empty() {
		t.Fatalf("want one empty table, got %d", len(ts))
	}
	if len(ts[0].Notes) != 1 || !strings.Contains(ts[0].Notes[0], "空表") {
		t.Errorf("notes %q", ts[0].Notes)
	}
	if len(ts[0].Header) != 1 {
		t.Errorf("header %q, want the one row of headings (合计 and its blank cells are the body)", ts[0].Header)
	}
	// shanghai_putuo_caizhengju_2024_dept_final_INJECTED_ERRORS.pdf p15: a
	// blank 三公 table keeps its two-level header, so its columns read
	// 合计/预算数 … and a blank cell can be named
	ts = Parse(text(extract.FormatPDF, []extract.Block{
		para("财政拨款“三公”经费支出决算表", "单位：万元"),
		grid("合计|合计|因公出国（境）费|因公出国（境）费|公务接待费|公务接待费\n预算数|决算数|预算数|决算数|预算数|决算数\n||||||"),
	}))
	if len(ts) != 1 || !ts[0].Empty() || len(ts[0].Header) != 2 {
		t.Fatalf("got %d tables, header %q", len(ts), ts[0].Header)
	}
	if got := ts[0].Path(0); got != "合计 / 预算数" {
		t.Errorf("column 0 path %q, want 合计 / 预算数", got)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("收支预算总表\n单位：万元", "项目|金额\n合计|1,234.50\n201|一般公共服务支出|1.00")
	f.Add("", "|<|^\n^|<|")
	f.Add("续表", "类|款|项|科目名称|合计\n201|04|01|行政运行|3.00")
	f.Fuzz(func(t *testing.T, caption, table string) {
		if len(table) > 4096 {
			return
		}
		ts := Parse(text(extract.FormatPDF, []extract.Block{para(strings.Split(caption, "\n")...), grid(table)},
			[]extract.Block{grid(table)}))
		out := &schema.Document{}
		for _, tb := range ts {
			out.Tables = append(out.Tables, tb.Schema())
			out.Facts = append(out.Facts, tb.Facts(1)...)
		}
	})
}

// jiangsu_renda_2017_dept_budget.pdf p7–9: a row cut by the page break
// (八、社会保障和就 | 业支出), and a grid that holds the tail of 收支预算总表
// and the next table, 收入预算总表.
func TestCutRowsAndJoinedGrids(t *testing.T) {
	ts := Parse(text(extract.FormatPDF,
		[]extract.Block{para("收支预算总表", "单位：万元"), grid("项目|金额\n一、财政拨款|13,649.07\n八、社会保障和就|1,608.51")},
		[]extract.Block{grid("业支出|\n十八、住房保障支出|1,512.23")},
		[]extract.Block{grid("收入合计|13,649.07\n收入预算总表|<\n项目名称|金额\n收入总计|13,649.07")}))
	if len(ts) != 2 {
		t.Fatalf("got %d tables, want 2", len(ts))
	}
	var got []string
	for _, f := range ts[0].Facts(1) {
		got = append(got, f.Subject+"="+f.Value)
	}
	want := "一、财政拨款=136490700 八、社会保障和就业支出=16085100 十八、住房保障支出=15122300 收入合计=136490700"
	if strings.Join(got, " ") != want {
		t.Errorf("facts %q, want %q", strings.Join(got, " "), want)
	}
	if ts[1].Title != "收入预算总表" || ts[1].Kind != IncomeSummary || ts[1].Pages[0] != 3 {
		t.Errorf("second table %q %q %v", ts[1].Title, ts[1].Kind, ts[1].Pages)
	}
}

// A label that a narrow column wraps is one word again; Latin words and
// numbers keep a space between lines.
func TestCellLinesJoin(t *testing.T) {
	for _, tt := range []struct {
		lines []string
		want  string
	}{
		{[]string{"收入合", "计"}, "收入合计"},
		{[]string{"公共财政拨款(补助)", "资金"}, "公共财政拨款(补助)资金"},
		{[]string{"便携式计算机（20万以", "下）"}, "便携式计算机（20万以下）"},
		{[]string{"一、货物 A", "采购"}, "一、货物 A采购"},
		{[]string{"Office", "supplies"}, "Office supplies"},
		{[]string{"12.00", "3.00"}, "12.00 3.00"},
		{[]string{" ", "合计 "}, "合计"},
	} {
		c := &extract.Cell{}
		for _, l := range tt.lines {
			c.Lines = append(c.Lines, extract.Line{Text: l})
		}
		if got := cellText(c); got != tt.want {
			t.Errorf("cellText(%q) = %q, want %q", tt.lines, got, tt.want)
		}
	}
}

// Real Jiangsu tables whose grids came out wrong (issue 6): amounts beside
// the wrong label or under the wrong header, labels cut into rows, a
// continued row whose label landed in an amount column. Each case lists
// cells as subject | header path = value (subject without spaces).
func TestCorpusJiangsuGrids(t *testing.T) {
	for _, tt := range []struct {
		file string
		kind Kind
		want []string
		rows []string // body rows as text, cells joined by "|"
	}{
		{
			file: "jiangsu_jianchayuan_2018_dept_budget.pdf", kind: IncomeExpenseSummary,
			want: []string{
				"1.一般公共预算|收入 / 金额=21,940.96",
				"三、单位预留机动经费|支出 / 支出用途 / 金额=2,388.04",
				"四、公共安全支出|支出 / 功能分类 / 金额=16,458.75",
			},
			rows: []string{"二、财政专户管理资金||四、公共安全支出|16,458.75||"},
		},
		{
			file: "jiangsu_gaoyuan_2018_dept_budget.pdf", kind: IncomeExpenseSummary,
			want: []string{"三、单位预留机动经费|支出 / 支出用途 / 金额=3,258.06"},
		},
		{
			file: "jiangsu_gaoyuan_2017_dept_budget.pdf", kind: ExpenseSummary,
			want: []string{"|合计=28,849.38", "|基本支出=17,123.19", "|项目支出=11,543.27", "|单位预留机动经费=182.92"},
		},
		{
			file: "jiangsu_gaoyuan_2017_dept_budget.pdf", kind: ThreePublic,
			want: []string{
				"|“三公”经费 / 因公出国(境)费=180.00",
				"|“三公”经费 / 公务用车购置及运行维护费 / 公务用车运行维护费=304.40",
				"|“三公”经费 / 公务接待费=185.72",
			},
		},
		{
			// 收支预算总表 over pages 7–9: 当 年 收 入 | 小计 cut by the
			// page break; on page 9 the labels of the 支出 side are
			// centred in cells that span three columns of page 8.
			file: "jiangsu_renda_2017_dept_budget.pdf", kind: IncomeExpenseSummary,
			want: []string{
				"当年收入小计|收入 / 金额=13,649.07",
				"当年支出小计|支出 / 支出用途 / 金额=13,649.07",
				"收入合计|收入 / 金额=13,649.07",
				"支出合计|支出 / 支出用途 / 金额=13,649.07",
			},
			rows: []string{"上年结转资金||结转下年资金|||", "收入合计|13,649.07|支出合计|||13,649.07"},
		},
	} {
		t.Run(tt.file+"/"+string(tt.kind), func(t *testing.T) {
			var tb *Table
			for _, c := range Parse(corpusText(t, tt.file)) {
				if c.Kind == tt.kind {
					tb = c
					break
				}
			}
			if tb == nil {
				t.Fatalf("no %s table", tt.kind)
			}
			have := map[string]bool{}
			tb.AmountCells(func(i, j int, subject, _ string) {
				have[squeeze(subject)+"|"+tb.Path(j)+"="+tb.Body[i].Cells[j].Text] = true
			})
			for _, w := range tt.want {
				if !have[w] {
					t.Errorf("no cell %s; have %v", w, have)
				}
			}
			var rows []string
			for _, r := range tb.Body {
				var cs []string
				for _, c := range r.Cells {
					cs = append(cs, c.Text)
				}
				rows = append(rows, strings.Join(cs, "|"))
			}
			for _, w := range tt.rows {
				if !slices.Contains(rows, w) {
					t.Errorf("no row %q", w)
				}
			}
		})
	}
}

// TestLabelsFromMergedCells: a debt table prints the issue date and the
// bond kind once for the bonds of one day (shandong_province_2025 表54,
// weihai_2025 表61): rows whose label cells are covered from above are
// named by the merged cell nearest their numbers, on the table's first
// page and on the pages that continue it; a row whose first text cell is a
// date is named by its first text cell that has words.
func TestLabelsFromMergedCells(t *testing.T) {
	head := "发行日期|债券种类|期限（年）|发行量"
	ts := Parse(text(extract.FormatPDF,
		[]extract.Block{para("2025年地方政府债券分批次发行情况表", "单位：亿元"),
			grid(head + "\n2025年1月22日|再融资专项债券|10|15.86\n^|^|15|26.72\n2025/02/24|新增专项债券|30|81.65")},
		[]extract.Block{grid(head + "\n2025年10月20日|新增专项债券|7|19.51\n^|^|10|18.78")}))
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	var got []string
	for _, r := range ts[0].Body {
		got = append(got, r.Label)
	}
	want := "2025年1月22日 再融资专项债券 新增专项债券 2025年10月20日 新增专项债券"
	if strings.Join(got, " ") != want {
		t.Errorf("labels %q, want %q", strings.Join(got, " "), want)
	}
	if c := ts[0].Body[4].Cells[1]; !c.Covered || c.Loc.Page != 2 {
		t.Errorf("continued covered cell %+v: want covered, on page 2", c)
	}
}

// TestDashesAmongNumbers: "—" for nothing in a row of whole numbers does
// not make the row a header row, nor its column text (shandong_province_2025
// 表7; the form of guyuan_2025's "-" in 执行数 columns).
func TestDashesAmongNumbers(t *testing.T) {
	ts := Parse(text(extract.FormatPDF, []extract.Block{para("一般性转移支付分地区执行情况表", "单位：万元"),
		grid("地区|合计|均衡性转移支付|资源枯竭型城市转移支付\n济南市|1686001|52995|—\n青岛市|261722|—|－\n淄博市|989448|134255|41951")}))
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	tb := ts[0]
	if len(tb.Header) != 1 || len(tb.Body) != 3 {
		t.Fatalf("header %q, %d body rows", tb.Header, len(tb.Body))
	}
	if r := tb.Columns[3].Role; r != AmountColumn {
		t.Errorf("资源枯竭型城市转移支付: role %v, want amounts", r)
	}
	var got []string
	for _, f := range tb.Facts(1) {
		got = append(got, f.Subject+"="+f.Value)
	}
	if len(got) != 6 {
		t.Errorf("facts %q: want the six numbers, no dash", got)
	}
}
