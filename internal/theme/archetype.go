package theme

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pkpm-btn3/pkpm/templates"
)

// Archetype finds the skeleton of a new post for a pillar: the project's
// templates/archetypes/<pillar>.md, the built-in one, then the project's
// and the built-in default.md. It returns the text and where it came from.
func Archetype(projectDir, pillar string) ([]byte, string, error) {
	names := []string{"default"}
	if pillar != "" && validName(pillar) {
		names = []string{pillar, "default"}
	}
	for _, n := range names {
		rel := "templates/archetypes/" + n + ".md"
		if projectDir != "" {
			src, err := os.ReadFile(filepath.Join(projectDir, filepath.FromSlash(rel)))
			if err == nil {
				return src, rel, nil
			}
			if !errors.Is(err, fs.ErrNotExist) {
				return nil, rel, err
			}
		}
		if src, err := templates.FS.ReadFile("archetypes/" + n + ".md"); err == nil {
			return src, rel + " (built-in)", nil
		}
	}
	return nil, "", errors.New("no archetype found, not even the built-in default")
}

// ArchetypeNames lists the pillars that have an archetype of their own,
// built in or in the project, sorted; "default" is not one.
func ArchetypeNames(projectDir string) []string {
	seen := map[string]bool{}
	add := func(name string) {
		if n, ok := strings.CutSuffix(name, ".md"); ok && n != "default" && validName(n) {
			seen[n] = true
		}
	}
	if ents, err := fs.ReadDir(templates.FS, "archetypes"); err == nil {
		for _, e := range ents {
			add(e.Name())
		}
	}
	if projectDir != "" {
		if ents, err := os.ReadDir(filepath.Join(projectDir, "templates", "archetypes")); err == nil {
			for _, e := range ents {
				add(e.Name())
			}
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// BuiltInFiles lists the built-in templates and archetypes as paths under
// templates/, sorted, for copying into a project.
func BuiltInFiles() ([]string, error) {
	var out []string
	err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := path.Ext(p); ext == ".yaml" || ext == ".md" {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// ReadBuiltIn reads one of BuiltInFiles.
func ReadBuiltIn(p string) ([]byte, error) { return templates.FS.ReadFile(p) }
