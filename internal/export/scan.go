package export

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"

	"github.com/pkpm-btn3/pkpm/internal/atomicfile"
	"github.com/pkpm-btn3/pkpm/internal/render"
)

// thumbWidth is the thumbnails' width: sharp on a phone at 120 CSS px.
const thumbWidth = 240

// WriteIndex rebuilds dir/index.html from the bundles in dir, so the page
// lists every bundle on disk, not only those of the last export. lang is
// the page's language; when formats a bundle's scheduled time for people.
func WriteIndex(dir, lang string, when func(Manifest) string) error {
	ents, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	var entries []Entry
	for _, e := range ents {
		if !e.IsDir() || e.Name()[0] == '.' {
			continue
		}
		js, err := os.ReadFile(filepath.Join(dir, e.Name(), "manifest.json"))
		if err != nil {
			continue // not a bundle
		}
		var m Manifest
		if json.Unmarshal(js, &m) != nil {
			continue
		}
		entry := Entry{Manifest: m, Folder: e.Name(), When: when(m)}
		for _, s := range m.Slides {
			data, err := os.ReadFile(filepath.Join(dir, e.Name(), filepath.Base(s.File)))
			if err != nil {
				return err
			}
			t, err := render.Thumbnail(data, thumbWidth)
			if err != nil {
				return err
			}
			entry.Thumbs = append(entry.Thumbs, t)
		}
		entries = append(entries, entry)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Folder < entries[j].Folder })
	page, err := Index(entries, lang)
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, "index.html"), page)
}
