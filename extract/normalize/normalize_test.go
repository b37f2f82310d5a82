package normalize

import (
	"context"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

// pdfLine builds a PDF-like line on an A4 page at the given top and left with
// 10.5pt characters (CJK width = 10.5pt).
func pdfLine(text string, left, top float64) extract.Line {
	w := float64(displayWidth(text)) * 5.25
	return extract.Line{Text: text, Loc: extract.Loc{BBox: &extract.BBox{left, top, left + w, top + 10.5}}}
}

// pdfFull builds a line justified to the right margin at 505pt, as body
// lines of a justified paragraph are.
func pdfFull(text string, left, top float64) extract.Line {
	l := pdfLine(text, left, top)
	l.Loc.BBox[2] = 505
	return l
}

// pdfShort builds a line that ends chars characters before the right margin,
// as a line does when layout wraps before a number.
func pdfShort(text string, left, top float64, chars int) extract.Line {
	l := pdfLine(text, left, top)
	l.Loc.BBox[2] = 505 - float64(chars)*10.5
	return l
}

func pdfPage(n int, lines ...extract.Line) extract.Page {
	for i := range lines {
		lines[i].Loc.Page = n
		lines[i].Loc.Line = i + 1
	}
	return extract.Page{Number: n, Width: 595, Height: 842, Blocks: []extract.Block{{Lines: lines}}}
}

// Text taken from shanghai_putuo_wanlijiedao_2024_dept_budget.pdf, wrapped
// at 40 characters as in the PDF.
func TestDocumentPDF(t *testing.T) {
	var pages []extract.Page
	for n := 1; n <= 4; n++ {
		pages = append(pages, pdfPage(n,
			pdfLine("上海市普陀区人民政府万里街道办事处2024年部门预算", 150, 40),
			pdfLine("一、收入支出预算总体情况", 90, 100),
			pdfFull("按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理。", 111, 120),
			pdfFull("收入包括：一般公共预算拨款收入、政府性基金预算拨款收入、上", 90, 140),
			pdfLine("年结转。支出包括：一般公共服务支出、城乡社区支出。", 90, 160),
			pdfLine("（一）财政拨款收入支出预算", 90, 190),
			pdfShort("主要用于：委托中介机构开展各类审计及绩效评价工作。年初预算为450.52万元，支出决算为", 90, 210, 5),
			pdfLine("449.52万元。决算数小于预算数。", 90, 230),
			pdfLine("— 3 —", 280, 800),
		))
	}
	doc := &extract.Document{Format: extract.FormatPDF, Pages: pages}
	txt, _ := Run(context.Background(), doc)
	if len(txt.Dropped) != 8 {
		t.Errorf("dropped %d lines, want 8 (4 running headers, 4 page numbers): %+v", len(txt.Dropped), txt.Dropped)
	}
	items := txt.Pages[0].Items
	var got []string
	for _, it := range items {
		got = append(got, it.Line.Orig)
	}
	want := []string{
		"一、收入支出预算总体情况",
		"按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理。收入包括：一般公共预算拨款收入、政府性基金预算拨款收入、上年结转。支出包括：一般公共服务支出、城乡社区支出。",
		"（一）财政拨款收入支出预算",
		"主要用于：委托中介机构开展各类审计及绩效评价工作。年初预算为450.52万元，支出决算为449.52万元。决算数小于预算数。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Provenance: "年结转" comes from line 5 of page 1.
	l := items[1].Line
	off := strings.Index(l.Orig, "年结转")
	if loc := l.Loc(off); loc.Page != 1 || loc.Line != 5 {
		t.Errorf("Loc(年结转) = %+v, want page 1 line 5", loc)
	}
}

func TestDocumentPlainText(t *testing.T) {
	lines := []string{
		"2024年收入预算总额1234.56万元，比上年减少200万元，下降13.9%，主要原因是",
		"人员调出。",
		"（一）数量指标：办理案件数≥120件；培训人次≥300人次；",
		"与 2023 年度相比，支出决算增加 1062.85万元。",
		"（二）开展便民、利民的社区服务，兴办社会福利事业，做好社会救助和其他社会保障工作。",
		"（三）开展计划生育、环境保护、教育、文化、卫生、科普、体育等工作，维护合法权益。",
		"（四）组织实施社会治安综合治理规划，开展治安保卫、人民调解工作，开展拥军优属。",
	}
	var ls []extract.Line
	for i, s := range lines {
		ls = append(ls, extract.Line{Text: s, Loc: extract.Loc{Page: 1, Line: i + 1}})
	}
	doc := &extract.Document{Format: extract.FormatText, Pages: []extract.Page{{Number: 1, Blocks: []extract.Block{{Lines: ls}}}}}
	txt, _ := Run(context.Background(), doc)
	items := txt.Pages[0].Items
	if len(items) != 6 {
		for _, it := range items {
			t.Log(it.Line.Orig)
		}
		t.Fatalf("got %d items, want 6", len(items))
	}
	if !strings.HasSuffix(items[0].Line.Orig, "主要原因是人员调出。") {
		t.Errorf("not joined: %q", items[0].Line.Orig)
	}
	if got := items[2].Line.Text; got != "与2023年度相比,支出决算增加1062.85万元。" {
		t.Errorf("view = %q", got)
	}
}

func TestStartsListItem(t *testing.T) {
	yes := []string{"第一部分 部门概况", "一、部门主要职能", "（一）收入预算", "(二)支出", "1.数量指标", "1、产出指标",
		"2．效益", "(1)社会效益", "3）满意度", "①服务对象满意度", "附件1"}
	no := []string{"2024年部门预算", "1.5个百分点", "12.08%", "一般公共预算", "100万元"}
	for _, s := range yes {
		if !StartsListItem(s) {
			t.Errorf("StartsListItem(%q) = false", s)
		}
	}
	for _, s := range no {
		if StartsListItem(s) {
			t.Errorf("StartsListItem(%q) = true", s)
		}
	}
}

// Lines of shanghai_putuo_caizhengju_2024_dept_final.pdf pages 22-23 that
// layout wrapped before a unit (万 / 元), a bracketed marker ((项), (境)) or
// a number in a taller box, each a little short of the right margin.
func TestDocumentPDFWrappedPieces(t *testing.T) {
	tall := pdfLine("161.62万元，支出决算为160.75万元。", 90, 372)
	tall.Loc.BBox[3] = tall.Loc.BBox[1] + 10.5*1.86 // digits in a Latin font: a loose, taller box
	doc := &extract.Document{Format: extract.FormatPDF, Pages: []extract.Page{pdfPage(1,
		pdfFull("1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人", 90, 100),
		pdfShort("员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为1511.89万", 90, 120, 2),
		pdfLine("元。 决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。", 90, 140),
		pdfShort("5、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休", 90, 160, 4),
		pdfFull("（项）。主要用于：退休人员经费支出。年初预算为 85.55 万元，支出决算为84.65万", 90, 180),
		pdfLine("元。", 90, 200),
		pdfShort("2024年度“三公”经费财政拨款支出决算数与2023年度持平。 其中：因公出国", 111, 240, 3),
		pdfFull("（境）费支出决算持平； 公务用车购置及运行维护费支出决算持平； 公务接待费支出", 90, 260),
		pdfLine("决算持平。", 90, 280),
		pdfShort("这一行在句中结束但离右边距还有四个字的距离", 90, 300, 4),
		pdfFull("下一行以普通文字开头，不是单位也不是括号里的标记，所以另起一行", 90, 320),
		pdfFull("6、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老", 90, 340),
		pdfShort("保险缴费支出（项）。主要用于：在职人员的基本养老保险支出。年初预算为", 90, 360, 3),
		tall,
	)}}
	var got []string
	for _, it := range normalized(doc).Pages[0].Items {
		got = append(got, it.Line.Orig)
	}
	want := []string{
		"1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为1511.89万元。 决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。",
		"5、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。主要用于：退休人员经费支出。年初预算为 85.55 万元，支出决算为84.65万元。",
		"2024年度“三公”经费财政拨款支出决算数与2023年度持平。 其中：因公出国（境）费支出决算持平； 公务用车购置及运行维护费支出决算持平； 公务接待费支出决算持平。",
		"这一行在句中结束但离右边距还有四个字的距离",
		"下一行以普通文字开头，不是单位也不是括号里的标记，所以另起一行",
		"6、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。主要用于：在职人员的基本养老保险支出。年初预算为161.62万元，支出决算为160.75万元。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDocumentPDFOverlappingBoxes: a line holding Latin digits whose box
// is more than twice as tall as the line above and reaches up into it
// continues that line (hohhot_2024_govwide_budget_report.pdf, a newspaper
// page: 治区转贷我市新增地方政府专项债 / 券资金21.65亿元…); a line in a larger
// font below a gap starts a block of its own.
func TestDocumentPDFOverlappingBoxes(t *testing.T) {
	tall := pdfFull("券资金21.65亿元（其中转贷旗县区1.47亿元）、结存地方政府债务", 90, 107)
	tall.Loc.BBox[3] = tall.Loc.BBox[1] + 10.5*2.05 // its top, 107, is above the bottom of the line above, 110.5
	heading := pdfFull("关于二〇二五年预算草案", 90, 150)
	heading.Loc.BBox[3] = heading.Loc.BBox[1] + 10.5*2.2 // a larger font, below a gap
	doc := &extract.Document{Format: extract.FormatPDF, Pages: []extract.Page{pdfPage(1,
		pdfFull("2.政府性基金预算方面。经审议通过，一是将自治区转贷我市新增地方政府专项债", 90, 100),
		tall,
		pdfShort("限额再融资专项债券资金5.97亿元纳入政府性基金预算管理。", 90, 132, 10),
		heading,
	)}}
	var got []string
	for _, it := range normalized(doc).Pages[0].Items {
		got = append(got, it.Line.Orig)
	}
	want := []string{
		"2.政府性基金预算方面。经审议通过，一是将自治区转贷我市新增地方政府专项债券资金21.65亿元（其中转贷旗县区1.47亿元）、结存地方政府债务限额再融资专项债券资金5.97亿元纳入政府性基金预算管理。",
		"关于二〇二五年预算草案",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTableRowPredicates: hasColumnGap decides that two physical lines are
// not joined; IsTableRow, the one predicate for a table row laid out as
// text, decides it for a logical line. Lines of
// jiangsu_jianchayuan_2017_dept_budget.pdf (justified prose with wide
// letter spacing), shanghai_putuo_shiquanlujiedao_2026_unit_budget_pages.json
// (rows with thousands separators) and synthetic rows.
func TestTableRowPredicates(t *testing.T) {
	// one line each; the ASCII comma between words (second last) ends a
	// clause too
	prose := strings.Split(`年相比收、支预算总计各增加       1463.8  万元，增长
训费等项目支出。与上年相比增加    309.03 万元，增长
1．检察（款）行政运行（项）支出   7968.14 万元，
（1）公务用车购置预算支出   50  万元，与上年预算
6032.55 万元，比  2016  年增加   3401.59 万元，增长   21.95   %
1．公共安全（类）支出  13656.34 万元，主要用于检察院行政支出。与上年相比增加    309.03 万元，增长2.31   %。
其他资金  15 万元，占   0.08%；
年相比收、支预算总计各增加       1463.8  万元, 增长
一般公共服务支出 1234.56`, "\n")
	for _, line := range prose {
		if hasColumnGap(line) || IsTableRow(line) {
			t.Errorf("%q: column gap %v, table row %v; want neither", line, hasColumnGap(line), IsTableRow(line))
		}
	}
	rows := map[string]bool{ // table rows, and whether hasColumnGap sees them
		"一般公共服务支出      1,234.56      1,000.00":   true,
		"301 工资福利支出    21,123,668    21,123,668": true,
		"302 01办公费       300,000       300,000":  true,
		"合计   17996.68   17981.68   15":          true,
		"项目名称   预算金额":                            true,
		"项目名称\u3000\u3000\u3000预算金额":             false, // ideographic spaces
	}
	for line, gap := range rows {
		if hasColumnGap(line) != gap || !IsTableRow(line) {
			t.Errorf("%q: column gap %v, table row %v; want %v, true", line, hasColumnGap(line), IsTableRow(line), gap)
		}
	}
}

// A justified paragraph whose lines spread the space before an amount is
// still one paragraph (jiangsu_jianchayuan_2017_dept_budget.pdf 23:2-4).
func TestDocumentPDFJustifiedAmounts(t *testing.T) {
	doc := &extract.Document{Format: extract.FormatPDF, Pages: []extract.Page{pdfPage(1,
		pdfFull("3．公务接待费预算支出  156.55 万元，本年数小于上", 122, 100),
		pdfFull("年预算数   29.65 万元，主要是严格贯彻落实中央“八项", 90, 120),
		pdfLine("规定”作出的选择。", 90, 140),
	)}}
	var got []string
	for _, it := range normalized(doc).Pages[0].Items {
		got = append(got, it.Line.Orig)
	}
	want := "3．公务接待费预算支出  156.55 万元，本年数小于上年预算数   29.65 万元，主要是严格贯彻落实中央“八项规定”作出的选择。"
	if len(got) != 1 || got[0] != want {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

func normalized(doc *extract.Document) *Text {
	txt, _ := Run(context.Background(), doc) // a background context is never done
	return txt
}

// A page number printed under the text block but above the bottom tenth of
// the page (`— 1 —` at 0.894 of the height in one report, `-1-` at 0.886
// in another) is dropped, and the sentence it interrupted is one sentence;
// a line of text as low on the page stays.
func TestPageNumberAboveMargin(t *testing.T) {
	for _, tc := range []struct{ footer, tail string }{
		{"— 1 —", "— 2 —"}, {"-1-", "-2-"}, {"－1－", "－2－"}, {"1", "2"},
		{"— １ —", "— ２ —"}, {"－１２－", "－１３－"}, // full-width digits (天津 2025's footers)
	} {
		doc := &extract.Document{Format: extract.FormatPDF, Pages: []extract.Page{
			pdfPage(1,
				pdfLine("一、2025年预算执行情况", 90, 100),
				pdfFull("2025年，全市各级财政部门坚持以习近平新时代中国特色社会主义思想为指导，", 90, 700),
				pdfFull("深入贯彻党的二十大精神，加紧落实更加积极的财政政策，着力保民生、", 90, 720),
				pdfLine(tc.footer, 480, 753),
			),
			pdfPage(2,
				pdfLine("稳经济、防风险。", 90, 80),
				pdfLine("（一）一般公共预算执行情况", 90, 100),
				pdfLine(tc.tail, 480, 748),
			),
		}}
		txt := normalized(doc)
		if len(txt.Dropped) != 2 {
			t.Errorf("%q: dropped %+v, want the two page numbers", tc.footer, txt.Dropped)
		}
		var got []string
		for _, p := range txt.Pages {
			for _, it := range p.Items {
				got = append(got, it.Line.Orig)
			}
		}
		want := "一、2025年预算执行情况\n" +
			"2025年，全市各级财政部门坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，加紧落实更加积极的财政政策，着力保民生、稳经济、防风险。\n" +
			"（一）一般公共预算执行情况"
		if g := strings.Join(got, "\n"); g != want {
			t.Errorf("%q: items:\n%s\nwant:\n%s", tc.footer, g, want)
		}
	}
	// Text at the same height is body text, not furniture.
	doc := &extract.Document{Format: extract.FormatPDF, Pages: []extract.Page{
		pdfPage(1, pdfLine("一、概况", 90, 100), pdfLine("合计 12", 480, 753)),
		pdfPage(2, pdfLine("二、说明", 90, 100), pdfLine("以上为全部内容", 90, 748)),
	}}
	if txt := normalized(doc); len(txt.Dropped) != 0 {
		t.Errorf("dropped body lines: %+v", txt.Dropped)
	}
}

// A page set in two columns (a report printed in a newspaper, as
// hohhot_2024_govwide_budget_report.pdf): each column's lines are full by
// their own column's right edge, and a sentence at the foot of the left
// column runs on at the head of the right one. The digits' taller box (a
// Latin font) does not break a line either.
func TestDocumentPDFColumns(t *testing.T) {
	col := func(c int, lines ...extract.Line) extract.Block {
		return extract.Block{Kind: extract.Paragraph, Column: c, Lines: lines}
	}
	narrow := func(text string, left, top float64) extract.Line {
		l := pdfLine(text, left, top)
		l.Loc.BBox[2] = left + 147 // 14 characters to a column line
		return l
	}
	tall := narrow("入254.8亿元、同比增长7.03%。其", 28, 140)
	tall.Loc.BBox[3] = tall.Loc.BBox[1] + 20.2 // against 9.9 of a Han line
	page := extract.Page{Number: 1, Width: 1017, Height: 1456, Blocks: []extract.Block{
		{Kind: extract.Paragraph, Lines: []extract.Line{pdfLine("关于2024年预算执行情况和2025年预算（草案）的报告", 200, 40)}},
		col(1,
			pdfLine("1.一般公共预算执行情况。", 46, 100),
			narrow("2024年，全市一般公共预算收", 46, 120),
			tall,
			pdfLine("中，税收收入209亿元。全市一般", 28, 158),
		),
		col(2,
			narrow("公共预算支出584.66亿元，同比", 190, 100),
			pdfLine("增长5.2%。", 190, 120),
		),
	}}
	for bi := range page.Blocks {
		for li := range page.Blocks[bi].Lines {
			page.Blocks[bi].Lines[li].Loc.Page = 1
		}
	}
	var got []string
	for _, it := range normalized(&extract.Document{Format: extract.FormatPDF, Pages: []extract.Page{page}}).Pages[0].Items {
		got = append(got, it.Line.Orig)
	}
	want := []string{
		"关于2024年预算执行情况和2025年预算（草案）的报告",
		"1.一般公共预算执行情况。",
		"2024年，全市一般公共预算收入254.8亿元、同比增长7.03%。其中，税收收入209亿元。全市一般公共预算支出584.66亿元，同比增长5.2%。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
