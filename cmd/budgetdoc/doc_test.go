package main

import (
	"os"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
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

// A document's error is one line; a bug of ours adds its stack.
func TestPrintError(t *testing.T) {
	fromPanic := func(f func()) (err error) {
		defer func() { err = extract.FromPanic(recover()) }()
		f()
		return nil
	}
	corrupt := &extract.Error{Path: "a.doc", Format: "doc", Err: fromPanic(func() { extract.Abort("piece table overruns") })}
	bug := &extract.Error{Path: "a.doc", Format: "doc", Err: fromPanic(func() { _ = []int{}[len(os.Args)] })}

	var b strings.Builder
	printError(&b, corrupt)
	if want := "a.doc: doc: corrupt or truncated file: piece table overruns\n"; b.String() != want {
		t.Errorf("corrupt: %q, want %q", b.String(), want)
	}
	b.Reset()
	printError(&b, bug)
	first, stack, _ := strings.Cut(b.String(), "\n")
	if !strings.HasPrefix(first, "a.doc: doc: internal error (a bug in budgetdoc: please report it): panic: runtime error: index out of range") {
		t.Errorf("bug: first line %q", first)
	}
	if !strings.Contains(stack, "goroutine ") || !strings.Contains(stack, "TestPrintError") {
		t.Errorf("bug: no stack after the message:\n%s", stack)
	}
}
