package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// A folder filled file by file replaces the old one whole on Commit,
// linked files included; cut short before the swap, the old one stays
// and Discard leaves nothing behind.
func TestFolderStreamsThenSwaps(t *testing.T) {
	parent := filepath.Join(t.TempDir(), "slides")
	dir := filepath.Join(parent, "x")
	if err := WriteDir(dir, map[string][]byte{"01.jpg": []byte("lama-1"), "02.jpg": []byte("lama-2")}); err != nil {
		t.Fatal(err)
	}
	write := func() (*Folder, error) {
		f, err := NewFolder(dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Link(filepath.Join(dir, "01.jpg"), "01.jpg"); err != nil {
			t.Fatal(err)
		}
		if err := f.Write("02.jpg", []byte("baru-2")); err != nil {
			t.Fatal(err)
		}
		return f, f.Commit()
	}
	errCut := failBeforeRename(t)
	f, err := write()
	if !errors.Is(err, errCut) {
		t.Fatalf("err = %v, want the injected failure", err)
	}
	f.Discard()
	if got, _ := os.ReadFile(filepath.Join(dir, "02.jpg")); string(got) != "lama-2" {
		t.Errorf("after a cut-short commit 02.jpg holds %q, want the old one", got)
	}
	assertNoTemps(t, parent)
	beforeRename = func(string) error { return nil }
	if _, err := write(); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"01.jpg": "lama-1", "02.jpg": "baru-2"} {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != want {
			t.Errorf("%s holds %q, want %q", name, got, want)
		}
	}
	assertNoTemps(t, parent)
}
