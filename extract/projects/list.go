package projects

import (
	"strings"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/nlp/quantity"
)

// ListItem is one indicator found in a prose list, with byte offsets into
// the parsed text so that the caller can map it back to the page.
type ListItem struct {
	Group    string // 产出指标/效益指标/满意度指标/成本指标, stated or implied
	Category string // as written: 数量指标, 社会效益指标 …
	Name     string
	Target   string
	// NameStart/NameEnd and TargetStart/TargetEnd locate Name and Target in
	// the parsed text (Target offsets are equal when there is no target).
	NameStart, NameEnd     int
	TargetStart, TargetEnd int
}

// maxCategoryRunes bounds an unknown label before `指标：`; longer runs of
// Han characters are prose (`…完成经济指标：`) rather than a category.
// Known categories may be longer (社会公众或服务对象满意度指标): up to
// maxKnownCategoryRunes.
const (
	maxCategoryRunes      = 9
	maxKnownCategoryRunes = 14
)

// ParseList reads the performance indicators written as prose lists in s:
// `数量指标：办理案件数≥120件；培训人次≥300人次。质量指标：…`. Items are
// separated by ；/; (and 、 is kept inside names); a list ends at 。, at a line
// break or at the next category label. A stated first-level group
// (`产出指标：数量指标：…`) applies until the next one; otherwise the group is
// implied by the category. s is the parsing view (full-width punctuation
// folded), with '\n' where a new list item or paragraph starts.
func ParseList(s string) []ListItem {
	var out []ListItem
	stated := ""
	pos := 0
	for {
		ls, le, cat := nextLabel(s, pos)
		if ls < 0 {
			return out
		}
		if groups[cat] {
			// A group label directly followed by a category label only
			// states the group.
			if ns, _, _ := nextLabel(s, le); ns >= 0 && strings.TrimSpace(s[le:ns]) == "" {
				stated = cat
				pos = le
				continue
			}
		}
		group := groupOf[cat] // implied by the category
		if group == "" {
			group = stated
		}
		// The list runs to 。, a line break or the next label; a label that
		// ends its line heads items written one to a line, which run to the
		// next label or the first line of prose.
		end := len(s)
		if ns, _, _ := nextLabel(s, le); ns >= 0 {
			end = ns
		}
		if i := strings.IndexAny(s[le:end], "。\n"); i >= 0 {
			if strings.TrimSpace(s[le:le+i]) == "" && s[le+i] == '\n' {
				end = itemLinesEnd(s, le+i, end)
			} else {
				end = le + i
			}
		}
		start := le
		for i := le; i <= end; {
			r, n := utf8.DecodeRuneInString(s[i:])
			if i == end || r == '；' || r == ';' || r == '\n' {
				if it, ok := parseItem(s, start, i); ok {
					it.Group, it.Category = group, cat
					out = append(out, it)
				}
				if i == end {
					break
				}
				start = i + n
			}
			i += max(n, 1)
		}
		pos = end
		if pos >= len(s) {
			return out
		}
	}
}

// itemLinesEnd returns where a list of items written one to a line ends:
// the lines from nl (a line break) up to limit, stopping before the first
// line that reads as prose — one with a clause comma, a full stop before
// its end, or longer than an indicator is written.
func itemLinesEnd(s string, nl, limit int) int {
	end := nl
	for i := nl; i < limit; {
		j := strings.IndexByte(s[i+1:limit], '\n')
		next := limit
		if j >= 0 {
			next = i + 1 + j
		}
		if !looksLikeItem(strings.TrimSpace(s[i+1 : next])) {
			break
		}
		end = next
		i = next
	}
	return end
}

// looksLikeItem reports whether a line can be one indicator of a list
// written one to a line: no clause comma, no full stop before its end, not
// longer than an indicator is written.
func looksLikeItem(l string) bool {
	body := strings.TrimSuffix(strings.TrimSuffix(l, "。"), "；")
	return !strings.ContainsAny(body, "，,。") && utf8.RuneCountInString(l) <= maxItemRunes
}

