package export

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Prune removes the bundles in dir (dist/bundles) whose post is gone: a
// folder with a manifest.json whose slug is not in slugs, and its zip. It
// touches nothing else, and returns the folders removed, sorted. slugs
// must hold the slug of every post of the project.
func Prune(dir string, slugs map[string]bool) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	var removed []string
	for _, e := range ents {
		name := e.Name()
		if !e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		js, err := os.ReadFile(filepath.Join(dir, name, "manifest.json"))
		var m Manifest
		if err != nil || json.Unmarshal(js, &m) != nil || m.Slug == "" || slugs[m.Slug] {
			continue
		}
		// The zip first: a folder without its zip is still a bundle the
		// next run can prune; a zip without its folder would be forgotten.
		if err := os.Remove(filepath.Join(dir, name+".zip")); err != nil && !os.IsNotExist(err) {
			return removed, err
		}
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			return removed, err
		}
		removed = append(removed, name)
	}
	sort.Strings(removed)
	return removed, nil
}
