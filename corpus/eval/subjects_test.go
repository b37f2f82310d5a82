package eval

import (
	"testing"

	"github.com/budgetdoc/budgetdoc/schema"
)

func TestSubjectDefect(t *testing.T) {
	for _, c := range []struct{ subject, want string }{
		{"", DefectEmpty},
		{"  ", DefectEmpty},
		{"税", DefectOneCharacter},
		{"资金", DefectBareWord},
		{"支出", DefectBareWord},
		{"安排", DefectVerbAlone},
		{"补贴”配套资金", DefectQuote},
		{"(含政府债务外贷", DefectBracket},
		{"部分）", DefectBracket}, // unbalanced first
		{"”账款", DefectQuote},
		{"、其他收入", DefectClosingStart},
		{"合    计", DefectSpaced},
		{"专 项 债 务", DefectSpaced},
		// none
		{"一般公共预算收入", ""},
		{"“三公”经费", ""},
		{"工会经费（60%部分）", ""},
		{"PPP 项目", ""},
		{"安排资金", ""},
		{"统筹资金", ""},
	} {
		if got := SubjectDefect(c.subject); got != c.want {
			t.Errorf("SubjectDefect(%q) = %q, want %q", c.subject, got, c.want)
		}
	}
}

func TestDefectiveSubjects(t *testing.T) {
	cell := money(1, "合 计", "5")
	cell.Table = "t1"
	doc := &schema.Document{Facts: []schema.Fact{
		money(1, "", "1"),
		money(1, "资金", "2"),
		money(1, "调入资金", "3"),
		{Kind: "count", Subject: "个", Value: "4"},
		cell,               // a table cell: not prose
		money(1, "支出", ""), // a change-only mention has no value
	}}
	got := DefectiveSubjects(doc)
	if len(got) != 2 || got[0].Defect != DefectEmpty || got[1].Defect != DefectBareWord {
		t.Errorf("DefectiveSubjects = %+v", got)
	}
	if n := ProseMoneyFacts(doc); n != 3 {
		t.Errorf("ProseMoneyFacts = %d, want 3", n)
	}
}
