package export

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"html/template"
	"sort"
	"time"
)

//go:embed index.html.tmpl
var indexSource string

var indexTemplate = template.Must(template.New("index").Parse(indexSource))

// Entry is one bundle on the index page.
type Entry struct {
	Manifest Manifest
	Folder   string   // the bundle's folder name; the zip is Folder + ".zip"
	Thumbs   [][]byte // small JPEGs of the slides, in order
	When     string   // the scheduled time for people, "" when undated
}

type indexSlide struct {
	N     int
	Thumb template.URL
	Alt   string
}

type indexEntry struct {
	Entry
	Slides []indexSlide
}

// Index renders the bundles page: one self-contained HTML file with the
// thumbnails inline, so it works offline and when sent to a phone.
// Entries are listed in posting order, undated last.
func Index(entries []Entry, generated string) ([]byte, error) {
	sorted := append([]Entry(nil), entries...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i].Manifest.Scheduled, sorted[j].Manifest.Scheduled
		if (a == "") != (b == "") {
			return b == ""
		}
		ta, _ := time.Parse(time.RFC3339, a)
		tb, _ := time.Parse(time.RFC3339, b)
		if !ta.Equal(tb) {
			return ta.Before(tb)
		}
		return sorted[i].Folder < sorted[j].Folder
	})
	var view []indexEntry
	for _, e := range sorted {
		ie := indexEntry{Entry: e}
		for i, s := range e.Manifest.Slides {
			is := indexSlide{N: i + 1, Alt: s.Alt}
			if i < len(e.Thumbs) {
				// Inline data keeps the page one file; the content is our
				// own JPEG, so the URL is safe to mark as such.
				is.Thumb = template.URL("data:image/jpeg;base64," + base64.StdEncoding.EncodeToString(e.Thumbs[i]))
			}
			ie.Slides = append(ie.Slides, is)
		}
		view = append(view, ie)
	}
	var buf bytes.Buffer
	err := indexTemplate.Execute(&buf, map[string]any{"Entries": view, "Generated": generated})
	return buf.Bytes(), err
}
