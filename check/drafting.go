package check

import (
	"fmt"
	"strings"

	"github.com/budgetdoc/budgetdoc/internal/rx"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/extract/tables"
	"github.com/budgetdoc/budgetdoc/nlp/quantity"
	"github.com/budgetdoc/budgetdoc/schema"
)

// The drafting rules: defects that a careful read of a draft finds and
// the arithmetic rules cannot — an instruction of the template left in,
// a zero that changed, a rate on a zero base, a word typed twice, an amount
// in the wrong unit, an empty-table note copied from another table. Each
// was seen in a published document.
var (
	TemplateInstruction = &Rule{
		ID:       "template-instruction",
		Doc:      "a drafting instruction of the template left in the text: （按“部门预算公开06表…”中实际发生经济分类支出事项填写）",
		Severity: Error,
		Why:      "Templates tell the drafter in brackets what to write (按…填写, 根据…填列, 请说明…); left in the published text they show that the passage was never written for this document. Only a bracketed passage that opens with an instruction word (按, 根据, 依据, 参照, 请, 此处) and asks for writing (填写, 填列, 填报, 说明, 删除) is reported — （按项目分地区列示） in a table's title describes the table and is not; instructions that template-leftover knows (（如…说明）) are left to it.",
		Example:  "机关运行经费主要用于办公费、印刷费等支出（按“部门预算公开06表”中实际发生经济分类支出事项填写）。",
		Since:    "v0.2.0",
		Run:      runTemplateInstruction,
	}
	ZeroWithChange = &Rule{
		ID:       "zero-with-change",
		Doc:      "an amount of zero stated with an increase: …0万元，比2022年预算增加1421.25万元",
		Severity: Error,
		Why:      "An amount cannot be zero after an increase of a positive amount over the prior year (the prior would be negative): the zero or the change is wrong, usually a figure of another line. A decrease to zero is possible and not reported.",
		Example:  "项目支出0万元，比2022年预算增加1421.25万元。",
		Since:    "v0.2.0",
		Run:      runZeroWithChange,
	}
	ZeroBaseRate = &Rule{
		ID:       "zero-base-rate",
		Doc:      "a completion rate against a budget stated as zero: 年初预算为0万元 … 完成年初预算的95.89%",
		Severity: Error,
		Why:      "A completion rate (完成年初预算的X%) is the amount over its budget; when the same passage states that budget as zero, no rate exists and either the budget or the rate is wrong.",
		Example:  "年初预算为0万元，支出决算为15.43万元，完成年初预算的95.89%。",
		Since:    "v0.2.0",
		Run:      runZeroBaseRate,
	}
	DoubledWord = &Rule{
		ID:       "doubled-word",
		Doc:      "a word typed twice (预算预算) or two direction words that exclude each other (增加持平)",
		Severity: Warning,
		Why:      "A word of two to four Han characters written twice in a row (预算预算, 支出支出) is a typing or editing slip; two direction words back to back (增加持平, 减少增加) are an edit of one into the other left half done. Only the words of these documents (预算, 支出, 资金 …) are judged: other doublings are mostly two words that share characters (农业保险保险费) or idioms (可感可及).",
		Example:  "2026年部门预算预算收入9628.22万元；与上年相比增加持平。",
		Since:    "v0.2.0",
		Run:      runDoubledWord,
	}
	UnitMagnitude = &Rule{
		ID:       "unit-magnitude",
		Doc:      "an amount written in 元 among amounts in 万元 or 亿元 whose size says it meant 万元: 调入资金95685元",
		Severity: Warning,
		Why:      "A passage that states its amounts in 万元 or 亿元 and writes one of them, of five digits or more, in 元 has usually lost the 万: the amount is then off by ten thousand. Amounts per person or per unit (人均, 每人, 标准, 补贴, 额度) are written in 元 on purpose and are not reported.",
		Example:  "一般公共预算收入123.45亿元，上级补助收入56.7亿元，调入资金95685元。",
		Since:    "v0.2.0",
		Run:      runUnitMagnitude,
	}
	EmptyNoteTopic = &Rule{
		ID:       "empty-note-topic",
		Doc:      "an empty table's note names another table's subject: the 国有资本经营 table says 本部门无政府性基金…",
		Severity: Warning,
		Why:      "The note that explains an empty table is often copied from the note of another empty table and not adapted; a note on the 国有资本经营预算 table that speaks of 政府性基金 (or the reverse) explains nothing about the table it stands under.",
		Example:  "国有资本经营预算支出预算表 … 注：本部门无政府性基金预算收入，也没有使用政府性基金预算拨款安排的支出，故本表为空表。",
		Since:    "v0.2.0",
		Run:      runEmptyNoteTopic,
	}
)

