package pdf

import "testing"

// Info titles as printer drivers write them: the hex text of GBK bytes
// (PScript5, Jiangsu 公开表 of 2018 and 2019), UTF-16BE with a BOM, plain.
func TestDecodeInfo(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<BDADCBD5CAA1C8CBB4F3B3A3CEAFBBE1B0ECB9ABCCFC32303139C4EAB2BFC3C5D4A4CBE3B9ABBFAAB1ED2E786C73>", "江苏省人大常委会办公厅2019年部门预算公开表"},
		{"<FEFF6C5F82CF7701>", "江苏省"},
		{"<32303139C4EAB2BFC3C5D4A4CBE3>", "2019年部门预算"},
		{"部门预算", "部门预算"},
		{"<not hex>", "<not hex>"},
		{"<4142>", "AB"},
		{"<FF>", "<FF>"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := decodeInfo(tc.in); got != tc.want {
			t.Errorf("decodeInfo(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
