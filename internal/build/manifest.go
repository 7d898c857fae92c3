package build

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/pkpm-btn3/pkpm/internal/check"
	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/render"
)

// ManifestFile is the name of a post's record in its slides folder.
const ManifestFile = "slides.json"

// DeckFile keeps a post's composed slides beside the drawn ones (see
// deck.Store and deckFile), with the inputs they were composed from, so
// that a contact sheet of a built post is drawn without laying the post
// out again.
const DeckFile = "deck.bin"

// Manifest is slides.json: what a post's folder holds, and the build's
// memory of how each slide was made.
type Manifest struct {
	Slug   string `json:"slug"`
	Title  string `json:"title"`
	Source string `json:"source"`
	// Inputs is the fingerprint of everything the post's slides are made
	// from: the post, its template, brand kit, photos, size, format and
	// the renderer. When it matches, the folder is left as it is.
	Inputs string `json:"inputs"`
	// Warnings are what composing the slides reported, kept so a build
	// that reuses the folder reports them again.
	Warnings []Warning   `json:"warnings,omitempty"`
	Slides   []SlideInfo `json:"slides"`
}

// Warning is a composing warning as slides.json keeps it.
type Warning struct {
	File    string `json:"file,omitempty"` // when not the post: pkpm.yaml
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

// SlideInfo describes one written slide in slides.json.
type SlideInfo struct {
	File     string   `json:"file"`
	Width    int      `json:"width"`
	Height   int      `json:"height"`
	Alt      string   `json:"alt"`
	Warnings []string `json:"warnings,omitempty"`
	// Lines are the slide's text lines as set, in reading order.
	Lines []deck.TextLine `json:"lines"`
	// Fingerprint is the hash of everything that shaped the slide's
	// pixels; a slide with the same fingerprint is not drawn again.
	Fingerprint string `json:"fingerprint"`
	// SHA256 is the hex SHA-256 of the slide's file, so export can tell
	// that a bundle holds this very file without reading it.
	SHA256 string `json:"sha256,omitempty"`
	Bytes  int    `json:"bytes,omitempty"`
	// Kind, Line and Photos are what check looks at besides the image,
	// kept so that checking a built post composes nothing.
	Kind   string  `json:"kind"`
	Line   int     `json:"line,omitempty"`
	Photos []Photo `json:"photos,omitempty"`
	// Contrast is the text contrast measured on the drawn slide, for
	// check, kept so that checking a built post draws nothing.
	Contrast []Contrast `json:"contrast,omitempty"`
}

// Photo is a picture on a slide: its size as decoded and the box it
// fills, so check can tell a stretched photo.
type Photo struct {
	Width  int     `json:"width"`
	Height int     `json:"height"`
	BoxW   float64 `json:"box_width"`
	BoxH   float64 `json:"box_height"`
}

// Contrast is one line of text's worst contrast against what is behind
// it.
type Contrast struct {
	Text  string  `json:"text"`
	Size  float64 `json:"size"`
	Bold  bool    `json:"bold,omitempty"`
	Ratio float64 `json:"ratio"`
}

func contrastOf(tc []render.TextContrast) []Contrast {
	out := make([]Contrast, len(tc))
	for i, c := range tc {
		out[i] = Contrast{Text: c.Text, Size: c.Size, Bold: c.Bold, Ratio: c.Ratio}
	}
	return out
}

// TextContrast gives a slide's measures back in the renderer's terms.
func (s SlideInfo) TextContrast() []render.TextContrast {
	out := make([]render.TextContrast, len(s.Contrast))
	for i, c := range s.Contrast {
		out[i] = render.TextContrast{Text: c.Text, Size: c.Size, Bold: c.Bold, Ratio: c.Ratio, Line: s.Line}
	}
	return out
}

// CheckPost is what check's rules look at in a built post: with
// Options.Inspect, everything is in the result, whether the slides were
// drawn or kept.
func CheckPost(r PostResult) check.Post {
	p := check.Post{File: r.File, Article: r.Article, Diags: r.Diags, BodyMin: r.BodyMin}
	for _, si := range r.Manifest.Slides {
		kind, _ := deck.KindNamed(si.Kind)
		s := check.Slide{Kind: kind, Line: si.Line, Alt: si.Alt, Warnings: si.Warnings}
		for _, ph := range si.Photos {
			s.Photos = append(s.Photos, check.Photo{Width: ph.Width, Height: ph.Height, BoxW: ph.BoxW, BoxH: ph.BoxH})
		}
		p.Slides = append(p.Slides, s)
		p.Images = append(p.Images, r.Files[si.File])
		p.ImageBytes = append(p.ImageBytes, si.Bytes)
		p.Contrast = append(p.Contrast, si.TextContrast())
	}
	return p
}

// slideInfo describes a composed slide for slides.json; the drawing
// fills in the contrast.
func slideInfo(name, fingerprint string, s deck.Slide) SlideInfo {
	si := SlideInfo{File: name, Width: s.W, Height: s.H, Alt: s.Alt, Warnings: s.Warnings, Lines: s.Lines(), Fingerprint: fingerprint, Kind: s.Kind.String(), Line: s.Line}
	for _, ph := range check.PhotosOf(s) {
		si.Photos = append(si.Photos, Photo{Width: ph.Width, Height: ph.Height, BoxW: ph.BoxW, BoxH: ph.BoxH})
	}
	return si
}

// diagnostics turns the kept warnings back into a post's diagnostics.
func (m Manifest) diagnostics(file string) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, w := range m.Warnings {
		f := file
		if w.File != "" {
			f = w.File
		}
		out = append(out, diag.Diagnostic{File: f, Line: w.Line, Severity: diag.Warning, Message: w.Message})
	}
	return out
}

func (m Manifest) encode() ([]byte, error) {
	js, err := json.MarshalIndent(m, "", "  ")
	return append(js, '\n'), err
}

// ReadManifest reads a post's slides.json from its folder.
func ReadManifest(dir string) (*Manifest, error) { return readManifest(dir, false) }

// readManifest reads slides.json; brief keeps of each slide only its
// file, which is all a build needs of a post it finds up to date. A build
// that found 210 posts up to date decoded 6.5 MB of text lines, photos
// and contrast it never read: a third of the decoding, and its garbage.
func readManifest(dir string, brief bool) (*Manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, err
	}
	if brief {
		var m struct {
			Manifest
			Slides []struct {
				File string `json:"file"`
			} `json:"slides"` // in place of Manifest.Slides
		}
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, err
		}
		m.Manifest.Slides = make([]SlideInfo, len(m.Slides))
		for i, s := range m.Slides {
			m.Manifest.Slides[i].File = s.File
		}
		return &m.Manifest, nil
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	return &m, nil
}
