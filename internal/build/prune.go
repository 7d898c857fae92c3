package build

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Prune removes the slide folders under out/slides whose post is gone,
// and returns their names, sorted. posts maps every post file of the
// project to its slug, or to "" when the post failed and its slug may be
// unknown. Prune touches only folders a build made (they hold a
// slides.json); it keeps a folder named by a post's slug, and the folder
// of a post that failed, so a failed post keeps its last slides. Call it
// after a build of every post, never of a few.
func Prune(out string, posts map[string]string) ([]string, error) {
	dir := filepath.Join(out, "slides")
	ents, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	slugs, failed := map[string]bool{}, map[string]bool{}
	for f, slug := range posts {
		slugs[slug] = true
		if slug == "" {
			failed[filepath.ToSlash(f)] = true
		}
	}
	var removed []string
	for _, e := range ents {
		name := e.Name()
		if !e.IsDir() || strings.HasPrefix(name, ".") || slugs[name] {
			continue
		}
		// A folder without a readable slides.json is not a build's.
		m, err := readManifest(filepath.Join(dir, name), true)
		if err != nil || failed[m.Source] {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			return removed, err
		}
		removed = append(removed, name)
	}
	sort.Strings(removed)
	return removed, nil
}
