package project

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// Slugs reads the front matter of post files (relative to root) and gives
// each its slug: the one its front matter sets, else its file name's. A
// post that cannot be read or whose front matter does not decode is left
// out; its build reports the problem.
func Slugs(root string, files []string, loc *time.Location) map[string]string {
	out := make(map[string]string, len(files))
	for _, f := range files {
		src, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			continue
		}
		if slug, _, err := content.ParseHead(f, src, loc); err == nil {
			out[f] = slug
		}
	}
	return out
}

// DuplicateSlugs finds posts that share a slug, one would silently
// replace the other's output, and gives each of them its error, by file.
func DuplicateSlugs(slugs map[string]string) map[string]diag.Diagnostic {
	bySlug := map[string][]string{}
	for f, s := range slugs {
		bySlug[s] = append(bySlug[s], f)
	}
	out := map[string]diag.Diagnostic{}
	for slug, files := range bySlug {
		if len(files) < 2 {
			continue
		}
		sort.Strings(files)
		for _, f := range files {
			var others []string
			for _, o := range files {
				if o != f {
					others = append(others, o)
				}
			}
			out[f] = diag.Errorf(f, 0, "slug %q is also used by %s; set a different `slug:` in one of them", slug, strings.Join(others, ", "))
		}
	}
	return out
}
