package textlayer

import (
	"slices"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

// Junk as the PDF engine reads it from extract/pipeline/testdata/no_tounicode.pdf
// (made by scripts/fixtures/unusable.sh): a CID font with Identity-H and a
// subset TrueType font, both without /ToUnicode.
const (
	cidJunk   = "3135㍀㨂☱浐偣㔇浩2345/67⋓☏ꉉ䂠⋖㍀⚛ポ311⋓☏ꉉ⋗欙24/:&ׇ⋌囸☸☽浐偣懮㨋㞴䀊㧻⛆浐偣:98/76⋓☏ׇ"
	latinJunk = `!" "#$%&        '()* +,    -./&012 3   ! ! 45 ""!6 ! 789:  ;<        =>  ?@AB 0 80 CD  E-F2, !" "! DGHI, 6! ! JKLMNOPQB`
)

func stats(s string) Stats {
	var st Stats
	st.Count(s)
	return st
}

func TestJunk(t *testing.T) {
	for _, c := range []struct {
		name, text string
		junk       bool
	}{
		{"cid junk", cidJunk, true},
		{"latin junk", latinJunk, true},
		// shanghai_putuo_caizhengju_2024_dept_final.pdf p21
		{"chinese", "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。主要原因：基本支出中人员进出及退休变化。", false},
		// jiangsu_renda_2017_dept_budget.pdf p10: a row of figures
		{"figures", "13,649.07 7,666.68 5,853.96 128.43 1,234.00 (12.5%) 2024-01-01 100.00%", false},
		{"english", "Budget of the Finance Bureau for 2024: total revenue 2,995.39 (ten thousand yuan); see Table 3 for details, and the notes [1] & [2].", false},
		{"indicator", "满意度指标：服务对象满意度≥90%；质量指标：验收合格率=100%；时效指标：按时完成率≥95%。", false},
		{"too short", "!#$&*+;<=>?@", false},
		// a form's ticks and boxes, units: symbols of these documents
		{"form", "是否公开：☑是 ☐否；完成情况：√ √ √ ✓ ✓；面积≥120㎡；温度≤25℃；满意度≥90%；★★★", false},
	} {
		if got := stats(c.text).Junk(); got != c.junk {
			t.Errorf("%s: Junk = %v, want %v (%+v)", c.name, got, c.junk, stats(c.text))
		}
	}
}

func docOf(pages ...string) *extract.Document {
	doc := &extract.Document{Format: extract.FormatPDF}
	for i, p := range pages {
		pg := extract.Page{Number: i + 1}
		for _, l := range strings.Split(p, "\n") {
			pg.Blocks = append(pg.Blocks, extract.Block{Kind: extract.Paragraph, Lines: []extract.Line{{Text: l}}})
		}
		doc.Pages = append(doc.Pages, pg)
	}
	return doc
}

func TestUnusable(t *testing.T) {
	const zh = "一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。与2023年度相比，一般公共预算财政拨款支出减少63.14万元，下降2.10%。"
	// codes of a subset font read as letters: A, B, C … with few vowels
	const letters = "BCDF GHJK LMNP QRST VWXY BCDF GHJK LMNP QRST VWXZ KLMN PQRS TVWX"
	const english = "The budget of the bureau for the year covers its basic expenditure and its projects, as the tables below show in detail."
	for _, c := range []struct {
		name  string
		pages []string
		want  []int
	}{
		{"junk pages", []string{zh, cidJunk, latinJunk, zh}, []int{2, 3}},
		{"letters in a chinese document", []string{zh, letters, zh}, []int{2}},
		{"english page in a chinese document", []string{zh, english, zh}, nil},
		{"letters in an english document", []string{english, letters, english}, nil},
		{"figures only", []string{zh, "1,234.56 2,345.67 3,580.23\n合计 7,160.46", ""}, nil},
	} {
		if got := Unusable(docOf(c.pages...)); !slices.Equal(got, c.want) {
			t.Errorf("%s: Unusable = %v, want %v", c.name, got, c.want)
		}
	}
	// the stored characters of other formats are what they are: a sheet of
	// formula errors is data
	sheet := docOf(zh, strings.Repeat("项目 #DIV/0! #REF! #N/A ", 10))
	sheet.Format = extract.FormatXLSX
	if got := Unusable(sheet); got != nil {
		t.Errorf("xlsx: Unusable = %v, want none", got)
	}
	sheet.Format = extract.FormatPDF
	if got := Unusable(sheet); !slices.Equal(got, []int{2}) {
		t.Errorf("the same as PDF: Unusable = %v, want [2]", got)
	}
}

func TestWithout(t *testing.T) {
	doc := docOf("甲", "乙", "丙")
	cp := Without(doc, []int{2})
	if len(cp.Pages) != 3 || len(cp.Pages[1].Blocks) != 0 || len(cp.Pages[0].Blocks) != 1 || len(doc.Pages[1].Blocks) != 1 {
		t.Errorf("Without: %+v (doc %+v)", cp.Pages, doc.Pages)
	}
	if Without(doc, nil) != doc {
		t.Error("Without(nil) copied")
	}
	if got := PageList([]int{2, 3}); got != "pages 2, 3" {
		t.Errorf("PageList = %q", got)
	}
}

func FuzzStats(f *testing.F) {
	f.Add(cidJunk)
	f.Add(latinJunk)
	f.Fuzz(func(t *testing.T, s string) {
		st := stats(s)
		if st.Total() > len(s) || st.Vowels > st.Letters {
			t.Errorf("%q: %+v", s, st)
		}
	})
}
