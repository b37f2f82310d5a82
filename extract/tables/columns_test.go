package tables

import (
	"slices"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

func TestNumberKind(t *testing.T) {
	for _, c := range []struct {
		path string
		want ColumnKind
	}{
		// henan_province_2024 决算表
		{"决算数为调整预算数的%", KindPercent},
		{"决算数为上年决算数的%", KindPercent},
		{"决算数", KindMoney},
		// jinan_2025 构成表
		{"2025年执行数/所占比重%", KindPercent},
		{"2025年执行数/增长%", KindPercent},
		{"2025年执行数/金额", KindMoney},
		// shandong / debt tables
		{"平均利率%", KindRate},
		{"债券期限（年）", KindYears},
		{"比上年增减百分点", KindPoints},
		{"执行数比上年+,-%", KindPercent},
		// Jiangsu 三公经费表 and 绩效目标表
		{"车辆数（辆）", KindCount},
		{"指标值", KindIndicator},
		// shandong_province_2025, guyuan_2025: change amounts
		{"2026年预算数/比2025年年初预算增减/金额/6=5-1", KindChange},
		{"比上年增、减情况/增、减金额", KindChange},
		{"2026年预算数/比2025年年初预算增减/%", KindPercent},
		{"当年增减变动情况/新增/小计", KindMoney},
		// synthetic
		{"预算数/小计", KindMoney},
		{"完成率", KindPercent},
		{"占全省比重", KindPercent},
	} {
		if got := numberKind(c.path); got != c.want {
			t.Errorf("numberKind(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}

// TestPercentColumnGivesNoMoney: a percent column is a value column and
// gives no money fact; the amounts beside it still do.
func TestPercentColumnGivesNoMoney(t *testing.T) {
	txt := text("pdf", []extract.Block{
		para("2024年全省一般公共预算支出决算表", "单位：万元"),
		grid(`项目|决算数|决算数为上年决算数的%
一、一般公共服务支出|10,960,262|94.2
二、国防支出|69,286|85.5`),
	})
	ts := Parse(txt)
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	tb := ts[0]
	if tb.Columns[2].Kind != KindPercent || tb.Columns[2].Role != ValueColumn || tb.Columns[1].Kind != KindMoney {
		t.Fatalf("columns %+v", tb.Columns)
	}
	facts := tb.Facts(1)
	if len(facts) != 2 || facts[0].Value != "109602620000" || facts[1].Value != "692860000" {
		t.Errorf("facts %+v", facts)
	}
}

// TestYoYChange: a growth column gives the change of the amount to its
// left (jinan_2025 表1), an 增减额 column its signed value and the prior.
func TestYoYChange(t *testing.T) {
	txt := text("pdf", []extract.Block{
		para("2025年济南市地域财政总收入构成表", "单位：万元"),
		grid(`项目|2024年|2025年执行数|<|<
^|^|金额|所占比重%|增长%
地域财政总收入|35744603|35590998|100.00|-0.43`),
		para("2025年一般公共预算支出预算表", "单位：万元"),
		grid(`项目|2025年预算数|比上年增减额
一般公共服务支出|1,200.50|-100.00`),
	})
	ts := Parse(txt)
	if len(ts) != 2 {
		t.Fatalf("%d tables", len(ts))
	}
	f := ts[0].Facts(1)
	if len(f) != 2 || f[0].Change != nil || f[1].Change == nil ||
		f[1].Change.Percent != "-0.43" || f[1].Change.Direction != "decrease" || f[1].Change.Base != "上年" {
		t.Errorf("facts %+v", f)
	}
	g := ts[1].Facts(1)
	if len(g) != 1 || g[0].Change == nil || g[0].Change.Value != "-1000000" || g[0].Prior != "13005000" {
		t.Fatalf("facts %+v", g)
	}
}

// TestYoYChangeNamesItsAmount: a YoY header that names its amount
// (执行数比上年+,-%, wuhan_2025 表一) is the change of that column even with
// the base column printed between them; the base column gets no change. A
// header naming no amount (比上年增长%) keeps to the column on its left.
func TestYoYChangeNamesItsAmount(t *testing.T) {
	txt := text("pdf", []extract.Block{
		para("武汉市2025年全市一般公共预算收入执行情况表", "单位：万元"),
		grid(`项目|预算数|执行数|执行数为调整预算数%|上年决算数|执行数比上年+,-%
一般公共预算收入|17500571|17430593|99.6|16673101|4.5`),
		para("某市2026年一般公共预算支出表", "单位：万元"),
		grid(`项目|上年执行数|本年预算数|比上年增长%
一般公共服务支出|100.00|110.00|10.0`),
	})
	ts := Parse(txt)
	if len(ts) != 2 {
		t.Fatalf("%d tables", len(ts))
	}
	var got []string
	for _, tb := range ts {
		for _, f := range tb.Facts(1) {
			c := ""
			if f.Change != nil {
				c = f.Change.Direction + " " + f.Change.Percent + " " + f.Change.Base
			}
			got = append(got, f.Value+":"+c)
		}
	}
	want := []string{"175005710000:", "174305930000:increase 4.5 上年", "166731010000:", "1000000:", "1100000:increase 10 上年"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("facts\n got %q\nwant %q", got, want)
	}
}

// TestCodeColumnsBeforeLabels: integers right of the row labels are
// amounts even when they look like codes (a city's column of 万元,
// shandong_province_2025 表8); a code column before the names is codes.
func TestCodeColumnsBeforeLabels(t *testing.T) {
	txt := text("pdf", []extract.Block{
		para("2025年省对各市一般公共预算专项转移支付分地区分项目执行情况表", "单位：万元"),
		grid(`项目|济宁市|泰安市
一、科技创新和人才支出|4011|3209
（一）科技创新发展资金|2001|2569
二、教育支出|671|833
（一）教育发展资金|180|10022`),
		para("2025年一般公共预算支出表", "单位：万元"),
		grid(`科目|名称|预算数
201|一般公共服务支出|1,200.50
20101|人大事务|1,200.50`),
	})
	ts := Parse(txt)
	if len(ts) != 2 {
		t.Fatalf("%d tables", len(ts))
	}
	if k := ts[0].Columns[2].Kind; k != KindMoney {
		t.Errorf("a city's column is %s, want money", k)
	}
	if k := ts[1].Columns[0].Kind; k != KindCode {
		t.Errorf("the code column before the names is %s, want code", k)
	}
}

func TestParseAmountSpaces(t *testing.T) {
	for _, c := range []struct {
		s  string
		ok bool
	}{
		{"1 234 567.50", true}, {"28,774,205", true}, {"15.30%", true},
		{"141 142 29 5", false}, {"28,774,205 2,747,512 34,541", false}, {"97.3 88.1", false},
	} {
		if _, _, ok := parseAmount(c.s); ok != c.ok {
			t.Errorf("parseAmount(%q) ok = %v, want %v", c.s, ok, c.ok)
		}
	}
}

// TestPartialTables: a table by region printed as two page sets (合计 and
// the first regions, then the other regions; xinjiang_region_2024 表二十一)
// is one logical table now (pagesets.go), not two partial ones, so its 合计
// can be checked against all its regions. Page sets whose rows differ (here
// in another order) cannot be joined row for row: they stay two tables,
// both marked partial, so that the row-sum check skips them. One table
// alone is not partial.
func TestPartialTables(t *testing.T) {
	sets := func(second string) []*Table {
		return Parse(text("pdf",
			[]extract.Block{para("2025年自治区对各地转移支付补助预算表", "单位：万元"), grid(`项目|合计|乌鲁木齐市|伊犁州
返还性支出|1,001,401|462,680|130,997
所得税基数返还支出|100,056|43,149|8,455`)},
			[]extract.Block{para("2025年自治区对各地转移支付补助预算表", "单位：万元"), grid(second)},
			[]extract.Block{para("2025年一般公共预算支出表", "单位：万元"), grid(`项目|合计|基本支出
一般公共服务支出|1,200.50|1,000.50`)},
		))
	}
	show := func(ts []*Table) {
		for _, tb := range ts {
			t.Logf("%s %v %v %d columns", tb.Title, tb.Pages, tb.Partial, len(tb.Columns))
		}
	}
	ts := sets(`项目|克拉玛依市|博尔塔拉州
返还性支出|12,345.00|6,789.00
所得税基数返还支出|1,234.00|567.00`)
	if len(ts) != 2 || ts[0].Partial || ts[1].Partial || !slices.Equal(ts[0].Pages, []int{1, 2}) || len(ts[0].Columns) != 6 {
		show(ts)
		t.Fatal("page sets not joined into one table")
	}
	ts = sets(`项目|克拉玛依市|博尔塔拉州
所得税基数返还支出|1,234.00|567.00
返还性支出|12,345.00|6,789.00`)
	if len(ts) != 3 || !ts[0].Partial || !ts[1].Partial || ts[2].Partial {
		show(ts)
		t.Fatal("partial marks wrong")
	}
}

func TestLabelledNumbers(t *testing.T) {
	row := func(cells ...string) []gridCell {
		var out []gridCell
		for _, c := range cells {
			out = append(out, gridCell{text: c})
		}
		return out
	}
	for _, c := range []struct {
		row  []gridCell
		want bool
	}{
		{row("提前下达生猪调出大县奖励资金", "4974", "", "1805"), true}, // xinjiang_region_2024 表二十一
		{row("市本级", "99", "36", "63"), true},              // qingdao_2025
		{row("栏次", "1", "2", "3"), false},
		{row("项目", "1", "2", "3"), false},
		{row("", "1", "2", "3"), false},
		{row("合计", "1", "2", "3"), false}, // column numbers under a label
		{row("项目", "2024", "2025"), false},
		{row("全市", "一般债券", "合计", "3135852", "346600", "1506170"), true}, // weihai_2025 表62: labels over three columns
		{row("全市", "项目", "2024", "2025"), false},
		{row("济南市", "1686001", "52995", "—"), true}, // shandong_province_2025 表7: — for nothing
		{row("地区", "合计", "均衡性转移支付"), false},
	} {
		if got := labelledNumbers(c.row); got != c.want {
			t.Errorf("labelledNumbers(%v) = %v, want %v", c.row, got, c.want)
		}
	}
}
