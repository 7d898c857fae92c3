package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/pkpm-btn3/pkpm/internal/deck"
)

// fillRect paints a rectangle, rounded when radius > 0, with a solid or
// gradient paint. These fast paths matter: gg's general rasteriser spends
// over 100 ms filling a full 1080×1350 canvas.
func fillRect(dst *image.RGBA, p deck.Paint, x, y, w, h, radius float64) {
	if w <= 0 || h <= 0 {
		return
	}
	r := image.Rect(int(math.Round(x)), int(math.Round(y)), int(math.Round(x+w)), int(math.Round(y+h))).Intersect(dst.Bounds())
	if r.Empty() {
		return
	}
	if p.Gradient {
		fillGradient(dst, r, p, radius, x, y, w, h)
		return
	}
	src := image.NewUniform(p.From)
	if radius <= 0 {
		op := draw.Over
		if p.From.A == 255 {
			op = draw.Src
		}
		draw.Draw(dst, r, src, image.Point{}, op)
		return
	}
	m := roundRectMask(x-float64(r.Min.X), y-float64(r.Min.Y), w, h, radius, r.Dx(), r.Dy())
	draw.DrawMask(dst, r, src, image.Point{}, m, image.Point{}, draw.Over)
}

// fillGradient paints a linear or radial gradient across the box
// (x, y, w, h), blending over what is there (paints may be translucent).
// Colours come from a table of 1024 steps, and an opaque unmasked fill
// writes pixels directly: a full-canvas gradient costs a few milliseconds.
func fillGradient(dst *image.RGBA, r image.Rectangle, p deck.Paint, radius, x, y, w, h float64) {
	var mask *image.Alpha
	if radius > 0 {
		mask = roundRectMask(x-float64(r.Min.X), y-float64(r.Min.Y), w, h, radius, r.Dx(), r.Dy())
	}
	const steps = 1024
	var lut [steps + 1][4]uint8
	c0, c1 := premul(p.From), premul(p.To)
	for i := range lut {
		c := lerp(c0, c1, float64(i)/steps)
		for j := range 4 {
			lut[i][j] = uint8(math.Round(c[j]))
		}
	}
	opaque := p.From.A == 255 && p.To.A == 255 && mask == nil
	// The same geometry as deck.GradientAt, hoisted out of the loop.
	a := p.Angle * math.Pi / 180
	ux, uy := math.Cos(a), math.Sin(a)
	span := math.Abs(w*ux) + math.Abs(h*uy)
	cx, cy := x+w/2, y+h/2
	rcx, rcy := x+p.CX*w, y+p.CY*h
	rr := math.Max(p.R*math.Max(w, h), 1)
	for py := r.Min.Y; py < r.Max.Y; py++ {
		row := dst.Pix[dst.PixOffset(r.Min.X, py):]
		fy := float64(py) + 0.5
		for px := r.Min.X; px < r.Max.X; px++ {
			fx := float64(px) + 0.5
			var t float64
			if p.Radial {
				dx, dy := fx-rcx, fy-rcy
				t = math.Sqrt(dx*dx+dy*dy) / rr
			} else {
				t = ((fx-cx)*ux+(fy-cy)*uy)/span + 0.5
			}
			t = math.Min(1, math.Max(0, t))
			c := lut[int(t*steps+0.5)]
			i := (px - r.Min.X) * 4
			if opaque {
				row[i], row[i+1], row[i+2], row[i+3] = c[0], c[1], c[2], 255
				continue
			}
			cov := 1.0
			if mask != nil {
				cov = float64(mask.AlphaAt(px-r.Min.X, py-r.Min.Y).A) / 255
			}
			blend(row[i:i+4], [4]float64{float64(c[0]), float64(c[1]), float64(c[2]), float64(c[3])}, cov)
		}
	}
}

// premul returns a colour's premultiplied channels as floats in 0..255.
func premul(c color.RGBA) [4]float64 {
	return [4]float64{float64(c.R), float64(c.G), float64(c.B), float64(c.A)}
}

func lerp(a, b [4]float64, t float64) [4]float64 {
	return [4]float64{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t, a[2] + (b[2]-a[2])*t, a[3] + (b[3]-a[3])*t}
}

// blend composites a premultiplied colour over a pixel with coverage.
func blend(px []uint8, c [4]float64, cov float64) {
	k := 1 - c[3]/255*cov
	for j := 0; j < 4; j++ {
		px[j] = uint8(math.Round(c[j]*cov + float64(px[j])*k))
	}
}
