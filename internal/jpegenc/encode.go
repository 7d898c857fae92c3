// Package jpegenc writes baseline JPEGs of RGBA canvases: 8-bit YCbCr,
// 4:2:0 chroma, the standard's quantisation and Huffman tables, no
// metadata, what Instagram takes and every decoder reads.
//
// It exists because encoding was most of the time pkpm spent per slide
// with image/jpeg. Slides are mostly flat colour, and a flat block has
// only a DC coefficient: this encoder sees that before transforming,
// converts colours in fixed point without a call per pixel, quantises
// by multiplying with reciprocals instead of dividing, and writes bits
// through a 64-bit accumulator into one growing slice. On amd64 with
// AVX2, a block is transformed, quantised and its coefficients' bit
// lengths found eight coefficients at a time, and an MCU's colours
// converted and tested for one colour 32 bytes at a time
// (transform_amd64.s), to the same bits as the Go code.
package jpegenc

import (
	"encoding/binary"
	"image"
	"math/bits"
	"unsafe"
)

// Encode appends img, encoded at quality 1–100, to dst and returns the
// extended slice. Pixels are read as opaque sRGB: premultiplied colour
// channels as they are, alpha ignored, as image/jpeg reads them. The same
// pixels give the same bytes on every platform.
func Encode(dst []byte, img *image.RGBA, quality int) []byte {
	var s Stream
	s.Start(dst, img.Rect.Dx(), img.Rect.Dy(), quality)
	s.Rows(img)
	return s.Finish()
}

// Stream encodes a w×h picture given as bands of rows, top to bottom, so
// that whoever draws it need not hold it whole: the bytes are those
// Encode writes for the whole picture. Its zero value is ready to Start.
type Stream struct {
	e    encoder
	w, h int
	y    int // rows written so far
}

// Start begins a w×h picture at quality 1–100, appended to dst.
func (s *Stream) Start(dst []byte, w, h, quality int) {
	s.e = encoder{out: dst}
	s.e.tables(quality)
	s.e.headers(w, h)
	s.w, s.h, s.y = w, h, 0
}

// Rows writes the next band of the picture. A band is as wide as the
// picture, and a whole number of 16-row MCUs tall unless it is the last
// one: JPEG codes the picture 16 rows at a time. Rows past the picture's
// bottom are ignored.
func (s *Stream) Rows(band *image.RGBA) {
	n := min(band.Rect.Dy(), s.h-s.y)
	if n <= 0 {
		return
	}
	if band.Rect.Dx() != s.w || n%16 != 0 && s.y+n != s.h {
		panic("jpegenc: a band must be as wide as the picture and, unless it ends it, a whole number of MCU rows tall")
	}
	r := band.Rect
	s.e.scan(band.SubImage(image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+n)).(*image.RGBA))
	s.y += n
}

// Finish ends the picture, whose every row must have been given, and
// returns the extended slice.
func (s *Stream) Finish() []byte {
	s.e.flush()
	return append(s.e.out, 0xff, 0xd9) // EOI
}

// encoder holds one encoding's state.
type encoder struct {
	out []byte
	// prev holds the quantised DC of the last block of each component,
	// which the next block's DC is coded against.
	prevY, prevCb, prevCr int
	// quant holds the quantisation tables as the DQT segment writes
	// them, in zigzag order; div divides by them.
	quant [2][64]uint8
	div   [2]divisors

	acc   uint64 // pending bits, the newest in the low end
	nbits uint   // how many of acc's low bits are pending
}

// tables scales the standard tables to a quality the way the IJG
// library does, so a quality means what it means elsewhere.
func (e *encoder) tables(quality int) {
	quality = min(max(quality, 1), 100)
	scale := 200 - 2*quality
	if quality < 50 {
		scale = 5000 / quality
	}
	for t := range baseQuant {
		var natural [64]uint8
		for k, nat := range zigzag {
			q := (int(baseQuant[t][nat])*scale + 50) / 100
			q = min(max(q, 1), 255)
			e.quant[t][k] = uint8(q)
			natural[nat] = uint8(q)
		}
		e.div[t] = newDivisors(&natural)
	}
}

