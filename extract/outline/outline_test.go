package outline

import (
	"context"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
)

func TestParseMarker(t *testing.T) {
	tests := []struct {
		in    string
		style Style
		n     int
		raw   string
		rest  string
	}{
		{"第一部分 部门概况", Part, 1, "第一部分", " 部门概况"},
		{"第十二章 附则", Part, 12, "第十二章", " 附则"},
		{"一、主要职能", CNComma, 1, "一、", "主要职能"},
		{"十一、其他说明", CNComma, 11, "十一、", "其他说明"},
		{"（三）机关运行经费", CNParen, 3, "（三）", "机关运行经费"},
		{"(二)支出预算", CNParen, 2, "(二)", "支出预算"},
		{"1.数量指标", ArabicDot, 1, "1.", "数量指标"},
		{"2、质量指标", ArabicDot, 2, "2、", "质量指标"},
		{"3．时效指标", ArabicDot, 3, "3．", "时效指标"},
		{"(1)社会效益", ArabicParen, 1, "(1)", "社会效益"},
		{"（12）其他", ArabicParen, 12, "（12）", "其他"},
		{"2）满意度", ArabicParen, 2, "2）", "满意度"},
		{"③可持续影响", Circled, 3, "③", "可持续影响"},
	}
	for _, tc := range tests {
		m, rest, ok := ParseMarker(tc.in)
		if !ok || m.Style != tc.style || m.N != tc.n || m.Raw != tc.raw || rest != tc.rest {
			t.Errorf("ParseMarker(%q) = %+v, %q, %v", tc.in, m, rest, ok)
		}
	}
	for _, s := range []string{"1.5个百分点", "2024年部门预算", "一般公共预算", "100万元", "第三方评价", "（含上年结转）"} {
		if m, _, ok := ParseMarker(s); ok {
			t.Errorf("ParseMarker(%q) = %+v, want none", s, m)
		}
	}
}

func textOf(pages ...[]string) *normalize.Text {
	t := &normalize.Text{}
	for pi, lines := range pages {
		p := normalize.Page{Number: pi + 1}
		for li, l := range lines {
			p.Items = append(p.Items, normalize.Item{Kind: extract.Paragraph, Line: normalize.NewLine(l, extract.Loc{Page: pi + 1, Line: li + 1})})
		}
		t.Pages = append(t.Pages, p)
	}
	return t
}

func dump(ns []*Node, depth int, b *strings.Builder) {
	for _, n := range ns {
		line := "H " + n.Marker.Raw + " " + n.Title
		if !n.Heading {
			line = "L " + n.Title
		}
		b.WriteString(strings.Repeat("  ", depth) + line + "\n")
		dump(n.Kids, depth+1, b)
	}
}

// The Jiangsu layout: a TOC without leaders on the cover page, then the body
// repeating its first entry (jiangsu_jianchayuan_2017_dept_budget.pdf).
func TestBuildJiangsu(t *testing.T) {
	txt := textOf(
		[]string{"江苏省人民检察院", "2017年部门预算", "目 录", "第一部分 部门概况", "一、主要职能。", "二、2017年度部门主要工作任务及目标。", "第二部分 2017年部门预算表"},
		[]string{"第一部分 部门概况", "一、主要职能", "江苏省人民检察院的主要职能是：", "（一）依法对危害国家安全的案件行使检察权。", "二、部门预算单位构成",
			"第二部分 2017年部门预算情况说明", "一、收支预算总体情况说明", "1.数量指标：办理案件数≥120件；培训人次≥300人次。", "2.质量指标"},
	)
	o, _ := Build(context.Background(), txt)
	var b strings.Builder
	dump(o.Roots, 0, &b)
	want := `H 第一部分 部门概况
  H 一、 主要职能
    L （一）依法对危害国家安全的案件行使检察权。
  H 二、 部门预算单位构成
H 第二部分 2017年部门预算情况说明
  H 一、 收支预算总体情况说明
    L 1.数量指标：办理案件数≥120件；培训人次≥300人次。
    H 2. 质量指标
`
	if b.String() != want {
		t.Errorf("tree:\n%s\nwant:\n%s", b.String(), want)
	}
	if len(o.TOC) != 4 {
		t.Errorf("TOC entries = %d, want 4", len(o.TOC))
	}
	secs := o.Sections()
	if len(secs) != 2 || secs[0].Number != "第一部分" || secs[0].Loc.Page != 2 || len(secs[0].Children) != 2 {
		t.Errorf("sections = %+v", secs)
	}
	if s := o.SectionAt(1, 3); s == nil || s.Marker.Raw != "一、" {
		t.Errorf("SectionAt = %+v", s)
	}
}

// The Shanghai layout: a TOC with leaders and page numbers.
func TestBuildShanghaiTOC(t *testing.T) {
	txt := textOf(
		[]string{"上海市普陀区2025年区级部门预算", "二、事业收入                        91,016,775.35", "目 录", "一、部门主要职能 ………………………… 3", "二、部门机构设置 ………………………… 3"},
		[]string{"一、部门主要职能", "上海市普陀区财政局主要职能是：", "二、部门机构设置", "三、名词解释"},
	)
	o, _ := Build(context.Background(), txt)
	if len(o.TOC) != 2 || len(o.Roots) != 3 || o.Roots[0].Loc.Page != 2 {
		var b strings.Builder
		dump(o.Roots, 0, &b)
		t.Errorf("toc %d, tree:\n%s", len(o.TOC), b.String())
	}
}

func FuzzParseMarker(f *testing.F) {
	for _, s := range []string{"第一部分 部门概况", "（十二）其他", "(3)x", "１．", "十一、", "1.5个百分点", "③", "第"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, rest, ok := ParseMarker(s)
		if !ok {
			if rest != s {
				t.Fatalf("rest changed without a marker")
			}
			return
		}
		trimmed := strings.TrimLeft(s, " \t\u3000")
		if !strings.HasPrefix(trimmed, m.Raw) || trimmed[len(m.Raw):] != rest {
			t.Fatalf("ParseMarker(%q) = %+v, %q: raw and rest do not make up the input", s, m, rest)
		}
		if m.N < 0 {
			t.Fatalf("negative number %d", m.N)
		}
	})
}
