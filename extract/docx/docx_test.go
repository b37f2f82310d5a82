package docx

import (
	"strings"
	"testing"
)

// TestFeatures checks each DOCX feature on a small hand-built document.
func TestFeatures(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		extra map[string]string
		want  string
	}{
		{
			name: "plain paragraphs, blank ones dropped",
			body: p(r("2024年部门预算"), r("编制说明")) + p() + p(r("  ")) + p(r("收入预算总额1234.56万元。")),
			want: "== page 1\nP \n  | 2024年部门预算编制说明\nP \n  | 收入预算总额1234.56万元。\n",
		},
		{
			name: "fldSimple MERGEFIELD",
			body: p(r("单位："), `<w:fldSimple w:instr=" MERGEFIELD 单位名称 \* MERGEFORMAT "><w:r><w:t>«单位名称»</w:t></w:r></w:fldSimple>`, r("。")),
			want: "== page 1\nP \n  | 单位：«单位名称»。 [9:25 MERGEFIELD 单位名称 \\* MERGEFORMAT]\n",
		},
		{
			name: "complex MERGEFIELD with result over several runs",
			body: p(r("单位："), fld("begin"), instr(" MERGEFIELD "), instr("单位名称"), instr(` \* MERGEFORMAT `), fld("separate"),
				r("«单位"), r("名称»"), fld("end"), r("。")),
			want: "== page 1\nP \n  | 单位：«单位名称»。 [9:25 MERGEFIELD 单位名称 \\* MERGEFORMAT]\n",
		},
		{
			name: "empty result and no result part",
			body: p(r("a"), fld("begin"), instr(" PAGE "), fld("separate"), fld("end"), r("b"),
				fld("begin"), instr(` XE "预算" `), fld("end"), r("c")),
			want: "== page 1\nP \n  | abc [1:1 PAGE] [2:2 XE \"预算\"]\n",
		},
		{
			name: "TOC with nested HYPERLINK and PAGEREF over paragraphs",
			body: p(fld("begin"), instr(` TOC \o "1-3" \h \z \u `), fld("separate"),
				`<w:hyperlink w:anchor="_Toc1">`, r("第一部分 概况"), r("\t"), fld("begin"), instr(` PAGEREF _Toc1 \h `), fld("separate"), r("3"), fld("end"), `</w:hyperlink>`) +
				p(`<w:hyperlink w:anchor="_Toc2">`, r("第二部分 表格"), `<w:r><w:tab/></w:r>`, fld("begin"), instr(` PAGEREF _Toc2 \h `), fld("separate"), r("12"), fld("end"), `</w:hyperlink>`) +
				p(fld("end")) + p(r("正文")),
			want: "== page 1\nP \n  | 第一部分 概况→3 [0:21 TOC \\o \"1-3\" \\h \\z \\u] [20:21 PAGEREF _Toc1 \\h]\n" +
				"P \n  | 第二部分 表格→12 [0:22 TOC \\o \"1-3\" \\h \\z \\u] [20:22 PAGEREF _Toc2 \\h]\nP \n  | 正文\n",
		},
		{
			name: "field result split by a line break",
			body: p(r("x"), fld("begin"), instr("MERGEFIELD 地址"), fld("separate"), r("上海"), `<w:r><w:br/></w:r>`, r("普陀"), fld("end"), r("y")),
			want: "== page 1\nP \n  | x上海 [1:7 MERGEFIELD 地址]\n  | 普陀y [0:6 MERGEFIELD 地址]\n",
		},
		{
			name: "unfinished field keeps its text",
			body: p(r("a"), fld("begin"), instr("MERGEFIELD 金额"), fld("separate"), r("100")) + p(r("b")),
			want: "== page 1\nP \n  | a100 [1:4 MERGEFIELD 金额]\nP \n  | b [0:1 MERGEFIELD 金额]\n",
		},
		{
			name: "field nested in an instruction feeds the instruction",
			body: p(fld("begin"), instr(" IF "), fld("begin"), instr(" MERGEFIELD 类型 "), fld("separate"), r("甲"), fld("end"),
				instr(` = "甲" "是" "否" `), fld("separate"), r("是"), fld("end")),
			want: "== page 1\nP \n  | 是 [0:3 IF 甲 = \"甲\" \"是\" \"否\"]\n",
		},
		{
			name: "content controls, revisions, hyperlinks, smart tags",
			body: `<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>` + p(r("控件")) + `</w:sdtContent></w:sdt>` +
				p(`<w:sdt><w:sdtPr/><w:sdtContent>`+r("内联")+`</w:sdtContent></w:sdt>`,
					`<w:ins w:id="1">`+r("新增")+`</w:ins>`,
					`<w:del w:id="2"><w:r><w:delText>删除</w:delText></w:r></w:del>`,
					`<w:moveFrom w:id="3">`+r("移出")+`</w:moveFrom>`,
					`<w:moveTo w:id="4">`+r("移入")+`</w:moveTo>`,
					`<w:hyperlink r:id="rId9">`+r("链接")+`</w:hyperlink>`,
					`<w:smartTag w:element="x">`+r("标记")+`</w:smartTag>`,
					`<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>`),
			want: "== page 1\nP \n  | 控件\nP \n  | 内联新增移入链接标记\n",
		},
		{
			name: "tabs, breaks, hyphens, symbols",
			body: p(`<w:r><w:t>科目</w:t><w:tab/><w:t>金额</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t>` +
				`<w:softHyphen/><w:sym w:font="Symbol" w:char="F0B3"/><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="SimSun" w:char="2460"/></w:r>`),
			want: "== page 1\nP \n  | 科目→金额\n  | 第二行\n  | A-B≥✓①\n",
		},
		{
			name: "text box read once, after its anchor paragraph",
			body: p(r("锚定段落"), `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>`+
				p(r("文本框内容"))+`</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>`+
				`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>`+p(r("文本框内容"))+`</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`, r("续")) +
				p(r("下一段")),
			want: "== page 1\nP \n  | 锚定段落续\nP \n  | 文本框内容\nP \n  | 下一段\n",
		},
		{
			name: "legacy VML text box outside AlternateContent",
			body: p(`<w:r><w:pict><v:shape><v:textbox><w:txbxContent>` + p(r("旧式文本框")) + `</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`),
			want: "== page 1\nP \n  | 旧式文本框\n",
		},
		{
			name: "math text",
			body: p(`<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>a+b</m:t></m:r></m:oMath>`),
			want: "== page 1\nP \n  | a+b\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := read(t, makeDocx(t, tc.body, tc.extra))
			if got := dump(doc); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

const stylesXML = `<w:docDefaults/>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="我的标题"/><w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="List3"><w:name w:val="列表三"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Break"><w:name w:val="新页"/><w:pPr><w:pageBreakBefore/></w:pPr></w:style>
<w:style w:type="character" w:styleId="c1"><w:name w:val="heading 1 Char"/></w:style>`

const numberingXML = `
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="` + "\uf0b7" + `"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="3">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="第%1部分"/><w:pStyle w:val="List3"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>`

func numbered(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>` + r(text) + `</w:p>`
}

func styled(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>` + r(text) + `</w:p>`
}

func TestStylesAndNumbering(t *testing.T) {
	body := styled("1", "部门概况") + styled("2", "主要职能") + styled("MyHead", "继承标题") +
		`<w:p><w:pPr><w:pStyle w:val="1"/><w:outlineLvl w:val="9"/></w:pPr>` + r("正文级别") + `</w:p>` +
		numbered("1", "0", "收入") + numbered("1", "1", "财政拨款") + numbered("1", "2", "基本支出") + numbered("1", "3", "人员") +
		numbered("1", "3", "公用") + numbered("1", "1", "事业收入") + numbered("2", "0", "支出（同一抽象列表，继续编号）") +
		numbered("1", "1", "子项") +
		numbered("4", "0", "重新开始于5") + numbered("4", "1", "子") + numbered("4", "0", "六") +
		numbered("5", "0", "项目符号") + styled("List3", "样式编号") + styled("List3", "样式编号二") +
		numbered("0", "0", "numId 0 无编号") + numbered("99", "0", "未定义列表")
	doc := read(t, makeDocx(t, body, map[string]string{
		"word/styles.xml":    partXML("styles", stylesXML),
		"word/numbering.xml": partXML("numbering", numberingXML),
	}))
	want := `== page 1
H1 1
  | 部门概况
H2 2
  | 主要职能
H1 MyHead
  | 继承标题
P 1
  | 正文级别
P  #一、
  | 收入
P  #（一）
  | 财政拨款
P  #1.
  | 基本支出
P  #①
  | 人员
P  #②
  | 公用
P  #（二）
  | 事业收入
P  #二、
  | 支出（同一抽象列表，继续编号）
P  #（一）
  | 子项
P  #5.
  | 重新开始于5
P  #5.a)
  | 子
P  #6.
  | 六
P  #•
  | 项目符号
P List3 #第I部分
  | 样式编号
P List3 #第II部分
  | 样式编号二
P 
  | numId 0 无编号
P 
  | 未定义列表
`
	if got := dump(doc); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		n            int
		format, want string
	}{
		{1, "decimal", "1"}, {7, "decimalZero", "07"}, {12, "decimalZero", "12"},
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {23, "chineseCountingThousand", "二十三"},
		{100, "chineseCountingThousand", "一百"}, {101, "chineseCountingThousand", "一百零一"},
		{110, "chineseCountingThousand", "一百一十"}, {1005, "chineseCountingThousand", "一千零五"},
		{12, "japaneseCounting", "十二"}, {105, "japaneseCounting", "百五"},
		{3, "chineseLegalSimplified", "叁"}, {12, "chineseLegalSimplified", "拾贰"},
		{1, "ideographTraditional", "甲"}, {10, "ideographTraditional", "癸"}, {11, "ideographTraditional", "11"},
		{2, "ideographZodiac", "丑"}, {3, "ideographEnclosedCircle", "㈢"},
		{1, "decimalEnclosedCircle", "①"}, {20, "decimalEnclosedCircle", "⑳"}, {21, "decimalEnclosedCircle", "㉑"},
		{51, "decimalEnclosedCircle", "51"}, {2, "decimalEnclosedParen", "⑵"}, {3, "decimalEnclosedFullstop", "⒊"},
		{12, "decimalFullWidth", "１２"}, {105, "ideographDigital", "一〇五"},
		{1, "lowerLetter", "a"}, {27, "upperLetter", "AA"}, {28, "upperLetter", "BB"},
		{4, "lowerRoman", "iv"}, {1994, "upperRoman", "MCMXCIV"}, {2, "ordinal", "2nd"}, {13, "ordinal", "13th"},
		{5, "none", ""}, {5, "koreanCounting", "5"},
	}
	for _, tc := range tests {
		if got := formatNumber(tc.n, tc.format, ""); got != tc.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tc.n, tc.format, got, tc.want)
		}
	}
	if got := formatNumber(3, "custom", "001, 002, 003, ..."); got != "003" {
		t.Errorf("custom = %q", got)
	}
}

