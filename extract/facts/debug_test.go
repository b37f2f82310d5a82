package facts

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestDebug(t *testing.T) {
	in := os.Getenv("FACTS_DEBUG")
	if in == "" {
		t.Skip()
	}
	fs := extractLines(t, os.Getenv("FACTS_ORG"), strings.Split(in, "\n")...)
	for _, f := range fs {
		b, _ := json.Marshal(f)
		t.Log(string(b))
	}
}
