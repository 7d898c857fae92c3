package pngenc

import (
	"encoding/binary"
	"math/bits"
)

// A deflater compresses one piece of image rows into one deflate block
// with Huffman codes made for it (RFC 1951). It looks for repeats in two
// places first: the same bytes one row up, and the pixel to the left. A
// contact sheet is paper, flat slide colours and rows that repeat the
// row above, so nearly every byte is found in one of them: 95 % of the
// 26-slide sheet's bytes are. Where neither repeats, it looks at one
// place more, the last where the same four bytes were met (the edge of
// a letter drawn before): the sheet's file is 0.84 MB instead of 1.1 MB
// for the same CPU time. compress/flate hashes every position to find
// repeats anywhere: its fastest level took twice the CPU time of the
// first two places alone for a file of 0.95 MB (the limit is 2 MB).
type deflater struct {
	tokens   []uint32 // literals (< 256) and matches (matchFlag set)
	litFreq  [numLitLen]int32
	distFreq [numDist]int32
	out      []byte
	// seen holds where a piece's four bytes, by their hash, were last
	// looked for in it.
	seen    [1 << seenBits]int32
	acc     uint64 // bits not yet in out, the oldest lowest
	nbits   uint
	scratch huffScratch
}

const (
	numLitLen = 286 // literals, end of block, lengths 257–285
	numDist   = 30
	endBlock  = 256
	minMatch  = 4 // a 3-byte repeat costs about what its literals do
	// minFarMatch is the shortest repeat taken from further back than
	// the row above: its distance costs up to 28 bits.
	minFarMatch = 6
	seenBits    = 13
	maxMatch    = 258
	maxDist     = 32768
	matchFlag   = 1 << 31 // a match token: matchFlag | (distance-1)<<9 | length
)

// compress appends to d.out the deflate block of b, whose rows are
// stride bytes long, and ends it on a byte boundary: with the final-block
// bit and zero padding when final, else with an empty stored block (a
// sync flush), so that blocks of pieces compressed apart can follow it.
func (d *deflater) compress(b []byte, stride int, final bool) {
	d.tokenize(b, stride)
	d.writeBlock(final)
	if !final {
		d.put(0, 3) // not final, stored
		d.alignByte()
		d.out = append(d.out, 0, 0, 0xff, 0xff) // its length, and the length's complement
	} else {
		d.alignByte()
	}
}

// tokenize turns b into literals and matches, taking at each position
// the longer repeat of the row above and of the pixel to the left; after
// a literal, it looks again three bytes (a pixel) on.
func (d *deflater) tokenize(b []byte, stride int) {
	if cap(d.tokens) < len(b)/4 {
		// Rows of a sheet come to about one token for 8 bytes;
		// growing by doubling from nothing made and copied twice that.
		d.tokens = make([]uint32, 0, len(b)/4)
	}
	d.tokens = d.tokens[:0]
	clear(d.litFreq[:])
	clear(d.distFreq[:])
	clear(d.seen[:]) // a piece's tokens depend on it alone, whichever worker compresses it
	up := stride <= maxDist
	for i := 0; i < len(b); {
		limit := min(maxMatch, len(b)-i)
		best, dist := 0, 0
		var head uint32 // the four bytes from i
		if i+4 <= len(b) {
			head = binary.LittleEndian.Uint32(b[i:])
		}
		// A repeat shorter than minMatch is not taken: one whose first
		// four bytes differ is not measured (most of text's pixels).
		if up && i >= stride && (i+4 > len(b) || binary.LittleEndian.Uint32(b[i-stride:]) == head) {
			best, dist = matchLen(b, i, i-stride, limit), stride
		}
		if best < limit && i >= 3 && (i+4 > len(b) || binary.LittleEndian.Uint32(b[i-3:]) == head) {
			if n := matchLen(b, i, i-3, limit); n > best {
				best, dist = n, 3
			}
		}
		if best < minMatch && i+4 <= len(b) {
			// Neither: the pixel may repeat one met before in the
			// piece, the same edge of the same letter drawn again. The
			// last place its first four bytes were seen is looked at;
			// against the two places alone, the 26-slide sheet's rows
			// came to 36 % fewer tokens. A repeat found there must be
			// longer to pay for its distance's bits.
			h := head * 2654435761 >> (32 - seenBits)
			if j := int(d.seen[h]); j < i && i-j <= maxDist {
				if n := matchLen(b, i, j, limit); n >= minFarMatch {
					best, dist = n, i-j
				}
			}
			d.seen[h] = int32(i)
		}
		if best >= minMatch {
			d.tokens = append(d.tokens, matchFlag|uint32(dist-1)<<9|uint32(best))
			sym, _, _ := lengthCode(best)
			d.litFreq[sym]++
			code, _, _ := distCode(dist)
			d.distFreq[code]++
			i += best
			continue
		}
		// A byte that starts no repeat is most often in a pixel that
		// differs from its neighbours (text, a gradient): its other two
		// bytes are written as they are, without looking for repeats
		// that would start inside it. The 26-slide sheet took 4 % less
		// CPU time for a file 0.4 % larger.
		for end := min(i+3, len(b)); i < end; i++ {
			d.tokens = append(d.tokens, uint32(b[i]))
			d.litFreq[b[i]]++
		}
	}
	d.litFreq[endBlock]++
}

