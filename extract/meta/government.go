package meta

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/budgetdoc/budgetdoc/nlp/textnorm"
	"github.com/budgetdoc/budgetdoc/schema"
)

// Government-wide documents (预算执行情况和预算草案的报告, 决算草案的报告,
// 政府预算公开 bundles, their 附表) name themselves differently from
// department disclosures: a meeting header may stand above the title
// (`南通市十六届人大六次会议` / `大会文件（八）`), the title wraps over two to
// four lines and often names two years (the execution of one and the draft
// of the next), and the issuing body is the finance bureau on the line after
// the `——…会议上` date line. This file reads that cover.

// govCoverLines is how many logical lines are searched for a government
// report's title: web pages put navigation above it.
const govCoverLines = 60

// govHeadingLines is how far the format's headings are searched for it: a
// web page's article heading may follow a hundred lines of navigation.
const govHeadingLines = 200

var (
	// govTitleRE marks a title as about a government's budget as a whole.
	govTitleRE = regexp.MustCompile(`预算执行|预算草案|决算草案|财政决算|财政预算|政府预算|` +
		`(?:一般公共|政府性基金|国有资本经营|社会保险基金)预算|政府(?:债务|债券)|债务(?:限额|余额)|` +
		`[市省区县州]本级|全[市省区县州盟旗]`)
	// debtTableRE is the title of a debt table (`2025年全市地方政府一般债务
	// 限额和余额情况表`): a government document that names no budget.
	debtTableRE = regexp.MustCompile(`(?:政府|地方)\p{Han}{0,6}债(?:务|券)\p{Han}{0,16}表$`)
	// fiscalWordRE tells a report's 关于… title from a web page's 关于我们.
	fiscalWordRE = regexp.MustCompile(`预算|决算|财政|债务`)
	// deptTitleRE marks a department or unit disclosure.
	deptTitleRE = regexp.MustCompile(`部门|单位`)
	// meetingRE recognises a people's congress (or CPPCC) meeting header
	// once its lines are joined and squeezed.
	meetingRE = regexp.MustCompile(`^[〔［\[]?.{0,24}?(?:人大|人民代表大会|政协).{0,16}?文件.{0,10}$|^.{0,16}?(?:大会|会议)文件.{0,10}$`)
	// titleEndRE is how a complete government report title ends.
	titleEndRE = regexp.MustCompile(`(?:报告|草案|[（(]草案[)）]|公开|[表单])(?:[（(](?:书面|草案|摘要|[\d一二三四五六七八九十]+)[)）])?$`)
	// titleLabelRE is a label before a title (`标题：`, `表一：`).
	titleLabelRE = regexp.MustCompile(`^(?:标题|题目|表[\d一二三四五六七八九十]+(?:-\d+)?)[:：]`)
	// dateLineRE is the line under the title: `——2026年1月21日在南通市…`.
	dateLineRE = regexp.MustCompile(`^[—─－\-–]{1,4}`)
	// monthRE is a cover's date (`2026年1月`, `二〇二六年一月`).
	monthRE = regexp.MustCompile(`^(?:\d{4}|[二〇○零一三四五六七八九]{4})年\d{0,2}[一二三四五六七八九十]{0,3}月(?:\d{1,2}日)?$`)
	// issuerRE finds the issuing body on a cover line: the finance bureau
	// (with its head's title and name after it) or the government.
	issuerRE = regexp.MustCompile(`^(\p{Han}{0,14}?(?:财政局|财政厅|人民政府|财政委员会|财政部))(?:(?:副?(?:局长|厅长|主任|部长))\p{Han}{0,4}|编制|编|印制)?$`)
	// sourceRE is a web page's byline: `2026-05-15 来源：上海市财政局`.
	sourceRE = regexp.MustCompile(`\s*(?:\d{4}-\d{1,2}-\d{1,2}\S*\s*)?(?:来源|发布机构|发布单位)\s*[:：]\s*(\S+).*$`)
	// siteSuffixRE is a web page title's site name (`…的报告_海口市人民政府`,
	// `…的报告-大理白族自治州人民政府`).
	siteSuffixRE = regexp.MustCompile(`[_|｜].*$|[-–]\p{Han}{2,}(?:人民政府|门户网站|网站|网)$`)
	// governmentAboutRE is a title that names the reporting government
	// first (`广东省人民政府关于我省2024年省级决算草案的报告`).
	governmentAboutRE = regexp.MustCompile(`^\p{Han}{2,12}人民政府关于`)
	// jurisdictionRE takes the place a title is about: after 关于 and an
	// optional year, or at the start (`临沧市2025年…`, `2026年东莞市本级…`).
	jurisdictionRE = regexp.MustCompile(`^(?:关于)?(?:(?:\d{4}|[二〇○零一三四五六七八九]{4})年(?:度|末|初|底)?)?(\p{Han}{2,10}?(?:自治区|自治州|特别行政区|省|市|州|盟|县|区|旗))`)
	// notJurisdictionRE rejects words that look like places but are levels.
	notJurisdictionRE = regexp.MustCompile(`^(?:全|本|我|自治|市本|省本|地方|一般|政府)`)
	// govYearRE is a year in Arabic or Chinese digits.
	govYearRE = regexp.MustCompile(`(\d{4}|[二〇○零一三四五六七八九]{4})\s*年`)
	// ownLevelRE and wholeRE are the two coverages a government document may
	// have: the government's own level, and the whole jurisdiction.
	ownLevelRE = regexp.MustCompile(`本级|[市省州县区盟旗]级`)
	// An autonomous region's tables name the whole region 自治区 before
	// the budget's name (2024年自治区一般公共预算收入完成情况表), the own
	// level 自治区本级 or 自治区级.
	wholeRE = regexp.MustCompile(`全[市省区县州盟旗]|地方财政|[市省州县区]和[市省州县区]级|[市省州县区]及[市省州县区](?:本)?级|` +
		`自治区(?:各地|政府|一般公共预算|政府性基金|国有资本经营预算|社会保险基金)`)
	// localFinanceRE is the whole jurisdiction named as its finances
	// (`关于丽江市2025年地方财政预算执行情况…`): such reports give the whole
	// and then the own level (全州…州本级…), so in a title it says the whole
	// is covered, not that the own level is not.
	localFinanceRE = regexp.MustCompile(`地方财政`)
)

