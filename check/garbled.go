package check

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/internal/rx"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/textlayer"
	"github.com/budgetdoc/budgetdoc/schema"
)

// GarbledText finds characters that did not survive conversion.
var GarbledText = &Rule{
	ID:       "garbled-text",
	Doc:      "characters lost in conversion: U+FFFD, private-use code points, Kangxi radicals for Han, titles with a dropped first character",
	Severity: Error,
	Why:      "Characters lost in conversion change the meaning of a title or a figure and show that the published file was not read back. Runs of replacement characters, private-use code points and Kangxi radicals standing for ordinary Han are reported once per run; a dropped first character is checked on headings and table titles only, where the full name is known.",
	Example:  "四、政拨款收入支出决算总表 (财政拨款 lost its 财)",
	Since:    "v0.1.0",
	Run:      runGarbledText,
}

// UnusableText names the pages whose text layer is not text.
var UnusableText = &Rule{
	ID:       "unusable-text-layer",
	Doc:      "pages whose text layer is not text (fonts without a Unicode mapping): Latin junk or scattered rare characters instead of the words shown",
	Severity: Error,
	Why:      "A PDF whose fonts carry no Unicode mapping shows the right words but holds junk (!\"#$%&'()*+ …, or rare characters such as ㍀㨂☱): copying, searching and screen readers get nothing, and no figure can be read from it. PDF pages are judged by their characters (a fifth or more of code points that running text does not use, or, in a Chinese document, a page of Latin letters that are not words); English pages and pages of figures are not. No facts or tables are taken from these pages; the finding names them all once.",
	Example:  "page 3 reads `|\" \"|#$%&  '()* +,  -./&012|3 !|` where the PDF shows 收支预算总表",
	Since:    "v0.2.0",
	Run:      runUnusableText,
}

func runUnusableText(p *Pass) {
	pages := p.Result.Unusable
	if len(pages) == 0 {
		return
	}
	zh := make([]string, len(pages))
	for i, n := range pages {
		zh[i] = fmt.Sprint(n)
	}
	p.Report(schema.Finding{
		Message: fmt.Sprintf("第%s页的文字层无法识别（字体缺少 Unicode 映射，复制、检索得到的是乱码），未从这些页提取任何数据 / %s: the text layer is not text; no facts were taken from it",
			strings.Join(zh, "、"), textlayer.PageList(pages)),
		Evidence: "第" + strings.Join(zh, "、") + "页",
		Loc:      schema.Loc{Page: pages[0], Line: 1},
	})
}

// BlankPage finds pages without any text between the cover and the back.
var BlankPage = &Rule{
	ID:       "blank-page",
	Doc:      "a page with no text (outside the cover and the last page), e.g. a stray empty table page",
	Severity: Warning,
	Why:      "An empty page inside a disclosure is usually a table that was meant to be there, or a layout accident before printing. The cover and the last page are not judged, since they are often blank by design; nor, in a government report printed for a people's congress, a blank back of a sheet before a page that opens a new part with its title (each part starts on a fresh sheet).",
	Example:  "page 2 of 3 has no text between the title page and 主要职能",
	Since:    "v0.1.0",
	Run:      runBlankPage,
}

// droppedHeadRE matches budget terms that lost their first character at the
// start of a title (after its number, its year or the line start):
// `四、政拨款收入支出决算总表` for 财政拨款. Only titles are checked: inside
// running text a line break can legitimately split a word.
var droppedHeadRE = rx.MustCompile(`(?:^|[、.)]|年度?|\s)(政拨款|般公共预算|府性基金|有资本经营|公"?经费|入支出决算|出决算表|算财政拨款)`)

// whole gives the intact word for each truncated form, for the message.
var whole = map[string]string{
	"政拨款": "财政拨款", "般公共预算": "一般公共预算", "府性基金": "政府性基金", "有资本经营": "国有资本经营",
	"公经费": "三公经费", `公"经费`: "“三公”经费", "入支出决算": "收入支出决算", "出决算表": "支出决算表", "算财政拨款": "预算财政拨款",
}

