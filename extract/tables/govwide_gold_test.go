package tables

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/read"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// govwideFloor is the least cell accuracy of any one annotated page of the
// government-wide gold (testdata/gold/tables-govwide) but the known misses
// below; never lower it. The target is 0.99 per page.
const govwideFloor = 0.99

// knownGovwideMisses are gold pages below the floor, with the reason.
var knownGovwideMisses = map[string]string{}

// govwideGold is one annotated page of the government-wide corpus. Cells
// of a kind other than money (percent …) must come out as numbers of a
// column of that kind, never as money.
type govwideGold struct {
	File string `json:"file"`
	// Fixture: File is under the module's testdata, not ../shared (the
	// facing-page spreads cut from corpus pages, testdata/facing); such
	// pages are scored without the shared corpora, in CI too.
	Fixture  bool     `json:"fixture,omitempty"`
	Coverage string   `json:"coverage"`
	Method   string   `json:"method"`
	Notes    []string `json:"notes,omitempty"`
	Tables   []struct {
		goldTable
		Holdout bool `json:"holdout"`
	} `json:"tables"`
}

// govwideText reads and normalizes one file of the government-wide corpus.
func govwideText(t testing.TB, name string) (*normalize.Text, error) {
	t.Helper()
	return sharedText(t, "govwide", name)
}

// goldText reads and normalizes the file of g: a fixture of testdata, or a
// file of the government-wide corpus (ok false when the corpus is absent).
func goldText(t testing.TB, g *govwideGold) (txt *normalize.Text, ok bool, err error) {
	t.Helper()
	path := filepath.Join(testenv.ModuleRoot(t), "testdata", g.File)
	if !g.Fixture {
		path = filepath.Join(testenv.ModuleRoot(t), "..", "shared", "corpus", "govwide", g.File)
		if _, err := os.Stat(path); err != nil {
			return nil, false, nil
		}
	}
	doc, _, err := read.File(context.Background(), path, read.Options{})
	if err != nil {
		return nil, true, err
	}
	txt, err = normalize.Run(context.Background(), doc)
	return txt, true, err
}

// valueCells calls fn for every number cell of tb's body with its subject
// and whether its column holds money.
func valueCells(tb *Table, fn func(i, j int, subject string, money bool)) {
	for i := range tb.Body {
		r := &tb.Body[i]
		if r.Note {
			continue
		}
		for j, c := range r.Cells {
			if !c.IsAmount || c.Covered || j >= len(tb.Columns) {
				continue
			}
			role := tb.Columns[j].Role
			if role == CodeColumn || role == OrdinalColumn {
				continue
			}
			s, _ := tb.Subject(r, j)
			fn(i, j, s, role == AmountColumn && !r.Count)
		}
	}
}

// TestGovwideGold scores the tables of annotated government-wide pages:
// per page, the share of gold cells found on that page with the same row
// label, header path, value and kind (money or not). Pages marked
// holdout were kept unseen until the end of issue 13's work (see README).
func TestGovwideGold(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testenv.ModuleRoot(t), "testdata", "gold", "tables-govwide", "*.json"))
	if len(files) == 0 {
		t.Fatal("no government-wide table gold")
	}
	var lines []string
	worst := 1.0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g govwideGold
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		txt, ok, err := goldText(t, &g)
		if !ok {
			t.Logf("%s: not present, not scored", g.File)
			continue
		}
		if err != nil {
			t.Error(err) // its pages score 0
		}
		ts := Parse(txt)
		for _, gt := range g.Tables {
			hit := 0
			used := map[[3]int]bool{}
			for _, gc := range gt.Cells {
				want, _, ok := parseAmount(gc.Value)
				if !ok {
					t.Fatalf("%s p%d: bad value %q", g.File, gt.Page, gc.Value)
				}
				found := false
				for ti, tb := range ts {
					if found || !slices.Contains(tb.Pages, gt.Page) {
						continue
					}
					valueCells(tb, func(i, j int, subject string, money bool) {
						c := tb.Body[i].Cells[j]
						if found || used[[3]int{ti, i, j}] || c.Loc.Page != gt.Page && c.Loc.Page != 0 {
							return
						}
						if money != (gc.Kind == "" || gc.Kind == "money") || !c.Amount.Equal(want) ||
							key(subject) != key(gc.Row) || !pathHas(tb.Columns[j].Path, gc.Column) {
							return
						}
						found = true
						used[[3]int{ti, i, j}] = true
					})
				}
				if found {
					hit++
				} else if testing.Verbose() {
					t.Logf("%s p%d: missed %+v", g.File, gt.Page, gc)
				}
			}
			acc := float64(hit) / float64(max(1, len(gt.Cells)))
			if why, known := knownGovwideMisses[g.File+" p"+strconv.Itoa(gt.Page)]; known {
				t.Logf("known miss %s p%d: %s", g.File, gt.Page, why)
			} else {
				worst = min(worst, acc)
			}
			tag := ""
			if gt.Holdout {
				tag = " (hold-out)"
			}
			lines = append(lines, fmtScore(g.File, gt.Page, hit, len(gt.Cells), acc)+tag)
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		t.Log(l)
	}
	if worst < govwideFloor {
		t.Errorf("a page scores %.4f, below the floor %.4f", worst, govwideFloor)
	}
}

func fmtScore(file string, page, hit, total int, acc float64) string {
	return fmt.Sprintf("%s p%d: %d/%d = %.4f", strings.TrimSuffix(file, filepath.Ext(file)), page, hit, total, acc)
}

// pathHas reports whether every level of the gold column ("a/b") is a
// level of the header path.
func pathHas(path []string, column string) bool {
	for _, part := range strings.Split(column, "/") {
		if !slices.ContainsFunc(path, func(p string) bool { return key(p) == key(part) }) {
			return false
		}
	}
	return true
}