// instructionRE is a bracketed drafting instruction: it opens with an
// instruction word and asks for something to be written or removed.
var instructionRE = rx.MustCompile(`[（(](?:按|根据|依据|参照|请|此处)[^（）()]{0,80}?(?:填写|填列|填报|说明|删除)[^（）()]{0,6}[）)]`)

func runTemplateInstruction(p *Pass) {
	for _, l := range p.Lines() {
		if p.inTOC(l) {
			continue
		}
		for _, m := range instructionRE.FindAllStringIndex(l.Text, -1) {
			p.ReportSpan(l.Line, m[0], m[1], "模板填写说明未删除："+l.Text[m[0]:m[1]]+" / drafting instruction left in the text")
		}
	}
}

// increaseAfterRE is what follows a zero amount when the sentence goes on
// to state an increase over a prior year: ，比2022年预算增加.
var increaseAfterRE = rx.MustCompile(`^\s*[，,]?\s*(?:比|较|与)[^。；;，,]{0,24}?(?:增加|增长|上升|提高)\s*$`)

func runZeroWithChange(p *Pass) {
	for _, l := range p.Prose() {
		qs := p.quantities(l.Line)
		for k := 0; k+1 < len(qs); k++ {
			z, d := qs[k], qs[k+1]
			if z.Kind != quantity.Money || !z.Value.IsZero() || d.Kind != quantity.Money || !d.Value.IsPositive() {
				continue
			}
			if !increaseAfterRE.MatchString(l.Text[z.End:d.Start]) {
				continue
			}
			p.ReportSpan(l.Line, z.Start, d.End, fmt.Sprintf("金额为%s，却比上年增加%s（上年数将为负）/ zero stated with an increase", z.Text, d.Text),
				p.factIDsAt(l.Line, z, d)...)
		}
	}
}

var (
	// zeroBudgetRE is the text before an amount that names it a budget:
	// 年初预算为, 调整预算数为; group 1 is the budget's name.
	zeroBudgetRE = rx.MustCompile(`((?:年初|调整(?:后)?)预算)数?(?:为|是)?\s*$`)
	// rateOfRE is the text before a percent that makes it a completion
	// rate of a budget: 完成年初预算的, 为调整预算数的.
	rateOfRE = rx.MustCompile(`(?:完成|为|占|达到)((?:年初|调整(?:后)?)预算)数?的\s*$`)
)

func runZeroBaseRate(p *Pass) {
	for _, l := range p.Prose() {
		zero := map[string]quantity.Quantity{} // budget name → its zero amount
		for _, q := range p.quantities(l.Line) {
			switch q.Kind {
			case quantity.Money:
				if m := zeroBudgetRE.FindStringSubmatch(before(l.Text, q.Start, tailWindow)); m != nil {
					if q.Value.IsZero() {
						zero[m[1]] = q
					} else {
						delete(zero, m[1])
					}
				}
			case quantity.Percent:
				m := rateOfRE.FindStringSubmatch(before(l.Text, q.Start, tailWindow))
				if m == nil || q.Value.IsZero() {
					continue
				}
				if z, ok := zero[m[1]]; ok {
					p.ReportSpan(l.Line, q.Start, q.End, fmt.Sprintf("%s为%s，不能计算完成%s的百分比（文中为%s）/ a completion rate on a zero budget", m[1], z.Text, m[1], q.Text),
						p.factIDsAt(l.Line, z)...)
				}
			}
		}
	}
}

// directionPairRE finds two direction words back to back, which exclude
// each other (增加持平); 增加增长-like pairs are filtered in the rule.
var directionPairRE = rx.MustCompile(`(?:增加|减少|增长|下降)(?:持平|保持一致|增加|减少|增长|下降)|持平(?:增加|减少|增长|下降)`)

