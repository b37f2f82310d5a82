package meta

import (
	"strings"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/extract/tables"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
)

// Titles inside a table grid.
//
// A spreadsheet (and a tables-only file read as one grid) keeps its title in
// the grid: rows above the column headers with one filled cell (`表16`,
// `2025年全市地方政府一般债务限额和余额情况表`, `单位：亿元`). Those rows are
// the document's cover; captionRows gives them to the title search as lines.

// captionRows returns the text of the leading rows of t that hold a single
// filled, shown cell, up to the first row with two or more.
func captionRows(t *extract.Table) []string {
	var out []string
	for _, row := range t.Rows {
		var filled []string
		for _, c := range row {
			if c.Covered || c.Hidden {
				continue
			}
			if s := strings.TrimSpace(c.Text()); s != "" {
				filled = append(filled, s)
			}
		}
		switch len(filled) {
		case 0:
			continue
		case 1:
			out = append(out, strings.Join(strings.Fields(filled[0]), " "))
		default:
			return out
		}
	}
	return out
}

// soleRegion returns the place of a table with a single region row (the
// rows under a 地区 header: `衡阳市 | 510.66 | 504.62`), or "" — a figure of
// one place titled 全市 is that place's.
func soleRegion(t *extract.Table) string {
	region := ""
	under := false
	for _, row := range t.Rows {
		first := ""
		for _, c := range row {
			if !c.Covered && !c.Hidden {
				if s := textnorm.Squeeze(c.Text()); s != "" {
					first = s
					break
				}
			}
		}
		switch {
		case first == "":
			continue
		case !under:
			under = tables.RegionHeader(first)
		case region != "":
			return "" // a second region
		default:
			region = jurisdiction(first)
			if region == "" || region != first {
				return ""
			}
		}
	}
	return region
}

// openingTable returns the table the document opens with (before any
// line), or nil.
func openingTable(t *normalize.Text) *extract.Table {
	for _, p := range t.Pages {
		if len(p.Items) > 0 {
			return p.Items[0].Table
		}
	}
	return nil
}
