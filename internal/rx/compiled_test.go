package rx

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testenv"
)

// compiledInFuncPending lists the functions (file: function) that still
// compile an expression on every call; they are being fixed on another
// branch. Remove an entry once its function no longer does.
var compiledInFuncPending = []string{}

// TestRegexpsCompiledOnce: the program's expressions are compiled once, into
// package variables, never inside a function, where a loop over lines or
// cells would compile them again and again (regexp.MatchString and friends
// compile too). Tests may do as they like.
func TestRegexpsCompiledOnce(t *testing.T) {
	root := testenv.ModuleRoot(t)
	fset := token.NewFileSet()
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		for _, fn := range compilingFuncs(f) {
			site := filepath.ToSlash(rel) + ": " + fn
			if site != "internal/rx/rx.go: MustCompile" && !slices.Contains(found, site) {
				found = append(found, site)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, site := range found {
		if !slices.Contains(compiledInFuncPending, site) {
			t.Errorf("%s compiles a regular expression on every call: make it a package variable", site)
		}
	}
	for _, site := range compiledInFuncPending {
		if !slices.Contains(found, site) {
			t.Errorf("%s no longer compiles an expression: remove it from compiledInFuncPending", site)
		}
	}
}

// compilingFuncs names the functions of f whose bodies call a compiling
// function of package regexp or rx.
func compilingFuncs(f *ast.File) []string {
	var names []string
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, ok := sel.X.(*ast.Ident)
			if ok && (pkg.Name == "regexp" || pkg.Name == "rx") && compiles[sel.Sel.Name] {
				names = append(names, fd.Name.Name)
				return false
			}
			return true
		})
	}
	return names
}

// compiles holds the package-level functions of regexp (and rx) that compile
// their expression argument.
var compiles = map[string]bool{
	"Compile": true, "CompilePOSIX": true, "MustCompile": true, "MustCompilePOSIX": true,
	"Match": true, "MatchString": true, "MatchReader": true,
}

// The detector sees compilation in a method, a closure and a loop, and not
// a package variable or a method call on a compiled expression.
func TestCompilingFuncs(t *testing.T) {
	src := `package p
var pkgLevel = regexp.MustCompile("a")
func inLoop(ls []string) { for _, l := range ls { _ = rx.MustCompile("b").MatchString(l) } }
func (T) inMethod() bool { return regexp.MatchString("c", "d") }
func inClosure() { f := func() { regexp.Compile("e") }; f() }
func usesVar(l string) bool { return pkgLevel.MatchString(l) }
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := compilingFuncs(f)
	if want := []string{"inLoop", "inMethod", "inClosure"}; !slices.Equal(got, want) {
		t.Errorf("compilingFuncs = %q, want %q", got, want)
	}
}
