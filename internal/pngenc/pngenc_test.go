package pngenc

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"hash/adler32"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand/v2"
	"testing"
)

// The sums of two pieces combine into the sum of both, at every split,
// including empty pieces and pieces long enough to wrap the modulus.
func TestAdler32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	data := make([]byte, 200_000)
	for i := range data {
		data[i] = byte(rng.IntN(256))
	}
	for _, cut := range []int{0, 1, 5552, 65521, 65522, 100_000, len(data)} {
		a, b := data[:cut], data[cut:]
		got := adler32Combine(adler32.Checksum(a), adler32.Checksum(b), len(b))
		if want := adler32.Checksum(data); got != want {
			t.Errorf("cut at %d: combined %08x, want %08x", cut, got, want)
		}
	}
	// All 0xff bytes drive both halves of the sum to their largest.
	ff := bytes.Repeat([]byte{0xff}, 300_000)
	if got, want := adler32Combine(adler32.Checksum(ff[:123_457]), adler32.Checksum(ff[123_457:]), len(ff)-123_457), adler32.Checksum(ff); got != want {
		t.Errorf("0xff bytes: combined %08x, want %08x", got, want)
	}
}

// inflate decompresses pieces' deflate data as one stream.
func inflate(t testing.TB, data []byte) []byte {
	t.Helper()
	got, err := io.ReadAll(flate.NewReader(bytes.NewReader(data)))
	if err != nil {
		t.Fatalf("inflate: %v", err)
	}
	return got
}

// Pieces compressed apart inflate, in order, to what went in: flat runs,
// rows repeating the row above, noise, and runs longer than a match.
func TestDeflatePiecesRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const stride = 301
	var rows [][]byte
	for y := range 40 {
		row := make([]byte, stride)
		switch y % 5 {
		case 0: // flat
		case 1: // noise
			for i := range row {
				row[i] = byte(rng.IntN(256))
			}
		case 2: // the row above
			copy(row, rows[y-1])
		case 3: // pixels repeating with a few changes
			for i := range row {
				row[i] = byte(i % 3 * 40)
				if rng.IntN(20) == 0 {
					row[i] = byte(rng.IntN(256))
				}
			}
		case 4: // few values: a skewed code
			for i := range row {
				row[i] = byte(rng.IntN(3))
			}
		}
		rows = append(rows, row)
	}
	var all, stream []byte
	for p := 0; p < len(rows); p += 7 {
		var piece []byte
		for _, r := range rows[p:min(p+7, len(rows))] {
			piece = append(piece, r...)
		}
		all = append(all, piece...)
		var d deflater
		d.compress(piece, stride, p+7 >= len(rows))
		stream = append(stream, d.out...)
	}
	if got := inflate(t, stream); !bytes.Equal(got, all) {
		t.Fatalf("inflated %d bytes, not the %d that went in", len(got), len(all))
	}
}

// Rows wider than deflate's window take repeats from the left only.
func TestDeflateWideRows(t *testing.T) {
	const stride = maxDist + 5
	b := make([]byte, 3*stride)
	for i := range b {
		b[i] = byte(i / 7)
	}
	var d deflater
	d.compress(b, stride, true)
	if got := inflate(t, d.out); !bytes.Equal(got, b) {
		t.Fatal("wide rows do not round-trip")
	}
}

// Codes stay within their limit however skewed the frequencies, and
// form a complete prefix code.
func TestCodeLengthsLimit(t *testing.T) {
	freq := make([]int32, 40)
	f := int32(1)
	for i := range freq {
		freq[i] = f
		if f < 1<<29 {
			f *= 2
		}
	}
	for _, c := range []struct{ n, limit int }{{19, 7}, {40, 15}} {
		lengths := make([]uint8, c.n)
		codeLengths(freq[:c.n], c.limit, lengths, &huffScratch{})
		kraft := 0.0
		for _, l := range lengths {
			if l == 0 || int(l) > c.limit {
				t.Fatalf("%d symbols, limit %d: a code of %d bits", c.n, c.limit, l)
			}
			kraft += 1 / float64(uint(1)<<l)
		}
		if kraft != 1 {
			t.Errorf("%d symbols, limit %d: the code is not complete: Kraft sum %v", c.n, c.limit, kraft)
		}
	}
}

