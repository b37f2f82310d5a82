package segment

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// Sentences from the real corpus (../shared/corpus/real, via pdftotext), with
// the quantities a scanner would protect, and words that must come out whole.
func TestSegmentRealSentences(t *testing.T) {
	seg := testSegmenter(t)
	tests := []struct {
		name       string
		text       string
		quantities []string
		want       []string // tokens that must appear, in this order
	}{
		{
			name:       "task example",
			text:       "2024年本部门收入预算总额1234.56万元",
			quantities: []string{"1234.56万元"},
			want:       []string{"2024", "年", "本部门", "收入预算总额", "1234.56万元"},
		},
		{
			name:       "sifaju 2026 revenue",
			text:       "2026年，上海市普陀区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2026年预算增加793.14万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。",
			quantities: []string{"9628.22万元", "9628.22万元", "793.14万元", "0万元", "0万元", "0万元"},
			want:       []string{"收入预算", "9628.22万元", "财政拨款收入", "9628.22万元", "增加", "793.14万元", "事业收入", "事业单位经营收入", "其他收入"},
		},
		{
			name:       "sifaju 2026 expenditure",
			text:       "支出预算9628.22万元，其中：财政拨款支出预算9628.22万元，比2026年预算增加793.14万元。财政拨款支出预算中，一般公共预算拨款支出预算9628.22万元",
			quantities: []string{"9628.22万元", "9628.22万元", "793.14万元", "9628.22万元"},
			want:       []string{"支出预算", "9628.22万元", "财政拨款支出", "793.14万元", "一般公共预算"},
		},
		{
			name:       "gaoyuan 2017 three public expenses",
			text:       "公”经费预算支出中，因公出国（境）费支出 180 万元，占“三公”经费的 26.86%；公务用车购置及运行费支出 304.4 万元，占“三公”",
			quantities: []string{"180 万元", "26.86%", "304.4 万元"},
			want:       []string{"因公出国（境）费", "180 万元", "“三公”经费", "26.86%", "公务用车购置及运行费", "304.4 万元"},
		},
		{
			name:       "jianchayuan 2018 operating funds",
			text:       "2018 年本部门一般公共预算机关运行经费预算支出 3407.38 万",
			quantities: []string{"3407.38 万"},
			want:       []string{"本部门", "一般公共预算", "机关运行经费", "3407.38 万"},
		},
		{
			name:       "caizhengju 2024 final accounts",
			text:       "本年收入合计2946.25万元，其中： 财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；",
			quantities: []string{"2946.25万元", "2940.05万元", "99.79%", "6.2万元", "0.21%"},
			want:       []string{"本年收入合计", "2946.25万元", "财政拨款收入", "2940.05万元", "99.79%", "其他收入", "6.2万元", "0.21%"},
		},
		{
			name:       "caizhengju 2024 basic and project",
			text:       "本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%； 项目支出603.14万元，占20.51%；",
			quantities: []string{"2940.05万元", "2336.91万元", "79.49%", "603.14万元", "20.51%"},
			want:       []string{"本年支出合计", "基本支出", "2336.91万元", "项目支出", "603.14万元"},
		},
		{
			name:       "procurement",
			text:       "2018年度政府采购支出预算总额1449.50万元，其中：拟采",
			quantities: []string{"1449.50万元"},
			want:       []string{"政府采购", "支出预算总额", "1449.50万元"},
		},
		{
			name:       "meeting fee change",
			text:       "的会议费预算支出1469.73万元，比上年预算增加164.48万元，主",
			quantities: []string{"1469.73万元", "164.48万元"},
			want:       []string{"会议费", "1469.73万元", "上年", "增加", "164.48万元"},
		},
		{
			name:       "performance targets",
			text:       "2025年度，本单位编报绩效目标的项目共11个，涉及项目预算资金6626万元。",
			quantities: []string{"11个", "6626万元"},
			want:       []string{"本单位", "绩效目标", "11个", "6626万元"},
		},
		{
			name: "functional classification list",
			text: "主要用于行政运行、一般行政管理事务、机关服务、机关事业单位基本养老保险缴费支出、住房公积金、提租补贴、购房补贴等方面",
			want: []string{"行政运行", "一般行政管理事务", "机关服务", "机关事业单位基本养老保险缴费支出", "住房公积金", "提租补贴", "购房补贴"},
		},
		{
			name: "definition of operating funds",
			text: "注：1.“机关运行经费”指行政单位（含参照公务员法管理的事业单位）使用一般公共预算安排的基本支出中的日常公用经费支出",
			want: []string{"机关运行经费", "行政单位", "一般公共预算", "基本支出"},
		},
		{
			name:       "full-width digits and punctuation",
			text:       "２０２４年一般公共预算财政拨款收入５８１３．９５万元，比上年减少２００万元",
			quantities: []string{"５８１３．９５万元", "２００万元"},
			want:       []string{"一般公共预算财政拨款收入", "５８１３．９５万元", "，", "上年", "减少", "２００万元"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := protect(t, tt.text, tt.quantities...)
			tokens := seg.Segment(tt.text, spans)
			checkInvariants(t, tt.text, spans, tokens)
			got := texts(tokens)
			at := 0
			for _, w := range tt.want {
				i := slices.Index(got[at:], w)
				if i < 0 {
					t.Fatalf("token %q missing (in order) from %q", w, got)
				}
				at += i + 1
			}
			for _, p := range spans {
				for _, tk := range tokens {
					if tk.Start == p.Start && (tk.End != p.End || tk.POS != QuantityPOS) {
						t.Errorf("protected %q came out as %q/%s", tt.text[p.Start:p.End], tk.Text, tk.POS)
					}
				}
			}
		})
	}
}

