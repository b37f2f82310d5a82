package main

import (
	"os"
	"strings"
	"testing"
)

// The package comment's usage list names every command, in the order of the
// usage text.
func TestPackageDocListsCommands(t *testing.T) {
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	doc, _, _ := strings.Cut(string(src), "\npackage main")
	var listed []string
	for _, line := range strings.Split(doc, "\n") {
		if rest, ok := strings.CutPrefix(line, "//\tbudgetdoc "); ok {
			name, _, _ := strings.Cut(rest, " ")
			listed = append(listed, name)
		}
	}
	var want []string
	for _, c := range commands {
		want = append(want, c.name)
	}
	if strings.Join(listed, " ") != strings.Join(want, " ") {
		t.Errorf("main.go's package comment lists %q, the commands are %q", listed, want)
	}
}
