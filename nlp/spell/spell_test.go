package spell

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func model(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestCheck(t *testing.T) {
	m := model(t)
	tests := []struct {
		name, text string
		opt        Options
		want       []string // Wrong→Right (Word)
	}{
		// ECSpell odw.train line 2 (a pair the derivation part holds)
		{"大数局", "内蒙古自治区乌兰察布市大力培育发展大数局产业。", Options{}, []string{"局→据 (数据)"}},
		// ECSpell odw.train line 5: two slips in one name
		{"银呆监会", "人民很行、财政部、国家发展改革委、生态环境部、农业农村部、银呆监会指导", Options{}, []string{"很→银 (人民银行)", "呆→保 (保监会)"}},
		// ECSpell odw.train lines 241 and 316: two slips side by side
		{"暴涨标准", "城市居民最低生活暴涨标准的，应当向", Options{}, []string{"暴→保 (最低生活保障)", "涨→障 (最低生活保障)"}},
		{"政府菜狗", "主管部门按照政府菜狗法律法规和国家", Options{}, []string{"菜→采 (政府采购)", "狗→购 (政府采购)"}},
		{"not in prose mode", "主管部门按照政府菜狗法律法规和国家", Options{MinWord: 3, Prose: true}, nil},
		{"right", "人民银行、财政部、国家发展改革委、生态环境部、农业农村部、银保监会指导", Options{}, nil},
		// shanghai_putuo_wanlijiedao_2023_dept_budget.pdf p30: curated terms
		{"社区事物", "建成后作为万里街道社区事物受理、社区管理、社区文化艺术活动场所。", Options{MinWord: 3, Prose: true}, []string{"物→务 (社区事务)"}},
		{"建筑里面", "4、建筑里面稳重大气，符合公共服务建筑气质。", Options{MinWord: 3, Prose: true}, []string{"里→立 (建筑立面)"}},
		// prose filters: a word straddling the span (兜牢底线), names and
		// numerals (国家监委, 二十届), words only (限行 + 政策 is not judged
		// without a curated term … but 限行 is not in the dictionary: see README)
		{"兜牢底线", "在总体平稳、兜牢底线、严控风险的基础上", Options{MinWord: 3, Prose: true}, nil},
		{"国家监委", "得到中央纪委国家监委督导组充分肯定", Options{MinWord: 3, Prose: true}, nil},
		{"二十届", "深入学习贯彻党的二十届三中全会精神", Options{MinWord: 3, Prose: true}, nil},
		// a clause cut by a page break is not judged at its last character
		{"open end", "标准化、低成本、长周期信", Options{MinWord: 3, Prose: true}, nil},
		{"latin and figures", "2026年GDP增长5.0%，ABC。", Options{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range m.CheckWith(tt.text, tt.opt) {
				got = append(got, s.Wrong+"→"+s.Right+" ("+s.Word+")")
				if tt.text[s.Start:s.End] != s.Wrong {
					t.Errorf("offsets %d:%d do not hold %q", s.Start, s.End, s.Wrong)
				}
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestConfusable(t *testing.T) {
	m := model(t)
	for _, c := range []struct {
		a, b rune
		want Kind
	}{{'物', '务', SameSound}, {'里', '立', SimilarSound}, {'局', '据', Observed}, {'士', '土', SimilarShape}, {'装', '务', NoKind}} {
		if got := m.Confusable(c.a, c.b); got != c.want {
			t.Errorf("Confusable(%c, %c) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	if m.Freq("社区事务") != phraseFreq || m.Freq("事务") == 0 || m.Freq("不是一个词吧") != 0 {
		t.Error("Freq")
	}
}

func TestMetrics(t *testing.T) {
	s := Sentence{Wrong: []rune("大数局产业很行"), Right: []rune("大数据产业银行")}
	var m Metrics
	m.Add(s, []Suggestion{{Start: len("大数"), End: len("大数局"), Right: "据"}})
	if d := m.SentenceDetection(); d.P != 0 || d.R != 0 {
		t.Errorf("a partial detection is not a sentence-level hit: %+v", d)
	}
	if c := m.CharCorrection(); c.P != 1 || c.R != 0.5 {
		t.Errorf("char correction %+v, want P 1 R 0.5", c)
	}
	m.Add(Sentence{Wrong: []rune("对的"), Right: []rune("对的")}, nil)
	m.Add(s, []Suggestion{{Start: len("大数"), Right: "据"}, {Start: len("大数局产业"), Right: "银"}})
	if d := m.SentenceDetection(); d.P != 0.5 || d.R != 0.5 {
		t.Errorf("sentence detection %+v, want 0.5/0.5", d)
	}
}

func TestReadECSpell(t *testing.T) {
	sents, skipped, err := ReadECSpell(strings.NewReader("1\t大数局\t大数据\n0\t一样\t一样\n1\t长短\t不一样长\n"))
	if err != nil || len(sents) != 2 || skipped != 1 || len(sents[0].Errors()) != 1 || sents[1].Index != 1 {
		t.Fatalf("got %+v, %d, %v", sents, skipped, err)
	}
	for _, bad := range []string{"x\ta\ta\n", "1\ta\n"} {
		if _, _, err := ReadECSpell(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// The odw pairs file holds no pair of the held-out sentences only: it is
// regenerated from the derivation part (skipped without ../shared).
func TestODWPairsFromDerivationPart(t *testing.T) {
	f, err := os.Open("../../../shared/lexicons/ecspell_odw.train.tsv")
	if err != nil {
		t.Skip("ECSpell data not available:", err)
	}
	defer f.Close()
	sents, _, err := ReadECSpell(f)
	if err != nil {
		t.Fatal(err)
	}
	derive := map[string]bool{}
	for _, s := range sents {
		if !HeldOut(s.Index) {
			for _, i := range s.Errors() {
				derive[string(s.Wrong[i])+"\t"+string(s.Right[i])] = true
			}
		}
	}
	for _, l := range lines(odwPairs) {
		f := strings.Split(l, "\t")
		if !derive[f[0]+"\t"+f[1]] {
			t.Errorf("odw_pairs.tsv: %s→%s is not in the derivation part", f[0], f[1])
		}
	}
}

func FuzzCheck(f *testing.F) {
	f.Add("内蒙古自治区乌兰察布市大力培育发展大数局产业。")
	f.Add("建成后作为万里街道社区事物受理\x00、\xff社区")
	m := model(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, opt := range []Options{{}, {MinWord: 3, Prose: true}} {
			prev := -1
			for _, g := range m.CheckWith(s, opt) {
				if g.Start <= prev || g.End > len(s) || s[g.Start:g.End] != g.Wrong || !utf8.ValidString(g.Right) || g.Word == "" {
					t.Fatalf("bad suggestion %+v in %q", g, s)
				}
				prev = g.Start
			}
		}
	})
}

func FuzzReadECSpell(f *testing.F) {
	f.Add("1\t大数局\t大数据\n")
	f.Fuzz(func(t *testing.T, s string) {
		sents, _, err := ReadECSpell(strings.NewReader(s))
		if err != nil {
			return
		}
		var m Metrics
		for _, x := range sents {
			m.Add(x, nil)
		}
	})
}
