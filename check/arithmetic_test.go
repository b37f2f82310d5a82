package check

import (
	"slices"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/schema"
)

func TestChangeMismatch(t *testing.T) {
	runCases(t, ChangeMismatch, []ruleCase{
		// shanghai_putuo_sifaju_2026_dept_budget.pdf p9: 43269.3 is a typo for 3269.3
		{"direction", budget2026Dept, [][]string{{"6、其他司法支出（99项）3845.49万元。2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%。主要原因是：业务量增加。"}}, []string{"1:1 error 43269\\.3万元"}},
		{"percent", budget2026Dept, [][]string{{"2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.66%。"}}, []string{"1:1 error 2025年当年预算执行数为77\\.99万元，202"}},
		// rounding: 59.11 → 57.8 is −2.216%; 57.8 shown to 0.1 allows −2.21%
		{"within precision", budget2026Dept, [][]string{{"2025年当年预算执行数为59.11万元，2026年预算安排57.8万元，比2025年预算执行数减少2.21%。"}}, nil},
		{"right", budget2026Dept, [][]string{{"2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。"}}, nil},
		// 1672.67/1690.69 − 1 is −1.0658%: 1.07% rounded, 1.06% cut, 1.08% neither
		{"last digit off", budget2026Dept, [][]string{{"2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.08%。"}}, []string{"1:1 error 1690\\.69万元"}},
		{"cut", budget2026Dept, [][]string{{"2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.06%。"}}, nil},
		{"zero base", budget2026Dept, [][]string{{"2022年当年预算执行数为0万元，2023年预算安排60.13万元，比2022年预算执行数增加100.00%。"}}, []string{"1:1 error 2022年当年预算执行数为0万元，2023年预算"}},
		// shanghai_putuo_caizhengju_2024_dept_final_INJECTED_ERRORS.pdf p19 vs the original
		{"final vs budget", final2024Dept, [][]string{{"1、行政运行（项）。年初预算为1560.05万元，支出决算为1511.89万元。决算数大于预算数的主要原因：人员进出及退休变化。"}}, []string{"1:1 error 大于"}},
		{"final vs budget right", final2024Dept, [][]string{{"1、行政运行（项）。年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员进出及退休变化。"}}, nil},
		// a line break before the amount (shanghai_putuo_sifaju_2026_unit_budget.pdf p7)
		{"broken line", budget2026Unit, [][]string{{"13、购房补贴（03项）207万元。主要用于：发放购房补贴。2025年当年预算执行数为", "241.76万元，2026年预算安排170.03万元，比2025年预算执行数增加21.74%。主要原因是：支出增加。"}}, []string{"1:2 error 2025年当年预算执行数为241\\.76万元，20"}},
	})
}

// Snippets marked "altered" are real corpus sentences with one figure
// changed, the way shanghai_putuo_caizhengju_2024_dept_final_INJECTED_ERRORS.pdf
// was made from its original; all others are verbatim.

func TestSumMismatch(t *testing.T) {
	// shanghai_putuo_sifaju_2026_dept_budget.pdf p22
	const procurement = "2026年本部门政府采购预算1486.42万元，其中：政府采购货物预算3.66万元、政府采购工程预算36.44万元、政府采购服务预算1446.32万元。"
	runCases(t, SumMismatch, []ruleCase{
		{"adds up", budget2026Dept, [][]string{{procurement}}, nil},
		{"altered: parts exceed the total", budget2026Dept, [][]string{{strings.Replace(procurement, "1486.42", "1468.42", 1)}}, []string{"1:1 error 1468\\.42万元"}},
		{"altered: parts fall short on one line", budget2026Dept, [][]string{{strings.Replace(procurement, "1486.42", "1496.42", 1)}}, []string{"1:1 error 1496\\.42万元"}},
		// shanghai_putuo_shiquanlujiedao_2026_unit_budget_pages.json p34 with
		// the third item left out: a breakdown over list lines that falls
		// short may be incomplete, so it is not reported
		{"list lines short", budget2026Unit, [][]string{{
			"2026年“三公”经费预算数为8.53万元，比2025年预算减少25万元。其中：",
			"（一）因公出国（境）费0万元，与2025年预算持平。",
			"（二）公务用车购置及运行费7万元，比2025年预算减少25万元，主要原因是2026年度无公车购置预算。",
		}}, nil},
	})
	// shanghai_putuo_caizhengju_2024_dept_final.pdf p24: 4.79+0+246.47 = 251.26
	fs := runOne(t, SumMismatch, docOf(final2024Dept, []string{"上海市普陀区财政局2024年度政府采购金额（以合同签订为准）为251.25万元，其中：货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元。"}))
	expectFindings(t, SumMismatch, fs, []string{"1:1 info 251\\.25万元"})
	if len(fs) == 1 && !slices.Equal(fs[0].Facts, []string{"f1", "f2", "f3", "f4"}) {
		t.Errorf("rounding: facts %v, want the total and its three parts", fs[0].Facts)
	}
}

