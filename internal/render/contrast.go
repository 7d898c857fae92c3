package render

import (
	"encoding/binary"
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
	bare := bareSlide(s)
	m := newMeter(s)
	r.canvas = r.canvas.reuse(s.W, s.H)
	r.canvas.eachBand(func(f *frame, top int) {
		r.paint(f, bare)
		m.band(f.img, top)
	})
	return m.result()
}

// bareSlide is s without its glyphs: code boxes and quote bars stay.
func bareSlide(s deck.Slide) deck.Slide {
	bare := s
	bare.Layers = make([]deck.Layer, len(s.Layers))
	for i, l := range s.Layers {
		l.Text.Lines = nil
		bare.Layers[i] = l
	}
	return bare
}

// DrawMeasured draws a slide on the renderer's canvas, as DrawTemp does,
// and measures its text as TextContrast does.
func (r *Renderer) DrawMeasured(s deck.Slide) (*image.RGBA, []TextContrast) {
	r.canvas = r.canvas.reuse(s.W, s.H)
	m := newMeter(s)
	r.canvas.eachBand(func(f *frame, top int) { r.paintMeasured(f, m, top) })
	return r.canvas.img, m.result()
}

// paintMeasured paints the band of m's slide that f covers, whose first
// row is top, and measures its text, drawing the band once where that
// gives the same pixels (see DrawnOnce): everything but the glyphs, then
// the measurement, then the glyphs. That holds when nothing drawn after
// a line of text reaches into it, as on nearly every slide; on the
// others the band is drawn without its glyphs, measured, and drawn again
// whole.
func (r *Renderer) paintMeasured(f *frame, m *meter, top int) {
	s := m.s
	if m.bare != nil {
		r.paint(f, *m.bare)
		m.band(f.img, top)
		r.paint(f, s)
		return
	}
	n := r.backdrop(f, s)
	for _, l := range s.Layers[n:] {
		l.Text.Lines = nil
		r.layer(f, l)
	}
	m.band(f.img, top)
	for _, l := range s.Layers[n:] {
		if l.Kind != deck.TextLayer {
			continue
		}
		for _, ln := range l.Text.Lines {
			if f.misses(ln) {
				continue
			}
			for _, run := range ln.Runs {
				r.drawRun(f, run)
			}
		}
	}
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

// meter measures a slide's text band by band: each run's worst contrast
// against the band drawn without glyphs, the worst of all bands kept.
type meter struct {
	s     deck.Slide
	bare  *deck.Slide // s without glyphs, when it is not DrawnOnce
	worst []float64   // one for each run measured, in the order of runs
}

func newMeter(s deck.Slide) *meter {
	m := &meter{s: s}
	if !DrawnOnce(s) {
		bare := bareSlide(s)
		m.bare = &bare
	}
	m.runs(func(k int, _ layout.Line, _ layout.Run) {
		m.worst = append(m.worst, math.Inf(1))
	})
	return m
}

// lines calls f for each line of text the meter measures.
func (m *meter) lines(f func(ln layout.Line)) {
	for _, l := range m.s.Layers {
		if l.Kind != deck.TextLayer {
			continue
		}
		for _, ln := range l.Text.Lines {
			if ln.Text != "" {
				f(ln)
			}
		}
	}
}

// runs calls f for each run the meter measures, numbered from 0: the
// runs of its lines but emoji.
func (m *meter) runs(f func(k int, ln layout.Line, run layout.Run)) {
	k := 0
	m.lines(func(ln layout.Line) {
		for _, run := range ln.Runs {
			if !run.Emoji {
				f(k, ln, run)
				k++
			}
		}
	})
}

// band measures the runs over back, the slide's rows from top down drawn
// without glyphs.
func (m *meter) band(back *image.RGBA, top int) {
	slide := image.Rect(0, 0, m.s.W, m.s.H)
	rows := image.Rect(0, top, m.s.W, top+back.Rect.Dy())
	m.runs(func(k int, ln layout.Line, run layout.Run) {
		box := image.Rect(int(run.X0), int(ln.Y-ln.Ascent), int(math.Ceil(run.X1)), int(ln.Y+ln.Descent)).Intersect(slide)
		if box.Overlaps(rows) {
			m.worst[k] = math.Min(m.worst[k], worstContrast(back, top, box, run.Color))
		}
	})
}

// result is the worst contrast of each line, over its runs and bands.
func (m *meter) result() []TextContrast {
	var out []TextContrast
	k := 0
	m.lines(func(ln layout.Line) {
		tc := TextContrast{Text: ln.Text, Size: ln.Size, Ratio: math.Inf(1), Line: m.s.Line}
		for _, run := range ln.Runs {
			if run.Emoji {
				continue
			}
			tc.Ratio = math.Min(tc.Ratio, m.worst[k])
			k++
			tc.Bold = tc.Bold || run.Style&layout.Bold != 0 || run.Style&layout.Display != 0
		}
		if !math.IsInf(tc.Ratio, 1) {
			out = append(out, tc)
		}
	})
	return out
}

// worstContrast samples the backdrop under a box of slide pixels on a
// coarse grid from the box's corner and returns the lowest contrast of
// the text colour against it. back holds the slide's rows from top down:
// the grid's rows within it are sampled.
func worstContrast(back *image.RGBA, top int, box image.Rectangle, c color.RGBA) float64 {
	worst := math.Inf(1)
	const step = 4
	y0 := box.Min.Y
	if y0 < top {
		y0 += (top - y0 + step - 1) / step * step
	}
	y1 := min(box.Max.Y, top+back.Rect.Dy())
	// Backdrops are mostly flat: a sample the colour of the one before
	// has its contrast (two powers per channel) already counted. Samples
	// are read from the rows directly, as RGBAAt's checks for each were
	// a sixtieth of a build's CPU time; those left or right of the
	// canvas are transparent black, as RGBAAt gives them.
	var last uint32
	seen := false
	x0, x1 := back.Rect.Min.X, back.Rect.Max.X
	for y := y0; y < y1; y += step {
		if y-top < back.Rect.Min.Y {
			continue
		}
		row := back.Pix[back.PixOffset(x0, y-top):]
		for x := box.Min.X; x < box.Max.X; x += step {
			var px uint32
			if x >= x0 && x < x1 {
				px = binary.LittleEndian.Uint32(row[4*(x-x0):])
			}
			if seen && px == last {
				continue
			}
			last, seen = px, true
			bg := color.RGBA{uint8(px), uint8(px >> 8), uint8(px >> 16), uint8(px >> 24)}
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
