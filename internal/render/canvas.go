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

// canvas is a reusable image with gg's context over it, and contexts
// over its bands (see eachBand), made on first use.
type canvas struct {
	img   *image.RGBA
	ctx   *gg.Context
	bands []*canvas
}

// bandsPerSlide is about how many bands a slide is drawn in. A build's
// drawing workers each hold one band, not a slide: 1.5 MB of canvas
// instead of 5.8 MB for a portrait slide. The first touch of a fresh
// page of memory costs the kernel more than drawing on it: with bands,
// the 10-slide bench build peaks at 39 MiB instead of 48 MiB, and the
// 210-post cold build took 0.92 times as long (4 pairs). Two or eight
// bands a slide measured no better.
const bandsPerSlide = 4

// bandRows is how many rows of an h-row slide one band holds: about a
// quarter, in whole 16-row MCUs, the unit JPEG codes.
func bandRows(h int) int {
	n := (h + bandsPerSlide - 1) / bandsPerSlide
	return max(16, (n+15)/16*16)
}

// eachBand calls paint for each band of the canvas, top to bottom, with
// a frame over the band's rows that draws in slide units, and the
// band's first row. Whole slides are drawn in the same bands as a
// build's workers draw them, so that both give the same pixels: shapes
// that cross a band's edge are rasterised from the band's origin.
func (c *canvas) eachBand(paint func(f *frame, top int)) {
	h, rows, st := c.img.Rect.Dy(), bandRows(c.img.Rect.Dy()), c.img.Stride
	for i, top := 0, 0; top < h; i, top = i+1, top+rows {
		if i == len(c.bands) {
			end := (top + min(rows, h-top)) * st
			view := &image.RGBA{Pix: c.img.Pix[top*st : end : end], Stride: st, Rect: image.Rect(0, 0, c.img.Rect.Dx(), min(rows, h-top))}
			c.bands = append(c.bands, &canvas{img: view, ctx: gg.NewContextForRGBA(view)})
		}
		b := c.bands[i]
		paint(newFrame(b.ctx, b.img, 1, 0, float64(-top)), top)
	}
}

// newCanvas returns a blank w×h canvas.
func newCanvas(w, h int) *canvas {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	return &canvas{img: img, ctx: gg.NewContextForRGBA(img)}
}

// reuse returns c when it has the size w×h, else a new canvas.
func (c *canvas) reuse(w, h int) *canvas {
	if c != nil && c.img.Rect.Dx() == w && c.img.Rect.Dy() == h {
		return c
	}
	return newCanvas(w, h)
}
