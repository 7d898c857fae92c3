package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A streamed write replaces the file when it succeeds and leaves the old
// content, and no temporary, when it fails.
func TestWriteFileFrom(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "index.html")
	if err := WriteFile(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("template failed")
	err := WriteFileFrom(path, func(w io.Writer) error {
		fmt.Fprint(w, "half a page")
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("err = %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Fatalf("after a failed write the file holds %q", got)
	}
	if err := WriteFileFrom(path, func(w io.Writer) error {
		_, err := io.WriteString(w, strings.Repeat("x", 200<<10))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); len(got) != 200<<10 {
		t.Fatalf("the file holds %d bytes", len(got))
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("%d files in the folder, want 1: a temporary was left", len(ents))
	}
}
