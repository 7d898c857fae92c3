package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"os"
	"testing"
)

// The quadrant image: red top left, teal top right, navy bottom left,
// orange bottom right.
var (
	red    = color.RGBA{0xE6, 0x39, 0x46, 255}
	teal   = color.RGBA{0x2A, 0x9D, 0x8F, 255}
	navy   = color.RGBA{0x1D, 0x35, 0x57, 255}
	orange = color.RGBA{0xF4, 0xA2, 0x61, 255}
)

func quadrants(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := [2][2]color.RGBA{{red, teal}, {navy, orange}}[y*2/h][x*2/w]
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func near(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) int {
		if x > y {
			return int(x - y)
		}
		return int(y - x)
	}
	return d(a.R, b.R) <= tol && d(a.G, b.G) <= tol && d(a.B, b.B) <= tol
}

// corners returns the colours near the four corners, clockwise from the
// top left.
func corners(img *image.RGBA) [4]color.RGBA {
	b := img.Bounds()
	in := 3
	return [4]color.RGBA{
		img.RGBAAt(in, in), img.RGBAAt(b.Dx()-1-in, in),
		img.RGBAAt(b.Dx()-1-in, b.Dy()-1-in), img.RGBAAt(in, b.Dy()-1-in),
	}
}

func TestDecodeWebP(t *testing.T) {
	for _, f := range []string{"testdata/quadrants.webp", "testdata/quadrants-lossy.webp"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		img, info, err := Decode(data, 0)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if info.Format != "webp" || img.Bounds().Dx() != 48 || img.Bounds().Dy() != 32 {
			t.Fatalf("%s: %s %v", f, info.Format, img.Bounds())
		}
		want := [4]color.RGBA{red, teal, orange, navy}
		for i, c := range corners(img) {
			if !near(c, want[i], 24) { // lossy, on a tiny image
				t.Errorf("%s corner %d = %v, want %v", f, i, c, want[i])
			}
		}
	}
}

// exifBlock is a little- or big-endian TIFF block holding one tag: the
// orientation.
func exifBlock(o int, big bool) []byte {
	var bo binary.AppendByteOrder = binary.LittleEndian
	b := []byte("II*\x00")
	if big {
		bo, b = binary.BigEndian, []byte("MM\x00*")
	}
	b = bo.AppendUint32(b, 8)
	b = bo.AppendUint16(b, 2) // two entries: a decoy, then the orientation
	b = bo.AppendUint16(b, 0x010F)
	b = bo.AppendUint16(b, 2)
	b = bo.AppendUint32(b, 4)
	b = append(b, 'S', 'o', 'n', 'y')
	b = bo.AppendUint16(b, 0x0112)
	b = bo.AppendUint16(b, 3)
	b = bo.AppendUint32(b, 1)
	b = bo.AppendUint16(b, uint16(o))
	b = bo.AppendUint16(b, 0)
	return bo.AppendUint32(b, 0)
}

// withJPEGSegment inserts a marker segment right after SOI.
func withJPEGSegment(jpg []byte, marker byte, payload []byte) []byte {
	seg := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}

func encodeJPEG(t *testing.T, img image.Image) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A phone stores a portrait photo sideways with an orientation tag; every
// one of the eight orientations must come out the right way up.
func TestEXIFOrientationJPEG(t *testing.T) {
	stored := quadrants(64, 32)
	// What the viewer must see for each orientation, clockwise from the
	// top-left corner, and the shape.
	want := map[int]struct {
		corners [4]color.RGBA
		w, h    int
	}{
		1: {[4]color.RGBA{red, teal, orange, navy}, 64, 32},
		2: {[4]color.RGBA{teal, red, navy, orange}, 64, 32},
		3: {[4]color.RGBA{orange, navy, red, teal}, 64, 32},
		4: {[4]color.RGBA{navy, orange, teal, red}, 64, 32},
		5: {[4]color.RGBA{red, navy, orange, teal}, 32, 64},
		6: {[4]color.RGBA{navy, red, teal, orange}, 32, 64},
		7: {[4]color.RGBA{orange, teal, red, navy}, 32, 64},
		8: {[4]color.RGBA{teal, orange, navy, red}, 32, 64},
	}
	for o := 1; o <= 8; o++ {
		data := withJPEGSegment(encodeJPEG(t, stored), 0xE1, append([]byte("Exif\x00\x00"), exifBlock(o, o%2 == 0)...))
		img, info, err := Decode(data, 0)
		if err != nil {
			t.Fatal(err)
		}
		w := want[o]
		if info.Orientation != o || img.Bounds().Dx() != w.w || img.Bounds().Dy() != w.h {
			t.Errorf("orientation %d: read %d, size %v, want %d×%d", o, info.Orientation, img.Bounds().Size(), w.w, w.h)
			continue
		}
		for i, c := range corners(img) {
			if !near(c, w.corners[i], 20) {
				t.Errorf("orientation %d corner %d = %v, want %v", o, i, c, w.corners[i])
			}
		}
	}
}

