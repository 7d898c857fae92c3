package deck

import (
	"image"
	"image/color"

	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// backdrop adds what lies behind a slide's text: the template's background
// image under its overlay, and its decorations.
func (c *composer) backdrop(s *Slide, l theme.Look) {
	if f := l.Image; f != nil && f.Image != nil {
		img := Layer{Kind: ImageLayer, W: c.w, H: c.h, Image: f.Image, FocusX: f.FocusX, FocusY: f.FocusY, Contain: f.Contain}
		s.Layers = append(s.Layers, img)
		c.veil(s, 0, 0, c.w, c.h, f.Overlay, f.Opacity)
	}
	for _, d := range l.Decorations {
		s.Layers = append(s.Layers, c.decoration(d))
	}
	for _, sh := range l.Shapes {
		p := sh.Place(c.w, c.h)
		s.Layers = append(s.Layers, Layer{Kind: ShapeLayer, Role: Decor, X: p.BoxX, Y: p.BoxY, W: p.BoxW, H: p.BoxH, Shape: &p})
	}
}

// photoBackdrop puts a post's own photo behind a slide whose text spans
// y0..y1, under a veil of the slide's background colour (or of the dark
// primary under light text) that covers the text's band from the nearer
// edge and fades out beyond it, so most of the photo stays in view.
func (c *composer) photoBackdrop(s *Slide, l theme.Look, img image.Image, fx, fy, y0, y1 float64) {
	s.Layers = append(s.Layers, Layer{Kind: ImageLayer, W: c.w, H: c.h, Image: img, FocusX: fx, FocusY: fy})
	veil := opaque(l.Background.From)
	if theme.Luminance(l.Text) > 0.4 {
		veil = c.t.Color("primary_dark")
	}
	const pad, least = 48, 0.6
	fade := 220 * min(1, c.h/c.w)
	if (y0+y1)/2 < c.h/2 {
		bottom := min(c.h, y1+pad)
		c.veil(s, 0, 0, c.w, bottom, veil, least)
		c.fade(s, bottom, fade, true)
		return
	}
	top := max(0, y0-pad)
	c.veil(s, 0, top, c.w, c.h-top, veil, least)
	c.fade(s, top-fade, fade, false)
}

// veil adds a rectangle of colour over a photo whose opacity is measured
// once the slide's text is placed: at least least, and as much more as the
// photo under the text needs. It returns the layer's index.
func (c *composer) veil(s *Slide, x, y, w, h float64, col color.RGBA, least float64) int {
	s.Layers = append(s.Layers, Layer{Kind: RectLayer, Role: Scrim, X: x, Y: y, W: w, H: h, Paint: Solid(withOpacity(col, least))})
	i := len(s.Layers) - 1
	c.scrims = append(c.scrims, scrimRef{slide: len(c.slides), layer: i, fade: -1, color: col, least: least})
	return i
}

// fade adds a gradient beside the last veil, h tall from y, so a photo's
// veil does not end in a hard edge: above a veil it runs from clear down
// to the veil's colour; below one (veilAbove), from the colour to clear.
func (c *composer) fade(s *Slide, y, h float64, veilAbove bool) {
	ref := &c.scrims[len(c.scrims)-1]
	col := s.Layers[ref.layer].Paint.From
	p := Paint{To: col, Gradient: true, Angle: 90}
	if veilAbove {
		p = Paint{From: col, Gradient: true, Angle: 90}
	}
	s.Layers = append(s.Layers, Layer{Kind: RectLayer, Role: Scrim, Y: y, W: c.w, H: h, Paint: p})
	ref.fade, ref.fadeTop = len(s.Layers)-1, veilAbove
}

// decoration places a template shape from its anchor. On a canvas
// shorter than it is wide, shapes shrink with the height; a band as wide
// as the canvas stays as wide.
func (c *composer) decoration(d theme.Decor) Layer {
	k := min(1, c.h/c.w)
	w, h := d.W*k, d.H*k
	if d.W >= c.w {
		w = d.W
	}
	ax, ay := anchorAt(d.Anchor)
	x := ax*(c.w-w) + d.X*k
	y := ay*(c.h-h) + d.Y*k
	l := Layer{Role: Decor, X: x, Y: y, W: w, H: h, Paint: Solid(d.Color)}
	switch d.Shape {
	case "circle":
		l.Kind = EllipseLayer
	case "ring":
		l.Kind, l.Thickness = RingLayer, d.Thickness*k
	case "dots":
		l.Kind, l.Gap, l.Dot = DotsLayer, d.Gap*k, d.Dot*k
	default:
		l.Kind, l.Radius = RectLayer, d.Radius*k
	}
	return l
}

func anchorAt(a theme.Anchor) (float64, float64) {
	ax, ay := 0.0, 0.0
	switch a {
	case "top", "center", "bottom":
		ax = 0.5
	case "top-right", "right", "bottom-right":
		ax = 1
	}
	switch a {
	case "left", "center", "right":
		ay = 0.5
	case "bottom-left", "bottom", "bottom-right":
		ay = 1
	}
	return ax, ay
}

func opaque(c color.RGBA) color.RGBA {
	if c.A == 255 || c.A == 0 {
		c.A = 255
		return c
	}
	f := 255 / float64(c.A)
	return color.RGBA{uint8(min(255, float64(c.R)*f)), uint8(min(255, float64(c.G)*f)), uint8(min(255, float64(c.B)*f)), 255}
}

// withOpacity returns an opaque colour at an opacity, premultiplied.
func withOpacity(c color.RGBA, op float64) color.RGBA {
	return color.RGBA{uint8(float64(c.R)*op + 0.5), uint8(float64(c.G)*op + 0.5), uint8(float64(c.B)*op + 0.5), uint8(255*op + 0.5)}
}
