package render

import (
	"image"
	"math"

	"golang.org/x/image/vector"
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
