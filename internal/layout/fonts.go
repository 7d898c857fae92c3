package layout

import (
	"bytes"
	"fmt"

	"github.com/go-text/typesetting/font"
)

// Fonts are the faces a layout draws with. A *font.Face caches glyph
// extents without locking, so every goroutine needs its own Fonts: use
// Clone for each worker.
type Fonts struct {
	Regular, Bold, Italic, BoldItalic *font.Face
	Display                           *font.Face // titles
	Mono                              *font.Face
	Emoji                             *font.Face // colour emoji, the fallback
}

// LoadFonts parses the font files; each argument is the file's bytes.
func LoadFonts(regular, bold, italic, boldItalic, display, mono, emoji []byte) (*Fonts, error) {
	var f Fonts
	for _, x := range []struct {
		name string
		dst  **font.Face
		data []byte
	}{
		{"regular", &f.Regular, regular},
		{"bold", &f.Bold, bold},
		{"italic", &f.Italic, italic},
		{"bold italic", &f.BoldItalic, boldItalic},
		{"display", &f.Display, display},
		{"mono", &f.Mono, mono},
		{"emoji", &f.Emoji, emoji},
	} {
		face, err := font.ParseTTF(bytes.NewReader(x.data))
		if err != nil {
			return nil, fmt.Errorf("reading the %s font: %w", x.name, err)
		}
		*x.dst = face
	}
	return &f, nil
}

// Clone returns faces over the same parsed fonts with caches of their own.
func (f *Fonts) Clone() *Fonts {
	c := func(x *font.Face) *font.Face { return font.NewFace(x.Font) }
	return &Fonts{
		Regular: c(f.Regular), Bold: c(f.Bold), Italic: c(f.Italic), BoldItalic: c(f.BoldItalic),
		Display: c(f.Display), Mono: c(f.Mono), Emoji: c(f.Emoji),
	}
}

// face picks the text face for a style.
func (f *Fonts) face(s Style) *font.Face {
	switch {
	case s&Mono != 0:
		return f.Mono
	case s&Display != 0:
		return f.Display
	case s&Bold != 0 && s&Italic != 0:
		return f.BoldItalic
	case s&Bold != 0:
		return f.Bold
	case s&Italic != 0:
		return f.Italic
	}
	return f.Regular
}
