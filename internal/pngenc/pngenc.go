// Package pngenc writes opaque pictures as 8-bit RGB PNGs, compressed in
// pieces of rows that can be made on every core at once: contact sheets,
// whose 2008×3064 pixels took longer to compress with compress/flate
// than to draw.
//
// Each piece is one deflate block of its own (see deflater) that ends on
// a byte boundary, so the pieces in order make one deflate stream; their
// Adler-32 sums combine into the zlib stream's. A piece cannot refer back
// into the one before it, which costs a few bytes at each seam. Rows are
// not filtered: the repeats the deflater looks for are in the pixels.
package pngenc

import (
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"
	"slices"
)

// A Piece is some rows of a picture, compressed.
type Piece struct {
	data []byte
	sum  uint32 // Adler-32 of the rows, each a filter byte and RGB
	n    int    // their length
}

// An Encoder compresses pieces; use one per goroutine.
type Encoder struct {
	raw []byte // the rows being compressed
	d   deflater
}

// Compress compresses rows [y0, y1) of img, counted from its top; last
// says they end the picture.
func (e *Encoder) Compress(img *image.RGBA, y0, y1 int, last bool) Piece {
	w := img.Rect.Dx()
	stride := 1 + 3*w
	if need := (y1 - y0) * stride; cap(e.raw) < need {
		e.raw = make([]byte, 0, need) // once, not doubling from nothing
	}
	e.raw = e.raw[:0]
	for y := y0; y < y1; y++ {
		e.raw = append(e.raw, 0) // no filter
		e.raw = appendRGB(e.raw, img.Pix[img.PixOffset(img.Rect.Min.X, img.Rect.Min.Y+y):][:4*w])
	}
	e.d.out = e.d.out[:0]
	e.d.compress(e.raw, stride, last)
	return Piece{data: append([]byte(nil), e.d.out...), sum: checksum(e.raw), n: len(e.raw)}
}

// appendRGB appends the RGB of RGBA pixels, four pixels a step: three
// 32-bit words out of four in.
func appendRGB(dst, rgba []byte) []byte {
	n := len(rgba) / 4
	// Resliced rather than appended to: appending zeros cleared each
	// row before it was written.
	dst = slices.Grow(dst, 3*n)
	dst = dst[:len(dst)+3*n]
	out := dst[len(dst)-3*n:]
	i := packRGB(out, rgba)
	for ; i+4 <= n; i += 4 {
		p := rgba[4*i : 4*i+16]
		p0 := binary.LittleEndian.Uint32(p[0:])
		p1 := binary.LittleEndian.Uint32(p[4:])
		p2 := binary.LittleEndian.Uint32(p[8:])
		p3 := binary.LittleEndian.Uint32(p[12:])
		o := out[3*i : 3*i+12]
		binary.LittleEndian.PutUint32(o[0:], p0&0xffffff|p1<<24)
		binary.LittleEndian.PutUint32(o[4:], p1>>8&0xffff|p2<<16)
		binary.LittleEndian.PutUint32(o[8:], p2>>16&0xff|p3<<8)
	}
	for ; i < n; i++ {
		out[3*i], out[3*i+1], out[3*i+2] = rgba[4*i], rgba[4*i+1], rgba[4*i+2]
	}
	return dst
}

// adler32Combine returns the Adler-32 of a||b from the sums of a and b
// and b's length: the running sum s1 of a||b is s1(a)+s1(b)−1, and
// each of b's n bytes adds s1(a)−1 more to s2 than it did alone.
func adler32Combine(a, b uint32, n int) uint32 {
	const mod = 65521
	a1, a2 := a&0xffff, a>>16
	b1, b2 := b&0xffff, b>>16
	s1 := (a1 + b1 + mod - 1) % mod
	s2 := (uint64(a2) + uint64(b2) + uint64(n%mod)*uint64(a1+mod-1)) % mod
	return uint32(s2)<<16 | s1
}

// idatSize is how much of the zlib stream each IDAT chunk holds; the
// last holds the rest.
const idatSize = 64 << 10

// Size is how many bytes Write writes for a picture of these pieces.
func Size(pieces []Piece) int {
	z := 2 + 4 // the zlib stream's header and checksum
	for _, p := range pieces {
		z += len(p.data)
	}
	chunks := (z + idatSize - 1) / idatSize
	return 8 + (12 + 13) + z + 12*chunks + 12 // signature, IHDR, IDATs, IEND
}

// Write writes the PNG of a width×height picture from its pieces, in
// order; the last must have been compressed as the last. A writer that
// can grow (a bytes.Buffer) is grown to Size first, so the picture is
// made in one allocation.
func Write(w io.Writer, width, height int, pieces []Piece) error {
	if g, ok := w.(interface{ Grow(int) }); ok {
		g.Grow(Size(pieces))
	}
	if _, err := io.WriteString(w, "\x89PNG\r\n\x1a\n"); err != nil {
		return err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits per sample, RGB; deflate, no filter method or interlace choices
	if err := writeChunk(w, "IHDR", ihdr[:]); err != nil {
		return err
	}
	c := idatWriter{w: w, buf: make([]byte, 0, idatSize)}
	c.write([]byte{0x78, 0x01}) // zlib: deflate with a 32 KB window, fastest level
	sum := uint32(1)
	for _, p := range pieces {
		c.write(p.data)
		sum = adler32Combine(sum, p.sum, p.n)
	}
	c.write(binary.BigEndian.AppendUint32(nil, sum))
	if c.err == nil && len(c.buf) > 0 {
		c.err = writeChunk(w, "IDAT", c.buf)
	}
	if c.err != nil {
		return c.err
	}
	return writeChunk(w, "IEND", nil)
}

// idatWriter cuts the zlib stream into IDAT chunks of idatSize bytes.
type idatWriter struct {
	w   io.Writer
	buf []byte
	err error
}

func (c *idatWriter) write(b []byte) {
	for len(b) > 0 && c.err == nil {
		n := min(len(b), idatSize-len(c.buf))
		c.buf = append(c.buf, b[:n]...)
		b = b[n:]
		if len(c.buf) == idatSize {
			c.err = writeChunk(c.w, "IDAT", c.buf)
			c.buf = c.buf[:0]
		}
	}
}

func writeChunk(w io.Writer, kind string, data []byte) error {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], kind)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc.Sum32())
	for _, b := range [][]byte{head[:], data, tail[:]} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}
