package projects

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
	"github.com/budgetdoc/budgetdoc/schema"
)

// gridOf builds a grid from rows of cells separated by '|'. A cell "^" is
// covered by the merged cell above it, "<" by the one to its left; a line
// break inside a cell is written '/'.
func gridOf(page int, rows ...string) *extract.Table {
	t := &extract.Table{}
	for r, row := range rows {
		var cells []extract.Cell
		for c, s := range strings.Split(row, "|") {
			switch s {
			case "^":
				cells = append(cells, extract.Cell{Covered: true})
				for k := r - 1; k >= 0 && c < len(t.Rows[k]); k-- {
					if above := &t.Rows[k][c]; !above.Covered {
						above.RowSpan = max(above.RowSpan, 1) + 1
						break
					}
				}
				continue
			case "<":
				cells = append(cells, extract.Cell{Covered: true})
				for k := c - 1; k >= 0; k-- {
					if left := &cells[k]; !left.Covered {
						left.ColSpan = max(left.ColSpan, 1) + 1
						break
					}
				}
				continue
			}
			cell := extract.Cell{RowSpan: 1, ColSpan: 1}
			for _, l := range strings.Split(s, "/") {
				if l != "" {
					cell.Lines = append(cell.Lines, extract.Line{Text: l, Loc: schema.Loc{Page: page, Line: r + 1}})
				}
			}
			cells = append(cells, cell)
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// pagesOf makes a document of pages, each a list of items: a string is a
// line, a *extract.Table a grid.
func pagesOf(pages ...[]any) *normalize.Text {
	txt := &normalize.Text{}
	for pi, items := range pages {
		p := normalize.Page{Number: pi + 1}
		for li, it := range items {
			switch v := it.(type) {
			case string:
				p.Items = append(p.Items, normalize.Item{Line: normalize.NewLine(v, schema.Loc{Page: pi + 1, Line: li + 1})})
			case *extract.Table:
				p.Items = append(p.Items, normalize.Item{Table: v})
			}
		}
		txt.Pages = append(txt.Pages, p)
	}
	return txt
}

// projectLines renders projects and their indicators for comparison.
func projectLines(ps []schema.Project) []string {
	var out []string
	for _, p := range ps {
		out = append(out, "P "+p.Name+" | "+p.Implementer+" | "+p.Budget)
		for _, in := range p.Indicators {
			out = append(out, "  "+in.Group+"/"+in.Category+"/"+in.Name+"/"+in.Target)
		}
	}
	return out
}

// checkProjects compares the projects extracted from txt with want
// (projectLines).
func checkProjects(t *testing.T, txt *normalize.Text, want []string) {
	t.Helper()
	got := projectLines(extractAll(txt, false))
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Government reports list many projects in one table: a unit row heads its
// projects, the project name is merged down over its rows, and 指标性质,
// 指标值 and 度量单位 are columns of their own (临沧 表6-1, page 131, and
// page 132 with the table's header repeated).
func TestGridManyProjects(t *testing.T) {
	header := "单位名称、项目名称|项目年度绩效目标|一级指标|二级指标|三级指标|指标性质|指标值|度量单位|指标/属性|指标内容"
	numbers := "1|2|3|4|5|6|7|8|9|10"
	p131 := gridOf(1,
		header, numbers,
		"临沧市交通运输局|||||||||",
		"航线开发补贴经/费|完成临沧至上海航线不低于120/个航班|产出指标|数量指标|航班执飞数|>=|120|班次|定量指标|省外航线开发",
		"^|^|效益指标|经济效益|带动区域经济增长|=|有效带动||定性指标|经济促进",
		"^|^|成本指标|经济成本指标|航线运行补贴成本|<=|780|万元|定量指标|航线补贴的成/本",
		"农村公路养护补助资金|按照省政府办公厅…|产出指标|质量指标|农村公路路面自动化检测比/率|=|60|%|定量指标|…",
		"^|^|满意度指标|服务对象满意度|服务对象满意度|>=|85|%|定量指标|…",
	)
	p132 := gridOf(2,
		header, numbers,
		"临沧市自然资源和规划局|||||||||",
		"找矿行动专项经费|一是以锗、锑矿…|产出指标|数量指标|地质找矿地|>=|3|个|定量指标|地质找矿地",
		"找矿行动专项经费|二开展好…|效益指标|可持续影响|矿产资源节约集约利用率|>=|90|%|定量指标|…",
	)
	txt := pagesOf(
		[]any{"2026年市级重大政策和重点项目绩效目标表", "表6-1", p131},
		[]any{"2026年市级重大政策和重点项目绩效目标表", "表6-1", p132},
	)
	want := []string{
		"P 航线开发补贴经费 | 临沧市交通运输局 | ",
		"  产出指标/数量指标/航班执飞数/≥120班次",
		"  效益指标/经济效益/带动区域经济增长/=有效带动",
		"  成本指标/经济成本指标/航线运行补贴成本/≤780万元",
		"P 农村公路养护补助资金 | 临沧市交通运输局 | ",
		"  产出指标/质量指标/农村公路路面自动化检测比率/=60%",
		"  满意度指标/服务对象满意度/服务对象满意度/≥85%",
		"P 找矿行动专项经费 | 临沧市自然资源和规划局 | ",
		"  产出指标/数量指标/地质找矿地/≥3个",
		"  效益指标/可持续影响/矿产资源节约集约利用率/≥90%",
	}
	checkProjects(t, txt, want)
}

// The same reading for any order of the columns named by the header, and a
// table without a 一级指标 column: the group follows from the category by
// the national framework, also for a category written without 指标.
func TestGridColumnOrder(t *testing.T) {
	txt := pagesOf([]any{gridOf(1,
		"项目名称|三级指标|指标值|计量单位|指标性质|二级指标",
		"甲项目|培训人次|300|人次|≥|数量指标",
		"^|群众满意度|90|%|>=|服务对象满意度",
		"乙项目|带动就业|有效||=|社会效益",
		"^|支出成本|≤50|万元|<=|经济成本",
	)})
	want := []string{
		"P 甲项目 |  | ",
		"  产出指标/数量指标/培训人次/≥300人次",
		"  满意度指标/服务对象满意度/群众满意度/≥90%",
		"P 乙项目 |  | ",
		"  效益指标/社会效益/带动就业/=有效",
		"  成本指标/经济成本/支出成本/≤50万元",
	}
	checkProjects(t, txt, want)
}

// A one-project table (东莞 表13) whose indicator rows go on over the next
// page without a header (and on over any number of pages, but not past a
// page without a grid), and a category label that the page break cuts
// in two (服务对象满意 | 度, 东莞 pages 158-159); the 年度指标值 column is
// the target, not 实施周期指标值, and the budget is the 预算金额 in yuan.
func TestGridContinuedOverPages(t *testing.T) {
	p1 := gridOf(1,
		"项目名称|<|散裂中子源支持经费|<|<|<|<|<",
		"用款单位|<|东莞市发展和改革局|<|<|<|<|<",
		"2026年预算金额(元)|<|50,000,000.00|<|<|<|<|<",
		"总体绩效目标|<|通过对散裂中子源科学中心给予稳定经费支持，万元级…|<|<|<|<|<",
		"绩效指标|一级指标|二级指标|三级指标|<|<|实施周期指标值|年度指标值",
		"^|产出指标|数量指标|论文发表数量|<|<|发表核心期刊论文数量/120篇|发表核心期刊论文数量30篇",
		"^|^|^|举办高水平学术交流/活动次数|<|<|40次|10次",
		"^|效益指标|社会效益|支持企业开展实验项/数|<|<|20项|5项",
		"^|满意度指标|服务对象满意|学校满意度|<|<|90%|90%",
	)
	p2 := gridOf(2,
		"|满意度指标|度|研发机构满意度|90%|90%",
		"^|成本指标|经济成本指标|预算控制数|≤5000万元|≤5000万元",
	)
	p4 := gridOf(4, // after a page without it, a grid continues nothing
		"|产出指标|数量指标|无关的行|1|1",
	)
	txt := pagesOf([]any{"项目绩效目标表", p1}, []any{"表13项目绩效目标表", p2}, []any{"三、其他"}, []any{p4})
	want := []string{
		"P 散裂中子源支持经费 | 东莞市发展和改革局 | 50000000",
		"  产出指标/数量指标/论文发表数量/发表核心期刊论文数量30篇",
		"  产出指标/数量指标/举办高水平学术交流活动次数/10次",
		"  效益指标/社会效益/支持企业开展实验项数/5项",
		"  满意度指标/服务对象满意度/学校满意度/90%",
		"  满意度指标/服务对象满意度/研发机构满意度/90%",
		"  成本指标/经济成本指标/预算控制数/≤5000万元",
	}
	checkProjects(t, txt, want)
}

// Tables of two projects whose names contain one another stay two
// projects (东莞 pages 199 and 201).
func TestGridTablesKeepTheirProjects(t *testing.T) {
	table := func(page int, name string) *extract.Table {
		return gridOf(page,
			"项目名称|"+name+"|<",
			"一级指标|二级指标|三级指标|年度指标值",
			"产出指标|数量指标|污水处理量|≥1.5亿吨",
		)
	}
	txt := pagesOf([]any{table(1, "市统筹建设的分散式污水处理设施污水处理服务费")}, []any{"项目绩效目标表"}, []any{table(3, "污水处理服务费")})
	ps := extractAll(txt, false)
	if len(ps) != 2 || len(ps[0].Indicators) != 1 || len(ps[1].Indicators) != 1 {
		t.Errorf("got %q", projectLines(ps))
	}
}

func TestTarget(t *testing.T) {
	tests := []struct{ op, value, unit, want string }{
		{">=", "600", "项", "≥600项"},
		{"<=", "780", "万元", "≤780万元"},
		{"<", "30", "天", "<30天"},
		{"=", "合规", "", "=合规"},
		{"", "大于等于90%", "", "大于等于90%"},
		{"≥", "≥3.2万册", "", "≥3.2万册"}, // the value carries its sign
		{"=", "100%", "%", "=100%"},   // and its unit
		{">=", "", "%", ""},           // no value, no target
	}
	for _, tt := range tests {
		if got := target(tt.op, tt.value, tt.unit); got != tt.want {
			t.Errorf("target(%q, %q, %q) = %q, want %q", tt.op, tt.value, tt.unit, got, tt.want)
		}
	}
}

func TestCategoryGroup(t *testing.T) {
	tests := map[string]string{
		"数量指标": "产出指标", "经济效益": "效益指标", "经济效益指标": "效益指标", "可持续影响": "效益指标",
		"服务对象满意度": "满意度指标", "经济成本指标": "成本指标", "生态环境成本": "成本指标",
		"进度指标": "产出指标", "环境效益指标": "效益指标",
		"工作实施效果": "", "指标": "", "": "",
	}
	for cat, want := range tests {
		if got := categoryGroup(cat); got != want {
			t.Errorf("categoryGroup(%q) = %q, want %q", cat, got, want)
		}
	}
}

// TestFrameworkMatchesLexicon checks the framework table against the
// curated lexicon: every second-level name and alias of the target
// frameworks maps to its first-level group.
func TestFrameworkMatchesLexicon(t *testing.T) {
	path := filepath.Join(testenv.SharedDir(t), "lexicons", "perf_indicator_framework_curated.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("lexicon not available: %v", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range recs[1:] {
		scheme, l1, l2, aliases := r[0], r[1], r[2], r[4]
		if !strings.HasPrefix(scheme, "target_") || l2 == "" {
			continue
		}
		names := []string{l2}
		for _, a := range strings.Split(aliases, ";") {
			if a = strings.TrimSpace(a); a != "" {
				names = append(names, a)
			}
		}
		for _, name := range names {
			n++
			if got := categoryGroup(name); got != l1 {
				t.Errorf("%s %s: categoryGroup(%q) = %q, want %q", scheme, l2, name, got, l1)
			}
		}
	}
	if n == 0 {
		t.Error("no categories read from the lexicon")
	}
}