// Every entry of the budget dictionary, written as in the documents, must
// come out as a single token — alone and inside a typical sentence frame.
func TestBudgetTermsAreOneToken(t *testing.T) {
	seg := testSegmenter(t)
	for _, line := range strings.Split(string(budgetDictSource), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word := strings.Fields(line)[0]
		for _, text := range []string{word, "2024年" + word + "，比上年"} {
			tokens := seg.Segment(text, nil)
			if !slices.Contains(texts(tokens), word) {
				t.Errorf("%q: want %q as one token, got %q", text, word, texts(tokens))
			}
		}
	}
}

func TestSegmentPOS(t *testing.T) {
	seg := testSegmenter(t)
	text := "因公出国（境）费支出减少，主要原因是严格控制。"
	tokens := seg.Segment(text, []Span{{Start: 0, End: len("因公出国（境）费"), POS: "nz"}})
	want := map[string]string{
		"因公出国（境）费": "nz", // the caller's tag wins for a protected span
		"减少":       "v",
		"，":        "x",
		"。":        "x",
	}
	for _, tk := range tokens {
		if pos, ok := want[tk.Text]; ok && tk.POS != pos {
			t.Errorf("%q: POS %q, want %q", tk.Text, tk.POS, pos)
		}
	}
	// Folded ASCII punctuation must stay "x", not jieba's "eng".
	for _, tk := range seg.Segment("（项）：；！", nil) {
		if tk.POS != "x" && tk.Text != "项" {
			t.Errorf("%q: POS %q, want x", tk.Text, tk.POS)
		}
	}
}

func TestProtectedSpans(t *testing.T) {
	seg := testSegmenter(t)
	text := "收入预算总额1234.56万元，增长3.5%"
	a := strings.Index(text, "1234") // start of the amount
	u := strings.Index(text, "万元")   // start of its unit
	e := u + len("万元")               // end of the amount
	p := strings.Index(text, "3.5%") // the percentage
	tests := []struct {
		name  string
		spans []Span
		want  []string
	}{
		{"none", nil, nil},
		{"one", []Span{{Start: a, End: e}}, []string{"1234.56万元"}},
		{"unsorted", []Span{{Start: p, End: p + 4}, {Start: a, End: e}}, []string{"1234.56万元", "3.5%"}},
		{"overlapping merge", []Span{{Start: a, End: u + 1}, {Start: u - 2, End: e}}, []string{"1234.56万元"}},
		{"nested", []Span{{Start: a, End: e}, {Start: a + 2, End: a + 4}}, []string{"1234.56万元"}},
		{"adjacent stay apart", []Span{{Start: a, End: u}, {Start: u, End: e}}, []string{"1234.56", "万元"}},
		{"out of range ignored", []Span{{Start: -1, End: 3}, {Start: p, End: len(text) + 1}, {Start: 5, End: 5}}, nil},
		{"whole text", []Span{{Start: 0, End: len(text)}}, []string{text}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tokens := seg.Segment(text, tt.spans)
			checkInvariants(t, text, tt.spans, tokens)
			got := texts(tokens)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("want token %q, got %q", w, got)
				}
			}
		})
	}
}

