package build

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/diag"
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
		if guess := suggestPost(root, all, a); guess != "" {
			return nil, fmt.Errorf("no post %q; did you mean %s?", a, guess)
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

// suggestPost names the post arg most likely meant, by its slug, its file
// name or its title (people type a title the way they remember it), or
// returns "". It reads the posts' front matter only on this error path.
func suggestPost(root string, all []string, arg string) string {
	byName := map[string]string{} // candidate (slugified) → post file
	var names []string
	add := func(name, file string) {
		if _, ok := byName[name]; !ok && name != "" {
			byName[name] = file
			names = append(names, name)
		}
	}
	titles := map[string]string{}
	for _, f := range all {
		add(slugOfPath(f), f)
		src, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			continue
		}
		if a, err := content.Parse(f, src, nil); err == nil {
			add(a.Slug, f)
			add(content.Slugify(a.Meta.Title), f)
			titles[f] = a.Meta.Title
		}
	}
	want := content.Slugify(strings.TrimSuffix(filepath.Base(arg), filepath.Ext(arg)))
	best := diag.SuggestPhrase(want, names)
	if best == "" {
		return ""
	}
	f := byName[best]
	if t := titles[f]; t != "" {
		return fmt.Sprintf("%q (%s, %q)", slugOfPath(f), filepath.ToSlash(f), t)
	}
	return fmt.Sprintf("%q (%s)", slugOfPath(f), filepath.ToSlash(f))
}
