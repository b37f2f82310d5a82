package facts

import (
	"strings"

	"github.com/budgetdoc/budgetdoc/internal/rx"
)

// Direction words as written before a change amount or percentage. Longer
// words come first so that 增长 wins over 增.
var directionWords = []struct {
	word, dir string
}{
	{"增加", dirUp}, {"增长", dirUp}, {"上升", dirUp}, {"提高", dirUp}, {"上涨", dirUp}, {"增幅", dirUp}, {"涨幅", dirUp},
	{"增支", dirUp}, {"增收", dirUp}, {"多", dirUp}, {"增", dirUp},
	{"减少", dirDown}, {"下降", dirDown}, {"降低", dirDown}, {"减幅", dirDown}, {"降幅", dirDown}, {"压减", dirDown}, {"节约", dirDown},
	{"减支", dirDown}, {"减收", dirDown}, {"少", dirDown}, {"减", dirDown}, {"降", dirDown},
}

const (
	dirUp   = "increase"
	dirDown = "decrease"
	dirFlat = "flat"
)

// trailingDirection returns the direction word that ends s (after stray
// spaces, 了 and a parenthesised alternative such as 下降（增长）), or "".
func trailingDirection(s string) (dir string, word string) {
	s = strings.TrimRight(s, " \u3000")
	s = strings.TrimSuffix(s, "了")
	// 下降（增长）27.78%: a template left both words; the first one counts.
	if m := parenTail.FindStringIndex(s); m != nil {
		s = s[:m[0]]
	}
	s = strings.TrimRight(s, " \u3000")
	for _, d := range directionWords {
		if strings.HasSuffix(s, d.word) {
			// 多 and 少 only as 增加/减少 synonyms right after the base
			// (比上年多3人); 增多/减少 are covered above.
			if (d.word == "多" || d.word == "少") && !strings.HasSuffix(s, "上年"+d.word) {
				continue
			}
			return d.dir, d.word
		}
	}
	return "", ""
}

var parenTail = rx.MustCompile(`[（(][^（()）]{1,6}[）)]$`)

// changeTrigger finds the comparison that introduces a change: 比上年,
// 与上年相比, 较上年预算安排, 比2024年预算（执行数）, 同比, 同口径,
// 按可比口径 (against last year, made comparable), 决算数同预算数.
// Group 1 is the base of 比/较/与/同 … (direction), group 2 the base of
// 与 … 相比.
var changeTrigger = rx.MustCompile(
	`同比|按?(?:同|可比)口径(?:计算)?|(?:比|较|与|同)((?:[^，,。;；:：、（()）]|[（(][^（()）]{0,12}[）)]){1,30}?)(?:相比)?[，,]?\s*(?:基本)?(?:增加|增长|减少|下降|降低|上升|提高|压减|持平|保持一致|一致|相同|相等|不变|增|减|多|少)` +
		`|与((?:[^，,。;；:：、（()）]|[（(][^（()）]{0,12}[）)]){1,30}?)相比` +
		``)

// flatClause finds a change written without an amount: 与上年持平, 与上年数一致,
// 与上年预算数相等, 比2022年预算持平, 与上年保持一致, 决算数同预算数持平.
var flatClause = rx.MustCompile(
	`(?:比|较|与|同)((?:[^，,。;；:：、（()）]|[（(][^（()）]{0,12}[）)]){1,30}?)(?:相比)?[，,]?\s*(?:基本)?(?:` + flatWords + `)`)

// flatWords say that a figure did not change (the end of a flatClause).
const flatWords = `持平|保持一致|一致|相同|相等|没有变化|无变化`

// bareFlat is a flat change without a comparison (X支出决算持平), a
// change only in the context of a total's change.
var bareFlat = rx.MustCompile(`(?:基本)?(?:持平|保持不变)`)

// statedPrior matches the end of the text before an amount that states the
// prior year's value: 上年为, 上年预算数为, 上年同期为.
var statedPrior = rx.MustCompile(`(?:上年|上年度|上一年度|去年)(?:同期)?(?:预算)?(?:数|执行数)?(?:为|是)\s*$`)

// reasonMarker finds the start of a stated reason. Group 0 ends where the
// reason text begins.
var reasonMarker = rx.MustCompile(
	`(?:(?:增加|减少|增长|下降|变动|变化|差异)的?(?:主要)?原因(?:主要)?(?:是|为)?|主要原因(?:是|为)?|原因(?:是|为)|主要是因为|主要是由于|主要由于|主要系)[：:]?\s*`)

