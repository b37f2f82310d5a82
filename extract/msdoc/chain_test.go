package msdoc

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/extract"
)

// TestSectorChainLoop: a .doc whose main stream's sector chain loops back
// (or ends early) is an error, not its first sectors read again as text.
func TestSectorChainLoop(t *testing.T) {
	for _, name := range []string{"budget.doc", "complex.doc"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Read(context.Background(), data, extract.Limits{}); err != nil {
			t.Fatalf("%s: the intact file fails: %v", name, err)
		}
		c, err := parseCFB(data)
		if err != nil {
			t.Fatal(err)
		}
		starts, sizes, err := c.streamStarts("WordDocument")
		if err != nil || len(starts) != 1 {
			t.Fatalf("%s: WordDocument: %v %v", name, starts, err)
		}
		sectors, err := c.chain(starts[0], int64(sizes[0]>>c.shift)+1)
		if err != nil || len(sectors) < 3 {
			t.Fatalf("%s: chain %v: %v", name, sectors, err)
		}
		for _, tc := range []struct {
			name string
			next uint32 // the new successor of the chain's third sector
			want string
		}{
			{"loop", sectors[0], "loops back"},
			{"end", endOfChain, "ends after 3 of"},
		} {
			bad := bytes.Clone(data)
			binary.LittleEndian.PutUint32(bad[c.fatEntryOffset(sectors[2]):], tc.next)
			_, err := Read(context.Background(), bad, extract.Limits{})
			if !errors.Is(err, extract.ErrCorrupt) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s, chain %s: err = %v, want corrupt: …%s…", name, tc.name, err, tc.want)
			}
		}
	}
}
