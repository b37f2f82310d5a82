// Package quantity finds the quantities in Chinese budget text — money,
// percentages, percentage points, counts and plain numbers — each with its
// exact byte span and an exact decimal value.
//
// The scanner works on text as extracted from documents: it folds full-width
// digits and punctuation itself (３３．２％, １，２３４．５万元), tolerates the
// stray spaces that PDF extraction leaves inside amounts (1 ,234.5万元,
// 307.82 万元), reads Chinese numerals (一千零二十万元, 三点五亿元) and the
// financial uppercase of cheques (壹拾贰万叁仟肆佰元整), and refuses the
// numbers that are not quantities: dates and years, document numbers
// (财预〔2021〕101号), heading numbers ((一), 1., 1）, 一、), classification
// codes (2080501 行政运行), ordinals (第一部分), telephone numbers, URLs.
//
// Values are shopspring/decimal values, never floats. Money is in the
// currency's base unit (yuan for CNY), percentages are the number written
// before the % sign. The direction words around a quantity (增加, 减少, 下降)
// are left to the extraction stage; only a written sign (-, 负) makes a value
// negative.
package quantity

import (
	"github.com/shopspring/decimal"
)

// Kind says what a Quantity measures.
type Kind uint8

// The kinds of quantity. The zero Kind is invalid.
const (
	_ Kind = iota
	// Money is an amount of a currency; Value is in the base unit (yuan).
	Money
	// Percent is a percentage (33.2%, 百分之五, 千分之二); Value is in percent.
	Percent
	// PercentPoint is a difference of percentages (1.5个百分点).
	PercentPoint
	// Count is a number with a measure word (181人, 3辆, 12个月); Unit holds the word.
	Count
	// Number is a plain number without unit (2.3, 一百五十, 1600万).
	Number
)

// String returns the kind's name as used in reports: money, percent,
// percentage_point, count, number.
func (k Kind) String() string {
	switch k {
	case Money:
		return "money"
	case Percent:
		return "percent"
	case PercentPoint:
		return "percentage_point"
	case Count:
		return "count"
	case Number:
		return "number"
	}
	return "invalid"
}

// Quantity is one quantity found in a text.
type Quantity struct {
	Kind Kind
	// Start and End are byte offsets into the scanned text; Text is
	// text[Start:End]. The span covers a written sign (-, 负), a currency
	// prefix (人民币, ￥), the number, inner approximation (三百余万元), the unit
	// and, for money, 角/分 and 整; it leaves out approximation words written
	// around the number (约, 近, 左右, 以上).
	Start, End int
	Text       string
	// Value is exact. Money is in the currency's base unit (yuan for CNY, so
	// 1234.56万元 → 12345600). Percent is the number before %: 33.2% → 33.2;
	// permille and permyriad are converted to percent (千分之2.4 → 0.24,
	// 3‰ → 0.3, 5‱ → 0.05). PercentPoint is the number of points. Count and
	// Number are the written number with its magnitude (1.2万人 → 12000).
	Value decimal.Decimal
	// Unit is the ISO 4217 code for money ("CNY", "USD" …), "%" for Percent,
	// "个百分点" for PercentPoint, the measure word for Count ("人", "个月",
	// "平方米") and "" for Number.
	Unit string
	// Scale is the magnitude and currency word the money amount is written in,
	// normalised to simplified characters: "元", "千元", "万元", "亿元",
	// "万亿元" for yuan (元, 圆, 块 and 人民币 all count as 元); the magnitude
	// followed by the currency word for others ("亿美元"). Empty for non-money.
	// A magnitude that is part of the number (3万5千元) gives "元".
	Scale string
	// Approx is set when the text marks the value as approximate or as a
	// bound: 约, 近, 将近, 逾, 超过 before it; 余, 多 inside it (三百余万元);
	// 左右, 以上, 以下, 以内, 上下 after it. The value stays the written number.
	Approx bool
	// Negative is set when the value is written with a minus sign or 负.
	Negative bool
	// FromContext is set when Kind or Scale come from outside Text: a bare
	// number made money by Options.DefaultScale, or a bare 万/亿 amount made
	// money by its label (资金总额：120万). Scanning Text alone then gives a
	// Number (or, with DefaultScale, the same Money) with the same Value.
	FromContext bool
}

// Options tune Scan.
type Options struct {
	// DefaultScale is the unit of a table whose caption says 单位：万元 (one
	// of "元", "千元", "万元", "亿元", "万亿元"; anything else is ignored).
	// Bare Arabic numbers — no unit, no magnitude, not a code, year or heading
	// number — then become CNY money in that scale, marked FromContext.
	DefaultScale string
}
