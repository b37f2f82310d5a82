package segment

import "testing"

// FuzzSegment: any bytes and any protected spans → no panic or crash, tokens
// inside the input, ordered, non-overlapping, and usable protected spans whole.
func FuzzSegment(f *testing.F) {
	seeds := []string{
		"2024年本部门收入预算总额1234.56万元",
		"因公出国（境）费支出 180 万元，占“三公”经费的 26.86%；",
		"２０２４年一般公共预算财政拨款收入５８１３．９５万元",
		"基本支出\xff\xfe项目支出\x00\x00人员经费",
		"a/b//c/ \t\r\n　",
		"",
	}
	for i, s := range seeds {
		f.Add(s, i, i+7, len(s)/2, len(s))
	}
	seg := testSegmenter(f)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		protected := []Span{{Start: a, End: b}, {Start: c, End: d, POS: "nz"}}
		tokens := seg.Segment(text, protected)
		checkInvariants(t, text, protected, tokens)
	})
}
