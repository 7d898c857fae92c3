package hugeheap

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestBuilds(t *testing.T) {
	for _, c := range []struct {
		argv []string
		want bool
	}{
		{[]string{"pkpm", "build"}, true},
		{[]string{"/usr/local/bin/pkpm", "build", "posts/a.md"}, true},
		{[]string{"pkpm", "-q", "check"}, true},
		{[]string{"pkpm", "--project", "site", "export", "--all"}, true},
		{[]string{"pkpm", "--project=site", "--now", "2021-03-01 08:00", "preview", "--sheet", "a"}, true},
		{[]string{"pkpm", "version"}, false},
		{[]string{"pkpm", "help", "build"}, false},
		{[]string{"pkpm", "--project", "build"}, false}, // a folder named build
		{[]string{"pkpm"}, false},
		{nil, false},
		{[]string{"pkpm.test", "-test.run=TestX", "-test.v"}, false},
	} {
		if got := Builds(c.argv); got != c.want {
			t.Errorf("Builds(%q) = %v, want %v", c.argv, got, c.want)
		}
	}
}

// The package imports only what is initialised before it needs to run:
// an import of, say, strings would have Go initialise it after strings'
// dependencies and the packages sorted before it, once the heap has
// grown.
func TestImportsOnlyTheRuntimes(t *testing.T) {
	allowed := map[string]bool{"runtime": true, "sync": true, "syscall": true, "unsafe": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); !allowed[p] {
				t.Errorf("%s imports %s", name, p)
			}
		}
	}
}
