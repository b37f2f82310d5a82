package projects

import "testing"

func BenchmarkParseList(b *testing.B) {
	s := "产出指标：数量指标：办理案件数≥120件；培训人次≥300人次；系统正常运行月数12个月。质量指标：系统故障修复率≥95%；社会效益指标：补贴对象生活改善度不低于80%。"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		ParseList(s)
	}
}
