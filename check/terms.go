package check

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/lexicon"
	"github.com/budgetdoc/budgetdoc/nlp/spell"
	"github.com/budgetdoc/budgetdoc/schema"
)

// The term rules: thin adapters over the classification lexicon (package
// lexicon) and the spelling check (package nlp/spell).

// CodeNameMismatch reports 科目编码与名称不符.
var CodeNameMismatch = &Rule{
	ID:       "code-name-mismatch",
	Doc:      "a table row's 科目名称 is another code's name or one character off its code's name (30204 电费 → 手续费)",
	Severity: Warning,
	Why:      "a table row whose 科目编码 is printed with a name that belongs to another code of the same classification and level (30204 电费, where 电费 is 30206 and 30204 is 手续费), or with a name one character away from the code's name as attested in the lexicon (30211 差族费 for 差旅费). Tables are filled from templates and pasted rows; a shifted name column or a slip in a name makes the table say something else than the ledger. The lexicon (harvested from published tables, see lexicon/) knows each code's names by year and how many documents attest them; only names attested in at least two documents are used, so that a single document's slip never becomes the reference.",
	Example:  "30204 | 电费 | 1.20 → 科目编码30204的名称应为“手续费”，“电费”是30206的名称.",
	Since:    "v0.2.0",
	Run:      runCodeNameMismatch,
}

// TermTypo reports 科目名称错字.
var TermTypo = &Rule{
	ID:       "term-typo",
	Doc:      "a classification name in the text one (confusable) character off a lexicon name: 一般公共服物支出 → 一般公共服务支出",
	Severity: Warning,
	Why:      "running text with a 科目/经济分类 name one character away from a name of the lexicon (at least five characters, attested in two or more documents), where the two differing characters are confusable (same or similar sound, similar shape, or a pair seen in ECSpell's 公文 data): 一般公共服物支出 → 一般公共服务支出. These names are copied by hand into the 情况说明; a wrong character in a name is a misstatement of the classification that readers notice first. The end characters are never changed (the window would be a different phrase), and a window that is itself a known name is not reported.",
	Example:  "一般公共服物支出100万元 → “服物”应为“服务”（一般公共服务支出）.",
	Since:    "v0.2.0",
	Run:      runTermTypo,
}

// Typo reports 疑似错别字.
var Typo = &Rule{
	ID:       "typo",
	Doc:      "a probable misspelling in prose, with the correction: 社区事物 → 社区事务, 建筑里面 → 建筑立面",
	Severity: Info,
	Why:      "a character in running prose that is probably a slip for a confusable character: replacing it completes a longer known word or phrase that the text as written does not form, and the clause becomes clearly more probable under jieba's word frequencies. The suggestion is given. Severity info; warning when the score is high. published disclosures carry misspellings (社区事物 for 社区事务, 建筑 里面 for 建筑立面) that no other rule sees. Precision comes first: a character is only suspected when the correction forms a longer word, so real-word errors of equal length (资金 for 奖金) are not found, and a sentence that still reads as doubtful after the correction (another candidate slip) is not reported at all. Measured on ECSpell's 公文 split with `make bench-typos` (README, \"Spelling check\").",
	Example:  "建成后作为万里街道社区事物受理 → “物”疑为“务”（社区事务）.",
	Since:    "v0.2.0",
	Run:      runTypo,
}

// termData loads the lexicon and the spelling model once per process; a
// failure (which the package tests rule out for the embedded data) leaves
// the rules silent rather than failing the check.
var termData = sync.OnceValues(func() (*lexicon.Lexicon, *spell.Model) {
	lex, err := lexicon.Default()
	if err != nil {
		lex = nil
	}
	m, err := spell.Default()
	if err != nil {
		m = nil
	}
	return lex, m
})

// WarmUp loads the lexicon and the spelling model (about 0.05 s of CPU
// from the model's snapshot, 0.2 s the first time on a machine)
// if they are not loaded yet; a caller that reads documents first can run
// it in the background.
func WarmUp() { termData() }

