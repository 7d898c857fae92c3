package confine

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestReadFileStaysInside(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "project")
	must(t, os.MkdirAll(filepath.Join(dir, "posts", "a"), 0o755))
	must(t, os.WriteFile(filepath.Join(top, "secret.txt"), []byte("rahasia"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "posts", "a", "foto.jpg"), []byte("foto"), 0o644))
	must(t, os.Symlink(filepath.Join(top, "secret.txt"), filepath.Join(dir, "posts", "link.jpg")))
	must(t, os.Symlink(top, filepath.Join(dir, "posts", "up")))
	must(t, os.Symlink("a/foto.jpg", filepath.Join(dir, "posts", "inner.jpg")))

	cases := []struct {
		name string
		want error
		data string
	}{
		{"posts/a/foto.jpg", nil, "foto"},
		{"posts/a/../a/foto.jpg", nil, "foto"},
		{"posts/inner.jpg", nil, "foto"}, // a link that stays inside is fine
		{"../secret.txt", ErrOutside, ""},
		{"posts/../../secret.txt", ErrOutside, ""},
		{"/etc/passwd", ErrOutside, ""},
		{filepath.Join(top, "secret.txt"), ErrOutside, ""},
		{"posts/link.jpg", ErrLinksOutside, ""},
		{"posts/up/secret.txt", ErrLinksOutside, ""},
		{"posts/tidak-ada.jpg", fs.ErrNotExist, ""},
	}
	for _, c := range cases {
		data, err := ReadFile(dir, c.name)
		if c.want == nil && (err != nil || string(data) != c.data) || c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("ReadFile(%q) = %q, %v; want %q, %v", c.name, data, err, c.data, c.want)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
