// Package meta finds what a budget disclosure says about itself — title,
// organisation, fiscal year, kind (预算/决算) and scope (部门/单位/政府) — from
// its cover, its title lines and the labelled lines that follow them
// (`预算主管部门：…`, `预算单位：…`, `部门：…`). Government-wide documents
// (government.go) also get the year whose execution they report, what they
// cover (全市/市本级), their jurisdiction and the meeting header above the
// title.
package meta

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/extract/normalize"
	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
	"github.com/budgetdoc/budgetdoc/schema"
)

// coverLines is how many logical lines from the start of the document are
// searched for the title; covers of the corpus use at most five.
const coverLines = 12

var (
	yearRE  = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	kindRE  = regexp.MustCompile(`预算|决算`)
	labelRE = regexp.MustCompile(`^\s*(?:预算主管部门|主管部门|预算单位|决算单位|单位名称|部\s*门|单\s*位)\s*[:：]\s*(\S.*?)\s*$`)
	// The title names the organisation either before the year
	// (江苏省人民检察院2017年部门预算) or after it (2017年度江苏省高级人民法院部门预算公开).
	orgBeforeRE = regexp.MustCompile(`^(?:关于)?(.+?)\s*(?:19|20)\d{2}\s*年`)
	orgAfterRE  = regexp.MustCompile(`(?:19|20)\d{2}\s*年度?\s*(.+?)(?:部门|单位)?(?:预算|决算)`)
	// Words that show a phrase is a level or a programme, not an organisation.
	notOrgRE = regexp.MustCompile(`^(?:[省市区县]级|区级|市级|省级|年度|部门|单位)$|^(?:上海市|江苏省|[^ ]{1,3}[省市区县])$`)
)

// Detect reads the metadata from normalized text; info is the format's own
// metadata (PDF Info, DOCX core properties, HTML <title>) used when the
// text has no title (an image cover).
func Detect(t *normalize.Text, info map[string]string) schema.Meta {
	var m schema.Meta
	lines, headings := firstLines(t, coverLines)
	gl, gh := firstLines(t, govHeadingLines)
	gl = gl[:min(len(gl), govCoverLines)]
	opening, _ := firstLines(t, bodyLines)
	if gm, ok := detectGovernment(gl, gh, opening, info["Title"], namesDepartment(lines, headings)); ok {
		if gm.Jurisdiction == "" {
			// A table of one region's figures (`2025年全市…情况表` over
			// the single row `衡阳市`) is that region's.
			if tb := openingTable(t); tb != nil {
				gm.Jurisdiction = soleRegion(tb)
				if gm.Organization == "" && gm.Jurisdiction != "" {
					gm.Organization = issuer(nil, -1, gm.Jurisdiction)
				}
			}
		}
		if tableTitleYearRE.MatchString(gm.Title) {
			bundleMeta(&gm, tableTitles(t))
		}
		return gm
	}
	title, _ := findTitle(headings)
	lineTitle, rest := findTitle(lines)
	if title == "" {
		title = lineTitle
	}
	body := bodyYear(t)
	if body == 0 {
		body = tableYear(t)
	}
	if title == "" || bareTableName(title) {
		// The format's own title (PDF Info) is often left over from an
		// older file the document was made from: trust it only when its
		// year agrees with the body's. A tables-only file (公开表) whose
		// cover is its first table's name takes it when it has one.
		if it := strings.TrimSpace(info["Title"]); kindRE.MatchString(it) && (title == "" || yearRE.MatchString(it)) {
			if y := yearRE.FindStringSubmatch(it); body == 0 || (y != nil && y[1] == strconv.Itoa(body)) {
				title = it
			}
		}
	}
	m.Title = title
	if y := yearRE.FindStringSubmatch(title); y != nil {
		m.FiscalYear, _ = strconv.Atoi(y[1])
	} else {
		m.FiscalYear = body
	}
	switch {
	case strings.Contains(title, "决算"):
		m.Kind = schema.KindFinalAccounts
	case strings.Contains(title, "预算"):
		m.Kind = schema.KindBudget
	}
	switch {
	case strings.Contains(title, "单位预算") || strings.Contains(title, "单位决算"):
		m.Scope = schema.ScopeUnit
	case strings.Contains(title, "部门预算") || strings.Contains(title, "部门决算"):
		m.Scope = schema.ScopeDepartment
	}
	// A labelled line after the title names the organisation exactly.
	for _, l := range rest {
		if sm := labelRE.FindStringSubmatch(l); sm != nil && !isUnit(labelValue(sm[1])) {
			m.Organization = labelValue(sm[1])
			if strings.HasPrefix(strings.TrimSpace(l), "预算单位") && m.Scope == "" {
				m.Scope = schema.ScopeUnit
			}
			break
		}
	}
	if m.Organization == "" {
		m.Organization = orgFromTitle(title)
	}
	if m.Kind == "" {
		// No usable title: the body's own words decide (目录 entries such as
		// `第二部分 2019 年度部门预算表`).
		all := strings.Join(lines, "\n")
		for _, k := range []struct{ word, kind, scope string }{
			{"部门决算", schema.KindFinalAccounts, schema.ScopeDepartment},
			{"单位决算", schema.KindFinalAccounts, schema.ScopeUnit},
			{"部门预算", schema.KindBudget, schema.ScopeDepartment},
			{"单位预算", schema.KindBudget, schema.ScopeUnit},
		} {
			if strings.Contains(all, k.word) {
				m.Kind, m.Scope = k.kind, k.scope
				break
			}
		}
	}
	if m.Scope == "" && m.Kind != "" {
		m.Scope = schema.ScopeDepartment
	}
	return m
}

