package extract

import (
	"errors"
	"strings"
	"testing"
)

// readWith is a reader entry point as the readers write it: it defers
// Recover and runs a parser that may panic.
func readWith(parse func() *Document) (doc *Document, err error) {
	defer Recover(&doc, &err)
	doc = &Document{} // a partial result that a panic must not leak
	return parse(), nil
}

func TestRecoverAbortIsCorrupt(t *testing.T) {
	doc, err := readWith(func() *Document {
		Abort("piece %d overruns the stream", 3)
		return nil
	})
	if doc != nil {
		t.Errorf("doc = %v after an abort", doc)
	}
	if !errors.Is(err, ErrCorrupt) || errors.Is(err, ErrInternal) {
		t.Fatalf("err = %v, want ErrCorrupt and not ErrInternal", err)
	}
	if want := "corrupt or truncated file: piece 3 overruns the stream"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
}

// Injected bugs of three kinds: each is ErrInternal (never ErrCorrupt),
// names the function that panicked and carries a stack through it.
func TestRecoverBugIsInternal(t *testing.T) {
	var nilMap map[string]int
	var nilDoc *Document
	index := 5
	for _, tc := range []struct {
		name, value string
		bug         func()
	}{
		{"nil map", "assignment to entry in nil map", func() { nilMap["x"] = 1 }},
		{"index", "index out of range [5] with length 1", func() { _ = []int{1}[index] }},
		{"nil pointer", "invalid memory address or nil pointer dereference", func() { _ = nilDoc.Format }},
	} {
		doc, err := readWith(func() *Document { tc.bug(); return &Document{} })
		if doc != nil {
			t.Errorf("%s: doc = %v after a panic", tc.name, doc)
		}
		var ie *InternalError
		if !errors.As(err, &ie) || !errors.Is(err, ErrInternal) || errors.Is(err, ErrCorrupt) {
			t.Fatalf("%s: err = %v, want an *InternalError (ErrInternal, not ErrCorrupt)", tc.name, err)
		}
		if !strings.Contains(err.Error(), tc.value) {
			t.Errorf("%s: message %q lacks the panic value %q", tc.name, err, tc.value)
		}
		if !strings.HasPrefix(ie.Site, "github.com/budgetdoc/budgetdoc/extract.TestRecoverBugIsInternal.func") ||
			!strings.Contains(ie.Site, "panics_test.go:") {
			t.Errorf("%s: site %q, want the test's closure in panics_test.go", tc.name, ie.Site)
		}
		if !strings.Contains(string(ie.Stack), "extract.readWith") || !strings.Contains(string(ie.Stack), "panics_test.go") {
			t.Errorf("%s: stack lacks the panicking frames:\n%s", tc.name, ie.Stack)
		}
	}
}

func TestRecoverWithoutPanic(t *testing.T) {
	want := &Document{Format: "txt"}
	doc, err := readWith(func() *Document { return want })
	if doc != want || err != nil {
		t.Errorf("got %v, %v", doc, err)
	}
}
