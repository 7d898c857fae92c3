package theme

import (
	"fmt"
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

// Luminance is WCAG's relative luminance of an sRGB colour, 0 to 1.
func Luminance(c color.RGBA) float64 { return luminance(c) }

var linear = func() (t [256]float64) {
	for i := range t {
		s := float64(i) / 255
		if s <= 0.04045 {
			t[i] = s / 12.92
		} else {
			t[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return t
}()

func luminance(c color.RGBA) float64 {
	return 0.2126*linear[c.R] + 0.7152*linear[c.G] + 0.0722*linear[c.B]
}

// LargeText is the size from which WCAG AA asks 3:1 instead of 4.5:1.
const LargeText = 48

// Pair is a text colour a layout draws on a background colour.
type Pair struct {
	Kind             string // slide kind
	What             string // which text, for messages
	Text, Background color.RGBA
	Large            bool // always at least LargeText pixels: 3:1 suffices
}

// Required is the WCAG AA ratio for a pair.
func (p Pair) Required() float64 {
	if p.Large {
		return 3
	}
	return 4.5
}

// Ratio is the pair's contrast.
func (p Pair) Ratio() float64 { return Contrast(p.Text, p.Background) }

func (p Pair) String() string {
	return fmt.Sprintf("%s: %s %s on %s is %.2f:1, below %.1f:1", p.Kind, p.What, hex(p.Text), hex(p.Background), p.Ratio(), p.Required())
}

func hex(c color.RGBA) string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// Pairs lists the text-on-background pairs the layouts draw on plain
// colours: each text colour of each kind against its background (every
// stop of a gradient) or its panel. Text over photos is not listed: the
// build measures the photo and strengthens the scrim instead.
func (t *Template) Pairs() []Pair {
	body, head, title := t.Type["body"], t.Type["heading"], t.Type["title"]
	headMin := body.Min * head.Max / body.Max
	var out []Pair
	for _, k := range Kinds {
		l := t.looks[k]
		var bgs []color.RGBA
		switch {
		case l.Panel != nil:
			bgs = []color.RGBA{over(l.Panel.Color, l.Background.From)}
		case l.Background.Gradient:
			for _, f := range []float64{0, 0.25, 0.5, 0.75, 1} {
				bgs = append(bgs, mix(l.Background.From, l.Background.To, f))
			}
		default:
			bgs = []color.RGBA{l.Background.From}
		}
		add := func(what string, c color.RGBA, large bool) {
			for _, bg := range bgs {
				out = append(out, Pair{Kind: k, What: what, Text: opaqueOver(c, bg), Background: bg, Large: large})
			}
		}
		// Over a photo, text sits on a veil that the build makes as opaque
		// as the photo needs; the veil's own colour must carry the text.
		if k == "cover" {
			out = append(out, Pair{Kind: k, What: "title on the photo veil", Text: opaqueOver(l.Text, l.Photo.Color), Background: l.Photo.Color, Large: title.Min >= LargeText},
				Pair{Kind: k, What: "subtitle on the photo veil", Text: opaqueOver(l.Heading, l.Photo.Color), Background: l.Photo.Color})
		}
		if k == "image" {
			out = append(out, Pair{Kind: k, What: "caption on the photo veil", Text: opaqueOver(l.Text, l.Caption.Color), Background: l.Caption.Color},
				Pair{Kind: k, What: "caption heading on the photo veil", Text: opaqueOver(l.Heading, l.Caption.Color), Background: l.Caption.Color})
		}
		if l.Image != nil || k == "image" && l.Mode == "bleed" {
			continue
		}
		switch k {
		case "cover":
			add("title", l.Text, title.Min >= LargeText)
			add("subtitle", l.Heading, false)
		case "stat":
			add("number", l.Heading, true)
			add("label", l.Text, false)
		case "quote":
			add("quote", l.Text, false)
			add("attribution", l.Heading, false)
			if l.Mark {
				add("quotation mark", l.Accent, true)
			}
		default:
			add("text", l.Text, false)
			add("headings", l.Heading, headMin >= LargeText)
		}
		add("header and footer", l.Chrome, false)
		if k == "cover" && l.Tag == "pill" {
			out = append(out, Pair{Kind: k, What: "pillar tag", Text: l.TagText, Background: opaqueOver(l.Accent, bgs[0])})
		}
		if k == "cover" && l.Tag == "text" {
			add("pillar tag", l.Accent, false)
		}
		if k == "list" && l.Markers == "badge" {
			out = append(out, Pair{Kind: k, What: "badge number", Text: l.Badge, Background: opaqueOver(l.Accent, bgs[0])})
		}
	}
	return out
}

// ContrastProblems lists the pairs below WCAG AA.
func (t *Template) ContrastProblems() []Pair {
	var out []Pair
	for _, p := range t.Pairs() {
		if p.Ratio() < p.Required() {
			out = append(out, p)
		}
	}
	return out
}

// over composites a premultiplied colour on an opaque one.
func over(c, bg color.RGBA) color.RGBA {
	k := 255 - uint32(c.A)
	return color.RGBA{uint8(uint32(c.R) + uint32(bg.R)*k/255), uint8(uint32(c.G) + uint32(bg.G)*k/255), uint8(uint32(c.B) + uint32(bg.B)*k/255), 255}
}

func opaqueOver(c, bg color.RGBA) color.RGBA {
	if c.A == 255 {
		return c
	}
	return over(c, bg)
}

// mix blends two opaque colours, f of the way from a to b.
func mix(a, b color.RGBA, f float64) color.RGBA {
	l := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*f)) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 255}
}
