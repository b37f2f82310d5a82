package facts

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/extract/tables"
	"github.com/budgetdoc/budgetdoc/schema"
)

// LinkTable sets the parent of the money facts of t's amount cells (fs, as
// t.Facts wrote them): the cell of the same column in the row the cell's
// row is a part of (RowParents over the rows of its label column). A cell
// whose parent row has no amount in its column keeps no parent, and the
// cells of the rows above a total printed below them keep it only where
// they add up to it (addsUp).
func LinkTable(t *tables.Table, fs []schema.Fact) {
	byCell := make(map[cell]int, len(fs)) // cell → index in fs
	for n, f := range fs {
		if f.Table == t.ID {
			byCell[cell{f.Row - len(t.Header) - 1, f.Col - 1}] = n
		}
	}
	idOf := func(c cell) string {
		if n, ok := byCell[c]; ok {
			return fs[n].ID
		}
		return ""
	}
	// The label column of every amount cell: a side-by-side table has one
	// per side, each with its own hierarchy.
	labelCol := map[cell]int{}
	codes := map[cell]string{}
	var cols []int
	t.AmountCells(func(i, j int, subject, code string) {
		k := labelColumn(t, i, j, subject)
		labelCol[cell{i, j}] = k
		codes[cell{i, k}] = code
		if !slices.Contains(cols, k) {
			cols = append(cols, k)
		}
	})
	parentRow := map[cell]int{} // (row, label column) → parent row
	for _, k := range cols {
		rows, idx := labelRows(t, k, codes)
		for n, p := range RowParents(rows) {
			if p >= 0 {
				parentRow[cell{idx[n], k}] = idx[p]
			}
		}
	}
	below := map[int][]int{} // a total below its parts → the parts (indices in fs)
	for n := range fs {
		f := &fs[n]
		if f.Table != t.ID {
			continue
		}
		c := cell{f.Row - len(t.Header) - 1, f.Col - 1}
		k, ok := labelCol[c]
		if !ok {
			continue
		}
		p, ok := parentRow[cell{c.i, k}]
		switch {
		case !ok: // a row of the first level, or no total
		case p < c.i:
			f.Parent = idOf(cell{p, c.j})
		case labelCol[cell{p, c.j}] == k:
			// A total below its parts names its cell in the parts'
			// label column (a 合计 spanning rows that name their own
			// cells in the next column heads them, it sums nothing).
			if tn, ok := byCell[cell{p, c.j}]; ok {
				f.Parent = fs[tn].ID
				below[tn] = append(below[tn], n)
			}
		}
	}
	for tn, kids := range below {
		if !addsUp(t, fs, tn, kids) {
			for _, n := range kids {
				fs[n].Parent = ""
			}
		}
	}
}

// addsUp reports whether the cells kids (indices into fs) add up to the
// cell fs[tn] of a total below them, within the rounding of the figures as
// printed. The total's place says that it sums the rows of the first level
// above it; which rows those are is read from codes, numbering and
// indentation, and a reading that missed a level (items of a 款 taken for
// 类 rows) or a total that is not one (a 合计 that heads rows beside it)
// shows as a sum that does not hold: then nothing is linked rather than
// something wrong.
func addsUp(t *tables.Table, fs []schema.Fact, tn int, kids []int) bool {
	total := &fs[tn]
	want, err := decimal.NewFromString(total.Value)
	if err != nil {
		return false
	}
	slack := halfUnit(t, total.Text)
	var sum decimal.Decimal
	for _, n := range kids {
		v, err := decimal.NewFromString(fs[n].Value)
		if err != nil {
			return false
		}
		sum = sum.Add(v)
		slack = slack.Add(halfUnit(t, fs[n].Text))
	}
	return sum.Sub(want).Abs().LessThanOrEqual(slack)
}

// halfUnit is half the last printed digit of an amount cell's text in
// yuan: how far the printed figure may be from the exact one.
func halfUnit(t *tables.Table, text string) decimal.Decimal {
	d := int32(0)
	if _, frac, ok := strings.Cut(text, "."); ok {
		d = int32(len(strings.TrimRightFunc(frac, func(r rune) bool { return r < '0' || r > '9' })))
	}
	scale := t.Scale
	if scale.IsZero() {
		scale = decimal.NewFromInt(1)
	}
	return decimal.New(5, -d-1).Mul(scale)
}

// cell is a body cell of a table: row and column.
type cell struct{ i, j int }

// labelColumn is the column of the text cell that names amount cell (i, j)
// (its subject, as tables.Table.Subject found it), or -1 when the subject
// is the row's label from elsewhere.
func labelColumn(t *tables.Table, i, j int, subject string) int {
	r := t.Body[i]
	for k := j - 1; k >= 0; k-- {
		if c := r.Cells[k]; !c.Covered && strings.TrimSpace(c.Text) == subject {
			return k
		}
	}
	return -1
}

