package build

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/content"
)

// Dependencies lists the files besides the post file itself that a post's
// slides are made from: its cover and slide images, as slash-separated
// paths relative to root, sorted. Web addresses, absolute paths and paths
// outside the project are left out: the build refuses them anyway. The
// preview rebuilds a post when one of these changes.
func Dependencies(root, postFile string, a *content.Article) []string {
	dir := filepath.Dir(filepath.Join(root, postFile))
	seen := map[string]bool{}
	var out []string
	for _, r := range imageRefs(a) {
		if strings.Contains(r.src, "://") || filepath.IsAbs(r.src) || strings.HasPrefix(r.src, "/") {
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(r.src))
		rel, err := filepath.Rel(root, path)
		if err != nil || !filepath.IsLocal(rel) {
			continue
		}
		if rel = filepath.ToSlash(rel); !seen[rel] {
			seen[rel] = true
			out = append(out, rel)
		}
	}
	sort.Strings(out)
	return out
}
