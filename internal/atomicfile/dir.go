package atomicfile

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// asideSuffix ends the name of a folder moved aside while its
// replacement is renamed in, where the system cannot swap two folders at
// once.
const asideSuffix = ".old"

// WriteDir writes files (names without folders) into a new folder beside
// dir, syncs them and swaps the folder in, so a reader sees the old
// folder or the new one, never a mix, and an interrupted run leaves the
// old folder in place.
func WriteDir(dir string, files map[string][]byte) error {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, tempPrefix+filepath.Base(dir)+"-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // after a swap it holds the old folder
	if err := fill(tmp, files); err != nil {
		return err
	}
	if err := beforeRename(tmp); err != nil {
		return err
	}
	if err := swap(tmp, dir); err != nil {
		return err
	}
	return syncDir(parent)
}

// fill writes the files into dir in name order, syncs them all, then
// the folder itself.
func fill(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	written := make([]string, len(names))
	for i, n := range names {
		written[i] = filepath.Base(n)
		if err := writeStarted(filepath.Join(dir, written[i]), files[n]); err != nil {
			return err
		}
	}
	if err := syncFiles(dir, written); err != nil {
		return err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return err
	}
	return syncDir(dir)
}

// swap puts the folder tmp in dir's place and leaves the old dir at tmp.
// Where the system can exchange two names at once it does; elsewhere the
// old folder is moved aside first, and RemoveTemps puts it back if the run
// dies between the two renames.
func swap(tmp, dir string) error {
	if _, err := os.Lstat(dir); os.IsNotExist(err) {
		return os.Rename(tmp, dir)
	}
	if exchange(tmp, dir) == nil {
		return nil
	}
	aside := tmp + asideSuffix
	if err := os.Rename(dir, aside); err != nil {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.Rename(aside, dir)
		return err
	}
	return os.Rename(aside, tmp)
}

// asideOf gives the folder a moved-aside temporary stands for: the name
// between ".tmp-" and the random part, for names ending in ".old".
func asideOf(name string) (string, bool) {
	rest, ok := strings.CutSuffix(strings.TrimPrefix(name, tempPrefix), asideSuffix)
	if !ok {
		return "", false
	}
	i := strings.LastIndexByte(rest, '-')
	if i <= 0 {
		return "", false
	}
	return rest[:i], true
}
