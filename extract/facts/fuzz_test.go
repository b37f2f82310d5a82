package facts

import (
	"strings"
	"testing"
)

// FuzzExtract checks that no line, however garbled, makes extraction panic or
// produce facts that break the contract's invariants.
func FuzzExtract(f *testing.F) {
	for _, c := range cases {
		f.Add(strings.Join(c.lines, "\n"))
	}
	f.Add("其中：\n(1)比上年增加")
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