// headers writes SOI, DQT, SOF0, DHT and SOS.
func (e *encoder) headers(w, h int) {
	e.out = append(e.out, 0xff, 0xd8) // SOI
	e.out = append(e.out, 0xff, 0xdb, 0, 2+2*65)
	for t := range e.quant {
		e.out = append(e.out, byte(t))
		e.out = append(e.out, e.quant[t][:]...)
	}
	e.out = append(e.out, 0xff, 0xc0, 0, 17, 8, byte(h>>8), byte(h), byte(w>>8), byte(w), 3,
		1, 0x22, 0, // Y: 2×2 sampling, table 0
		2, 0x11, 1, // Cb
		3, 0x11, 1) // Cr
	n := 2
	for _, s := range huffSpecs {
		n += 17 + len(s.values)
	}
	e.out = append(e.out, 0xff, 0xc4, byte(n>>8), byte(n))
	for i, s := range huffSpecs {
		e.out = append(e.out, [4]byte{0x00, 0x10, 0x01, 0x11}[i])
		e.out = append(e.out, s.counts[:]...)
		e.out = append(e.out, s.values...)
	}
	e.out = append(e.out, 0xff, 0xda, 0, 12, 3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0)
}

// shortcuts turns on the paths for flat MCUs, blocks and pixel pairs; tests turn it
// off to show those paths write what the full transform writes.
var shortcuts = true

// mcu is one 16×16 minimum coded unit: four luma blocks and one block of
// each chroma channel, level-shifted, in natural order.
type mcu struct {
	_      [0]uint64 // blocks 8-byte aligned, for uniform's paired reads
	y      [4][64]int32
	cb, cr [64]int32
}

// scan writes the entropy-coded data of a band of rows, MCU by MCU, left
// to right and top to bottom, going on from the band before it. Pixels
// past the band's right and bottom edges repeat the edge.
func (e *encoder) scan(img *image.RGBA) {
	r := img.Rect
	w, h := r.Dx(), r.Dy()
	var m mcu
	prevY, prevCb, prevCr := e.prevY, e.prevCb, e.prevCr
	var xs, ys [16]int
	// last is the colour of the MCU before when it was flat, and lastFlat
	// whether it was.
	var last uint32
	lastFlat := false
	for my := 0; my < h; my += 16 {
		for i := range ys {
			ys[i] = img.PixOffset(r.Min.X, r.Min.Y+min(my+i, h-1))
		}
		for mx := 0; mx < w; mx += 16 {
			for i := range xs {
				xs[i] = 4 * min(mx+i, w-1)
			}
			if shortcuts && flat(img.Pix, &xs, &ys) {
				p := img.Pix[ys[0]+xs[0]:]
				c := binary.LittleEndian.Uint32(p)
				if lastFlat && c == last {
					// The colour of the MCU before, as along margins
					// and between lines: every block's DC is the one
					// before it.
					e.put(repeatBits, 32)
					continue
				}
				last, lastFlat = c, true
				y, cb, cr := ycc(int(p[0]), int(p[1]), int(p[2]))
				for range 4 {
					prevY = e.flatBlock(y, 0, prevY)
				}
				prevCb = e.flatBlock(cb, 1, prevCb)
				prevCr = e.flatBlock(cr, 1, prevCr)
				continue
			}
			lastFlat = false
			m.load(img.Pix, &xs, &ys)
			for b := range m.y {
				prevY = e.block(&m.y[b], 0, prevY)
			}
			prevCb = e.block(&m.cb, 1, prevCb)
			prevCr = e.block(&m.cr, 1, prevCr)
		}
	}
	e.prevY, e.prevCb, e.prevCr = prevY, prevCb, prevCr
}

