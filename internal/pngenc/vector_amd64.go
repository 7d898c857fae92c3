//go:build amd64 && !purego

package pngenc

import "golang.org/x/sys/cpu"

// useAVX2 is whether the Adler-32 sums and the RGB packing run on AVX2
// instructions; tests turn it off to compare with the Go code.
var useAVX2 = cpu.X86.HasAVX2

// adlerVector goes on from the sums s1, s2 over the longest start of b
// that is whole 32-byte chunks, and returns the sums and that length.
func adlerVector(s1, s2 uint64, b []byte) (uint64, uint64, int) {
	if !useAVX2 {
		return s1, s2, 0
	}
	done := 0
	for len(b)-done >= 32 {
		// At most 2¹⁵ chunks a call, so that the weighted sums of
		// each lane stay below 2³².
		n := 32 * min((len(b)-done)/32, 1<<15)
		t1, t2 := adlerAVX2(b[done : done+n])
		// Each of the n bytes adds s1 to s2, as it stood before them.
		s2 = (s2 + uint64(n)*s1 + t2) % adlerMod
		s1 = (s1 + t1) % adlerMod
		done += n
	}
	return s1, s2, done
}

// adlerAVX2 returns, for b of whole 32-byte chunks, the sum of its bytes
// and the sum of each byte times len(b) − its index: what they add to
// an Adler-32's s1 and, beyond len(b)·s1, to its s2.
//
//go:noescape
func adlerAVX2(b []byte) (s1, s2 uint64)

// packRGB writes the RGB of the first pixels of rgba into dst, eight at
// a time, stopping while at least 11 are left so that no 32-byte store
// runs past dst (3 bytes a pixel), and returns how many it wrote.
func packRGB(dst, rgba []byte) int {
	n := min(len(rgba)/4, len(dst)/3)
	if !useAVX2 || n < 11 {
		return 0
	}
	return packRGBAVX2(&dst[0], &rgba[0], n)
}

//go:noescape
func packRGBAVX2(dst, rgba *byte, n int) int

// samePrefix is how many of the first bytes of a and b, which are as
// long, are the same, as far as whole 32-byte chunks of them go: the
// rest is the caller's.
func samePrefix(a, b []byte) int {
	if !useAVX2 || len(a) < 32 {
		return 0
	}
	return samePrefixAVX2(&a[0], &b[0], min(len(a), len(b)))
}

//go:noescape
func samePrefixAVX2(a, b *byte, n int) int
