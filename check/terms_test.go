package check

import (
	"strings"
	"testing"
)

func TestTypo(t *testing.T) {
	runCases(t, Typo, []ruleCase{
		// shanghai_putuo_wanlijiedao_2023_dept_budget.pdf p30 (the 2024 budget repeats it, p33)
		{"社区事物", budget2026Dept, [][]string{{"建成后作为万里街道社区事物受理、社区管理、社区文化艺术活动场所。"}}, []string{"1:1 info 社区事物"}},
		{"建筑里面", budget2026Dept, [][]string{{"本工程紧临两条城市道路路口：4、建筑里面稳重大气，符合公共服务建筑气质。"}}, []string{"1:1 info 建筑里面"}},
		// shanghai_putuo_guihuaziyuanju_2024_dept_final.pdf p5
		{"集体士地", final2024Dept, [][]string{{"负责土地征收征用管理，负责征收集体士地房屋补偿工作。"}}, []string{"1:1 info 集体士地"}},
		// yunfu_2025_govwide_budget_report.pdf p24
		{"金属职造", budget2026Dept, [][]string{{"安排工商业高质量发展专项资金1,000万元，支持金属职造、绿色建材、现代农业等支柱型产业转型升级。"}}, []string{"1:1 warning 金属职造"}},
		// the right forms
		{"社区事务", budget2026Dept, [][]string{{"建成后作为万里街道社区事务受理、社区管理、社区文化艺术活动场所。"}}, nil},
		// jingdezhen_2025_govwide_budget_report.pdf p17: 兜牢 is not 兜老
		{"兜牢底线", budget2026Dept, [][]string{{"2026年全市财政在总体平稳、兜牢底线、严控风险的基础上，按照以下原则编制预算。"}}, nil},
		// chaoyang_2025_govwide_budget_report.pdf p10: a body's name, not 国家建委
		{"国家监委", budget2026Dept, [][]string{{"“四个结合”经验作法得到中央纪委国家监委督导组充分肯定并在全省财政系统推广。"}}, nil},
		// synthetic: the same form twice in one document is the document's term
		{"repeated", budget2026Dept, [][]string{{"街道社区事物受理中心。", "社区事物受理中心负责办理。"}}, nil},
		{"numerals and idioms", budget2026Dept, [][]string{{"深入学习贯彻党的二十届三中全会精神。"}}, nil},
	})
}

func TestTypoSuggestion(t *testing.T) {
	fs := runOne(t, Typo, docOf(budget2026Dept, []string{"建成后作为万里街道社区事物受理、社区管理。"}))
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1: %+v", len(fs), fs)
	}
	if !strings.Contains(fs[0].Message, "“物”应为“务”（社区事务）") {
		t.Errorf("message %q does not suggest 务 (社区事务)", fs[0].Message)
	}
}

func TestTermTypo(t *testing.T) {
	runCases(t, TermTypo, []ruleCase{
		// jiangsu_shengweiban_2018_dept_budget.pdf p9: 其它 for the classification's 其他
		{"其它工资福利支出", budget2026Dept, [][]string{{"（一）人员经费8308.53万元。主要包括：基本工资、津贴补贴、奖金、职业年金缴费、其它工资福利支出、离休费、退休费。"}}, []string{"1:1 warning 其它工资福利支出"}},
		// synthetic: a same-sound slip in a 类 name
		{"服物", budget2026Dept, [][]string{{"一般公共服物支出100万元，主要用于机关运行。"}}, []string{"1:1 warning 一般公共服物支出"}},
		{"right", budget2026Dept, [][]string{{"一般公共服务支出100万元，主要用于机关运行。"}}, nil},
		// 装 and 务 are not confusable: some other phrase, not a slip
		{"not confusable", budget2026Dept, [][]string{{"一般公共服装支出100万元。"}}, nil},
	})
}

// economicTable lays out a 部门预算经济分类 table as
// shanghai_putuo_shehuifuliyuan_2024_unit_budget.pdf p14 prints it.
func economicTable(rows ...string) []string {
	return append([]string{
		"2024年预算单位一般公共预算基本支出部门预算经济分类预算表", "单位：元",
		"|部门预算经济分类科目编码||经济分类科目名称|合计|人员经费|公用经费|",
		"|类|款|经济分类科目名称|合计|人员经费|公用经费|",
	}, rows...)
}

func TestCodeNameMismatch(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  int
		in    string // text the message must contain
	}{
		// shanghai_putuo_shehuifuliyuan_2024_unit_budget.pdf p14: 30301 is 离休费, 退休费 is 30302
		{"another code's name", economicTable(
			"|303|||对个人和家庭的补助|421,800|421,800||",
			"|303|01|退休费|421,800|421,800||"), 1, "30302"},
		{"right", economicTable(
			"|303|||对个人和家庭的补助|421,800|421,800||",
			"|303|02|退休费|421,800|421,800||"), 0, ""},
		// synthetic: a one-character slip in a 款 name
		{"slip", economicTable(
			"|302|||商品和服务支出|1,000|0|1,000|",
			"|302|11|差族费|1,000|0|1,000|"), 1, "差旅费"},
		// qingdao_2025_govwide_budget_report.pdf p94: 20802 is an amount after the name, not a code
		{"amount that looks like a code", []string{
			"2026年市级一般公共预算支出草案表", "单位：万元",
			"|科目名称|合计|基本支出|项目支出|",
			"|金融发展支出|34284|20802|13482|",
		}, 0, ""},
	}
	// Exact: the finding sits on the name cell, the rest of the table is
	// clean.
	expectFindings(t, CodeNameMismatch, runOne(t, CodeNameMismatch, tableDoc(tests[0].lines...)), []string{"1:20 warning ^退休费$"})
	expectFindings(t, CodeNameMismatch, runOne(t, CodeNameMismatch, tableDoc(tests[2].lines...)), []string{"1:21 warning ^差族费$"})
	expectFindings(t, CodeNameMismatch, runOne(t, CodeNameMismatch, tableDoc(tests[1].lines...)), nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := runOne(t, CodeNameMismatch, tableDoc(tt.lines...))
			if len(fs) != tt.want {
				t.Fatalf("got %d findings, want %d: %+v", len(fs), tt.want, fs)
			}
			for _, f := range fs {
				if !strings.Contains(f.Message, tt.in) || f.Loc.Page == 0 || f.Evidence == "" {
					t.Errorf("finding %+v: want a located message naming %s", f, tt.in)
				}
			}
		})
	}
}