func TestEXIFOrientationWebPAndPNG(t *testing.T) {
	lossless, err := os.ReadFile("testdata/quadrants.webp")
	if err != nil {
		t.Fatal(err)
	}
	// Wrap the VP8L chunk in an extended file with an EXIF chunk.
	vp8l := lossless[12:]
	vp8x := make([]byte, 10)
	vp8x[0] = 0x08 // EXIF present
	put24 := func(b []byte, v int) { b[0], b[1], b[2] = byte(v), byte(v>>8), byte(v>>16) }
	put24(vp8x[4:], 48-1)
	put24(vp8x[7:], 32-1)
	body := append([]byte("WEBP"), riffChunk("VP8X", vp8x)...)
	body = append(body, vp8l...)
	body = append(body, riffChunk("EXIF", exifBlock(6, false))...)
	webp := append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body)))...)
	webp = append(webp, body...)

	var pngBuf bytes.Buffer
	if err := png.Encode(&pngBuf, quadrants(48, 32)); err != nil {
		t.Fatal(err)
	}
	p := pngBuf.Bytes()
	// eXIf goes before the image data: after the 8-byte signature and IHDR.
	ihdrEnd := 8 + 8 + 13 + 4
	withExif := append(append(append([]byte{}, p[:ihdrEnd]...), pngChunk("eXIf", exifBlock(6, true))...), p[ihdrEnd:]...)

	for name, data := range map[string][]byte{"webp": webp, "png": withExif} {
		img, info, err := Decode(data, 0)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if info.Orientation != 6 || img.Bounds().Dx() != 32 || img.Bounds().Dy() != 48 {
			t.Fatalf("%s: orientation %d, size %v", name, info.Orientation, img.Bounds().Size())
		}
		if c := corners(img)[0]; !near(c, navy, 12) {
			t.Errorf("%s: top-left after turning = %v, want navy", name, c)
		}
	}
}

func riffChunk(typ string, data []byte) []byte {
	b := append([]byte(typ), binary.LittleEndian.AppendUint32(nil, uint32(len(data)))...)
	b = append(b, data...)
	if len(data)%2 == 1 {
		b = append(b, 0)
	}
	return b
}

func pngChunk(typ string, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	b = append(b, typ...)
	b = append(b, data...)
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	return binary.BigEndian.AppendUint32(b, crc.Sum32())
}

// A PNG whose header claims 30000×30000 pixels (with no pixel data to
// speak of) is refused from its header; nothing is allocated.
func TestRefusesOversizedByDeclaredSize(t *testing.T) {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 30000)
	binary.BigEndian.PutUint32(ihdr[4:], 30000)
	ihdr[8], ihdr[9] = 8, 2
	data := append([]byte("\x89PNG\r\n\x1a\n"), pngChunk("IHDR", ihdr)...)
	data = append(data, pngChunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	data = append(data, pngChunk("IEND", nil)...)
	_, _, err := Decode(data, 0)
	var big *TooLargeError
	if !errors.As(err, &big) || big.Width != 30000 || big.Height != 30000 {
		t.Fatalf("err = %v, want a TooLargeError for 30000×30000", err)
	}
	if (&TooLargeError{10000, 5001}).Error() != "10000×5001 pixels is over the 50-megapixel limit" {
		t.Error("message changed")
	}
}

func TestRefusesOtherFormatsAndDamage(t *testing.T) {
	if _, _, err := Decode([]byte("GIF89a\x01\x00\x01\x00"), 0); !errors.Is(err, ErrFormat) {
		t.Errorf("gif: %v", err)
	}
	jpg := encodeJPEG(t, quadrants(256, 256))
	_, _, err := Decode(jpg[:len(jpg)*3/4], 0) // headers whole, image data cut
	var dmg *DamagedError
	if !errors.As(err, &dmg) {
		t.Errorf("truncated jpeg: %v", err)
	}
}

// A large photo is scaled down once, keeping its shape and colours.
func TestShrinkKeepsShapeAndColour(t *testing.T) {
	img, _, err := Decode(encodeJPEG(t, quadrants(2800, 2100)), WorkingSide)
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got != image.Pt(1800, 1350) {
		t.Errorf("size %v, want 1800×1350", got)
	}
	want := [4]color.RGBA{red, teal, orange, navy}
	for i, c := range corners(img) {
		if !near(c, want[i], 6) {
			t.Errorf("corner %d = %v, want %v", i, c, want[i])
		}
	}
	// Small photos are left alone.
	small, _, _ := Decode(encodeJPEG(t, quadrants(1600, 1200)), WorkingSide)
	if small.Bounds().Dx() != 1600 {
		t.Errorf("a 1600×1200 photo was resized to %v", small.Bounds().Size())
	}
}

