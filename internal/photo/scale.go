package photo

import (
	"image"
	"image/draw"

	xdraw "golang.org/x/image/draw"
)

// shrink scales a photo down so its shorter side is side, when it is more
// than half again as large: first by averaging whole blocks of pixels (an
// exact area filter, and fast), then by Catmull-Rom for the remaining
// fraction. Slides then resample a photo of about their own size, once.
func shrink(src *image.RGBA, side int) *image.RGBA {
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	short := min(w, h)
	if side <= 0 || short*2 <= side*3 {
		return src
	}
	f := float64(short) / float64(side)
	img := src
	if k := int(f); k >= 2 {
		img = boxShrink(src, k)
	}
	tw := max(1, int(float64(w)/f+0.5))
	th := max(1, int(float64(h)/f+0.5))
	if img.Bounds().Dx() == tw && img.Bounds().Dy() == th {
		return img
	}
	dst := image.NewRGBA(image.Rect(0, 0, tw, th))
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
	return dst
}

// boxShrink averages k×k blocks; a partial block at the right or bottom
// edge is averaged over the pixels it has.
func boxShrink(src *image.RGBA, k int) *image.RGBA {
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	dw, dh := (w+k-1)/k, (h+k-1)/k
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	sums := make([]uint32, dw*4)
	for dy := 0; dy < dh; dy++ {
		clear(sums)
		y0, y1 := dy*k, min(dy*k+k, h)
		for y := y0; y < y1; y++ {
			row := src.Pix[y*src.Stride : y*src.Stride+w*4]
			// Each block's part of the row is summed in registers, then
			// added to the block's sums: a division and four stores per
			// source pixel made shrinking the 512-pixel logo for a
			// contact sheet take 1 ms.
			for dx := range dw {
				var r, g, b, a uint32
				for p := row[dx*k*4 : min(dx*k+k, w)*4]; len(p) >= 4; p = p[4:] {
					r += uint32(p[0])
					g += uint32(p[1])
					b += uint32(p[2])
					a += uint32(p[3])
				}
				s := sums[dx*4 : dx*4+4 : dx*4+4]
				s[0] += r
				s[1] += g
				s[2] += b
				s[3] += a
			}
		}
		out := dst.Pix[dy*dst.Stride:]
		for dx := 0; dx < dw; dx++ {
			n := uint32((min(dx*k+k, w) - dx*k) * (y1 - y0))
			for c := 0; c < 4; c++ {
				out[dx*4+c] = uint8((sums[dx*4+c] + n/2) / n)
			}
		}
	}
	return dst
}

// Downscale scales an image down to exactly w×h: whole blocks of pixels
// averaged first, then Catmull-Rom for the rest. Thumbnails of slides are
// made this way, quickly and without aliasing.
func Downscale(src *image.RGBA, w, h int) *image.RGBA {
	b := src.Bounds()
	if b.Min != (image.Point{}) {
		src = toRGBA(src)
	}
	img := src
	if k := min(b.Dx()/max(w, 1), b.Dy()/max(h, 1)); k >= 2 {
		img = boxShrink(src, k)
	}
	if img.Bounds().Dx() == w && img.Bounds().Dy() == h {
		return img
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
	return dst
}
