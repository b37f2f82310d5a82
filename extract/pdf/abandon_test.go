package pdf

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/internal/hostile"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// TestAbandonedReadStops: a Read given up on returns at once, and its PDFium
// instance stops working and is destroyed as soon as the call it was in
// returns: a 20-page PDF whose every page keeps PDFium busy in one call
// uses, after Read gave up on it, the CPU of about one page, not of the
// pages left. (A running call itself cannot be stopped without
// SetInterruptible, which makes all reading about four times slower.)
func TestAbandonedReadStops(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a slow PDF")
	}
	slow := func(pages int) []byte {
		var b bytes.Buffer
		if err := hostile.PDFSlowPages(&b, pages, 4<<20); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	data := slow(20)
	if _, err := getEngine(); err != nil {
		t.Fatal(err)
	}
	// The CPU one page costs, from a Read of the same PDF with one page.
	one, err := readCPU(slow(1))
	if err != nil {
		t.Fatal(err)
	}

	gone := make(chan struct{}, 1)
	discarded = func() { gone <- struct{}{} }
	defer func() { discarded = func() {} }()
	ctx, cancel := context.WithTimeout(context.Background(), 3*one/2+100*time.Millisecond)
	defer cancel()
	_, err = Read(ctx, data, extract.Limits{})
	returned := time.Now()
	if !errors.Is(err, extract.ErrTimeout) {
		t.Fatalf("Read: %v, want a timeout", err)
	}
	cpuAtReturn := testenv.CPUTime()
	select {
	case <-gone:
	case <-time.After(30 * time.Second):
		t.Fatal("the abandoned instance was not destroyed within 30 s")
	}
	after := testenv.CPUTime() - cpuAtReturn
	t.Logf("one page: %v of CPU; after Read gave up: %v of CPU, instance destroyed after %v",
		one.Round(time.Millisecond), after.Round(time.Millisecond), time.Since(returned).Round(time.Millisecond))
	if after > 3*one {
		t.Errorf("%v of CPU after Read gave up, more than the page in progress (%v a page): the reading went on", after, one)
	}
	time.Sleep(200 * time.Millisecond)
	if idle := testenv.CPUTime() - cpuAtReturn - after; idle > 100*time.Millisecond {
		t.Errorf("%v of CPU in the 200 ms after the instance was destroyed", idle)
	}
}

// readCPU measures the CPU time of reading data.
func readCPU(data []byte) (time.Duration, error) {
	before := testenv.CPUTime()
	_, err := Read(context.Background(), data, extract.Limits{})
	return testenv.CPUTime() - before, err
}
