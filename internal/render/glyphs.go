package render

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"math"
	"strings"
	"sync"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/vector"

	"github.com/pkpm-btn3/pkpm/internal/layout"
)

// subpixels is how many horizontal and vertical positions within a pixel
// a glyph mask is made for: enough to keep spacing even, few enough that
// the cache stays small.
const subpixels = 4

type maskKey struct {
	font   *font.Font
	gid    font.GID
	size   int32 // 1/64 px
	sx, sy uint8
}

// mask is a rasterised glyph: coverage, placed relative to the pen.
type mask struct {
	img    *image.Alpha
	offset image.Point // top-left of img relative to the pen's pixel
}

type outlineKey struct {
	font *font.Font
	gid  font.GID
}

type bitmapKey struct {
	font *font.Font
	gid  font.GID
	w, h int
}

// glyphCache rasterises each glyph once per size and subpixel position.
// It is not safe for concurrent use: each worker owns one. The masks and
// outlines it makes go to shared too, where the other renderers of one
// Shared find them, and colour emoji to bitmaps, which they share as well.
type glyphCache struct {
	masks  map[maskKey]*mask
	shared *sync.Map // masks and outlines (maskKey, outlineKey), for every renderer of a Shared
	// outlines keeps each glyph's outline for its masks at other sizes
	// and subpixel positions: reading one from the font runs its CFF
	// program and allocates the interpreter, about 20 KB, every time.
	outlines map[outlineKey][]ot.Segment
	bitmaps  *bitmapCache
	ras      vector.Rasterizer
}

func newGlyphCache(shared *sync.Map, bitmaps *bitmapCache) *glyphCache {
	return &glyphCache{masks: map[maskKey]*mask{}, shared: shared, outlines: map[outlineKey][]ot.Segment{}, bitmaps: bitmaps}
}

// bitmapCache holds colour emoji bitmaps, decoded (under a key of size
// zero) and scaled to each size drawn, for every renderer of a build: a
// bitmap is a PNG to inflate and scale, and each worker did it again for
// every emoji. It is safe for concurrent use; two workers that miss the
// same bitmap at once both make it, the same.
type bitmapCache struct{ m sync.Map } // bitmapKey → image.Image, nil when unreadable

func (b *bitmapCache) get(k bitmapKey, fill func() image.Image) image.Image {
	if img, ok := b.m.Load(k); ok {
		return img.(image.Image)
	}
	img := fill()
	b.m.Store(k, img)
	return img
}

// outlineMask returns the coverage mask of a glyph drawn with its pen at
// a position whose fractional part is (fx, fy).
func (c *glyphCache) outlineMask(face *font.Face, gid font.GID, size, fx, fy float64) *mask {
	sx, sy := uint8(fx*subpixels), uint8(fy*subpixels)
	k := maskKey{face.Font, gid, int32(size * 64), sx, sy}
	if m, ok := c.masks[k]; ok {
		return m
	}
	if m, ok := c.shared.Load(k); ok {
		c.masks[k] = m.(*mask)
		return m.(*mask)
	}
	// Rasterised at the size of the key, not the size asked for: two
	// sizes in one 1/64 px step share a mask, and which of them drew
	// first must not change the pixels (the same input builds the same
	// bytes, whatever order the posts are drawn in). Two renderers that
	// miss the same mask at once both make it, the same.
	m := c.rasterise(face, gid, float64(k.size)/64, float64(sx)/subpixels, float64(sy)/subpixels)
	c.shared.Store(k, m)
	c.masks[k] = m
	return m
}

// outline is a glyph's outline in font units, nil when it has none.
func (c *glyphCache) outline(face *font.Face, gid font.GID) []ot.Segment {
	k := outlineKey{face.Font, gid}
	if segs, ok := c.outlines[k]; ok {
		return segs
	}
	if segs, ok := c.shared.Load(k); ok {
		c.outlines[k] = segs.([]ot.Segment)
		return segs.([]ot.Segment)
	}
	out, ok := face.GlyphDataOutline(gid)
	var segs []ot.Segment
	if ok {
		segs = out.Segments
	}
	c.shared.Store(k, segs)
	c.outlines[k] = segs
	return segs
}

func (c *glyphCache) rasterise(face *font.Face, gid font.GID, size, fx, fy float64) *mask {
	segments := c.outline(face, gid)
	if len(segments) == 0 {
		return nil
	}
	scale := size / float64(face.Upem())
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range segments {
		for _, p := range s.ArgsSlice() {
			x, y := float64(p.X)*scale+fx, -float64(p.Y)*scale+fy
			minX, maxX = math.Min(minX, x), math.Max(maxX, x)
			minY, maxY = math.Min(minY, y), math.Max(maxY, y)
		}
	}
	x0, y0 := int(math.Floor(minX)), int(math.Floor(minY))
	w, h := int(math.Ceil(maxX))-x0+1, int(math.Ceil(maxY))-y0+1
	if w <= 0 || h <= 0 || w > 4096 || h > 4096 {
		return nil
	}
	c.ras.Reset(w, h)
	pt := func(p ot.SegmentPoint) (float32, float32) {
		return float32(float64(p.X)*scale + fx - float64(x0)), float32(-float64(p.Y)*scale + fy - float64(y0))
	}
	for _, s := range segments {
		switch s.Op {
		case ot.SegmentOpMoveTo:
			c.ras.MoveTo(pt(s.Args[0]))
		case ot.SegmentOpLineTo:
			c.ras.LineTo(pt(s.Args[0]))
		case ot.SegmentOpQuadTo:
			ax, ay := pt(s.Args[0])
			bx, by := pt(s.Args[1])
			c.ras.QuadTo(ax, ay, bx, by)
		case ot.SegmentOpCubeTo:
			ax, ay := pt(s.Args[0])
			bx, by := pt(s.Args[1])
			cx, cy := pt(s.Args[2])
			c.ras.CubeTo(ax, ay, bx, by, cx, cy)
		}
	}
	c.ras.ClosePath()
	img := image.NewAlpha(image.Rect(0, 0, w, h))
	// The mask is fresh, all zero, where Src writes what Over (the
	// default) would without reading first. A read of a page the process
	// never touched maps the zero page, and the write after it faults
	// again, stopping the other core to flush its TLB: a twentieth of a
	// 10-slide build's CPU time went to that.
	c.ras.DrawOp = draw.Src
	c.ras.Draw(img, img.Bounds(), image.Opaque, image.Point{})
	return &mask{img: img, offset: image.Pt(x0, y0)}
}

