package jpegenc

import "math/bits"

// The forward DCT is the integer Loeffler–Ligtenberg–Moschytz
// factorisation as the Independent JPEG Group's "islow" method arranges
// it: 12 multiplications per 8 values, constants in 13-bit fixed point,
// two extra bits of precision kept between the passes. It is exact
// integer arithmetic, so every platform writes the same bytes. Outputs
// are the true coefficients scaled by 8, which quantisation divides out.

const (
	constBits = 13
	pass1Bits = 2

	fix0298631336 = 2446  // 0.298631336 · 2¹³
	fix0390180644 = 3196  // 0.390180644 · 2¹³
	fix0541196100 = 4433  // 0.541196100 · 2¹³
	fix0765366865 = 6270  // 0.765366865 · 2¹³
	fix0899976223 = 7373  // 0.899976223 · 2¹³
	fix1175875602 = 9633  // 1.175875602 · 2¹³
	fix1501321110 = 12299 // 1.501321110 · 2¹³
	fix1847759065 = 15137 // 1.847759065 · 2¹³
	fix1961570560 = 16069 // 1.961570560 · 2¹³
	fix2053119869 = 16819 // 2.053119869 · 2¹³
	fix2562915447 = 20995 // 2.562915447 · 2¹³
	fix3072711026 = 25172 // 3.072711026 · 2¹³
)

// descale divides by 2ⁿ, rounding half up.
func descale(x int32, n uint) int32 { return (x + 1<<(n-1)) >> n }

// fdct transforms a block of level-shifted samples (−128…127) in place,
// in natural order. Every intermediate value fits in 32 bits, as in the
// IJG library, so vector code can do the same sums lane by lane.
func fdct(b *[64]int32) {
	for r := 0; r < 64; r += 8 {
		x := b[r : r+8 : r+8]
		x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7] = fdct1(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], 0)
	}
	for c := range 8 {
		b[c], b[c+8], b[c+16], b[c+24], b[c+32], b[c+40], b[c+48], b[c+56] =
			fdct1(b[c], b[c+8], b[c+16], b[c+24], b[c+32], b[c+40], b[c+48], b[c+56], 1)
	}
}

// fdct1 is one 1-D pass over eight values. The first pass (rows) keeps
// pass1Bits of extra precision; the second (columns) removes them.
func fdct1(d0, d1, d2, d3, d4, d5, d6, d7 int32, pass int) (o0, o1, o2, o3, o4, o5, o6, o7 int32) {
	tmp0, tmp7 := d0+d7, d0-d7
	tmp1, tmp6 := d1+d6, d1-d6
	tmp2, tmp5 := d2+d5, d2-d5
	tmp3, tmp4 := d3+d4, d3-d4

	// Even part.
	tmp10, tmp13 := tmp0+tmp3, tmp0-tmp3
	tmp11, tmp12 := tmp1+tmp2, tmp1-tmp2
	z1 := (tmp12 + tmp13) * fix0541196100
	var shift uint = constBits - pass1Bits
	if pass == 0 {
		o0 = (tmp10 + tmp11) << pass1Bits
		o4 = (tmp10 - tmp11) << pass1Bits
	} else {
		shift = constBits + pass1Bits
		o0 = descale(tmp10+tmp11, pass1Bits)
		o4 = descale(tmp10-tmp11, pass1Bits)
	}
	o2 = descale(z1+tmp13*fix0765366865, shift)
	o6 = descale(z1-tmp12*fix1847759065, shift)

	// Odd part.
	z1 = tmp4 + tmp7
	z2 := tmp5 + tmp6
	z3 := tmp4 + tmp6
	z4 := tmp5 + tmp7
	z5 := (z3 + z4) * fix1175875602
	tmp4 *= fix0298631336
	tmp5 *= fix2053119869
	tmp6 *= fix3072711026
	tmp7 *= fix1501321110
	z1 *= -fix0899976223
	z2 *= -fix2562915447
	z3 = z3*-fix1961570560 + z5
	z4 = z4*-fix0390180644 + z5
	o7 = descale(tmp4+z1+z3, shift)
	o5 = descale(tmp5+z2+z4, shift)
	o3 = descale(tmp6+z2+z3, shift)
	o1 = descale(tmp7+z1+z4, shift)
	return
}

// divisors divide a block's coefficients by 8·q, the transform's scale
// included, in natural order: |c| / (8·q), rounded half away from zero,
// is (|c| + half) · r >> 32 with r the reciprocal of 8·q rounded up.
// With |c| + half below 2¹⁶ and 8·q at most 2040, r's error stays under
// 1/(8·q), so the quotient is exact. r is kept as hi·2¹⁶ + lo so that
// vector code can multiply in 32-bit lanes: (x·hi + (x·lo >> 16)) >> 16
// is the same quotient, and neither product reaches 2³².
type divisors struct {
	half, hi, lo [64]int32
	recip        [64]uint32 // hi·2¹⁶ + lo, for the Go code
}

// newDivisors makes the divisors of a table in natural order.
func newDivisors(quant *[64]uint8) divisors {
	var d divisors
	for i, q := range quant {
		den := uint64(8 * int(q))
		r := (1<<32 + den - 1) / den
		d.half[i] = int32(den / 2)
		d.hi[i] = int32(r >> 16)
		d.lo[i] = int32(r & 0xffff)
		d.recip[i] = uint32(r)
	}
	return d
}

// divide quantises coefficient c at natural position i.
func (d *divisors) divide(c int32, i int) int32 {
	neg := c >> 31 // all ones when c < 0
	a := uint64((c ^ neg) - neg)
	v := int32((a + uint64(d.half[i&63])) * uint64(d.recip[i&63]) >> 32)
	return (v ^ neg) - neg
}

// coefs holds a block's quantised coefficients in natural order and,
// for each that is not zero, its bits as coded: the bit length n in the
// top byte and, below it, the coefficient (less one if negative) in n
// bits.
type coefs struct {
	q, coded [64]int32
}

// codedBits is a coefficient's bits as coefs holds them.
func codedBits(v int32) int32 {
	neg := v >> 31 // all ones when v < 0
	n := bits.Len32(uint32((v ^ neg) - neg))
	return int32(n)<<24 | (v+neg)&(1<<n-1)
}

// transformCoded is transform without vector instructions.
func transformCoded(b *[64]int32, d *divisors, c *coefs) uint64 {
	nonzero := transformGo(b, d, &c.q)
	for nz := nonzero; nz != 0; nz &= nz - 1 {
		nat := zigzag[bits.TrailingZeros64(nz)]
		c.coded[nat] = codedBits(c.q[nat])
	}
	return nonzero
}

// transformGo transforms b
// in place, writes its quantised coefficients to q in natural order and
// returns which are not zero, bit k for the k-th in zigzag order.
func transformGo(b *[64]int32, d *divisors, q *[64]int32) uint64 {
	fdct(b)
	// Quantise every coefficient without a branch, noting which are not
	// zero: on text, whether a coefficient rounds to zero is a coin toss
	// the processor kept guessing wrong.
	var nonzero uint64
	for i, c := range b {
		v := d.divide(c, i)
		q[i] = v
		nonzero |= uint64(uint32(v|-v)>>31) << zigzagPos[i]
	}
	return nonzero
}
