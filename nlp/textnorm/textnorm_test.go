package textnorm

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		// Real snippets from the corpus (pdftotext of the Shanghai and Jiangsu PDFs).
		{"与 2023 年度相比，支出决算增加 1062.85万元，增长 12.08%", "与2023年度相比,支出决算增加1062.85万元,增长12.08%"},
		{"增加 307.82 万元，增长100.00%", "增加307.82万元,增长100.00%"},
		{"与上年相比收、支预算总计各增加 1808.29 万元，增长 6.69%。", "与上年相比收、支预算总计各增加1808.29万元,增长6.69%。"},
		{"收入预算１２３４．５６万元（含上年结转）", "收入预算1234.56万元(含上年结转)"},
		{"1 ,234.5万元", "1,234.5万元"},
		{"2 023 年", "2023年"},
		{"17,192万元", "17,192万元"},
		// Table rows: spaces between figures separate columns and stay.
		{"合计 1234.56 567.89", "合计1234.56 567.89"},
		{"2010101 行政运行 120 3", "2010101 行政运行120 3"},
		{"一般公共服务支出　　合计", "一般公共服务支出  合计"},
		{"一、财政拨款收入                        91,016,775.35", "一、财政拨款收入                        91,016,775.35"},
		{"Text without changes。", "Text without changes。"},
		// Justified prose (jiangsu_jianchayuan_2018_dept_budget.pdf pages 23–25).
		{"增长 21.95   %。增加原因", "增长21.95%。增加原因"},
		{"一 般 公 共 预 算 收 入     21,940.96  万 元 ， 占", "一般公共预算收入     21,940.96万元 , 占"},
		{"纯中文没有变化", "纯中文没有变化"},
		// Letter-spaced covers and headings of reports of several provinces
		// read as words, whatever the spacing; lines with a word of two
		// characters, digits or a wide gap are not letter-spaced.
		{"大  会  文  件  （  八  ）", "大会文件(八)"},
		{"市  十  七  届  人  大", "市十七届人大"},
		{"泰 安 市 财 政 局", "泰安市财政局"},
		{"会 议 文 件", "会议文件"},
		{"会  议  文  件 （ 六 ）", "会议文件(六)"},
		{"项  目  预算数", "项  目  预算数"},
		{"合  计     100", "合  计     100"},
		{"收     入     支     出", "收     入     支     出"},
		{"是  否", "是  否"},
	}
	for _, tc := range tests {
		v := Fold(tc.in)
		if v.Text != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, v.Text, tc.want)
		}
		if v.Orig != tc.in {
			t.Errorf("Orig changed")
		}
	}
}

func TestOrigSpan(t *testing.T) {
	in := "与 2023 年度相比，增加 １０６２．８５万元"
	v := Fold(in)
	i := strings.Index(v.Text, "1062.85万元")
	if i < 0 {
		t.Fatalf("view %q", v.Text)
	}
	got := v.OrigSpan(i, i+len("1062.85万元"))
	if got != "１０６２．８５万元" {
		t.Errorf("OrigSpan = %q", got)
	}
	j := strings.Index(v.Text, "2023")
	if got := v.OrigSpan(j, j+4); got != "2023" {
		t.Errorf("OrigSpan year = %q", got)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"与 2023 年度相比", "１，２３４．５", "a\u3000b", "\xff\xfe1 2", "1 234.5 万元"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := Fold(s)
		if v.Orig != s {
			t.Fatal("orig changed")
		}
		prev := 0
		for i := 0; i <= len(v.Text); i++ {
			o := v.OrigOffset(i)
			if o < 0 || o > len(s) {
				t.Fatalf("offset %d maps to %d outside [0,%d]", i, o, len(s))
			}
			if o < prev {
				t.Fatalf("offsets not monotonic at %d: %d < %d", i, o, prev)
			}
			prev = o
		}
		if utf8.ValidString(s) && !utf8.ValidString(v.Text) {
			t.Fatal("view of valid text is invalid UTF-8")
		}
	})
}

func BenchmarkFold(b *testing.B) {
	line := strings.Repeat("与 2023 年度相比，支出决算增加 1062.85万元，增长 12.08%。主要原因是人员经费增加。", 20)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		Fold(line)
	}
}

func TestSqueeze(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"合    计", "合计"},
		{"合　　计", "合计"}, // ideographic spaces
		{"专 项 债 务 转 贷 收 入", "专项债务转贷收入"},
		{"  一般公共预算收入 ", "一般公共预算收入"},
		{"PPP 项目", "PPP项目"},
		{"IT  system 运维", "IT system运维"},
		{"2024 年 预算", "2024年预算"},
		{"v1 2", "v1 2"},
		{"", ""},
		{"已经紧凑", "已经紧凑"},
	} {
		if got := Squeeze(c.in); got != c.want {
			t.Errorf("Squeeze(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzSqueeze: Squeeze is idempotent, keeps every rune that is not a space,
// and leaves a space only between two Latin letters or digits.
func FuzzSqueeze(f *testing.F) {
	for _, s := range []string{"合    计", "PPP 项目", " a  b ", "专 项\u3000债", "\xff \xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Squeeze(s)
		if again := Squeeze(got); again != got {
			t.Fatalf("Squeeze(%q) = %q, then %q", s, got, again)
		}
		keep := func(x string) string {
			return strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return -1
				}
				return r
			}, x)
		}
		if keep(got) != keep(strings.TrimSpace(s)) {
			t.Fatalf("Squeeze(%q) = %q changed the text", s, got)
		}
		rs := []rune(got)
		for i, r := range rs {
			if unicode.IsSpace(r) && (i == 0 || i == len(rs)-1 || !latin(rs[i-1]) || !latin(rs[i+1])) {
				t.Fatalf("Squeeze(%q) = %q keeps a space at %d", s, got, i)
			}
		}
	})
}
