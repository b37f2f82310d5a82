package check

import (
	"fmt"
	"strings"

	"github.com/budgetdoc/budgetdoc/internal/rx"

	"github.com/budgetdoc/budgetdoc/extract/outline"
	"github.com/budgetdoc/budgetdoc/extract/pipeline"
	"github.com/budgetdoc/budgetdoc/schema"
)

// MissingSection finds sections and tables that the document's profile
// requires but that are absent, and required tables that are empty without
// saying so.
var MissingSection = &Rule{
	ID:       "missing-section",
	Doc:      "a section or table the disclosure profile requires is absent, or an empty table carries no statement that it is empty",
	Severity: Warning,
	Why:      "Disclosure rules require each document kind (部门/单位 预算/决算) to carry certain tables and sections; a missing one is a compliance problem, and an empty table must say why it is empty. Profiles are chosen from the document's metadata (or --profile) and name what they require. A document with pages whose text layer is unusable is not judged: what seems missing may be on them.",
	Example:  "a 2024 Shanghai district final account without its 支出决算表, or with an empty 三公经费 table that gives no reason",
	Since:    "v0.1.0",
	Run:      runMissingSection,
}

// Profile is what one kind of disclosure must contain.
type Profile struct {
	Name string
	Doc  string
	// Tables are matched against title lines: the line without its
	// number, year and 部门/单位 prefix must equal one of the names.
	Tables []Requirement
	// Sections are matched anywhere in the running text.
	Sections []Requirement
}

// Requirement is one required table or section.
type Requirement struct {
	Name string   // as shown to the clerk
	Any  []string // accepted spellings (spaces removed, quotes folded to ")
}

func req(name string, any ...string) Requirement {
	if len(any) == 0 {
		any = []string{name}
	}
	return Requirement{Name: name, Any: any}
}

// The Shanghai district disclosures follow the city's templates: nine
// budget tables (部门 and 单位 alike) or nine final-accounts tables.
var shanghaiBudgetTables = []Requirement{
	req("财务收支预算总表"),
	req("收入预算总表"),
	req("支出预算总表"),
	req("财政拨款收支预算总表"),
	req("一般公共预算支出功能分类预算表"),
	req("政府性基金预算支出功能分类预算表"),
	req("国有资本经营预算支出功能分类预算表"),
	req("一般公共预算基本支出部门预算经济分类预算表", "一般公共预算基本支出部门预算经济分类预算表", "一般公共预算基本支出经济分类预算表"),
	req(`"三公"经费和机关运行经费预算表`, `"三公"经费和机关运行经费预算表`, `三公经费和机关运行经费预算表`),
}

var shanghaiFinalTables = []Requirement{
	req("收入支出决算总表"),
	req("收入决算表"),
	req("支出决算表"),
	req("财政拨款收入支出决算总表"),
	req("一般公共预算财政拨款支出决算表"),
	req("一般公共预算财政拨款基本支出决算表"),
	req(`财政拨款"三公"经费支出决算表`, `财政拨款"三公"经费支出决算表`, `"三公"经费支出决算表`),
	req("政府性基金预算财政拨款收入支出决算表"),
	req("国有资本经营预算财政拨款收入支出决算表"),
}

// genericSections are what every 预算/决算 disclosure has had since the
// 2016 rules on 预决算公开: the three public expenses, running costs and
// procurement. Other sections vary too much between provinces and years.
var genericSections = []Requirement{
	req(`"三公"经费`, `"三公"经费`, "三公经费"),
	req("机关运行经费"),
	req("政府采购"),
}

var shanghaiSections = []Requirement{
	req("主要职能", "主要职能", "主要职责"),
	req("机构设置", "机构设置", "单位构成", "机构情况"),
	req(`"三公"经费`, `"三公"经费`, "三公经费"),
	req("机关运行经费"),
	req("政府采购"),
	req("国有资产占有使用情况", "国有资产"),
	req("绩效", "绩效"),
	req("名词解释"),
}

// Profiles are the known disclosure profiles by name.
var Profiles = []*Profile{
	{Name: "shanghai-district-budget", Doc: "上海市区级部门/单位预算：九张预算表及情况说明", Tables: shanghaiBudgetTables,
		Sections: append(append([]Requirement{}, shanghaiSections...), req("预算编制说明", "预算编制说明"))},
	{Name: "shanghai-district-final", Doc: "上海市区级部门决算：九张决算表及情况说明", Tables: shanghaiFinalTables, Sections: shanghaiSections},
	{Name: "dept-budget", Doc: "部门预算（通用）：三公经费、机关运行经费、政府采购", Sections: genericSections},
	{Name: "unit-budget", Doc: "单位预算（通用）：三公经费、机关运行经费、政府采购", Sections: genericSections},
	{Name: "dept-final", Doc: "部门决算（通用）：三公经费、机关运行经费、政府采购", Sections: genericSections},
}

var shanghaiDistrictRE = rx.MustCompile(`上海市\p{Han}{1,4}区|区级(?:部门|单位)`)