// namesDepartment reports whether the cover's title is a department's or a
// unit's (部门预算, 单位决算 …): such a document is never read as a
// government's.
func namesDepartment(lines, headings []string) bool {
	title, _ := findTitle(headings)
	if title == "" {
		title, _ = findTitle(lines)
	}
	return deptTitleRE.MatchString(title)
}

// bareTableNameRE is a title that is only a table's name (收支预算总表,
// 公开01表收支预算总表): the cover of a tables-only file, naming neither the
// body nor the year.
var bareTableNameRE = regexp.MustCompile(`^(?:公开\d*表)?\p{Han}{2,16}表(?:[（(][一二三四五六七八九十\d]+[)）])?$`)

func bareTableName(title string) bool {
	return bareTableNameRE.MatchString(title) && !yearRE.MatchString(title)
}

// tableTitleYearRE is a table's title that names its year
// (`2019年政府采购预算表`, `2018年度一般公共预算支出表`).
var tableTitleYearRE = regexp.MustCompile(`^\s*(?:(?:公开)?\d{0,2}表\S{0,4}\s*)?((?:19|20)\d{2})\s*年度?\S{0,30}表\s*$`)

// tableYear returns the year most often named by the table titles of the
// document, or 0: a tables-only file names its year there, if anywhere.
func tableYear(t *normalize.Text) int {
	count := map[string]int{}
	best := ""
	for _, p := range t.Pages {
		for _, it := range p.Items {
			if it.Line == nil {
				continue
			}
			if m := tableTitleYearRE.FindStringSubmatch(it.Line.Text); m != nil {
				count[m[1]]++
				if count[m[1]] > count[best] {
					best = m[1]
				}
			}
		}
	}
	y, _ := strconv.Atoi(best)
	return y
}

