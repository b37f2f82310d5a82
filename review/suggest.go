package review

// suggestions says, per rule, what the author should do about a finding,
// in Chinese and English. A test keeps it complete for check.All.
var suggestions = map[string][2]string{
	"template-leftover":     {"将模板占位内容替换为实际内容，或删除未更新的域；打印预览确认无“XX”“${…}”等残留。", "Replace the placeholder with the real text, or remove the unresolved field."},
	"garbled-text":          {"对照原稿重新录入乱码处文字；转换 PDF 时嵌入字体。", "Retype the garbled text from the source and embed fonts when exporting."},
	"blank-page":            {"删除多余空白页，或在空表上注明“本表无数据”。", "Delete the stray blank page, or state that the table is empty."},
	"numbering-gap":         {"检查是否漏写了一节或编号跳号，按顺序重新编号。", "Check for a missing section and renumber in sequence."},
	"numbering-duplicate":   {"检查是否重复粘贴了内容，或将编号改为下一个序号。", "Check for pasted duplicates, or give the item the next number."},
	"numbering-style":       {"同级标题统一使用一种编号格式（全角/半角、顿号/点号）。", "Use one numbering form for all siblings."},
	"missing-section":       {"按公开模板补齐缺少的部分或表格；确无数据的表也应公开并注明原因。", "Add the required section or table; publish empty tables with a statement."},
	"sum-mismatch":          {"核对合计数与各分项数，修正计算或抄录错误；尾差应在说明中调整一致。", "Recheck the total and its parts and correct the figure that is wrong."},
	"change-mismatch":       {"按本年数与上年数重新计算增减额和增减幅度，并核对增减方向用词。", "Recompute the change and percent from the two years' figures and fix the wording."},
	"share-mismatch":        {"按各项金额除以总额重新计算占比，使合计为100%。", "Recompute each share from the amounts so that they add up to 100%."},
	"contradiction":         {"同一项目前后金额应一致，核对后统一为正确数字。", "Make the item's amounts agree throughout the passage."},
	"cross-total":           {"全文同一总额应一致：核对各处数字，以报表数为准统一修改。", "Make the total agree everywhere, taking the tables as the reference."},
	"zero-change-wording":   {"变动为零时表述为“持平”或“与上年保持一致”。", "Word a zero change as unchanged (持平)."},
	"empty-reason":          {"补充增减变动的具体原因，或补全被截断的句子。", "State the actual reason, or complete the sentence."},
	"base-year":             {"核对年度：预算与上年比较，决算与当年预算比较，时点与年度一致。", "Check the years: the comparison year and dates must match the fiscal year."},
	"scope-wording":         {"按文件口径用词：单位预算用“单位”，预算文件不出现“决算”。", "Use the wording of the document's scope and kind."},
	"outdated-term":         {"将旧科目名称改为现行政府收支分类科目名称。", "Use the current classification name."},
	"punctuation":           {"删除重复标点，补齐句号，使括号引号成对并统一全角。", "Fix the doubled, missing or unbalanced punctuation."},
	"table-row-sum":         {"核对该行合计与各列之和，修正合计或分列数。", "Recheck the row total against its columns."},
	"table-column-sum":      {"核对科目合计与其下级科目之和（类=∑款，款=∑项）。", "Recheck the item against the sum of its sub-items."},
	"table-cross-total":     {"核对各表之间的同一总额，统一为正确数字。", "Make the same total agree between the tables."},
	"table-empty-statement": {"在空表中注明“本表无数据”及原因。", "State in the empty table that it has no data, and why."},
	"table-text-mismatch":   {"核对说明文字与报表数字，统一为正确数字。", "Make the text's figure agree with the table."},
	"code-name-mismatch":    {"按政府收支分类科目核对科目编码与名称，改正编码或名称。", "Check the code against the classification and correct the code or the name."},
	"term-typo":             {"按政府收支分类科目的规范名称改正用字。", "Use the classification's official name."},
	"typo":                  {"核对用字，按建议改正错别字。", "Check the word and correct the typo as suggested."},
	"template-instruction":  {"删除模板中的填写说明，按说明填入实际内容。", "Delete the template's filling instruction and write the real content."},
	"zero-with-change":      {"核对本年数与增减额：本年为0时不应表述为增加，或补正本年数。", "Recheck the amount and its change: a zero amount cannot have grown."},
	"zero-base-rate":        {"基数为0时不计算完成率或增减率，删除该比率或补正基数。", "Drop the rate of a zero base, or correct the base."},
	"doubled-word":          {"删除重复的词或矛盾的表述（如“预算预算”“增加持平”）。", "Delete the doubled word or the contradictory pair."},
	"unit-magnitude":        {"核对金额单位：前后均以万元或亿元表述时，此处疑误写为元。", "Check the unit: the other figures are in 万元/亿元."},
	"unusable-text-layer":   {"重新导出 PDF：嵌入字体并保留文字信息（勿使用“文字转曲线”或无 Unicode 映射的字体），导出后复制文字核对。", "Export the PDF again with embedded fonts that keep their Unicode mapping, and check by copying its text."},
	"mixed-punctuation":     {"中文文本中的半角逗号、分号等改为全角标点（，；）。", "Use full-width marks (，；) in Chinese text."},
	"empty-note-topic":      {"空表说明应写本表的内容，核对是否从其他表复制。", "Make the empty-table note speak of this table, not another."},
}

// Suggestion returns what to do about a finding of rule, or "" for a rule
// without one.
func Suggestion(rule string, lang Lang) string {
	s, ok := suggestions[rule]
	if !ok {
		return ""
	}
	if lang == English {
		return s[1]
	}
	return s[0]
}
