//go:build amd64 && !purego

package render

import (
	"bytes"
	"image"
	"math/rand/v2"
	"testing"
)

// The vector compositing paints what the Go code paints, on masks of
// every width (odd ones leave a column to the Go code), with runs of no
// and full coverage, for opaque and translucent colours, clipped by the
// canvas on any side.
func TestGlyphOverAVX2IsGo(t *testing.T) {
	if !useAVX2 {
		t.Skip("this processor has no AVX2")
	}
	rnd := rand.New(rand.NewPCG(9, 10))
	for n := range 2000 {
		mask := image.NewAlpha(image.Rect(0, 0, 1+rnd.IntN(70), 1+rnd.IntN(40)))
		for i := range mask.Pix {
			switch rnd.IntN(4) {
			case 0, 1: // runs, as inside and around strokes
				if i > 0 {
					mask.Pix[i] = mask.Pix[i-1]
				}
			case 2:
				mask.Pix[i] = []uint8{0, 255}[rnd.IntN(2)]
			default:
				mask.Pix[i] = uint8(rnd.IntN(256))
			}
		}
		c := testInk(rnd, n%3 == 2)
		want, got := noisyCanvases(rnd, 64, 48)
		at := mask.Rect.Add(image.Pt(rnd.IntN(100)-30, rnd.IntN(70)-30))
		glyphOver(got, at, c, mask)
		useAVX2 = false
		glyphOver(want, at, c, mask)
		useAVX2 = true
		if !bytes.Equal(got.Pix, want.Pix) {
			t.Fatalf("case %d: colour %v through a %v mask at %v: the vector code paints other pixels", n, c, mask.Rect, at)
		}
	}
}

// The vector gradient row stores what the Go code stores, for rows of
// every length (the last few pixels are the Go code's) and positions
// past either end of the table, which clamp.
func TestLinearRowAVX2IsGo(t *testing.T) {
	if !useAVX2 {
		t.Skip("this processor has no AVX2")
	}
	rnd := rand.New(rand.NewPCG(13, 14))
	var words [2 * gradientSteps]uint32
	for i := range words {
		words[i] = rnd.Uint32()
	}
	for n := range 500 {
		w := 1 + rnd.IntN(100)
		cols := make([]float64, w)
		start, step := rnd.Float64()*3000-1500, rnd.Float64()*40-20
		for i := range cols {
			cols[i] = start + float64(i)*step
		}
		base := rnd.Float64()*600 - 300
		got, want := make([]uint8, 4*w), make([]uint8, 4*w)
		linearRow(got, cols, base, &words)
		useAVX2 = false
		linearRow(want, cols, base, &words)
		useAVX2 = true
		if !bytes.Equal(got, want) {
			t.Fatalf("case %d: %d pixels from %v by %v, base %v: the vector row differs", n, w, start, step, base)
		}
	}
}
