package export

import (
	_ "embed"
	"encoding/base64"
	"html/template"
	"io"
	"path"
	"sort"
	"sync"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/catalog"
)

//go:embed index.html.tmpl
var indexSource string

//go:embed index.js
var indexScript string

// indexTemplate is parsed once, on first use; each page gets a copy
// reading its language's catalogue.
var indexTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("index").Funcs(catalog.For(catalog.Default).Funcs()).Parse(indexSource))
})

// Entry is one bundle on the index page.
type Entry struct {
	Manifest Manifest
	Folder   string   // the bundle's folder name; the zip is Folder + ".zip"
	Thumbs   [][]byte // small JPEGs of the slides, in order
	When     string   // the scheduled time for people, "" when undated
	// kept reads slide i's thumbnail from where WriteIndex keeps it, as
	// the page is written, so the page's thumbnails are never all in
	// memory at once; nil for Thumbs.
	kept func(i int) []byte
}

type indexSlide struct {
	N     int
	thumb func() []byte
	Href  string // the full-size JPEG, relative to the page
	Name  string // the name it is saved under: "<folder>_01.jpg"
	Alt   string
}

// ThumbSrc is the slide's thumbnail as the img element's src attribute,
// with the image inline: it keeps the page one file. The content is our
// own JPEG in base64, which needs no escaping: marking the attribute safe
// spares the template engine scanning 30 MB of it on a large project.
func (s indexSlide) ThumbSrc() template.HTMLAttr {
	t := s.thumb()
	if t == nil {
		return ""
	}
	return template.HTMLAttr(`src="data:image/jpeg;base64,` + base64.StdEncoding.EncodeToString(t) + `"`)
}

type indexEntry struct {
	Entry
	Slides []indexSlide
}

// IndexTo writes the bundles page to w in lang ("id", "en"): one HTML file with
// the thumbnails inline, so it shows offline, each linking to its
// full-size JPEG in the bundle's folder beside the page. Entries are
// listed in posting order, undated last.
func IndexTo(w io.Writer, entries []Entry, lang string) error {
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
			is := indexSlide{N: i + 1, Alt: s.Alt, Href: e.Folder + "/" + file, Name: e.Folder + "_" + file, thumb: thumbOf(e, i)}
			ie.Slides = append(ie.Slides, is)
		}
		view = append(view, ie)
	}
	t, err := indexTemplate().Clone()
	if err != nil {
		return err
	}
	t.Funcs(catalog.For(lang).Funcs())
	// The script is our own file, embedded: safe to mark as such.
	return t.Execute(w, map[string]any{"Entries": view, "Script": template.JS(indexScript)})
}

func thumbOf(e Entry, i int) func() []byte {
	return func() []byte {
		if i < len(e.Thumbs) && e.Thumbs[i] != nil {
			return e.Thumbs[i]
		}
		if e.kept != nil {
			return e.kept(i)
		}
		return nil
	}
}
