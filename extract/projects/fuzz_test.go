package projects

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseList(f *testing.F) {
	for _, s := range []string{
		"数量指标：办理案件数≥120件；培训人次≥300人次。",
		"产出指标：数量指标：培训人次≥300人次。质量指标：系统故障修复率≥95%；",
		"其中数量指标：信息化建设完成率≥99%；编制人数215人，实有人数193人。",
		"成本指标：人均成本：≤500元\n满意度指标：服务对象满意度≥90%",
		"社会效益指标：补贴对象生活改善度不低于80%；时效指标：系统正常运行月数12个月",
		"指标：；；指标:",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, it := range ParseList(s) {
			if it.NameStart < 0 || it.NameEnd > len(s) || it.NameStart > it.NameEnd ||
				it.TargetStart < 0 || it.TargetEnd > len(s) || it.TargetStart > it.TargetEnd {
				t.Fatalf("bad offsets %+v in %q", it, s)
			}
			if s[it.NameStart:it.NameEnd] != it.Name || s[it.TargetStart:it.TargetEnd] != it.Target {
				t.Fatalf("offsets do not give the texts: %+v", it)
			}
			if it.Name == "" || !strings.HasSuffix(it.Category, "指标") {
				t.Fatalf("empty name or bad category: %+v", it)
			}
			if utf8.ValidString(s) && (!utf8.ValidString(it.Name) || !utf8.ValidString(it.Target)) {
				t.Fatalf("split a character: %+v", it)
			}
		}
	})
}

// FuzzExtract runs the whole extraction on lines of fuzzed text, split at
// '\n' and '\f' (page break).
func FuzzExtract(f *testing.F) {
	f.Add("科技创新专项经费情况说明\n一、项目概述\n加快推动。\n六、年度预算安排\n795万元\n七、绩效目标\n数量指标：a≥1个；b\f度≥2%。")
	f.Add("财政项目支出绩效目标填报表\n项目名称   就业援助基地补贴\n项目资金总额   6,351,000.00\n一级指标   二级指标   三级指标   指标值\n服务对象满意\n满意度指标   补贴对象满意度   ≥80.00(%)\n度指标")
	f.Fuzz(func(t *testing.T, s string) {
		var pages [][]string
		for _, p := range strings.Split(s, "\f") {
			pages = append(pages, strings.Split(p, "\n"))
		}
		for _, p := range extractAll(textOf(pages...), false) {
			for _, in := range p.Indicators {
				if in.Name == "" && in.Target == "" {
					t.Fatalf("empty indicator in %+v", p)
				}
			}
		}
	})
}

// FuzzGridTables reads fuzzed grids: pages split at '\f', rows at '\n',
// cells at '|' ("^" and "<" merge a cell with the one above or to the left).
func FuzzGridTables(f *testing.F) {
	f.Add("单位名称、项目名称|一级指标|二级指标|三级指标|指标性质|指标值|度量单位\n1|2|3|4|5|6|7\n临沧市民政局||||||\n甲|产出指标|数量指标|获补对象率|=|100|%\n^|满意度指标|服务对象满意|受益对象满意度|>=|90|%\f|满意度指标|度|研发机构满意度|90%\n^|^|^|x|1")
	f.Add("项目名称|<|乙|<\n一级指标|二级指标|三级指标|年度指标值\n产出指标|数量指标|a|≥1个\f^|<|^|b")
	f.Fuzz(func(t *testing.T, s string) {
		var pages [][]any
		for pi, p := range strings.Split(s, "\f") {
			rows := strings.Split(p, "\n")
			pages = append(pages, []any{gridOf(pi+1, rows...)})
		}
		for _, p := range extractAll(pagesOf(pages...), false) {
			for _, in := range p.Indicators {
				if in.Name == "" {
					t.Fatalf("indicator without a name in %+v", p)
				}
			}
		}
	})
}
