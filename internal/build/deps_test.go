package build

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/content"
)

func TestDependencies(t *testing.T) {
	src := "---\ntitle: Foto\ncover: sampul.jpg\n---\n\nPembuka.\n\n---\n\n![Warga](foto/a.png)\n\n---\n\n![Lagi](foto/a.png)\n\n---\n\n![Web](https://example.com/x.jpg)\n\n---\n\n![Luar](../../../luar.jpg)\n\n---\n\n![Bersama](../bersama/b.webp)\n"
	a, err := content.Parse("posts/foto/index.md", []byte(src), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.FromSlash("/proyek")
	got := Dependencies(root, filepath.FromSlash("posts/foto/index.md"), a)
	want := []string{"posts/bersama/b.webp", "posts/foto/foto/a.png", "posts/foto/sampul.jpg"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Dependencies = %q, want %q", got, want)
	}
}
