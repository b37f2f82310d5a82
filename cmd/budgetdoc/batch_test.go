package main

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc/corpus"
	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// buildBinary builds budgetdoc into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "budgetdoc")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/budgetdoc")
	cmd.Dir = testenv.ModuleRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// batchInputs writes n distinct small text documents, two duplicates and two
// bad files, and returns their directory.
func batchInputs(t *testing.T, n int) string {
	t.Helper()
	root := testenv.ModuleRoot(t)
	seed, err := os.ReadFile(filepath.Join(root, "corpus", "testdata", "shiquan_p4_p6.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "in")
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o777)
		if err := os.WriteFile(p, data, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	for i := range n {
		var b bytes.Buffer
		fmt.Fprintf(&b, "第%d号单位2024年部门预算\n一、收入预算总额为%d.%d万元，比上年增加%d万元。\n", i, 100+i, i%10, i%7)
		b.Write(seed)
		write(fmt.Sprintf("docs/d%04d.txt", i), b.Bytes())
		if i < 2 {
			write(fmt.Sprintf("copies/c%04d.txt", i), b.Bytes())
		}
	}
	write("bad/empty.txt", nil)
	write("bad/garbage.bin", []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0xff, 0xfe, 0, 0, 0, 1})
	return dir
}

func batchCmd(bin, out, in string, extra ...string) *exec.Cmd {
	args := append([]string{"batch", "--out", out, "--workers", "2", "--progress", "none"}, extra...)
	cmd := exec.Command(bin, append(args, in)...)
	cmd.Env = append(os.Environ(), "GOMAXPROCS=2")
	return cmd
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// TestBatchResumeAfterSIGKILL kills the batch at random moments, resumes it
// until it finishes, and compares the output with an uninterrupted run.
func TestBatchResumeAfterSIGKILL(t *testing.T) {
	bin := buildBinary(t)
	in := batchInputs(t, 300)
	for _, kind := range []string{"sqlite", "dir"} {
		t.Run(kind, func(t *testing.T) {
			tmp := t.TempDir()
			ref, killed := filepath.Join(tmp, "ref"), filepath.Join(tmp, "killed")
			if kind == "sqlite" {
				ref, killed = ref+".sqlite", killed+".sqlite"
			}
			began := time.Now()
			out, err := batchCmd(bin, ref, in).CombinedOutput()
			full := time.Since(began)
			if code := exitCode(err); code != 1 { // two bad files
				t.Fatalf("uninterrupted run: exit %d, want 1\n%s", code, out)
			}
			if !strings.Contains(string(out), "300 ok, 2 failed") {
				t.Errorf("summary: %s", out)
			}

			rng := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
			kills := 0
			for attempt := 0; ; attempt++ {
				cmd := batchCmd(bin, killed, in, "--resume")
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				done := make(chan error, 1)
				go func() { done <- cmd.Wait() }()
				// Kill at a random moment of what a full run takes (the
				// machine may be loaded); later attempts live longer, so
				// the loop ends.
				delay := time.Duration(rng.Float64() * float64(full) * (0.4 + 0.3*float64(attempt)))
				select {
				case err := <-done:
					if code := exitCode(err); code != 1 {
						t.Fatalf("resumed run: exit %d, want 1", code)
					}
				case <-time.After(delay):
					cmd.Process.Signal(syscall.SIGKILL)
					<-done
					kills++
					continue
				}
				break
			}
			t.Logf("%s: killed %d times before a run finished", kind, kills)
			if kills == 0 {
				t.Log("no run was killed (machine too fast for the delays)")
			}
			if a, b := dump(t, kind, ref), dump(t, kind, killed); a != b {
				t.Errorf("resumed output differs from the uninterrupted run:\n%s", firstDiff(a, b))
			}
		})
	}
}

// TestBatchSIGINT: an interrupt lets the documents in flight finish, the
// output stays consistent, and --resume completes it.
func TestBatchSIGINT(t *testing.T) {
	bin := buildBinary(t)
	in := batchInputs(t, 300)
	tmp := t.TempDir()
	ref, out := filepath.Join(tmp, "ref.sqlite"), filepath.Join(tmp, "out.sqlite")
	batchCmd(bin, ref, in).Run()

	cmd := batchCmd(bin, out, in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(150 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	if code := exitCode(err); code != 1 {
		t.Fatalf("interrupted run: exit %d, want 1\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Logf("the run finished before the interrupt:\n%s", stderr.String())
	}
	if msg, err := batchCmd(bin, out, in, "--resume").CombinedOutput(); exitCode(err) != 1 {
		t.Fatalf("resume: %v\n%s", err, msg)
	}
	if a, b := dump(t, "sqlite", ref), dump(t, "sqlite", out); a != b {
		t.Errorf("resumed output differs from the uninterrupted run:\n%s", firstDiff(a, b))
	}
}

func TestBatchUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"batch", "x.pdf"}, &stdout, &stderr); code != exitInput {
		t.Errorf("batch without --out: exit %d", code)
	}
	out := filepath.Join(t.TempDir(), "o.sqlite")
	if code := run(t.Context(), []string{"batch", "--out", out, "--max-memory", "lots", "x.pdf"}, &stdout, &stderr); code != exitInput {
		t.Errorf("bad --max-memory: exit %d", code)
	}
	for in, want := range map[string]int64{"2GiB": 2 << 30, "800MB": 800e6, "512m": 512 << 20, "0": 0, "1234": 1234} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}

// dump returns the output as sorted lines per table, independent of the
// order in which the workers finished.
func dump(t *testing.T, kind, out string) string {
	t.Helper()
	d, err := corpus.Dump(out)
	if err != nil {
		t.Fatalf("dumping the %s output: %v", kind, err)
	}
	return d
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- %.300s\n+ %.300s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}