// iccProfile builds a minimal matrix/TRC profile with the given colorants
// (columns red, green, blue) and sRGB's tone curve.
func iccProfile(col [3][3]float64) []byte {
	fixed := func(v float64) []byte { return binary.BigEndian.AppendUint32(nil, uint32(int32(v*65536))) }
	xyz := func(c [3]float64) []byte {
		b := append([]byte("XYZ "), 0, 0, 0, 0)
		for _, v := range c {
			b = append(b, fixed(v)...)
		}
		return b
	}
	para := append([]byte("para"), 0, 0, 0, 0, 0, 3, 0, 0)
	for _, v := range []float64{2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045} {
		para = append(para, fixed(v)...)
	}
	tags := []struct {
		sig  string
		data []byte
	}{{"rXYZ", xyz(col[0])}, {"gXYZ", xyz(col[1])}, {"bXYZ", xyz(col[2])}, {"rTRC", para}, {"gTRC", para}, {"bTRC", para}}
	head := make([]byte, 128)
	copy(head[16:], "RGB XYZ ")
	copy(head[36:], "acsp")
	table := binary.BigEndian.AppendUint32(nil, uint32(len(tags)))
	off := 128 + 4 + 12*len(tags)
	var data []byte
	for _, tg := range tags {
		table = append(table, tg.sig...)
		table = binary.BigEndian.AppendUint32(table, uint32(off+len(data)))
		table = binary.BigEndian.AppendUint32(table, uint32(len(tg.data)))
		data = append(data, tg.data...)
		for len(data)%4 != 0 {
			data = append(data, 0)
		}
	}
	p := append(append(head, table...), data...)
	binary.BigEndian.PutUint32(p, uint32(len(p)))
	return p
}

// Pixels in another RGB space are converted to sRGB. A profile whose red
// and blue primaries are swapped makes the conversion unmistakable; an
// sRGB profile changes nothing.
func TestICCProfileConvertedToSRGB(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 16, 16))
	for i := 0; i < len(img.Pix); i += 4 {
		copy(img.Pix[i:], []uint8{230, 20, 20, 255})
	}
	base := encodeJPEG(t, img)
	swapped := iccProfile([3][3]float64{srgbColorants[2], srgbColorants[1], srgbColorants[0]})
	data := withJPEGSegment(base, 0xE2, append([]byte("ICC_PROFILE\x00\x01\x01"), swapped...))
	got, info, err := Decode(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	if c := got.RGBAAt(8, 8); info.Profile == "" || c.B < 200 || c.R > 40 {
		t.Errorf("swapped profile: %v (%q), want blue", c, info.Profile)
	}
	same := withJPEGSegment(base, 0xE2, append([]byte("ICC_PROFILE\x00\x01\x01"), iccProfile(srgbColorants)...))
	got, info, _ = Decode(same, 0)
	if c := got.RGBAAt(8, 8); info.Profile != "" || c.R < 200 {
		t.Errorf("sRGB profile: %v (%q), want it untouched", c, info.Profile)
	}
}

// A PNG with transparency decodes to the bytes image/draw gives when it
// draws the decoded NRGBA onto a new RGBA, for every colour value at
// every alpha.
func TestDecodePremultipliesAsDraw(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 256, 256))
	for a := range 256 {
		for v := range 256 {
			src.SetNRGBA(v, a, color.NRGBA{uint8(v), uint8(255 - v), uint8(v * 7), uint8(a)})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, src); err != nil {
		t.Fatal(err)
	}
	got, _, err := Decode(buf.Bytes(), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := image.NewRGBA(src.Rect)
	draw.Draw(want, want.Rect, src, image.Point{}, draw.Src)
	if !bytes.Equal(got.Pix, want.Pix) || got.Rect != want.Rect {
		t.Fatal("the decoded pixels are not image/draw's")
	}
}

// BenchmarkDecodeLogo decodes a 512-pixel logo with transparency, as a
// build and a contact sheet do.
func BenchmarkDecodeLogo(b *testing.B) {
	src := image.NewNRGBA(image.Rect(0, 0, 512, 512))
	for y := range 512 {
		for x := range 512 {
			// A disc with a soft edge on a clear ground, a mark in it.
			d := (x-256)*(x-256) + (y-256)*(y-256)
			a := uint8(max(0, min(255, (200*200-d)/64)))
			src.SetNRGBA(x, y, color.NRGBA{0x0d, uint8(0x5c + x%3), 0x4b, a})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, src); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := Decode(buf.Bytes(), 400); err != nil {
			b.Fatal(err)
		}
	}
}
