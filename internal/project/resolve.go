package project

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// NotFoundError is a post named on the command line that is neither a
// post file nor a post's slug.
type NotFoundError struct {
	Arg   string
	Guess string // the post most likely meant, described, or ""
}

func (e *NotFoundError) Error() string {
	if e.Guess != "" {
		return fmt.Sprintf("no post %q; did you mean %s?", e.Arg, e.Guess)
	}
	return fmt.Sprintf("no post %q; give a file under posts/ or a slug (see `ls posts`)", e.Arg)
}

// Resolve turns command-line arguments (file paths relative to cwd, post
// folders, or slugs) into post files relative to root.
func Resolve(root, cwd string, args []string) ([]string, error) {
	all, err := FindPosts(root)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, a := range args {
		f, ok := match(root, cwd, all, a)
		if !ok {
			return nil, &NotFoundError{Arg: a, Guess: suggest(root, all, a)}
		}
		out = append(out, f)
	}
	return out, nil
}

func match(root, cwd string, all []string, arg string) (string, bool) {
	if f, ok := matchPath(root, cwd, arg); ok {
		return f, true
	}
	slug := trimPostExt(filepath.Base(arg))
	for _, f := range all {
		if SlugOfPath(f) == slug {
			return f, true
		}
	}
	return "", false
}

// matchPath takes arg as a path: a file, or a post folder, inside root.
func matchPath(root, cwd, arg string) (string, bool) {
	p := arg
	if !filepath.IsAbs(p) {
		p = filepath.Join(cwd, p)
	}
	st, err := os.Stat(p)
	if err != nil {
		return "", false
	}
	if st.IsDir() {
		idx, ok := indexFile(p)
		if !ok {
			return "", false
		}
		p = filepath.Join(p, idx)
	}
	rel, err := filepath.Rel(root, p)
	if err != nil || !Inside(rel) {
		return "", false
	}
	return rel, true
}

// Inside reports whether a path relative to the root stays in it.
func Inside(rel string) bool {
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// SlugOfPath is the slug a post's file name gives before its front
// matter is read: the name without .md or .markdown, or the folder's name
// for posts/<slug>/index.md.
func SlugOfPath(f string) string {
	base := filepath.Base(f)
	if stem := trimPostExt(base); stem != base && strings.EqualFold(stem, "index") {
		return filepath.Base(filepath.Dir(f))
	}
	return trimPostExt(base)
}

// trimPostExt drops a post's extension, in any case.
func trimPostExt(name string) string {
	if IsPostName(name) {
		return strings.TrimSuffix(name, filepath.Ext(name))
	}
	return name
}

// suggest names the post arg most likely meant, by its slug, its file
// name or its title (people type a title the way they remember it), or
// returns "". It reads the posts' front matter only on this error path.
func suggest(root string, all []string, arg string) string {
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
		add(SlugOfPath(f), f)
		src, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			continue
		}
		if slug, meta, err := content.ParseHead(f, src, nil); err == nil {
			add(slug, f)
			add(content.Slugify(meta.Title), f)
			titles[f] = meta.Title
		}
	}
	want := content.Slugify(strings.TrimSuffix(filepath.Base(arg), filepath.Ext(arg)))
	best := diag.SuggestPhrase(want, names)
	if best == "" {
		return ""
	}
	f := byName[best]
	if t := titles[f]; t != "" {
		return fmt.Sprintf("%q (%s, %q)", SlugOfPath(f), filepath.ToSlash(f), t)
	}
	return fmt.Sprintf("%q (%s)", SlugOfPath(f), filepath.ToSlash(f))
}
