package check

import (
	"flag"
	"fmt"
	"os"
	"testing"
)

// TestMain runs the tests, then — when all of them ran (no -run or -skip)
// — requires of every rule in the catalogue at least one exact case
// with findings and one without (see expectFindings): a rule without a
// negative case could cry wolf unnoticed, one without a positive case could
// be dead.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" && flag.Lookup("test.skip").Value.String() == "" {
		for _, r := range All {
			if coverage.pos[r.ID] == 0 || coverage.neg[r.ID] == 0 {
				fmt.Fprintf(os.Stderr, "rule %s: %d exact cases with findings and %d without; want at least one of each\n",
					r.ID, coverage.pos[r.ID], coverage.neg[r.ID])
				code = 1
			}
		}
	}
	os.Exit(code)
}
