package pdf

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// sharedDir locates /work/shared as ../shared relative to the module root.
func sharedDir(t testing.TB) string {
	t.Helper()
	return testenv.SharedDir(t)
}

func corpusPDFs(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sharedDir(t), "corpus", "real", "*.pdf"))
	if err != nil || len(files) == 0 {
		t.Skip("no corpus PDFs")
	}
	return files
}

// pdftotext runs poppler's pdftotext -layout (first/last page 0 = all).
func pdftotext(t testing.TB, path string, first, last int) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	args := []string{"-layout", "-enc", "UTF-8"}
	if first > 0 {
		args = append(args, "-f", itoa(first), "-l", itoa(last))
	}
	out, err := exec.Command("pdftotext", append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

func itoa(n int) string { return strconv.Itoa(n) }

// hanCounts is the multiset of Han characters of s.
func hanCounts(s string) (map[rune]int, int) {
	m := map[rune]int{}
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			m[r]++
			n++
		}
	}
	return m, n
}

// agreement is sum(min(countA, countB)) / max(totalA, totalB).
func agreement(a, b string) float64 {
	ma, na := hanCounts(a)
	mb, nb := hanCounts(b)
	if na == 0 && nb == 0 {
		return 1
	}
	common := 0
	for r, ca := range ma {
		common += min(ca, mb[r])
	}
	return float64(common) / float64(max(na, nb))
}

func TestCorpusHanAgreement(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test skipped in -short mode")
	}
	for _, path := range corpusPDFs(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			want := pdftotext(t, path, 0, 0)
			doc := readFile(t, path)
			got := docText(doc)
			a := agreement(got, want)
			_, n := hanCounts(got)
			t.Logf("%-62s pages %3d  han %6d  agreement %.4f", name, len(doc.Pages), n, a)
			if a < 0.995 {
				t.Errorf("Han agreement with pdftotext %.4f < 0.995", a)
			}
			for _, r := range got {
				if isUnmapped(r) {
					t.Fatalf("unmapped character %U in output", r)
				}
			}
		})
	}
}

// Page 7 of this file paints its paragraphs twice; they must come out once.
func TestNoDoubledText(t *testing.T) {
	path := filepath.Join(sharedDir(t), "corpus", "real", "shanghai_putuo_caizhengju_2025_dept_budget.pdf")
	if _, err := os.Stat(path); err != nil {
		t.Skip("file absent")
	}
	doc := readFile(t, path)
	page := doc.Pages[6]
	got := strings.Join(pageLines(page), "\n")
	for _, want := range []string{
		"2025年部门预算编制说明",
		"2025年，上海市普陀区财政局收入预算3,121.42万元，其中：财政拨款收入3,121.42万元，比2024年预算增加",
		"财政拨款支出主要内容如下：",
	} {
		if c := strings.Count(got, want); c != 1 {
			t.Errorf("%q appears %d times", want, c)
		}
	}
	_, n := hanCounts(got)
	_, nRef := hanCounts(pdftotext(t, path, 7, 7))
	if n != nRef {
		t.Errorf("page 7 has %d Han characters, pdftotext %d", n, nRef)
	}
	if a := agreement(got, pdftotext(t, path, 7, 7)); a < 0.999 {
		t.Errorf("page 7 agreement %.4f", a)
	}
	_ = bytes.MinRead
	_ = context.Background
	_ = extract.FormatPDF
}