// detectGovernment reads the metadata of a government-wide document; ok is
// false when the cover is not one. lines are the first logical lines (in
// reading order), headings those the format marks as headings, body the
// lines searched for the coverage when the title does not say it.
//
// A title from a heading, or from a line beginning with 关于 on the cover,
// outweighs a department-like line elsewhere on the cover (a QR-code caption
// `码上看报告 部门预算草案`); a title found otherwise counts only when the
// cover names no department (deptCover).
func detectGovernment(lines, headings, body []string, infoTitle string, deptCover bool) (schema.Meta, bool) {
	cover := squeezeAll(lines)
	var m schema.Meta
	title, _ := govTitle(squeezeAll(headings))
	trusted := title != ""
	start := -1
	if title == "" {
		title, start = govTitle(cover)
		trusted = start >= 0 && start < coverLines && (strings.HasPrefix(cover[start], "关于") || governmentAboutRE.MatchString(cover[start]))
	} else if _, s := govTitle(cover); s >= 0 {
		start = s
	}
	if title == "" && infoTitle != "" {
		// The format's own title (HTML <title>) when the page's text has
		// none near the top: trusted like a heading when it reads as a
		// report's title.
		title, _ = govTitle(squeezeAll([]string{infoTitle}))
		trusted = title != ""
	}
	if title == "" {
		return addressedReport(cover, body)
	}
	if deptTitleRE.MatchString(title) || !govTitleRE.MatchString(title) || deptCover && !trusted {
		return addressedReport(cover, body)
	}
	for _, l := range cover {
		if sm := labelRE.FindStringSubmatch(l); sm != nil && !isUnit(labelValue(sm[1])) {
			return m, false // a department's table with its 部门：label
		}
	}
	m.Title = title
	m.Scope = schema.ScopeGovernment
	switch {
	case strings.Contains(title, "决算"):
		m.Kind = schema.KindFinalAccounts
	case kindRE.MatchString(title) || !debtTableRE.MatchString(title):
		m.Kind = schema.KindBudget
	}
	// (A debt table naming neither 预算 nor 决算 is neither kind.)
	if start > 0 {
		m.Meeting = meetingHeader(cover[:start])
	}
	if m.Meeting == "" {
		m.Meeting = meetingUnderHeading(cover[start+1:])
	}
	m.FiscalYear, m.ExecutionYear = govYears(title)
	m.Jurisdiction = jurisdiction(title)
	if m.Jurisdiction == "" {
		// `关于2025年全市及市本级…`: the place is in the meeting header.
		m.Jurisdiction = jurisdiction(m.Meeting)
	}
	m.Organization = issuer(cover, start, m.Jurisdiction)
	if m.Jurisdiction == "" {
		m.Jurisdiction = jurisdiction(m.Organization)
	}
	m.Coverage = coverage(title, body)
	return m, true
}

// salutationRE is how a report to a people's congress or its standing
// committee addresses its audience; no department disclosure does.
var salutationRE = regexp.MustCompile(`^(?:各位代表|主任、各位副主任[^:：]{0,12}|各位委员)[:：]`)

