package photo

import (
	"bytes"
	"image"
	"math/rand/v2"
	"testing"
)

// boxAverage is boxShrink written plainly: each output pixel the rounded
// mean of the source pixels in its block.
func boxAverage(src *image.RGBA, k int) *image.RGBA {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	dst := image.NewRGBA(image.Rect(0, 0, (w+k-1)/k, (h+k-1)/k))
	for dy := range dst.Rect.Dy() {
		for dx := range dst.Rect.Dx() {
			var sum [4]uint32
			n := uint32(0)
			for y := dy * k; y < min(dy*k+k, h); y++ {
				for x := dx * k; x < min(dx*k+k, w); x++ {
					for c := range 4 {
						sum[c] += uint32(src.Pix[y*src.Stride+4*x+c])
					}
					n++
				}
			}
			for c := range 4 {
				dst.Pix[dy*dst.Stride+4*dx+c] = uint8((sum[c] + n/2) / n)
			}
		}
	}
	return dst
}

// Every block is averaged over exactly its pixels, the partial ones at
// the right and bottom edges too.
func TestBoxShrinkAveragesBlocks(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	for n := range 60 {
		w, h, k := 1+rnd.IntN(90), 1+rnd.IntN(90), 2+rnd.IntN(30)
		src := image.NewRGBA(image.Rect(0, 0, w, h))
		for i := range src.Pix {
			src.Pix[i] = uint8(rnd.IntN(256))
		}
		if n%3 == 0 {
			// A sub-image: rows longer than its width.
			big := image.NewRGBA(image.Rect(0, 0, w+7, h))
			for i := range big.Pix {
				big.Pix[i] = uint8(rnd.IntN(256))
			}
			src = big.SubImage(image.Rect(0, 0, w, h)).(*image.RGBA)
		}
		got, want := boxShrink(src, k), boxAverage(src, k)
		if got.Rect != want.Rect || !bytes.Equal(got.Pix, want.Pix) {
			t.Fatalf("%d×%d by %d: boxShrink differs from the mean of each block", w, h, k)
		}
	}
}

// BenchmarkBoxShrink shrinks a 512-pixel logo to a contact sheet's size.
func BenchmarkBoxShrink(b *testing.B) {
	src := image.NewRGBA(image.Rect(0, 0, 512, 512))
	for i := range src.Pix {
		src.Pix[i] = uint8(i * 7)
	}
	for b.Loop() {
		boxShrink(src, 24)
	}
}
