package server

import "github.com/budgetdoc/budgetdoc/review"

// labels are the interface texts, Chinese and English.
var labels = map[string][2]string{
	"title":         {"预算公开稿审核", "Budget draft review"},
	"upload":        {"选择或拖入文件（可多选）", "Choose or drop files (several at once)"},
	"upload.button": {"上传并检查", "Upload and check"},
	"upload.hint":   {"支持 PDF、DOCX、DOC、XLSX、HTML、TXT。文件只保存在本机，", "PDF, DOCX, DOC, XLSX, HTML and text. Files stay on this machine and are removed after "},
	"upload.keep":   {"天后自动删除。", " days."},
	"recent":        {"最近检查的文件", "Recently checked"},
	"waiting":       {"检查中的文件", "Being checked"},
	"none":          {"暂无", "None yet"},
	"queued":        {"排队中，前面还有", "Waiting; documents ahead:"},
	"running":       {"正在检查…", "Checking…"},
	"failed":        {"检查失败", "Check failed"},
	"findings":      {"问题", "Findings"},
	"page":          {"第 %d 页", "Page %d"},
	"line":          {"第 %d 行", "line %d"},
	"prev":          {"上一页", "Previous page"},
	"next":          {"下一页", "Next page"},
	"filter":        {"筛选", "Filter"},
	"all.sev":       {"全部严重程度", "All severities"},
	"all.rules":     {"全部规则", "All rules"},
	"evidence":      {"原文", "Text"},
	"suggestion":    {"建议", "Suggestion"},
	"decision":      {"处理", "Decision"},
	"undecided":     {"待定", "Undecided"},
	"accepted":      {"接受（需修改）", "Accept (to fix)"},
	"ignored":       {"忽略（误报或不改）", "Ignore (false alarm)"},
	"accepted.s":    {"已接受", "Accepted"},
	"ignored.s":     {"已忽略", "Ignored"},
	"note":          {"备注", "Note"},
	"save":          {"保存", "Save"},
	"carried":       {"沿用上一版本的处理", "carried over from the previous version"},
	"downloads":     {"下载", "Download"},
	"dl.annotated":  {"批注版", "Annotated copy"},
	"dl.xlsx":       {"问题清单 XLSX", "Findings XLSX"},
	"versions":      {"与上一版本（%s）相比", "Compared with the previous version (%s)"},
	"fixed":         {"已修正", "fixed"},
	"new":           {"新增", "new"},
	"remaining":     {"仍存在", "remaining"},
	"new.badge":     {"新", "new"},
	"no.findings":   {"没有发现问题。", "No findings."},
	"no.match":      {"没有符合筛选条件的问题。", "No findings match the filter."},
	"checked.in":    {"检查用时 %.1f 秒", "checked in %.1f s"},
	"pages":         {"共 %d 页", "%d pages"},
	"back":          {"返回首页", "Back to the start page"},
	"error":         {"出错了", "Something went wrong"},
	"lang.other":    {"English", "中文"},
	"no.text":       {"本页没有文字。", "No text on this page."},
	"no.image":      {"原文件已按保留期限删除，无法显示页面图像。", "The file was removed after the retention period; the page image is not available."},
	"colon":         {"：", ": "},
}

// tr returns the label in the language.
func tr(lang review.Lang, key string) string {
	l, ok := labels[key]
	if !ok {
		return key
	}
	if lang == review.English {
		return l[1]
	}
	return l[0]
}
