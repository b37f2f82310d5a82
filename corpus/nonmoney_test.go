package corpus

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/schema"
)

var nonMoneyJSONL = flag.String("nonmoney-jsonl", "", "documents.jsonl of a batch run: count the money facts from columns that are not money")

// Independent of the table reader's column kinds (extract/tables
// headerKinds): a column whose header says it holds shares, rates, terms,
// counts, indicator values, codes or row numbers is not money, nor is a
// cell written with a percent sign. The header's last level says what the
// column holds (债务期限 / 10年期 is the money of the bonds of that term);
// levels that are numbers or formulas (1, 4=3/2*100, a data row read into
// the header) say nothing. Shares are said anywhere in the level, the
// other kinds end it (a garbled 20债25务年限新额增 is 债务限额, money).
var (
	ratioWords     = regexp.MustCompile(`[%％‰]|百分点|百分比|比重|占比|增长率|增幅|增速|降幅|完成率|执行率|[(（]年[)）]`)
	notMoneyEnding = regexp.MustCompile(`(?:比例|利率|费率|税率|收益率|期限|年限|指标值|目标值|人数|个数|户数|序号|行次|栏次|编码|代码)(?:[(（][^)）]*[)）])?$`)
	formulaLevel   = regexp.MustCompile(`^[\d,.=+\-*/×÷()（）\s]*$`)
	percentCell    = regexp.MustCompile(`[%％]\s*$`)
	numberCell     = regexp.MustCompile(`^[-−]?[\d,]+(?:\.\d+)?[%％]?$`)
)

// lastLevel is the last level of a header path that is not a number or a
// formula.
func lastLevel(path string) string {
	levels := strings.Split(path, " / ")
	for i := len(levels) - 1; i >= 0; i-- {
		if l := strings.TrimSpace(levels[i]); !formulaLevel.MatchString(l) {
			return l
		}
	}
	return ""
}

// TestNonMoneyFacts counts, over the documents of a batch run of both
// corpora, the money facts that come from a table column that is not
// money, or from a row of column numbers (1 2 3 … under the header):
//
//	budgetdoc batch --out /tmp/out ../shared/corpus/real ../shared/corpus/govwide
//	go test ./corpus -run NonMoneyFacts -v -nonmoney-jsonl /tmp/out/documents.jsonl
//
// The target is 0.
func TestNonMoneyFacts(t *testing.T) {
	if *nonMoneyJSONL == "" {
		t.Skip("no -nonmoney-jsonl given")
	}
	docs, tableFacts, bad, candidates := 0, 0, 0, 0
	var examples []string
	eachDocument(t, *nonMoneyJSONL, func(d *schema.Document) {
		docs++
		tables := map[string]*schema.Table{}
		for i := range d.Tables {
			tb := &d.Tables[i]
			tables[tb.ID] = tb
			// What the test could catch: the numbers of the columns it
			// calls not money.
			for j, path := range tb.Columns {
				if l := lastLevel(path); !ratioWords.MatchString(l) && !notMoneyEnding.MatchString(l) {
					continue
				}
				for _, r := range tb.Rows[min(tb.HeaderRows, len(tb.Rows)):] {
					if j < len(r) && numberCell.MatchString(strings.TrimSpace(r[j])) {
						candidates++
					}
				}
			}
		}
		for _, fa := range d.Facts {
			tb := tables[fa.Table]
			if fa.Kind != schema.FactMoney || tb == nil {
				continue
			}
			tableFacts++
			why := nonMoney(tb, fa)
			if why == "" {
				continue
			}
			bad++
			if len(examples) < 40 {
				examples = append(examples, d.Source.Path+" "+fa.ID+" "+strconv.Quote(fa.Text)+" in "+strconv.Quote(fa.Dimension)+": "+why)
			}
		}
	})
	sort.Strings(examples)
	for _, e := range examples {
		t.Log(e)
	}
	t.Logf("%d documents, %d money facts from tables, %d from columns or rows that are not money (of the %d numbers in columns whose header says they are not money)",
		docs, tableFacts, bad, candidates)
	if bad > 0 {
		t.Errorf("%d money facts from non-money columns or rows, want 0", bad)
	}
}

// nonMoney says why a money fact of table tb is not money, or "".
func nonMoney(tb *schema.Table, fa schema.Fact) string {
	switch {
	case ratioWords.MatchString(lastLevel(fa.Dimension)) || notMoneyEnding.MatchString(lastLevel(fa.Dimension)):
		return "header"
	case percentCell.MatchString(fa.Text):
		return "percent sign"
	case fa.Row >= 1 && fa.Row <= len(tb.Rows) && columnNumbers(tb.Rows[fa.Row-1]):
		return "column-number row"
	}
	return ""
}

// columnNumbers reports whether a row's numbers run 1, 2, 3 … (three or
// more), perhaps with their formulas (4=3/2*100), beside words only.
func columnNumbers(row []string) bool {
	n := 0
	for _, c := range row {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		head, _, _ := strings.Cut(c, "=")
		if v, err := strconv.Atoi(head); err == nil {
			if v != n+1 {
				return false
			}
			n++
		}
	}
	return n >= 3
}

func TestNonMoneyRules(t *testing.T) {
	tb := &schema.Table{Rows: [][]string{{"项目", "预算数", "增长%"}, {"栏次", "1", "2", "3=2/1"}, {"合计", "100", "5.0"}}}
	for _, tt := range []struct {
		fact schema.Fact
		want string
	}{
		{schema.Fact{Dimension: "2025年 / 比上年增长(%)", Text: "15.8", Row: 3}, "header"},
		{schema.Fact{Dimension: "平均利率", Text: "2.03", Row: 3}, "header"},
		{schema.Fact{Dimension: "债券期限", Text: "10", Row: 3}, "header"},
		{schema.Fact{Dimension: "发行金额", Text: "2.15%", Row: 3}, "percent sign"},
		{schema.Fact{Dimension: "预算数", Text: "1", Row: 2}, "column-number row"},
		{schema.Fact{Dimension: "2026年预算数 / 比2025年年初预算增减 / % / 7=6/1*100", Text: "-4.2", Row: 3}, "header"},
		{schema.Fact{Dimension: "期限(年)", Text: "10", Row: 3}, "header"},
		{schema.Fact{Dimension: "预算数", Text: "100", Row: 3}, ""},
		{schema.Fact{Dimension: "债务期限 / 10年期 / 1019582", Text: "14200", Row: 3}, ""},
		{schema.Fact{Dimension: "20债25务年限新额增", Text: "82.17", Row: 3}, ""},
		{schema.Fact{Dimension: "2025年预算数 / 金额", Text: "1,234", Row: 3}, ""},
	} {
		if got := nonMoney(tb, tt.fact); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.fact, got, tt.want)
		}
	}
}

// eachDocument calls fn for every document of a documents.jsonl.
func eachDocument(t *testing.T, path string, fn func(*schema.Document)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<30)
	for sc.Scan() {
		var d schema.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		fn(&d)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
