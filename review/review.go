// Package review turns check findings into what a finance clerk reads while
// revising a draft in Word, WPS or a PDF viewer: severities and column
// names in Chinese (English available), a suggestion per rule, the text of
// an annotation's popup, a stable identity for each finding (so that
// decisions carry over to the next version of a draft) and the findings
// spreadsheet.
//
// The subpackages do the rest of the review workflow: review/annotate
// writes annotated copies of PDF and DOCX drafts, review/store keeps the
// reviewer's decisions, and review/server is the local web page of
// `budgetdoc serve`.
package review

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/budgetdoc/budgetdoc/schema"
)

// Lang selects the language of labels.
type Lang string

// The languages of labels.
const (
	Chinese Lang = "zh"
	English Lang = "en"
)

// ParseLang reads "zh" or "en" (anything else is Chinese, the default).
func ParseLang(s string) Lang {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(s)), "en") {
		return English
	}
	return Chinese
}

// SeverityLabel names a severity for the reader: 错误, 警告, 提示.
func SeverityLabel(sev string, lang Lang) string {
	zh := map[string]string{"error": "错误", "warning": "警告", "info": "提示"}
	en := map[string]string{"error": "Error", "warning": "Warning", "info": "Info"}
	if lang == English {
		if s, ok := en[sev]; ok {
			return s
		}
		return sev
	}
	if s, ok := zh[sev]; ok {
		return s
	}
	return sev
}

// Message returns the message of f in one language. Check messages are
// written "中文说明 / English gloss"; a message with no gloss is returned
// whole in both languages.
func Message(f schema.Finding, lang Lang) string {
	zh, en, ok := strings.Cut(f.Message, " / ")
	if !ok {
		zh, en, ok = strings.Cut(f.Message, "/ ")
	}
	if !ok {
		return strings.TrimSpace(f.Message)
	}
	if lang == English {
		return strings.TrimSpace(en)
	}
	return strings.TrimSpace(zh)
}

// NoteText is the text of the popup note of an annotation or Word comment
// for f: severity and rule, the problem, the text concerned and what to do.
func NoteText(f schema.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "【%s】%s\n", SeverityLabel(f.Severity, Chinese), f.Rule)
	fmt.Fprintf(&b, "问题：%s\n", Message(f, Chinese))
	if f.Evidence != "" {
		fmt.Fprintf(&b, "原文：%s\n", f.Evidence)
	}
	if s := Suggestion(f.Rule, Chinese); s != "" {
		fmt.Fprintf(&b, "建议：%s", s)
	}
	return strings.TrimRight(b.String(), "\n")
}

// ID is a finding's identity across versions of a draft: its rule and the
// evidence as written, not its page or line (which move when text is added
// above it) nor its message (which quotes figures that change when the
// problem is half fixed). Two findings of one rule on identical evidence in
// one document share an ID; Identities numbers them apart.
func ID(f schema.Finding) string {
	h := sha256.Sum256([]byte(f.Rule + "\x00" + strings.Join(strings.Fields(f.Evidence), " ")))
	return hex.EncodeToString(h[:8])
}

// Identities returns the identity of each finding of one document: ID, with
// "-2", "-3" … appended to repeats in document order.
func Identities(fs []schema.Finding) []string {
	seen := map[string]int{}
	out := make([]string, len(fs))
	for i, f := range fs {
		id := ID(f)
		seen[id]++
		if n := seen[id]; n > 1 {
			id = fmt.Sprintf("%s-%d", id, n)
		}
		out[i] = id
	}
	return out
}
