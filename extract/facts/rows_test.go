package facts

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// row is a RowLabel written compactly for the cases: indent < 0 means not
// known.
func row(text string, indent float64) RowLabel {
	return RowLabel{Text: text, Indent: indent, Indented: indent >= 0}
}

func coded(code, text string) RowLabel { return RowLabel{Text: text, Code: code} }

func TestRowParents(t *testing.T) {
	for _, c := range []struct {
		name string
		rows []RowLabel
		want []int // parent row per row, -1 for none
	}{
		// Synthetic forms of each rule.
		{"numbering: 一、 over （一） over 1.", []RowLabel{
			row("一、收入", -1), row("（一）税收", -1), row("1.增值税", -1), row("2.所得税", -1),
			row("（二）非税", -1), row("二、支出", -1), row("（一）一般公共服务", -1),
		}, []int{-1, 0, 1, 1, 0, -1, 5}},
		{"unnumbered rows are the items of the numbered row above", []RowLabel{
			row("一、税收收入", -1), row("增值税", -1), row("契税", -1), row("二、非税收入", -1), row("罚没收入", -1),
		}, []int{-1, 0, 0, -1, 3}},
		{"codes: 类 of the leading 合计, 款 of 类, 项 of 款", []RowLabel{
			row("合计", -1), coded("201", "一般公共服务支出"), coded("20101", "人大事务"), coded("2010101", "行政运行"),
			coded("2010102", "一般行政管理事务"), coded("208", "社会保障和就业支出"), coded("20805", "行政事业单位养老支出"),
		}, []int{-1, 0, 1, 2, 2, 0, 5}},
		{"其中 opens a list of parts of the row above; an indented row is a part of the row above it", []RowLabel{
			row("收入", 0), row("其中：专项收入", 2), row("教育费附加", 6), row("地方教育附加", 6), row("罚没收入", 5),
		}, []int{-1, 0, 1, 1, 0}},
		{"rows at one indent without numbering are siblings", []RowLabel{
			row("增值税", 2), row("企业所得税", 2), row("个人所得税", 2),
		}, []int{-1, -1, -1}},
		{"a total further down holds the rows of the first level above it and closes them", []RowLabel{
			row("一、税收收入", 6), row("增值税", 7), row("一般公共预算收入合计", 12), row("转移性收入", 6), row("上级补助收入", 7),
		}, []int{2, 0, -1, -1, 3}},
		{"a 小计 sums the numbered rows above it: it holds them and is a part of none", []RowLabel{
			row("一、财政拨款", -1), row("1.一般公共预算", -1), row("二、事业收入", -1), row("当年收入小计", -1), row("上年结转", -1),
		}, []int{3, 0, 3, -1, -1}},
		{"a 总计 below a 合计 adds to it (a balance): it holds nothing", []RowLabel{
			row("一、利润收入", -1), row("二、股息红利收入", -1), row("收入合计", -1), row("转移支付收入", -1),
			row("上年结转", -1), row("收入总计", -1),
		}, []int{2, 2, -1, -1, -1, -1}},
		{"totals of one rank each hold the group since the one before; a higher one after them holds nothing", []RowLabel{
			row("一、财政拨款", -1), row("二、事业收入", -1), row("小计", -1), row("三、上年结转", -1), row("四、结余", -1),
			row("小计", -1), row("合计", -1),
		}, []int{2, 2, -1, 5, 5, -1, -1}},
		{"stacked sides: the 支出 items of a 支出合计 after the 收入总计", []RowLabel{
			row("税收收入", -1), row("非税收入", -1), row("收入合计", -1), row("上年结余", -1), row("收入总计", -1),
			row("一般公共服务支出", -1), row("教育支出", -1), row("支出合计", -1),
		}, []int{2, 2, -1, -1, -1, 7, 7, -1}},
		{"a coded total below its items holds them; a total known by its place too", []RowLabel{
			coded("10201", "一、企业职工基本养老保险基金收入"), coded("10202", "二、失业保险基金收入"), coded("102", "社会保险基金收入合计"),
			coded("101", "一、税收收入"), coded("10101", "增值税"), coded("103", "二、非税收入"), {Text: "一般公共预算收入", Total: true},
		}, []int{2, 2, -1, 6, 3, 6, -1}},
		{"a label of unknown indent (wrapped over lines) stays at the level above", []RowLabel{
			row("非税收入", 4), row("其中：专项收入", 4), row("行政事业性收费收入", 7), row("国有资源（资产）有偿使用收入", -1), row("其他收入", 7),
		}, []int{-1, 0, 0, 0, 0}},
		{"a numbered row outdented below open items closes them", []RowLabel{
			row("1、税收收入", 4), row("其中：增值税", 4), row("企业所得税", 7), row("2、非税收入", 4),
		}, []int{-1, 0, 0, -1}},

		// Real tables. 武汉市2025年全市一般公共预算收入执行情况表 (湖北, PDF;
		// indents are the labels' left edges over their height, page 1).
		{"wuhan revenue table", []RowLabel{
			row("一般公共预算收入", 3.44), row("1、税收收入", 4.45), row("其中：增值税", 4.45), row("企业所得税", 7.48),
			row("环境保护税", 7.48), row("2、非税收入", 4.45), row("其中：专项收入", 4.45), row("教育费附加收入", 8.49),
			row("其他专项收入", 8.49), row("行政事业性收费收入", 7.48), row("国有资源（资产）有偿使用收入", -1), row("其他收入", 7.48),
		}, []int{-1, 0, 1, 1, 1, 0, 5, 6, 6, 5, 5, 5}},
		// 防城港市 全市一般公共预算收入 table (广西, PDF, pages 4-5).
		{"fangchenggang revenue table", []RowLabel{
			row("一、税收收入", 6.40), row("增值税", 7.40), row("其他税收收入", 7.40), row("二、非税收入", 6.40), row("专项收入", 7.40),
			row("捐赠收入", 7.40), row("一般公共预算收入合计", 12.40), row("转移性收入", 6.40), row("上级补助收入", 7.58),
			row("返还性收入", 7.40),
		}, []int{6, 0, 0, 6, 3, 3, -1, -1, 7, 7}},
		// 2024年自治区预算执行情况与2025年自治区预算 (新疆, PDF): p16 debt by
		// region over a 合 计 at the bottom; p19 revenue codes over a last
		// row that names the title (表十五 …一般公共预算收入预算表); p106 the
		// 收入 side of a 平衡表, coded items over a coded 合计, then 上年结余
		// and transfers (one with a 其中) over the 收入总计.
		{"xinjiang debt by region", []RowLabel{
			row("自治区本级", 5.2), row("乌鲁木齐市", 5.2), row("伊犁州", 5.2), row("塔城地区", 5.2), row("和田地区", 5.2), row("合   计", 5.2),
		}, []int{5, 5, 5, 5, 5, -1}},
		{"xinjiang revenue budget", []RowLabel{
			coded("101", "一、税收收入"), coded("10101", "增值税"), coded("10199", "其他税收收入"), coded("103", "二、非税收入"),
			coded("10302", "专项收入"), coded("10399", "其他收入"), {Text: "一般公共预算收入", Total: true},
		}, []int{6, 0, 0, 6, 3, 3, -1}},
		{"xinjiang social insurance balance, 收入 side", []RowLabel{
			coded("10201", "一、企业职工基本养老保险基金收入"), coded("10202", "二、失业保险基金收入"),
			coded("10212", "七、城乡居民基本医疗保险基金收入"), coded("102", "社会保险基金收入合计"),
			coded("11008", "社会保险基金上年结余收入"), coded("11017", "社会保险基金上级补助收入"),
			row("其中：企业职工基本养老保险基金中央调剂金收入", -1), coded("11018", "社会保险基金下级上解收入"), row("收入总计", -1),
		}, []int{3, 3, 3, -1, -1, -1, 5, -1, -1}},
		// 普陀区万里街道 2023 一般公共预算支出功能分类预算表 (上海, codes in
		// their own column).
		{"shanghai department expenditure table", []RowLabel{
			row("合计", -1), coded("201", "一般公共服务支出"), coded("20103", "政府办公厅（室）及相关机构事务"),
			coded("2010301", "行政运行"), coded("2010350", "事业运行"), coded("208", "社会保障和就业支出"),
			coded("20805", "行政事业单位养老支出"), coded("2080505", "机关事业单位基本养老保险缴费支出"),
		}, []int{-1, 0, 1, 2, 2, 0, 5, 6}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := RowParents(c.rows)
			if !slices.Equal(got, c.want) {
				t.Errorf("parents\n got %s\nwant %s", describeParents(c.rows, got), describeParents(c.rows, c.want))
			}
		})
	}
}

func describeParents(rows []RowLabel, ps []int) string {
	var b strings.Builder
	for i, p := range ps {
		if p >= 0 {
			fmt.Fprintf(&b, "\n  %s ← %s", rows[i].Text, rows[p].Text)
		} else {
			fmt.Fprintf(&b, "\n  %s", rows[i].Text)
		}
	}
	return b.String()
}
