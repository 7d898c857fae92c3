package render

import (
	"image"
	"image/color"
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
		if f.misses(l) {
			continue
		}
		for _, run := range l.Runs {
			r.drawRun(f, run)
		}
	}
}

// misses tells whether a line's ink lies wholly above or below the
// frame's pixels, as most lines do in a band of a slide: its glyphs need
// not be looked up.
func (f *frame) misses(l layout.Line) bool {
	b, ok := inkBox(l)
	if !ok {
		return true
	}
	return b.y1*f.k+f.oy < float64(f.img.Rect.Min.Y) || b.y0*f.k+f.oy > float64(f.img.Rect.Max.Y)
}

func (r *Renderer) drawRun(f *frame, run layout.Run) {
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
		sx, sy := gx-fx, gy-fy
		if f.k < 1 {
			// On a thumbnail, text is a third of its size or less: each
			// line sits on a whole pixel, as small text is best drawn,
			// and its glyphs' masks are made for one vertical position
			// instead of four (1,021 masks instead of 1,704 for the
			// 26-slide contact sheet, 1 ms less of its 70).
			fy, sy = math.Round(gy), 0
		}
		m := r.glyphs.outlineMask(run.Face, g.ID, size, sx, sy)
		if m == nil {
			continue
		}
		at := image.Pt(int(fx), int(fy)).Add(m.offset)
		glyphOver(f.img, m.img.Bounds().Add(at), run.Color, m.img)
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

// glyphOver composites colour c through a glyph's coverage mask, whose
// top-left lands at r.Min. It is image/draw's DrawMask for this case
// (a uniform source over an RGBA canvas through an Alpha mask) with the
// same arithmetic, so the pixels are the same, less its dispatch per
// glyph, and with the colour stored as it is where an opaque colour
// covers a pixel fully, which that arithmetic gives too. On amd64 with
// AVX2 it runs two pixels at a time (vector_amd64.s): BenchmarkGlyphOver
// 45 → 21 µs, a twentieth of a 10-slide build's CPU time.
func glyphOver(dst *image.RGBA, r image.Rectangle, c color.RGBA, mask *image.Alpha) {
	clipped := r.Intersect(dst.Rect)
	if clipped.Empty() {
		return
	}
	mp := mask.Rect.Min.Add(clipped.Min.Sub(r.Min))
	w := clipped.Dx()
	done := glyphOverVector(dst.Pix[dst.PixOffset(clipped.Min.X, clipped.Min.Y):], dst.Stride,
		mask.Pix[mask.PixOffset(mp.X, mp.Y):], mask.Stride, w, clipped.Dy(), c)
	if done == w {
		return
	}
	const m = 1<<16 - 1
	sr, sg, sb, sa := c.RGBA()
	opaque := c.A == 255
	for y := clipped.Min.Y; y < clipped.Max.Y; y++ {
		d := dst.Pix[dst.PixOffset(clipped.Min.X, y):][: 4*w : 4*w]
		cover := mask.Pix[mask.PixOffset(mp.X, mp.Y+y-clipped.Min.Y):][:w:w]
		for x := done; x < w; x++ {
			ma := cover[x]
			switch {
			case ma == 0:
				continue
			case ma == 255 && opaque:
				d[4*x], d[4*x+1], d[4*x+2], d[4*x+3] = c.R, c.G, c.B, 255
				continue
			}
			a16 := uint32(ma) * 0x101
			k := (m - (sa * a16 / m)) * 0x101
			p := d[4*x : 4*x+4 : 4*x+4]
			p[0] = uint8((uint32(p[0])*k + sr*a16) / m >> 8)
			p[1] = uint8((uint32(p[1])*k + sg*a16) / m >> 8)
			p[2] = uint8((uint32(p[2])*k + sb*a16) / m >> 8)
			p[3] = uint8((uint32(p[3])*k + sa*a16) / m >> 8)
		}
	}
}
