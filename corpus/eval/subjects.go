package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/schema"
)

// Subject defects: the ways a prose money fact's subject plainly fails to
// name its amount, found without gold. They measure subjects over a whole
// corpus, where the gold covers a few documents; a subject without a defect
// may still be wrong, so this is a floor on errors, not a score.
const (
	DefectEmpty        = "empty"
	DefectOneCharacter = "one character"
	DefectBareWord     = "a bare word"        // 资金, 收入, 支出 …: a head without the thing
	DefectVerbAlone    = "a verb alone"       // 安排, 拨付 …: what moves the funds, not what they are
	DefectQuote        = "unbalanced quote"   // 补贴”配套资金
	DefectBracket      = "unbalanced bracket" // (含政府债务外贷
	DefectClosingStart = "opens with a closing mark"
	DefectSpaced       = "spaces between characters" // 合    计
)

// SubjectDefects are the defects in the order they are reported.
var SubjectDefects = []string{DefectEmpty, DefectOneCharacter, DefectBareWord, DefectVerbAlone, DefectQuote,
	DefectBracket, DefectClosingStart, DefectSpaced}

// bareWords name no thing on their own; the sentence around them does.
var bareWords = map[string]bool{"资金": true, "收入": true, "支出": true, "数": true, "预算": true, "金额": true,
	"经费": true, "费用": true, "其他": true, "结余": true}

// verbsAlone move or put in funds; alone they do not say which.
var verbsAlone = map[string]bool{"安排": true, "拨付": true, "投入": true, "统筹": true, "下达": true, "筹集": true,
	"筹措": true, "争取": true, "落实": true}

// SubjectDefect returns the defect of subject, or "" when it has none of
// those SubjectDefects lists.
func SubjectDefect(subject string) string {
	s := strings.TrimSpace(subject)
	switch {
	case s == "":
		return DefectEmpty
	case utf8.RuneCountInString(s) == 1:
		return DefectOneCharacter
	case bareWords[s]:
		return DefectBareWord
	case verbsAlone[s]:
		return DefectVerbAlone
	case strings.Count(s, "“") != strings.Count(s, "”"):
		return DefectQuote
	case strings.Count(s, "（")+strings.Count(s, "(") != strings.Count(s, "）")+strings.Count(s, ")"):
		return DefectBracket
	case strings.ContainsRune("）)”」』、，,。；;：:", firstRune(s)):
		return DefectClosingStart
	case spacedHan(s):
		return DefectSpaced
	}
	return ""
}

// DefectiveFact is a prose money fact and the defect of its subject.
type DefectiveFact struct {
	Fact   schema.Fact
	Defect string
}

// DefectiveSubjects returns the money facts of prose (not table cells) with
// a value whose subject has a defect.
func DefectiveSubjects(doc *schema.Document) []DefectiveFact {
	var out []DefectiveFact
	for _, f := range doc.Facts {
		if !proseMoney(f) {
			continue
		}
		if d := SubjectDefect(f.Subject); d != "" {
			out = append(out, DefectiveFact{Fact: f, Defect: d})
		}
	}
	return out
}

// ProseMoneyFacts counts the money facts of prose with a value: what
// DefectiveSubjects reads.
func ProseMoneyFacts(doc *schema.Document) int {
	n := 0
	for _, f := range doc.Facts {
		if proseMoney(f) {
			n++
		}
	}
	return n
}

// proseMoney reports whether f is a money fact of prose (not a table cell)
// with a value: what the corpus-wide subject measures read.
func proseMoney(f schema.Fact) bool {
	return f.Kind == schema.FactMoney && f.Value != "" && f.Table == ""
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// spacedHan reports whether s has white space between two Chinese
// characters.
func spacedHan(s string) bool {
	prev := rune(0)
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case space && unicode.Is(unicode.Han, prev) && unicode.Is(unicode.Han, r):
			return true
		}
		prev, space = r, false
	}
	return false
}
