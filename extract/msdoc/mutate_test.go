package msdoc

import (
	"context"
	"math/rand"
	"os"
	"strconv"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

// TestMutations is a cheap, deterministic complement to FuzzRead: it
// overwrites random bytes of the fixtures (half of them in the OLE header,
// where the container's own bookkeeping lives) and checks that Read
// neither panics nor fails without a sentinel cause. MSDOC_MUTATIONS sets
// the number of rounds per fixture.
func TestMutations(t *testing.T) {
	rounds := 1000
	if testing.Short() {
		rounds = 100
	}
	if n, err := strconv.Atoi(os.Getenv("MSDOC_MUTATIONS")); err == nil {
		rounds = n
	}
	lim := extract.Limits{MaxPages: 100, MaxBytes: 1 << 20, MaxCells: 10000}
	for _, name := range []string{"budget.doc", "complex.doc"} {
		base := readFixture(t, name)
		rng := rand.New(rand.NewSource(int64(len(name))))
		for i := 0; i < rounds; i++ {
			d := append([]byte(nil), base...)
			for k := 0; k < 1+rng.Intn(8); k++ {
				if rng.Intn(2) == 0 {
					d[rng.Intn(512)] = byte(rng.Intn(256))
				} else {
					d[rng.Intn(len(d))] = byte(rng.Intn(256))
				}
			}
			_, err := Read(context.Background(), d, lim)
			if stack := extract.StackOf(err); stack != nil {
				path := t.TempDir() + "/crash.doc"
				os.WriteFile(path, d, 0o644)
				t.Fatalf("%s round %d: %v (input saved to %s)\n%s", name, i, err, path, stack)
			}
			if err != nil && !isSentinel(err) {
				t.Fatalf("%s round %d: error wraps no sentinel: %v", name, i, err)
			}
		}
	}
}