// addressedReport reads a government report whose title could not be read
// (a newspaper page whose columns the layout reads across) from its
// salutation: a government document all the same, its kind and years from
// the sentence that submits it (现将2024年预算执行情况和2025年预算（草案）
// 提请大会审议), its issuer from the cover.
func addressedReport(cover, body []string) (schema.Meta, bool) {
	var m schema.Meta
	at := -1
	for i, l := range cover {
		if salutationRE.MatchString(l) {
			at = i
			break
		}
	}
	if at < 0 {
		return m, false
	}
	after := strings.Join(cover[at:min(len(cover), at+4)], "")
	if !kindRE.MatchString(after) {
		return m, false // another report's salutation (a gazette's 政府工作报告)
	}
	m.Scope = schema.ScopeGovernment
	m.Kind = schema.KindBudget
	if strings.Contains(after, "决算") && !strings.Contains(after, "预算草案") && !strings.Contains(after, "预算(草案)") {
		m.Kind = schema.KindFinalAccounts
	}
	m.FiscalYear, m.ExecutionYear = govYears(after)
	m.Organization = issuer(cover[:at], -1, "")
	m.Jurisdiction = jurisdiction(m.Organization)
	m.Coverage = coverage("", body)
	return m, true
}

// govTitle finds the title among squeezed cover lines: it
// starts at the first line that begins with 关于 (or names a government and
// 关于) — else at the first line naming a budget — and takes the lines
// after it until the title is complete or a date, issuer or salutation line
// follows. It returns the title and the index of its first line (-1 when
// there is none).
func govTitle(cover []string) (string, int) {
	start := -1
	for i := range cover {
		l := cover[i]
		if strings.HasPrefix(l, "目录") || strings.HasPrefix(l, "各位代表") {
			break
		}
		if (strings.HasPrefix(l, "关于") || governmentAboutRE.MatchString(l)) &&
			(fiscalWordRE.MatchString(l) || govYearRE.MatchString(l) && i+1 < len(cover) && fiscalWordRE.MatchString(cover[i+1])) {
			start = i
			break
		}
	}
	if start < 0 {
		for i := range cover {
			l := cover[i]
			if strings.HasPrefix(l, "目录") || strings.HasPrefix(l, "各位代表") {
				break
			}
			if (kindRE.MatchString(l) || debtTableRE.MatchString(l)) && govTitleRE.MatchString(l) && len([]rune(l)) <= 60 && !meetingRE.MatchString(l) &&
				!strings.ContainsAny(l, ",，。") { // a title is no sentence
				start = i
				break
			}
		}
	}
	if start < 0 {
		return "", -1
	}
	title := cleanTitle(cover[start])
	for i := start + 1; i < len(cover) && i <= start+3 && !titleEndRE.MatchString(title); i++ {
		l := cover[i]
		if l == "" || dateLineRE.MatchString(l) || monthRE.MatchString(l) || issuerRE.MatchString(l) ||
			strings.HasPrefix(l, "各位代表") || strings.HasPrefix(l, "目录") || len([]rune(l)) > 40 ||
			strings.HasPrefix(l, "单位") || strings.HasPrefix(l, "金额单位") || strings.HasPrefix(l, "|") {
			break
		}
		title += cleanTitle(l)
	}
	return title, start
}

// cleanTitle drops a web page's byline and site name from a title line.
func cleanTitle(l string) string {
	l = titleLabelRE.ReplaceAllString(l, "")
	l = sourceRE.ReplaceAllString(l, "")
	if strings.Contains(l, "报告") || strings.Contains(l, "预算") || strings.Contains(l, "决算") {
		l = siteSuffixRE.ReplaceAllString(l, "")
	}
	return l
}

// meetingHeader joins the lines above the title that form a meeting header
// (`朝阳市十二届人大` + `五次会议文件（13）`). Other cover lines may stand
// between the header and the title (a QR code's caption `码上看报告`), so
// the header is the shortest run of consecutive lines, from the first line
// on, that reads as one.
func meetingHeader(above []string) string {
	for i := range above {
		for j := i + 1; j <= len(above); j++ {
			if h := strings.Join(above[i:j], ""); meetingRE.MatchString(h) {
				return h
			}
		}
	}
	return ""
}

// meetingUnderHeading finds the meeting header of a web page whose heading
// is the title and whose article opens with the header and the title again
// (海口: heading `关于…的报告`, then `海口市十七届人大` + `七次会议文件（十七）`,
// then `关于…`): the header is read only from the lines between the heading
// and the article's own title, never from the body.
func meetingUnderHeading(below []string) string {
	for i, l := range below {
		if i >= maxHeaderLines {
			break
		}
		if !strings.HasPrefix(l, "关于") {
			continue
		}
		// the header opens right under the heading, over lines of its own
		// (not the issuer, not 各位代表：)
		for j := 1; j <= i; j++ {
			if issuerRE.MatchString(below[j-1]) || strings.ContainsAny(below[j-1], ":：") {
				break
			}
			if h := strings.Join(below[:j], ""); meetingRE.MatchString(h) {
				return h
			}
		}
		return ""
	}
	return ""
}