func TestShareMismatch(t *testing.T) {
	runCases(t, ShareMismatch, []ruleCase{
		// jiangsu_renda_2017_dept_budget.pdf p28: the shares add up to 32.78%
		{"sum", budget2017Dept, [][]string{{"江苏省人大常委会办公厅 2017 年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出 222.5万元，占“三公”经费的 8.75%；公务用车购置及运行费支出 183.6 万元，占“三公”经费的 7.22%；公务接待费支出427.5 万元，占“三公”经费的16.81%。具体情况如下："}}, []string{"1:1 error 8\\.75%"}},
		// shanghai_putuo_caizhengju_2024_dept_final.pdf p21: 2106.66/2940.05 is 71.65%
		{"amount", final2024Dept, [][]string{{"一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%；社会保障和就业支出（类）326.72万元，占11.11%；卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占15.16%；"}}, []string{"1:1 error 71\\.73%"}},
		// shanghai_putuo_guihuaziyuanju_2024_dept_final.pdf p23
		{"right", final2024Dept, [][]string{{"本年支出合计 9759.38万元，其中：基本支出 5377.64万元，占 55.10%；项目支出 4381.74万元，占 44.90%。"}}, nil},
		// jiangsu_renda_2018_dept_budget.pdf p21: a wide gap before % still is a share
		{"wide gap", budget2017Dept, [][]string{{"江苏省人大常委会办公厅本年收入预算合计15897.44万元，其中：", "一般公共预算收入 15897.44 万元，占   100    %；", "政府性基金预算收入 0万元，占0%；", "其他资金 0 万元，占 0%；"}}, nil},
	})
	// jiangsu_gaoyuan_2017_dept_budget.pdf p20: 182.92/28849.38 is 0.634%,
	// written 0.64% so that the shares add up to 100%
	fs := runOne(t, ShareMismatch, docOf(budget2017Dept, []string{"江苏省高级人民法院本年支出预算合计 28849.38万元，其中：", "基本支出17123.19 万元，占 59.35%；", "项目支出11543.27 万元，占 40.01%；", "单位预留机动经费 182.92万元，占 0.64%；"}))
	expectFindings(t, ShareMismatch, fs, []string{"1:4 info 182\\.92万元，占 0\\.64%"})
}

func TestContradiction(t *testing.T) {
	runCases(t, Contradiction, []ruleCase{
		// shanghai_putuo_sifaju_2026_dept_budget.pdf p9
		{"two amounts", budget2026Dept, [][]string{{"12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：行政事业单位为职工缴纳的住房公积金。2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，比2025年预算执行数增加5.27%。主要原因是：支出增加。"}}, []string{"1:1 error 201\\.50万元"}},
		{"one amount", budget2026Dept, [][]string{{"13、住房保障支出（221类）住房改革支出（02款）购房补贴（03项）243.36万元。主要用于：发放购房补贴。2025年当年预算执行数为241.76万元，2026年预算安排243.36万元，比2025年预算执行数增加0.66%。主要原因是：支出增加。"}}, nil},
	})
}

func TestCrossTotal(t *testing.T) {
	budget2019 := schema.Meta{FiscalYear: 2019, Kind: schema.KindBudget, Scope: schema.ScopeDepartment, Title: "江苏省人民检察院2019年度部门预算"}
	// jiangsu_jianchayuan_2019_dept_budget.pdf p25
	first := "江苏省人民检察院2019年度收入、支出预算总计24,169.74 万元，与上年相比收、支预算总计各增加 2214.39万元，增长 10.09 %。其中："
	second := "（二）支出预算总计 24,169.74 万元。包括："
	runCases(t, CrossTotal, []ruleCase{
		{"same", budget2019, [][]string{{first, "（一）收入预算总计 24,169.74 万元。包括：", second}}, nil},
		{"altered: differs", budget2019, [][]string{{first, "（一）收入预算总计 24,169.74 万元。包括：", strings.Replace(second, "24,169.74", "24,196.74", 1)}}, []string{"1:3 error 24,196\\.74"}},
		// the joint total is the income total too
		{"altered: income total differs", budget2019, [][]string{{first, "（一）收入预算总计 24,196.74 万元。包括：", second}}, []string{"1:2 error 24,196\\.74"}},
		// a second joint total that differs is one finding, not one per flow
		{"altered: joint totals differ", budget2019, [][]string{{first, strings.Replace(first, "24,169.74", "24,196.74", 1)}}, []string{"1:2 error 24,196\\.74"}},
	})
}

