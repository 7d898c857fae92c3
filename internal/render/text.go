package render

import (
	"image"
	"image/draw"
	"math"

	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/layout"
)

// drawPage composites a laid-out page's decorations and glyphs onto dst.
func (r *Renderer) drawPage(dst *image.RGBA, p layout.Page) {
	for _, rc := range p.Rects {
		fillRect(dst, deck.Solid(rc.Color), rc.X, rc.Y, rc.W, rc.H, rc.Radius)
	}
	for _, l := range p.Lines {
		for _, run := range l.Runs {
			r.drawRun(dst, run)
		}
	}
}

func (r *Renderer) drawRun(dst *image.RGBA, run layout.Run) {
	src := image.NewUniform(run.Color)
	for _, g := range run.Glyphs {
		if run.Emoji {
			if img, off, ok := r.glyphs.emoji(run.Face, g.ID, run.Size); ok {
				at := image.Pt(int(math.Round(g.X)), int(math.Round(g.Y))).Add(off)
				draw.Draw(dst, img.Bounds().Add(at), img, image.Point{}, draw.Over)
				continue
			}
		}
		fx, fy := math.Floor(g.X), math.Floor(g.Y)
		m := r.glyphs.outlineMask(run.Face, g.ID, run.Size, g.X-fx, g.Y-fy)
		if m == nil {
			continue
		}
		at := image.Pt(int(fx), int(fy)).Add(m.offset)
		draw.DrawMask(dst, m.img.Bounds().Add(at), src, image.Point{}, m.img, image.Point{}, draw.Over)
	}
	thick := math.Max(2, run.Size*0.07)
	if run.Style&layout.Strike != 0 {
		y := run.Glyphs[0].Y - run.Size*0.3
		fillRect(dst, deck.Solid(run.Color), run.X0, y-thick/2, run.X1-run.X0, thick, 0)
	}
	if run.Style&layout.Underline != 0 && len(run.Glyphs) > 0 {
		y := run.Glyphs[0].Y + run.Size*0.12
		fillRect(dst, deck.Solid(run.Color), run.X0, y, run.X1-run.X0, thick, 0)
	}
}
