package review

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc/check"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Every rule of the catalogue has a suggestion in both languages.
func TestSuggestionsCoverRules(t *testing.T) {
	for _, r := range check.All {
		if Suggestion(r.ID, Chinese) == "" || Suggestion(r.ID, English) == "" {
			t.Errorf("rule %s has no suggestion", r.ID)
		}
	}
	for id := range suggestions {
		if check.ByID(id) == nil {
			t.Errorf("suggestion for unknown rule %s", id)
		}
	}
}

func TestMessageAndNote(t *testing.T) {
	f := schema.Finding{Rule: "zero-change-wording", Severity: "info",
		Message:  "变动为零却表述为“增加”，应表述为“持平”或“与上年一致” / zero change worded as 增加",
		Evidence: "比上年增加0万元", Loc: schema.Loc{Page: 3, Line: 7}}
	if got := Message(f, Chinese); got != "变动为零却表述为“增加”，应表述为“持平”或“与上年一致”" {
		t.Errorf("Chinese message %q", got)
	}
	if got := Message(f, English); got != "zero change worded as 增加" {
		t.Errorf("English message %q", got)
	}
	// A message with no gloss is the same in both languages.
	g := schema.Finding{Message: "财政拨款政府性基金支出预算表 has no amounts"}
	if Message(g, Chinese) != g.Message || Message(g, English) != g.Message {
		t.Error("message without a gloss changed")
	}
	want := "【提示】zero-change-wording\n问题：变动为零却表述为“增加”，应表述为“持平”或“与上年一致”\n原文：比上年增加0万元\n建议：变动为零时表述为“持平”或“与上年保持一致”。"
	if got := NoteText(f); got != want {
		t.Errorf("NoteText:\n%s\nwant\n%s", got, want)
	}
}

func TestIdentities(t *testing.T) {
	a := schema.Finding{Rule: "punctuation", Evidence: "算财政拨款。。", Loc: schema.Loc{Page: 25, Line: 4}}
	moved := a
	moved.Loc = schema.Loc{Page: 26, Line: 9}
	moved.Message = "another wording"
	if ID(a) != ID(moved) {
		t.Error("the identity depends on the place or the message")
	}
	spaced := a
	spaced.Evidence = " 算财政拨款。。 "
	if ID(a) != ID(spaced) {
		t.Error("the identity depends on surrounding white space")
	}
	other := a
	other.Rule = "garbled-text"
	if ID(a) == ID(other) {
		t.Error("two rules on one text share an identity")
	}
	ids := Identities([]schema.Finding{a, other, moved})
	if ids[0] == ids[2] || ids[2] != ID(a)+"-2" {
		t.Errorf("repeats not numbered apart: %v", ids)
	}
}

func TestWriteXLSX(t *testing.T) {
	var buf bytes.Buffer
	rows := []Row{{Finding: schema.Finding{Rule: "sum-mismatch", Severity: "error", Message: "分项之和不符 / parts",
		Evidence: "合计100万元", Loc: schema.Loc{Page: 2, Line: 5}}, Decision: "已忽略", Note: "尾差"}}
	if err := WriteXLSX(&buf, rows); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.GetRows("检查结果")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{XLSXColumns, {"2", "5", "错误", "sum-mismatch", "分项之和不符", "合计100万元", Suggestion("sum-mismatch", Chinese), "已忽略", "尾差"}}
	if len(got) != 2 || len(got[0]) != len(want[0]) || len(got[1]) != len(want[1]) {
		t.Fatalf("rows %q", got)
	}
	for i := range want {
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Errorf("cell %d,%d = %q, want %q", i, j, got[i][j], want[i][j])
			}
		}
	}
}
