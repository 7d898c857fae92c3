//go:build amd64 && !purego

package jpegenc

import (
	"math/rand/v2"
	"testing"

	"golang.org/x/sys/cpu"
)

// The vector transform gives the scalar one's coefficients to the bit,
// at every quality's divisors, on blocks of noise, of extremes (the
// largest sums), of near-flat gradients and of text-like edges.
func TestTransformAVX2IsTransformGo(t *testing.T) {
	if !useAVX2 {
		t.Skip("this processor has no AVX2")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, quality := range []int{1, 10, 50, 75, 92, 100} {
		var e encoder
		e.tables(quality)
		for n := range 20000 {
			b := testBlock(rng, n)
			for tab := range e.div {
				vb, gb := b, b
				var vc, gc coefs
				got := transform(&vb, &e.div[tab], &vc)
				want := transformCoded(&gb, &e.div[tab], &gc)
				if vc.q != gc.q || got != want || !sameCoded(&vc, &gc, want) {
					t.Fatalf("quality %d, table %d, block %v:\nAVX2 %v %#x %x\nGo   %v %#x %x", quality, tab, b, vc.q, got, vc.coded, gc.q, want, gc.coded)
				}
			}
		}
	}
}

// sameCoded tells whether a and b code the coefficients that nonzero
// (in zigzag order) says are not zero alike; the others are not written.
func sameCoded(a, b *coefs, nonzero uint64) bool {
	for k := range 64 {
		if nonzero>>k&1 != 0 && a.coded[zigzag[k]] != b.coded[zigzag[k]] {
			return false
		}
	}
	return true
}

// The vector conversion of an MCU gives load's values to the bit, on
// noise, on the colours whose chroma the clamp catches, and on flat
// pairs of rows and flat 2×2 groups, which the Go code converts once.
func TestLoadAVX2IsLoad(t *testing.T) {
	if !useAVX2 {
		t.Skip("this processor has no AVX2")
	}
	rng := rand.New(rand.NewPCG(5, 6))
	const w, h = 40, 37
	pix := make([]uint8, 4*w*h)
	for n := range 3000 {
		for i := range pix {
			switch n % 4 {
			case 0:
				pix[i] = uint8(rng.IntN(256))
			case 1: // primaries and their opposites: Cb and Cr reach 256 unclamped
				pix[i] = []uint8{0, 255}[rng.IntN(2)]
			case 2: // rows of one colour
				pix[i] = uint8(i/(4*w)*37 + i%4*11)
			default: // 2×2 groups of one colour
				x, y := i/4%w, i/(4*w)
				pix[i] = uint8(x/2*13 + y/2*29 + i%4*71)
			}
		}
		x0, y0, xs, ys := someMCU(rng, w, h)
		var vec, slow mcu
		vec.load(pix, &xs, &ys)
		useAVX2 = false
		slow.load(pix, &xs, &ys)
		useAVX2 = true
		if vec != slow {
			t.Fatalf("pattern %d at (%d, %d): the vector conversion differs:\n%v\n%v", n%4, x0/4, y0, vec, slow)
		}
	}
}

// The vector test for a flat MCU agrees with flat's Go code on MCUs of
// one colour and on ones where a single byte differs, in any row, pixel
// and channel, alpha included.
func TestFlatAVX2IsFlat(t *testing.T) {
	if !useAVX2 {
		t.Skip("this processor has no AVX2")
	}
	rng := rand.New(rand.NewPCG(7, 8))
	const w, h = 40, 37
	pix := make([]uint8, 4*w*h)
	for n := range 5000 {
		c := [4]uint8{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255}
		for i := range pix {
			pix[i] = c[i%4]
		}
		x0, y0, xs, ys := someMCU(rng, w, h)
		if n%3 != 0 {
			// One byte inside the MCU, or (a third of these) just
			// outside it, which must not count.
			x, y := x0+rng.IntN(64), y0+rng.IntN(16)
			if n%3 == 2 {
				x = (x0 + 64 + rng.IntN(4*w-x0-64+1)) % (4 * w)
				if x >= x0 && x < x0+64 {
					x = (x0 + 4*w - 1) % (4 * w)
				}
			}
			pix[4*w*y+x] ^= uint8(1 + rng.IntN(255))
		}
		got, ok := flatVector(pix, x0, &ys)
		useAVX2 = false
		want := flat(pix, &xs, &ys)
		useAVX2 = true
		if !ok || got != want {
			t.Fatalf("MCU %d at (%d, %d): the vector test says %v (ok %v), the Go code %v", n, x0/4, y0, got, ok, want)
		}
	}
}

// someMCU picks an MCU inside a w×h picture: the byte offset of its
// first column in a row, its first row, and the offsets of its columns
// and rows as scan computes them.
func someMCU(rng *rand.Rand, w, h int) (x0, y0 int, xs, ys [16]int) {
	x0, y0 = 4*rng.IntN(w-15), rng.IntN(h-15)
	for i := range 16 {
		xs[i] = x0 + 4*i
		ys[i] = 4 * w * (y0 + i)
	}
	return x0, y0, xs, ys
}

func testBlock(rng *rand.Rand, n int) (b [64]int32) {
	for i := range b {
		switch n % 5 {
		case 0:
			b[i] = int32(rng.IntN(256) - 128)
		case 1:
			b[i] = []int32{-128, 127}[rng.IntN(2)]
		case 2: // a checkerboard of extremes, the largest coefficients
			b[i] = []int32{-128, 127}[(i/8+i)%2]
		case 3:
			b[i] = int32(min(127, (n/5)%256-128+i%8+rng.IntN(3)))
		default: // a stroke across a flat ground
			b[i] = int32(n%200 - 100)
			if (i%8+n)%5 < 2 {
				b[i] = 127 - int32(rng.IntN(40))
			}
		}
	}
	return b
}

// Whole pictures come out the same with and without the vector
// transform.
func TestAVX2ChangesNothing(t *testing.T) {
	if !useAVX2 {
		t.Skip("this processor has no AVX2")
	}
	sameWithout(t, &useAVX2, "the vector instructions")
}

func FuzzTransformAVX2(f *testing.F) {
	if !useAVX2 {
		f.Skip("this processor has no AVX2")
	}
	f.Add(uint8(92), []byte{0, 255, 128, 7})
	f.Fuzz(func(t *testing.T, quality uint8, samples []byte) {
		var e encoder
		e.tables(int(quality))
		var b [64]int32
		for i := range b {
			if len(samples) > 0 {
				b[i] = int32(samples[i%len(samples)]) - 128
			}
		}
		for tab := range e.div {
			vb, gb := b, b
			var vc, gc coefs
			nz := transformCoded(&gb, &e.div[tab], &gc)
			if transform(&vb, &e.div[tab], &vc) != nz || vc.q != gc.q || !sameCoded(&vc, &gc, nz) {
				t.Fatalf("quality %d, block %v: the vector transform differs", quality, b)
			}
		}
	})
}

// BenchmarkTransform transforms and quantises a block of noise with the
// vector code and with the Go code.
func BenchmarkTransform(b *testing.B) {
	var e encoder
	e.tables(92)
	blk := testBlock(rand.New(rand.NewPCG(1, 1)), 0)
	for _, vector := range []bool{true, false} {
		name := map[bool]string{true: "AVX2", false: "Go"}[vector]
		b.Run(name, func(b *testing.B) {
			if vector && !useAVX2 {
				b.Skip("this processor has no AVX2")
			}
			useAVX2 = vector
			defer func() { useAVX2 = cpu.X86.HasAVX2 }()
			var c coefs
			for b.Loop() {
				in := blk
				transform(&in, &e.div[0], &c)
			}
		})
	}
}
