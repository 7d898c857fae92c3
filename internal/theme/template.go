package theme

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/yamlfile"
	"github.com/pkpm-btn3/pkpm/templates"
)

// Template is a decoded, complete slide template.
type Template struct {
	Name        string              `yaml:"name"`
	Description string              `yaml:"description"`
	Extends     string              `yaml:"extends"`
	Sizes       Sizes               `yaml:"sizes"`
	Palette     map[string]HexColor `yaml:"palette"`
	Roles       TypeRoles           `yaml:"type"`
	Margins     Margins             `yaml:"margins"`
	Header      Chrome              `yaml:"header"`
	Footer      Chrome              `yaml:"footer"`
	Layouts     Layouts             `yaml:"layouts"`

	// Type is Roles by name: "title", "heading", "body", "quote", "small".
	Type map[string]TypeStyle `yaml:"-"`
	// File is where the template came from, for messages.
	File string `yaml:"-"`
	// Source is "built-in" or "project".
	Source string `yaml:"-"`

	colors map[string]color.RGBA
	looks  map[string]Look
	images map[string]image.Image
}

// Source names.
const (
	BuiltIn = "built-in"
	Project = "project"
)

// Load finds a template by name, the project's templates/<name>.yaml
// before the built-in one, follows its extends chain, reads the images it
// names and checks it is complete. projectDir may be "" for none.
func Load(projectDir, name string) (*Template, error) {
	chain, err := readChain(projectDir, name)
	if err != nil {
		return nil, err
	}
	t, err := decodeChain(chain)
	if err != nil {
		return nil, err
	}
	if err := t.loadImages(projectDir, chain[len(chain)-1]); err != nil {
		return nil, err
	}
	t.resolve()
	return t, nil
}

// Parse decodes one template file that extends nothing (or whose parents
// are built-ins): the part of Load tests use without a project.
func Parse(file string, src []byte) (*Template, error) {
	f, err := parseFile(file, src, BuiltIn)
	if err != nil {
		return nil, err
	}
	chain := []*sourceFile{f}
	if f.extends != "" {
		parents, err := readChain("", f.extends)
		if err != nil {
			return nil, diag.Errorf(file, f.extendsLine, "%v", err)
		}
		chain = append(parents, f)
	}
	t, err := decodeChain(chain)
	if err != nil {
		return nil, err
	}
	t.resolve()
	return t, nil
}

// sourceFile is one template file of an extends chain.
type sourceFile struct {
	name, file, source string
	doc                *yamlfile.Doc
	root               *yaml.Node
	extends            string
	extendsLine        int
}

func parseFile(file string, src []byte, source string) (*sourceFile, error) {
	doc, err := yamlfile.Read(file, "the template", src)
	if err != nil {
		return nil, err
	}
	top := doc.Top
	if top == nil {
		return nil, diag.Errorf(file, 0, "template is empty")
	}
	if top.Kind != yaml.MappingNode {
		return nil, diag.Errorf(file, top.Line, "a template is a mapping of keys such as name, palette, type and layouts")
	}
	f := &sourceFile{file: file, source: source, doc: doc, root: top}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "extends":
			f.extends, f.extendsLine = v.Value, k.Line
		case "slides":
			return nil, diag.Errorf(file, k.Line, "the %q section is now called %q; see docs/templates.md", "slides", "layouts")
		}
	}
	return f, nil
}

// readChain reads a template and its parents, the root parent first.
// A template may extend the built-in of its own name.
func readChain(projectDir, name string) ([]*sourceFile, error) {
	var chain []*sourceFile
	seen := map[string]bool{}
	builtinOnly := false
	for name != "" {
		key := name
		if builtinOnly {
			key = "built-in " + name
		}
		if seen[key] {
			var names []string
			for i := len(chain) - 1; i >= 0; i-- {
				names = append(names, chain[i].name)
			}
			return nil, diag.Errorf(chain[0].file, chain[0].extendsLine, "templates extend each other in a loop: %s → %s", strings.Join(names, " → "), name)
		}
		seen[key] = true
		f, err := readOne(projectDir, name, builtinOnly)
		if err != nil {
			if len(chain) > 0 {
				return nil, diag.Errorf(chain[0].file, chain[0].extendsLine, "extends: %v", err)
			}
			return nil, err
		}
		f.name = name
		chain = append([]*sourceFile{f}, chain...)
		builtinOnly = f.extends == name
		name = f.extends
	}
	return chain, nil
}