// tableTitles returns the distinct table titles that name their year, in
// document order.
func tableTitles(t *normalize.Text) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range t.Pages {
		for _, it := range p.Items {
			if it.Line == nil || !tableTitleYearRE.MatchString(it.Line.Text) {
				continue
			}
			if s := textnorm.Squeeze(it.Line.Text); !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// bundleMeta completes the metadata of a government document whose title
// is its first table's (a bundle of 附表 with no text cover) from the titles
// of all its tables: the bundle reports what they report together — the
// execution of one year (2024年…完成情况表) and the budget of the next
// (2025年…预算表), the whole jurisdiction (2024年自治区…表, 全市…) and the
// own level (自治区本级…, 市本级…).
func bundleMeta(m *schema.Meta, titles []string) {
	if len(titles) < 2 || m.Kind != schema.KindBudget {
		return
	}
	whole := m.Coverage == schema.CoverageJurisdiction || m.Coverage == schema.CoverageBoth
	own := m.Coverage == schema.CoverageOwnLevel || m.Coverage == schema.CoverageBoth
	for _, title := range titles {
		fiscal, execution := govYears(title)
		m.FiscalYear = max(m.FiscalYear, fiscal)
		m.ExecutionYear = max(m.ExecutionYear, execution)
		whole = whole || wholeRE.MatchString(title)
		own = own || ownLevelRE.MatchString(title)
	}
	m.Coverage = coverageOf(whole, own)
}

// bodyYearRE finds the years that the body gives the budget itself
// (`第二部分 2019 年度部门预算表`, `2019年度部门主要工作任务`).
var bodyYearRE = regexp.MustCompile(`((?:19|20)\d{2})\s*年度?\s*(?:部门|单位|区级|市级|省级)?(?:预算|决算|部门主要工作|主要工作任务)`)

// bodyLines is how many logical lines bodyYear reads.
const bodyLines = 60

// bodyYear returns the year most often named as the budget's year in the
// first lines of the text, or 0.
func bodyYear(t *normalize.Text) int {
	lines, _ := firstLines(t, bodyLines)
	count := map[string]int{}
	best := ""
	for _, l := range lines {
		for _, m := range bodyYearRE.FindAllStringSubmatch(l, -1) {
			count[m[1]]++
			if count[m[1]] > count[best] {
				best = m[1]
			}
		}
	}
	y, _ := strconv.Atoi(best)
	return y
}

// firstLines returns the first n logical lines (parsing view) of the
// document, and among them those marked as headings by the format (HTML h1,
// DOCX heading styles), which name the document more reliably than a
// breadcrumb or banner above them.
func firstLines(t *normalize.Text, n int) (lines, headings []string) {
	for _, p := range t.Pages {
		for _, it := range p.Items {
			if it.Table != nil && len(lines) == 0 {
				// A document that opens with a table (a spreadsheet) has
				// its title in the grid's caption rows.
				for _, c := range captionRows(it.Table) {
					lines = append(lines, c)
					if len(lines) == n {
						return lines, headings
					}
				}
			}
			if it.Line == nil {
				continue
			}
			l := stripBreadcrumb(strings.TrimSpace(it.Line.Text))
			lines = append(lines, l)
			if it.Kind == extract.Heading {
				headings = append(headings, l)
			}
			if len(lines) == n {
				return lines, headings
			}
		}
	}
	return lines, headings
}

// stripBreadcrumb drops a web page's navigation trail
// (`当前位置： 首页 > 重庆市交通委员会2018年部门预算情况说明`).
func stripBreadcrumb(l string) string {
	if i := strings.LastIndexAny(l, ">＞»"); i >= 0 && strings.Contains(l[:i], "首页") {
		return strings.TrimSpace(l[i+1:])
	}
	return l
}

// labelValue takes the value of a labelled cover line up to the next column
// (`部门：江苏省人大常委会办公厅        单位：万元`).
func labelValue(v string) string {
	if i := strings.Index(v, "  "); i >= 0 {
		v = v[:i]
	}
	for _, stop := range []string{"单位:", "单位：", "金额单位"} {
		if i := strings.Index(v, stop); i > 0 {
			v = v[:i]
		}
	}
	return strings.Join(strings.Fields(v), "")
}

// findTitle joins the cover lines up to the first one that names the kind
// of document (covers often break the title over two or three lines) and
// returns the title and the lines after it.
func findTitle(lines []string) (string, []string) {
	for i, l := range lines {
		if strings.Contains(l, "目录") || strings.HasPrefix(strings.ReplaceAll(l, " ", ""), "目录") {
			break
		}
		if !kindRE.MatchString(l) {
			continue
		}
		start := i
		// Take up to two preceding cover lines that are part of the title:
		// not dates, page numbers or headings.
		for start > 0 && i-start < 2 && titlePart(lines[start-1]) {
			start--
		}
		title := strings.Join(lines[start:i+1], "")
		title = strings.Join(strings.Fields(title), "")
		return title, lines[i+1:]
	}
	return "", nil
}

var notTitleRE = regexp.MustCompile(`^\d+$|^-?\s*\d+\s*-?$|\d{4}年\d{1,2}月\d{1,2}日|^[一二三四五六七八九十]+、|^第[一二三四五六七八九十]+部分`)

func titlePart(l string) bool {
	l = strings.TrimSpace(l)
	return l != "" && !notTitleRE.MatchString(l) && len([]rune(l)) <= 30
}

func orgFromTitle(title string) string {
	t := strings.TrimSuffix(strings.TrimSuffix(title, "公开"), "情况说明")
	if sm := orgBeforeRE.FindStringSubmatch(t); sm != nil && !notOrgRE.MatchString(sm[1]) {
		return strings.TrimSpace(sm[1])
	}
	if sm := orgAfterRE.FindStringSubmatch(t); sm != nil && !notOrgRE.MatchString(sm[1]) {
		o := strings.TrimSpace(sm[1])
		o = strings.TrimSuffix(o, "区级")
		o = strings.TrimSuffix(o, "市级")
		o = strings.TrimSuffix(o, "省级")
		if o != "" && !notOrgRE.MatchString(o) {
			return o
		}
	}
	return ""
}
