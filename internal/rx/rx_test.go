package rx

import (
	"math"
	"reflect"
	"regexp/syntax"
	"slices"
	"testing"
)

func TestRequired(t *testing.T) {
	for _, c := range []struct {
		expr string
		want []string // nil: no prefilter
	}{
		{`主要用于[：:]?\s*`, []string{"主要用于"}},
		{`原因(?:是|为)|主要由于|主要系`, []string{"原因是", "原因为", "主要由于", "主要系"}},
		{`(?:基本)?(?:持平|保持不变)`, []string{"持平", "保持不变"}},
		{`\$\{[^}]{0,80}\}`, []string{"${"}},
		{`(?:^|[^A-Za-z])((?:[Xx]|×){2,})(?:[^A-Za-z]|$)|\p{Han}(X)\p{Han}`, []string{"X", "x", "×", "X"}},
		{`其中[：:，,]?|([^，,。\s]{2,24}?)中[，,:：]`, []string{"其中", "中，", "中,", "中:", "中："}},
		{`[0-9]{4}\s*年`, []string{"年"}},
		{`a*`, nil},        // matches the empty string
		{`(?i)error`, nil}, // case-folded literal: no prefilter
		{`\p{Han}+`, nil},  // a wide class
		{`x|\p{Han}`, nil}, // one branch without a literal
		{`(?:ab)?c`, []string{"c"}},
		{`x{0,3}y`, []string{"y"}},
	} {
		re, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got := required(re.Simplify())
		slices.Sort(got)
		want := slices.Clone(c.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: required %q, want %q", c.expr, got, want)
		}
	}
}

// patterns are expressions of the kinds the extractors and checks use.
var patterns = []string{
	`按((?:支出)?(?:功能|经济|用途|来源|项目)[^，,。;；:：]{0,8}?)(?:划分|分列|来看)?[：:，,]|其中[：:，,]?|包括[：:]?|分别为[：:]?|分别是[：:]?|([^，,。;；:：、\s]{2,24}?)中[，,:：]`,
	`(?:(?:增加|减少|增长|下降|变动|变化|差异)的?(?:主要)?原因(?:主要)?(?:是|为)?|主要原因(?:是|为)?|原因(?:是|为)|主要是因为|主要是由于|主要由于|主要系)[：:]?\s*`,
	`(?:比|较|与|同)((?:[^，,。;；:：、（()）]|[（(][^（()）]{0,12}[）)]){1,30}?)(?:相比)?[，,]?\s*(?:基本)?(?:持平|保持一致|一致|相同|相等|没有变化|无变化)`,
	`(?:^|[^A-Za-z])((?:[Xx]|×){2,})(?:[^A-Za-z]|$)|\p{Han}(X)\p{Han}`,
	`\b(?:MERGEFIELD|PAGEREF\s+_?\w+|HYPERLINK\s+\\l|REF\s+_Ref\w*|TOC\s+\\[a-z])`,
	`待填写|请填写|待补充|此处填写|\(略\)`,
	`(?i)ab|c`,
}

var texts = []string{
	"", "其中：基本支出1000万元", "按功能分类划分：", "教育支出中，", "主要原因是人员增加", "原因为", "主要系",
	"与上年相比持平", "比2023年预算基本一致", "XX单位", "xx", "×××", "单X位", "MERGEFIELD name", "PAGEREF _Toc1",
	"(略)", "请填写", "AB", "c", "普通的一行文字，没有任何标记。", "增加（减少）",
}

// TestPrefilterSound: whenever the regexp matches, the prefilter lets the
// text through, and every method gives what regexp's gives.
func TestPrefilterSound(t *testing.T) {
	for _, p := range patterns {
		re := MustCompile(p)
		for _, s := range texts {
			if re.re.MatchString(s) && !re.Possible(s) {
				t.Errorf("%s: prefilter rejects %q, which matches", p, s)
			}
			checkSameAsRegexp(t, re, s)
		}
	}
}

// checkSameAsRegexp compares every matching method of re on s with the
// regexp.Regexp's.
func checkSameAsRegexp(t *testing.T, re *Regexp, s string) {
	t.Helper()
	same := func(method string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s.%s(%q) = %v, want %v", re, method, s, got, want)
		}
	}
	same("MatchString", re.MatchString(s), re.re.MatchString(s))
	same("FindString", re.FindString(s), re.re.FindString(s))
	same("FindStringIndex", re.FindStringIndex(s), re.re.FindStringIndex(s))
	same("FindStringSubmatch", re.FindStringSubmatch(s), re.re.FindStringSubmatch(s))
	same("FindStringSubmatchIndex", re.FindStringSubmatchIndex(s), re.re.FindStringSubmatchIndex(s))
	same("FindAllStringIndex", re.FindAllStringIndex(s, -1), re.re.FindAllStringIndex(s, -1))
	same("FindAllStringSubmatch", re.FindAllStringSubmatch(s, -1), re.re.FindAllStringSubmatch(s, -1))
	same("FindAllStringSubmatchIndex", re.FindAllStringSubmatchIndex(s, -1), re.re.FindAllStringSubmatchIndex(s, -1))
	same("ReplaceAllString", re.ReplaceAllString(s, "<$0>"), re.re.ReplaceAllString(s, "<$0>"))
}

func FuzzPrefilter(f *testing.F) {
	for i := range patterns {
		for _, s := range texts {
			f.Add(i, s)
		}
	}
	f.Add(math.MinInt, "其中") // its negation is itself: the index must not go negative
	res := make([]*Regexp, len(patterns))
	for i, p := range patterns {
		res[i] = MustCompile(p)
	}
	f.Fuzz(func(t *testing.T, i int, s string) {
		re := res[uint(i)%uint(len(res))] // any int, math.MinInt too
		if re.re.MatchString(s) && !re.Possible(s) {
			t.Fatalf("%s: prefilter rejects %q, which matches", re, s)
		}
		checkSameAsRegexp(t, re, s)
	})
}