func runGarbledText(p *Pass) {
	titles := map[[2]int]bool{}
	if p.Result.Tree != nil {
		for _, n := range p.Result.Tree.All {
			if n.Heading {
				titles[[2]int{n.Page, n.Item}] = true
			}
		}
	}
	for _, l := range p.Lines() {
		reportBadRunes(p, l)
		if !titles[[2]int{l.Page, l.Item}] && !looksLikeTableTitle(l.Line) {
			continue
		}
		for _, m := range droppedHeadRE.FindAllStringSubmatchIndex(l.Text, -1) {
			frag := strings.ReplaceAll(l.Text[m[2]:m[3]], " ", "")
			p.ReportSpan(l.Line, m[2], m[3], "标题缺字，疑为转换丢失首字（应为“"+whole[frag]+"”）/ title lost a character in conversion")
		}
	}
}

// looksLikeTableTitle reports whether a line is a short caption ending in 表.
func looksLikeTableTitle(l *normalize.Line) bool {
	s := strings.TrimSpace(l.Text)
	return !l.TableRow && strings.HasSuffix(s, "表") && utf8.RuneCountInString(s) <= 40
}

// reportBadRunes reports each run of replacement characters, private-use
// code points or Kangxi/CJK radicals in a line, once per run.
func reportBadRunes(p *Pass, l TextLine) {
	s := l.Text
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		kind := badRune(r)
		if kind == "" {
			i += w
			continue
		}
		j := i + w
		for j < len(s) {
			r2, w2 := utf8.DecodeRuneInString(s[j:])
			if badRune(r2) == "" {
				break
			}
			j += w2
		}
		p.ReportSpan(l.Line, i, j, kind)
		i = j
	}
}

func badRune(r rune) string {
	switch {
	case r == utf8.RuneError:
		return "乱码：含替换字符 U+FFFD，原文字符在转换中丢失 / replacement character: text lost in conversion"
	case unicode.Is(unicode.Co, r):
		return "乱码：含私用区字符，通常是字体未嵌入或编码缺失 / private-use character: font mapping lost"
	case r >= 0x2F00 && r <= 0x2FDF, r >= 0x2E80 && r <= 0x2EFF:
		return "康熙部首/部首补充字符代替了正常汉字（复制、检索会出错）/ Kangxi radical instead of the normal Han character"
	}
	return ""
}

func runBlankPage(p *Pass) {
	doc := p.Result.Doc
	switch doc.Format {
	case extract.FormatPDF, extract.FormatDOCX, extract.FormatDOC, extract.FormatPagesJSON:
	default:
		return // a single page by construction
	}
	pages := p.Result.Text.Pages
	for pi := 1; pi < len(pages)-1; pi++ { // the cover and the back may be images
		if len(pages[pi].Items) > 0 || slices.Contains(p.Result.Unusable, pages[pi].Number) {
			continue // text, or text that is not text (unusable-text-layer)
		}
		if p.government() && startsPart(pages[pi+1:]) {
			continue // the back of a sheet before a new part of a printed report
		}
		n := pages[pi].Number
		p.Report(schema.Finding{
			Message:  "空白页：本页没有任何文字内容（如为多余的空表页或分页错误，请删除）/ blank page",
			Evidence: fmt.Sprintf("第%d页（无文字）", n),
			Loc:      schema.Loc{Page: n, Line: 1},
		})
	}
}

// startsPart reports whether the first page with text among pages opens
// with a title: a line without sentence punctuation, such as 附件1,
// 表一：2025年…平衡表 or 2025年全市一般公共预算收入执行情况表.
func startsPart(pages []normalize.Page) bool {
	for _, pg := range pages {
		if len(pg.Items) == 0 {
			continue
		}
		it := pg.Items[0] // the page's first item decides
		if it.Line == nil {
			return it.Table != nil
		}
		t := strings.TrimSpace(it.Line.Text)
		return t != "" && !strings.ContainsAny(t, "，。；,;")
	}
	return false
}