func tc(props, text string) string {
	return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + p(r(text)) + `</w:tc>`
}

func TestTables(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{
			name: "gridSpan and vMerge",
			body: `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
				`<w:tr>` + tc(`<w:gridSpan w:val="2"/>`, "收入") + tc(`<w:vMerge w:val="restart"/>`, "合计") + `</w:tr>` +
				`<w:tr>` + tc(``, "项目") + tc(``, "金额") + tc(`<w:vMerge/>`, "") + `</w:tr>` +
				`<w:tr>` + tc(``, "财政拨款") + tc(``, "100") + tc(`<w:vMerge/>`, "") + `</w:tr></w:tbl>`,
			want: "== page 1\nT 3x3\n  | 收入{c2} | ^ | 合计{r3}\n  | 项目 | 金额 | ^\n  | 财政拨款 | 100 | ^\n",
		},
		{
			name: "gridBefore, gridAfter and short rows are padded",
			body: `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
				`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc(``, "b") + tc(``, "c") + `</w:tr>` +
				`<w:tr><w:trPr><w:gridAfter w:val="2"/></w:trPr>` + tc(``, "a") + `</w:tr>` +
				`<w:tr>` + tc(``, "x") + `</w:tr></w:tbl>`,
			want: "== page 1\nT 3x3\n  |  | b | c\n  | a |  | \n  | x |  | \n",
		},
		{
			name: "vMerge under a gridSpan, deleted row, sdt row",
			body: `<w:tbl><w:tr>` + tc(`<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>`, "大类") + tc(``, "1") + `</w:tr>` +
				`<w:tr><w:trPr><w:del w:id="1"/></w:trPr>` + tc(``, "删掉") + `</w:tr>` +
				`<w:sdt><w:sdtContent><w:tr>` + tc(`<w:gridSpan w:val="2"/><w:vMerge/>`, "") + tc(``, "2") + `</w:tr></w:sdtContent></w:sdt></w:tbl>`,
			want: "== page 1\nT 2x3\n  | 大类{r2}{c2} | ^ | 1\n  | ^ | ^ | 2\n",
		},
		{
			name: "nested table flattened into the cell; numbering prefixed",
			body: `<w:tbl><w:tr><w:tc>` + p(r("外")) + `<w:tbl><w:tr>` + tc(``, "内1") + tc(``, "内2") + `</w:tr><w:tr>` + tc(`<w:gridSpan w:val="2"/>`, "合并") + `</w:tr></w:tbl>` +
				numbered("1", "0", "条目") + `</w:tc></w:tr></w:tbl>`,
			want: "== page 1\nT 1x1\n  | 外 / 内1→内2 / 合并 / 一、条目\n",
		},
		{
			name: "row with a rendered page break starts a new table fragment",
			body: p(r("前文")) + `<w:tbl><w:tr>` + tc(`<w:vMerge w:val="restart"/>`, "A") + tc(``, "1") + `</w:tr>` +
				`<w:tr>` + tc(`<w:vMerge/>`, "") + `<w:tc><w:p><w:r><w:lastRenderedPageBreak/><w:t>2</w:t></w:r></w:p></w:tc></w:tr>` +
				`<w:tr>` + tc(`<w:vMerge/>`, "") + tc(``, "3") + `</w:tr></w:tbl>`,
			want: "== page 1\nP \n  | 前文\nT 1x2\n  | A | 1\n== page 2\nT 2x2\n  | {r2} | 2\n  | ^ | 3\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := read(t, makeDocx(t, tc.body, map[string]string{"word/numbering.xml": partXML("numbering", numberingXML)}))
			if got := dump(doc); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestPages(t *testing.T) {
	sect := func(typ string) string {
		return `<w:p><w:pPr><w:sectPr><w:type w:val="` + typ + `"/></w:sectPr></w:pPr>` + r("节末") + `</w:p>`
	}
	body := p(r("一页")) + p(r("前"), `<w:r><w:br w:type="page"/></w:r>`, r("后")) + p(r("同页")) +
		p(`<w:r><w:br w:type="page"/></w:r>`) + p(`<w:r><w:lastRenderedPageBreak/></w:r>`, r("三页（重复分页合并）")) +
		`<w:p><w:pPr><w:pageBreakBefore/></w:pPr>` + r("四页") + `</w:p>` +
		sect("continuous") + sect("continuous") + p(r("下一节（nextPage）")) + styled("Break", "样式分页") +
		p(`<w:r><w:br w:type="page"/></w:r>`) + p(`<w:r><w:br w:type="page"/></w:r>`) + p(r("空页不保留")) +
		`<w:sectPr><w:type w:val="nextPage"/></w:sectPr>`
	doc := read(t, makeDocx(t, body, map[string]string{"word/styles.xml": partXML("styles", stylesXML)}))
	want := "== page 1\nP \n  | 一页\nP \n  | 前\n== page 2\nP \n  | 后\nP \n  | 同页\n" +
		"== page 3\nP \n  | 三页（重复分页合并）\n== page 4\nP \n  | 四页\nP \n  | 节末\nP \n  | 节末\n" +
		"== page 5\nP \n  | 下一节（nextPage）\n== page 6\nP Break\n  | 样式分页\n== page 7\nP \n  | 空页不保留\n"
	if got := dump(doc); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// Line numbers restart on each page and count table cell lines.
	if l := doc.Pages[1].Blocks[1].Lines[0].Loc; l.Page != 2 || l.Line != 2 {
		t.Errorf("loc = %+v", l)
	}
}

func TestLineNumbersInTables(t *testing.T) {
	body := p(r("标题")) + `<w:tbl><w:tr>` + tc(``, "a") + tc(``, "b") + `</w:tr></w:tbl>` + p(r("尾"))
	doc := read(t, makeDocx(t, body, nil))
	blocks := doc.Pages[0].Blocks
	if got := blocks[1].Table.Rows[0][1].Lines[0].Loc.Line; got != 3 {
		t.Errorf("cell b line = %d, want 3", got)
	}
	if got := blocks[2].Lines[0].Loc.Line; got != 4 {
		t.Errorf("tail line = %d, want 4", got)
	}
}

func TestFurnitureNotesAndInfo(t *testing.T) {
	body := p(r("收入1234.56万元"), `<w:r><w:footnoteReference w:id="2"/></w:r>`, r("。")) +
		p(r("第二段"), `<w:r><w:endnoteReference w:id="1"/></w:r>`) +
		p(`<w:r><w:br w:type="page"/></w:r>`, r("第二页"), `<w:r><w:footnoteReference w:id="3"/></w:r>`)
	extra := map[string]string{
		"word/header1.xml": partXML("hdr", p(r("上海市普陀区财政局2025年部门预算"))),
		"word/footer1.xml": partXML("ftr", p(fld("begin"), instr(" PAGE "), fld("separate"), r("1"), fld("end"))),
		"word/footnotes.xml": partXML("footnotes",
			`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>`+
				`<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>`+r(" 含上年结转50万元。")+`</w:p></w:footnote>`+
				`<w:footnote w:id="3">`+p(r("第二条脚注"))+`</w:footnote>`+
				`<w:footnote w:id="4">`+p(r("未引用的脚注"))+`</w:footnote>`),
		"word/endnotes.xml": partXML("endnotes", `<w:endnote w:id="1">`+p(r("尾注内容"))+`</w:endnote>`),
		"docProps/core.xml": `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">` +
			`<dc:title>2025年部门预算</dc:title><dc:creator>张三</dc:creator><cp:lastModifiedBy>李四</cp:lastModifiedBy><dcterms:created>2025-01-20T08:00:00Z</dcterms:created></cp:coreProperties>`,
		"docProps/app.xml": `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>普陀区财政局</Company></Properties>`,
	}
	doc := read(t, makeDocx(t, body, extra))
	want := "== page 1\nP \n  | 收入1234.56万元。\nP \n  | 第二段\nP  #1\n  |  含上年结转50万元。\n" +
		"== page 2\nP \n  | 第二页\nP  #2\n  | 第二条脚注\nP  #i\n  | 尾注内容\nP \n  | 未引用的脚注\n" +
		"== furniture\nP \n  | 上海市普陀区财政局2025年部门预算\nP \n  | 1 [0:1 PAGE]\n"
	if got := dump(doc); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	wantInfo := map[string]string{"Title": "2025年部门预算", "Author": "张三", "LastModifiedBy": "李四",
		"Created": "2025-01-20T08:00:00Z", "Application": "Microsoft Office Word", "Company": "普陀区财政局"}
	for k, v := range wantInfo {
		if doc.Info[k] != v {
			t.Errorf("Info[%s] = %q, want %q", k, doc.Info[k], v)
		}
	}
	if len(doc.Info) != len(wantInfo) {
		t.Errorf("Info = %v", doc.Info)
	}
}

