package render

import (
	"image"
	"image/color"
	"math"

	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// TextContrast is the worst WCAG contrast of one line of text against
// the pixels actually behind it.
type TextContrast struct {
	Text  string
	Size  float64
	Bold  bool
	Ratio float64
	Line  int // source line of the slide, for messages
}

// TextContrast draws the slide without its text and measures, for every
// line, the contrast of each run's colour against the backdrop under it:
// photos, gradients and scrims included, so a template cannot pass on
// paper and fail on a picture.
func (r *Renderer) TextContrast(s deck.Slide) []TextContrast {
	bare := s
	bare.Layers = make([]deck.Layer, len(s.Layers))
	for i, l := range s.Layers {
		l.Text.Lines = nil // keep code boxes and quote bars, drop glyphs
		bare.Layers[i] = l
	}
	return measure(r.DrawTemp(bare), s)
}

// DrawMeasured draws a slide on the renderer's canvas, as DrawTemp does,
// and measures its text as TextContrast does, drawing the slide once
// where that gives the same pixels: everything but the glyphs, then the
// measurement, then the glyphs. That holds when nothing drawn after a
// line of text reaches into it (see DrawnOnce), as on nearly every
// slide; the others are drawn twice.
func (r *Renderer) DrawMeasured(s deck.Slide) (*image.RGBA, []TextContrast) {
	if !DrawnOnce(s) {
		tc := r.TextContrast(s)
		return r.DrawTemp(s), tc
	}
	r.canvas = r.canvas.reuse(s.W, s.H)
	f := newFrame(r.canvas.ctx, r.canvas.img, 1, 0, 0)
	n := r.backdrop(f, s)
	for _, l := range s.Layers[n:] {
		l.Text.Lines = nil
		r.layer(f, l)
	}
	tc := measure(r.canvas.img, s)
	for _, l := range s.Layers[n:] {
		if l.Kind != deck.TextLayer {
			continue
		}
		for _, ln := range l.Text.Lines {
			for _, run := range ln.Runs {
				r.drawRun(f, run)
			}
		}
	}
	return r.canvas.img, tc
}

// DrawnOnce tells whether DrawMeasured draws the slide once: whether
// drawing every glyph last changes no pixel, because nothing drawn after
// a line of text (a logo, a footer's veil, another block's box) reaches
// into that line's ink.
func DrawnOnce(s deck.Slide) bool {
	var ink []box
	for _, l := range s.Layers {
		if len(ink) > 0 {
			for _, b := range drawnUnder(l) {
				for _, i := range ink {
					if b.overlaps(i) {
						return false
					}
				}
			}
		}
		if l.Kind == deck.TextLayer {
			for _, ln := range l.Text.Lines {
				if b, ok := inkBox(ln); ok {
					ink = append(ink, b)
				}
			}
		}
	}
	return true
}

// box is a rectangle in slide units.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) overlaps(o box) bool {
	return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1
}

// inkBox is where a line's glyphs may put ink, with room for overhangs,
// slanted and decorated runs and antialiasing.
func inkBox(ln layout.Line) (box, bool) {
	if len(ln.Runs) == 0 {
		return box{}, false
	}
	b := box{math.Inf(1), ln.Y - ln.Ascent, math.Inf(-1), ln.Y + ln.Descent}
	m := 2.0
	for _, run := range ln.Runs {
		b.x0, b.x1 = math.Min(b.x0, run.X0), math.Max(b.x1, run.X1)
		m = math.Max(m, run.Size/2)
	}
	return box{b.x0 - m, b.y0 - m, b.x1 + m, b.y1 + m}, true
}

// drawnUnder is what a layer draws other than glyphs: a text layer's
// boxes, any other layer's whole box with its outline. A shape's extent
// is not known here, so it counts as the whole slide.
func drawnUnder(l deck.Layer) []box {
	grow := func(x, y, w, h, m float64) box { return box{x - m, y - m, x + w + m, y + h + m} }
	switch l.Kind {
	case deck.TextLayer:
		out := make([]box, 0, len(l.Text.Rects))
		for _, r := range l.Text.Rects {
			out = append(out, grow(r.X, r.Y, r.W, r.H, 2))
		}
		return out
	case deck.ShapeLayer:
		return []box{{math.Inf(-1), math.Inf(-1), math.Inf(1), math.Inf(1)}}
	}
	return []box{grow(l.X, l.Y, l.W, l.H, l.Thickness+2)}
}

// measure finds the worst contrast of each line of the slide's text
// against back, the slide drawn without glyphs.
func measure(back *image.RGBA, s deck.Slide) []TextContrast {
	var out []TextContrast
	for _, l := range s.Layers {
		if l.Kind != deck.TextLayer {
			continue
		}
		for _, ln := range l.Text.Lines {
			if ln.Text == "" {
				continue
			}
			tc := TextContrast{Text: ln.Text, Size: ln.Size, Ratio: math.Inf(1), Line: s.Line}
			for _, run := range ln.Runs {
				if run.Emoji {
					continue
				}
				box := image.Rect(int(run.X0), int(ln.Y-ln.Ascent), int(math.Ceil(run.X1)), int(ln.Y+ln.Descent))
				tc.Ratio = math.Min(tc.Ratio, worstContrast(back, box, run.Color))
				tc.Bold = tc.Bold || run.Style&layout.Bold != 0 || run.Style&layout.Display != 0
			}
			if !math.IsInf(tc.Ratio, 1) {
				out = append(out, tc)
			}
		}
	}
	return out
}

// worstContrast samples the backdrop under a box on a coarse grid and
// returns the lowest contrast of the text colour against it.
func worstContrast(back *image.RGBA, box image.Rectangle, c color.RGBA) float64 {
	box = box.Intersect(back.Bounds())
	worst := math.Inf(1)
	const step = 4
	// Backdrops are mostly flat: a sample the colour of the one before
	// has its contrast (two powers per channel) already counted.
	var last color.RGBA
	seen := false
	for y := box.Min.Y; y < box.Max.Y; y += step {
		for x := box.Min.X; x < box.Max.X; x += step {
			bg := back.RGBAAt(x, y)
			if seen && bg == last {
				continue
			}
			last, seen = bg, true
			worst = math.Min(worst, theme.Contrast(over(c, bg), bg))
		}
	}
	return worst
}

// over composites a possibly translucent, premultiplied text colour on
// an opaque background, as the eye sees it.
func over(c, bg color.RGBA) color.RGBA {
	k := 255 - uint32(c.A)
	return color.RGBA{
		R: uint8(uint32(c.R) + uint32(bg.R)*k/255),
		G: uint8(uint32(c.G) + uint32(bg.G)*k/255),
		B: uint8(uint32(c.B) + uint32(bg.B)*k/255),
		A: 255,
	}
}
