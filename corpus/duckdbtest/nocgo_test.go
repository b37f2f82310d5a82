//go:build !cgo

package duckdbtest

import "testing"

func TestWarehouse(t *testing.T) {
	t.Skip("DuckDB needs cgo (CGO_ENABLED=1 and a C compiler)")
}
