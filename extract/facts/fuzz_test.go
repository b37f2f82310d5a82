package facts

import (
	"strconv"
	"strings"
	"testing"
)

// FuzzExtract checks that no line, however garbled, makes extraction panic or
// produce facts that break the contract's invariants.
func FuzzExtract(f *testing.F) {
	for _, c := range cases {
		f.Add(strings.Join(c.lines, "\n"))
	}
	for _, c := range breakdownCases {
		f.Add(strings.Join(c.lines, "\n"))
	}
	f.Add("其中：\n(1)比上年增加")
	f.Add("一是1亿元；二是（其中.2亿元）等，分级次看，3亿元中，一是")
	f.Add("主要原因是\n与上年持平。其中按经济分类：分别为")
	seg := testSegmenter(f)
	f.Fuzz(func(t *testing.T, s string) {
		fs := extractText(t, textOf(strings.Split(s, "\n")...), "本局", seg)
		ids := map[string]bool{}
		for _, x := range fs {
			if x.ID == "" || ids[x.ID] {
				t.Fatalf("bad or duplicate id %q", x.ID)
			}
			ids[x.ID] = true
			if x.Parent != "" && (!ids[x.Parent] || x.Parent == x.ID) {
				t.Fatalf("%s: parent %q is not an earlier fact", x.ID, x.Parent)
			}
			if x.Kind != "money" && x.Kind != "count" {
				t.Fatalf("%s: kind %q", x.ID, x.Kind)
			}
			if x.Value == "" && x.Change == nil {
				t.Fatalf("%s: neither value nor change: %+v", x.ID, x)
			}
			if strings.ContainsAny(x.Value, "eE,") {
				t.Fatalf("%s: value %q", x.ID, x.Value)
			}
		}
	})
}

// FuzzRowParents checks that any table rows (one per line: label, code and
// indent separated by |) get parents that are other rows (an earlier row,
// or a total row below the rows it sums) with no cycle.
func FuzzRowParents(f *testing.F) {
	f.Add("合计||\n一般公共服务支出|201|\n人大事务|20101|\n行政运行|2010101|")
	f.Add("一、税收收入||6.4\n增值税||7.4\n其中：专项收入||4\n教育费附加||8\n收入合计||12\n转移性收入||")
	f.Add("类|10|\n款|1020|\n合计|102|\n上年结余||\n收入总计||\n小计||")
	f.Fuzz(func(t *testing.T, s string) {
		var rows []RowLabel
		for _, line := range strings.Split(s, "\n") {
			parts := strings.SplitN(line, "|", 3)
			r := RowLabel{Text: parts[0]}
			if len(parts) > 1 {
				r.Code = parts[1]
			}
			if len(parts) > 2 {
				if v, err := strconv.ParseFloat(parts[2], 64); err == nil {
					r.Indent, r.Indented = v, true
				}
			}
			rows = append(rows, r)
		}
		ps := RowParents(rows)
		for i, p := range ps {
			if p < -1 || p >= len(rows) || p == i {
				t.Fatalf("row %d: parent %d is not another row", i, p)
			}
			// A row's ancestors end: no row is a part of itself.
			for k, n := p, 0; k >= 0; k, n = ps[k], n+1 {
				if n > len(rows) {
					t.Fatalf("row %d: its parents form a cycle", i)
				}
			}
		}
	})
}