func runCodeNameMismatch(p *Pass) {
	lex, _ := termData()
	if lex == nil {
		return
	}
	for _, t := range tablesOf(p) {
		for _, r := range t.Body {
			if lexicon.RowCode(r) == "" || r.Label == "" {
				continue
			}
			prob, ok := lex.CheckName(r.Code, r.Label)
			if !ok {
				continue
			}
			// The evidence is the name cell as printed (the code is in the
			// message): text that stands on the page as one piece.
			loc, evidence := schema.Loc{}, r.Label
			for _, c := range r.Cells {
				if lexicon.CleanName(c.Text) == lexicon.CleanName(r.Label) {
					loc, evidence = c.Loc, c.Text
					break
				}
			}
			if loc.Page == 0 && len(r.Cells) > 0 {
				loc = r.Cells[0].Loc
			}
			var msg string
			if prob.OtherCode != "" {
				msg = fmt.Sprintf("%s: 科目编码%s的名称应为“%s”，“%s”是%s的名称 / code %s is %s; %s is the name of %s",
					tableName(t), r.Code, prob.Want, r.Label, prob.OtherCode, r.Code, prob.Want, r.Label, prob.OtherCode)
			} else {
				msg = fmt.Sprintf("%s: 科目编码%s的名称“%s”疑有错字，应为“%s” / code %s is named %s",
					tableName(t), r.Code, r.Label, prob.Want, r.Code, prob.Want)
			}
			p.Report(schema.Finding{Message: msg, Evidence: evidence, Loc: loc})
		}
	}
}

func runTermTypo(p *Pass) {
	lex, m := termData()
	if lex == nil || m == nil {
		return
	}
	for _, l := range p.Prose() {
		for _, nm := range lex.NearMisses(l.Text) {
			w, n := []rune(nm.Written), []rune(nm.Name)
			if m.Confusable(w[nm.At], n[nm.At]) == spell.NoKind {
				continue
			}
			p.ReportSpan(l.Line, nm.Start, nm.End, fmt.Sprintf("疑似科目名称错字：“%s”应为“%s” / %s should read %s",
				nm.Written, nm.Name, nm.Written, nm.Name))
		}
	}
}

// proseMinWord: in published prose only corrections that complete a word
// of three or more characters are reported (see spell.Options).
const proseMinWord = 3

func runTypo(p *Pass) {
	_, m := termData()
	if m == nil {
		return
	}
	var all strings.Builder
	for _, l := range p.Lines() {
		all.WriteString(l.Text)
		all.WriteByte('\n')
	}
	doc := all.String()
	for _, l := range p.Prose() {
		for _, s := range m.CheckWith(l.Text, spell.Options{MinWord: proseMinWord, Prose: true}) {
			sev := Info
			if s.High {
				sev = Warning
			}
			a, b := wordAround(l.Text, s)
			if strings.Count(doc, l.Text[a:b]) > 1 {
				continue // written the same way elsewhere: a term of the document, not a slip
			}
			p.ReportSpanSeverity(l.Line, s.Start, s.End, sev, fmt.Sprintf("疑似错别字：“%s”中的“%s”应为“%s”（%s）/ possible typo: %s → %s",
				l.Text[a:b], s.Wrong, s.Right, s.Word, s.Wrong, s.Right))
		}
	}
}

// wordAround returns the view bytes of the written form of the word the
// suggestion completes (社区事物 for 社区事务).
func wordAround(text string, s spell.Suggestion) (int, int) {
	word := []rune(s.Word)
	right, _ := utf8.DecodeRuneInString(s.Right)
	at := -1
	for i, r := range word {
		if r == right {
			at = i
			break
		}
	}
	a, b := s.Start, s.End
	for k := 0; k < at && a > 0; k++ {
		_, w := utf8.DecodeLastRuneInString(text[:a])
		a -= w
	}
	for k := at + 1; k < len(word) && b < len(text); k++ {
		_, w := utf8.DecodeRuneInString(text[b:])
		b += w
	}
	return a, b
}

// renaming is a classification name a reform replaced.
type renaming struct {
	old, now string
	since    int
}

// renamedTerms returns the renames of the lexicon: those its tables show
// (a code printed with one name up to a year and another since) and the
// official ones it lists in data/renames.tsv.
var renamedTerms = sync.OnceValue(func() []renaming {
	lex, _ := termData()
	if lex == nil {
		return nil
	}
	var out []renaming
	for _, r := range lex.AllRenames() {
		out = append(out, renaming{r.Old, r.New, r.Since})
	}
	return out
})
