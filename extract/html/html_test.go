package html

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testenv"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/budgetdoc/budgetdoc/extract"
)

// summary renders a document compactly: one line per text line as
// "kind[level] Lline: text", tables as "table Lline: cell|cell / row …"
// with covered cells as "^" and spans as "text{r×c}".
func summary(doc *extract.Document) []string {
	var out []string
	for _, b := range doc.Pages[0].Blocks {
		if b.Table != nil {
			var rows []string
			for _, row := range b.Table.Rows {
				var cells []string
				for _, c := range row {
					switch {
					case c.Covered:
						cells = append(cells, "^")
					case c.RowSpan > 1 || c.ColSpan > 1:
						cells = append(cells, fmt.Sprintf("%s{%d×%d}", c.Text(), c.RowSpan, c.ColSpan))
					default:
						cells = append(cells, c.Text())
					}
				}
				rows = append(rows, strings.Join(cells, "|"))
			}
			out = append(out, "table: "+strings.Join(rows, " / "))
			continue
		}
		kind := b.Kind.String()
		if b.Level > 0 {
			kind += fmt.Sprint(b.Level)
		}
		for _, l := range b.Lines {
			out = append(out, fmt.Sprintf("%s L%d: %s", kind, l.Loc.Line, l.Text))
		}
		out = append(out, "--")
	}
	return out
}

