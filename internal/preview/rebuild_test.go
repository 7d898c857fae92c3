package preview

import (
	"reflect"
	"strings"
	"testing"
)

// builds records the reports of a server's builds.
type builds struct{ reports []Report }

func (b *builds) add(r Report) { b.reports = append(b.reports, r) }

func (b *builds) last(t *testing.T) Report {
	t.Helper()
	if len(b.reports) == 0 {
		t.Fatal("no build happened")
	}
	return b.reports[len(b.reports)-1]
}

func TestRebuildTouchesOnlyWhatChanged(t *testing.T) {
	files := testProject()
	files["posts/jarak.md"] = strings.Replace(files["posts/jarak.md"], "status: ready", "status: ready\ntemplate: tegas", 1)
	root := writeProject(t, files)
	writeFile(t, root, "templates/tegas.yaml", builtinTemplate(t))
	var b builds
	s := newServer(t, root, b.add)
	s.buildAll()
	if r := b.last(t); !r.Initial || len(r.Posts) != 3 || r.Failed != 0 {
		t.Fatalf("first build: %+v", r)
	}

	cases := []struct {
		name   string
		change func()
		paths  []string
		want   []string
		drawn  int // slides drawn again; -1: not checked
	}{
		{"a post", func() {
			writeFile(t, root, "posts/masker.md", strings.Replace(files["posts/masker.md"], "Cuci tangan dulu.", "Cuci tangan pakai sabun.", 1))
		},
			[]string{"posts/masker.md"}, []string{"posts/masker.md"}, 1},
		{"a template rebuilds its posts", func() { writeFile(t, root, "templates/tegas.yaml", builtinTemplate(t)+"\n# diubah\n") },
			[]string{"templates/tegas.yaml"}, []string{"posts/jarak.md"}, -1},
		{"a new post", func() { writeFile(t, root, "posts/baru.md", "---\ntitle: Baru\n---\n\nIsi.\n") },
			[]string{"posts/baru.md"}, []string{"posts/baru.md"}, -1},
		{"pkpm.yaml rebuilds all", func() { writeFile(t, root, "pkpm.yaml", "handle: \"@akun.lain\"\n") },
			[]string{"pkpm.yaml"}, []string{"posts/baru.md", "posts/draf.md", "posts/jarak.md", "posts/masker.md"}, -1},
		{"an unrelated template", func() { writeFile(t, root, "templates/lain.yaml", "x") },
			[]string{"templates/lain.yaml"}, nil, 0},
	}
	for _, c := range cases {
		c.change()
		n := len(b.reports)
		s.rebuild(c.paths)
		if c.want == nil {
			if len(b.reports) != n {
				t.Errorf("%s: rebuilt %v, want nothing", c.name, b.last(t).Posts)
			}
			continue
		}
		if got := b.last(t).Posts; !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: rebuilt %v, want %v", c.name, got, c.want)
		}
		// A save redraws only the slides whose fingerprints changed.
		if r := b.last(t); c.drawn >= 0 && r.Drawn != c.drawn {
			t.Errorf("%s: drew %d of %d slides, want %d", c.name, r.Drawn, r.Slides, c.drawn)
		}
	}
	if h := s.site.Load().project.Handle; h != "@akun.lain" {
		t.Errorf("handle after pkpm.yaml changed = %q", h)
	}
	if p := s.site.Load().lookup("masker"); !strings.Contains(p.slides[2].alt, "pakai sabun") {
		t.Errorf("slide 3 was not rebuilt: %q", p.slides[2].alt)
	}
}

func TestBrokenSettingsKeepTheLastGoodOnes(t *testing.T) {
	root := writeProject(t, testProject())
	var b builds
	s := newServer(t, root, b.add)
	s.buildAll()
	writeFile(t, root, "pkpm.yaml", "handle: \"@x\"\ntimezone: Mars/Olympus\n")
	s.rebuild([]string{"pkpm.yaml"})
	r := b.last(t)
	if r.Config == nil || !strings.Contains(r.Config.Error(), "pkpm.yaml:2") {
		t.Errorf("config error = %v, want one naming pkpm.yaml:2", r.Config)
	}
	if len(r.Posts) != 0 {
		t.Errorf("rebuilt %v with broken settings", r.Posts)
	}
	st := s.site.Load()
	if st.configErr == nil || st.project.Handle != "@pkpm.btn3" {
		t.Errorf("site: err %v, handle %q", st.configErr, st.project.Handle)
	}
	writeFile(t, root, "pkpm.yaml", "handle: \"@x\"\n")
	s.rebuild([]string{"pkpm.yaml"})
	if st := s.site.Load(); st.configErr != nil || st.project.Handle != "@x" || len(b.last(t).Posts) != 3 {
		t.Errorf("after the fix: err %v, handle %q, rebuilt %v", st.configErr, st.project.Handle, b.last(t).Posts)
	}
}

func TestRemovedPostLeavesTheSite(t *testing.T) {
	root := writeProject(t, testProject())
	var b builds
	s := newServer(t, root, b.add)
	s.buildAll()
	removeFile(t, root, "posts/draf.md")
	s.rebuild([]string{"posts/draf.md"})
	if r := b.last(t); !reflect.DeepEqual(r.Removed, []string{"posts/draf.md"}) {
		t.Errorf("removed = %v", r.Removed)
	}
	if s.site.Load().lookup("draf") != nil {
		t.Error("the removed post is still shown")
	}
}

func TestDuplicateSlugsFailBothUntilFixed(t *testing.T) {
	files := testProject()
	files["posts/kembar.md"] = "---\ntitle: Kembar\nslug: masker\n---\n\nIsi.\n"
	root := writeProject(t, files)
	s := newServer(t, root, nil)
	s.buildAll()
	for _, p := range s.site.Load().posts {
		if p.slug == "masker" && (p.err == nil || !strings.Contains(p.err.Error(), "also used by")) {
			t.Errorf("%s: err = %v, want a duplicate-slug error", p.file, p.err)
		}
	}
	writeFile(t, root, "posts/kembar.md", "---\ntitle: Kembar\nslug: kembar\n---\n\nIsi.\n")
	s.rebuild([]string{"posts/kembar.md"})
	if p := s.site.Load().lookup("masker"); p == nil || p.err != nil || len(p.slides) != 5 {
		t.Errorf("after the fix, masker = %+v", p)
	}
}

func TestAffectedByImages(t *testing.T) {
	// Neither parsed (article nil), so a template change touches both.
	e := &post{file: "posts/foto/index.md", template: "edukasi"}
	e2 := &post{file: "posts/lain.md", template: "edukasi", deps: []string{"posts/bersama/a.jpg"}}
	entries := map[string]*post{e.file: e, e2.file: e2}
	files := []string{"posts/foto/index.md", "posts/lain.md"}
	for _, c := range []struct {
		paths []string
		want  []string
	}{
		{[]string{"posts/foto/b.jpg"}, []string{"posts/foto/index.md"}},
		{[]string{"posts/bersama/a.jpg"}, []string{"posts/lain.md"}},
		{[]string{"posts/bersama/z.jpg"}, nil},
		{[]string{"templates/edukasi.yaml"}, files},
	} {
		if got := affected(entries, files, classify(c.paths)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("affected(%v) = %v, want %v", c.paths, got, c.want)
		}
	}
}
