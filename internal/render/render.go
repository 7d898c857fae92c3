package render

import (
	"image"
	"image/draw"
	"math"

	xdraw "golang.org/x/image/draw"

	"github.com/pkpm-btn3/pkpm/internal/deck"
)

// Renderer draws composed slides. It keeps glyph caches, so reuse one per
// worker; it is not safe for concurrent use.
type Renderer struct {
	glyphs *glyphCache
}

// New returns a renderer with empty caches.
func New() *Renderer { return &Renderer{glyphs: newGlyphCache()} }

// Draw paints a slide onto a new canvas.
func (r *Renderer) Draw(s deck.Slide) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, s.W, s.H))
	fillRect(dst, s.Background, 0, 0, float64(s.W), float64(s.H), 0)
	for _, l := range s.Layers {
		switch l.Kind {
		case deck.RectLayer:
			fillRect(dst, l.Paint, l.X, l.Y, l.W, l.H, l.Radius)
		case deck.EllipseLayer:
			fillEllipse(dst, l.Paint, l.X, l.Y, l.W, l.H, 0)
		case deck.RingLayer:
			fillEllipse(dst, l.Paint, l.X, l.Y, l.W, l.H, l.Thickness)
		case deck.DotsLayer:
			fillDots(dst, l)
		case deck.ImageLayer:
			drawImage(dst, l)
		case deck.TextLayer:
			r.drawPage(dst, l.Text)
		}
	}
	return dst
}

// drawImage scales an image into the layer's box with high-quality
// resampling: cropped around its focus to fill the box, or whole and
// centred inside it (Contain).
func drawImage(dst *image.RGBA, l deck.Layer) {
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
	at := image.Pt(int(math.Round(x)), int(math.Round(y)))
	pw, ph := int(math.Round(x+w))-at.X, int(math.Round(y+h))-at.Y
	if pw < 1 || ph < 1 {
		return
	}
	vis := image.Rect(at.X, at.Y, at.X+pw, at.Y+ph).Intersect(dst.Bounds())
	if vis.Empty() {
		return
	}
	tmp := image.NewRGBA(image.Rect(0, 0, pw, ph))
	scaler(crop.Dx(), crop.Dy(), pw, ph).Scale(tmp, tmp.Bounds(), l.Image, crop, draw.Src, nil)
	if l.Radius > 0 {
		m := roundRectMask(0, 0, float64(pw), float64(ph), l.Radius, pw, ph)
		draw.DrawMask(dst, vis, tmp, vis.Min.Sub(at), m, vis.Min.Sub(at), draw.Over)
		return
	}
	draw.Draw(dst, vis, tmp, vis.Min.Sub(at), draw.Over)
}

// scaler picks the resampling filter: Catmull-Rom where the size changes
// much, and the cheaper bilinear one where a photo (already scaled to about
// the canvas when it was read) changes little and both look the same.
func scaler(sw, sh, dw, dh int) xdraw.Scaler {
	rx, ry := float64(dw)/float64(max(sw, 1)), float64(dh)/float64(max(sh, 1))
	if rx >= 0.8 && rx <= 1.25 && ry >= 0.8 && ry <= 1.25 {
		return xdraw.BiLinear
	}
	return xdraw.CatmullRom
}
