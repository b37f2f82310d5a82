package corpus

import (
	"flag"
	"path/filepath"
	"sort"
	"testing"

	"github.com/budgetdoc/budgetdoc/schema"
)

var fiscalJSONL = flag.String("fiscal-jsonl", "", "documents.jsonl of a batch run: measure the fiscal line items' coverage of it")

// TestFiscalCoverage measures, over the documents of a batch run, the share
// of the amount cells of the standard tables that become fiscal line items:
//
//	budgetdoc batch --out /tmp/out ../shared/corpus/real ../shared/corpus/govwide
//	go test ./corpus -run FiscalCoverage -v -fiscal-jsonl /tmp/out/documents.jsonl
//
// The cells are the money facts with a table whose kind StandardTable
// accepts; a cell is covered when FiscalItems makes it a line item.
func TestFiscalCoverage(t *testing.T) {
	if *fiscalJSONL == "" {
		t.Skip("no -fiscal-jsonl given")
	}
	cells, items, docs := 0, 0, 0
	skipped := map[string]int{}
	byKind := map[string][2]int{}
	byDir := map[string][2]int{} // items, money cells by the input's directory (one corpus each)
	eachDocument(t, *fiscalJSONL, func(d *schema.Document) {
		docs++
		its, sk := FiscalItems(d)
		items += len(its)
		cells += len(its)
		for r, n := range sk {
			skipped[r] += n
			cells += n
		}
		dir := filepath.Base(filepath.Dir(d.Source.Path))
		c := byDir[dir]
		c[0] += len(its)
		c[1] += len(its) + sk[SkipChange] + sk[SkipDirection] + sk[SkipValue] + sk[SkipUnfit]
		byDir[dir] = c
		kinds := map[string]string{}
		for _, tb := range d.Tables {
			kinds[tb.ID] = tb.Kind
		}
		for _, it := range its {
			k := byKind[it.Table.Kind]
			k[0]++
			byKind[it.Table.Kind] = k
		}
		for _, fa := range d.Facts {
			if k, ok := kinds[fa.Table]; ok && fa.Kind == "money" && StandardTable(k) {
				c := byKind[k]
				c[1]++
				byKind[k] = c
			}
		}
	})
	// Percentages are not money: they leave the denominator.
	money := cells - skipped[SkipRatio]
	share := float64(items) / float64(max(money, 1))
	t.Logf("%d documents: %d amount cells in standard tables, %d of them percentages; of the %d money cells %d are fiscal line items (%.1f%%); not items: %v",
		docs, cells, skipped[SkipRatio], money, items, 100*share, skipped)
	if share < 0.95 {
		t.Errorf("coverage %.1f%% < 95%%", 100*share)
	}
	for dir, c := range byDir {
		t.Logf("  %s: %d of %d money cells (%.1f%%)", dir, c[0], c[1], 100*float64(c[0])/float64(max(c[1], 1)))
	}
	keys := make([]string, 0, len(byKind))
	for k := range byKind {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("  %-24s %6d of %6d", k, byKind[k][0], byKind[k][1])
	}
}
