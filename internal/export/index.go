package export

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"html/template"
	"path"
	"sort"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/catalog"
)

//go:embed index.html.tmpl
var indexSource string

//go:embed index.js
var indexScript string

// indexTemplate is parsed once; each page gets a copy reading its
// language's catalogue.
var indexTemplate = template.Must(template.New("index").Funcs(catalog.For(catalog.Default).Funcs()).Parse(indexSource))

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
	Href  string // the full-size JPEG, relative to the page
	Name  string // the name it is saved under: "<folder>_01.jpg"
	Alt   string
}

type indexEntry struct {
	Entry
	Slides []indexSlide
}

// Index renders the bundles page in lang ("id", "en"): one HTML file with
// the thumbnails inline, so it shows offline, each linking to its
// full-size JPEG in the bundle's folder beside the page. Entries are
// listed in posting order, undated last.
func Index(entries []Entry, lang string) ([]byte, error) {
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
			file := path.Base(s.File)
			is := indexSlide{N: i + 1, Alt: s.Alt, Href: e.Folder + "/" + file, Name: e.Folder + "_" + file}
			if i < len(e.Thumbs) {
				// Inline data keeps the page one file; the content is our
				// own JPEG, so the URL is safe to mark as such.
				is.Thumb = template.URL("data:image/jpeg;base64," + base64.StdEncoding.EncodeToString(e.Thumbs[i]))
			}
			ie.Slides = append(ie.Slides, is)
		}
		view = append(view, ie)
	}
	t, err := indexTemplate.Clone()
	if err != nil {
		return nil, err
	}
	t.Funcs(catalog.For(lang).Funcs())
	var buf bytes.Buffer
	// The script is our own file, embedded: safe to mark as such.
	err = t.Execute(&buf, map[string]any{"Entries": view, "Script": template.JS(indexScript)})
	return buf.Bytes(), err
}
