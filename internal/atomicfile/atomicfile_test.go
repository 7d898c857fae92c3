package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// failBeforeRename makes every write stop after its new content is
// written and synced, before it replaces the old: what a crash or a full
// disk at the worst moment does.
func failBeforeRename(t *testing.T) error {
	t.Helper()
	errCut := errors.New("cut short")
	saved := beforeRename
	beforeRename = func(string) error { return errCut }
	t.Cleanup(func() { beforeRename = saved })
	return errCut
}

func TestWriteFileReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b.txt")
	if err := WriteFile(path, []byte("satu")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("dua")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(got) != "dua" || st.Mode().Perm() != 0o600 {
		t.Errorf("got %q, mode %v; want \"dua\", 0600 kept", got, st.Mode().Perm())
	}
	assertNoTemps(t, filepath.Dir(path))
}

func TestWriteFileCutShortKeepsTheOld(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index.html")
	if err := WriteFile(path, []byte("lama")); err != nil {
		t.Fatal(err)
	}
	errCut := failBeforeRename(t)
	if err := WriteFile(path, []byte("baru")); !errors.Is(err, errCut) {
		t.Fatalf("err = %v, want the injected failure", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "lama" {
		t.Errorf("after a write cut short the file holds %q, want the old %q", got, "lama")
	}
	assertNoTemps(t, filepath.Dir(path))
}

func TestWriteDirSwaps(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "slides", "x")
	if err := WriteDir(dir, map[string][]byte{"01.jpg": []byte("a"), "02.jpg": []byte("b")}); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(dir, map[string][]byte{"01.jpg": []byte("c")}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, dir); !reflect.DeepEqual(got, map[string]string{"01.jpg": "c"}) {
		t.Errorf("folder = %v, want only the new file", got)
	}
	assertNoTemps(t, filepath.Dir(dir))
}

func TestWriteDirCutShortKeepsTheOld(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x")
	old := map[string][]byte{"01.jpg": []byte("a"), "02.jpg": []byte("b")}
	if err := WriteDir(dir, old); err != nil {
		t.Fatal(err)
	}
	errCut := failBeforeRename(t)
	if err := WriteDir(dir, map[string][]byte{"01.jpg": []byte("c")}); !errors.Is(err, errCut) {
		t.Fatalf("err = %v, want the injected failure", err)
	}
	if got := read(t, dir); !reflect.DeepEqual(got, map[string]string{"01.jpg": "a", "02.jpg": "b"}) {
		t.Errorf("after a write cut short the folder holds %v, want the old one whole", got)
	}
	assertNoTemps(t, filepath.Dir(dir))
}

func TestRemoveTempsPutsBackAFolderMovedAside(t *testing.T) {
	parent := t.TempDir()
	// A run killed between moving x aside and renaming its replacement in.
	aside := filepath.Join(parent, tempPrefix+"x-123"+asideSuffix)
	if err := os.MkdirAll(aside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(aside, "01.jpg"), []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(parent, tempPrefix+"y-456"), 0o755); err != nil {
		t.Fatal(err)
	}
	RemoveTemps(parent)
	if got := read(t, filepath.Join(parent, "x")); !reflect.DeepEqual(got, map[string]string{"01.jpg": "a"}) {
		t.Errorf("x = %v, want the folder put back", got)
	}
	assertNoTemps(t, parent)
}

func read(t *testing.T, dir string) map[string]string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range ents {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = string(b)
	}
	return out
}

func assertNoTemps(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			t.Errorf("temporary %s left in %s", e.Name(), dir)
		}
	}
}
