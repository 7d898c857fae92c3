package pngenc

import "encoding/binary"

// checksum is the Adler-32 checksum of b: 32 bytes at once with vector
// instructions where there are (adlerVector), then eight at once in Go
// (adlerWords). hash/adler32 goes a byte at a time (BenchmarkAdler32).
func checksum(b []byte) uint32 {
	s1, s2, n := adlerVector(1, 0, b)
	s1, s2 = adlerWords(s1, s2, b[n:])
	return uint32(s2<<16 | s1)
}

// adlerMod is the prime Adler-32 sums are taken modulo.
const adlerMod = 65521

// adlerWords goes on from the sums s1, s2 over b, eight bytes at a time:
// of eight bytes, s1 gains their sum and s2 eight times s1 before them
// plus 8·b0 + 7·b1 + … + 1·b7. Both come out of 64-bit multiplications
// of the bytes spread into 16-bit lanes, whose products cannot carry
// from one lane into the next; it takes half hash/adler32's time.
func adlerWords(s1, s2 uint64, b []byte) (uint64, uint64) {
	const (
		mod   = adlerMod
		lanes = 0x00ff00ff00ff00ff
		ones  = 0x0001000100010001
		// Weights of the even bytes (0, 2, 4, 6) and the odd ones,
		// lane j weighing the byte that lane 3−j holds.
		evenW = 2 | 4<<16 | 6<<32 | 8<<48
		oddW  = 1 | 3<<16 | 5<<32 | 7<<48
		// Bytes between reductions: s2 stays below 2^64 long past this.
		chunk = 1 << 16
	)
	for len(b) > 0 {
		n := min(len(b), chunk)
		p := b[:n]
		b = b[n:]
		for len(p) >= 16 {
			// Two words a step, so that s1 is waited on half as often.
			x, y := binary.LittleEndian.Uint64(p), binary.LittleEndian.Uint64(p[8:])
			xe, xo := x&lanes, x>>8&lanes
			ye, yo := y&lanes, y>>8&lanes
			xs, ys := ((xe+xo)*ones)>>48, ((ye+yo)*ones)>>48
			s2 += 16*s1 + 8*xs + (xe*evenW)>>48 + (xo*oddW)>>48 + (ye*evenW)>>48 + (yo*oddW)>>48
			s1 += xs + ys
			p = p[16:]
		}
		for _, c := range p {
			s1 += uint64(c)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
	}
	return s1, s2
}
