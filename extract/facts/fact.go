package facts

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/nlp/quantity"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Fact is a money or count fact as extraction found it: the fields of the
// contract with exact values, and the place of its mention in the
// normalized text. The checks read facts in this form — they never find a
// fact again by searching for its text — and the pipeline numbers them and
// writes them in the contract (Schema).
type Fact struct {
	// ID is "f1", "f2" …, set by the pipeline when it numbers the
	// document's facts; empty before.
	ID      string
	Kind    string // schema.FactMoney or schema.FactCount
	Subject string
	Entity  string
	Unit    string
	Text    string // the mention as written
	Approx  bool
	// Amount is the quantity the fact states, as scanned from the parsing
	// view (its Text keeps the written precision); nil for a change-only
	// mention (局本级支出预算比上年减少120万元).
	Amount *quantity.Quantity
	// Prior is the previous amount, stated or derived from Amount and the
	// change's amount; nil when unknown.
	Prior     *decimal.Decimal
	Change    *Change
	Reason    string
	Parent    int // index of the total this fact is a part of, in the same slice; -1 for none
	Dimension string
	Section   string
	Loc       extract.Loc

	// Where the mention is: the logical line (Page and Item index
	// normalize.Text.Pages and Page.Items) and the view offsets
	// [Start, End) of the mention in Line.Text.
	Page, Item int
	Line       *normalize.Line
	Start, End int
}

// Change is a year-over-year change with the quantities as written.
type Change struct {
	Direction string // schema's "increase", "decrease" or "flat"
	Base      string
	// Amount, Percent and Points are the change's quantities as written,
	// unsigned as the text writes them after a direction word; nil when
	// not stated. Value, PercentValue and PointsValue give them signed.
	Amount, Percent, Points *quantity.Quantity
	// Text is the change clause as written: Line.OrigSpan(Start, End),
	// trimmed. The clause may sit on another line than the amount.
	Text       string
	Line       *normalize.Line
	Start, End int
}

// signed returns the value of q with the sign of the direction: a decrease
// written as 减少200万元 is −200万元.
func (c *Change) signed(q *quantity.Quantity) *decimal.Decimal {
	if q == nil {
		return nil
	}
	v := q.Value
	if c.Direction == dirDown && v.Sign() > 0 {
		v = v.Neg()
	}
	return &v
}

// Value is the signed change amount, nil when not stated.
func (c *Change) Value() *decimal.Decimal { return c.signed(c.Amount) }

// PercentValue is the signed percent, nil when not stated.
func (c *Change) PercentValue() *decimal.Decimal { return c.signed(c.Percent) }

// PointsValue is the signed change in percentage points, nil when not stated.
func (c *Change) PointsValue() *decimal.Decimal { return c.signed(c.Points) }

// Value is the fact's amount; ok is false for a change-only mention.
func (f *Fact) Value() (v decimal.Decimal, ok bool) {
	if f.Amount == nil {
		return decimal.Zero, false
	}
	return f.Amount.Value, true
}

// Schema writes f in the contract; all is the slice f belongs to, numbered,
// for the ID of its parent.
func (f *Fact) Schema(all []Fact) schema.Fact {
	r := schema.Fact{
		ID: f.ID, Kind: f.Kind, Subject: f.Subject, Entity: f.Entity, Unit: f.Unit, Text: f.Text, Approx: f.Approx,
		Reason: f.Reason, Dimension: f.Dimension, Section: f.Section, Loc: f.Loc,
	}
	if f.Amount != nil {
		r.Value = f.Amount.Value.String()
	}
	if f.Prior != nil {
		r.Prior = f.Prior.String()
	}
	if c := f.Change; c != nil {
		r.Change = &schema.Change{Direction: c.Direction, Base: c.Base, Text: c.Text,
			Value: decimalString(c.Value()), Percent: decimalString(c.PercentValue()), Points: decimalString(c.PointsValue())}
	}
	if f.Parent >= 0 && f.Parent < len(all) {
		r.Parent = all[f.Parent].ID
	}
	return r
}

func decimalString(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// Schema writes numbered facts in the contract.
func Schema(fs []Fact) []schema.Fact {
	if len(fs) == 0 {
		return nil
	}
	out := make([]schema.Fact, len(fs))
	for i := range fs {
		out[i] = fs[i].Schema(fs)
	}
	return out
}

// changeText is the change clause of c as written.
func changeText(l *normalize.Line, start, end int) string {
	return strings.TrimSpace(l.OrigSpan(start, end))
}

// Number gives the facts the IDs f{first}, f{first+1} … in order.
func Number(fs []Fact, first int) {
	for i := range fs {
		fs[i].ID = "f" + strconv.Itoa(first+i)
	}
}