// SelectProfile returns the named profile, the one detected from the
// metadata when name is empty, or nil for "none" and for documents no
// profile fits (unknown kind, tables-only companion files).
func SelectProfile(name string, res *pipeline.Result) (*Profile, error) {
	switch name {
	case "none":
		return nil, nil
	case "":
	default:
		for _, p := range Profiles {
			if p.Name == name {
				return p, nil
			}
		}
		names := make([]string, len(Profiles))
		for i, p := range Profiles {
			names[i] = p.Name
		}
		return nil, fmt.Errorf("unknown profile %q (known: %s, none)", name, strings.Join(names, ", "))
	}
	m := res.Out.Meta
	if m.FiscalYear == 0 || m.Kind == "" {
		return nil, nil // a tables-only companion or an unrecognised document
	}
	if m.Scope == schema.ScopeGovernment {
		// A government's budget or final-accounts report answers to the
		// budget law, not to the department templates: 机关运行经费 and
		// 政府采购 are sections of department disclosures only, and no
		// template fixes what a government report must contain.
		return nil, nil
	}
	district := shanghaiDistrictRE.MatchString(m.Title + " " + m.Organization)
	switch {
	case district && m.Kind == schema.KindBudget:
		return Profiles[0], nil
	case district && m.Kind == schema.KindFinalAccounts && m.Scope == schema.ScopeDepartment:
		return Profiles[1], nil
	case m.Kind == schema.KindBudget && m.Scope == schema.ScopeUnit:
		return Profiles[3], nil
	case m.Kind == schema.KindBudget:
		return Profiles[2], nil
	case m.Kind == schema.KindFinalAccounts:
		return Profiles[4], nil
	}
	return nil, nil
}

// titlePrefixRE strips what precedes a table's name in its title: a list
// number, the organisation and year, 部门/预算单位/单位.
var titlePrefixRE = rx.MustCompile(`^(?:[0-9]+[.、]|[一二三四五六七八九十]+、)?(?:.*?\d{4}年度?)?(?:区级)?(?:部门|预算单位|单位)?`)

// squeeze removes spaces and folds curly quotes for matching.
func squeeze(s string) string {
	s = strings.NewReplacer(" ", "", "\t", "", "\u3000", "", "“", `"`, "”", `"`).Replace(s)
	return s
}

func runMissingSection(p *Pass) {
	prof := p.Profile
	if prof == nil || len(p.Result.Unusable) > 0 {
		return // a section may be on a page that cannot be read (unusable-text-layer says so)
	}
	found := map[string]*TextLine{}
	var all strings.Builder
	lines := p.Lines()
	for k := range lines {
		l := &lines[k]
		if p.inTOC(*l) {
			continue
		}
		t := squeeze(l.Text)
		all.WriteString(t)
		all.WriteByte('\n')
		if _, _, numbered := outline.ParseMarker(l.Orig); numbered || listEntryRE.MatchString(l.Orig) {
			continue // a list of the tables, not a table's own title
		}
		name := titlePrefixRE.ReplaceAllString(t, "")
		for _, r := range prof.Tables {
			for _, a := range r.Any {
				if name == a && found[r.Name] == nil {
					found[r.Name] = l
				}
			}
		}
	}
	text := all.String()
	var missing []string
	for _, r := range prof.Tables {
		if found[r.Name] == nil && !titledInline(text, r) {
			missing = append(missing, r.Name)
		}
	}
	for _, r := range prof.Sections {
		ok := false
		for _, a := range r.Any {
			if strings.Contains(text, a) {
				ok = true
				break
			}
		}
		if !ok {
			missing = append(missing, r.Name)
		}
	}
	for _, name := range missing {
		p.Report(schema.Finding{
			Message:  fmt.Sprintf("缺少必备内容“%s”（按%s模板要求）/ required section or table missing (profile %s)", name, prof.Doc, prof.Name),
			Evidence: "（未找到）" + name,
			Loc:      schema.Loc{Page: 1, Line: 1},
		})
	}
	for _, r := range prof.Tables {
		if l := found[r.Name]; l != nil && tableLooksEmpty(p, l) {
			p.ReportSpan(l.Line, 0, len(l.Text), fmt.Sprintf("“%s”为空表，但没有注明原因（如“本部门无…，故本表为空表”）/ empty table without a statement", r.Name))
		}
	}
}

// listEntryRE matches an entry of a list of tables: `9.2025年单位…表`.
var listEntryRE = rx.MustCompile(`^\s*\d{1,2}\s*[.．、]`)

// titledInline reports whether a table's title appears inside a longer
// line after its year (`…合计 72,626,134 2026年预算单位…预算表`), which
// happens when page text was flattened; such a table is present.
func titledInline(text string, r Requirement) bool {
	for _, a := range r.Any {
		for _, pre := range []string{"年部门", "年预算单位", "年单位", "年度"} {
			for off := 0; ; {
				i := strings.Index(text[off:], pre+a)
				if i < 0 {
					break
				}
				i += off
				line := text[strings.LastIndexByte(text[:i], '\n')+1:]
				if j := strings.IndexByte(line, '\n'); j >= 0 {
					line = line[:j]
				}
				if !listEntryRE.MatchString(line) {
					return true
				}
				off = i + 1
			}
		}
	}
	return false
}

var amountRE = rx.MustCompile(`\d[\d,]*\.\d\d|\d{3,}`)
var emptyNoteRE = rx.MustCompile(`空表|无数据|本表无|无此项|不涉及|无.{0,20}(?:预算|决算|收入|支出|经费)|为0|为零`)

// tableLooksEmpty reports whether the lines after a table title, up to the
// next title or two pages on, hold no amount and no statement that the
// table is empty.
func tableLooksEmpty(p *Pass, title *TextLine) bool {
	pages := p.Result.Text.Pages
	sawAny := false
	for pi := title.Page; pi < len(pages) && pi <= title.Page+1; pi++ {
		start := 0
		if pi == title.Page {
			start = title.Item + 1
		}
		for ii := start; ii < len(pages[pi].Items); ii++ {
			it := pages[pi].Items[ii]
			var t string
			switch {
			case it.Line != nil:
				t = it.Line.Text
			case it.Table != nil:
				t = it.Table.Text()
			}
			if it.Line != nil && looksLikeTableTitle(it.Line) {
				return !sawAny
			}
			if amountRE.MatchString(t) || emptyNoteRE.MatchString(t) {
				sawAny = true
			}
		}
		if sawAny {
			return false
		}
	}
	return !sawAny
}
