package html

import (
	"context"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

// prose is a paragraph of report text long enough to count as one.
func prose(n int) string {
	return strings.Repeat("全市一般公共预算收入完成预算，比上年增长，主要是税收收入稳步增长、非税收入结构优化。", n)
}

// navigation is a site menu: many short links.
func navigation(words ...string) string {
	var sb strings.Builder
	sb.WriteString(`<div class="nav"><ul>`)
	for _, w := range words {
		sb.WriteString(`<li><a href="/x">` + w + `</a></li>`)
	}
	sb.WriteString(`</ul></div>`)
	return sb.String()
}

func readLines(t *testing.T, page string) []string {
	t.Helper()
	doc, err := Read(context.Background(), []byte(page), extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range doc.Pages[0].Blocks {
		if b.Table != nil {
			out = append(out, "table")
			continue
		}
		for _, l := range b.Lines {
			out = append(out, l.Text)
		}
	}
	return out
}

// Page shapes of two provinces' government sites (a portal with a menu,
// breadcrumb, share bar, related links and footer; a finance bureau's
// page whose title sits in a wrapper of its own), rebuilt with synthetic
// text, and pages that have no article to find.
func TestArticle(t *testing.T) {
	menu := navigation("首页", "政务公开", "政务服务", "政民互动", "走进本市", "领导信息", "机构设置", "政策文件", "部门网站")
	footer := `<div class="footer"><p>主办单位：某某市人民政府办公室 地址：某某路1号 电话：12345678 网站标识码：1234567890 备案号：某ICP备12345678号</p></div>`
	tests := []struct {
		name string
		page string
		want []string
	}{
		{"portal: menu, breadcrumb, share bar, related links, footer",
			`<html><head><title>关于某某市2025年预算执行情况和2026年预算草案的报告_某某市人民政府</title></head><body>` + menu +
				`<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/a">政务公开</a> &gt; <a href="/b">财政预决算</a></div>` +
				`<div class="main"><h1>关于某某市2025年预算执行情况和2026年预算草案的报告</h1>` +
				`<div class="content"><p>` + prose(2) + `</p><p>` + prose(3) + `</p>` +
				`<table><tr><td>项目</td><td>预算数</td></tr><tr><td>税收收入</td><td>100</td></tr></table>` +
				`<div class="share"><a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div></div></div>` +
				`<div class="related"><h3>相关信息</h3><ul><li><a href="/1">关于2024年决算的报告</a></li><li><a href="/2">2025年预算解读</a></li></ul></div>` +
				footer + `</body></html>`,
			[]string{"关于某某市2025年预算执行情况和2026年预算草案的报告", prose(2), prose(3), "table"}},
		{"bureau page: title in its own wrapper, repeated in <title>",
			`<html><head><title>2025年度某某市财政决算收支情况 _ 本级年度决算 _ 某某市人民政府门户网站</title></head><body>` + menu +
				`<div class="title-box"><div class="t">2025年度某某市财政决算收支情况</div>` +
				`<table><tr><td><a href="#">微信</a></td><td><a href="#">微博</a></td></tr></table></div>` +
				`<div class="article"><p>` + prose(2) + `</p><p>` + prose(2) + `</p></div>` + footer + `</body></html>`,
			[]string{"2025年度某某市财政决算收支情况", prose(2), prose(2)}},
		{"template text in the navigation is kept for the checks",
			"<%@ page language=\"java\" %>\n<html><body>" + menu + `<div class="nav2"><a href="/">${site.name}</a></div>` +
				`<div class="content"><p>` + prose(3) + `</p><p>` + prose(2) + `</p></div>` + footer + `</body></html>`,
			[]string{`<%@ page language="java" %>`, "${site.name}", prose(3), prose(2)}},
		{"short page: kept whole",
			`<html><body>` + menu + `<p>2025年预算公开</p></body></html>`,
			[]string{"首页", "政务公开", "政务服务", "政民互动", "走进本市", "领导信息", "机构设置", "政策文件", "部门网站", "2025年预算公开"}},
		{"text split evenly between two blocks: kept whole",
			`<html><body><div><p>` + prose(3) + `</p></div><div><p>` + prose(3) + `</p></div></body></html>`,
			[]string{prose(3), prose(3)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := readLines(t, tc.page)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