// repeatBits are the 32 bits of an MCU of one colour whose DCs are those
// of the blocks before: for each of its six blocks, a difference of zero
// and the end of the block (2 and 4 bits for luma with the standard
// tables, 2 and 2 for chroma).
var repeatBits = func() uint64 {
	var bits uint64
	var n uint
	for _, t := range []int{0, 0, 0, 0, 1, 1} {
		for _, h := range []*huffCode{huffCodes[2*t], huffCodes[2*t+1]} {
			code, size := symbolBits(h, 0) // a DC of category 0; an AC end of block
			bits, n = bits<<size|code, n+size
		}
	}
	if n != 32 {
		panic("jpegenc: a repeated flat MCU is not 32 bits with these tables")
	}
	return bits
}()

// flat tells whether the 16×16 pixels at the offsets are one colour.
// Alpha is compared too, which costs nothing and only sends a rare MCU
// the long way.
func flat(pix []uint8, xs, ys *[16]int) bool {
	if xs[15] == xs[0]+60 {
		if f, ok := flatVector(pix, xs[0], ys); ok {
			return f
		}
	}
	c := binary.LittleEndian.Uint32(pix[ys[0]+xs[0]:])
	if xs[15] == xs[0]+60 {
		// Inside the image each row is 64 contiguous bytes: compare
		// them two pixels at a time.
		c2 := uint64(c)<<32 | uint64(c)
		for _, y := range ys {
			row := pix[y+xs[0] : y+xs[0]+64]
			for i := 0; i < 64; i += 8 {
				if binary.LittleEndian.Uint64(row[i:]) != c2 {
					return false
				}
			}
		}
		return true
	}
	for _, y := range ys {
		row := pix[y:]
		for _, x := range xs {
			if binary.LittleEndian.Uint32(row[x:]) != c {
				return false
			}
		}
	}
	return true
}

// flatRows tells whether two rows of 16 pixels are all one colour.
func flatRows(r0, r1 []uint8) bool {
	c := binary.LittleEndian.Uint32(r0)
	c2 := uint64(c)<<32 | uint64(c)
	for i := 0; i < 64; i += 8 {
		if binary.LittleEndian.Uint64(r0[i:]) != c2 || binary.LittleEndian.Uint64(r1[i:]) != c2 {
			return false
		}
	}
	return true
}

// ycc converts a colour to level-shifted JFIF YCbCr in 16.16 fixed
// point, rounding to nearest and clamping, as color.RGBToYCbCr does.
func ycc(r, g, b int) (y, cb, cr int32) {
	yy := (19595*r + 38470*g + 7471*b + 1<<15) >> 16
	u := (-11056*r - 21712*g + 32768*b + 257<<15) >> 16
	v := (32768*r - 27440*g - 5328*b + 257<<15) >> 16
	return int32(yy - 128), int32(min(max(u, 0), 255) - 128), int32(min(max(v, 0), 255) - 128)
}