// emoji returns a colour glyph scaled to the glyph's extents at this size,
// and where its top-left goes relative to the pen. The bitmap is scaled by
// the same factor as the advance, so no gap opens after an emoji.
func (c *glyphCache) emoji(face *font.Face, gid font.GID, size float64) (*image.RGBA, image.Point, bool) {
	ext, ok := bitmapExtents(face, gid)
	if !ok || ext.Width <= 0 {
		return nil, image.Point{}, false
	}
	scale := size / float64(face.Upem())
	w := int(math.Round(float64(ext.Width) * scale))
	h := int(math.Round(-float64(ext.Height) * scale))
	off := image.Pt(int(math.Round(float64(ext.XBearing)*scale)), -int(math.Round(float64(ext.YBearing)*scale)))
	if w <= 0 || h <= 0 || w > 2048 || h > 2048 {
		return nil, image.Point{}, false
	}
	dst := c.bitmaps.get(bitmapKey{face.Font, gid, w, h}, func() image.Image {
		src := c.decode(face, gid)
		if src == nil {
			return (*image.RGBA)(nil)
		}
		return shrink(src, src.Bounds(), w, h)
	}).(*image.RGBA)
	return dst, off, dst != nil
}

func (c *glyphCache) decode(face *font.Face, gid font.GID) *image.RGBA {
	return c.bitmaps.get(bitmapKey{font: face.Font, gid: gid}, func() image.Image {
		var img image.Image
		if s := layout.ColorBitmaps(face.Font); s != nil {
			if g, ok := s.Glyph(int(gid)); ok {
				img, _ = png.Decode(strings.NewReader(g.PNG))
			}
		} else if bm, ok := face.GlyphDataBitmap(gid); ok && bm.Format == font.PNG {
			img, _ = png.Decode(bytes.NewReader(bm.Data))
		}
		if img == nil {
			return (*image.RGBA)(nil)
		}
		return asRGBA(img)
	}).(*image.RGBA)
}

// asRGBA converts a decoded bitmap to *image.RGBA once, so scaling it to
// every size it is drawn at takes the scaler's fast path: emoji bitmaps
// are mostly palette PNGs, which it otherwise reads a pixel at a time
// through RGBA64At (12 ms of a 26-slide contact sheet's 250).
func asRGBA(img image.Image) *image.RGBA {
	switch src := img.(type) {
	case *image.RGBA:
		return src
	case *image.Paletted:
		if rgba := palettedRGBA(src); rgba != nil {
			return rgba
		}
	}
	b := img.Bounds()
	rgba := image.NewRGBA(b)
	draw.Draw(rgba, b, img, b.Min, draw.Src)
	return rgba
}

// palettedRGBA converts a palette image, each colour of the palette once,
// to what draw.Draw makes of it, which asks every pixel's colour for its
// value through interfaces; nil if a pixel's index is past the palette.
func palettedRGBA(src *image.Paletted) *image.RGBA {
	var lut [256][4]uint8
	for i, c := range src.Palette[:min(len(src.Palette), 256)] {
		r, g, b, a := c.RGBA()
		lut[i] = [4]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
	}
	n := len(src.Palette)
	b := src.Rect
	dst := image.NewRGBA(b)
	for y := range b.Dy() {
		in := src.Pix[y*src.Stride:][:b.Dx()]
		out := dst.Pix[y*dst.Stride:][: 4*b.Dx() : 4*b.Dx()]
		for x, i := range in {
			if int(i) >= n {
				return nil
			}
			copy(out[4*x:4*x+4], lut[i][:])
		}
	}
	return dst
}

// bitmapExtents is a colour glyph's box in font units. For a font parsed
// without its bitmaps it is worked out from the bitmap's metrics the way
// the font parser does for the fonts it reads whole, so both draw alike.
func bitmapExtents(face *font.Face, gid font.GID) (font.GlyphExtents, bool) {
	s := layout.ColorBitmaps(face.Font)
	if s == nil {
		return face.GlyphExtents(gid)
	}
	g, ok := s.Glyph(int(gid))
	if !ok {
		return font.GlyphExtents{}, false
	}
	xs := float32(face.Upem()) / float32(s.PpemX)
	ys := float32(face.Upem()) / float32(s.PpemY)
	return font.GlyphExtents{
		XBearing: float32(g.BearingX) * xs,
		YBearing: float32(g.BearingY) * ys,
		Width:    float32(g.Width) * xs,
		Height:   -float32(g.Height) * ys,
	}, true
}
