package theme

import (
	"image"
	"image/color"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/yamlfile"
)

// Background is a slide kind's background as written: a solid colour, a
// linear or radial gradient, or an image (over one of those, with an
// overlay colour).
type Background struct {
	Color   ColorRef   `yaml:"color"`
	Linear  []ColorRef `yaml:"linear"`
	Angle   float64    `yaml:"angle"`
	Radial  []ColorRef `yaml:"radial"`
	Center  []float64  `yaml:"center"`
	Radius  float64    `yaml:"radius"`
	Image   string     `yaml:"image"`
	Fit     Fit        `yaml:"fit"`
	Focus   Focus      `yaml:"focus"`
	Overlay ColorRef   `yaml:"overlay"`
	Opacity *Opacity   `yaml:"opacity"`

	// Line is where the background is written, for messages.
	Line int `yaml:"-"`
}

// UnmarshalYAMLFile decodes a background whole, so a child template's
// background replaces its parent's instead of mixing with it.
func (b *Background) UnmarshalYAMLFile(d *yamlfile.Doc, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		d.Add(n, valuef(n, "a background is a mapping, like {color: background} or {linear: [primary, primary_dark], angle: 115}"))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Value == "gradient" { // the format's first name for a linear gradient
			k.Value = "linear"
		}
	}
	type plain Background
	var v plain
	before := d.Count()
	d.Decode(n, &v, "background")
	*b = Background(v)
	b.Line = n.Line
	if d.Count() == before {
		d.Add(n, b.check(n))
	}
}

func (b *Background) check(n *yaml.Node) error {
	bases := 0
	for _, set := range []bool{b.Color.Name != "", b.Linear != nil, b.Radial != nil} {
		if set {
			bases++
		}
	}
	switch {
	case bases > 1:
		return valuef(n, "a background takes one of color, linear or radial")
	case bases == 0 && b.Image == "":
		return valuef(n, "a background needs color, linear, radial or image")
	case b.Linear != nil && len(b.Linear) != 2 || b.Radial != nil && len(b.Radial) != 2:
		return valuef(n, "a gradient takes two colours, like [primary, primary_dark]")
	case b.Center != nil && (len(b.Center) != 2 || !inUnit(b.Center[0]) || !inUnit(b.Center[1])):
		return valuef(n, "center takes two fractions of the canvas, across then down, like [0.8, 0.2]")
	case b.Radius < 0:
		return valuef(n, "radius must be positive: a fraction of the canvas's longer side, like 0.9")
	case b.Image == "" && (b.Fit != "" || b.Focus.Set || b.Overlay.Name != "" || b.Opacity != nil):
		return valuef(n, "fit, focus, overlay and opacity belong to an image background")
	}
	return nil
}

func inUnit(v float64) bool { return v >= 0 && v <= 1 }

// Paint is a resolved fill: a solid colour, or a gradient from From to To.
type Paint struct {
	From, To color.RGBA
	Gradient bool
	Angle    float64 // linear: 0° runs left to right, 90° top to bottom
	Radial   bool
	CX, CY   float64 // radial: the centre, as fractions of the box
	R        float64 // radial: the radius, as a fraction of the box's longer side
}

// ImageFill is a resolved background image.
type ImageFill struct {
	Path           string
	Image          image.Image // nil until Load reads it
	Contain        bool        // fit inside, leaving the paint around it
	FocusX, FocusY float64
	Overlay        color.RGBA // opaque; drawn at Opacity over the image
	Opacity        float64
	HasOverlay     bool
}

// paint resolves a background's colour part; an image-only background
// paints the overlay colour (or the palette's background) beneath it.
func (t *Template) paint(b Background) Paint {
	switch {
	case b.Linear != nil:
		return Paint{From: t.ref(b.Linear[0]), To: t.ref(b.Linear[1]), Gradient: true, Angle: b.Angle}
	case b.Radial != nil:
		p := Paint{From: t.ref(b.Radial[0]), To: t.ref(b.Radial[1]), Gradient: true, Radial: true, CX: 0.5, CY: 0.5, R: 0.75}
		if b.Center != nil {
			p.CX, p.CY = b.Center[0], b.Center[1]
		}
		if b.Radius > 0 {
			p.R = b.Radius
		}
		return p
	case b.Color.Name != "":
		return Paint{From: t.ref(b.Color)}
	case b.Overlay.Name != "":
		return Paint{From: t.ref(b.Overlay)}
	}
	return Paint{From: t.colors["background"]}
}

func (t *Template) imageFill(b Background, text color.RGBA) *ImageFill {
	if b.Image == "" {
		return nil
	}
	f := &ImageFill{Path: b.Image, Contain: b.Fit == "contain", FocusX: 0.5, FocusY: 0.5}
	if b.Focus.Set {
		f.FocusX, f.FocusY = b.Focus.X, b.Focus.Y
	}
	f.Overlay, f.HasOverlay = t.overlayFor(b.Overlay, text), true
	if b.Opacity != nil {
		f.Opacity = float64(*b.Opacity)
	}
	f.Image = t.images[b.Image]
	return f
}

// overlayFor is the given overlay colour, or the palette colour that sets
// off the text: the dark primary under light text, the page colour under
// dark text.
func (t *Template) overlayFor(ref ColorRef, text color.RGBA) color.RGBA {
	if ref.Name != "" {
		return opaque(t.ref(ref))
	}
	if luminance(text) > 0.4 {
		return t.colors["primary_dark"]
	}
	return t.colors["background"]
}

func opaque(c color.RGBA) color.RGBA {
	if c.A == 255 || c.A == 0 {
		c.A = 255
		return c
	}
	f := 255 / float64(c.A)
	return color.RGBA{uint8(float64(c.R) * f), uint8(float64(c.G) * f), uint8(float64(c.B) * f), 255}
}