// maxHeaderLines is how many lines under a page's heading may hold the
// meeting header before the article's title.
const maxHeaderLines = 4

// govYears returns the fiscal year (the year budgeted, or the year whose
// accounts are closed) and the execution year (the year whose execution the
// document reports; 0 when it reports none).
func govYears(title string) (fiscal, execution int) {
	var years []int
	for _, sm := range govYearRE.FindAllStringSubmatch(title, -1) {
		if y := parseYear(sm[1]); y > 0 {
			years = append(years, y)
		}
	}
	if len(years) == 0 {
		return 0, 0
	}
	lo, hi := years[0], years[0]
	for _, y := range years {
		lo, hi = min(lo, y), max(hi, y)
	}
	reportsExecution := strings.Contains(title, "执行") || strings.Contains(title, "完成情况")
	switch {
	case hi > lo && reportsExecution:
		return hi, lo
	case reportsExecution:
		return hi, hi
	}
	return hi, 0
}

// parseYear reads `2025` or `二〇二五`.
func parseYear(s string) int {
	if y, err := strconv.Atoi(s); err == nil {
		return y
	}
	const digits = "〇一二三四五六七八九"
	y := 0
	for _, r := range s {
		switch r {
		case '○', '零':
			r = '〇'
		}
		d := strings.IndexRune(digits, r)
		if d < 0 {
			return 0
		}
		y = y*10 + len([]rune(digits[:d]))
	}
	return y
}

// jurisdiction is the place a government document's title is about.
func jurisdiction(title string) string {
	t := title
	if i := strings.Index(t, "人民政府关于"); i > 0 {
		t = t[:i]
	}
	sm := jurisdictionRE.FindStringSubmatch(t)
	if sm == nil || notJurisdictionRE.MatchString(sm[1]) {
		return ""
	}
	return sm[1]
}

// issuer is the body that issues the document: the finance bureau or the
// government named on a cover line after the title (completed with the
// jurisdiction when the cover writes only `市财政局`), a web page's
// byline, the government that reports (`广东省人民政府关于…`), or else the
// jurisdiction's people's government, on whose behalf such reports are made.
func issuer(cover []string, titleAt int, place string) string {
	for i, l := range cover {
		if sm := sourceRE.FindStringSubmatch(l); sm != nil && (strings.HasSuffix(sm[1], "局") || strings.HasSuffix(sm[1], "厅")) {
			return sm[1]
		}
		if i <= titleAt || strings.HasPrefix(l, "各位代表") {
			continue
		}
		if sm := issuerRE.FindStringSubmatch(l); sm != nil {
			org := sm[1]
			if place != "" && !strings.HasPrefix(org, place) && strings.ContainsRune("市省州县区", []rune(org)[0]) {
				org = place + string([]rune(org)[1:])
			}
			return org
		}
	}
	if titleAt >= 0 && titleAt < len(cover) {
		if i := strings.Index(cover[titleAt], "人民政府关于"); i > 0 {
			return cover[titleAt][:i] + "人民政府"
		}
	}
	if place != "" {
		return place + "人民政府"
	}
	return ""
}

// coverage says whether a government document covers the whole
// jurisdiction (全市), the government's own level (市本级), or both: from the
// title when it says, else from what the opening of the body speaks of. A
// title naming the 地方财政 says the whole, and the body whether the own
// level too.
func coverage(title string, body []string) string {
	local := localFinanceRE.MatchString(title)
	whole, own := wholeRE.MatchString(localFinanceRE.ReplaceAllString(title, "")), ownLevelRE.MatchString(title)
	if c := coverageOf(whole, own); c != "" && !local {
		return c
	}
	whole = whole || local // the body may add the own level
	for _, l := range body {
		whole = whole || wholeRE.MatchString(l)
		own = own || ownLevelRE.MatchString(l)
	}
	return coverageOf(whole, own)
}

func coverageOf(whole, own bool) string {
	switch {
	case whole && own:
		return schema.CoverageBoth
	case whole:
		return schema.CoverageJurisdiction
	case own:
		return schema.CoverageOwnLevel
	}
	return ""
}

// isUnit reports whether a labelled value is a unit of measure
// (`单位：万元`), not an organisation.
func isUnit(v string) bool {
	switch strings.TrimSpace(v) {
	case "元", "万元", "亿元", "千元", "百万元", "人", "个", "%":
		return true
	}
	return false
}

// squeezeAll removes the spaces of letter-spaced cover lines
// (`大  会  文  件  （  八  ）`, `泰 安 市 财 政 局`) while keeping a space
// between two Latin or digit runs.
func squeezeAll(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = textnorm.Squeeze(l)
	}
	return out
}
