package render

import (
	"bytes"
	"image"
	"image/color"
	"math/rand/v2"
	"testing"
)

// Packing and unpacking gives back every pixel, whether the backdrop is
// kept as runs or as it is.
func TestPackRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	flat := image.NewRGBA(image.Rect(0, 0, 301, 97))
	for i := range flat.Pix {
		flat.Pix[i] = 200
	}
	shapes := image.NewRGBA(image.Rect(0, 0, 640, 480))
	for y := range 480 {
		for x := range 640 {
			c := color.RGBA{10, 100, 90, 255}
			if (x-300)*(x-300)+(y-200)*(y-200) < 90*90 {
				c = color.RGBA{255, 207, 112, 255}
			}
			if x == 639 {
				c = color.RGBA{1, 2, 3, 4} // a run of one at the end of a row
			}
			shapes.SetRGBA(x, y, c)
		}
	}
	noise := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for i := range noise.Pix {
		noise.Pix[i] = byte(rng.IntN(256))
	}
	for _, c := range []struct {
		name string
		img  *image.RGBA
		runs bool
	}{{"flat", flat, true}, {"shapes", shapes, true}, {"noise", noise, false}} {
		p := pack(c.img)
		if (p.raw == nil) != c.runs {
			t.Errorf("%s: kept as runs %v, want %v", c.name, p.raw == nil, c.runs)
		}
		if c.runs && p.size() > len(c.img.Pix)/4 {
			t.Errorf("%s: %d bytes packed for %d", c.name, p.size(), len(c.img.Pix))
		}
		out := image.NewRGBA(c.img.Rect)
		for i := range out.Pix {
			out.Pix[i] = 77 // whatever the canvas held before
		}
		p.unpack(out)
		if !bytes.Equal(out.Pix, c.img.Pix) {
			t.Errorf("%s: unpacked pixels differ", c.name)
		}
	}
}

// BenchmarkPack packs a content slide's backdrop: a flat colour with a
// bar and a round logo, as the build keeps from its second use on.
func BenchmarkPack(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 1080, 1350))
	for y := range 1350 {
		for x := range 1080 {
			c := color.RGBA{247, 247, 245, 255}
			if (x-128)*(x-128)+(y-70)*(y-70) < 32*32 || (y >= 136 && y < 146 && x >= 96 && x < 168) {
				c = color.RGBA{6, 63, 58, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	b.SetBytes(int64(len(img.Pix)))
	for b.Loop() {
		pack(img)
	}
}
