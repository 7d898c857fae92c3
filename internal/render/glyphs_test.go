package render

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/go-text/typesetting/font"

	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// regularGlyph is the regular face and its glyph for r.
func regularGlyph(t *testing.T, r rune) (*font.Face, font.GID) {
	t.Helper()
	fonts, err := theme.Fonts()
	if err != nil {
		t.Fatal(err)
	}
	gid, ok := fonts.Regular.NominalGlyph(r)
	if !ok {
		t.Fatalf("no %c in the regular face", r)
	}
	return fonts.Regular, gid
}

// Sizes that fall in one 1/64 px step share a cached mask. Whichever of
// them is drawn first, the mask must be the same, or a slide's pixels
// would depend on which post a worker happened to draw before it.
func TestGlyphMaskDoesNotDependOnWhatCameFirst(t *testing.T) {
	face, gid := regularGlyph(t, 'K')
	var size, near = 38.115, 38.1249 // one 1/64 px step: 2439.36 and 2439.99
	if int32(size*64) != int32(near*64) {
		t.Fatalf("%v and %v should share a 1/64 px step", size, near)
	}
	fresh := newGlyphCache(&sync.Map{}, &bitmapCache{}).outlineMask(face, gid, size, 0.3, 0.6)
	warm := newGlyphCache(&sync.Map{}, &bitmapCache{})
	warm.outlineMask(face, gid, near, 0.3, 0.6)
	got := warm.outlineMask(face, gid, size, 0.3, 0.6)
	if got.offset != fresh.offset || !bytes.Equal(got.img.Pix, fresh.img.Pix) {
		t.Fatalf("the mask of %v px differs when %v px was drawn first", size, near)
	}
}

// The renderers of one Shared rasterise a glyph once between them: a
// mask or an outline one has made, another takes.
func TestRenderersShareGlyphMasks(t *testing.T) {
	face, gid := regularGlyph(t, 'a')
	s := NewShared()
	a, b := s.Renderer(), s.Renderer()
	made := a.glyphs.outlineMask(face, gid, 40, 0.25, 0)
	if got := b.glyphs.outlineMask(face, gid, 40, 0.25, 0); got != made {
		t.Error("a second renderer of the same Shared rasterised a mask the first had made")
	}
	if got := NewShared().Renderer().glyphs.outlineMask(face, gid, 40, 0.25, 0); got == made {
		t.Error("a renderer of another Shared took the first's mask")
	}
	// The outline too, which masks at other sizes start from.
	if a, b := a.glyphs.outline(face, gid), s.Renderer().glyphs.outline(face, gid); len(a) == 0 || &a[0] != &b[0] {
		t.Error("a renderer read again from the font an outline another had read")
	}
}

// glyphOver must paint exactly what image/draw's DrawMask paints, for
// opaque and translucent colours, at the canvas's edges too.
func TestGlyphOverIsDrawMask(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		mask := image.NewAlpha(image.Rect(0, 0, 1+rnd.IntN(30), 1+rnd.IntN(30)))
		for i := range mask.Pix {
			switch rnd.IntN(3) {
			case 0:
				mask.Pix[i] = 0
			case 1:
				mask.Pix[i] = 255
			default:
				mask.Pix[i] = uint8(rnd.IntN(256))
			}
		}
		c := testInk(rnd, n%2 == 1)
		want, got := noisyCanvases(rnd, 40, 40)
		at := mask.Rect.Add(image.Pt(rnd.IntN(60)-20, rnd.IntN(60)-20))
		draw.DrawMask(want, at, image.NewUniform(c), image.Point{}, mask, image.Point{}, draw.Over)
		glyphOver(got, at, c, mask)
		if !bytes.Equal(got.Pix, want.Pix) {
			t.Fatalf("case %d: colour %v through a %v mask at %v paints other pixels than DrawMask", n, c, mask.Rect, at)
		}
	}
}

// testInk is a random premultiplied colour, opaque unless translucent.
func testInk(rnd *rand.Rand, translucent bool) color.RGBA {
	a := uint8(255)
	if translucent {
		a = uint8(rnd.IntN(256))
	}
	return color.RGBA{uint8(rnd.IntN(int(a) + 1)), uint8(rnd.IntN(int(a) + 1)), uint8(rnd.IntN(int(a) + 1)), a}
}

