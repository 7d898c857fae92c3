package project

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// write makes files (slash paths → contents) under a new folder.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestFindRootWalksUp(t *testing.T) {
	root := write(t, map[string]string{"pkpm.yaml": "handle: \"@x\"\n", "posts/a/foto.txt": ""})
	got, ok := FindRoot(filepath.Join(root, "posts", "a"))
	if !ok || got != root {
		t.Errorf("FindRoot = %q, %v; want %q, true", got, ok, root)
	}
	bare := t.TempDir()
	if got, ok := FindRoot(bare); ok || got != bare {
		t.Errorf("without pkpm.yaml: FindRoot = %q, %v; want the folder itself, false", got, ok)
	}
}

func TestOpenUsesDefaultsWithoutFile(t *testing.T) {
	p, err := Open(t.TempDir())
	if err != nil || p.HasFile || p.Config.Timezone != "Asia/Jakarta" {
		t.Errorf("Open = %+v, %v; want the defaults", p, err)
	}
	root := write(t, map[string]string{"pkpm.yaml": "handel: \"@x\"\n"})
	if _, err := Open(root); err == nil || !strings.Contains(err.Error(), "pkpm.yaml:1") {
		t.Errorf("a bad pkpm.yaml: err = %v, want one naming pkpm.yaml:1", err)
	}
}

func TestListTakesMarkdownInAnyCase(t *testing.T) {
	root := write(t, map[string]string{
		"posts/a.md": "", "posts/B.MD": "", "posts/c.markdown": "", "posts/d.Markdown": "",
		"posts/e/index.md": "", "posts/f/INDEX.MD": "", "posts/g/Index.markdown": "",
		"posts/_draft.md": "", "posts/.hidden.md": "", "posts/foto.jpg": "", "posts/fotos/a.jpg": "",
	})
	l, err := List(root)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"posts/B.MD", "posts/a.md", "posts/c.markdown", "posts/d.Markdown", "posts/e/index.md", "posts/f/INDEX.MD", "posts/g/Index.markdown"}
	if got := slash(l.Posts); !reflect.DeepEqual(got, want) {
		t.Errorf("posts = %q\nwant %q", got, want)
	}
	if len(l.Misnamed) != 0 {
		t.Errorf("misnamed = %+v, want none", l.Misnamed)
	}
}

func TestListNamesLookalikes(t *testing.T) {
	root := write(t, map[string]string{
		"posts/a.md.txt": "", "posts/b.txt": "", "posts/c.DOCX": "", "posts/ok.md": "", "posts/ok.md.txt": "",
		"posts/h/artikel.md": "", "posts/h/foto.jpg": "", "posts/i/index.md.txt": "",
	})
	l, err := List(root)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, m := range l.Misnamed {
		got[filepath.ToSlash(m.File)] = m.Fix
	}
	want := map[string]string{
		"posts/a.md.txt":       "rename it to posts/a.md",
		"posts/b.txt":          "rename it to posts/b.md",
		"posts/c.DOCX":         "save its text as plain text and name that posts/c.md",
		"posts/ok.md.txt":      "posts/ok.md exists already; move this file out of posts/ or start its name with _ so pkpm skips it",
		"posts/h/artikel.md":   "a post folder's text is its index.md; rename it to posts/h/index.md",
		"posts/i/index.md.txt": "a post folder's text is its index.md; rename it to posts/i/index.md",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("misnamed = %q\nwant %q", got, want)
	}
	if w := l.Misnamed[0].Warning().String(); !strings.Contains(w, "posts/a.md.txt") || !strings.Contains(w, "rename") {
		t.Errorf("warning = %q", w)
	}
}

func TestResolveFilesFoldersAndSlugs(t *testing.T) {
	root := write(t, map[string]string{"posts/a.MD": "", "posts/b/index.markdown": "", "posts/c.markdown": ""})
	cases := map[string]string{
		"posts/a.MD": "posts/a.MD", "a": "posts/a.MD", "a.md": "posts/a.MD",
		"posts/b": "posts/b/index.markdown", "b": "posts/b/index.markdown", "c": "posts/c.markdown",
	}
	for arg, want := range cases {
		got, err := Resolve(root, root, []string{arg})
		if err != nil || filepath.ToSlash(got[0]) != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", arg, got, err, want)
		}
	}
	_, err := Resolve(root, root, []string{"zzz"})
	var nf *NotFoundError
	if !asNotFound(err, &nf) || nf.Arg != "zzz" {
		t.Errorf("an unknown post: err = %#v", err)
	}
	if _, err := Resolve(root, root, []string{"../" + filepath.Base(root) + "x"}); err == nil {
		t.Error("a path outside the project resolved")
	}
}

func asNotFound(err error, nf **NotFoundError) bool {
	e, ok := err.(*NotFoundError)
	*nf = e
	return ok
}

func TestSlugOfPath(t *testing.T) {
	for in, want := range map[string]string{
		"posts/a.md": "a", "posts/A.MD": "A", "posts/a.markdown": "a", "posts/x/index.md": "x", "posts/x/INDEX.Markdown": "x", "posts/a.txt": "a.txt",
	} {
		if got := SlugOfPath(filepath.FromSlash(in)); got != want {
			t.Errorf("SlugOfPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDuplicateSlugsFromFrontMatter(t *testing.T) {
	root := write(t, map[string]string{
		"posts/a.md":      "---\ntitle: A\n---\n\nIsi.\n",
		"posts/b.md":      "---\ntitle: B\nslug: a\n---\n\nIsi.\n",
		"posts/c.md":      "---\ntitle: C\n---\n\nIsi.\n",
		"posts/broken.md": "---\ntitle: [\n---\n",
	})
	files := []string{"posts/a.md", "posts/b.md", "posts/c.md", "posts/broken.md"}
	slugs := Slugs(root, files, nil)
	if _, ok := slugs["posts/broken.md"]; ok || slugs["posts/b.md"] != "a" {
		t.Errorf("slugs = %v", slugs)
	}
	d := DuplicateSlugs(slugs)
	if len(d) != 2 || !strings.Contains(d["posts/a.md"].Message, "posts/b.md") || !strings.Contains(d["posts/b.md"].Message, "posts/a.md") {
		t.Errorf("duplicates = %v", d)
	}
}

func slash(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = filepath.ToSlash(p)
	}
	return out
}
