package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/atomicfile"
)

// Write writes one bundle folder and its zip under dir (dist/bundles).
// It stops before starting when ctx is done; once started it finishes,
// so the folder and its zip always match. Bundles of the same post under another date (it was
// rescheduled) are removed once the new one is in place, so the index
// never offers one post twice.
func Write(ctx context.Context, dir string, p Post, version string) (Manifest, error) {
	if err := ctx.Err(); err != nil {
		return Manifest{}, err
	}
	name := Name(p.Article)
	folder := filepath.Join(dir, name)
	if !inside(dir, folder) || filepath.Base(folder) != name {
		return Manifest{}, fmt.Errorf("bundle name %q would leave %s", name, dir)
	}
	files, m := Files(p, version)
	z, err := Zip(name, files)
	if err != nil {
		return m, err
	}
	if unchanged(folder, z) {
		// The same zip holds the same files: rewriting them would change
		// nothing but their times, and the phone that synced them.
		return m, removeOtherDates(dir, name, p.Article.Slug)
	}
	// Once the folder is in place its zip must follow, interrupted or not:
	// a new folder beside the old zip would be a bundle at odds with itself.
	if err := atomicfile.WriteDir(folder, files); err != nil {
		return m, err
	}
	if err := atomicfile.WriteFile(folder+".zip", z); err != nil {
		return m, err
	}
	return m, removeOtherDates(dir, name, p.Article.Slug)
}

// Current reports whether p's bundle under dir is in place and would
// be written as it is, judged by its manifest alone: the manifest names
// every file's hash and holds the caption and alt text the other files
// are made of, and a folder and its zip are only ever written together.
// p's slides need only their hashes and sizes, not their data.
func Current(dir string, p Post, version string) bool {
	folder := filepath.Join(dir, Name(p.Article))
	if !inside(dir, folder) {
		return false
	}
	for _, s := range p.Slides {
		if s.Data == nil && s.SHA256 == "" {
			return false
		}
	}
	files, _ := Files(p, version)
	old, err := os.ReadFile(filepath.Join(folder, "manifest.json"))
	if err != nil || !bytes.Equal(old, files["manifest.json"]) {
		return false
	}
	_, err = os.Stat(folder + ".zip")
	return err == nil
}

// unchanged reports whether a bundle's folder is in place and its zip
// already holds exactly z.
func unchanged(folder string, z []byte) bool {
	if st, err := os.Stat(folder); err != nil || !st.IsDir() {
		return false
	}
	old, err := os.ReadFile(folder + ".zip")
	return err == nil && bytes.Equal(old, z)
}

// removeOtherDates deletes the bundles of slug in dir other than keep:
// folders named "<YYYY-MM-DD>_<slug>" or "undated_<slug>" whose manifest
// says they hold that slug, and their zips.
func removeOtherDates(dir, keep, slug string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range ents {
		day, ok := strings.CutSuffix(e.Name(), "_"+slug)
		if !e.IsDir() || e.Name() == keep || !ok {
			continue
		}
		if _, err := time.Parse("2006-01-02", day); err != nil && day != "undated" {
			continue
		}
		js, err := os.ReadFile(filepath.Join(dir, e.Name(), "manifest.json"))
		var m Manifest
		if err != nil || json.Unmarshal(js, &m) != nil || m.Slug != slug {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name()+".zip")); err != nil && !os.IsNotExist(err) {
			return err
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}
