package export

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
	cache := filepath.Join(dir, thumbDir)
	for i := range entries {
		slides := entries[i].Manifest.Slides
		entries[i].kept = func(k int) []byte {
			t, _ := os.ReadFile(filepath.Join(cache, thumbName(slides[k])))
			return t
		}
	}
	// Streamed: a 210-post page is 30 MB, mostly thumbnails, each read
	// from thumbDir as it is written. When no bundle changed, neither
	// does the page: it is compared, not written and synced again.
	return atomicfile.UpdateFileFrom(filepath.Join(dir, "index.html"), func(w io.Writer) error {
		return IndexTo(w, entries, lang)
	})
}

// thumbDir keeps the thumbnails of the slides in the bundles, named after
// each slide's SHA-256 from its manifest, so an index of bundles that did
// not change is written again without decoding a slide.
const thumbDir = ".thumbs"

// thumbnails makes the thumbnails thumbDir does not have yet, on every
// core, and removes those no entry uses any more. A slide whose manifest
// records no hash gets its thumbnail in its entry's Thumbs instead.
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
				var err error
				e := &entries[j.e]
				e.Thumbs[j.s], err = thumbnail(cache, filepath.Join(dir, e.Folder), e.Manifest.Slides[j.s])
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

// thumbnail makes a slide's thumbnail from the slide in folder and keeps
// it, unless it is kept already. It returns the thumbnail only when it
// could not be kept.
func thumbnail(cache, folder string, s SlideRecord) ([]byte, error) {
	name := thumbName(s)
	if name != "" {
		if _, err := os.Stat(filepath.Join(cache, name)); err == nil {
			return nil, nil
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
		if os.MkdirAll(cache, 0o755) == nil && atomicfile.WriteFile(filepath.Join(cache, name), t) == nil {
			return nil, nil
		}
	}
	return t, nil
}
