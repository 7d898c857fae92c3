package export

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// Verify checks that a bundle folder is whole: every slide matches the
// SHA-256 in its manifest, and the zip beside it holds exactly the
// folder's files. Tests and careful users run it after an export.
func Verify(folder string) error {
	js, err := os.ReadFile(filepath.Join(folder, "manifest.json"))
	if err != nil {
		return err
	}
	var m Manifest
	if err := json.Unmarshal(js, &m); err != nil {
		return fmt.Errorf("manifest.json: %w", err)
	}
	for _, s := range m.Slides {
		data, err := os.ReadFile(filepath.Join(folder, filepath.Base(s.File)))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != s.SHA256 || len(data) != s.Bytes {
			return fmt.Errorf("%s does not match the manifest", s.File)
		}
	}
	ents, err := os.ReadDir(folder)
	if err != nil {
		return err
	}
	want := map[string][]byte{}
	for _, e := range ents {
		if want[e.Name()], err = os.ReadFile(filepath.Join(folder, e.Name())); err != nil {
			return err
		}
	}
	z, err := zip.OpenReader(folder + ".zip")
	if err != nil {
		return err
	}
	defer z.Close()
	var names []string
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		name := filepath.Base(f.Name)
		if !bytes.Equal(got, want[name]) || filepath.Dir(f.Name) != filepath.Base(folder) {
			return fmt.Errorf("zip entry %s differs from the folder", f.Name)
		}
		names = append(names, name)
	}
	if len(names) != len(want) || !sort.StringsAreSorted(names) {
		return fmt.Errorf("zip holds %d entries, the folder %d files", len(names), len(want))
	}
	return nil
}