// breakdownMarker finds the words that open a breakdown of the preceding
// total. Group 1 is the dimension of 按…划分; group 2 names the total whose
// parts follow (财政拨款支出预算中，…).
var breakdownMarker = rx.MustCompile(
	`按((?:支出)?(?:功能|经济|用途|来源|项目)[^，,。;；:：]{0,8}?)(?:划分|分列|来看)?[：:，,]|其中[：:，,]?|包括[：:]?|分别为[：:]?|分别是[：:]?` +
		`|([^，,。;；:：、\s]{2,24}?)中[，,:：]`)

// splitVerb pairs the names listed before it with the amounts after it
// (收入、支出累计分别达到442亿元、764亿元), as 分别为 in breakdownMarker
// does. It runs only on lines with 分别, outside breakdownMarker: an
// alternative there slows every line.
var splitVerb = rx.MustCompile(`分别(?:达到|完成|实现)[：:]?`)

// levelView opens a breakdown of the total just given by level or area
// (分级次看，/ 分级看， / 从级次看， / 分地区看，). Group 1 is the dimension.
var levelView = rx.MustCompile(`(?:分|从|按)(级次|层级|地区|区域)(?:来)?看[，,：:]`)

// window is the text of view from i on that an anchored pattern after an
// amount (rateBase, closedList) can match: a few dozen bytes, not the rest
// of a line of megabytes for every amount on it.
func window(view string, i int) string {
	return view[i:min(len(view), i+48)]
}

// rateBase is the text after an amount that makes it the base of a rate
// (预算112.76亿元的101.37%).
var rateBase = rx.MustCompile(`^\s*的\s*[0-9]+(?:\.[0-9]+)?\s*[%％]`)

// usedFor opens the breakdown of a total into what it is used for
// (新增债券用于A a亿元；用于B …). Group 1 names the total. It runs only on
// lines with 用于: one more alternative in breakdownMarker cost a third
// of the facts' speed.
var usedFor = rx.MustCompile(`([^，,。;；:：、\s]{2,24}?)用于`)

// yearLike is a list number run into a year that the quantity scanner may
// read as a count (1.2023年).
var yearLike = rx.MustCompile(`[0-9]{4}\s*年`)

// yearPrefix is a year or time expression at the start of a subject.
var yearPrefix = rx.MustCompile(`^(?:[0-9]{4}\s*(?:年度|年)?|本年度|本年|当年|全年|上年|年度)`)

// linkWords end the text before an amount without being part of what is
// counted: 收入预算总额为, 车辆合计, 预算总计.
var linkWords = []string{"分别为", "分别是", "均为", "约为", "共计", "合计", "累计", "达到", "完成", "实现", "为", "是", "达", "计", "共", "约", "近", "逾", "有", "总额为",
	"超", "超过", "不少于", "不低于", "不超过", "高达", "多达", "均", "分别"}

// estimateWords say how an amount is known or how far it reached, between
// the thing and its predicate (收入预计完成207亿元, 收入预期增长, 支出实际
// 完成, 收入突破2200亿元); they end no name.
var estimateWords = []string{"预计", "预期", "实际", "突破"}

// levelWord names a level of government in X对Y (市对区转移支付, 省对下补助,
// 中央对地方转移支付): the levels funds go between, part of their name.
var levelWord = map[string]bool{
	"中央": true, "省": true, "市": true, "县": true, "区": true, "州": true, "盟": true, "乡": true, "镇": true, "乡镇": true,
	"地方": true, "下": true, "下级": true, "上级": true, "我省": true, "我市": true, "我区": true, "我县": true, "各市": true,
	"各区": true, "各县": true, "市县": true, "区县": true, "县区": true, "县市": true, "县市区": true, "市区": true, "全省": true,
	"省级": true, "市级": true, "区级": true, "县级": true, "自治区": true,
}

// collectives name the kinds of what the noun after them heads (各类补助,
// 各项支出): part of its name, though the segmenter tags them pronouns.
var collectives = map[string]bool{"各类": true, "各项": true}

