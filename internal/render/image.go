package render

import (
	"image"
	"image/draw"
	"math"
	"reflect"

	xdraw "golang.org/x/image/draw"

	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/photo"
)

// image draws a photo or logo into the layer's box: cropped around its
// focus to fill the box, or whole and centred inside it (Contain), with
// rounded corners clipped by gg.
func (r *Renderer) image(f *frame, l deck.Layer) {
	if l.Image == nil || l.W < 1 || l.H < 1 {
		return
	}
	sb := l.Image.Bounds()
	if sb.Dx() < 1 || sb.Dy() < 1 {
		return
	}
	x, y, w, h := l.X, l.Y, l.W, l.H
	crop := sb
	if l.Contain {
		x, y, w, h = deck.ContainBox(sb, x, y, w, h)
	} else {
		crop = deck.CoverCrop(sb, w, h, l.FocusX, l.FocusY)
	}
	px, py, pw, ph := f.px(x, y, w, h)
	at := image.Pt(int(math.Round(px)), int(math.Round(py)))
	dw, dh := int(math.Round(px+pw))-at.X, int(math.Round(py+ph))-at.Y
	if dw < 1 || dh < 1 || image.Rect(at.X, at.Y, at.X+dw, at.Y+dh).Intersect(f.img.Rect).Empty() {
		return
	}
	sx, sy := float64(dw)/float64(crop.Dx()), float64(dh)/float64(crop.Dy())
	sub, ok := subImage(l.Image, crop)
	// A photo already scaled to about the canvas when it was read: gg's
	// bilinear transform draws it straight from the source.
	fromSource := ok && near1(sx) && near1(sy)
	if !fromSource && l.Radius <= 0 {
		// Resampled to its pixels and drawn square at a whole pixel (a
		// logo): composited straight over the canvas, as gg would, with
		// no transform (gg's DrawImage makes one even for an offset).
		img := r.scaled(l.Image, crop, dw, dh)
		draw.Draw(f.img, img.Rect.Add(at), img, image.Point{}, draw.Over)
		return
	}
	c := f.ctx
	c.Push()
	defer func() {
		c.Pop()
		c.ResetClip() // gg's Pop keeps the clip
	}()
	if l.Radius > 0 {
		c.DrawRoundedRectangle(x, y, w, h, min(l.Radius, w/2, h/2))
		c.Clip()
	}
	c.Identity()
	if fromSource {
		c.Translate(float64(at.X), float64(at.Y))
		c.Scale(sx, sy)
		c.DrawImage(sub, -crop.Min.X, -crop.Min.Y)
		return
	}
	c.DrawImage(r.scaled(l.Image, crop, dw, dh), at.X, at.Y)
}

// near1 tells a scale at which bilinear and Catmull-Rom resampling look
// the same.
func near1(s float64) bool { return s >= 0.8 && s <= 1.25 }

func subImage(img image.Image, r image.Rectangle) (image.Image, bool) {
	s, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	})
	if !ok {
		return nil, false
	}
	return s.SubImage(r), true
}

// scaled resamples the crop of an image to w×h with Catmull-Rom, into a
// buffer the renderer reuses. Small results (a logo on every slide,
// shrunk from 512 pixels: Catmull-Rom reads dozens of source pixels for
// each one it writes) are kept and reused.
func (r *Renderer) scaled(src image.Image, crop image.Rectangle, w, h int) *image.RGBA {
	k := scaledKey{src, crop, w, h}
	small := w*h <= 256*256 && reflect.TypeOf(src).Kind() == reflect.Pointer
	if small {
		if img, ok := r.small[k]; ok {
			return img
		}
		img := shrink(src, crop, w, h)
		if len(r.small) >= 64 {
			clear(r.small)
		}
		r.small[k] = img
		return img
	}
	if r.scratch == nil || cap(r.scratch.Pix) < 4*w*h {
		r.scratch = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	dst := &image.RGBA{Pix: r.scratch.Pix[:4*w*h], Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
	xdraw.CatmullRom.Scale(dst, dst.Rect, src, crop, draw.Src, nil)
	return dst
}

// shrink resamples the crop of src to a new w×h image. A whole RGBA
// image made much smaller (a logo in a slide's corner or on a contact
// sheet, an emoji in body text) has whole blocks of its pixels averaged
// first, then Catmull-Rom does the rest: Catmull-Rom alone reads dozens
// of source pixels for every one it writes, 27 ms of a contact sheet.
func shrink(src image.Image, crop image.Rectangle, w, h int) *image.RGBA {
	if rgba, ok := src.(*image.RGBA); ok && crop == rgba.Rect && 2*w <= crop.Dx() && 2*h <= crop.Dy() {
		return photo.Downscale(rgba, w, h)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.CatmullRom.Scale(img, img.Rect, src, crop, draw.Src, nil)
	return img
}

// scaledKey names a resampled image: the source (a pointer, so equal
// keys are the same pixels), the part of it and the size.
type scaledKey struct {
	src  image.Image
	crop image.Rectangle
	w, h int
}