// matchLen is how many bytes from b[i] repeat those from b[j], j < i, up
// to limit.
func matchLen(b []byte, i, j, limit int) int {
	n := 0
	if limit >= 8 {
		// Most positions differ in their first bytes (text's edges)
		// or repeat for the longest match (flat colour): the first are
		// found here, the second 32 bytes a step.
		if x := binary.LittleEndian.Uint64(b[i:]) ^ binary.LittleEndian.Uint64(b[j:]); x != 0 {
			return bits.TrailingZeros64(x) / 8
		}
		m := samePrefix(b[i+8:i+limit], b[j+8:j+limit])
		n = 8 + m
		if m%32 != 0 {
			return n // a byte differs within the chunks compared
		}
	}
	for ; n+8 <= limit; n += 8 {
		if x := binary.LittleEndian.Uint64(b[i+n:]) ^ binary.LittleEndian.Uint64(b[j+n:]); x != 0 {
			return n + bits.TrailingZeros64(x)/8
		}
	}
	for n < limit && b[i+n] == b[j+n] {
		n++
	}
	return n
}

// lengthCode is the symbol, extra bit count and extra bits of a match
// length of 3 to 258.
func lengthCode(n int) (sym int, nextra uint, extra uint32) {
	if n == maxMatch {
		return 285, 0, 0
	}
	v := n - 3
	if v < 8 {
		return 257 + v, 0, 0
	}
	l := bits.Len(uint(v)) // 4 to 8
	nextra = uint(l - 3)
	return 261 + 4*(l-3) + (v>>nextra)&3, nextra, uint32(v) & (1<<nextra - 1)
}

// distCode is the code, extra bit count and extra bits of a distance of
// 1 to 32768.
func distCode(dist int) (code int, nextra uint, extra uint32) {
	v := dist - 1
	if v < 4 {
		return v, 0, 0
	}
	l := bits.Len(uint(v)) // 3 to 15
	nextra = uint(l - 2)
	return 2*(l-1) + (v>>nextra)&1, nextra, uint32(v) & (1<<nextra - 1)
}