// stopWords end a subject when walking back from the amount: verbs and
// function words that are not part of a budget noun phrase.
var stopWords = map[string]bool{
	"比": true, "较": true, "与": true, "同": true, "其中": true, "包括": true, "其他": false, "其它": false, "其余": false, "主要": false, "年初": false, "年末": false, "年终": false, "当年": false, "共同": false, "用于": true,
	"拟": true, "购买": true, "下属": true, "所属": true, "按": true, "按照": true, "根据": true, "安排": false,
	"现有": true, "实有": false, "共有": true, "设有": true, "下设": true, "内设": true, "即": true, "含": true,
	"本部门": true, "我部门": true, "本单位": true, "我单位": true, "部门": false, "本级": false,
	"完成": true, "占": true, "达到": true, "实现": true, "落实": true, "召开": true, "开展": true, "组织": false,
	"以及": true, "另外": true, "此外": true, "全年": true, "计划": true, "预计": true, "新增": false,
	"的": true, "了": true, "在": true, "对": true, "从": true, "由": true, "是": true, "为": true,
}

// procurementVerbs and procurementKinds: 购买服务, 购买货物 name the three
// categories of government procurement (货物, 工程, 服务), whichever verb
// the document uses; elsewhere 购买 is a verb that ends a subject
// (购买设备 names what is bought).
var (
	procurementVerbs = map[string]bool{"购买": true, "采购": true}
	procurementKinds = map[string]bool{"货物": true, "工程": true, "服务": true}
)

// bodyWords name the bodies a budget covers; after 各 they say whose
// amount it is (各预算单位…总额, 各部门…支出), not what it counts.
var bodyWords = map[string]bool{"单位": true, "预算单位": true, "部门": true}

// keepPOS are the tags of tokens that may be part of a subject.
var keepPOS = map[string]bool{
	"n": true, "nz": true, "nt": true, "ns": true, "nr": true, "nrt": true, "nrfg": true, "vn": true, "an": true,
	"j": true, "l": true, "i": true, "b": true, "f": false, "a": true, "q": true, "eng": true, "g": true, "ng": true,
	"s": false, "z": true, "zg": true, "k": true, "h": true, "nl": true,
}

// budgetVerbs are words jieba tags as verbs that are nouns in budget
// phrases (支出, 预算, 拨款 …).
var budgetVerbs = map[string]bool{
	"支出": true, "预算": true, "决算": true, "拨款": true, "采购": true, "购置": true, "运行": true, "维护": true,
	"接待": true, "出国": true, "收入": true, "补贴": true, "补助": true, "保障": true, "管理": true, "服务": true,
	"建设": true, "执行": true, "结转": true, "结余": true, "编制": true, "调整": true, "发展": true, "改革": true,
	"统计": true, "运转": true, "办公": true, "培训": true, "维修": true, "租赁": true, "救助": true, "缴费": true,
	"离退休": true, "退休": true, "养老": true, "医疗": true, "安排": true, "转移": true, "经营": true, "附属": true,
	"用车": true, "公用": true, "宣传": true, "监督": true, "监测": true, "审计": true, "拨付": true, "援助": true,
	"奖励": true, "抚恤": true, "合计": false, "总计": false, "资助": true, "会议": true, "招待": true, "印刷": true,
	"购房": true, "就业": true, "计划生育": true, "节能环保": true, "交通运输": true, "提租": true, "执法": true, "执勤": true, "通信": true, "应急": true, "储备": true, "扶持": true,
	"费": true, "车": true, "在建": true, "结算": true,
	// government reports: 转移支付, 上解支出, 税收返还, 还本付息, 调入资金, 转贷收入
	"支付": true, "出让": true, "奖补": true, "上解": true, "返还": true, "还本": true, "付息": true, "调入": true, "调出": true, "转贷": true,
	// a revenue's shortfall or excess against its budget (短收0.25亿元, 超收收入)
	"短收": true, "超收": true,
}

// headVerbs name an amount when they end its phrase, right before it
// (预算安排偿还3.01亿元、再融资债券偿还17.04亿元: the repayments); inside a
// phrase they are verbs (偿还地方政府债券本金: what is repaid is the subject).
var headVerbs = map[string]bool{"偿还": true, "归还": true}

// entitySuffixes end the name of a sub-unit.
var entitySuffixes = []string{"中心", "站", "所", "院", "馆", "队", "办公室", "学校", "俱乐部", "编辑部", "协会",
	"基金会", "医院", "幼儿园", "事务所", "研究所", "研究室", "委员会", "服务社", "福利院", "图书馆", "博物馆"}

// entityIntro marks the words that introduce a sub-unit.
var entityIntro = rx.MustCompile(`(?:下属|所属)(?:事业)?单位|下属|所属|事业单位`)
