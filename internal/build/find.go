package build

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// FindPosts lists the post files of a project, relative to root, sorted:
// posts/*.md and posts/<dir>/index.md.
func FindPosts(root string) ([]string, error) {
	dir := filepath.Join(root, "posts")
	ents, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	var out []string
	for _, e := range ents {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_"):
		case e.IsDir():
			if _, err := os.Stat(filepath.Join(dir, name, "index.md")); err == nil {
				out = append(out, filepath.Join("posts", name, "index.md"))
			}
		case strings.HasSuffix(name, ".md"):
			out = append(out, filepath.Join("posts", name))
		}
	}
	sort.Strings(out)
	return out, nil
}

// ResolvePosts turns command-line arguments (file paths, or slugs) into
// post files relative to root.
func ResolvePosts(root, cwd string, args []string) ([]string, error) {
	all, err := FindPosts(root)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, a := range args {
		if f, ok := matchPost(root, cwd, all, a); ok {
			out = append(out, f)
			continue
		}
		return nil, fmt.Errorf("no post %q; give a file under posts/ or a slug (see `ls posts`)", a)
	}
	return out, nil
}

func matchPost(root, cwd string, all []string, arg string) (string, bool) {
	p := arg
	if !filepath.IsAbs(p) {
		p = filepath.Join(cwd, p)
	}
	if st, err := os.Stat(p); err == nil {
		if st.IsDir() {
			p = filepath.Join(p, "index.md")
		}
		if rel, err := filepath.Rel(root, p); err == nil && inside(root, p) {
			if _, err := os.Stat(p); err == nil {
				return rel, true
			}
		}
	}
	slug := strings.TrimSuffix(filepath.Base(arg), ".md")
	for _, f := range all {
		if slugOfPath(f) == slug {
			return f, true
		}
	}
	return "", false
}

// slugOfPath is the slug a file name gives before front matter is read.
func slugOfPath(f string) string {
	if filepath.Base(f) == "index.md" {
		return filepath.Base(filepath.Dir(f))
	}
	return strings.TrimSuffix(filepath.Base(f), ".md")
}