// clOrder is the order in which the code lengths of the code-length
// alphabet are sent.
var clOrder = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// writeBlock writes the tokens as one block with dynamic Huffman codes.
func (d *deflater) writeBlock(final bool) {
	if d.distFreq == [numDist]int32{} {
		d.distFreq[0] = 1 // a block needs one distance code, even unused
	}
	var litLen [numLitLen]uint8
	var distLen [numDist]uint8
	codeLengths(d.litFreq[:], 15, litLen[:], &d.scratch)
	codeLengths(d.distFreq[:], 15, distLen[:], &d.scratch)
	nlit, ndist := numLitLen, numDist
	for nlit > 257 && litLen[nlit-1] == 0 {
		nlit--
	}
	for ndist > 1 && distLen[ndist-1] == 0 {
		ndist--
	}

	// The code lengths, run-length coded: 16 repeats the previous length
	// 3–6 times, 17 and 18 are 3–10 and 11–138 zeros.
	lengths := append(litLen[:nlit:nlit], distLen[:ndist]...)
	type clToken struct {
		sym   uint8
		extra uint8
	}
	var cl []clToken
	var clFreq [19]int32
	emit := func(sym, extra uint8) {
		cl = append(cl, clToken{sym, extra})
		clFreq[sym]++
	}
	for i := 0; i < len(lengths); {
		l, run := lengths[i], 1
		for i+run < len(lengths) && lengths[i+run] == l {
			run++
		}
		i += run
		if l == 0 {
			for run >= 11 {
				n := min(run, 138)
				emit(18, uint8(n-11))
				run -= n
			}
			if run >= 3 {
				emit(17, uint8(run-3))
				run = 0
			}
		} else {
			emit(l, 0)
			run--
			for run >= 3 {
				n := min(run, 6)
				emit(16, uint8(n-3))
				run -= n
			}
		}
		for ; run > 0; run-- {
			emit(l, 0)
		}
	}
	var clLen [19]uint8
	codeLengths(clFreq[:], 7, clLen[:], &d.scratch)
	nclen := 19
	for nclen > 4 && clLen[clOrder[nclen-1]] == 0 {
		nclen--
	}

	var litCode [numLitLen]uint16
	var distCodes [numDist]uint16
	var clCode [19]uint16
	canonical(litLen[:], litCode[:])
	canonical(distLen[:], distCodes[:])
	canonical(clLen[:], clCode[:])

	var head uint64 = 2 << 1 // dynamic Huffman codes
	if final {
		head |= 1
	}
	d.put(head, 3)
	d.put(uint64(nlit-257), 5)
	d.put(uint64(ndist-1), 5)
	d.put(uint64(nclen-4), 4)
	for _, sym := range clOrder[:nclen] {
		d.put(uint64(clLen[sym]), 3)
	}
	for _, t := range cl {
		d.put(uint64(clCode[t.sym]), uint(clLen[t.sym]))
		switch t.sym {
		case 16:
			d.put(uint64(t.extra), 2)
		case 17:
			d.put(uint64(t.extra), 3)
		case 18:
			d.put(uint64(t.extra), 7)
		}
	}

	// Each symbol's code with its length in the bits above 32, and each
	// match length's code and extra bits: one load a token instead of
	// two, and no working out of length codes for each match.
	var lit [numLitLen]uint64
	for sym, c := range litCode[:nlit] {
		lit[sym] = uint64(c) | uint64(litLen[sym])<<32
	}
	var length [maxMatch + 1]uint64
	for n := minMatch; n <= maxMatch; n++ {
		if sym, nextra, extra := lengthCode(n); litLen[sym] > 0 {
			length[n] = (lit[sym] | uint64(extra)<<litLen[sym]) + uint64(nextra)<<32
		}
	}
	// The distances a block uses are few (the row above and the pixel
	// to the left): the last one's code is kept.
	lastDist, distBits := uint32(0), uint64(0)
	for _, t := range d.tokens {
		if t&matchFlag == 0 {
			d.put(lit[t]&0xffffffff, uint(lit[t]>>32))
			continue
		}
		l := length[t&511]
		d.put(l&0xffffffff, uint(l>>32))
		if dist := t >> 9 & (maxDist - 1); dist != lastDist || distBits == 0 {
			code, nextra, extra := distCode(int(dist) + 1)
			lastDist = dist
			distBits = (uint64(distCodes[code]) | uint64(extra)<<distLen[code]) + uint64(distLen[code]+uint8(nextra))<<32
		}
		d.put(distBits&0xffffffff, uint(distBits>>32))
	}
	d.put(uint64(litCode[endBlock]), uint(litLen[endBlock]))
}

// put appends the n (at most 32) low bits of v, the first bit lowest.
func (d *deflater) put(v uint64, n uint) {
	d.acc |= v << d.nbits
	d.nbits += n
	if d.nbits >= 32 {
		d.out = binary.LittleEndian.AppendUint32(d.out, uint32(d.acc))
		d.acc >>= 32
		d.nbits -= 32
	}
}

// alignByte writes out the pending bits, the last byte padded with zeros.
func (d *deflater) alignByte() {
	for d.nbits > 0 {
		d.out = append(d.out, byte(d.acc))
		d.acc >>= 8
		d.nbits -= min(d.nbits, 8)
	}
	d.acc = 0
}