// noisyCanvases returns two w×h canvases of the same random pixels.
func noisyCanvases(rnd *rand.Rand, w, h int) (*image.RGBA, *image.RGBA) {
	a := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range a.Pix {
		a.Pix[i] = uint8(rnd.IntN(256))
	}
	b := image.NewRGBA(a.Rect)
	copy(b.Pix, a.Pix)
	return a, b
}

// BenchmarkGlyphOver composites the masks of a line of body text.
func BenchmarkGlyphOver(b *testing.B) {
	fonts, err := theme.Fonts()
	if err != nil {
		b.Fatal(err)
	}
	face := fonts.Regular
	c := newGlyphCache(&sync.Map{}, &bitmapCache{})
	var masks []*mask
	for _, r := range "Cuci tangan pakai sabun dan air mengalir selama dua puluh detik." {
		if gid, ok := face.NominalGlyph(r); ok {
			if m := c.outlineMask(face, gid, 40, 0.25, 0.5); m != nil {
				masks = append(masks, m)
			}
		}
	}
	dst := image.NewRGBA(image.Rect(0, 0, 1080, 200))
	ink := color.RGBA{0x18, 0x18, 0x1b, 0xff}
	for b.Loop() {
		x := 10
		for _, m := range masks {
			glyphOver(dst, m.img.Bounds().Add(image.Pt(x, 100).Add(m.offset)), ink, m.img)
			x += 16
		}
	}
}

// A palette image converts to the pixels draw.Draw gives it, with
// translucent and missing colours, and from a sub-image too.
func TestPalettedRGBAIsDraw(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	for n := range 40 {
		pal := make(color.Palette, 1+rnd.IntN(256))
		for i := range pal {
			if i%2 == 0 {
				pal[i] = color.NRGBA{uint8(rnd.IntN(256)), uint8(rnd.IntN(256)), uint8(rnd.IntN(256)), uint8(rnd.IntN(256))}
			} else {
				a := uint8(rnd.IntN(256))
				pal[i] = color.RGBA{uint8(rnd.IntN(int(a) + 1)), uint8(rnd.IntN(int(a) + 1)), uint8(rnd.IntN(int(a) + 1)), a}
			}
		}
		src := image.NewPaletted(image.Rect(0, 0, 1+rnd.IntN(40), 1+rnd.IntN(40)), pal)
		for i := range src.Pix {
			src.Pix[i] = uint8(rnd.IntN(len(pal)))
		}
		var img *image.Paletted = src
		if n%4 == 0 {
			img = src.SubImage(image.Rect(1, 1, src.Rect.Dx(), src.Rect.Dy())).(*image.Paletted)
		}
		want := image.NewRGBA(img.Rect)
		draw.Draw(want, want.Rect, img, img.Rect.Min, draw.Src)
		got := palettedRGBA(img)
		if got == nil || got.Rect != want.Rect || !bytes.Equal(got.Pix, want.Pix) {
			t.Fatalf("case %d: the converted palette image differs from draw.Draw's", n)
		}
	}
	short := image.NewPaletted(image.Rect(0, 0, 2, 1), color.Palette{color.Black})
	short.Pix[1] = 3
	if palettedRGBA(short) != nil {
		t.Error("an index past the palette was converted; draw.Draw's way should be left to it")
	}
}

// BenchmarkDecodeEmoji decodes the bitmaps of eight emoji, as a post's
// first slide with them does.
func BenchmarkDecodeEmoji(b *testing.B) {
	fonts, err := theme.Fonts()
	if err != nil {
		b.Fatal(err)
	}
	face := fonts.Emoji()
	var gids []font.GID
	for _, r := range "😷🧼✅🏠🙏💪📢🛒" {
		if g, ok := face.NominalGlyph(r); ok {
			gids = append(gids, g)
		}
	}
	for b.Loop() {
		c := newGlyphCache(&sync.Map{}, &bitmapCache{})
		for _, g := range gids {
			if c.decode(face, g) == nil {
				b.Fatal("an emoji has no bitmap")
			}
		}
	}
}
