package preview

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/project"
	"github.com/pkpm-btn3/pkpm/templates"
)

// now is the clock of every test: after the past posts below, before the
// future one.
var now = time.Date(2020, 8, 20, 12, 0, 0, 0, time.FixedZone("WIB", 7*3600))

// longIntro makes a caption longer than the fold.
const longIntro = "Masker membantu menahan percikan dari hidung dan mulut. Agar benar-benar melindungi, masker harus dipakai dengan cara yang tepat setiap hari."

// testProject is a small project: a published post, a ready post planned
// after now, and a draft. Each builds in a fraction of a second.
func testProject() map[string]string {
	return map[string]string{
		"pkpm.yaml": "handle: \"@pkpm.btn3\"\nname: PKPM BTN 3 Way Halim\ntimezone: Asia/Jakarta\n",
		"posts/masker.md": "---\ntitle: Cara Memakai Masker\ndate: 2020-08-07 19:00\nstatus: published\nhashtags: [pakaimasker, covid19]\n---\n\n" +
			longIntro + "\n\n---\n\n## Langkah satu\n\nCuci tangan dulu.\n\n---\n\n## Langkah dua\n\nTutup hidung dan mulut.\n",
		"posts/jarak.md": "---\ntitle: Jaga Jarak\ndate: 2020-09-01 19:00\nstatus: ready\n---\n\nSatu meter dari orang lain.\n",
		"posts/draf.md":  "---\ntitle: Tulisan Setengah Jadi\ndate: 2020-08-15 19:00\n---\n\nBelum selesai.\n",
	}
}

func writeProject(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		writeFile(t, root, name, text)
	}
	return root
}

func writeFile(t testing.TB, root, name, text string) {
	t.Helper()
	path := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// newServer makes a server for root with the test clock.
func newServer(t testing.TB, root string, onBuild func(Report)) *Server {
	t.Helper()
	p, err := project.ReadConfig(root)
	if err != nil {
		t.Fatal(err)
	}
	return New(Config{Root: root, Project: p, Now: func() time.Time { return now }, OnBuild: onBuild,
		Quiet: 60 * time.Millisecond, MaxWait: 300 * time.Millisecond})
}

// builtServer is a server that has built root, behind httptest.
func builtServer(t testing.TB, files map[string]string) (*Server, *httptest.Server, string) {
	t.Helper()
	root := writeProject(t, files)
	s := newServer(t, root, nil)
	s.buildAll()
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts, root
}

func get(t testing.TB, url string) (int, string, http.Header) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(body), res.Header
}

// inOrder fails unless each of words occurs in s after the one before.
func inOrder(t *testing.T, s string, words ...string) {
	t.Helper()
	at := 0
	for _, w := range words {
		i := strings.Index(s[at:], w)
		if i < 0 {
			t.Errorf("%q not found after position %d (or out of order)", w, at)
			return
		}
		at += i + len(w)
	}
}

func removeFile(t testing.TB, root, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(root, filepath.FromSlash(name))); err != nil {
		t.Fatal(err)
	}
}

// builtinTemplate is the text of the built-in template, to copy into a
// project under another name.
func builtinTemplate(t testing.TB) string {
	t.Helper()
	data, err := templates.FS.ReadFile("edukasi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Replace(string(data), "name: edukasi", "name: tegas", 1)
}

// shared is one built server over testProject for the tests that only
// read, so the project is built once, not once per test.
var shared struct {
	once sync.Once
	s    *Server
	ts   *httptest.Server
	root string
	err  error
}

func sharedServer(t testing.TB) (*Server, *httptest.Server) {
	t.Helper()
	shared.once.Do(func() {
		shared.root, shared.err = os.MkdirTemp("", "pkpm-preview-")
		if shared.err != nil {
			return
		}
		for name, text := range testProject() {
			writeFile(t, shared.root, name, text)
		}
		shared.s = newServer(t, shared.root, nil)
		shared.s.buildAll()
		shared.ts = httptest.NewServer(shared.s.Handler())
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.s, shared.ts
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.ts != nil {
		shared.ts.Close()
	}
	if shared.root != "" {
		os.RemoveAll(shared.root)
	}
	os.Exit(code)
}
