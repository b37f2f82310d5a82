package quantity

import (
	"fmt"
	"strings"
	"testing"
)

// describe renders a quantity compactly for table tests:
// kind value unit scale text, then ~ when approximate and @ when FromContext.
func describe(q Quantity) string {
	s := fmt.Sprintf("%s %s %s %s %s", q.Kind, q.Value.String(), q.Unit, q.Scale, q.Text)
	s = strings.Join(strings.Fields(s), " ")
	if q.Approx {
		s += " ~"
	}
	if q.FromContext {
		s += " @"
	}
	return s
}

// TestScan holds cases written from the real corpus (../shared/corpus/real)
// and from the task for what the amount-spec suite lacks: 千元, 万亿元,
// 单位：万元 tables, spaced numbers, direction words, and the things that are
// not quantities.
func TestScan(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		scale string // Options.DefaultScale
		want  []string
	}{
		// Direction words stay outside the quantity; the sign is not inferred.
		{"increase spaced", "增加 1062.85万元，增长 12.08%", "",
			[]string{"money 10628500 CNY 万元 1062.85万元", "percent 12.08 % 12.08%"}},
		{"decrease", "比上年减少200万元，下降13.9%", "",
			[]string{"money 2000000 CNY 万元 200万元", "percent 13.9 % 13.9%"}},
		{"jiangsu spaced yoy", "与上年相比收、支预算总计各增加 1808.29 万元，增长 6.69%", "",
			[]string{"money 18082900 CNY 万元 1808.29 万元", "percent 6.69 % 6.69%"}},
		{"space before unit", "增加 307.82 万元，增长100.00%", "",
			[]string{"money 3078200 CNY 万元 307.82 万元", "percent 100 % 100.00%"}},
		{"thousands separator", "比2024年预算减少990万元，预算总额17,192万元", "",
			[]string{"money 9900000 CNY 万元 990万元", "money 171920000 CNY 万元 17,192万元"}},
		{"spaced separator", "合计1 ,234.5万元", "", []string{"money 12345000 CNY 万元 1 ,234.5万元"}},
		{"full-width", "增长３３．２％，共１，２３４．５万元", "",
			[]string{"percent 33.2 % ３３．２％", "money 12345000 CNY 万元 １，２３４．５万元"}},
		{"comma is punctuation", "分别为12，34万元", "",
			[]string{"number 12 12", "money 340000 CNY 万元 34万元"}},
		{"line break before unit", "与上年相比增加 24\n万元，增长 3%", "",
			[]string{"money 240000 CNY 万元 24 万元", "percent 3 % 3%"}},
		{"qian yuan", "人民币 8千元；本单位预算 1,234.5 千元", "",
			[]string{"money 8000 CNY 千元 人民币 8千元", "money 1234500 CNY 千元 1,234.5 千元"}},
		{"wan yi yuan", "全国一般公共预算支出27.46万亿元", "",
			[]string{"money 27460000000000 CNY 万亿元 27.46万亿元"}},
		{"yi yuan", "年末结转和结余10.56亿元。", "", []string{"money 1056000000 CNY 亿元 10.56亿元"}},
		{"chinese numerals", "一千零二十万元和三点五亿元", "",
			[]string{"money 10200000 CNY 万元 一千零二十万元", "money 350000000 CNY 亿元 三点五亿元"}},
		{"financial uppercase", "金额：壹拾贰万叁仟肆佰元整", "", []string{"money 123400 CNY 元 壹拾贰万叁仟肆佰元整"}},
		{"uppercase jiao", "人民币壹佰元伍角", "", []string{"money 100.5 CNY 元 人民币壹佰元伍角"}},
		{"mixed", "3万5千元，2.3万亿元", "",
			[]string{"money 35000 CNY 元 3万5千元", "money 2300000000000 CNY 万亿元 2.3万亿元"}},
		{"yen sign", "￥1,200.50", "", []string{"money 1200.5 CNY 元 ￥1,200.50"}},
		// Approximation.
		{"yu inside", "三百余万元", "", []string{"money 3000000 CNY 万元 三百余万元 ~"}},
		{"duo inside", "投入1000多万元", "", []string{"money 10000000 CNY 万元 1000多万元 ~"}},
		{"approx before", "约2.5亿元，近700万元", "",
			[]string{"money 250000000 CNY 亿元 2.5亿元 ~", "money 7000000 CNY 万元 700万元 ~"}},
		{"approx after", "50万元左右", "", []string{"money 500000 CNY 万元 50万元 ~"}},
		{"jieyue is not approx", "节约100万元", "", []string{"money 1000000 CNY 万元 100万元"}},
		// Amount slots: bare 万 is money only after an amount label.
		{"slot colon", "年度预算安排：45.6万", "", []string{"money 456000 CNY 万元 45.6万 @"}},
		{"slot label", "资金总额：120万；项目总预算1170.00万，其中", "",
			[]string{"money 1200000 CNY 万元 120万 @", "money 11700000 CNY 万元 1170.00万 @"}},
		{"no slot", "中大乐透1600万", "", []string{"number 16000000 1600万"}},
		// Tables under 单位：万元 / 单位：元.
		{"default scale", "收入合计    28,849.38    17,123.19", "万元",
			[]string{"money 288493800 CNY 万元 28,849.38 @", "money 171231900 CNY 万元 17,123.19 @"}},
		{"table row with code", "201   06   01   行政运行      16,231,840.80   16,093,326.00     138,514.80", "元",
			[]string{"money 16231840.8 CNY 元 16,231,840.80 @", "money 16093326 CNY 元 16,093,326.00 @",
				"money 138514.8 CNY 元 138,514.80 @"}},
		{"code then amount", "2080501 行政单位离退休 877,080.00", "元", []string{"money 877080 CNY 元 877,080.00 @"}},
		{"code alone on its line", "208   05   05\n", "", nil},
		// Percentages and points.
		{"percent words", "百分之三点五，千分之二，3‰", "",
			[]string{"percent 3.5 % 百分之三点五", "percent 0.2 % 千分之二", "percent 0.3 % 3‰"}},
		{"points", "下降1.5个百分点", "", []string{"percentage_point 1.5 个百分点 1.5个百分点"}},
		{"negative", "增长-3.8%，负2.5个百分点", "",
			[]string{"percent -3.8 % -3.8%", "percentage_point -2.5 个百分点 负2.5个百分点"}},
		{"title percent", "《100%满意度工作方案》", "", []string{"percent 100 % 100%"}},
		{"indicator values", "≥80.00(%)；≥1.00(个)；≥13459.00(平方米)", "",
			[]string{"percent 80 % 80.00(%)", "count 1 个 1.00(个)", "count 13459 平方米 13459.00(平方米)"}},
		// Counts.
		{"counts", "实有人员181人，公务用车0辆，设3个处室，实施周期12个月", "",
			[]string{"count 181 人 181人", "count 0 辆 0辆", "count 3 个 3个", "count 12 个月 12个月"}},
		{"chinese count", "下设两个派出机构，举办培训班6期", "",
			[]string{"count 2 个 两个", "count 6 期 6期"}},
		{"magnitude count", "服务1.2万人次", "", []string{"count 12000 人次 1.2万人次"}},
		{"words are not counts", "一次性补助，一站式服务，一起推进，公诉一处，上一年度", "", nil},
		// Not quantities.
		{"dates", "2023年1月1日至截至2021年6月30日，2024年度，与 2023 年度相比", "", nil},
		{"date range", "2024年1月1日——2024年12月31日，2023-2025年", "", nil},
		{"document numbers", "根据财预〔2021〕101号和苏财预〔2018〕12号文件", "", nil},
		{"headings", "（一）收入\n1.基本支出\n1）人员\n一、概况\n第一部分\n(2)其他\n3、项目", "", nil},
		{"code", "科目编码2080501，", "", nil},
		{"telephone", "联系电话：021-52564588，传真（021）52564589，手机13812345678", "", nil},
		{"page number", "                - 12 -\n", "", nil},
		{"words with numerals", "十四五规划、一般公共预算、三公经费、统一、进一步、十九大、万一", "", nil},
		{"url", "详见 https://www.example.gov.cn/a?id=30%25&p=20% 网站", "", nil},
		{"identifier", "订单号 A202107211321363588510367 可用", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range Scan(tt.in, Options{DefaultScale: tt.scale}) {
				if tt.in[q.Start:q.End] != q.Text {
					t.Errorf("span %d:%d does not match Text %q", q.Start, q.End, q.Text)
				}
				got = append(got, describe(q))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Scan(%q)\n got: %q\nwant: %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Money: "money", Percent: "percent", PercentPoint: "percentage_point",
		Count: "count", Number: "number", 0: "invalid"} {
		if k.String() != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, k.String(), want)
		}
	}
}
