package quantity

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// specCase is one line of ../shared/amount-spec/cases.json.
type specCase struct {
	ID     int      `json:"id"`
	Input  string   `json:"input"`
	Expect []entity `json:"expect"`
	Scope  []string `json:"scope"`
	Tags   []string `json:"tags"`
	Source string   `json:"source"`
}

type entity struct {
	Text  string `json:"text"`
	Kind  string `json:"kind"`
	Value string `json:"value"`
	Unit  string `json:"unit"`
}

// knownDeviations lists every case of the conformance suite that Scan does
// not pass, with the reason. The test fails when a case fails that is not
// listed here, and when a listed case starts passing: keep it honest.
var knownDeviations = map[int]string{
	// 三块 (three kuai) at the end of a clause: budget text uses 块 as a
	// measure word (展板10块, 三块展板), so 块 is yuan only when 钱 or 毛/角
	// follow it (十块钱, 十块三毛). 五美元 in the same case is found.
	191: "块 without 钱/毛/角 is a measure word, not yuan",
}

// suiteKind maps our kinds onto the suite's: a Count is a number with a
// measure word, and the suite reports it as a number (199个 → number 199).
func suiteKind(k Kind) string {
	if k == Count {
		return Number.String()
	}
	return k.String()
}

func entityKey(kind, value, unit string) string {
	if d, err := decimal.NewFromString(value); err == nil {
		value = d.String()
	}
	return kind + " " + value + " " + unit
}

func loadSpec(t *testing.T) []specCase {
	data, err := os.ReadFile(filepath.Join(sharedDir(t), "amount-spec", "cases.json"))
	if err != nil {
		t.Skipf("amount-spec absent: %v", err)
	}
	var cases []specCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("cases.json: %v", err)
	}
	return cases
}

// TestConformance runs every case of the amount-spec suite within its scope,
// comparing (kind, value, unit) as multisets as its README prescribes. The
// percentage_point tag expects our PercentPoint kind for 个百分点 entities.
func TestConformance(t *testing.T) {
	cases := loadSpec(t)
	pass := 0
	for _, c := range cases {
		inScope := func(kind string) bool {
			if kind == "percentage_point" {
				kind = "percent"
			}
			return slices.Contains(c.Scope, kind)
		}
		var want, got []string
		for _, e := range c.Expect {
			kind := e.Kind
			if slices.Contains(c.Tags, "percentage_point") && strings.Contains(e.Text, "百分点") {
				kind, e.Unit = "percentage_point", "个百分点"
			}
			want = append(want, entityKey(kind, e.Value, e.Unit))
		}
		var gotText []string
		for _, q := range Scan(c.Input, Options{}) {
			k := suiteKind(q.Kind)
			if !inScope(k) {
				continue
			}
			unit := q.Unit
			if k == "number" {
				unit = ""
			}
			got = append(got, entityKey(k, q.Value.String(), unit))
			gotText = append(gotText, q.Text)
		}
		slices.Sort(want)
		slices.Sort(got)
		ok := slices.Equal(want, got)
		reason, listed := knownDeviations[c.ID]
		switch {
		case ok && listed:
			t.Errorf("case %d %q passes but is listed as a deviation (%s): remove it from knownDeviations", c.ID, c.Input, reason)
		case !ok && !listed:
			t.Errorf("case %d %q: want %v, got %v %q", c.ID, c.Input, want, got, gotText)
		}
		if ok {
			pass++
		}
	}
	rate := float64(pass) / float64(len(cases)) * 100
	t.Logf("amount-spec conformance: %d/%d cases pass (%.1f%%), %d listed deviations", pass, len(cases), rate, len(knownDeviations))
	if rate < 98 {
		t.Errorf("pass rate %.1f%% is below the 98%% target", rate)
	}
}
