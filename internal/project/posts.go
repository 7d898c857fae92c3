package project

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// PostsDir is the folder, relative to the root, that holds the posts.
const PostsDir = "posts"

// Listing is what posts/ holds: the post files, and the files that look
// like posts but are not read, with how to make them posts.
type Listing struct {
	Posts    []string // relative to the root, sorted
	Misnamed []Misnamed
}

// Misnamed is a file in posts/ that looks like a post but is not read: a
// post saved by Notepad as .md.txt, a Word document, an index file under
// another name.
type Misnamed struct {
	File string // relative to the root
	Fix  string // what to do, as a clause: "rename it to posts/x.md"
}

// IsPostName reports whether a file name is a post's: .md or .markdown,
// in any case.
func IsPostName(name string) bool {
	ext := filepath.Ext(name)
	return len(name) > len(ext) && (strings.EqualFold(ext, ".md") || strings.EqualFold(ext, ".markdown"))
}

// skipped names are never posts and never warned about: hidden files and
// the ones authors park with a leading underscore.
func skipped(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// List reads posts/: posts/<name>.md and posts/<dir>/index.md, with
// either extension in any case. A project without posts/ has no posts.
func List(root string) (Listing, error) {
	dir := filepath.Join(root, PostsDir)
	ents, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return Listing{}, nil
		}
		return Listing{}, err
	}
	var l Listing
	for _, e := range ents {
		name := e.Name()
		switch {
		case skipped(name):
		case isDir(dir, e):
			if idx, ok := indexFile(filepath.Join(dir, name)); ok {
				l.Posts = append(l.Posts, filepath.Join(PostsDir, name, idx))
			} else if m, ok := misnamedIndex(root, name); ok {
				l.Misnamed = append(l.Misnamed, m)
			}
		case IsPostName(name):
			l.Posts = append(l.Posts, filepath.Join(PostsDir, name))
		default:
			if m, ok := misnamedPost(root, name); ok {
				l.Misnamed = append(l.Misnamed, m)
			}
		}
	}
	sort.Strings(l.Posts)
	return l, nil
}

// FindPosts lists the post files of a project, relative to root, sorted.
func FindPosts(root string) ([]string, error) {
	l, err := List(root)
	return l.Posts, err
}

// isDir follows a link, so a linked folder is a post folder too.
func isDir(dir string, e os.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&os.ModeSymlink == 0 {
		return false
	}
	st, err := os.Stat(filepath.Join(dir, e.Name()))
	return err == nil && st.IsDir()
}

// indexFile finds a post folder's index: index.md or index.markdown in
// any case, index.md first when there are several.
func indexFile(dir string) (string, bool) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return "", false
	}
	var found []string
	for _, e := range ents {
		n := e.Name()
		if IsPostName(n) && strings.EqualFold(strings.TrimSuffix(n, filepath.Ext(n)), "index") && !isDir(dir, e) {
			found = append(found, n)
		}
	}
	if len(found) == 0 {
		return "", false
	}
	sort.Slice(found, func(i, j int) bool { return indexRank(found[i]) < indexRank(found[j]) })
	return found[0], true
}

// indexRank orders index files: index.md, then other spellings by name.
func indexRank(n string) string {
	if n == "index.md" {
		return ""
	}
	return n
}

// lookalikes end the names of files people save posts as by mistake,
// longest first, each with the way to make a post of it.
var lookalikes = []struct {
	ext  string
	word bool // a word processor's file: its text must be saved out
}{
	{".markdown.txt", false}, {".md.txt", false}, {".txt", false}, {".text", false},
	{".docx", true}, {".doc", true}, {".odt", true}, {".rtf", true}, {".pages", true},
}

// lookalike says whether name looks like a post saved under the wrong
// name, giving the name without its wrong ending.
func lookalike(name string) (stem string, word, ok bool) {
	for _, l := range lookalikes {
		if len(name) > len(l.ext) && strings.EqualFold(name[len(name)-len(l.ext):], l.ext) {
			return name[:len(name)-len(l.ext)], l.word, true
		}
	}
	return "", false, false
}

// misnamedPost says whether posts/<name> looks like a post saved under
// the wrong name, and how to fix it.
func misnamedPost(root, name string) (Misnamed, bool) {
	stem, word, ok := lookalike(name)
	if !ok {
		return Misnamed{}, false
	}
	want := PostsDir + "/" + stem + ".md"
	return Misnamed{File: filepath.Join(PostsDir, name), Fix: fixTo(root, want, word)}, true
}

// misnamedIndex says whether posts/<name>/ has no index but holds what
// looks like its text: a Markdown file under another name, or a
// lookalike.
func misnamedIndex(root, name string) (Misnamed, bool) {
	ents, err := os.ReadDir(filepath.Join(root, PostsDir, name))
	if err != nil {
		return Misnamed{}, false
	}
	want := PostsDir + "/" + name + "/index.md"
	for _, e := range ents {
		n := e.Name()
		if skipped(n) || e.IsDir() {
			continue
		}
		_, word, ok := lookalike(n)
		if ok || IsPostName(n) {
			return Misnamed{File: filepath.Join(PostsDir, name, n), Fix: "a post folder's text is its index.md; " + fixTo(root, want, word)}, true
		}
	}
	return Misnamed{}, false
}

// fixTo says how to turn a lookalike into the post want.
func fixTo(root, want string, word bool) string {
	if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(want))); err == nil {
		return fmt.Sprintf("%s exists already; move this file out of %s/ or start its name with _ so pkpm skips it", want, PostsDir)
	}
	if word {
		return fmt.Sprintf("save its text as plain text and name that %s", want)
	}
	return fmt.Sprintf("rename it to %s", want)
}

// Warning is the message for a misnamed file.
func (m Misnamed) Warning() diag.Diagnostic {
	return diag.Warnf(m.File, 0, "not read as a post: posts are .md or .markdown files; %s", m.Fix)
}
