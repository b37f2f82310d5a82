package tables

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// Coverage of the numbers printed on the government-wide table pages:
// pdftotext -layout is the oracle of what a page prints. A table page is a
// page with at least five lines of three or more standalone numbers. A
// printed number is covered when a table row that has a label holds it as
// a cell of its own (one number, nothing else). Slow (every govwide PDF):
// run with BUDGETDOC_COVERAGE=1 go test ./extract/tables -run Coverage -v.

var (
	standalone = regexp.MustCompile(`^-?\d[\d,]*(?:\.\d+)?%?$`)
	pageNumber = regexp.MustCompile(`^\s*[-—–]\s*\d+\s*[-—–]\s*$`)
)

func numberKey(s string) string { return strings.TrimSuffix(strings.ReplaceAll(s, ",", ""), "%") }

// printed returns the standalone numbers of each page of pdftotext's text
// (nil for pages that are not table pages).
func printed(text string) []map[string]int {
	var out []map[string]int
	for _, page := range strings.Split(text, "\f") {
		counts := map[string]int{}
		rows := 0
		for _, l := range strings.Split(page, "\n") {
			if pageNumber.MatchString(l) {
				continue
			}
			n := 0
			for _, tok := range strings.Fields(l) {
				if standalone.MatchString(tok) {
					counts[numberKey(tok)]++
					n++
				}
			}
			if n >= 3 {
				rows++
			}
		}
		if rows < 5 {
			counts = nil
		}
		out = append(out, counts)
	}
	return out
}

func TestGovwideCoverage(t *testing.T) {
	if os.Getenv("BUDGETDOC_COVERAGE") != "1" {
		t.Skip("slow: set BUDGETDOC_COVERAGE=1")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	dir := filepath.Join(sharedDir(t), "corpus", "govwide")
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	var total, hit, multi int
	var lines []string
	for _, f := range files {
		out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		want := printed(string(out))
		txt, err := govwideText(t, filepath.Base(f))
		if err != nil {
			t.Fatal(err)
		}
		got := map[int]map[string]int{}
		m := 0
		for _, tb := range Parse(txt) {
			for _, r := range tb.Body {
				labelled := r.Label != "" && strings.ContainsFunc(r.Label, func(c rune) bool { return unicode.Is(unicode.Han, c) })
				for _, c := range r.Cells {
					s := strings.TrimSpace(c.Text)
					toks := strings.Fields(s)
					if len(toks) >= 2 && !strings.ContainsFunc(s, func(c rune) bool { return unicode.Is(unicode.Han, c) }) {
						if _, _, ok := parseAmount(toks[0]); ok {
							m++
						}
					}
					if !labelled || c.Covered || len(toks) != 1 {
						continue
					}
					if _, _, ok := parseAmount(s); !ok {
						continue
					}
					if got[c.Loc.Page] == nil {
						got[c.Loc.Page] = map[string]int{}
					}
					got[c.Loc.Page][numberKey(s)]++
				}
			}
		}
		n, h := 0, 0
		for p, counts := range want {
			for k, c := range counts {
				n += c
				h += min(c, got[p+1][k])
			}
		}
		total, hit, multi = total+n, hit+h, multi+m
		if n > 0 {
			lines = append(lines, strings.TrimSuffix(filepath.Base(f), ".pdf")+": "+fmtRatio(h, n)+", cells with two numbers "+itoa(m))
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		t.Log(l)
	}
	t.Logf("numbers on table pages in labelled rows: %s; cells with two numbers: %d", fmtRatio(hit, total), multi)
}

func fmtRatio(h, n int) string {
	return itoa(h) + "/" + itoa(n) + " = " + strconv.FormatFloat(float64(h)/float64(max(1, n)), 'f', 4, 64)
}

func itoa(n int) string { return strconv.Itoa(n) }
