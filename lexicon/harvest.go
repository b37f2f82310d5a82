package lexicon

import (
	"strings"

	"github.com/budgetdoc/budgetdoc/extract/tables"
)

// HarvestTable adds the (code, name) rows of one parsed table. Only tables
// with a code column count, rows of counts and notes are skipped, and a
// code is taken only where the table's codes form a hierarchy around it: a
// 款 or 项 right under its parent row (the last 类/款 row above it), a 类
// whose next coded row is its own 款 or 项. A number that merely sits in the
// code position of some other table does not pass.
func HarvestTable(h *Harvester, doc string, year int, t *tables.Table) {
	hasCodeColumn := false
	for _, c := range t.Columns {
		if c.Role == tables.CodeColumn {
			hasCodeColumn = true
		}
	}
	if !hasCodeColumn {
		return
	}
	var rows []tables.Row
	for _, r := range t.Body {
		if !r.Count && !r.Note && RowCode(r) != "" {
			rows = append(rows, r)
		}
	}
	last := map[int]string{} // length → last code of that length
	for i, r := range rows {
		ok := false
		switch len(r.Code) {
		case 3:
			ok = i+1 < len(rows) && len(rows[i+1].Code) > 3 && rows[i+1].Code[:3] == r.Code
		default:
			ok = last[len(r.Code)-2] == Parent(r.Code)
		}
		last[len(r.Code)] = r.Code
		if ok {
			h.Add(doc, year, r.Code, r.Label)
		}
	}
}

// RowCode returns the row's classification code when the table prints it
// before the name, as code columns are: a code read from a cell after the
// name is an amount that looks like one (金融发展支出 | 34284 | 20802).
func RowCode(r tables.Row) string {
	if KindOf(r.Code) == unknownKind {
		return ""
	}
	name := CleanName(r.Label)
	for _, c := range r.Cells {
		t := strings.TrimSpace(c.Text)
		if t != "" && strings.HasPrefix(r.Code, t) && isDigits(t) {
			return r.Code // a code cell (or its 类 part) comes first
		}
		if name != "" && CleanName(c.Text) == name {
			return ""
		}
	}
	return ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