// The cleaning steps: jieba must never see invalid UTF-8 (it would return
// nothing), a NUL (it would stop there) or unfolded widths, and the offsets
// must still point into the caller's bytes.
func TestSegmentCleansInput(t *testing.T) {
	seg := testSegmenter(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"invalid UTF-8 in the middle", "基本支出\xff\xfe项目支出", []string{"基本支出", "\xff", "\xfe", "项目支出"}},
		{"truncated rune", "人员经费\xe5\x85公用经费", []string{"人员经费", "公用经费"}},
		{"NUL bytes", "机关运行经费\x00\x00三公经费", []string{"机关运行经费", "三公经费"}},
		{"full-width ASCII", "ＡＢＣ公司２０２４年", []string{"ＡＢＣ", "２０２４"}},
		{"full-width parens in a dictionary word", "维修（护）费", []string{"维修（护）费"}},
		{"ideographic space", "基本支出　项目支出", []string{"基本支出", "　", "项目支出"}},
		{"empty", "", nil},
		{"only NUL", "\x00", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tokens := seg.Segment(tt.text, nil)
			checkInvariants(t, tt.text, nil, tokens)
			got := texts(tokens)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("want token %q, got %q", w, got)
				}
			}
			for _, tk := range tokens {
				if strings.Contains(tk.Text, "\x00") {
					t.Errorf("NUL kept in token %q", tk.Text)
				}
			}
		})
	}
}

func TestCleanChunkOffsets(t *testing.T) {
	in := "a\x00（１）\xffＢ中文"
	c := cleanChunk(in, nil)
	if want := "a (1)\uFFFDB中文"; c.text != want {
		t.Fatalf("cleaned %q, want %q", c.text, want)
	}
	// Map every cleaned rune back and check it lands on the original rune.
	wantOrig := []string{"a", "\x00", "（", "１", "）", "\xff", "Ｂ", "中", "文"}
	i := 0
	for cs, r := range c.text {
		o0, o1 := c.span(cs, cs+utf8.RuneLen(r))
		if got := in[o0:o1]; got != wantOrig[i] {
			t.Errorf("rune %d %q maps to %q, want %q", i, r, got, wantOrig[i])
		}
		i++
	}
	// Out-of-order calls still map correctly.
	if o0, o1 := c.span(0, len(c.text)); o0 != 0 || o1 != len(in) {
		t.Errorf("whole text maps to [%d,%d), want [0,%d)", o0, o1, len(in))
	}
	if c2 := cleanChunk("纯中文无需清理 plain", nil); c2.shifts != nil {
		t.Error("clean text should be passed through without an offset map")
	}
	if c3 := cleanChunk("a\x00b", nil); c3.text != "a b" {
		t.Errorf("NUL not replaced: %q", c3.text)
	}
}

// Long input is cut into chunks; tokens must still be exact across the cuts.
func TestSegmentLongInput(t *testing.T) {
	seg := testSegmenter(t)
	var b strings.Builder
	for i := 0; b.Len() < 3*maxChunk; i++ {
		fmt.Fprintf(&b, "第%d项：公务接待费支出%d万元，比上年减少。", i, i)
		if i%7 == 0 {
			b.WriteString("\n")
		}
	}
	noBreaks := strings.Repeat("收入预算总额", maxChunk/6) // one "sentence" longer than a chunk
	for _, text := range []string{b.String(), noBreaks, strings.Repeat("\xff", 2*maxChunk+1)} {
		tokens := seg.Segment(text, nil)
		checkInvariants(t, text, nil, tokens)
	}
}

func TestSegmentConcurrent(t *testing.T) {
	seg := testSegmenter(t)
	text := "2024年本部门收入预算总额1234.56万元，其中：一般公共预算财政拨款收入1000万元，比上年增加12.5%。"
	want := seg.Segment(text, nil)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if got := seg.Segment(text, nil); !slices.Equal(got, want) {
					errs <- fmt.Sprintf("concurrent result differs: %q", texts(got))
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestDefaultIsShared(t *testing.T) {
	a := testSegmenter(t)
	b := testSegmenter(t)
	if a != b {
		t.Error("Default returned two different instances")
	}
}