// A picture written in pieces is a PNG of the same pixels, whichever
// way it is cut.
func TestWriteRoundTrip(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 37, 50))
	rng := rand.New(rand.NewPCG(5, 6))
	for y := range 50 {
		for x := range 37 {
			c := color.RGBA{0xf4, 0xf4, 0xf5, 0xff}
			if x > 10 && x < 30 && y > 5 {
				c = color.RGBA{uint8(rng.IntN(256)), uint8(x * 5), uint8(y * 3), 0xff}
			}
			img.SetRGBA(x, y, c)
		}
	}
	for _, rows := range []int{1, 7, 50} {
		var e Encoder
		var pieces []Piece
		for y := 0; y < 50; y += rows {
			pieces = append(pieces, e.Compress(img, y, min(y+rows, 50), y+rows >= 50))
		}
		var buf bytes.Buffer
		if err := Write(&buf, 37, 50, pieces); err != nil {
			t.Fatal(err)
		}
		if buf.Len() != Size(pieces) {
			t.Errorf("pieces of %d rows: %d bytes written, Size says %d", rows, buf.Len(), Size(pieces))
		}
		got, err := png.Decode(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("pieces of %d rows: not a PNG: %v", rows, err)
		}
		for y := range 50 {
			for x := range 37 {
				r, g, b, a := got.At(x, y).RGBA()
				w := img.RGBAAt(x, y)
				if uint8(r>>8) != w.R || uint8(g>>8) != w.G || uint8(b>>8) != w.B || a != 0xffff {
					t.Fatalf("pieces of %d rows: pixel (%d, %d) = %v, want %v", rows, x, y, got.At(x, y), w)
				}
			}
		}
		// The zlib stream's checksum is checked too.
		if _, err := zlibOf(buf.Bytes()); err != nil {
			t.Fatalf("pieces of %d rows: %v", rows, err)
		}
	}
}

// A picture whose stream spans several IDAT chunks is read whole, and
// Size knows its length to the byte.
func TestWriteManyChunks(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 300, 300))
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range img.Pix {
		img.Pix[i] = uint8(rng.IntN(256))
		if i%4 == 3 {
			img.Pix[i] = 0xff
		}
	}
	var e Encoder
	var pieces []Piece
	for y := 0; y < 300; y += 64 {
		pieces = append(pieces, e.Compress(img, y, min(y+64, 300), y+64 >= 300))
	}
	var buf bytes.Buffer
	if err := Write(&buf, 300, 300, pieces); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != Size(pieces) || buf.Len() < 3*idatSize {
		t.Fatalf("%d bytes written, Size says %d; want several chunks' worth", buf.Len(), Size(pieces))
	}
	got, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if c := color.RGBAModel.Convert(got.At(123, 234)).(color.RGBA); c != img.RGBAAt(123, 234) {
		t.Errorf("pixel (123, 234) = %v, want %v", c, img.RGBAAt(123, 234))
	}
}

// zlibOf reads the image data of a PNG written by Write as one zlib
// stream, to its checksum.
func zlibOf(p []byte) ([]byte, error) {
	var idat []byte
	for p = p[8:]; len(p) >= 12; {
		n := int(uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3]))
		if string(p[4:8]) == "IDAT" {
			idat = append(idat, p[8:8+n]...)
		}
		p = p[12+n:]
	}
	r, err := zlib.NewReader(bytes.NewReader(idat))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// appendRGB drops alpha from any number of pixels, and writes nothing
