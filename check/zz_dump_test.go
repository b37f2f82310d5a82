package check

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/extract/tables"
)

func TestZZDump(t *testing.T) {
	for _, name := range strings.Fields(os.Getenv("DUMP")) {
		res, err := pipeline.File(context.Background(), filepath.Join(corpusDir(t), name), pipeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println("==", name)
		for _, tb := range res.Tables {
			switch tb.Kind {
			case tables.FiscalSummary, tables.GeneralExpense, tables.GeneralBasicExpense, tables.ThreePublic, tables.FiscalBasicExpense, tables.IncomeExpenseSummary:
			default:
				continue
			}
			fmt.Println(tb.ID, tb.Kind, tb.Title, tb.Unit, tb.Pages)
			tb.AmountCells(func(i, j int, subject, code string) {
				if code != "" && len(code) > 3 {
					return
				}
				fmt.Printf("   r%d c%d [%s] code=%s path=%s = %s\n", i, j, subject, code, tb.Path(j), tb.Body[i].Cells[j].Text)
			})
		}
	}
}
