package tables

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Coverage of the numbers printed on the government-wide table pages:
// pdftotext -layout is the oracle of what a page prints. A table page is a
// page with at least five table lines: lines of three or more numbers that
// stand as cells (see cellNumbers). A printed number is covered when a
// table row that has a label holds it as a cell of its own (one number,
// nothing else). Slow (every govwide PDF): run with
// BUDGETDOC_COVERAGE=1 go test ./extract/tables -run Coverage -v
// (make coverage-govwide); BUDGETDOC_COVERAGE_PAGES=1 lists the pages that
// lose numbers, worst first.

var (
	standalone   = regexp.MustCompile(`^-?\d[\d,]*(?:\.\d+)?%?$`)
	fragment     = regexp.MustCompile(`^\.\d+%?$`)
	pageNumber   = regexp.MustCompile(`^\s*[-—–]?\s*\d+\s*[-—–]?\s*$`)
	columnNumber = regexp.MustCompile(`^(\d+)(?:=[\d+\-*/×÷()（）]+)?$`)
	token        = regexp.MustCompile(`\S+`)
)

func numberKey(s string) string { return strings.TrimSuffix(strings.ReplaceAll(s, ",", ""), "%") }

// word is a token of a pdftotext -layout line with its columns.
type word struct {
	text       string
	start, end int // rune columns
}

func words(line string) []word {
	var ws []word
	for _, m := range token.FindAllStringIndex(line, -1) {
		ws = append(ws, word{line[m[0]:m[1]], utf8.RuneCountInString(line[:m[0]]), utf8.RuneCountInString(line[:m[1]])})
	}
	return ws
}

func han(s string) bool {
	return strings.ContainsFunc(s, func(c rune) bool { return unicode.Is(unicode.Han, c) })
}

// cellNumbers returns the numbers of a page's lines that stand as cells.
// pdftotext -layout separates cells by two spaces or more, so a number one
// space from Chinese text is part of that text (8 月 20 日, 2025 年预算数,
// 项目 2, 30 年, 114.3 亿 元 in prose). A decimal part that pdftotext moved
// to the next line (98 / .5, a point drawn below the baseline) is joined
// back to the integer above it; a number alone on its line before a line
// that starts with a point is a list number (1 / . 一般公共服务). A line of
// column numbers (1 2 3 … under the header) is not data, nor is a line
// that is only a page number.
func cellNumbers(lines []string) [][]string {
	ws := make([][]word, len(lines))
	for i, l := range lines {
		if !pageNumber.MatchString(l) {
			ws[i] = words(l)
		}
	}
	out := make([][]string, len(lines))
	for i, line := range ws {
		for k, w := range line {
			if !fragment.MatchString(w.text) {
				continue
			}
			// the integer it belongs to: on the nearest line above, ending
			// near where the fragment starts
			for d := 1; d <= 2 && i-d >= 0; d++ {
				best := -1
				for m, u := range ws[i-d] {
					if standalone.MatchString(u.text) && !strings.ContainsAny(u.text, ".%") && u.end >= w.start-16 && u.start <= w.start+1 {
						best = m
					}
				}
				if best >= 0 {
					ws[i-d][best].text += w.text
					line[k].text = ""
					break
				}
			}
		}
	}
	for i, line := range ws {
		var nums []string
		for k, w := range line {
			if !standalone.MatchString(w.text) {
				continue
			}
			if k > 0 && line[k-1].end+1 == w.start && han(line[k-1].text) ||
				k+1 < len(line) && w.end+1 == line[k+1].start && han(line[k+1].text) {
				continue
			}
			if len(line) == 1 && i+1 < len(ws) && len(ws[i+1]) > 0 && strings.HasPrefix(ws[i+1][0].text, ".") {
				continue
			}
			nums = append(nums, w.text)
		}
		if columnNumbers(line) {
			nums = nil
		}
		out[i] = nums
	}
	return out
}

// columnNumbers reports whether a line numbers the columns: 1, 2, 3 …
// (three or more), some perhaps with their formula (4=3/2*100), among
// words such as 栏次.
func columnNumbers(line []word) bool {
	n := 0
	for _, w := range line {
		m := columnNumber.FindStringSubmatch(w.text)
		switch {
		case m != nil && m[1] == strconv.Itoa(n+1):
			n++
		case m != nil || !han(w.text):
			return false
		}
	}
	return n >= 3
}