// past what it appends, with the vector code and without.
func TestAppendRGB(t *testing.T) {
	for _, vector := range []bool{true, false} {
		useAVX2 = vector && hasAVX2
		for n := range 70 {
			rgba := make([]byte, 4*n)
			for i := range rgba {
				rgba[i] = byte(i + 1)
			}
			dst := make([]byte, 1, 1+3*n+64)
			spare := dst[1:cap(dst)]
			for i := range spare {
				spare[i] = 0xee
			}
			dst[0] = 9
			got := appendRGB(dst, rgba)
			want := []byte{9}
			for i := range n {
				want = append(want, rgba[4*i:4*i+3]...)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("vector code %v, %d pixels: %v, want %v", vector, n, got, want)
			}
			for i, b := range got[len(got):cap(got)] {
				if b != 0xee {
					t.Fatalf("vector code %v, %d pixels: byte %d past the end written", vector, n, i)
				}
			}
		}
	}
	useAVX2 = hasAVX2
}

// FuzzDeflate: any bytes, cut into rows of any width and pieces of any
// size (64 bytes at least: the sheet's are tens of kilobytes, and a
// block per byte makes the fuzzer crawl), inflate to themselves.
func FuzzDeflate(f *testing.F) {
	f.Add([]byte("aaaaaaaaaaaaaaaaaaaaaaaaabcabcabcabcabc"), uint16(7), uint8(2))
	f.Add(bytes.Repeat([]byte{1, 2, 3}, 400), uint16(31), uint8(3))
	f.Add([]byte{}, uint16(1), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, stride uint16, rows uint8) {
		if len(data) > 1<<16 {
			t.Skip()
		}
		s := max(int(stride), 1)
		piece := max(s*max(int(rows), 1), 64)
		var stream []byte
		var d deflater
		for p := 0; p < len(data) || p == 0; p += piece {
			d.out = d.out[:0]
			d.compress(data[p:min(p+piece, len(data))], s, p+piece >= len(data))
			stream = append(stream, d.out...)
		}
		if got := inflate(t, stream); !bytes.Equal(got, data) {
			t.Fatalf("inflated %d bytes, want %d", len(got), len(data))
		}
	})
}

// checksum agrees with hash/adler32 on every length and on bytes that
// drive the sums highest.
func TestAdler32(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	data := make([]byte, 300_000)
	for i := range data {
		data[i] = byte(rng.IntN(256))
	}
	for _, n := range []int{0, 1, 7, 8, 9, 15, 16, 17, 5552, 65535, 65536, 65537, 200_001, len(data)} {
		if got, want := checksum(data[:n]), adler32Lib(data[:n]); got != want {
			t.Errorf("%d random bytes: %08x, want %08x", n, got, want)
		}
	}
	// Past 1 MB the vector code sums in more than one call.
	ff := bytes.Repeat([]byte{0xff}, 3<<20+5)
	for _, n := range []int{1 << 20, 1<<20 + 32, len(ff)} {
		for _, vector := range []bool{true, false} {
			useAVX2 = vector && hasAVX2
			if got, want := checksum(ff[:n]), adler32Lib(ff[:n]); got != want {
				t.Errorf("vector code %v, %d bytes of 0xff: %08x, want %08x", vector, n, got, want)
			}
		}
	}
	useAVX2 = hasAVX2
}

func adler32Lib(b []byte) uint32 { return adler32.Checksum(b) }

// BenchmarkAdler32 sums a piece's worth of rows (64 rows of a 2008-pixel
// sheet) with checksum, and with hash/adler32 for comparison.
func BenchmarkAdler32(b *testing.B) {
	data := make([]byte, 64*(1+3*2008))
	for i := range data {
		data[i] = byte(i * 7 / 13)
	}
	for name, sum := range map[string]func([]byte) uint32{"checksum": checksum, "hash-adler32": adler32Lib} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				sum(data)
			}
		})
	}
}

// matchLen finds where two runs of bytes part, wherever that is against
// the vector code's 32-byte steps, with the vector code and without.
func TestMatchLen(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	b := make([]byte, 1200)
	for _, vector := range []bool{true, false} {
		useAVX2 = vector && hasAVX2
		for same := range 300 {
			for _, limit := range []int{1, 7, 8, 9, 40, 41, 72, 100, 257, maxMatch} {
				for i := range b {
					b[i] = byte(rnd.Uint32())
				}
				const j, i = 100, 600
				copy(b[i:i+same], b[j:j+same])
				b[i+same] = b[j+same] + 1
				if got, want := matchLen(b, i, j, limit), min(same, limit); got != want {
					t.Fatalf("vector code %v: %d bytes the same, limit %d: matchLen = %d", vector, same, limit, got)
				}
			}
		}
	}
	useAVX2 = hasAVX2
}

