package render

import (
	"image"
	"image/draw"
	"math"

	"github.com/fogleman/gg"
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
	dc := gg.NewContextForRGBA(dst)
	fillRect(dst, s.Background, 0, 0, float64(s.W), float64(s.H), 0)
	for _, l := range s.Layers {
		switch l.Kind {
		case deck.RectLayer:
			fillRect(dst, l.Paint, l.X, l.Y, l.W, l.H, l.Radius)
		case deck.EllipseLayer:
			fillEllipse(dc, l.Paint, l.X, l.Y, l.W, l.H)
		case deck.ImageLayer:
			drawCover(dst, l)
		case deck.TextLayer:
			r.drawPage(dst, l.Text)
		}
	}
	return dst
}

// fillEllipse fills an ellipse inscribed in a box with a solid colour;
// gg's rasteriser is fast enough for these few decorative shapes.
func fillEllipse(dc *gg.Context, p deck.Paint, x, y, w, h float64) {
	dc.SetColor(p.From)
	dc.DrawEllipse(x+w/2, y+h/2, w/2, h/2)
	dc.Fill()
}

// drawCover scales an image to cover the layer's box, cropping the excess
// around the focus, with high-quality resampling.
func drawCover(dst *image.RGBA, l deck.Layer) {
	if l.Image == nil || l.W < 1 || l.H < 1 {
		return
	}
	sb := l.Image.Bounds()
	sw, sh := float64(sb.Dx()), float64(sb.Dy())
	if sw < 1 || sh < 1 {
		return
	}
	crop := sb
	if sw/sh > l.W/l.H {
		cw := int(math.Round(sh * l.W / l.H))
		x0 := sb.Min.X + (sb.Dx()-cw)/2
		crop = image.Rect(x0, sb.Min.Y, x0+cw, sb.Max.Y)
	} else {
		ch := int(math.Round(sw * l.H / l.W))
		y0 := sb.Min.Y + int(float64(sb.Dy()-ch)*l.FocusY)
		crop = image.Rect(sb.Min.X, y0, sb.Max.X, y0+ch)
	}
	w, h := int(math.Round(l.W)), int(math.Round(l.H))
	tmp := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.CatmullRom.Scale(tmp, tmp.Bounds(), l.Image, crop, draw.Src, nil)
	at := image.Pt(int(math.Round(l.X)), int(math.Round(l.Y)))
	if l.Radius > 0 {
		m := roundRectMask(0, 0, float64(w), float64(h), l.Radius, w, h)
		draw.DrawMask(dst, tmp.Bounds().Add(at), tmp, image.Point{}, m, image.Point{}, draw.Over)
		return
	}
	draw.Draw(dst, tmp.Bounds().Add(at), tmp, image.Point{}, draw.Src)
}
