package render

import (
	"image"

	"github.com/fogleman/gg"
)

// frame is a canvas being drawn on: gg's context over its pixels, and the
// scale and offset from slide units to those pixels (1 and 0, except on a
// contact sheet, where a slide is drawn straight at thumbnail size).
type frame struct {
	ctx    *gg.Context
	img    *image.RGBA
	k      float64
	ox, oy float64
}

// newFrame prepares gg's context over img to draw in slide units.
func newFrame(ctx *gg.Context, img *image.RGBA, k, ox, oy float64) *frame {
	ctx.ResetClip()
	ctx.ClearPath()
	ctx.Identity()
	ctx.Translate(ox, oy)
	ctx.Scale(k, k)
	return &frame{ctx: ctx, img: img, k: k, ox: ox, oy: oy}
}

// px maps a box in slide units to canvas pixels.
func (f *frame) px(x, y, w, h float64) (float64, float64, float64, float64) {
	return x*f.k + f.ox, y*f.k + f.oy, w * f.k, h * f.k
}

// canvas is a reusable image with gg's context over it.
type canvas struct {
	img *image.RGBA
	ctx *gg.Context
}

// reuse returns c when it has the size w×h, else a new canvas.
func (c *canvas) reuse(w, h int) *canvas {
	if c != nil && c.img.Rect.Dx() == w && c.img.Rect.Dy() == h {
		return c
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	return &canvas{img: img, ctx: gg.NewContextForRGBA(img)}
}
