package main

import (
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/lexicon"
)

func TestLexiconCommand(t *testing.T) {
	pdf := sample(t, samplePDF)
	code, out, errs := cli(t, "lexicon", pdf)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lex, err := lexicon.Read(strings.NewReader(out))
	if err != nil {
		t.Fatalf("the output does not read back: %v\n%s", err, out)
	}
	// The sample's 一般公共预算支出功能分类预算表 (p9): 201 03 01 行政运行.
	for code, name := range map[string]string{"201": "一般公共服务支出", "2010301": "行政运行", "20103": "政府办公厅（室）及相关机构事务"} {
		if got := lex.Canonical(code); got != name {
			t.Errorf("%s = %q, want %q", code, got, name)
		}
	}

	code, out, _ = cli(t, "lexicon", "--show", "210")
	if code != 0 || !strings.Contains(out, "卫生健康支出") || !strings.Contains(out, "医疗卫生与计划生育支出") {
		t.Errorf("--show 210: exit %d, %q", code, out)
	}
	if code, _, errs = cli(t, "lexicon", "--show", "999"); code != exitFindings || !strings.Contains(errs, "not in the embedded lexicon") {
		t.Errorf("--show of an unknown code: exit %d, %q", code, errs)
	}
	if code, _, errs = cli(t, "lexicon"); code != exitInput || !strings.Contains(errs, "no input") {
		t.Errorf("no input: exit %d, %q", code, errs)
	}
}