func TestRead(t *testing.T) {
	tests := []struct {
		name string
		html string
		want []string
	}{
		{"paragraphs", "<p>一、单位基本情况</p>\n<p>（一）职能职责。</p>",
			[]string{"paragraph L1: 一、单位基本情况", "--", "paragraph L2: （一）职能职责。", "--"}},
		{"br lines keep their source line", "<p>&nbsp;&nbsp;&nbsp; 一、单位基本情况<br>\n&nbsp;&nbsp;&nbsp; 重庆市交通委员会</p>",
			[]string{"paragraph L1: 一、单位基本情况", "paragraph L2: 重庆市交通委员会", "--"}},
		{"double br ends the paragraph", "a<br><br>b<br/>c",
			[]string{"paragraph L1: a", "--", "paragraph L1: b", "paragraph L1: c", "--"}},
		{"headings", "<h1>2026年单位预算</h1><h3>一、单位主要职能</h3>正文",
			[]string{"heading1 L1: 2026年单位预算", "--", "heading3 L1: 一、单位主要职能", "--", "paragraph L1: 正文", "--"}},
		{"whitespace collapses", "<div>\n  收入预算   7,630.61万元 ,\n  其中：\tok\n</div>",
			[]string{"paragraph L2: 收入预算 7,630.61万元 , 其中： ok", "--"}},
		{"line break between Chinese characters vanishes", "<p>服务对象满意\n度</p><p>满意 度</p>",
			[]string{"paragraph L1: 服务对象满意度", "--", "paragraph L2: 满意 度", "--"}},
		{"entities", "<p>A&amp;B &lt;x&gt; &quot;三公&quot; &#x4E07;&#20803; &copy</p>",
			[]string{`paragraph L1: A&B <x> "三公" 万元 ©`, "--"}},
		{"inline elements join", "<p>比<b>2017</b>年<span>减少</span>145261.52<i>万元</i></p>",
			[]string{"paragraph L1: 比2017年减少145261.52万元", "--"}},
		{"hidden content dropped", "<head><style>p{}</style><script>var a='<p>x</p>';</script></head>" +
			"<body><noscript>请启用脚本</noscript><template><p>模板</p></template><!-- 注释 --><p>正文</p>",
			[]string{"paragraph L1: 正文", "--"}},
		{"JSP and EL kept as text", "<%@ page contentType=\"text/html; charset=UTF-8\"%>\n<p>单位名称：${unitName}，<% if (a<b) { %>金额<%= amount %>万元<% } %></p>",
			[]string{`paragraph L1: <%@ page contentType="text/html; charset=UTF-8"%>`, "--",
				"paragraph L2: 单位名称：${unitName}，<% if (a<b) { %>金额<%= amount %>万元<% } %>", "--"}},
		{"list items", "<ul><li>数量指标<li>质量指标</ul>",
			[]string{"paragraph L1: 数量指标", "--", "paragraph L1: 质量指标", "--"}},
		{"unclosed head", "<html><head><title>t</title>\n<p>可见文字</p>",
			[]string{"paragraph L2: 可见文字", "--"}},
		{"pre keeps lines", "<pre>收入  7,630.61\n支出  7,630.61\n</pre>",
			[]string{"paragraph L1: 收入  7,630.61", "paragraph L2: 支出  7,630.61", "--"}},
		{"CRLF and CR line numbers", "<p>a</p>\r\n<p>b</p>\r<p>c</p>\r\n\r\n<p>d\r\ne</p>",
			[]string{"paragraph L1: a", "--", "paragraph L2: b", "--", "paragraph L3: c", "--", "paragraph L5: d e", "--"}},
		{"zero-width only lines dropped", "<p>正文</p><p><span>&zwj;</span> </p>",
			[]string{"paragraph L1: 正文", "--"}},
		{"table with spans", "<table>\n<tr><th colspan=2>本年收入</th><th rowspan=2>合计</th></tr>\n<tr><td>项目</td><td>预算数</td></tr>\n<tr><td>一、财政拨款收入</td><td>76,306,134</td><td>3,353,072</td></tr></table>",
			[]string{"table: 本年收入{1×2}|^|合计{2×1} / 项目|预算数|^ / 一、财政拨款收入|76,306,134|3,353,072"}},
		{"implied cell and row ends", "<table><tr><td>a<td>b<tr><td>c</table><p>after</p>",
			[]string{"table: a|b / c|", "paragraph L1: after", "--"}},
		{"cell lines", "<table><tr><td>2、政府性基金预算<br>\n（含专项债）<td>3,680,000</table>",
			[]string{"table: 2、政府性基金预算\n（含专项债）|3,680,000"}},
		{"layout table around a data table", "<table><tr><td><h2>标题</h2>\n<table><tr><td>项目</td><td>金额</td></tr></table>\n说明</td></tr></table>",
			[]string{"heading2 L1: 标题", "--", "table: 项目|金额", "paragraph L3: 说明", "--"}},
		{"single-column table is layout", "<table><tr><td>第一段</td></tr><tr><td>第二段</td></tr></table>",
			[]string{"paragraph L1: 第一段", "--", "paragraph L1: 第二段", "--"}},
		{"rowspan past the end is clipped", "<table><tr><td rowspan=9>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
			[]string{"table: a{2×1}|b / ^|c"}},
		{"caption before the grid", "<table><caption>表一</caption><tr><td>a</td><td>b</td></tr></table>",
			[]string{"paragraph L1: 表一", "--", "table: a|b"}},
		{"div inside cell does not close outer div", "<div>x<table><tr><td><div>a</td><td>b</div></td></tr></table>y</div>",
			[]string{"paragraph L1: x", "--", "table: a|b", "paragraph L1: y", "--"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(context.Background(), []byte(tt.html), extract.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			got := summary(doc)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestReadInfo(t *testing.T) {
	doc, err := Read(context.Background(), []byte(`<html><head><title> 重庆市交通委员会
2018 </title><meta name="keywords" content="${newsKeyWord}"><meta name="Description" content="预算"></head><body><svg><title>图</title></svg><p>x</p>`), extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Title": "重庆市交通委员会 2018", "Keywords": "${newsKeyWord}", "Description": "预算", "Encoding": "utf-8"}
	for k, v := range want {
		if doc.Info[k] != v {
			t.Errorf("Info[%q] = %q, want %q", k, doc.Info[k], v)
		}
	}
}

func gbk(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadEncodings(t *testing.T) {
	const body = "<p>比2017年减少145261.52万元</p>"
	const want = "比2017年减少145261.52万元"
	utf16le := []byte{0xFF, 0xFE}
	for _, r := range "<html>" + body {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	longPreamble := strings.Repeat("<%-- 版权声明 --%>\n", 200)
	tests := []struct {
		name, enc string
		data      []byte
		warn      bool
	}{
		{"utf-8 undeclared", "utf-8", []byte(body), false},
		{"utf-8 BOM", "utf-8", append([]byte{0xEF, 0xBB, 0xBF}, body...), false},
		{"utf-16le BOM", "utf-16le", utf16le, false},
		{"meta charset gb2312", "gbk", gbk(t, `<meta charset="gb2312">`+body), false},
		{"http-equiv gbk", "gbk", gbk(t, `<meta http-equiv="Content-Type" content="text/html; charset=GBK">`+body), false},
		{"meta gb18030", "gb18030", gbk(t, `<meta charset=gb18030>`+body), false},
		{"undeclared GBK detected", "gb18030", gbk(t, body), false},
		{"declared utf-8, bytes GBK", "gb18030", gbk(t, `<meta charset="utf-8">`+body), true},
		{"declared gb2312, bytes UTF-8", "utf-8", []byte(`<meta charset="gb2312">` + body), true},
		{"declared latin-1, bytes GBK", "gb18030", gbk(t, `<meta charset="iso-8859-1">`+body), true},
		{"meta after a long JSP preamble", "gbk", gbk(t, longPreamble+`<meta charset="gbk">`+body), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(context.Background(), tt.data, extract.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Info["Encoding"] != tt.enc {
				t.Errorf("encoding %q, want %q", doc.Info["Encoding"], tt.enc)
			}
			if (len(doc.Warnings) > 0) != tt.warn {
				t.Errorf("warnings %q", doc.Warnings)
			}
			var found bool
			for _, b := range doc.Pages[0].Blocks {
				for _, l := range b.Lines {
					found = found || l.Text == want
				}
			}
			if !found {
				t.Errorf("text not found in %q", summary(doc))
			}
		})
	}
}

func TestReadFixtures(t *testing.T) {
	utf, err := Read(context.Background(), mustRead(t, "jiaotongwei_snippet.html"), extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	gb, err := Read(context.Background(), mustRead(t, "jiaotongwei_snippet.gbk.html"), extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if gb.Info["Encoding"] != "gbk" {
		t.Errorf("encoding %q", gb.Info["Encoding"])
	}
	// The GBK copy differs only in the declared charset, which is not text.
	a := strings.ReplaceAll(strings.Join(summary(utf), "\n"), "charset=UTF-8", "charset=gb2312")
	if b := strings.Join(summary(gb), "\n"); a != b {
		t.Errorf("GBK copy reads differently:\n%s\n---\n%s", a, b)
	}
	tbl, err := Read(context.Background(), mustRead(t, "budget_table.gbk.html"), extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	var table *extract.Table
	for _, b := range tbl.Pages[0].Blocks {
		if b.Table != nil {
			table = b.Table
		}
	}
	if table == nil || len(table.Rows) != 6 || len(table.Rows[0]) != 6 {
		t.Fatalf("table %+v", table)
	}
	if c := table.Rows[1][4]; c.Text() != "基本支出" || c.ColSpan != 2 || !table.Rows[1][5].Covered {
		t.Errorf("基本支出 cell %+v", c)
	}
	if c := table.Rows[1][0]; c.RowSpan != 2 || !table.Rows[2][0].Covered {
		t.Errorf("项目 cell %+v", c)
	}
	if c := table.Rows[3][1]; c.Text() != "76,306,134" || c.Lines[0].Loc.Line != 9 {
		t.Errorf("76,306,134 cell %+v", c)
	}
	if c := table.Rows[5][0]; len(c.Lines) != 2 || c.Lines[1].Text != "（含专项债）" {
		t.Errorf("two-line cell %+v", c)
	}
}

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadBadInput(t *testing.T) {
	rnd := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rnd.Read(random)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, extract.ErrEmpty},
		{"whitespace", []byte(" \n\t "), extract.ErrEmpty},
		{"random bytes", random, extract.ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Read(context.Background(), tt.data, extract.DefaultLimits); !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
		})
	}
	// Truncated pages still give their text.
	src := mustRead(t, "jiaotongwei_snippet.html")
	cut := src[:bytes.Index(src, []byte("比2017年减少"))+3]
	doc, err := Read(context.Background(), cut, extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if s := strings.Join(summary(doc), "\n"); !strings.Contains(s, "324970.32万元") {
		t.Errorf("truncated page lost its text:\n%s", s)
	}
	// No visible text: a document with a warning, not an error.
	doc, err = Read(context.Background(), []byte(`<html><body><img src="t.gif"></body></html>`), extract.DefaultLimits)
	if err != nil || len(doc.Warnings) == 0 {
		t.Errorf("image-only page: %v %v", err, doc)
	}
}

func TestReadLimits(t *testing.T) {
	big := "<table>" + strings.Repeat("<tr><td>1</td><td>2</td></tr>", 100) + "</table>"
	if _, err := Read(context.Background(), []byte(big), extract.Limits{MaxCells: 50}); !errors.Is(err, extract.ErrTooLarge) {
		t.Errorf("MaxCells: %v", err)
	}
	spans := "<table><tr><td colspan=1000>a</td></tr>" + strings.Repeat("<tr><td>b</td><td>c</td></tr>", 100) + "</table>"
	if _, err := Read(context.Background(), []byte(spans), extract.Limits{MaxCells: 10000}); !errors.Is(err, extract.ErrTooLarge) {
		t.Errorf("colspan grid: %v", err)
	}
	if _, err := Read(context.Background(), []byte("<p>x</p>"), extract.Limits{MaxBytes: 4}); !errors.Is(err, extract.ErrTooLarge) {
		t.Errorf("MaxBytes: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, []byte("<p>x</p>"), extract.DefaultLimits); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	deep := strings.Repeat("<div>", 100000) + "深" + strings.Repeat("</div>", 100000)
	doc, err := Read(context.Background(), []byte(deep), extract.DefaultLimits)
	if err != nil || !strings.Contains(strings.Join(summary(doc), ""), "深") {
		t.Errorf("deep nesting: %v", err)
	}
}

// TestReadCorpus reads the real Chongqing transport commission page (HTML in
// a JSP template).
func TestReadCorpus(t *testing.T) {
	data := corpusFile(t, "chongqing_jiaotongwei_2018_dept_budget.jsp.html")
	doc, err := Read(context.Background(), data, extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Split(string(data), "\n")
	found := map[string]int{}
	var heading string
	for _, b := range doc.Pages[0].Blocks {
		for _, l := range b.Lines {
			if b.Kind == extract.Heading {
				heading = l.Text
			}
			for _, s := range []string{"324970.32万元", "145261.52万元", "2800.68万元", "<%@ page", "<%@ include"} {
				if strings.Contains(l.Text, s) && found[s] == 0 {
					found[s] = l.Loc.Line
				}
			}
			// Every line points at a source line holding its first characters.
			head := []rune(l.Text)[:min(4, len([]rune(l.Text)))]
			if l.Loc.Line < 1 || l.Loc.Line > len(src) || !strings.Contains(src[l.Loc.Line-1], string(head)) {
				t.Errorf("line %d %q: source line does not contain %q", l.Loc.Line, l.Text, string(head))
			}
		}
	}
	if heading != "重庆市交通委员会2018年部门预算情况说明" {
		t.Errorf("heading %q", heading)
	}
	if doc.Info["Title"] != "重庆市交通委员会" {
		t.Errorf("title %q", doc.Info["Title"])
	}
	if !strings.Contains(doc.Info["Keywords"], "${") {
		t.Errorf("EL in meta keywords lost: %q", doc.Info["Keywords"])
	}
	want := map[string]int{"324970.32万元": 88, "145261.52万元": 88, "2800.68万元": 88, "<%@ page": 1, "<%@ include": 95}
	for s, line := range want {
		if found[s] != line {
			t.Errorf("%q at line %d, want %d", s, found[s], line)
		}
	}
	first := doc.Pages[0].Blocks[0].Lines[0].Text
	if !strings.HasPrefix(first, `<%@ page language="java"`) || !strings.Contains(first, `pageEncoding="UTF-8"%>`) {
		t.Errorf("JSP directive: %q", first)
	}
}

func corpusFile(t testing.TB, name string) []byte {
	t.Helper()
	return testenv.CorpusFile(t, name)
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"jiaotongwei_snippet.html", "jiaotongwei_snippet.gbk.html", "budget_table.html", "budget_table.gbk.html"} {
		f.Add(mustRead(f, name))
	}
	f.Add([]byte("<table><tr><td rowspan=0 colspan=3>a<td>b<tr><td>c</table><%@ x <y> %>${z}"))
	f.Add([]byte("<pre>\r\na\rb</pre><h1>t<br><br>u</h1>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(context.Background(), data, extract.Limits{MaxBytes: 1 << 20, MaxCells: 10000, MaxPages: 10})
		if err != nil {
			if stack := extract.StackOf(err); stack != nil {
				t.Fatalf("%v\n%s", err, stack)
			}
			return
		}
		for _, b := range doc.Pages[0].Blocks {
			if b.Table != nil {
				w := -1
				for _, row := range b.Table.Rows {
					if w >= 0 && len(row) != w {
						t.Fatalf("ragged table")
					}
					w = len(row)
				}
				continue
			}
			for _, l := range b.Lines {
				if l.Loc.Line < 1 || l.Loc.Page != 1 || strings.TrimSpace(l.Text) == "" {
					t.Fatalf("bad line %+v", l)
				}
				for k, o := range l.Origins {
					if o.Start < 0 || o.Start >= len(l.Text) || k > 0 && o.Start <= l.Origins[k-1].Start ||
						o.Loc.Line < l.Loc.Line || o.Loc.Column < 1 {
						t.Fatalf("bad origins %+v of %q", l.Origins, l.Text)
					}
				}
				if len(l.Origins) == 0 || l.Origins[0].Start != 0 || l.Origins[0].Loc != l.Loc {
					t.Fatalf("line %+v does not start at its first origin", l)
				}
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	data := corpusFile(b, "chongqing_jiaotongwei_2018_dept_budget.jsp.html")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(context.Background(), data, extract.DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
}