// load converts the MCU's pixels. Chroma is the rounded mean of each 2×2
// group's per-pixel values.
func (m *mcu) load(pix []uint8, xs, ys *[16]int) {
	if xs[15] == xs[0]+60 && loadVector(m, pix, xs[0], ys) {
		return
	}
	for j := 0; j < 16; j += 2 {
		row0, row1 := pix[ys[j]:], pix[ys[j+1]:]
		yb := &m.y[j/8*2]
		yo := (j % 8) * 8
		co := (j / 2) * 8
		if shortcuts && xs[15] == xs[0]+60 && flatRows(row0[xs[0]:xs[0]+64], row1[xs[0]:xs[0]+64]) {
			// Two rows of one colour, as between lines of text: the
			// same values the groups would give, converted once.
			y, cb, cr := ycc(int(row0[xs[0]]), int(row0[xs[0]+1]), int(row0[xs[0]+2]))
			yr := &m.y[j/8*2+1]
			for k := yo; k < yo+16; k++ {
				yb[k], yr[k] = y, y
			}
			for k := co; k < co+8; k++ {
				m.cb[k], m.cr[k] = cb, cr
			}
			continue
		}
		for i := 0; i < 16; i += 2 {
			if i == 8 {
				yb = &m.y[j/8*2+1]
			}
			x0, x1 := xs[i], xs[i+1]
			yi := yo + i%8
			p := binary.LittleEndian.Uint32(row0[x0:])
			if shortcuts && p == binary.LittleEndian.Uint32(row0[x1:]) && p == binary.LittleEndian.Uint32(row1[x0:]) && p == binary.LittleEndian.Uint32(row1[x1:]) {
				// Four pixels of one colour, as most are even where text
				// makes an MCU busy: one conversion gives the same values.
				y, cb, cr := ycc(int(row0[x0]), int(row0[x0+1]), int(row0[x0+2]))
				yb[yi], yb[yi+1], yb[yi+8], yb[yi+9] = y, y, y, y
				m.cb[co+i/2], m.cr[co+i/2] = cb, cr
				continue
			}
			y00, cb00, cr00 := ycc(int(row0[x0]), int(row0[x0+1]), int(row0[x0+2]))
			y01, cb01, cr01 := ycc(int(row0[x1]), int(row0[x1+1]), int(row0[x1+2]))
			y10, cb10, cr10 := ycc(int(row1[x0]), int(row1[x0+1]), int(row1[x0+2]))
			y11, cb11, cr11 := ycc(int(row1[x1]), int(row1[x1+1]), int(row1[x1+2]))
			yb[yi], yb[yi+1], yb[yi+8], yb[yi+9] = y00, y01, y10, y11
			m.cb[co+i/2] = (cb00 + cb01 + cb10 + cb11 + 2) >> 2
			m.cr[co+i/2] = (cr00 + cr01 + cr10 + cr11 + 2) >> 2
		}
	}
}

// block transforms, quantises and writes one block, and returns its
// quantised DC for the next block's difference. A block of one value
// has no AC energy: it skips the transform.
func (e *encoder) block(b *[64]int32, t int, prevDC int) int {
	v := b[0]
	if shortcuts && uniform(b) {
		return e.flatBlock(v, t, prevDC)
	}
	// The coefficients in natural order, and which are not zero in the
	// order they are written: only those are, from their coded bits.
	var c coefs
	nonzero := transform(b, &e.div[t], &c)
	// The pending bits live in locals while the block is written, so
	// they stay in registers: through put, each symbol stored them and
	// loaded them back (a fifth of the time went to writing bits).
	acc, nbits := e.acc, e.nbits
	// Shift counts are masked to 63, though no symbol's bits exceed 27:
	// the compiler then leaves out what Go does for counts of 64 and
	// more, in the hottest loop of the encoder (4 % of its time).
	dc := int(c.q[0])
	code, n := valueBits(huffCodes[2*t], dc-prevDC, 0)
	acc, nbits = acc<<(n&63)|code, nbits+n
	if nbits >= 32 {
		nbits = e.word(acc, nbits)
	}
	ac := huffCodes[2*t+1]
	last := 0
	for nonzero &^= 1; nonzero != 0; nonzero &= nonzero - 1 {
		k := bits.TrailingZeros64(nonzero)
		run := k - last - 1
		for run > 15 {
			code, n := symbolBits(ac, 0xf0) // sixteen zeros
			acc, nbits = acc<<(n&63)|code, nbits+n
			if nbits >= 32 {
				nbits = e.word(acc, nbits)
			}
			run -= 16
		}
		// The coefficient's bit length and bits come from transform,
		// eight at a time on amd64 with AVX2: the symbol's code, then
		// the bits.
		coded := uint32(c.coded[zigzag[k&63]&63])
		n := uint(coded >> 24)
		sym := uint8(run<<4) | uint8(n)
		size := uint(ac.size[sym]) + n
		acc, nbits = acc<<(size&63)|uint64(ac.code[sym])<<(n&63)|uint64(coded&0xffffff), nbits+size
		if nbits >= 32 {
			nbits = e.word(acc, nbits)
		}
		last = k
	}
	if last != 63 {
		code, n := symbolBits(ac, 0x00) // end of block
		acc, nbits = acc<<(n&63)|code, nbits+n
		if nbits >= 32 {
			nbits = e.word(acc, nbits)
		}
	}
	e.acc, e.nbits = acc, nbits
	return dc
}

