package pipeline

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// TestHTMLFactColumns: on web pages written as a few long source lines
// (福州 2025, 福建: one line per paragraph; 重庆交委 2018: the article in a
// handful of lines), every money fact's loc points at its own amount in
// the source (line and column), so facts of one line are told apart.
func TestHTMLFactColumns(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline on corpus pages")
	}
	shared := testenv.SharedDir(t)
	digit := regexp.MustCompile(`[0-9０-９]`)
	for _, rel := range []string{"govwide/fuzhou_2025_govwide_final_report.html", "real/chongqing_jiaotongwei_2018_dept_budget.jsp.html"} {
		path := filepath.Join(shared, "corpus", rel)
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Skipf("corpus not available: %v", err)
		}
		lines := strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n")
		res, err := File(context.Background(), path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[[2]int]string{}
		money := 0
		for _, f := range res.Out.Facts {
			if f.Kind != "money" || f.Table != "" || f.Value == "" {
				continue
			}
			money++
			l := f.Loc
			if l.Column == 0 || l.Line > len(lines) {
				t.Errorf("%s %s: loc %+v has no column", rel, f.Text, l)
				continue
			}
			src := []rune(lines[l.Line-1])
			if l.Column > len(src) {
				t.Errorf("%s %s: column %d beyond the line", rel, f.Text, l.Column)
				continue
			}
			at := html.UnescapeString(string(src[l.Column-1:]))
			num := f.Text[digit.FindStringIndex(f.Text)[0]:]
			if n := min(len(num), 2); !strings.HasPrefix(at, num[:n]) {
				t.Errorf("%s %s: source at %d:%d reads %q", rel, f.Text, l.Line, l.Column, string([]rune(at)[:min(12, len([]rune(at)))]))
			}
			key := [2]int{l.Line, l.Column}
			if prev, dup := seen[key]; dup {
				t.Errorf("%s: %s and %s share %d:%d", rel, prev, f.Text, l.Line, l.Column)
			}
			seen[key] = f.Text
		}
		if money < 10 {
			t.Errorf("%s: only %d money facts", rel, money)
		}
	}
}
