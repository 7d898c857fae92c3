package export

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/content"
)

// SchemaVersion is manifest.json's version; it changes when a field's
// meaning changes, so tools reading bundles can tell.
const SchemaVersion = 1

// Manifest is a bundle's manifest.json.
type Manifest struct {
	Schema    int           `json:"schema"`
	Pkpm      string        `json:"pkpm"`
	Title     string        `json:"title"`
	Slug      string        `json:"slug"`
	Scheduled string        `json:"scheduled,omitempty"` // ISO 8601 with offset
	Status    string        `json:"status"`
	Caption   string        `json:"caption"`
	Hashtags  []string      `json:"hashtags"`
	Slides    []SlideRecord `json:"slides"`
}

// SlideRecord is one image of a bundle.
type SlideRecord struct {
	File   string `json:"file"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
	Alt    string `json:"alt"`
}

// Slide is a rendered slide handed to a bundle.
type Slide struct {
	Name          string
	Data          []byte
	Width, Height int
	Alt           string
	// SHA256 (hex) and Bytes describe the file when Data is not read:
	// enough for Current to tell a bundle that needs no writing.
	SHA256 string
	Bytes  int
}

// Post is what one bundle is made from.
type Post struct {
	Article *content.Article
	Slides  []Slide
}

// Name is the bundle's folder name: "<YYYY-MM-DD>_<slug>", or
// "undated_<slug>" for a post without a date.
func Name(a *content.Article) string {
	day := "undated"
	if !a.Meta.Date.IsZero() {
		day = a.Meta.Date.Format("2006-01-02")
	}
	return day + "_" + a.Slug
}

// Files returns every file of a bundle by name, and its manifest.
func Files(p Post, version string) (map[string][]byte, Manifest) {
	a := p.Article
	m := Manifest{Schema: SchemaVersion, Pkpm: version, Title: a.Meta.Title, Slug: a.Slug, Status: a.Meta.Status,
		Caption: content.Caption(a), Hashtags: append([]string{}, a.Meta.Hashtags...)}
	if !a.Meta.Date.IsZero() {
		m.Scheduled = a.Meta.Date.Format(time.RFC3339)
	}
	files := map[string][]byte{}
	var alt strings.Builder
	for i, s := range p.Slides {
		sha, n := s.SHA256, s.Bytes
		if s.Data != nil {
			sum := sha256.Sum256(s.Data)
			sha, n = hex.EncodeToString(sum[:]), len(s.Data)
		}
		m.Slides = append(m.Slides, SlideRecord{File: s.Name, Width: s.Width, Height: s.Height, Bytes: n, SHA256: sha, Alt: s.Alt})
		files[s.Name] = s.Data
		fmt.Fprintf(&alt, "Slide %d: %s\n", i+1, s.Alt)
	}
	files["caption.txt"] = []byte(m.Caption + "\n")
	files["alt.txt"] = []byte(alt.String())
	js, _ := json.MarshalIndent(m, "", "  ") // plain structs: cannot fail
	files["manifest.json"] = append(js, '\n')
	return files, m
}

// inside reports whether a bundle path stays within the bundles folder,
// whatever a slug holds.
func inside(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && !strings.HasPrefix(rel, "..") && !filepath.IsAbs(rel) && !strings.ContainsRune(rel, filepath.Separator)
}
