package layout

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-text/typesetting/font"

	"github.com/pkpm-btn3/pkpm/internal/cbdt"
)

// Fonts are the faces a layout draws with. A *font.Face caches glyph
// extents without locking, so every goroutine needs its own Fonts: use
// Clone for each worker. Each font but the regular one is parsed when it
// is first used (or preloaded, see Preload), once for every clone: a
// command that fails on its input reads no fonts but one, and posts
// without emoji never read the 11 MB emoji font.
type Fonts struct {
	Regular *font.Face
	lazy    *[numFaces]lazyFont // shared by clones
	faces   [numFaces]*font.Face
}

// The fonts read on first use.
const (
	boldFace = iota
	italicFace
	boldItalicFace
	displayFace // titles
	monoFace
	emojiFace // colour emoji, the fallback
	numFaces
)

// FontFiles are the font files' contents. Strings, so embedded fonts are
// read in place, without a copy.
type FontFiles struct {
	Regular, Bold, Italic, BoldItalic, Display, Mono, Emoji string
}

// LoadFonts parses the regular font and keeps the others for later.
func LoadFonts(files FontFiles) (*Fonts, error) {
	return NewFontSet(files).Load()
}

// A FontSet holds font files not read yet. Its fonts other than the
// regular one may be preloaded before Load reads the regular one, so
// that all are read at once on as many cores.
type FontSet struct {
	regular string
	lazy    *[numFaces]lazyFont
}

// NewFontSet keeps the files; it reads none of them.
func NewFontSet(files FontFiles) *FontSet {
	lazy := &[numFaces]lazyFont{}
	for i, data := range [numFaces]string{files.Bold, files.Italic, files.BoldItalic, files.Display, files.Mono, files.Emoji} {
		lazy[i].data = data
	}
	return &FontSet{regular: files.Regular, lazy: lazy}
}

// Load parses the regular font and returns the faces of the set, whose
// other fonts are read on first use or as preloaded. Each call parses
// the regular font again; the others are read once for the set.
func (s *FontSet) Load() (*Fonts, error) {
	regular, err := font.ParseTTF(strings.NewReader(s.regular))
	if err != nil {
		return nil, fmt.Errorf("reading the regular font: %w", err)
	}
	return &Fonts{Regular: regular, lazy: s.lazy}, nil
}

// Preload is Fonts.Preload for the set's fonts, whether Load has been
// called or not.
func (s *FontSet) Preload(italic bool) { preload(s.lazy, italic) }

// Clone returns faces over the same parsed fonts with caches of their own.
func (f *Fonts) Clone() *Fonts {
	return &Fonts{Regular: font.NewFace(f.Regular.Font), lazy: f.lazy}
}

// get returns one of the lazily read faces; a text font that cannot be
// read falls back to the regular one, the emoji font to nil.
func (f *Fonts) get(i int) *font.Face {
	if f.faces[i] == nil {
		if fnt := f.lazy[i].get(); fnt != nil {
			f.faces[i] = font.NewFace(fnt)
		} else if i != emojiFace {
			f.faces[i] = f.Regular
		}
	}
	return f.faces[i]
}

// Preload parses the bold and display fonts, and with italic the italic
// and bold italic ones, at once, each on a goroutine of its own, and
// returns without waiting: a build calls it when it knows it will lay
// text out, so the fonts are read on idle cores instead of one after the
// other when the first title needs them. The monospace and emoji fonts
// are left to first use: few posts need them.
func (f *Fonts) Preload(italic bool) { preload(f.lazy, italic) }

func preload(lazy *[numFaces]lazyFont, italic bool) {
	faces := []int{boldFace, displayFace}
	if italic {
		faces = append(faces, italicFace, boldItalicFace)
	}
	for _, i := range faces {
		go lazy[i].get()
	}
}

// Emoji is the colour emoji face, read on first use; nil when the emoji
// font cannot be read (then emoji fall back to the text face).
func (f *Fonts) Emoji() *font.Face { return f.get(emojiFace) }

// FaceNumber names the font of a face of any clone of f by a number that
// FaceOf turns back into a face of its own clone. Fonts not read yet are
// not read for it: a face that uses one cannot exist.
func (f *Fonts) FaceNumber(face *font.Face) (uint8, bool) {
	if face.Font == f.Regular.Font {
		return 0, true
	}
	for i := range f.lazy {
		if fnt := f.lazy[i].parsed.Load(); fnt != nil && fnt == face.Font {
			return uint8(i + 1), true
		}
	}
	return 0, false
}

// FaceOf is the face FaceNumber named n, read now if it was not yet; nil
// for a number FaceNumber never gives.
func (f *Fonts) FaceOf(n uint8) *font.Face {
	switch {
	case n == 0:
		return f.Regular
	case int(n) <= numFaces:
		return f.get(int(n) - 1)
	}
	return nil
}

// lazyFont parses a font once, on first use.
type lazyFont struct {
	data   string
	once   sync.Once
	font   *font.Font
	parsed atomic.Pointer[font.Font] // font, once it is read; for FaceNumber
}

func (l *lazyFont) get() *font.Font {
	l.once.Do(func() {
		if f := withoutBitmaps(l.data); f != nil {
			l.font = f
		} else if face, err := font.ParseTTF(strings.NewReader(l.data)); err == nil {
			l.font = face.Font
		}
		l.parsed.Store(l.font)
	})
	return l.font
}

// strikes holds the colour bitmaps of fonts parsed without them.
var strikes sync.Map // *font.Font → *cbdt.Strike

// withoutBitmaps parses a colour bitmap font without its bitmap tables,
// which are read in place when a glyph is drawn (see ColorBitmaps); nil
// when the font has none, or ones cbdt does not read.
func withoutBitmaps(data string) *font.Font {
	s, err := cbdt.Open(data)
	if err != nil {
		return nil
	}
	rest, err := cbdt.Strip(data)
	if err != nil {
		return nil
	}
	face, err := font.ParseTTF(bytes.NewReader(rest))
	if err != nil {
		return nil
	}
	strikes.Store(face.Font, s)
	return face.Font
}

// ColorBitmaps returns the colour bitmaps of a font whose bitmap tables
// were left out of its parse, or nil: then the font's own glyph data
// holds whatever bitmaps it has.
func ColorBitmaps(f *font.Font) *cbdt.Strike {
	if s, ok := strikes.Load(f); ok {
		return s.(*cbdt.Strike)
	}
	return nil
}

// face picks the text face for a style.
func (f *Fonts) face(s Style) *font.Face {
	switch {
	case s&Mono != 0:
		return f.get(monoFace)
	case s&Display != 0:
		return f.get(displayFace)
	case s&Bold != 0 && s&Italic != 0:
		return f.get(boldItalicFace)
	case s&Bold != 0:
		return f.get(boldFace)
	case s&Italic != 0:
		return f.get(italicFace)
	}
	return f.Regular
}