func TestStrictNamespace(t *testing.T) {
	body := strings.ReplaceAll(docXML(p(r("严格模式"))+`<w:tbl><w:tr>`+tc(`<w:gridSpan w:val="2"/>`, "合并")+`</w:tr></w:tbl>`),
		"http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main")
	rels := strings.ReplaceAll(packageRels, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
		"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")
	data := zipParts(t, map[string]string{"[Content_Types].xml": contentTypes, "_rels/.rels": rels, "word/document.xml": body})
	want := "== page 1\nP \n  | 严格模式\nT 1x2\n  | 合并{c2} | ^\n"
	if got := dump(read(t, data)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestMacroEnabled(t *testing.T) {
	ct := strings.ReplaceAll(contentTypes, "/word/document.xml", "/word/main.xml")
	ct = strings.ReplaceAll(ct, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "application/vnd.ms-word.document.macroEnabled.main+xml")
	rels := strings.ReplaceAll(packageRels, "word/document.xml", "word/main.xml")
	data := zipParts(t, map[string]string{"[Content_Types].xml": ct, "_rels/.rels": rels, "word/vbaProject.bin": "\x00",
		"word/main.xml": docXML(p(r("宏"), `<w:ruby><w:rubyPr/><w:rt><w:r><w:t>hong</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>文档</w:t></w:r></w:rubyBase></w:ruby>`))})
	if got, want := dump(read(t, data)), "== page 1\nP \n  | 宏文档\n"; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestMainPartFromRelationships(t *testing.T) {
	rels := strings.ReplaceAll(packageRels, "word/document.xml", "word/document2.xml")
	ct := strings.ReplaceAll(contentTypes, "/word/document.xml", "/word/document2.xml")
	data := zipParts(t, map[string]string{"[Content_Types].xml": ct, "_rels/.rels": rels,
		"word/document2.xml": docXML(p(r("另一个主文档")))})
	if got, want := dump(read(t, data)), "== page 1\nP \n  | 另一个主文档\n"; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
