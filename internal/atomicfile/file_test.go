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
func TestUpdateFileFrom(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "index.html")
	if err := WriteFile(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("template failed")
	err := UpdateFileFrom(path, func(w io.Writer) error {
		fmt.Fprint(w, "half a page")
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("err = %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Fatalf("after a failed write the file holds %q", got)
	}
	if err := UpdateFileFrom(path, func(w io.Writer) error {
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

// A streamed write of the bytes the file holds leaves the file alone: not
// replaced (its inode stays), not written or synced. Bytes that differ
// anywhere, or a file longer or shorter, replace it.
func TestUpdateFileFromKeepsTheSameBytes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index.html")
	page := strings.Repeat("<p>halaman</p>\n", 20<<10) // longer than a read buffer
	writePage := func(s string) func(io.Writer) error {
		return func(w io.Writer) error {
			// In small writes, as a template writes.
			for rest := s; len(rest) > 0; {
				n := min(len(rest), 1000)
				if _, err := io.WriteString(w, rest[:n]); err != nil {
					return err
				}
				rest = rest[n:]
			}
			return nil
		}
	}
	if err := UpdateFileFrom(path, writePage(page)); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	defer func(old func(string) error) { beforeRename = old }(beforeRename)
	beforeRename = func(string) error { return errors.New("the file was written again") }
	if err := UpdateFileFrom(path, writePage(page)); err != nil {
		t.Fatalf("the same page: %v", err)
	}
	if after, _ := os.Stat(path); !os.SameFile(before, after) {
		t.Error("the same page replaced the file")
	}
	beforeRename = func(string) error { return nil }
	for _, other := range []string{page[:len(page)-1] + "!", page + "x", page[:len(page)-1], "<p>" + page[3:]} {
		if err := UpdateFileFrom(path, writePage(other)); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != other {
			t.Errorf("a page of %d bytes left the file with %d", len(other), len(got))
		}
	}
}
