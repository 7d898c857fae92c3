package render

import (
	"image"
	"image/draw"
	"math"

	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/layout"
)

// drawPage draws a laid-out page: its boxes (code, quote bars) through
// gg, then its glyphs. Text does not go through gg's DrawString, which
// wraps only at spaces and knows neither shaping nor emoji: go-text
// shapes it, and the glyph cache's masks and colour bitmaps are
// composited onto the context's image.
func (r *Renderer) drawPage(f *frame, p layout.Page) {
	for _, rc := range p.Rects {
		f.rect(deck.Solid(rc.Color), rc.X, rc.Y, rc.W, rc.H, rc.Radius)
	}
	for _, l := range p.Lines {
		for _, run := range l.Runs {
			r.drawRun(f, run)
		}
	}
}

func (r *Renderer) drawRun(f *frame, run layout.Run) {
	src := image.NewUniform(run.Color)
	size := run.Size * f.k
	for _, g := range run.Glyphs {
		gx, gy := g.X*f.k+f.ox, g.Y*f.k+f.oy
		if run.Emoji {
			if img, off, ok := r.glyphs.emoji(run.Face, g.ID, size); ok {
				at := image.Pt(int(math.Round(gx)), int(math.Round(gy))).Add(off)
				draw.Draw(f.img, img.Bounds().Add(at), img, image.Point{}, draw.Over)
				continue
			}
		}
		fx, fy := math.Floor(gx), math.Floor(gy)
		m := r.glyphs.outlineMask(run.Face, g.ID, size, gx-fx, gy-fy)
		if m == nil {
			continue
		}
		at := image.Pt(int(fx), int(fy)).Add(m.offset)
		draw.DrawMask(f.img, m.img.Bounds().Add(at), src, image.Point{}, m.img, image.Point{}, draw.Over)
	}
	if len(run.Glyphs) == 0 {
		return
	}
	thick := math.Max(2, run.Size*0.07)
	if run.Style&layout.Strike != 0 {
		y := run.Glyphs[0].Y - run.Size*0.3
		f.rect(deck.Solid(run.Color), run.X0, y-thick/2, run.X1-run.X0, thick, 0)
	}
	if run.Style&layout.Underline != 0 {
		y := run.Glyphs[0].Y + run.Size*0.12
		f.rect(deck.Solid(run.Color), run.X0, y, run.X1-run.X0, thick, 0)
	}
}