// uniform tells whether a block's samples are one value, comparing two
// at a time (3 % of the encoding's time against one at a time). The
// block is one of an mcu's, 8-byte aligned.
func uniform(b *[64]int32) bool {
	pairs := (*[32]uint64)(unsafe.Pointer(b))
	v := pairs[0]
	if uint32(v) != uint32(v>>32) {
		return false
	}
	for _, p := range pairs {
		if p != v {
			return false
		}
	}
	return true
}

// valueBits codes a value (a DC difference) with the symbol for its
// preceding zero run and bit length, then its bits (negative values as v−1, the JPEG way), and
// returns them with their count, at most 27. Signs are handled without a
// branch, which text made unpredictable.
func valueBits(h *huffCode, v, run int) (uint64, uint) {
	neg := v >> 63 // all ones when v < 0
	n := bits.Len(uint((v ^ neg) - neg))
	v += neg
	sym := uint8(run<<4 | n) // run < 16, n ≤ 11
	return uint64(h.code[sym])<<(n&63) | uint64(v)&(1<<(n&63)-1), uint(h.size[sym]) + uint(n)
}

// flatBlock writes a block whose level-shifted samples all equal v: the
// transform of it is 64·v in DC (eight times the true coefficient, as
// fdct scales) and nothing else.
func (e *encoder) flatBlock(v int32, t int, prevDC int) int {
	dc := int(e.div[t].divide(64*v, 0))
	code, n := valueBits(huffCodes[2*t], dc-prevDC, 0)
	acc, nbits := e.acc<<n|code, e.nbits+n
	if nbits >= 32 {
		nbits = e.word(acc, nbits)
	}
	code, n = symbolBits(huffCodes[2*t+1], 0x00) // end of block
	acc, nbits = acc<<n|code, nbits+n
	if nbits >= 32 {
		nbits = e.word(acc, nbits)
	}
	e.acc, e.nbits = acc, nbits
	return dc
}

// symbolBits returns a symbol's code and its length.
func symbolBits(h *huffCode, sym uint8) (uint64, uint) {
	return uint64(h.code[sym]), uint(h.size[sym])
}

// put appends the low n bits of v (n ≤ 32) and writes out whole bytes
// once 32 are pending.
func (e *encoder) put(v uint64, n uint) {
	e.acc = e.acc<<n | v
	e.nbits += n
	if e.nbits >= 32 {
		e.nbits = e.word(e.acc, e.nbits)
	}
}

// word writes out the oldest 32 of the nbits pending bits in acc,
// stuffing a zero after each 0xff byte, and returns how many are left
// pending. It is a call of its own so that what writes the bits, once
// for every symbol, keeps them in registers.
func (e *encoder) word(acc uint64, nbits uint) uint {
	nbits -= 32
	w := uint32(acc >> nbits)
	if hasFF(w) {
		for s := 24; s >= 0; s -= 8 {
			b := byte(w >> s)
			e.out = append(e.out, b)
			if b == 0xff {
				e.out = append(e.out, 0)
			}
		}
		return nbits
	}
	e.out = append(e.out, byte(w>>24), byte(w>>16), byte(w>>8), byte(w))
	return nbits
}

// hasFF tells whether any byte of w is 0xff.
func hasFF(w uint32) bool {
	x := ^w // a 0xff byte becomes a zero byte
	return (x-0x01010101)&^x&0x80808080 != 0
}

// flush pads the last byte with one bits, as the standard asks.
func (e *encoder) flush() {
	if pad := (8 - e.nbits%8) % 8; pad > 0 {
		e.put(1<<pad-1, pad)
	}
	for e.nbits >= 8 {
		e.nbits -= 8
		b := byte(e.acc >> e.nbits)
		e.out = append(e.out, b)
		if b == 0xff {
			e.out = append(e.out, 0)
		}
	}
}
