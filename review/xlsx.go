package review

import (
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc/schema"
)

// XLSXColumns are the column names of the findings spreadsheet.
var XLSXColumns = []string{"页码", "行", "严重程度", "规则", "问题", "原文", "建议", "处理", "备注"}

// Row is one finding with the reviewer's decision, for the spreadsheet.
type Row struct {
	Finding  schema.Finding
	Decision string // 已接受, 已忽略 or ""
	Note     string
}

// WriteXLSX writes the findings of one document as a spreadsheet with
// Chinese column names (XLSXColumns), one row per finding.
func WriteXLSX(w io.Writer, rows []Row) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "检查结果"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, width := range []float64{6, 6, 10, 22, 60, 50, 50, 10, 30} {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	header := make([]any, len(XLSXColumns))
	for i, c := range XLSXColumns {
		header[i] = c
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	for i, r := range rows {
		fd := r.Finding
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, []any{fd.Loc.Page, fd.Loc.Line, SeverityLabel(fd.Severity, Chinese), fd.Rule,
			Message(fd, Chinese), fd.Evidence, Suggestion(fd.Rule, Chinese), r.Decision, r.Note}); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
