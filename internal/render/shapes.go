package render

import (
	"image"
	"image/draw"
	"math"

	"golang.org/x/image/vector"

	"github.com/pkpm-btn3/pkpm/internal/deck"
)

// roundRectMask rasterises a rounded rectangle into a w×h coverage mask.
func roundRectMask(x, y, w, h, r float64, mw, mh int) *image.Alpha {
	r = math.Min(r, math.Min(w, h)/2)
	var z vector.Rasterizer
	z.Reset(mw, mh)
	f := func(v float64) float32 { return float32(v) }
	// The control points at 0.5523 of the radius approximate a quarter circle.
	k := r * 0.5523
	z.MoveTo(f(x+r), f(y))
	z.LineTo(f(x+w-r), f(y))
	z.CubeTo(f(x+w-r+k), f(y), f(x+w), f(y+r-k), f(x+w), f(y+r))
	z.LineTo(f(x+w), f(y+h-r))
	z.CubeTo(f(x+w), f(y+h-r+k), f(x+w-r+k), f(y+h), f(x+w-r), f(y+h))
	z.LineTo(f(x+r), f(y+h))
	z.CubeTo(f(x+r-k), f(y+h), f(x), f(y+h-r+k), f(x), f(y+h-r))
	z.LineTo(f(x), f(y+r))
	z.CubeTo(f(x), f(y+r-k), f(x+r-k), f(y), f(x+r), f(y))
	z.ClosePath()
	m := image.NewAlpha(image.Rect(0, 0, mw, mh))
	z.Draw(m, m.Bounds(), image.Opaque, image.Point{})
	return m
}

// ellipsePath adds an ellipse centred at (cx, cy) to z, clockwise, or
// anticlockwise to cut a hole.
func ellipsePath(z *vector.Rasterizer, cx, cy, rx, ry float64, hole bool) {
	const k = 0.5523
	f := func(v float64) float32 { return float32(v) }
	sy := 1.0
	if hole {
		sy = -1
	}
	pt := func(dx, dy float64) (float32, float32) { return f(cx + dx*rx), f(cy + dy*ry*sy) }
	z.MoveTo(pt(1, 0))
	for _, q := range [4][6]float64{
		{1, k, k, 1, 0, 1}, {-k, 1, -1, k, -1, 0}, {-1, -k, -k, -1, 0, -1}, {k, -1, 1, -k, 1, 0},
	} {
		ax, ay := pt(q[0], q[1])
		bx, by := pt(q[2], q[3])
		ex, ey := pt(q[4], q[5])
		z.CubeTo(ax, ay, bx, by, ex, ey)
	}
	z.ClosePath()
}

// fillEllipse fills the ellipse inscribed in a box with a solid colour,
// rasterising only the part on the canvas; with thickness > 0 only a ring
// that wide along its edge.
func fillEllipse(dst *image.RGBA, p deck.Paint, x, y, w, h, thickness float64) {
	r := image.Rect(int(math.Floor(x)), int(math.Floor(y)), int(math.Ceil(x+w)), int(math.Ceil(y+h))).Intersect(dst.Bounds())
	if r.Empty() || w <= 0 || h <= 0 {
		return
	}
	var z vector.Rasterizer
	z.Reset(r.Dx(), r.Dy())
	cx, cy := x+w/2-float64(r.Min.X), y+h/2-float64(r.Min.Y)
	ellipsePath(&z, cx, cy, w/2, h/2, false)
	if thickness > 0 && thickness < math.Min(w, h)/2 {
		ellipsePath(&z, cx, cy, w/2-thickness, h/2-thickness, true)
	}
	m := image.NewAlpha(image.Rect(0, 0, r.Dx(), r.Dy()))
	z.Draw(m, m.Bounds(), image.Opaque, image.Point{})
	draw.DrawMask(dst, r, image.NewUniform(p.From), image.Point{}, m, image.Point{}, draw.Over)
}

// fillDots stamps a grid of dots over the layer's box.
func fillDots(dst *image.RGBA, l deck.Layer) {
	if l.Dot <= 0 || l.Gap < l.Dot {
		return
	}
	d := int(math.Ceil(l.Dot)) + 2
	var z vector.Rasterizer
	z.Reset(d, d)
	ellipsePath(&z, float64(d)/2, float64(d)/2, l.Dot/2, l.Dot/2, false)
	m := image.NewAlpha(image.Rect(0, 0, d, d))
	z.Draw(m, m.Bounds(), image.Opaque, image.Point{})
	src := image.NewUniform(l.Paint.From)
	for y := l.Y + l.Gap/2; y <= l.Y+l.H; y += l.Gap {
		for x := l.X + l.Gap/2; x <= l.X+l.W; x += l.Gap {
			at := image.Pt(int(math.Round(x))-d/2, int(math.Round(y))-d/2)
			draw.DrawMask(dst, m.Bounds().Add(at), src, image.Point{}, m, image.Point{}, draw.Over)
		}
	}
}