func readOne(projectDir, name string, builtinOnly bool) (*sourceFile, error) {
	if !validName(name) {
		return nil, fmt.Errorf("template name %q may hold only lower-case letters, digits and hyphens", name)
	}
	if projectDir != "" && !builtinOnly {
		file := filepath.Join(projectDir, "templates", name+".yaml")
		src, err := os.ReadFile(file)
		if err == nil {
			return parseFile(filepath.ToSlash(filepath.Join("templates", name+".yaml")), src, Project)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	src, err := templates.FS.ReadFile(name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("unknown template %q; available: %s", name, strings.Join(Names(projectDir), ", "))
	}
	return parseFile("templates/"+name+".yaml (built-in)", src, BuiltIn)
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// decodeChain decodes each file onto the one before it, so a child sets
// only what it changes, then checks the result is complete.
func decodeChain(chain []*sourceFile) (*Template, error) {
	t := &Template{}
	for _, f := range chain {
		f.doc.Decode(f.root, t, "")
		if err := f.doc.Err(); err != nil {
			return nil, err
		}
		if err := t.checkRefs(f.file); err != nil {
			return nil, err
		}
	}
	leaf := chain[len(chain)-1]
	t.File, t.Source = leaf.file, leaf.source
	if t.Name == "" || len(chain) > 1 && !definesName(leaf) {
		t.Name = leaf.name
	}
	t.Extends = leaf.extends
	if leaf.name != "" && t.Name != leaf.name {
		return nil, diag.Errorf(leaf.file, yamlfile.KeyLine(leaf.root, "name"), "name %q does not match the file name %s.yaml; make them the same", t.Name, leaf.name)
	}
	if err := t.check(chain); err != nil {
		return nil, err
	}
	return t, nil
}

func definesName(f *sourceFile) bool { return yamlfile.KeyLine(f.root, "name") > 0 }

// Names lists the templates a project can use, sorted.
func Names(projectDir string) []string {
	var out []string
	for _, i := range List(projectDir) {
		out = append(out, i.Name)
	}
	return out
}

// Info describes a template for `pkpm templates`.
type Info struct {
	Name        string
	Source      string // BuiltIn or Project
	Overrides   bool   // a project template replacing the built-in of its name
	Description string
	File        string
}

// List describes the templates a project can use, sorted by name. The
// description is read without checking the whole template.
func List(projectDir string) []Info {
	byName := map[string]Info{}
	if ents, err := fs.ReadDir(templates.FS, "."); err == nil {
		for _, e := range ents {
			if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && !e.IsDir() {
				src, _ := templates.FS.ReadFile(e.Name())
				byName[name] = Info{Name: name, Source: BuiltIn, Description: description(src), File: "templates/" + e.Name()}
			}
		}
	}
	if projectDir != "" {
		if ents, err := os.ReadDir(filepath.Join(projectDir, "templates")); err == nil {
			for _, e := range ents {
				name, ok := strings.CutSuffix(e.Name(), ".yaml")
				if !ok || e.IsDir() || !validName(name) {
					continue
				}
				src, _ := os.ReadFile(filepath.Join(projectDir, "templates", e.Name()))
				_, builtin := byName[name]
				byName[name] = Info{Name: name, Source: Project, Overrides: builtin, Description: description(src), File: "templates/" + e.Name()}
			}
		}
	}
	out := make([]Info, 0, len(byName))
	for _, i := range byName {
		out = append(out, i)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Name < out[b].Name })
	return out
}

func description(src []byte) string {
	var v struct {
		Description string `yaml:"description"`
	}
	_ = yaml.Unmarshal(src, &v) // a broken file shows no description; Load reports why
	return strings.Join(strings.Fields(v.Description), " ")
}

// where finds the file and line that set a key path, the child first.
func where(chain []*sourceFile, path ...string) (string, int) {
	for i := len(chain) - 1; i >= 0; i-- {
		if l := yamlfile.KeyLine(chain[i].root, path...); l > 0 {
			return chain[i].file, l
		}
	}
	return chain[len(chain)-1].file, 0
}
