package export

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/pkpm-btn3/pkpm/internal/atomicfile"
	"github.com/pkpm-btn3/pkpm/internal/render"
)

// thumbWidth is the thumbnails' width: sharp on a phone at 120 CSS px.
const thumbWidth = 240

// WriteIndex rebuilds dir/index.html from the bundles in dir, so the page
// lists every bundle on disk, not only those of the last export. lang is
// the page's language; when formats a bundle's scheduled time for people.
// It stops when ctx is done and then leaves the old page in place.
func WriteIndex(ctx context.Context, dir, lang string, when func(Manifest) string) error {
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
		entries = append(entries, Entry{Manifest: m, Folder: e.Name(), When: when(m), Thumbs: make([][]byte, len(m.Slides))})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Folder < entries[j].Folder })
	if err := thumbnails(ctx, dir, entries); err != nil {
		return err
	}
	page, err := Index(entries, lang)
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, "index.html"), page)
}

// thumbDir keeps the thumbnails of the slides in the bundles, named after
// each slide's SHA-256 from its manifest, so an index of bundles that did
// not change is written again without decoding a slide.
const thumbDir = ".thumbs"

// thumbnails fills in every entry's thumbnails, from thumbDir or made
// and kept there, on every core. Thumbnails no entry uses any more are
// removed.
func thumbnails(ctx context.Context, dir string, entries []Entry) error {
	type job struct{ e, s int }
	jobs := make(chan job)
	var mu sync.Mutex
	var errs []error
	cache := filepath.Join(dir, thumbDir)
	used := map[string]bool{}
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				e := &entries[j.e]
				t, err := thumbnail(cache, filepath.Join(dir, e.Folder), e.Manifest.Slides[j.s])
				e.Thumbs[j.s] = t
				if err != nil {
					mu.Lock()
					errs = append(errs, fmt.Errorf("%s: %w", e.Folder, err))
					mu.Unlock()
				}
			}
		}()
	}
	for i, e := range entries {
		for k, s := range e.Manifest.Slides {
			if ctx.Err() != nil {
				break
			}
			used[thumbName(s)] = true
			jobs <- job{i, k}
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	old, _ := os.ReadDir(cache)
	for _, f := range old {
		if !used[f.Name()] {
			os.Remove(filepath.Join(cache, f.Name()))
		}
	}
	return nil
}

// thumbName is the file a slide's thumbnail is kept in: its content's
// hash when the manifest records one.
func thumbName(s SlideRecord) string {
	if len(s.SHA256) != 64 || strings.Trim(s.SHA256, "0123456789abcdef") != "" {
		return ""
	}
	return s.SHA256 + ".jpg"
}

// thumbnail reads a slide's kept thumbnail, or makes it from the slide
// in folder and keeps it.
func thumbnail(cache, folder string, s SlideRecord) ([]byte, error) {
	name := thumbName(s)
	if name != "" {
		if t, err := os.ReadFile(filepath.Join(cache, name)); err == nil {
			return t, nil
		}
	}
	data, err := os.ReadFile(filepath.Join(folder, filepath.Base(s.File)))
	if err != nil {
		return nil, err
	}
	t, err := render.Thumbnail(data, thumbWidth)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.File, err)
	}
	if name != "" {
		// A cache: if it cannot be written, the next index makes the
		// thumbnail again.
		if os.MkdirAll(cache, 0o755) == nil {
			_ = atomicfile.WriteFile(filepath.Join(cache, name), t)
		}
	}
	return t, nil
}
