package eval

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/schema"
)

// Headline is one headline figure a research user recorded for a document
// (../shared/corpus/govwide/HEADLINES.csv): the figure's name
// (一般公共预算收入) and its value in 亿元, for the whole jurisdiction.
type Headline struct {
	File   string
	City   string
	Year   string
	Figure string
	Value  decimal.Decimal // yuan
	Text   string          // the value as recorded, in 亿元
}

// LoadHeadlines reads a headline CSV with the columns
// file,city,year,figure,value_yi_yuan.
func LoadHeadlines(path string) ([]Headline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	hs, err := ParseHeadlines(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return hs, nil
}

// ParseHeadlines decodes headline rows (see LoadHeadlines).
func ParseHeadlines(r io.Reader) ([]Headline, error) {
	cr := csv.NewReader(r)
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, err
	}
	want := []string{"file", "city", "year", "figure", "value_yi_yuan"}
	if len(rows) == 0 || strings.Join(rows[0], ",") != strings.Join(want, ",") {
		return nil, fmt.Errorf("header must be %s", strings.Join(want, ","))
	}
	var out []Headline
	for i, row := range rows[1:] {
		v, ok := parseDecimal(row[4])
		if !ok || row[0] == "" || row[3] == "" {
			return nil, fmt.Errorf("row %d: bad value %q or empty file/figure", i+2, row[4])
		}
		out = append(out, Headline{File: row[0], City: row[1], Year: row[2], Figure: row[3],
			Value: v.Shift(8), Text: row[4]})
	}
	return out, nil
}

// HeadlineResult says how a document's facts answer one headline.
type HeadlineResult struct {
	// Value: a money fact has the headline's value.
	Value bool
	// Named: one of those facts has a subject that names the figure for the
	// whole jurisdiction (NamesHeadline).
	Named bool
	// Scoped: and that subject says so with a jurisdiction-wide scope word
	// (全市一般公共预算收入), not only by the figure's name.
	Scoped bool
	// Subjects are the subjects of the facts with the value, for reports.
	Subjects []string
}

// MatchHeadline looks for the headline among the money facts of doc
// (prose and table cells alike). A fact has the headline's value when its
// value in 亿元, rounded half away from zero to the decimals the headline
// was recorded with, equals it: the project recorded 2579145万元 as 257.91.
func MatchHeadline(h Headline, doc *schema.Document) HeadlineResult {
	var r HeadlineResult
	places := int32(0)
	if _, frac, ok := strings.Cut(h.Text, "."); ok {
		places = int32(len(frac))
	}
	want := h.Value.Shift(-8)
	for _, f := range doc.Facts {
		if f.Kind != "money" || f.Value == "" {
			continue
		}
		v, ok := parseDecimal(f.Value)
		if !ok || !v.Shift(-8).Round(places).Equal(want) {
			continue
		}
		r.Value = true
		r.Subjects = append(r.Subjects, f.Subject)
		named, scoped := NamesHeadline(f.Subject, h.Figure)
		r.Named = r.Named || named
		r.Scoped = r.Scoped || scoped
	}
	return r
}

// jurisdictionScopes are the scope words that say "the whole
// jurisdiction" (全市: the city with its counties and districts).
var jurisdictionScopes = []string{"全市", "全省", "全区", "全州", "全县", "全盟", "全自治区", "全地区"}

// ownLevelScopes name the government's own level only; the headline figures
// are jurisdiction-wide, so a subject with one of these names another
// figure.
var ownLevelScopes = []string{"市本级", "市级", "本级", "省级", "省本级", "州本级", "州级", "区本级", "区级", "县本级", "县级"}

// figureAdjuncts may stand between the scope and the figure, or at the
// subject's ends, without changing which amount is meant: 地方 (全市一般公共预算
// 地方收入 is the local revenue the figure counts), the time words 当年/本年/全年,
// the status words 预计/实际/累计, and 完成(数)/实现/执行(数) left over from a
// predicate (一般公共预算收入完成数). Longer forms first.
var figureAdjuncts = []string{"地方", "当年", "本年", "全年", "预计", "实际", "累计",
	"完成数", "执行数", "完成", "实现", "执行"}

// NamesHeadline decides whether a fact's subject names a headline figure
// (一般公共预算收入, 一般公共预算支出, 政府性基金预算收入) for the whole
// jurisdiction. The rule, strict but fair:
//
//   - normalise (NormalizeSubject) and drop every 预算 from both: 政府性基金收入
//     names 政府性基金预算收入, and 一般公共预算地方收入 becomes 一般公共地方收入;
//   - drop the adjuncts (地方, 当年, 完成 …) and a leading year (2025年);
//   - what remains must be the figure itself, optionally after one
//     jurisdiction-wide scope word (全市 …); a remainder such as 收入总计,
//     中税收收入, 增幅 or an own-level scope (市本级 …) names another amount.
//
// scoped reports that the scope word was there.
func NamesHeadline(subject, figure string) (named, scoped bool) {
	s := stripFigureNoise(subject)
	fig := stripFigureNoise(figure)
	if s == "" || fig == "" {
		return false, false
	}
	for _, w := range ownLevelScopes {
		if strings.HasPrefix(s, w) {
			return false, false
		}
	}
	for _, w := range jurisdictionScopes {
		if rest, ok := strings.CutPrefix(s, w); ok {
			s, scoped = rest, true
			break
		}
	}
	if s != fig {
		return false, false
	}
	return true, scoped
}

func stripFigureNoise(s string) string {
	s = strings.ReplaceAll(NormalizeSubject(s), "预算", "")
	s = stripYear(s)
	for _, a := range figureAdjuncts {
		s = strings.ReplaceAll(s, a, "")
	}
	return s
}

// stripYear removes a leading year (2025年, 2025年度).
func stripYear(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i != 4 {
		return s
	}
	rest := s[i:]
	rest = strings.TrimPrefix(rest, "年度")
	rest = strings.TrimPrefix(rest, "年")
	return rest
}

// EmptySubjects returns the money facts of prose (not table cells) that
// have a value but no subject: issue 12 wants none corpus-wide, since the
// sentence around an amount names what it counts.
func EmptySubjects(doc *schema.Document) []schema.Fact {
	var out []schema.Fact
	for _, f := range doc.Facts {
		if proseMoney(f) && strings.TrimSpace(f.Subject) == "" {
			out = append(out, f)
		}
	}
	return out
}
