//go:build amd64 && !purego

package render

import (
	"image/color"

	"golang.org/x/sys/cpu"
)

// useAVX2 is whether glyph masks are composited, and opaque linear
// gradients filled, with AVX2 instructions; tests turn it off to compare
// with the Go code.
var useAVX2 = cpu.X86.HasAVX2

// ink is a colour as glyphOverAVX2 reads it: its premultiplied 16-bit
// channels for two pixels, its alpha in every lane, and two pixels of it
// where it is opaque (0 where not).
type ink struct {
	s, sa [8]uint32
	full  uint64
}

// overK holds glyphOverAVX2's constants, 32 bytes each: 65535 and 1 in
// every lane, the shuffle that gives each of two coverage bytes four
// bytes of its own (then widened to lanes), the one that gathers the low
// byte of each lane into each half's first four bytes, and the lane
// order that puts those two pixels side by side.
//
//lint:ignore U1000 vector_amd64.s reads it.
var overK = func() (k [5][32]byte) {
	for i := 0; i < 32; i += 4 {
		k[0][i], k[0][i+1] = 0xff, 0xff
		k[1][i] = 1
	}
	for i := range 32 {
		k[2][i] = 0x80
		k[3][i] = 0x80
	}
	for i := range 8 {
		k[2][i] = byte(i / 4)
	}
	for half := range 2 {
		for i := range 4 {
			k[3][16*half+i] = byte(4 * i)
		}
	}
	k[4][4] = 4 // lane 1 takes lane 4, the second pixel
	return k
}()

// glyphOverVector composites c through the first 2·(w/2) columns of
// the mask rows onto the canvas rows, as glyphOver's Go code does, and
// returns how many columns it did: none without AVX2. dst and mask start
// at the first pixel; the caller has checked that rows×w pixels fit.
func glyphOverVector(dst []uint8, dstStride int, mask []uint8, maskStride, w, rows int, c color.RGBA) int {
	pairs := w / 2
	if !useAVX2 || pairs == 0 || rows == 0 {
		return 0
	}
	_ = dst[(rows-1)*dstStride+8*pairs-1]
	_ = mask[(rows-1)*maskStride+2*pairs-1]
	var k ink
	sr, sg, sb, sa := c.RGBA()
	for i := 0; i < 8; i += 4 {
		k.s[i], k.s[i+1], k.s[i+2], k.s[i+3] = sr, sg, sb, sa
	}
	for i := range k.sa {
		k.sa[i] = sa
	}
	if c.A == 255 {
		px := uint64(c.R) | uint64(c.G)<<8 | uint64(c.B)<<16 | uint64(c.A)<<24
		k.full = px | px<<32
	}
	glyphOverAVX2(&dst[0], dstStride, &mask[0], maskStride, pairs, rows, &k)
	return 2 * pairs
}

//go:noescape
func glyphOverAVX2(dst *uint8, dstStride int, mask *uint8, maskStride int, pairs, rows int, c *ink)

// linearRowVector stores the first pixels of an opaque linear gradient's
// row, eight at a time, as linearRow's Go code does, and returns how
// many it stored: none without AVX2.
func linearRowVector(row []uint8, cols []float64, base float64, words *[2 * gradientSteps]uint32) int {
	n := min(len(row)/4, len(cols)) &^ 7
	if !useAVX2 || n == 0 {
		return 0
	}
	linearRowAVX2(&row[0], &cols[0], n, base, gradientSteps, words)
	return n
}

//go:noescape
func linearRowAVX2(row *uint8, cols *float64, n int, base, top float64, words *[2 * gradientSteps]uint32)
