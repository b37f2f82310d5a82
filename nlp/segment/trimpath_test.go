package segment

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// A -trimpath build that is moved elsewhere and run with an empty cache dir
// must still segment: gojieba's own default paths point into the module cache
// as seen at compile time, which such a binary cannot rely on.
func TestTrimpathMovedBinary(t *testing.T) {
	goTool := testenv.GoTool(t, "builds a binary (the first -trimpath build of gojieba compiles C++ for minutes)")
	buildDir, runDir, home := t.TempDir(), t.TempDir(), t.TempDir()
	bin := "trimpathmain"
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command(goTool, "build", "-trimpath", "-o", filepath.Join(buildDir, bin), "./testdata/trimpathmain")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -trimpath: %v\n%s", err, out)
	}
	moved := filepath.Join(runDir, "elsewhere", bin)
	if err := os.MkdirAll(filepath.Dir(moved), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(buildDir, bin), moved); err != nil {
		t.Fatal(err)
	}

	cache := filepath.Join(home, ".cache")
	run := exec.Command(moved)
	run.Dir = runDir
	run.Env = append(testenv.WithoutEnv(os.Environ(), "HOME", "XDG_CACHE_HOME", "LocalAppData", "GOPATH", "GOMODCACHE"),
		"HOME="+home, "XDG_CACHE_HOME="+cache, "LocalAppData="+cache)
	out, err := run.CombinedOutput()
	if err != nil {
		t.Fatalf("moved binary failed: %v\n%s", err, out)
	}
	got := strings.TrimSpace(string(out))
	for _, want := range []string{"收入预算总额/n", "1234.56万元/m", "本部门/n"} {
		if !strings.Contains("|"+got+"|", "|"+want+"|") {
			t.Errorf("output %q lacks token %q", got, want)
		}
	}
	dirs, _ := filepath.Glob(filepath.Join(cache, "budgetdoc", "jieba-*"))
	if runtime.GOOS == "linux" && len(dirs) != 1 {
		t.Errorf("want one dictionary dir under the empty cache %s, got %q", cache, dirs)
	}
}
