package theme

import (
	"image/color"
	"math"
)

// Contrast is the WCAG 2 contrast ratio between two opaque colours,
// from 1 (same) to 21 (black on white).
func Contrast(a, b color.RGBA) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is WCAG's relative luminance of an sRGB colour.
func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Pair is a text colour on a background colour that a template promises
// to keep readable, with the size class that sets the required ratio.
type Pair struct {
	Text, Background string
	Large            bool // text of at least 48 px (or bold 38 px) needs 3:1, else 4.5:1
}

// Pairs are the text-on-background combinations the built-in slide
// layouts draw; a template must keep each above its WCAG AA ratio.
var Pairs = []Pair{
	{"text", "background", false},    // body text
	{"muted", "background", false},   // handle and page number
	{"primary", "background", false}, // headings, list markers, links
	{"text", "surface", false},       // code boxes
	{"on_primary", "primary", false}, // cover and closing text over the gradient
	{"on_primary", "primary_dark", false},
	{"accent", "primary", false}, // subtitle, handle on the closing slide
	{"accent", "primary_dark", false},
	{"primary_dark", "accent", false}, // the pillar tag
}

// Required is the WCAG AA ratio for a pair.
func (p Pair) Required() float64 {
	if p.Large {
		return 3
	}
	return 4.5
}
