package deck

import (
	"image"
	"image/color"
	"math"

	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// scrimRef is a veil over a photo whose opacity waits for the text.
type scrimRef struct {
	slide, layer int
	fade         int  // a gradient continuing the veil, or -1
	fadeTop      bool // the fade's colour end is its top
	color        color.RGBA
	least        float64
}

// contrastMargin keeps measured text a little above the WCAG ratio: the
// photo is resampled when drawn, which can brighten a pixel slightly.
const contrastMargin = 1.08

// measureScrims sets each veil's opacity from the pixels actually behind
// the text over it: the least opacity at which every line keeps WCAG AA
// (3:1 from 48 px, else 4.5:1) against every sampled point, and never less
// than the template asks.
func (c *composer) measureScrims() {
	for _, ref := range c.scrims {
		s := &c.slides[ref.slide]
		v := s.Layers[ref.layer]
		samples := c.samplesUnder(s, ref.layer, v)
		a := neededOpacity(samples, ref.color, ref.least)
		col := withOpacity(ref.color, a)
		s.Layers[ref.layer].Paint = Solid(col)
		if ref.fade >= 0 {
			f := &s.Layers[ref.fade].Paint
			if ref.fadeTop {
				f.From = col
			} else {
				f.To = col
			}
		}
	}
}

// sample is one point under text: what is behind the veil there, what
// lies between the veil and the text (a card, say; premultiplied, clear
// when nothing), and the text colour and ratio it must keep.
type sample struct {
	below, above color.RGBA
	text         color.RGBA
	need         float64
}

// samplesUnder collects points on a grid under every text line drawn
// above the veil and inside it.
func (c *composer) samplesUnder(s *Slide, veil int, v Layer) []sample {
	const step = 3
	var out []sample
	for li, l := range s.Layers[veil+1:] {
		if l.Kind != TextLayer {
			continue
		}
		between := s.Layers[veil+1 : veil+1+li]
		for _, ln := range l.Text.Lines {
			need := 4.5
			if ln.Size >= theme.LargeText {
				need = 3
			}
			for _, r := range ln.Runs {
				if r.Emoji {
					continue
				}
				// A little beyond the text's box: resampling spreads a
				// bright line of the photo into its neighbours.
				x0, x1 := math.Max(r.X0-2, v.X), math.Min(r.X1+2, v.X+v.W)
				y0, y1 := math.Max(ln.Y-ln.Ascent-2, v.Y), math.Min(ln.Y+ln.Descent+2, v.Y+v.H)
				for _, y := range steps(y0, y1, step) {
					for _, x := range steps(x0, x1, step) {
						above := layersAt(between, color.RGBA{}, x, y)
						if above.A == 255 {
							continue // an opaque card: the veil does not show here
						}
						out = append(out, sample{below: colorAt(s, veil, x, y), above: above, text: r.Color, need: need * contrastMargin})
					}
				}
			}
		}
	}
	return out
}

// steps are the points from a to b (exclusive) every step, and the last
// whole pixel before b, so a thin band at the edge is not missed.
func steps(a, b, step float64) []float64 {
	var out []float64
	for v := a; v < b; v += step {
		out = append(out, v)
	}
	if last := math.Ceil(b) - 1; len(out) > 0 && last > out[len(out)-1] {
		out = append(out, last)
	}
	return out
}

// neededOpacity finds, by bisection, the least opacity of col over the
// samples at which every sample keeps its ratio.
func neededOpacity(samples []sample, col color.RGBA, least float64) float64 {
	ok := func(a float64) bool {
		veil := withOpacity(col, a)
		for _, s := range samples {
			bg := over(s.above, over(veil, s.below))
			if theme.Contrast(over(s.text, bg), bg) < s.need {
				return false
			}
		}
		return true
	}
	if len(samples) == 0 || ok(least) {
		return least
	}
	lo, hi := least, 1.0
	for range 12 {
		mid := (lo + hi) / 2
		if ok(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// colorAt is the colour of a slide at a point, drawing only its
// background and the layers below upto: the pixels a veil covers.
func colorAt(s *Slide, upto int, x, y float64) color.RGBA {
	return layersAt(s.Layers[:upto], paintAt(s.Background, 0, 0, float64(s.W), float64(s.H), x, y), x, y)
}

// layersAt composites the shape layers among ls that cover a point over
// c, premultiplied; text layers are skipped.
func layersAt(ls []Layer, c color.RGBA, x, y float64) color.RGBA {
	for _, l := range ls {
		if x < l.X || y < l.Y || x >= l.X+l.W || y >= l.Y+l.H {
			continue
		}
		switch l.Kind {
		case RectLayer:
			c = over(paintAt(l.Paint, l.X, l.Y, l.W, l.H, x, y), c)
		case EllipseLayer, RingLayer:
			dx, dy := (x-l.X)/l.W*2-1, (y-l.Y)/l.H*2-1
			d := dx*dx + dy*dy
			in := d <= 1
			if l.Kind == RingLayer {
				ix, iy := (l.W/2-l.Thickness)/(l.W/2), (l.H/2-l.Thickness)/(l.H/2)
				in = in && (dx*dx)/(ix*ix)+(dy*dy)/(iy*iy) > 1
			}
			if in {
				c = over(l.Paint.From, c)
			}
		case ImageLayer:
			if p, ok := imageAt(l, x, y); ok {
				c = over(p, c)
			}
		}
	}
	return c
}

// imageAt is the photo's pixel drawn at a canvas point, by the same crop
// the renderer uses.
func imageAt(l Layer, x, y float64) (color.RGBA, bool) {
	if l.Image == nil {
		return color.RGBA{}, false
	}
	b := l.Image.Bounds()
	bx, by, bw, bh := l.X, l.Y, l.W, l.H
	crop := CoverCrop(b, bw, bh, l.FocusX, l.FocusY)
	if l.Contain {
		bx, by, bw, bh = ContainBox(b, l.X, l.Y, l.W, l.H)
		crop = b
		if x < bx || y < by || x >= bx+bw || y >= by+bh {
			return color.RGBA{}, false
		}
	}
	sx := crop.Min.X + int((x-bx)*float64(crop.Dx())/bw)
	sy := crop.Min.Y + int((y-by)*float64(crop.Dy())/bh)
	if m, ok := l.Image.(*image.RGBA); ok {
		return m.RGBAAt(sx, sy), true
	}
	r, g, bl, a := l.Image.At(sx, sy).RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(a >> 8)}, true
}

// paintAt evaluates a paint filling the box at a point, as the renderer
// fills it.
func paintAt(p Paint, x, y, w, h, px, py float64) color.RGBA {
	if !p.Gradient {
		return p.From
	}
	t := GradientAt(p, x, y, w, h, px, py)
	l := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t)) }
	return color.RGBA{l(p.From.R, p.To.R), l(p.From.G, p.To.G), l(p.From.B, p.To.B), l(p.From.A, p.To.A)}
}

// GradientAt is how far along a gradient paint filling the box a pixel
// centre lies, from 0 (From) to 1 (To).
func GradientAt(p Paint, x, y, w, h, px, py float64) float64 {
	px, py = px+0.5, py+0.5
	var t float64
	if p.Radial {
		cx, cy := x+p.CX*w, y+p.CY*h
		r := p.R * math.Max(w, h)
		t = math.Hypot(px-cx, py-cy) / math.Max(r, 1)
	} else {
		a := p.Angle * math.Pi / 180
		ux, uy := math.Cos(a), math.Sin(a)
		half := (math.Abs(w*ux) + math.Abs(h*uy)) / 2
		t = ((px-(x+w/2))*ux+(py-(y+h/2))*uy)/(2*half) + 0.5
	}
	return math.Min(1, math.Max(0, t))
}

// over composites premultiplied colours: c over bg.
func over(c, bg color.RGBA) color.RGBA {
	k := 255 - uint32(c.A)
	return color.RGBA{uint8(uint32(c.R) + uint32(bg.R)*k/255), uint8(uint32(c.G) + uint32(bg.G)*k/255),
		uint8(uint32(c.B) + uint32(bg.B)*k/255), uint8(uint32(c.A) + uint32(bg.A)*k/255)}
}