// BenchmarkCompress compresses a picture like a contact sheet's rows:
// paper, flat tiles and lines of small text, whose edges the deflater
// writes as literals.
func BenchmarkCompress(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 2008, 512))
	rnd := rand.New(rand.NewPCG(1, 2))
	for y := range 512 {
		for x := range 2008 {
			c := color.RGBA{0xf2, 0xf2, 0xf0, 0xff} // paper
			if tile := x % 400; tile >= 20 && tile < 380 && y%480 >= 10 {
				c = color.RGBA{0xfa, 0xfb, 0xf8, 0xff}
				// Text: lines 14 pixels apart, words of dark and grey pixels.
				if line := y % 20; line < 14 && (x/23)%5 != 4 && tile < 330 && rnd.IntN(10) == 0 {
					v := uint8(rnd.IntN(200))
					c = color.RGBA{v, v + 10, v + 5, 0xff}
				}
			}
			img.SetRGBA(x, y, c)
		}
	}
	b.SetBytes(int64(img.Rect.Dy() * (1 + 3*img.Rect.Dx())))
	var e Encoder
	for b.Loop() {
		for y := 0; y < 512; y += 64 {
			e.Compress(img, y, y+64, y+64 == 512)
		}
	}
}

// The same noise met again further back than the row above or the pixel
// to the left (a letter's edge drawn twice) is taken as a repeat: the
// piece comes to far fewer tokens than it has bytes of noise, and it
// inflates to itself.
func TestDeflateFindsEarlierRepeats(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const stride = 1201
	glyph := make([]byte, 40)
	for i := range glyph {
		glyph[i] = byte(rng.IntN(256))
	}
	b := make([]byte, 8*stride)
	for y := range 8 {
		for _, x := range []int{17, 301, 655, 1020} {
			copy(b[y*stride+x+y*7:], glyph) // each row's copies sit elsewhere
		}
	}
	var d deflater
	d.compress(b, stride, true)
	if got := inflate(t, d.out); !bytes.Equal(got, b) {
		t.Fatal("the piece does not round-trip")
	}
	far := 0
	for _, tk := range d.tokens {
		if dist := int(tk>>9&(maxDist-1)) + 1; tk&matchFlag != 0 && dist != 3 && dist != stride {
			far++
		}
	}
	if far < 8*4-1 {
		t.Errorf("%d repeats taken from further back, want one for each copy of the noise but the first", far)
	}
}

// A piece compresses to the same bytes whatever the deflater compressed
// before it: the workers of a sheet take pieces in no fixed order, and
// the same picture must make the same file. Here the piece before has a
// word where this piece has it too, but where this piece does not look
// for repeats; a deflater that remembered the other piece would find
// this piece's second copy of the word there.
func TestDeflatePieceDependsOnItselfAlone(t *testing.T) {
	const stride = 4000 // no row above within the piece's first row
	word := []byte{11, 22, 33, 44, 55, 66, 77, 88, 99, 111, 122, 133}
	before := make([]byte, stride)
	copy(before[600:], word) // looked for at 600, after a run of zeros
	piece := make([]byte, stride)
	piece[599] = 7 // a literal from 599 on: 600 is not looked for
	copy(piece[600:], word)
	copy(piece[1500:], word)
	var used, fresh deflater
	used.compress(before, stride, false)
	used.out = used.out[:0]
	used.compress(piece, stride, true)
	fresh.compress(piece, stride, true)
	if !bytes.Equal(used.out, fresh.out) {
		t.Error("a piece compressed after another differs from the piece compressed alone")
	}
	if got := inflate(t, fresh.out); !bytes.Equal(got, piece) {
		t.Error("the piece does not round-trip")
	}
}