// printed returns the numbers standing as cells on each page of
// pdftotext's text (nil for pages that are not table pages).
func printed(text string) []map[string]int {
	var out []map[string]int
	for _, page := range strings.Split(text, "\f") {
		counts := map[string]int{}
		rows := 0
		for _, nums := range cellNumbers(strings.Split(page, "\n")) {
			for _, n := range nums {
				counts[numberKey(n)]++
			}
			if len(nums) >= 3 {
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
	var total, hit, multi, tablePages, low int
	var lines, pages, joined, unlabelledPages []string
	for _, f := range files {
		out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		// Full-width digits (１２８２９１３, －３５６) are numbers too.
		want := printed(width.Narrow.String(string(out)))
		name := strings.TrimSuffix(filepath.Base(f), ".pdf")
		txt, err := govwideText(t, filepath.Base(f))
		if err != nil {
			t.Fatal(err)
		}
		got := map[int]map[string]int{}
		m := 0
		unnamed := map[int][2]int{} // rows with numbers per page: without, with a label
		for _, tb := range Parse(txt) {
			if tb.facing > 0 {
				joined = append(joined, name+" "+tb.Title+" pages "+fmt.Sprint(tb.Pages))
			}
			for _, r := range tb.Body {
				if slices.ContainsFunc(r.Cells, func(c Cell) bool { return c.IsAmount && !c.Covered }) {
					k := unnamed[rowPage(&r)]
					if names(r.Label) {
						k[1]++
					} else {
						k[0]++
					}
					unnamed[rowPage(&r)] = k
				}
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
			pn, ph := 0, 0
			var lost []string
			for k, c := range counts {
				pn += c
				ph += min(c, got[p+1][k])
				if c > got[p+1][k] {
					lost = append(lost, k)
				}
			}
			n, h = n+pn, h+ph
			if pn > 0 {
				tablePages++
				if float64(ph) < coverageFloor*float64(pn) {
					low++
				}
			}
			if os.Getenv("BUDGETDOC_COVERAGE_PAGES") != "" && ph < pn {
				sort.Strings(lost)
				pages = append(pages, fmt.Sprintf("%5d %s p%d %d/%d lost %s", pn-ph, filepath.Base(f), p+1, ph, pn, strings.Join(lost[:min(len(lost), 12)], " ")))
			}
		}
		// A right-hand page of a table across facing pages: rows of
		// numbers, most without a label.
		for p, k := range unnamed {
			if k[0] >= 3 && k[0] > k[1] {
				unlabelledPages = append(unlabelledPages, fmt.Sprintf("%s p%d: %d rows of numbers without a label, %d with", name, p, k[0], k[1]))
			}
		}
		total, hit, multi = total+n, hit+h, multi+m
		if m > 0 {
			t.Errorf("%s: %d cells hold two numbers", name, m)
		}
		if n > 0 {
			lines = append(lines, name+": "+fmtRatio(h, n)+", cells with two numbers "+itoa(m))
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(pages)))
	for _, l := range pages {
		t.Log(l)
	}
	sort.Strings(lines)
	for _, l := range lines {
		t.Log(l)
	}
	sort.Strings(unlabelledPages)
	for _, l := range unlabelledPages {
		t.Log(l)
	}
	t.Logf("tables joined across facing pages or page sets: %d %q; pages whose rows of numbers are mostly unlabelled: %d", len(joined), joined, len(unlabelledPages))
	t.Logf("numbers on table pages in labelled rows: %s; pages under %.2f: %d of %d; cells with two numbers: %d",
		fmtRatio(hit, total), coverageFloor, low, tablePages, multi)
	if float64(hit) < coverageFloor*float64(total) {
		t.Errorf("coverage %s under %.2f", fmtRatio(hit, total), coverageFloor)
	}
}

// TestIssueDates reads the bond table of a report whose issue dates are
// typeset in one-glyph runs of a non-embedded font (３ 月 １０ 日, see
// extract/pdf/inkless.go): every cell of the date column is a date, none
// a number, and the column is no money.
func TestIssueDates(t *testing.T) {
	txt, err := govwideText(t, "taian_2025_govwide_budget_execution_report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	date := regexp.MustCompile(`^\d{1,2}月\d{1,2}日$`)
	found := false
	for _, tb := range Parse(txt) {
		if !strings.Contains(tb.Title, "发行新增专项债券项目情况表") {
			continue
		}
		found = true
		j := slices.IndexFunc(tb.Columns, func(c Column) bool { return strings.Contains(strings.Join(c.Path, ""), "发行日期") })
		if j < 0 {
			t.Fatalf("%s: no date column in %v", tb.Title, tb.Columns)
		}
		if c := tb.Columns[j]; c.Kind != KindDate || c.Role == AmountColumn {
			t.Errorf("date column: kind %s, role %v", c.Kind, c.Role)
		}
		dates := 0
		for _, r := range tb.Body {
			if j >= len(r.Cells) || !strings.ContainsAny(width.Narrow.String(r.Cells[j].Text), "0123456789") {
				continue // empty, or the 合计 row's label spread over the columns
			}
			if c := r.Cells[j]; !date.MatchString(c.Text) || c.IsAmount {
				t.Errorf("page %d: date cell %q (number %t)", c.Loc.Page, c.Text, c.IsAmount)
			}
			dates++
		}
		if dates < 50 {
			t.Errorf("%d date cells, want the 56 of the table", dates)
		}
	}
	if !found {
		t.Fatal("no bond table")
	}
}

// coverageFloor is the least share of the printed numbers of the govwide
// table pages that must be cells of labelled rows; never lower it.
const coverageFloor = 0.99

func fmtRatio(h, n int) string {
	return itoa(h) + "/" + itoa(n) + " = " + strconv.FormatFloat(float64(h)/float64(max(1, n)), 'f', 4, 64)
}

func itoa(n int) string { return strconv.Itoa(n) }
