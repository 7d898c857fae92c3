package theme

import (
	"image/color"
	"maps"
)

// WithBrand returns the template with a project's own primary and accent
// colours in place of its own; nil leaves a colour as the template has it.
// The dark primary is derived from the primary, and the text on them is
// the template's, or white or near-black when the brand colour needs it.
func (t *Template) WithBrand(primary, accent *color.RGBA) *Template {
	if primary == nil && accent == nil {
		return t
	}
	c := *t
	c.colors = maps.Clone(t.colors)
	if primary != nil {
		p := opaque(*primary)
		c.colors["primary"] = p
		c.colors["primary_dark"] = mix(p, color.RGBA{0, 0, 0, 255}, 0.42)
		c.colors["on_primary"] = readableOn(t.colors["on_primary"], p, c.colors["primary_dark"])
	}
	if accent != nil {
		c.colors["accent"] = opaque(*accent)
	}
	c.resolve()
	return &c
}

// readableOn keeps the preferred text colour when it reads on every
// background, else takes white or near-black, whichever reads better on
// the worst of them.
func readableOn(preferred color.RGBA, bgs ...color.RGBA) color.RGBA {
	worst := func(fg color.RGBA) float64 {
		w := 21.0
		for _, bg := range bgs {
			w = min(w, Contrast(fg, bg))
		}
		return w
	}
	if worst(preferred) >= 4.5 {
		return preferred
	}
	white, ink := color.RGBA{255, 255, 255, 255}, color.RGBA{0x14, 0x14, 0x14, 255}
	if worst(white) >= worst(ink) {
		return white
	}
	return ink
}
