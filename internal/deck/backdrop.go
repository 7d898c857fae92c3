package deck

import (
	"image"
	"image/color"
	"math"

	"github.com/pkpm-btn3/pkpm/internal/layout"
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
	s.Layers = append(s.Layers, decorations(l, c.w, c.h)...)
}

// Decorations are the layers a template draws behind the text of a slide
// of kind k on a w×h canvas: its decorations and its shapes. Text keeps
// clear of them; tests use this to check it does.
func Decorations(t *theme.Template, k Kind, w, h float64) []Layer {
	return decorations(t.Look(k.String()), w, h)
}

func decorations(l theme.Look, w, h float64) []Layer {
	var out []Layer
	for _, d := range l.Decorations {
		out = append(out, decoration(d, w, h))
	}
	for _, sh := range l.Shapes {
		p := sh.Place(w, h)
		out = append(out, Layer{Kind: ShapeLayer, Role: Decor, X: p.BoxX, Y: p.BoxY, W: p.BoxW, H: p.BoxH, Shape: &p})
	}
	return out
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
func decoration(d theme.Decor, cw, ch float64) Layer {
	k := min(1, ch/cw)
	w, h := d.W*k, d.H*k
	if d.W >= cw {
		w = d.W
	}
	ax, ay := anchorAt(d.Anchor)
	x := ax*(cw-w) + d.X*k
	y := ay*(ch-h) + d.Y*k
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

// faint tells a decoration drawn as a light tint of the background, which
// text may lie on, from a mark the eye sees as a thing of its own, which
// text keeps off. Shapes are always marks.
func faint(l Layer) bool { return l.Kind != ShapeLayer && l.Paint.From.A < 38 }

// overlaps reports whether a decoration covers any of the rectangle
// x0,y0–x1,y1: an ellipse or ring by its outline, anything else by its box.
func overlaps(l Layer, x0, y0, x1, y1 float64) bool {
	if x0 >= l.X+l.W || l.X >= x1 || y0 >= l.Y+l.H || l.Y >= y1 {
		return false
	}
	if l.Kind != EllipseLayer && l.Kind != RingLayer {
		return true
	}
	rx, ry := l.W/2, l.H/2
	cx, cy := l.X+rx, l.Y+ry
	dx := (max(x0, min(cx, x1)) - cx) / rx
	dy := (max(y0, min(cy, y1)) - cy) / ry
	return dx*dx+dy*dy < 1
}

// clear shrinks a text box until it keeps off the marks of the look: for
// each mark it overlaps, one side moves in just far enough, the side that
// keeps the most room. Text set in the box then cannot touch a mark, in
// any size of canvas.
func (c *composer) clear(l theme.Look, b layout.Box) layout.Box {
	for _, d := range decorations(l, c.w, c.h) {
		if faint(d) || !near(d, b) {
			continue
		}
		best, room := b, -1.0
		for side := range 4 {
			nb := cut(d, b, side)
			if a := nb.W * nb.H; nb.W > 0 && nb.H > 0 && a > room {
				best, room = nb, a
			}
		}
		b = best
	}
	return b
}

// air is the room kept between a mark and a text box; a line's accents
// and descenders may reach a little outside its box.
const air = 24

func near(d Layer, b layout.Box) bool {
	return overlaps(d, b.X-air, b.Y-air, b.X+b.W+air, b.Y+b.H+air)
}

// cut moves one side of b (0 top, 1 bottom, 2 left, 3 right) inwards,
// by bisection, to the least depth at which b no longer overlaps d.
func cut(d Layer, b layout.Box, side int) layout.Box {
	at := func(t float64) layout.Box {
		nb := b
		switch side {
		case 0:
			nb.Y, nb.H = b.Y+t, b.H-t
		case 1:
			nb.H = b.H - t
		case 2:
			nb.X, nb.W = b.X+t, b.W-t
		default:
			nb.W = b.W - t
		}
		return nb
	}
	lo, hi := 0.0, b.H
	if side >= 2 {
		hi = b.W
	}
	for range 40 {
		mid := (lo + hi) / 2
		if near(d, at(mid)) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return at(math.Ceil(hi))
}
