// Command gensample writes testdata/budget_sample.txt: ~100 KB of synthetic
// budget-disclosure prose, the benchmark input when the real corpus is absent.
// The text is made from templates in the style of 部门预算/决算 explanations
// with a fixed random seed, so the output is reproducible.
//
//	go run ./nlp/segment/testdata/gensample > nlp/segment/testdata/budget_sample.txt
package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
)

var (
	orgs = []string{"市财政局", "区司法局", "省人民检察院", "区规划和自然资源局", "街道办事处", "市商务委员会",
		"区社会福利院", "省政协办公厅", "市交通运输委员会", "区发展和改革委员会"}
	funcs = []string{"一般公共服务支出", "公共安全支出", "教育支出", "科学技术支出", "社会保障和就业支出",
		"卫生健康支出", "城乡社区支出", "农林水支出", "住房保障支出", "文化旅游体育与传媒支出"}
	items = []string{"行政运行", "一般行政管理事务", "机关服务", "事业运行", "信息化建设",
		"机关事业单位基本养老保险缴费支出", "行政单位医疗", "住房公积金", "提租补贴", "购房补贴"}
	econ = []string{"办公费", "印刷费", "差旅费", "会议费", "培训费", "公务接待费", "劳务费", "委托业务费",
		"工会经费", "福利费", "公务用车运行维护费", "其他交通费用", "物业管理费", "维修（护）费"}
	reasons = []string{"人员变动及调资", "新增信息系统运维项目", "严格执行中央八项规定精神，压减一般性支出",
		"机构改革职能划转", "部分项目已完成，不再安排预算", "办公用房维修改造", "执法办案业务量增加"}
	indicators = []string{"数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "服务对象满意度指标"}
)

func main() {
	r := rand.New(rand.NewPCG(2024, 12))
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	money := func() string { return fmt.Sprintf("%d.%02d万元", r.IntN(9000)+10, r.IntN(100)) }
	pct := func() string { return fmt.Sprintf("%d.%d%%", r.IntN(60), r.IntN(10)) }
	dir := func() string {
		if r.IntN(2) == 0 {
			return "增加"
		}
		return "减少"
	}
	written := 0
	for n := 0; written < 100<<10; n++ {
		year := 2017 + r.IntN(9)
		org := pick(orgs)
		paras := []string{
			fmt.Sprintf("%d年，%s收入预算%s，其中：财政拨款收入%s，比%d年预算%s%s；事业收入%s；事业单位经营收入0万元；其他收入%s。",
				year, org, money(), money(), year-1, dir(), money(), money(), money()),
			fmt.Sprintf("支出预算%s，其中：财政拨款支出预算%s，比%d年预算%s%s。财政拨款支出预算中，一般公共预算拨款支出预算%s，%s%s；政府性基金拨款支出预算0万元，与%d年预算持平。",
				money(), money(), year-1, dir(), money(), money(), dir(), pct(), year-1),
			fmt.Sprintf("%s（类）%s（款）%s（项）%d年预算数为%s，比上年预算%s%s，主要原因是%s。",
				pick(funcs), pick(items), pick(items), year, money(), dir(), money(), pick(reasons)),
			fmt.Sprintf("%d年本部门一般公共预算机关运行经费预算支出%s，比上年预算%s%s，下降%s。主要用于%s、%s、%s等方面。",
				year, money(), dir(), money(), pct(), pick(econ), pick(econ), pick(econ)),
			fmt.Sprintf("%d年“三公”经费预算支出%s，其中：因公出国（境）费%s，占“三公”经费的%s；公务用车购置及运行维护费%s；公务接待费%s。",
				year, money(), money(), pct(), money(), money()),
			fmt.Sprintf("%d年度政府采购预算总额%s，其中：政府采购货物预算%s，政府采购工程预算%s，政府采购服务预算%s。截至%d年底，本部门共有车辆%d辆，其中：一般公务用车%d辆，执法执勤用车%d辆；单价50万元以上通用设备%d台（套）。",
				year, money(), money(), money(), money(), year-1, r.IntN(40), r.IntN(20), r.IntN(20), r.IntN(5)),
			fmt.Sprintf("%d年本部门共%d个项目实行绩效目标管理，涉及财政性资金合计%s。其中%s：%s完成率≥%d%%；编制人数%d人，实有人数%d人。",
				year, r.IntN(30), money(), pick(indicators), pick(items), 80+r.IntN(20), 50+r.IntN(200), 40+r.IntN(200)),
		}
		for _, p := range paras {
			if r.IntN(3) > 0 {
				k, _ := fmt.Fprintln(w, p)
				written += k
			}
		}
		if n%5 == 0 {
			k, _ := fmt.Fprintf(w, "\n（%d）%s%d年部门预算情况说明\n\n", n/5+1, org, year)
			written += k
		}
	}
}
