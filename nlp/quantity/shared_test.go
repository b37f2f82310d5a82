package quantity

import (
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// sharedDir returns ../shared next to the module root, or skips the test
// when it is absent (CI without the shared corpus).
func sharedDir(t testing.TB) string {
	t.Helper()
	return testenv.SharedDir(t)
}
