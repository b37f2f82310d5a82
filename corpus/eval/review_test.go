package eval

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/check"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// reviewProblem is one row of a human review list (testdata/review/*.md):
// the problem's ID, the document it is in, and the rule/page pairs of the
// findings that report it (none when the tool misses it).
type reviewProblem struct {
	ID    string
	Doc   string
	Found []rulePage
}

type rulePage struct {
	Rule string
	Page int
}

var (
	reviewIDRe    = regexp.MustCompile(`^[A-Z][0-9]+$`)
	reviewFoundRe = regexp.MustCompile(`^([a-z][a-z0-9-]*) p([0-9]+)$`)
)

// parseReview reads the problem table of a review list: rows whose first
// cell is an ID (D1, U12); the second cell names the document, the last
// says "missed" or lists "rule pN" separated by semicolons.
func parseReview(path string) ([]reviewProblem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []reviewProblem
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		id := strings.TrimSpace(cells[0])
		if !reviewIDRe.MatchString(id) {
			continue
		}
		if len(cells) < 3 {
			return nil, fmt.Errorf("%s:%d: %s: fewer than 3 cells", path, n, id)
		}
		p := reviewProblem{ID: id, Doc: strings.TrimSpace(cells[1])}
		last := strings.TrimSpace(cells[len(cells)-1])
		if last != "missed" {
			for _, part := range strings.Split(last, ";") {
				m := reviewFoundRe.FindStringSubmatch(strings.TrimSpace(part))
				if m == nil {
					return nil, fmt.Errorf("%s:%d: %s: found-by %q is neither \"missed\" nor \"rule pN\"", path, n, id, part)
				}
				page, err := strconv.Atoi(m[2])
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %s: page %q: %v", path, n, id, m[2], err)
				}
				p.Found = append(p.Found, rulePage{m[1], page})
			}
		}
		out = append(out, p)
	}
	return out, sc.Err()
}

// TestSifajuReview keeps what a human reviewer found in the two 司法局 2026
// drafts, and the tool reported, reported: each problem marked found in
// testdata/review/sifaju_2026.md must still have a finding of the named
// rule on the named page. A rule that starts to catch a missed problem is
// recorded by editing the table.
func TestSifajuReview(t *testing.T) {
	docs := map[string]string{
		"dept": "shanghai_putuo_sifaju_2026_dept_budget.pdf",
		"unit": "shanghai_putuo_sifaju_2026_unit_budget.pdf",
	}
	corpus := testenv.CorpusDir(t)
	problems, err := parseReview(filepath.Join(testenv.ModuleRoot(t), "testdata", "review", "sifaju_2026.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) == 0 {
		t.Fatal("no problems parsed from the review list")
	}
	known := map[string]bool{}
	for _, r := range check.All {
		known[r.ID] = true
	}
	reported := map[string]map[rulePage]bool{}
	for key, name := range docs {
		res, err := pipeline.File(context.Background(), filepath.Join(corpus, name), pipeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out, err := check.Run(context.Background(), res, check.Options{})
		if err != nil {
			t.Fatal(err)
		}
		reported[key] = map[rulePage]bool{}
		for _, f := range out.Findings {
			reported[key][rulePage{f.Rule, f.Loc.Page}] = true
		}
	}
	found := 0
	for _, p := range problems {
		if len(p.Found) == 0 {
			continue
		}
		got, ok := reported[p.Doc]
		if !ok {
			t.Errorf("%s: document %q is not one of dept, unit", p.ID, p.Doc)
			continue
		}
		ok = true
		for _, rp := range p.Found {
			if !known[rp.Rule] {
				t.Errorf("%s: %q is not a rule ID", p.ID, rp.Rule)
				ok = false
				continue
			}
			if !got[rp] {
				t.Errorf("%s (%s): no %s finding on page %d any more", p.ID, p.Doc, rp.Rule, rp.Page)
				ok = false
			}
		}
		if ok {
			found++
		}
	}
	t.Logf("sifaju 2026 review: %d of %d problems found", found, len(problems))
}

func TestParseReview(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.md")
	text := "| id | document | text | found by |\n|---|---|---|---|\n" +
		"| D1 | dept | `a` | blank-page p3 |\n" +
		"| U2 | unit | `b` | table-row-sum p11; table-column-sum p11 |\n" +
		"| U3 | unit + dept | `c` | missed |\n" +
		"not a row | D9 |\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := parseReview(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []reviewProblem{
		{ID: "D1", Doc: "dept", Found: []rulePage{{"blank-page", 3}}},
		{ID: "U2", Doc: "unit", Found: []rulePage{{"table-row-sum", 11}, {"table-column-sum", 11}}},
		{ID: "U3", Doc: "unit + dept"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("parseReview:\n got %v\nwant %v", got, want)
	}
	if err := os.WriteFile(path, []byte("| D1 | dept | x | blank page 3 |\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := parseReview(path); err == nil {
		t.Error("a malformed found-by cell was accepted")
	}
}