// maxItemRunes is the longest line read as one indicator of a list written
// one to a line.
const maxItemRunes = 40

// nextLabel finds the next `X指标：` label at or after pos and returns the
// label's start, the offset after its colon, and the category.
func nextLabel(s string, pos int) (int, int, string) {
	for {
		i := strings.Index(s[pos:], "指标")
		if i < 0 {
			return -1, -1, ""
		}
		k := pos + i + len("指标")
		colon := 0
		if strings.HasPrefix(s[k:], "：") {
			colon = len("：")
		} else if strings.HasPrefix(s[k:], ":") {
			colon = 1
		}
		if colon == 0 {
			pos = k
			continue
		}
		// Walk back over Han characters to the label's start.
		st := pos + i
		n := 0
		for st > 0 && n <= maxKnownCategoryRunes {
			r, sz := utf8.DecodeLastRuneInString(s[:st])
			if !isHan(r) {
				break
			}
			st -= sz
			n++
		}
		cat := s[st:k]
		if _, ok := groupOf[cat]; !ok {
			// Known categories may follow a word (`其中数量指标：`): take the
			// longest known suffix.
			cat = knownSuffix(cat)
			if cat == "" {
				if n > maxCategoryRunes || n == 0 {
					pos = k
					continue
				}
				cat = s[st:k]
			}
			st = k - len(cat)
		}
		return st, k + colon, cat
	}
}

func knownSuffix(s string) string {
	for i := range s {
		if _, ok := groupOf[s[i:]]; ok {
			return s[i:]
		}
	}
	return ""
}

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF
}

// comparators introduce a target inside an item, longest first.
var comparators = []string{"不低于", "不少于", "不高于", "不超过", "不多于", "不大于", "不小于", "控制在",
	"≥", "≤", ">=", "<=", "≧", "≦", ">", "<", "=", "达到", "高于", "低于", "大于", "小于"}

// parseItem splits s[start:end] into name and target.
func parseItem(s string, start, end int) (ListItem, bool) {
	start, end = trimSpan(s, start, end)
	if start >= end {
		return ListItem{}, false
	}
	item := s[start:end]
	cut := -1
	for _, c := range comparators {
		if i := strings.Index(item, c); i > 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	if cut < 0 {
		if i := strings.IndexAny(item, "：:"); i > 0 {
			name, target := start+i, start+i+len(string([]rune(item[i:])[0]))
			ns, ne := trimSpan(s, start, name)
			ts, te := trimSpan(s, target, end)
			return ListItem{Name: s[ns:ne], Target: s[ts:te], NameStart: ns, NameEnd: ne, TargetStart: ts, TargetEnd: te}, ne > ns
		}
		// A trailing quantity is the target: 系统正常运行月数12个月.
		qs := quantity.Scan(item, quantity.Options{})
		if len(qs) > 0 {
			q := qs[len(qs)-1]
			if q.End == len(item) && q.Start > 0 {
				cut = q.Start
			}
		}
	}
	if cut < 0 {
		return ListItem{Name: item, NameStart: start, NameEnd: end, TargetStart: end, TargetEnd: end}, true
	}
	ns, ne := trimSpan(s, start, start+cut)
	ts, te := trimSpan(s, start+cut, end)
	if ne <= ns {
		return ListItem{}, false
	}
	return ListItem{Name: s[ns:ne], Target: s[ts:te], NameStart: ns, NameEnd: ne, TargetStart: ts, TargetEnd: te}, true
}

// trimSpan narrows [start, end) past spaces and stray separators.
func trimSpan(s string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(s[start:end])
		if !strings.ContainsRune(" \t\u3000\n，,、", r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !strings.ContainsRune(" \t\u3000\n，,、。：:", r) {
			break
		}
		end -= n
	}
	return start, end
}
