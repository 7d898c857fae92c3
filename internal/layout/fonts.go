package layout

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-text/typesetting/font"

	"github.com/pkpm-btn3/pkpm/internal/cbdt"
	"github.com/pkpm-btn3/pkpm/internal/stacksize"
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
	drawn   [numFaces]*font.Face // see DrawingFaceOf
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
func (s *FontSet) Preload(whole, drawing []Style) { preload(s.lazy, whole, drawing) }

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

// Preload starts reading the fonts of the styles in whole, and of those
// in drawing for drawing only (see DrawingFaceOf), each on a goroutine
// of its own, and returns without waiting: a build calls it when it
// knows it will lay text out, so the fonts are read on idle cores
// instead of one after the other when the first title needs them. The
// regular font is Load's; a style of it here reads nothing.
func (f *Fonts) Preload(whole, drawing []Style) { preload(f.lazy, whole, drawing) }

// A font already preloaded one way starts no goroutine again that way:
// a contact sheet preloads its fonts once its post is read and again
// once the post's template says whether italics are needed.
func preload(lazy *[numFaces]lazyFont, whole, drawing []Style) {
	for _, s := range whole {
		if i := faceIndex(s); i >= 0 && lazy[i].preloaded.CompareAndSwap(false, true) {
			spawn(lazy[i].get)
		}
	}
	for _, s := range drawing {
		if i := faceIndex(s); i >= 0 && lazy[i].drawPreloaded.CompareAndSwap(false, true) {
			spawn(lazy[i].drawing)
		}
	}
}

// spawn reads a font on a goroutine of its own; tests count the calls.
var spawn = func(read func() *font.Font) {
	go func() {
		stacksize.Reserve()
		read()
	}()
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

// DrawingFaceOf is FaceOf for drawing text laid out before, whose glyphs
// are chosen and placed (a deck read back from the output folder): a
// font not read yet, nor being read, is read without the tables only
// shaping uses (layoutTables), in a third of the time for Inter and a
// quarter for the emoji font, with a tenth of the allocations. Its
// outlines, bitmaps and metrics are the full font's.
func (f *Fonts) DrawingFaceOf(n uint8) *font.Face {
	if n == 0 || int(n) > numFaces {
		return f.FaceOf(n)
	}
	i := int(n) - 1
	if f.drawn[i] == nil {
		l := &f.lazy[i]
		fnt := l.drawing()
		if fnt == nil {
			return f.FaceOf(n)
		}
		f.drawn[i] = font.NewFace(fnt)
	}
	return f.drawn[i]
}

// layoutTables are the OpenType tables that choose and place glyphs
// (substitution, positioning, their definitions, kerning and the Apple
// equivalents), which drawing placed glyphs does not read.
var layoutTables = []string{"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "kerx", "ankr", "trak", "feat"}

// lazyFont parses a font once, on first use.
type lazyFont struct {
	data      string
	once      sync.Once
	font      *font.Font
	parsed    atomic.Pointer[font.Font] // font, once it is read; for FaceNumber
	requested atomic.Bool               // get was called: font is read or being read

	drawOnce sync.Once
	drawFont *font.Font // read without layoutTables

	preloaded, drawPreloaded atomic.Bool // preload started get, drawing
}

func (l *lazyFont) get() *font.Font {
	l.requested.Store(true)
	l.once.Do(func() {
		if f := parseWithout(l.data); f != nil {
			l.font = f
		} else if face, err := font.ParseTTF(strings.NewReader(l.data)); err == nil {
			l.font = face.Font
		}
		l.parsed.Store(l.font)
	})
	return l.font
}

// drawing returns the font for drawing only: the whole font when it is
// read or being read (waiting for it), else the font read without its
// layout tables; nil when it cannot be read.
func (l *lazyFont) drawing() *font.Font {
	if l.requested.Load() {
		return l.get()
	}
	l.drawOnce.Do(func() {
		l.drawFont = parseWithout(l.data, layoutTables...)
	})
	if l.drawFont == nil {
		return l.get()
	}
	return l.drawFont
}

// strikes holds the colour bitmaps of fonts parsed without them.
var strikes sync.Map // *font.Font → *cbdt.Strike

// parseWithout parses a font without the tables tagged drop and, when it
// has colour bitmaps cbdt reads, without those, which are then read in
// place when a glyph is drawn (see ColorBitmaps); nil when what is left
// does not parse.
func parseWithout(data string, drop ...string) *font.Font {
	strike, err := cbdt.Open(data)
	if err != nil {
		strike = nil
	} else {
		drop = append(slices.Clip(drop), cbdt.Bitmaps...)
	}
	var file font.Resource = strings.NewReader(data)
	if len(drop) > 0 {
		rest, err := cbdt.Without(data, drop...)
		if err != nil {
			return nil
		}
		file = bytes.NewReader(rest)
	}
	face, err := font.ParseTTF(file)
	if err != nil {
		return nil
	}
	if strike != nil {
		strikes.Store(face.Font, strike)
	}
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
	if i := faceIndex(s); i >= 0 {
		return f.get(i)
	}
	return f.Regular
}

// faceIndex is the lazily read font of a style, or -1 for the regular one.
func faceIndex(s Style) int {
	switch {
	case s&Mono != 0:
		return monoFace
	case s&Display != 0:
		return displayFace
	case s&Bold != 0 && s&Italic != 0:
		return boldItalicFace
	case s&Bold != 0:
		return boldFace
	case s&Italic != 0:
		return italicFace
	}
	return -1
}
