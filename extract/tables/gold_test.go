package tables

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testenv"
	"github.com/shopspring/decimal"
)

// cellAccuracyFloor is the measured cell accuracy on the hand-annotated
// tables (testdata/gold/tables); never lower it, raise it when tables
// improve. The target is 0.99. Measured 498/498 with all three PDFs fully
// annotated, since the header wrapped out of its cell (采购组织形 | 式 in
// shengweiban's 政府采购预算表) is read as one header and the procurement
// items name their amounts (the gold's notes say why it was relabelled).
const cellAccuracyFloor = 1.0

type goldDoc struct {
	File     string      `json:"file"`
	Coverage string      `json:"coverage"`
	Notes    []string    `json:"notes,omitempty"` // judgement calls and relabellings
	Tables   []goldTable `json:"tables"`
}

type goldTable struct {
	Title string     `json:"title"`
	Code  string     `json:"code"`
	Unit  string     `json:"unit"`
	Page  int        `json:"page"`
	Kind  string     `json:"kind"`
	Cells []goldCell `json:"cells"`
}

type goldCell struct {
	Row    string `json:"row"`
	Code   string `json:"code,omitempty"` // 科目编码 of the row, when it has one
	Column string `json:"column"`         // header path, levels joined by "/"
	Value  string `json:"value"`          // as displayed, in the table's unit
	// Kind is the column's kind when it is not money (percent …).
	Kind string `json:"kind,omitempty"`
}

// cellMatches reports whether amount cell j of row i of tb is the gold cell.
func cellMatches(tb *Table, i, j int, subject, code string, g goldCell) bool {
	c := tb.Body[i].Cells[j]
	if code != g.Code {
		return false
	}
	want, _, ok := parseAmount(g.Value)
	if !ok || !c.Amount.Equal(want) || key(subject) != key(g.Row) {
		return false
	}
	path := tb.Columns[j].Path
	for _, part := range strings.Split(g.Column, "/") {
		found := false
		for _, p := range path {
			found = found || key(p) == key(part)
		}
		if !found {
			return false
		}
	}
	return true
}

// TestGoldCellAccuracy scores the tables of the tables-only Jiangsu PDFs
// against the hand annotation: the share of gold cells found in the table
// on the gold page with the same row label, header path and value.
func TestGoldCellAccuracy(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testenv.ModuleRoot(t), "testdata", "gold", "tables", "*.json"))
	if len(files) == 0 {
		t.Fatal("no table gold")
	}
	var total, hit, tablesSeen int
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldDoc
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		ts := Parse(corpusText(t, g.File))
		tablesSeen += len(ts)
		for _, gt := range g.Tables {
			var tb *Table
			for _, cand := range ts {
				if cand.Pages[0] == gt.Page && (tb == nil || key(cand.Title) == key(gt.Title)) {
					tb = cand
				}
			}
			total += len(gt.Cells)
			if tb == nil {
				t.Logf("%s p%d %s: no table", g.File, gt.Page, gt.Title)
				continue
			}
			if tb.Unit != gt.Unit || string(tb.Kind) != gt.Kind || tb.Code != gt.Code {
				t.Logf("%s %s: unit/kind/code %q %q %q, gold %q %q %q", g.File, gt.Title, tb.Unit, tb.Kind, tb.Code, gt.Unit, gt.Kind, gt.Code)
			}
			used := map[[2]int]bool{}
			for _, gc := range gt.Cells {
				found := false
				tb.AmountCells(func(i, j int, subject, code string) {
					if !found && !used[[2]int{i, j}] && cellMatches(tb, i, j, subject, code, gc) {
						found = true
						used[[2]int{i, j}] = true
					}
				})
				if found {
					hit++
				} else {
					t.Logf("%s %s: missed %+v", g.File, gt.Title, gc)
				}
			}
		}
	}
	if tablesSeen == 0 {
		t.Skip("the PDF reader gives no tables yet (PDF table reconstruction has not landed): nothing to score")
	}
	acc := float64(hit) / float64(total)
	t.Logf("table cell accuracy: %d/%d = %.4f (target 0.99, floor %.4f)", hit, total, acc, cellAccuracyFloor)
	if acc < cellAccuracyFloor {
		t.Errorf("cell accuracy %.4f below the floor %.4f", acc, cellAccuracyFloor)
	}
}

// knownMisses are EXTRACTED.csv figures that our tables do not give yet,
// with the reason; the test fails on any other miss and says when a known
// one is found again.
var knownMisses = map[string]string{}

var numbering = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|\d+[.．、])`)

// TestExtractedSummaryTotals checks the 收支预算总表 figures that another
// tool extracted from the Jiangsu documents (*_EXTRACTED.csv, in 万元, one
// row per year): each must appear in our 收支总表 as the value beside its
// label.
func TestExtractedSummaryTotals(t *testing.T) {
	real := filepath.Join(sharedDir(t), "corpus", "real")
	csvs, _ := filepath.Glob(filepath.Join(real, "*_income_expense_summary_EXTRACTED.csv"))
	var checked, found, docs int
	for _, path := range csvs {
		body := strings.TrimSuffix(filepath.Base(path), "_income_expense_summary_EXTRACTED.csv")
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows[1:] {
			year := row[0][:4]
			pdfs, _ := filepath.Glob(filepath.Join(real, body+"_"+year+"_dept_budget*.pdf"))
			// Every figure beside its label in some 收支总表 of that year.
			values := map[string][]decimal.Decimal{}
			for _, pdf := range pdfs {
				for _, tb := range Parse(corpusText(t, filepath.Base(pdf))) {
					if tb.Kind != IncomeExpenseSummary {
						continue
					}
					docs++
					tb.AmountCells(func(i, j int, subject, _ string) {
						k := numbering.ReplaceAllString(key(subject), "")
						values[k] = append(values[k], tb.Yuan(tb.Body[i].Cells[j]))
					})
				}
			}
			if len(values) == 0 {
				continue
			}
			for c, label := range rows[0][1:] {
				v := row[c+1]
				if v == "" {
					continue
				}
				want, err := decimal.NewFromString(v)
				if err != nil {
					t.Fatalf("%s: %q: %v", path, v, err)
				}
				want = want.Mul(decimal.NewFromInt(10000))
				checked++
				ok := false
				for _, got := range values[key(label)] {
					ok = ok || got.Equal(want)
				}
				miss := body + " " + year + " " + label
				if why, known := knownMisses[miss]; known {
					if ok {
						t.Logf("%s is found now: remove it from knownMisses", miss)
					} else {
						t.Logf("known miss %s: %s", miss, why)
					}
				}
				if ok {
					found++
				} else if _, known := knownMisses[miss]; !known {
					t.Errorf("%s %s: %s = %s万元 not found beside its label (have %v)", body, year, label, v, values[key(label)])
				}
			}
		}
	}
	if docs == 0 {
		t.Skip("no 收支预算总表 found in the Jiangsu PDFs: the PDF reader gives no tables yet (PDF table reconstruction has not landed)")
	}
	t.Logf("EXTRACTED.csv figures found beside their labels: %d/%d", found, checked)
}
