package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
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

// Every file written into a folder, and every file WriteDir writes, is
// synced before the folder is swapped in: the syncs are put off to the
// swap, not dropped.
func TestFolderSyncsEveryFileBeforeTheSwap(t *testing.T) {
	parent := t.TempDir()
	var (
		mu      sync.Mutex
		synced  []string
		swapped bool
	)
	savedSync, savedRename := syncFile, beforeRename
	t.Cleanup(func() { syncFile, beforeRename = savedSync, savedRename })
	syncFile = func(path string) error {
		mu.Lock()
		if swapped {
			t.Errorf("%s synced after the swap", filepath.Base(path))
		}
		synced = append(synced, filepath.Base(path))
		mu.Unlock()
		return savedSync(path)
	}
	beforeRename = func(string) error {
		mu.Lock()
		swapped = true
		mu.Unlock()
		return nil
	}
	f, err := NewFolder(filepath.Join(parent, "x"))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"01.jpg", "02.jpg", "slides.json"} {
		if err := f.Write(n, []byte(n)); err != nil {
			t.Fatal(err)
		}
	}
	if len(synced) != 0 {
		t.Errorf("synced %v while writing; want the syncs at Commit", synced)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(synced)
	if want := []string{"01.jpg", "02.jpg", "slides.json"}; !slices.Equal(synced, want) {
		t.Errorf("synced %v, want %v", synced, want)
	}

	synced, swapped = nil, false
	if err := WriteDir(filepath.Join(parent, "y"), map[string][]byte{"b.txt": nil, "a.txt": []byte("a")}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(synced)
	if want := []string{"a.txt", "b.txt"}; !slices.Equal(synced, want) {
		t.Errorf("WriteDir synced %v, want %v", synced, want)
	}
}
