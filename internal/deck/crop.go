package deck

import (
	"image"
	"math"
)

// CoverCrop is the part of an image of bounds src that fills a w×h box
// without distortion: the largest rectangle of the box's shape, placed so
// the focus point (fractions across and down) stays as central as the
// image allows. Render draws exactly this; the scrim measures it.
func CoverCrop(src image.Rectangle, w, h, fx, fy float64) image.Rectangle {
	sw, sh := float64(src.Dx()), float64(src.Dy())
	if sw < 1 || sh < 1 || w < 1 || h < 1 {
		return src
	}
	cw, ch := sw, sh
	if sw/sh > w/h {
		cw = math.Round(sh * w / h)
	} else {
		ch = math.Round(sw * h / w)
	}
	place := func(size, crop, focus float64) int {
		return int(math.Round(math.Max(0, math.Min(size-crop, focus*size-crop/2))))
	}
	x0 := src.Min.X + place(sw, cw, fx)
	y0 := src.Min.Y + place(sh, ch, fy)
	return image.Rect(x0, y0, x0+int(cw), y0+int(ch))
}

// ContainBox is where an image of bounds src sits inside a box when it is
// shown whole: as large as fits, centred.
func ContainBox(src image.Rectangle, x, y, w, h float64) (float64, float64, float64, float64) {
	sw, sh := float64(src.Dx()), float64(src.Dy())
	if sw < 1 || sh < 1 {
		return x, y, w, h
	}
	k := math.Min(w/sw, h/sh)
	dw, dh := sw*k, sh*k
	return x + (w-dw)/2, y + (h-dh)/2, dw, dh
}
