package quantity

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are inputs from the table tests and budget text.
var fuzzSeeds = []string{
	"增加 1062.85万元，增长 12.08%", "比上年减少200万元，下降13.9%", "17,192万元", "三百余万元",
	"壹拾贰万叁仟肆佰元整", "肆角叁分", "负壹角", "百分之负三点八", "千分之２．４", "１，２３４．５万元",
	"1 ,234.5万元", "与 2023 年度相比", "财预〔2021〕101号", "（一）", "1.", "一、", "2080501 行政运行",
	"年度预算安排：45.6万", "人民币  50元", "新台币 177.1 亿元", "两美元又三美分", "十块三毛",
	"一百零十万三千斤", "约2.5亿年~6500万年", "3千万亿日元", "≥80.00(%)", "增加 24\n万元",
	"201   06   01   行政运行      16,231,840.80", "九千八百七十六万五千四百三十二亿九千八百七十六万五千四百三十二",
	"零点零零零零零零零零零零零零零零一", "https://x.cn/?q=30%25", "- 12 -", "十四五", "一次性", "－1２２％",
}

// FuzzScan checks that Scan never panics, that every span lies inside the
// input, in order and without overlap, and that each quantity's Text scanned
// alone gives back one quantity covering all of it with the same value and
// kind (a FromContext amount slot gives a Number; approximation words outside
// Text may be lost).
func FuzzScan(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	if file, err := os.Open("testdata/budget_sample.txt"); err == nil {
		sc := bufio.NewScanner(file)
		for n := 0; sc.Scan() && n < 40; n++ {
			f.Add(sc.Text(), n%2 == 0)
		}
		file.Close()
	}
	f.Fuzz(func(t *testing.T, in string, table bool) {
		opt := Options{}
		if table {
			opt.DefaultScale = "万元"
		}
		prevEnd := 0
		for _, q := range Scan(in, opt) {
			if q.Start < prevEnd || q.End <= q.Start || q.End > len(in) {
				t.Fatalf("bad span %d:%d (previous end %d, len %d) in %q", q.Start, q.End, prevEnd, len(in), in)
			}
			prevEnd = q.End
			if in[q.Start:q.End] != q.Text {
				t.Fatalf("Text %q != input[%d:%d] in %q", q.Text, q.Start, q.End, in)
			}
			if q.Kind < Money || q.Kind > Number {
				t.Fatalf("invalid kind %d for %q", q.Kind, q.Text)
			}
			if !utf8.ValidString(in) {
				continue // spans may cut invalid bytes differently on re-scan
			}
			again := Scan(q.Text, opt)
			if len(again) != 1 || again[0].Start != 0 || again[0].End != len(q.Text) {
				t.Fatalf("re-scan of %q (from %q) gave %d quantities: %+v", q.Text, in, len(again), again)
			}
			wantKind := q.Kind
			// An amount slot (资金总额：120万) carries its magnitude in Text;
			// a DefaultScale amount does not, and re-scans as the same Money.
			if q.FromContext && strings.ContainsAny(q.Text, "万亿萬億") {
				wantKind = Number
			}
			if again[0].Kind != wantKind || !again[0].Value.Equal(q.Value) {
				t.Fatalf("re-scan of %q (from %q): %s %s, want %s %s", q.Text, in, again[0].Kind, again[0].Value, wantKind, q.Value)
			}
		}
	})
}
