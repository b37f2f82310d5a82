package segment

import "testing"

func TestEachWord(t *testing.T) {
	got := map[string]struct {
		freq int
		pos  string
	}{}
	n := 0
	err := EachWord(func(w string, f int, pos string) {
		n++
		if w == "事务" || w == "三公经费" {
			got[w] = struct {
				freq int
				pos  string
			}{f, pos}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 340000 {
		t.Errorf("%d words, want the whole dictionary (~349k)", n)
	}
	if g := got["事务"]; g.freq != 5380 || g.pos != "n" {
		t.Errorf("事务 = %+v, want 5380 n (jieba's dict.txt)", g)
	}
	if g := got["三公经费"]; g.freq == 0 || g.pos == "" {
		t.Errorf("the budget dictionary's 三公经费 is missing: %+v", g)
	}
}
