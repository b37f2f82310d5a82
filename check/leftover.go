package check

import (
	"fmt"
	"strings"

	"github.com/budgetdoc/budgetdoc/internal/rx"

	"github.com/budgetdoc/budgetdoc/extract"
)

// TemplateLeftover finds template and field syntax that was never filled in
// or leaked into the text when the draft was converted.
var TemplateLeftover = &Rule{
	ID:       "template-leftover",
	Doc:      "unfilled or leaked template syntax: Word fields, ${…}, {{…}}, «…», XX placeholders, 待填写, unresolved 增加（减少）",
	Severity: Error,
	Why:      "A template or mail-merge placeholder that reaches the published document tells readers that the text was never filled in, and the figure or name it stands for is missing. Fields are recognised as fields (DOCX/DOC field codes) and as their flattened text; alternatives the template offers (增加（减少）) count only when both words are left.",
	Example:  "财政拨款收入支出增加（减少）的主要原因是业务量增加。",
	Since:    "v0.1.0",
	Run:      runTemplateLeftover,
}

// liveFieldKinds are the Word field types whose presence in a disclosure
// means a template was not finished. A live TOC/PAGEREF/HYPERLINK/REF
// field with a sensible result is ordinary Word usage; it is a leftover
// only when its result is empty or an error text, or when its code was
// flattened into the text (see leftoverRE).
var liveFieldKinds = map[string]bool{"MERGEFIELD": true, "PAGEREF": true, "TOC": true, "HYPERLINK": true, "REF": true}

// fieldErrorRE matches the result Word shows for a broken reference.
var fieldErrorRE = rx.MustCompile(`错误！|Error!|未定义书签|Bookmark not defined|引用源`)

// leftover is one kind of residue with the message shown to the clerk.
type leftover struct {
	re  *rx.Regexp
	msg string
}

// leftovers run on the parsing view (full-width letters and brackets folded
// to ASCII), so `ＸＸ` and `XX`, `（略）` and `(略)` are one pattern.
var leftovers = []leftover{
	{rx.MustCompile(`\b(?:MERGEFIELD|PAGEREF\s+_?\w+|HYPERLINK\s+\\l|REF\s+_Ref\w*|TOC\s+\\[a-z])`),
		"Word 域代码混入正文（模板域未转换为文字）/ Word field code leaked into the text"},
	{rx.MustCompile(`\$\{[^}]{0,80}\}`), "模板变量 ${…} 未替换 / template variable not filled in"},
	{rx.MustCompile(`\{\{[^}]{0,80}\}\}`), "模板变量 {{…}} 未替换 / template variable not filled in"},
	// «…» around the name of a law or document is a book-title mark some
	// typesetters use for 《》 («天津市人大预算审查监督条例»), not a field.
	{rx.MustCompile(`«(?:[^»]{0,40}[^»条例法办规定决意见通知纲要划告案则》])?»|«[^»\p{Han}]{1,40}»`), "邮件合并域 «…» 未替换 / mail-merge field not filled in"},
	{rx.MustCompile(`\{\p{Han}{1,12}\}`), "模板占位符 {…} 未替换 / template placeholder not filled in"},
	// XX placeholders: two or more X/x/× not part of a Latin word, or a
	// full-width Ｘ (folded to X) standing alone between Chinese text.
	{rx.MustCompile(`(?:^|[^A-Za-z])((?:[Xx]|×){2,})(?:[^A-Za-z]|$)|\p{Han}(X)\p{Han}`),
		"占位符 XX 未填写实际内容 / placeholder XX not filled in"},
	{rx.MustCompile(`待填写|请填写|待补充|此处填写|\(略\)`), "模板提示语未删除或内容未填写 / template prompt left in the text"},
	{rx.MustCompile(`(?:增加|增长|上升|减少|下降|大于|小于)\((?:减少|下降|增加|增长|上升|小于|大于|持平)\)|(?:增加|增长|减少|下降)/(?:减少|下降|增加|增长)`),
		"模板中的可选表述未取舍（如“增加（减少）”应按实际情况只保留一种）/ template alternative left unresolved"},
	{rx.MustCompile(`\(如[^()]{0,20}(?:表述|填写|说明|列示|删除)\)|\(不涉及[^()]{0,10}\)|\(没有[^()]{0,10}(?:删除|不列)\)`),
		"模板填写说明未删除 / template instruction left in the text"},
}

func runTemplateLeftover(p *Pass) {
	for _, l := range p.Lines() {
		for _, sp := range l.Spans {
			if sp.Kind != extract.FieldSpan {
				continue
			}
			kind, _, _ := strings.Cut(strings.TrimSpace(sp.Instr), " ")
			kind = strings.ToUpper(kind)
			if !liveFieldKinds[kind] {
				continue
			}
			result := ""
			if sp.Start >= 0 && sp.End <= len(l.Orig) && sp.Start <= sp.End {
				result = l.Orig[sp.Start:sp.End]
			}
			switch {
			case kind == "MERGEFIELD":
				p.ReportOrig(l.Line, sp.Start, sp.End, fmt.Sprintf("邮件合并域未替换为实际内容（域代码 %s）/ mail-merge field still in the document", clip(sp.Instr, 60)))
			case strings.TrimSpace(result) == "" || fieldErrorRE.MatchString(result):
				p.ReportOrig(l.Line, sp.Start, sp.End, fmt.Sprintf("Word 域结果为空或出错（域代码 %s）/ field has an empty or broken result", clip(sp.Instr, 60)))
			}
		}
		for _, lo := range leftovers {
			for _, m := range lo.re.FindAllStringSubmatchIndex(l.Text, -1) {
				i, j := m[0], m[1]
				// Report the placeholder itself, not the neighbour the
				// pattern needed to see.
				for k := 2; k+1 < len(m); k += 2 {
					if m[k] >= 0 {
						i, j = m[k], m[k+1]
						break
					}
				}
				p.ReportSpan(l.Line, i, j, lo.msg)
			}
		}
	}
}
