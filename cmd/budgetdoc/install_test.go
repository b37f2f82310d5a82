package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// TestImportableModule builds, with `go build`, a throwaway module that
// imports our library packages and the command, the way a user's module (or
// `go install github.com/budgetdoc/budgetdoc/cmd/budgetdoc@version`) sees
// budgetdoc: only our go.mod's requirements count, its replace directives
// are ignored. The root module is replaced by this checkout, which is what
// such a user gets from the module proxy; every other module comes from the
// proxy or the module cache. A fork that builds only through a replace in
// our go.mod fails here.
func TestImportableModule(t *testing.T) {
	goTool := testenv.GoTool(t, "builds a throwaway module (may download modules)")
	root := testenv.ModuleRoot(t)

	// `go install pkg@version` refuses a module whose go.mod has replace or
	// exclude directives, whatever they point at.
	edit := exec.Command(goTool, "mod", "edit", "-json")
	edit.Dir = root
	out, err := edit.Output()
	if err != nil {
		t.Fatalf("go mod edit -json: %v", err)
	}
	var mod struct {
		Module  struct{ Path string }
		Replace []any
		Exclude []any
	}
	if err := json.Unmarshal(out, &mod); err != nil {
		t.Fatal(err)
	}
	if len(mod.Replace) > 0 || len(mod.Exclude) > 0 {
		t.Errorf("go.mod has %d replace and %d exclude directives: `go install %s/cmd/budgetdoc@version` refuses such a module",
			len(mod.Replace), len(mod.Exclude), mod.Module.Path)
	}

	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/budgetdocuser\n\ngo 1.26.0\n\n"+
		"require "+mod.Module.Path+" v0.0.0\n\n"+
		"replace "+mod.Module.Path+" => "+root+"\n")
	// Our go.sum vouches for our requirements, so the build needs the
	// network only for modules missing from the module cache.
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write("go.sum", string(sum))
	write("main.go", `// Command budgetdocuser imports budgetdoc's library packages.
package main

import (
	_ "`+mod.Module.Path+`/check"
	_ "`+mod.Module.Path+`/corpus"
	_ "`+mod.Module.Path+`/extract/pipeline"
)

func main() {}
`)

	build := exec.Command(goTool, "build", "-o", filepath.Join(dir, "bin")+string(filepath.Separator),
		".", mod.Module.Path+"/cmd/budgetdoc")
	build.Dir = dir
	build.Env = append(testenv.WithoutEnv(os.Environ(), "GOFLAGS", "GOWORK"), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err = build.CombinedOutput()
	if err != nil {
		if offline(string(out)) {
			t.Skipf("modules missing from the cache and the module proxy unreachable:\n%s", out)
		}
		t.Fatalf("a module importing budgetdoc does not build: %v\n%s", err, out)
	}
	for _, bin := range []string{"budgetdoc", "budgetdocuser"} {
		if runtime.GOOS == "windows" {
			bin += ".exe"
		}
		if _, err := os.Stat(filepath.Join(dir, "bin", bin)); err != nil {
			t.Errorf("go build wrote no %s: %v", bin, err)
		}
	}
}

// offline tells whether the go command failed for want of the network.
func offline(out string) bool {
	for _, s := range []string{"dial tcp", "no such host", "connection refused", "network is unreachable",
		"i/o timeout", "TLS handshake timeout", "GOPROXY=off", "module lookup disabled", "GOFLAGS=-mod=vendor"} {
		if strings.Contains(out, s) {
			return true
		}
	}
	return false
}
