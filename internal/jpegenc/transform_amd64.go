//go:build amd64 && !purego

package jpegenc

import (
	"sync"

	"golang.org/x/sys/cpu"
)

// useAVX2 is whether transform runs transformAVX2, whose coefficients are
// transformGo's to the bit, and whether load converts colours with
// loadAVX2; tests turn it off to compare with the Go code. Transforming
// and quantising a block takes a fifth of the time (BenchmarkTransform).
var useAVX2 = cpu.X86.HasAVX2

// transform transforms b in place, writes its quantised coefficients
// and their bits as coded to c in natural order, and returns which are
// not zero, bit k for the k-th in zigzag order.
func transform(b *[64]int32, d *divisors, c *coefs) uint64 {
	if !useAVX2 {
		return transformCoded(b, d, c)
	}
	nat := transformAVX2(b, d, c)
	zz := zigzagBits()
	var nonzero uint64
	for r := range zz {
		nonzero |= zz[r][uint8(nat>>(8*r))]
	}
	return nonzero
}

// transformAVX2 is transformCoded in AVX2 instructions, eight
// coefficients at a time, except that the bits it returns are in natural
// order and that it codes every coefficient, zero or not.
//
//go:noescape
func transformAVX2(b *[64]int32, d *divisors, c *coefs) uint64

// loadVector converts an MCU inside the picture, whose rows of 16 pixels
// start x0 bytes into the rows at ys, with AVX2 instructions: the values
// load's Go code gives, eight pixels at a time.
func loadVector(m *mcu, pix []uint8, x0 int, ys *[16]int) bool {
	if !useAVX2 {
		return false
	}
	for _, y := range ys {
		_ = pix[y+x0+63] // the rows are inside pix
	}
	loadAVX2(m, &pix[0], ys, x0)
	return true
}

//go:noescape
func loadAVX2(m *mcu, pix *uint8, ys *[16]int, x0 int)

// flatVector tells, for an MCU inside the picture whose rows of 16 pixels
// start x0 bytes into the rows at ys, whether its pixels are one colour,
// with AVX2 instructions, and whether it could tell.
func flatVector(pix []uint8, x0 int, ys *[16]int) (flat, ok bool) {
	if !useAVX2 {
		return false, false
	}
	for _, y := range ys {
		_ = pix[y+x0+63] // the rows are inside pix
	}
	return flatAVX2(&pix[0], ys, x0), true
}

//go:noescape
func flatAVX2(pix *uint8, ys *[16]int, x0 int) bool

// zigzagBits gives, for each row r of a block and each set m of its
// columns, where those coefficients fall in zigzag order, as bits.
var zigzagBits = sync.OnceValue(func() *[8][256]uint64 {
	var t [8][256]uint64
	for r := range t {
		for m := range t[r] {
			for c := range 8 {
				if m>>c&1 != 0 {
					t[r][m] |= 1 << zigzagPos[8*r+c]
				}
			}
		}
	}
	return &t
})

// yccK holds the colour conversion's constants for loadAVX2, each in
// eight lanes: ycc's factors (those of 32768 are shifts) and rounding
// terms, the largest chroma, the level shift, the byte mask and the
// rounding of a 2×2 mean.
//
//lint:ignore U1000 transform_amd64.s reads it.
var yccK = func() (k [13][8]int32) {
	for i, v := range [13]int32{
		19595, 38470, 7471, 1 << 15,
		-11056, -21712, 257 << 15,
		-27440, -5328,
		255, 128, 0xff, 2,
	} {
		for j := range k[i] {
			k[i][j] = v
		}
	}
	return k
}()

// fdctK holds the transform's constants for transformAVX2, each in eight
// lanes.
//
//lint:ignore U1000 transform_amd64.s reads it.
var fdctK = func() (k [17][8]int32) {
	for i, v := range [17]int32{
		fix0541196100, fix0765366865, fix1847759065, fix1175875602,
		fix0298631336, fix2053119869, fix3072711026, fix1501321110,
		-fix0899976223, -fix2562915447, -fix1961570560, -fix0390180644,
		1 << (constBits - pass1Bits - 1), 1 << (constBits + pass1Bits - 1), 1 << (pass1Bits - 1),
		126, 1, // a float32's exponent bias less one, for bit lengths; one
	} {
		for j := range k[i] {
			k[i][j] = v
		}
	}
	return k
}()
