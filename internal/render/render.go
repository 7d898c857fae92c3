package render

import (
	"image"

	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/jpegenc"
)

// Renderer draws composed slides on a gg context. It keeps glyph caches
// and a canvas, so reuse one per worker; it is not safe for concurrent
// use. Renderers made from one Shared share its backdrops.
type Renderer struct {
	glyphs  *glyphCache
	shared  *Shared
	canvas  *canvas
	band    *canvas     // DrawJPEG's band of a slide
	scratch *image.RGBA // resampled photos
	small   map[scaledKey]*image.RGBA
	encoded []byte // EncodeTemp's and DrawJPEG's buffer
	stream  jpegenc.Stream
}

// New returns a renderer with empty caches of its own.
func New() *Renderer { return NewShared().Renderer() }

// Renderer returns a renderer for one worker that shares s's backdrops.
func (s *Shared) Renderer() *Renderer {
	return &Renderer{glyphs: newGlyphCache(&s.masks, &s.bitmaps), shared: s, small: map[scaledKey]*image.RGBA{}}
}

// Prepare makes ahead what drawing a first slide of w×h pixels as f
// needs: the band canvas and the JPEG buffer, or for PNG the whole
// canvas. A build's drawing workers call it while the first post is
// composed. Made on the first slide instead, these megabytes of fresh
// memory came when the build's first collection was under way, which
// made each worker wait for it: 4 to 8 ms before its first slide of a
// cold 10-slide build.
func (r *Renderer) Prepare(w, h int, f Format) {
	if f != JPEG {
		r.canvas = r.canvas.reuse(w, h)
		return
	}
	r.band = r.band.reuse(w, bandRows(h))
	if r.encoded == nil {
		// Room for a busy slide from the start, as in EncodeTemp.
		r.encoded = make([]byte, 0, w*h/2)
	}
}

// Draw paints a slide onto a new canvas that the caller owns.
func (r *Renderer) Draw(s deck.Slide) *image.RGBA {
	c := newCanvas(s.W, s.H)
	c.eachBand(func(f *frame, _ int) { r.paint(f, s) })
	return c.img
}

// DrawTemp paints a slide onto the renderer's own canvas and returns it.
// The canvas is drawn over by the renderer's next DrawTemp (or
// TextContrast): encode it before then, or use Draw. Reusing one canvas
// spares a 5.8 MB allocation per slide and the garbage collector's time.
func (r *Renderer) DrawTemp(s deck.Slide) *image.RGBA {
	r.canvas = r.canvas.reuse(s.W, s.H)
	r.canvas.eachBand(func(f *frame, _ int) { r.paint(f, s) })
	return r.canvas.img
}

// DrawJPEG draws a slide a band of rows at a time on the renderer's band
// canvas, encoding each band as JPEG before drawing the next, and
// measures its text as DrawMeasured does. The pixels are those Draw
// gives, the bytes those Encode writes of them. The bytes are the
// renderer's, as EncodeTemp's are: write them out or copy them before
// its next DrawJPEG or EncodeTemp.
func (r *Renderer) DrawJPEG(s deck.Slide) ([]byte, []TextContrast) {
	r.Prepare(s.W, s.H, JPEG)
	r.stream.Start(r.encoded[:0], s.W, s.H, jpegQuality)
	m := newMeter(s)
	for top := 0; top < s.H; top += r.band.img.Rect.Dy() {
		r.paintMeasured(newFrame(r.band.ctx, r.band.img, 1, 0, float64(-top)), m, top)
		r.stream.Rows(r.band.img) // the last band's rows past the slide are left out
	}
	r.encoded = r.stream.Finish()
	return r.encoded, m.result()
}

// paint draws the slide's backdrop, then its layers in order.
func (r *Renderer) paint(f *frame, s deck.Slide) {
	n := r.backdrop(f, s)
	for _, l := range s.Layers[n:] {
		r.layer(f, l)
	}
}

func (r *Renderer) layer(f *frame, l deck.Layer) {
	switch l.Kind {
	case deck.RectLayer:
		f.rect(l.Paint, l.X, l.Y, l.W, l.H, l.Radius)
	case deck.EllipseLayer:
		f.ellipse(l.Paint, l.X, l.Y, l.W, l.H, 0)
	case deck.RingLayer:
		f.ellipse(l.Paint, l.X, l.Y, l.W, l.H, l.Thickness)
	case deck.DotsLayer:
		f.dots(l)
	case deck.ShapeLayer:
		f.shape(l.Shape)
	case deck.ImageLayer:
		r.image(f, l)
	case deck.TextLayer:
		r.drawPage(f, l.Text)
	}
}