// labelRows returns the rows of label column k (the body rows with a label
// there), as RowLabels, and their body row indices.
func labelRows(t *tables.Table, k int, codes map[cell]string) ([]RowLabel, []int) {
	var rows []RowLabel
	var idx []int
	var boxes []*schema.BBox // the label cells' boxes, nil when a cell has none
	for i := range t.Body {
		r := &t.Body[i]
		if r.Note || r.Count {
			continue
		}
		text, code := r.Label, codes[cell{i, k}]
		var rl RowLabel
		var b *schema.BBox
		if k >= 0 {
			c := r.Cells[k]
			if c.Covered || strings.TrimSpace(c.Text) == "" {
				continue
			}
			text = c.Text
			if bb := c.Loc.BBox; bb != nil && bb[3] > bb[1] && bb[2] > bb[0] {
				b = bb
			} else {
				rl.Indent, rl.Indented = leadingSpaces(c.Text), true
			}
		}
		if code == "" && k >= 0 {
			code = r.Code
		}
		rl.Text, rl.Code = text, code
		rows = append(rows, rl)
		idx = append(idx, i)
		boxes = append(boxes, b)
	}
	markTitledTotal(rows, t.Title)
	boxes = readingFrame(boxes)
	var heights []float64
	for _, b := range boxes {
		if b != nil {
			heights = append(heights, b[3]-b[1])
		}
	}
	if len(heights) > 0 {
		// Positions in points: the indent in characters is the left
		// edge over the height of one line; a label wrapped over lines
		// (a box much taller than one line) has no reliable edge, and
		// labels centred in their cells have none at all.
		line := slices.Min(heights)
		centred := centredLabels(boxes)
		for n, b := range boxes {
			if b == nil || centred {
				rows[n].Indented = false
				continue
			}
			h := b[3] - b[1]
			rows[n].Indent, rows[n].Indented = b[0]/h, h <= 1.6*line
		}
	}
	return rows, idx
}

// markTitledTotal marks the last row as the table's total when its label,
// without a code or a total word, names what the table's title names: a
// table titled …一般公共预算收入预算表 that ends in a row 一般公共预算收入
// ends in the sum of its items. A short label (收入, 支出) names too
// little to tell.
func markTitledTotal(rows []RowLabel, title string) {
	if len(rows) < 3 {
		return
	}
	last := &rows[len(rows)-1]
	label := strings.Join(strings.Fields(last.Text), "")
	if last.Code != "" || totalLabel(label) || utf8.RuneCountInString(label) < 4 {
		return
	}
	if _, _, ok := outline.ParseMarker(label); ok {
		return // a numbered item, not a total
	}
	last.Total = strings.Contains(strings.Join(strings.Fields(title), ""), label)
}

// readingFrame turns the label boxes of a table printed turned on its page
// (a landscape table set on a portrait page: boxes are in the page's frame,
// the text runs up or down it) into the text's own frame, where the left
// edge is where a label starts and the height is one line across. A
// table's rows follow each other down its label column: when consecutive
// labels move mostly sideways on the page, the page is turned, and the way
// they move tells which way the text runs (rows moving right: the text
// reads upwards, so a label starts at its box's bottom). Boxes of upright
// tables are returned as they are.
func readingFrame(boxes []*schema.BBox) []*schema.BBox {
	right, left, vertical := 0, 0, 0 // steps between consecutive labels' centres
	var prev *schema.BBox
	for _, b := range boxes {
		if b == nil {
			continue
		}
		if prev != nil {
			dx := (b[0] + b[2] - prev[0] - prev[2]) / 2
			dy := (b[1] + b[3] - prev[1] - prev[3]) / 2
			switch {
			case math.Abs(dx) <= math.Abs(dy):
				vertical++
			case dx > 0:
				right++
			default:
				left++
			}
		}
		prev = b
	}
	if right+left <= 2*vertical {
		return boxes
	}
	across := right - left
	out := make([]*schema.BBox, len(boxes))
	for n, b := range boxes {
		switch {
		case b == nil:
		case across > 0: // reading upwards: left is the bottom, lines stack rightwards
			out[n] = &schema.BBox{-b[3], b[0], -b[1], b[2]}
		default: // reading downwards: left is the top, lines stack leftwards
			out[n] = &schema.BBox{b[1], -b[2], b[3], -b[0]}
		}
	}
	return out
}

// centredLabels reports whether labels with the boxes given (in their
// text's frame) are centred in their cells: their middles agree more
// closely than their left edges.
func centredLabels(boxes []*schema.BBox) bool {
	var lefts, mids []float64
	for _, b := range boxes {
		if b != nil {
			lefts = append(lefts, b[0])
			mids = append(mids, (b[0]+b[2])/2)
		}
	}
	return len(lefts) >= 3 && spread(mids) < spread(lefts)/2
}

// spread is the mean absolute deviation of xs from their median.
func spread(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	med := s[len(s)/2]
	sum := 0.0
	for _, x := range s {
		sum += math.Abs(x - med)
	}
	return sum / float64(len(s))
}

// leadingSpaces counts the white space before a label's text in
// characters (an ASCII space is half of one).
func leadingSpaces(s string) float64 {
	n := 0.0
	for _, r := range s {
		switch {
		case r == ' ':
			n += 0.5
		case unicode.IsSpace(r):
			n++
		default:
			return n
		}
	}
	return n
}
