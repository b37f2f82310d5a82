package projects

import "strings"

// The national framework of performance indicators (财预〔2015〕88号, and
// 财预〔2021〕101号 where 成本指标 became a first-level group of its own):
// each second-level category with its first-level group, and the local
// names attested for them (../shared/lexicons/perf_indicator_framework_curated.csv,
// which TestFrameworkMatchesLexicon checks this table against).
var groupOf = map[string]string{
	"数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "成本指标": "产出指标",
	"经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标",
	"可持续影响指标": "效益指标", "生态环境效益指标": "效益指标",
	"服务对象满意度指标": "满意度指标", "满意度指标": "满意度指标",
	"经济成本指标": "成本指标", "社会成本指标": "成本指标", "生态环境成本指标": "成本指标",
	"产出指标": "产出指标", "效益指标": "效益指标",
	// Aliases attested in local frameworks and disclosures.
	"进度指标": "产出指标", "产出进度指标": "产出指标", "产出成本指标": "产出指标",
	"环境效益指标": "效益指标", "社会公众或服务对象满意度指标": "满意度指标",
}

// groups are the first-level indicator names of prose lists and text
// tables; tableGroups adds 成本指标, which a table's 一级指标 column states
// as a group (2021 framework) while a prose list uses it as a category.
var (
	groups      = map[string]bool{"产出指标": true, "效益指标": true, "满意度指标": true}
	tableGroups = map[string]bool{"产出指标": true, "效益指标": true, "满意度指标": true, "成本指标": true}
)

// categoryGroup returns the first-level group of a second-level category
// as a table writes it, or "". A table's 二级指标 column may leave out the
// word 指标 that the framework's names end with (经济效益, 服务对象满意度,
// 可持续影响): the column header says what the cell is.
func categoryGroup(cat string) string {
	if g := groupOf[cat]; g != "" {
		return g
	}
	if !strings.HasSuffix(cat, "指标") {
		return groupOf[cat+"指标"]
	}
	return ""
}

// isGroup reports a first-level label of a table, written with or without
// 指标 (产出, 满意度).
func isGroup(s string) bool {
	return tableGroups[s] || !strings.HasSuffix(s, "指标") && tableGroups[s+"指标"]
}
