//go:build !cgo

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "query: DuckDB needs cgo (CGO_ENABLED=1 and a C compiler)")
	os.Exit(2)
}