func runDoubledWord(p *Pass) {
	for _, l := range p.Prose() {
		t := l.Text
		for _, m := range directionPairRE.FindAllStringIndex(t, -1) {
			w := t[m[0]:m[1]]
			if w == "增加增长" || w == "减少下降" || strings.HasPrefix(w, "增长") && strings.HasSuffix(w, "增加") {
				continue
			}
			p.ReportSpan(l.Line, m[0], m[1], "方向用词冲突：“"+w+"” / two direction words that exclude each other")
		}
		for _, m := range doubledWordRE.FindAllStringIndex(t, -1) {
			p.ReportSpan(l.Line, m[0], m[1], "词语重复：“"+t[m[0]:m[1]]+"” / a word typed twice")
		}
	}
}

// budgetWords are the words of these documents that a slip doubles; a
// word outside the list doubled by the reader's segmentation (农业保险保险费
// is 农业保险 + 保险费, 可感可及 an idiom) is no slip.
var budgetWords = []string{"预算", "决算", "支出", "收入", "经费", "资金", "项目", "部门", "单位", "财政", "拨款",
	"增加", "减少", "增长", "下降", "主要", "用于", "其中", "合计", "情况", "基本", "公共", "年度", "万元", "亿元"}

// doubledWordRE finds a budget word written twice in a row.
var doubledWordRE = rx.MustCompile(doubled(budgetWords))

// doubled writes the alternation of each word written twice (Go's regexp
// has no back-references).
func doubled(words []string) string {
	alt := make([]string, len(words))
	for i, w := range words {
		alt[i] = w + w
	}
	return strings.Join(alt, "|")
}

// tailWindow is how many bytes before an amount the expressions anchored
// at it (perUnitRE, zeroBudgetRE, rateOfRE: at most about twenty
// characters) are matched in.
const tailWindow = 96

// perUnitRE is the text before an amount that makes it an amount per
// person or per unit, written in 元 on purpose.
var perUnitRE = rx.MustCompile(`(?:人均|每人|每年|每月|每户|每亩|每名|每个|标准|单价|补助|补贴|额度|奖励|一次性|提高到|提高至)[^，。；,;]{0,8}$`)

// tenThousand is the least amount in 元 the rule suspects: five digits,
// where a 万 was surely meant among 万元 and 亿元 figures.
var tenThousand = decimal.NewFromInt(10000)

func runUnitMagnitude(p *Pass) {
	for _, l := range p.Prose() {
		qs := p.quantities(l.Line)
		large := 0
		for _, q := range qs {
			if q.Kind == quantity.Money && (q.Scale == "万元" || q.Scale == "亿元") {
				large++
			}
		}
		if large < 2 {
			continue
		}
		for _, q := range qs {
			if q.Kind != quantity.Money || q.Scale != "元" || q.Value.Abs().LessThan(tenThousand) || !q.Value.Equal(q.Value.Truncate(0)) {
				continue
			}
			if perUnitRE.MatchString(before(l.Text, q.Start, tailWindow)) || strings.HasPrefix(strings.TrimSpace(l.Text[q.End:]), "/") {
				continue
			}
			p.ReportSpan(l.Line, q.Start, q.End, fmt.Sprintf("单位疑误：本段金额以万元或亿元计，%s以元计，疑漏写“万” / an amount in 元 among amounts in 万元 or 亿元", q.Text),
				p.factIDsAt(l.Line, q)...)
		}
	}
}

// otherTopic is, for the two fund tables, the subject of the other.
var otherTopic = map[tables.Kind][2]string{
	tables.GovFundExpense:      {"政府性基金", "国有资本经营"},
	tables.StateCapitalExpense: {"国有资本经营", "政府性基金"},
}

func runEmptyNoteTopic(p *Pass) {
	for _, t := range tablesOf(p) {
		topics, ok := otherTopic[t.Kind]
		if !ok || !t.Empty() {
			continue
		}
		for _, n := range t.Notes {
			if emptyStatement.MatchString(n) && strings.Contains(n, topics[1]) && !strings.Contains(n, topics[0]) {
				p.Report(schema.Finding{
					Message:  fmt.Sprintf("空表说明与表格不符：%s的说明写的是“%s” / the empty-table note names another table's subject", tableName(t), topics[1]),
					Evidence: clip(strings.TrimSpace(n), 60),
					Loc:      t.Loc, // notes carry no place of their own: the table's
				})
				break
			}
		}
	}
}
