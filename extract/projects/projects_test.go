package projects

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
	"github.com/budgetdoc/budgetdoc/schema"
)

// textOf builds a normalized text from pages of lines; each line is its own
// logical line located at its page and 1-based line number.
func textOf(pages ...[]string) *normalize.Text {
	t := &normalize.Text{}
	for pi, lines := range pages {
		p := normalize.Page{Number: pi + 1}
		for li, l := range lines {
			p.Items = append(p.Items, normalize.Item{Line: normalize.NewLine(l, schema.Loc{Page: pi + 1, Line: li + 1})})
		}
		t.Pages = append(t.Pages, p)
	}
	return t
}

func TestParseList(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // group/category/name/target
	}{
		{"outline test line", "数量指标：办理案件数≥120件；培训人次≥300人次。",
			[]string{"产出指标/数量指标/办理案件数/≥120件", "产出指标/数量指标/培训人次/≥300人次"}},
		{"trailing semicolon", "数量指标：办理案件数≥120件；培训人次≥300人次；",
			[]string{"产出指标/数量指标/办理案件数/≥120件", "产出指标/数量指标/培训人次/≥300人次"}},
		{"two categories in one line", "数量指标：系统正常运行月数≥12个月。质量指标：系统故障修复率≥95%。",
			[]string{"产出指标/数量指标/系统正常运行月数/≥12个月", "产出指标/质量指标/系统故障修复率/≥95%"}},
		{"label after a word", "其中数量指标：信息化建设完成率≥99%。",
			[]string{"产出指标/数量指标/信息化建设完成率/≥99%"}},
		{"words as comparator", "社会效益指标：补贴对象生活改善度不低于80%。",
			[]string{"效益指标/社会效益指标/补贴对象生活改善度/不低于80%"}},
		{"trailing quantity", "时效指标：系统正常运行月数12个月。",
			[]string{"产出指标/时效指标/系统正常运行月数/12个月"}},
		{"no target", "社会效益指标：社区法治氛围增强；居民满意。",
			[]string{"效益指标/社会效益指标/社区法治氛围增强/", "效益指标/社会效益指标/居民满意/"}},
		{"satisfaction", "服务对象满意度指标：服务对象满意度≥90%。",
			[]string{"满意度指标/服务对象满意度指标/服务对象满意度/≥90%"}},
		{"stated group", "产出指标：数量指标：培训人次≥300人次。",
			[]string{"产出指标/数量指标/培训人次/≥300人次"}},
		{"group as category", "效益指标：社会治安持续稳定。",
			[]string{"效益指标/效益指标/社会治安持续稳定/"}},
		{"colon inside item", "成本指标：人均成本：≤500元。",
			[]string{"产出指标/成本指标/人均成本/≤500元"}},
		{"table-style target", "满意度指标：补贴对象满意度≥80.00(%)。",
			[]string{"满意度指标/满意度指标/补贴对象满意度/≥80.00(%)"}},
		{"line break ends the list", "数量指标：办理案件数≥120件\n本项目由办公室实施。",
			[]string{"产出指标/数量指标/办理案件数/≥120件"}},
		{"prose, no label", "推动生命健康产业高质量发展，完成经济指标任务。", nil},
		{"long prose before 指标：", "根据本区重点工作安排和年度考核要求确定的指标：无。",
			nil},
		{"ASCII semicolons", "数量指标:开展活动≥300场;培训≥12次.",
			[]string{"产出指标/数量指标/开展活动/≥300场", "产出指标/数量指标/培训/≥12次."}},
		// Lists written one item to a line under a label that ends its line,
		// with and without targets, as joined.add gives them.
		{"one to a line, names only", "数量指标：\n教职工培训人数\n资助学生人数\n质量指标：\n资助对象精准率",
			[]string{"产出指标/数量指标/教职工培训人数/", "产出指标/数量指标/资助学生人数/", "产出指标/质量指标/资助对象精准率/"}},
		{"one to a line, with targets, then prose", "时效指标：\n资金拨付及时率≥95%\n项目完成时间：2025年12月底前\n本项目由办公室组织实施，年底前完成。",
			[]string{"产出指标/时效指标/资金拨付及时率/≥95%", "产出指标/时效指标/项目完成时间/2025年12月底前"}},
		// Aliases of the national framework's categories.
		{"alias 进度指标", "进度指标：项目完成率100%。", []string{"产出指标/进度指标/项目完成率/100%"}},
		{"alias 环境效益指标", "环境效益指标：垃圾分类覆盖率≥90%。", []string{"效益指标/环境效益指标/垃圾分类覆盖率/≥90%"}},
		{"long alias", "社会公众或服务对象满意度指标：群众满意度≥85%。",
			[]string{"满意度指标/社会公众或服务对象满意度指标/群众满意度/≥85%"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, it := range ParseList(tt.in) {
				got = append(got, it.Group+"/"+it.Category+"/"+it.Name+"/"+it.Target)
				if tt.in[it.NameStart:it.NameEnd] != it.Name || tt.in[it.TargetStart:it.TargetEnd] != it.Target {
					t.Errorf("offsets do not match %+v", it)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("ParseList(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// Annual budget fields as written in the corpus.
func TestBudget(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025年度项目总预算1720.00万，其中各级企业技术中心及专精特新认定1720.00万。", "17200000"}, // shangwuwei 2025 p23
		{"2025年度项目总预算1170.00万，其中支持企业规模化发展870.00万，支持企业创新化发展70.00万，支持企业协同化发展180.00万，支持企业国际化发展50.00万，合计1170.00万。", "11700000"},
		{"795万元", "7950000"}, // sifaju 2026 p23
		{"信息化系统日常维护费166.66万元，中介机构服务费418.80万元，财政业务费10万元。", "5954600"},                      // caizhengju 2025 p24: no total, the sum
		{"第一季度用款计划25.88万元，第二季度用款计划180.74万元，第三季度用款计划186.60万元，第四季度用款计划16.78万元。", "4100000"}, // wanlijiedao 2023 p30
		{"结合区政府重点工作推进情况，根据合同条款，按时拨付资金。", ""},                                              // zhengfuban 2025 p22
		{"年度预算安排：45.6万", "456000"},
		{"支持外贸发展370.00万，支持商销稳增长30.00万，合计400.00万。", "4000000"},
	}
	for _, tt := range tests {
		if got := budget(textnorm.Fold(tt.in).Text); got != tt.want {
			t.Errorf("budget(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestProjectName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"科技创新专项经费情况说明", "科技创新专项"},
		{"生命健康专项（政策资金）经费情况说明", "生命健康专项（政策资金）"},
		{"人民调解项目经费情况说明", "人民调解项目"},
		{"区政府督查及建议提案工作业务经费项目经费情况说明", "区政府督查及建议提案工作业务经费项目"},
		{"项目经费情况说明", ""},
		{"（一）信息系统运维项目", "信息系统运维项目"},
	}
	for _, tt := range tests {
		if got := projectName(tt.in); got != tt.want {
			t.Errorf("projectName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExtractBlocks(t *testing.T) {
	// shangwuwei 2025 p23, with a prose indicator list whose last item is
	// broken by a page break inside a word (服务对象满意 + 度).
	txt := textOf([]string{
		"其他相关情况说明",
		"科技创新专项经费情况说明",
		"一、项目概述",
		"加快推动本区企业创新驱动发展，促进企业加大创新力度、加快成果转化。",
		"二、立项依据",
		"1、《普陀区服务企业发展工作实施意见》（普投资规范〔2023〕1号）。",
		"2、《普陀区支持科技创新实施意见》（普科合规范〔2023〕3号）。",
		"三、实施主体",
		"上海市普陀区商务委员会",
		"四、实施方案",
		"根据《普陀区服务企业发展工作实施意见》，按程序落实专项资金拨付。",
		"五、实施周期",
		"2025.1.1-2025.12.31",
		"六、年度预算安排",
		"2025年度项目总预算1720.00万，其中各级企业技术中心及专精特新认定1720.00万。",
		"七、绩效目标",
		"1.数量指标：认定企业技术中心≥10家；",
		"专精特新企业≥20家。",
		"2.满意度指标：服务对象满意",
	}, []string{
		"度≥90%。",
		"人民调解项目经费情况说明",
		"项目概述：人民调解承担着化解社会矛盾、维护社会稳定的责任。",
		"实施主体：上海市普陀区司法局",
		"年度预算安排：795万元",
	})
	ps := extractAll(txt, true)
	if len(ps) != 2 {
		t.Fatalf("got %d projects, want 2:\n%s", len(ps), dump(ps))
	}
	p := ps[0]
	want := schema.Project{ID: "p1", Name: "科技创新专项", Overview: "加快推动本区企业创新驱动发展，促进企业加大创新力度、加快成果转化。",
		Basis:       "1、《普陀区服务企业发展工作实施意见》（普投资规范〔2023〕1号）。2、《普陀区支持科技创新实施意见》（普科合规范〔2023〕3号）。",
		Implementer: "上海市普陀区商务委员会", Period: "2025.1.1-2025.12.31", PeriodLoc: &schema.Loc{Page: 1, Line: 13},
		Budget: "17200000", Loc: schema.Loc{Page: 1, Line: 2}}
	got := p
	got.Indicators = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("project\n got %+v\nwant %+v", got, want)
	}
	ind := []string{}
	for _, in := range p.Indicators {
		ind = append(ind, in.Group+"/"+in.Category+"/"+in.Name+"/"+in.Target)
	}
	wantInd := []string{"产出指标/数量指标/认定企业技术中心/≥10家", "产出指标/数量指标/专精特新企业/≥20家", "满意度指标/满意度指标/服务对象满意度/≥90%"}
	if strings.Join(ind, "|") != strings.Join(wantInd, "|") {
		t.Errorf("indicators\n got %q\nwant %q", ind, wantInd)
	}
	if len(p.Indicators) == 3 {
		if l := p.Indicators[1].Loc; l.Page != 1 || l.Line != 18 {
			t.Errorf("second indicator at %+v, want page 1 line 18", l)
		}
	}
	q := ps[1]
	if q.Name != "人民调解项目" || q.Implementer != "上海市普陀区司法局" || q.Budget != "7950000" ||
		q.Overview != "人民调解承担着化解社会矛盾、维护社会稳定的责任。" || q.Loc.Page != 2 || q.Loc.Line != 2 {
		t.Errorf("inline labels: %+v", q)
	}
}

// Rows of the 财政项目支出绩效目标填报表 of wanlijiedao 2023 as the PDF reader
// gives them (pages 31, 32 and 35), without boxes: rows are placed by index.
func TestTable(t *testing.T) {
	page32 := []string{
		"财政项目支出绩效目标填报表",
		"（2023年度）",
		"项目名称                   就业援助基地补贴               项目性质     经常性项目 项目类别      特定目标类",
		"主管部门          上海市普陀区人民政府万里街道办事处      实施单位       上海市普陀区人民政府万里街道办事处",
		"计划开始日期                    2023-01-01                计划完成日期                 2023-12-31",
		"项目资金总额                        6,351,000.00 年度资金申请总额          6,351,000.00",
		"一级指标     二级指标                        三级指标                        年度(/项目)指标值",
		"数量指标                  补贴对象申请审核完成率                        =100.00(%)",
		"产出指标",
		"质量指标                    补贴对象审核达标率                        =100.00(%)",
		"绩效指标",
		"效益指标   社会效益指标                  补贴对象生活改善度                 补贴对象生活改善度不低于80%",
		"服务对象满意",
		"满意度指标                        补贴对象满意度                        ≥80.00(%)",
		"度指标",
	}
	page35 := []string{
		"财政项目支出绩效目标填报表",
		"项目名称                 公共服务设施运行经费             项目性质     经常性项目 项目类别       其他运转类",
		"项目资金总额                        10,903,043.00 年度资金申请总额           10,903,043.00",
		"一级指标    二级指标                        三级指标                        年度(/项目)指标值",
		"开展活动300场                        =300.00(场)",
		"数量指标",
		"环境卫生及保安服务                      卫生整洁、内部安全有序",
		"产出指标                        居民参与率                        居民参与率不低于100%",
		"质量指标                      维修处理及时率                        维修响应速度快",
		"绩效指标                        房屋质量                        房屋完好",
		"加强工作人员队伍建设                        是",
		"社会效益指",
		"效益指标",
		"标",
		"安全责任事故                        安全无事故",
		"居民满意度                        90%",
		"服务对象满",
		"满意度指标",
		"意度指标",
		"工作人员满意度                        ≥95.00(%)",
	}
	wrapped := []string{ // page 34, a name wrapped around its centred target, and a quoted cell
		"财政项目支出绩效目标填报表",
		"项目名称                     各类工作经费                 项目性质    经常性项目 项目类别                 特定目标类",
		"一级指标    二级指标                        三级指标                        年度(/项目)指标值",
		"效益指标  社会效益指标",
		`"提升居民、驻区单位质量及节能环保意识  提升驻区企`,
		"提升",
		`业，依法统计意识 优化营商环境"`,
		"促进经济发展                        有效",
		"全面提升社区党员党性修养，提升书记综合素质，牢固树",
		"有效",
		"立全心全意为民服务意识",
	}
	tests := []struct {
		name   string
		page   []string
		total  string
		impl   string
		period string
		want   []string
	}{
		{"page 32", page32, "6351000", "上海市普陀区人民政府万里街道办事处", "2023-01-01至2023-12-31", []string{
			"产出指标/数量指标/补贴对象申请审核完成率/=100.00(%)",
			"产出指标/质量指标/补贴对象审核达标率/=100.00(%)",
			"效益指标/社会效益指标/补贴对象生活改善度/补贴对象生活改善度不低于80%",
			"满意度指标/服务对象满意度指标/补贴对象满意度/≥80.00(%)",
		}},
		{"page 35", page35, "10903043", "", "", []string{
			"产出指标/数量指标/开展活动300场/=300.00(场)",
			"产出指标/数量指标/环境卫生及保安服务/卫生整洁、内部安全有序",
			"产出指标/质量指标/居民参与率/居民参与率不低于100%",
			"产出指标/质量指标/维修处理及时率/维修响应速度快",
			"产出指标/质量指标/房屋质量/房屋完好",
			"效益指标/社会效益指标/加强工作人员队伍建设/是",
			"效益指标/社会效益指标/安全责任事故/安全无事故",
			"满意度指标/服务对象满意度指标/居民满意度/90%",
			"满意度指标/服务对象满意度指标/工作人员满意度/≥95.00(%)",
		}},
		{"wrapped cells", wrapped, "", "", "", []string{
			"效益指标/社会效益指标/提升居民、驻区单位质量及节能环保意识提升驻区企业，依法统计意识 优化营商环境/提升",
			"效益指标/社会效益指标/促进经济发展/有效",
			"效益指标/社会效益指标/全面提升社区党员党性修养，提升书记综合素质，牢固树立全心全意为民服务意识/有效",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := extractAll(textOf(tt.page), false)
			if len(ps) != 1 {
				t.Fatalf("got %d projects", len(ps))
			}
			p := ps[0]
			if p.Budget != tt.total || p.Implementer != tt.impl || p.Period != tt.period || p.Loc.Line != 1 {
				t.Errorf("project %+v", p)
			}
			var got []string
			for _, in := range p.Indicators {
				got = append(got, in.Group+"/"+in.Category+"/"+in.Name+"/"+in.Target)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("indicators\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// A table is linked to the prose block of the same project: by name, or,
// when the block has no name, by its budget (wanlijiedao 2023 p30/p31).
func TestLink(t *testing.T) {
	txt := textOf([]string{
		"项目经费情况说明",
		"一、项目概况",
		"由上海市普陀区人民政府万里街道办事处建设的万里街道社区公共服务中心新建工程。",
		"六、年度预算安排",
		"第一季度用款计划25.88万元，第二季度用款计划180.74万元，第三季度用款计划186.60万元，第四季度用款计划16.78万元。",
		"七、绩效目标",
		"建成后作为万里街道社区事务受理、社区管理、社区文化艺术活动场所。",
	}, []string{
		"财政项目支出绩效目标填报表",
		"项目名称             新建万里街道社区公共服务中心          项目性质     阶段性项目 项目类别       特定目标类",
		"项目资金总额                        4,100,000.00 年度资金申请总额           4,100,000.00",
		"一级指标      二级指标                        三级指标                        年度(/项目)指标值",
		"数量指标                       规划建筑面积                        ≥13459.00(平方米)",
	}, []string{
		"科技创新专项经费情况说明",
		"一、项目概述",
		"加快推动本区企业创新驱动发展。",
		"财政项目支出绩效目标表",
		"项目名称   科技创新专项",
		"一级指标   二级指标   三级指标   指标值",
		"产出指标   数量指标   认定企业数   ≥10家",
	})
	ps := extractAll(txt, false)
	if len(ps) != 2 {
		t.Fatalf("got %d projects:\n%s", len(ps), dump(ps))
	}
	if ps[0].Name != "新建万里街道社区公共服务中心" || ps[0].Budget != "4100000" || len(ps[0].Indicators) != 1 || ps[0].Loc.Page != 1 {
		t.Errorf("by budget:\n%s", dump(ps))
	}
	if ps[1].Name != "科技创新专项" || len(ps[1].Indicators) != 1 || ps[1].Indicators[0].Target != "≥10家" {
		t.Errorf("by name:\n%s", dump(ps))
	}
}

func TestNoProjects(t *testing.T) {
	txt := textOf([]string{"七、项目经费情况说明  ……………………", "四、绩效目标设置情况",
		"2025年度，本部门编报绩效目标的项目共25个，涉及项目预算资金11381.60万元。"})
	if ps := extractAll(txt, true); len(ps) != 0 {
		t.Errorf("got %d projects:\n%s", len(ps), dump(ps))
	}
	if ps, err := Extract(context.Background(), nil, nil); ps != nil || err != nil {
		t.Error("nil text")
	}
}

// dump is a compact view of projects for reading in test logs.
func dump(ps []schema.Project) string {
	var sb strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&sb, "%s %q p%d budget=%s period=%q impl=%.30q basis=%.30q overview=%.30q\n", p.ID, p.Name, p.Loc.Page, p.Budget, p.Period, p.Implementer, p.Basis, p.Overview)
		for _, in := range p.Indicators {
			fmt.Fprintf(&sb, "   %d:%d [%s/%s] %q => %q\n", in.Loc.Page, in.Loc.Line, in.Group, in.Category, in.Name, in.Target)
		}
	}
	return sb.String()
}

// extractAll runs Extract with a background context (never done), with the
// outline of txt when withTree is set.
func extractAll(txt *normalize.Text, withTree bool) []schema.Project {
	var tree *outline.Outline
	if withTree {
		tree, _ = outline.Build(context.Background(), txt)
	}
	ps, _ := Extract(context.Background(), txt, tree)
	return ps
}

// Indicators written one to a line under a label that ends its line, the
// items unnumbered and without targets (a form of county and provincial
// department budgets), and after them a sentence of prose.
func TestExtractIndicatorsOneToALine(t *testing.T) {
	txt := textOf([]string{
		"学生资助项目经费情况说明",
		"项目概述：落实国家学生资助政策。",
		"绩效目标：",
		"产出指标",
		"数量指标：",
		"资助学生人数",
		"发放助学金人次",
		"质量指标：",
		"资助对象精准率≥98%",
		"满意度指标：",
		"受助学生满意度",
		"以上指标按学期考核，年底前完成。",
	})
	ps := extractAll(txt, true)
	if len(ps) != 1 {
		t.Fatalf("got %d projects, want 1:\n%s", len(ps), dump(ps))
	}
	var got []string
	for _, in := range ps[0].Indicators {
		got = append(got, fmt.Sprintf("%s/%s/%s/%s@%d", in.Group, in.Category, in.Name, in.Target, in.Loc.Line))
	}
	want := []string{"产出指标/数量指标/资助学生人数/@6", "产出指标/数量指标/发放助学金人次/@7",
		"产出指标/质量指标/资助对象精准率/≥98%@9", "满意度指标/满意度指标/受助学生满意度/@11"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("indicators\n got %q\nwant %q", got, want)
	}
}