func TestChangeMismatchFacts(t *testing.T) {
	runCases(t, ChangeMismatch, []ruleCase{
		// shanghai_putuo_caizhengju_2024_dept_final_INJECTED_ERRORS.pdf p18 and its original p21
		{"injected zero", final2024Dept, [][]string{{"上海市普陀区财政局2024 年度收入支出总计 0 万元。与2023 年度相比，收入支出总计减少 56.95 万元，下降 1.87%。主要原因：基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付。"}}, []string{"1:1 error 0 万元"}},
		{"original", final2024Dept, [][]string{{"上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。主要原因：基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付。"}}, nil},
		// jiangsu_jianchayuan_2019_dept_budget.pdf p26: 1237.7/5573 is 22.21%
		{"percent", budget2017Dept, [][]string{{"项目支出预算数为4335.3万元。与上年相比减少了1237.7万元，减少 13.22 %。"}}, []string{"1:1 error 4335\\.3万元"}},
		// jiangsu_jianchayuan_2019_dept_budget.pdf p27: 35.778% written 35.77% (cut, not rounded)
		{"cut percent", budget2017Dept, [][]string{{"2．检察（款）一般行政管理事务(项)支出 2354.4万元，与上年相比减少1311.6万元，减少35.77%。"}}, nil},
		// the draft: 2233.13/3348.98 is 66.6806%, so 66.68% rounded or
		// cut; 66.69% is off at the shown precision
		{"last digit off", budget2026Dept, [][]string{{"2026年“三公”经费预算数为1115.85万元，比2025年预算减少2233.13万元，下降66.69%。"}}, []string{"1:1 error 1115\\.85万元"}},
		{"last digit right", budget2026Dept, [][]string{{"2026年“三公”经费预算数为1115.85万元，比2025年预算减少2233.13万元，下降66.68%。"}}, nil},
		// amounts shown to 0.1万元 leave the percent open by far more than its
		// last digit: 2.3/3.5 is 65.71%, but 2.25/3.6 … 2.35/3.4 all print so
		{"rounded amounts", budget2026Dept, [][]string{{"2026年公务接待费预算数为1.2万元，比2025年预算减少2.3万元，下降66.69%。"}}, nil},
	})
}

// TestContradictionAbsorbsChange: the wrong amount also breaks the percent
// of its sentence; the whole catalogue reports it once.
func TestContradictionAbsorbsChange(t *testing.T) {
	res := docOf(budget2026Dept, []string{"12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：行政事业单位为职工缴纳的住房公积金。2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，比2025年预算执行数增加5.27%。主要原因是：支出增加。"})
	fs, err := runFindings(res, Options{Rules: []*Rule{ChangeMismatch, Contradiction}, Profile: "none"})
	if err != nil {
		t.Fatal(err)
	}
	expectFindings(t, Contradiction, fs, []string{"1:1 error 201\\.50万元"})
}

// TestSameAmountTwice: two facts on one line with the same amount text are
// two places; the finding about the second quotes the second clause (the
// checks once found facts again by their text and quoted the first).
func TestSameAmountTwice(t *testing.T) {
	fs := runOne(t, ChangeMismatch, docOf(budget2026Dept, []string{
		"2026年办公费支出10万元，比上年增加2万元，增长25%；印刷费支出10万元，比上年增加2万元，增长50%。"}))
	expectFindings(t, ChangeMismatch, fs, []string{"1:1 error ^印刷费支出10万元$"})
	if len(fs) == 1 && !slices.Equal(fs[0].Facts, []string{"f2"}) {
		t.Errorf("facts %v, want [f2]", fs[0].Facts)
	}
}

// TestFactsOfJoinedLines: a prose line joined from two lines (broken before
// its amount) still names the facts of its amounts, which extraction placed
// on the second line (shanghai_putuo_sifaju_2026_unit_budget.pdf p7).
func TestFactsOfJoinedLines(t *testing.T) {
	res := docOf(budget2026Unit, []string{"13、购房补贴（03项）207万元。主要用于：发放购房补贴。2025年当年预算执行数为",
		"241.76万元，2026年预算安排170.03万元，比2025年预算执行数增加21.74%。主要原因是：支出增加。"})
	fs := runOne(t, ChangeMismatch, res)
	expectFindings(t, ChangeMismatch, fs, []string{"1:2 error ^2025年当年预算执行数为241\\.76万元，2026年预算安排170\\.03万元"})
	if len(fs) == 1 && !slices.Equal(fs[0].Facts, []string{"f2", "f3"}) {
		t.Errorf("facts %v, want [f2 f3] (241.76万元 and 170.03万元)", fs[0].Facts)
	}
}
