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
	back := r.DrawTemp(bare)
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
	for y := box.Min.Y; y < box.Max.Y; y += step {
		for x := box.Min.X; x < box.Max.X; x += step {
			bg := back.RGBAAt(x, y)
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
