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

// SyncAhead syncs the files written before it, without waiting; Commit
// syncs only the files written after, and each file is synced once,
// before the swap.
func TestFolderSyncsAhead(t *testing.T) {
	var (
		mu     sync.Mutex
		synced []string
	)
	release := make(chan struct{})
	saved := syncFile
	t.Cleanup(func() { syncFile = saved })
	syncFile = func(path string) error {
		<-release // SyncAhead must not wait for the disk
		mu.Lock()
		synced = append(synced, filepath.Base(path))
		mu.Unlock()
		return saved(path)
	}
	dir := filepath.Join(t.TempDir(), "x")
	f, err := NewFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"01.jpg", "02.jpg"} {
		if err := f.Write(n, []byte(n)); err != nil {
			t.Fatal(err)
		}
	}
	f.SyncAhead()
	if err := f.Write("03.jpg", []byte("03")); err != nil {
		t.Fatal(err)
	}
	f.SyncAhead() // a second call does nothing
	close(release)
	if err := f.waitAhead(); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	ahead := slices.Sorted(slices.Values(synced))
	mu.Unlock()
	if want := []string{"01.jpg", "02.jpg"}; !slices.Equal(ahead, want) {
		t.Errorf("SyncAhead synced %v, want %v", ahead, want)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if want := []string{"01.jpg", "02.jpg", "03.jpg"}; !slices.Equal(slices.Sorted(slices.Values(synced)), want) {
		t.Errorf("synced %v, want each of %v once", synced, want)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "03.jpg")); string(got) != "03" {
		t.Errorf("03.jpg holds %q after the commit", got)
	}
}

// A sync SyncAhead started that fails fails the commit: the old folder
// stays, and Discard leaves nothing behind.
func TestFolderSyncAheadFailureKeepsTheOld(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "x")
	if err := WriteDir(dir, map[string][]byte{"01.jpg": []byte("lama")}); err != nil {
		t.Fatal(err)
	}
	errDisk := errors.New("disk gone")
	saved := syncFile
	t.Cleanup(func() { syncFile = saved })
	syncFile = func(path string) error {
		if filepath.Base(path) == "01.jpg" {
			return errDisk
		}
		return saved(path)
	}
	f, err := NewFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Write("01.jpg", []byte("baru")); err != nil {
		t.Fatal(err)
	}
	f.SyncAhead()
	if err := f.Write("slides.json", []byte("{}")); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); !errors.Is(err, errDisk) {
		t.Fatalf("Commit = %v, want the failed sync's error", err)
	}
	f.Discard()
	if got, _ := os.ReadFile(filepath.Join(dir, "01.jpg")); string(got) != "lama" {
		t.Errorf("01.jpg holds %q, want the old folder's", got)
	}
	assertNoTemps(t, parent)
}
