package jpegenc

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"testing"
)

// slide is a test canvas like pkpm's: a flat background, a gradient
// band, hard-edged shapes, noisy "photo" pixels and thin text-like
// strokes, so every path of the encoder runs.
func slide(w, h int, seed uint64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(seed, 7))
	for y := range h {
		for x := range w {
			c := color.RGBA{10, 100, 91, 255}
			switch {
			case y < h/4: // gradient
				t := float64(x+y) / float64(w+h)
				c = color.RGBA{uint8(20 + 200*t), uint8(180 - 120*t), 90, 255}
			case y < h/2 && x < w/2: // photo noise
				c = color.RGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255}
			case y%13 < 2 && x%7 < 4: // strokes
				c = color.RGBA{255, 207, 112, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func decode(t testing.TB, data []byte) image.Image {
	t.Helper()
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decoding: %v", err)
	}
	return img
}

// psnr compares two images' RGB in decibels.
func psnr(a, b image.Image) float64 {
	var sum float64
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			for _, d := range [3]float64{float64(r1>>8) - float64(r2>>8), float64(g1>>8) - float64(g2>>8), float64(b1>>8) - float64(b2>>8)} {
				sum += d * d
			}
		}
	}
	mse := sum / float64(3*r.Dx()*r.Dy())
	if mse == 0 {
		return math.Inf(1)
	}
	return 10 * math.Log10(255*255/mse)
}

// The output is a baseline 4:2:0 JPEG any decoder reads, as close to
// the source as image/jpeg's own output at the same quality.
func TestMatchesStandardEncoder(t *testing.T) {
	for _, size := range []image.Point{{1, 1}, {8, 8}, {17, 9}, {16, 33}, {250, 170}} {
		src := slide(size.X, size.Y, uint64(size.X))
		for _, q := range []int{50, 80, 92, 100} {
			ours := decode(t, Encode(nil, src, q))
			if ours.Bounds() != src.Bounds() {
				t.Fatalf("%v q%d: decoded bounds %v", size, q, ours.Bounds())
			}
			if y, ok := ours.(*image.YCbCr); !ok || (size.X > 1 && y.SubsampleRatio != image.YCbCrSubsampleRatio420) {
				t.Errorf("%v q%d: decoded as %T, want 4:2:0 YCbCr", size, q, ours)
			}
			var buf bytes.Buffer
			if err := jpeg.Encode(&buf, src, &jpeg.Options{Quality: q}); err != nil {
				t.Fatal(err)
			}
			std := decode(t, buf.Bytes())
			po, ps := psnr(src, ours), psnr(src, std)
			t.Logf("%v q%d: ours %.2f std %.2f cross %.2f", size, q, po, ps, psnr(ours, std))
			if po < ps-0.3 {
				t.Errorf("%v q%d: %.2f dB from the source, image/jpeg %.2f dB", size, q, po, ps)
			}
			if p := psnr(ours, std); p < 40 {
				t.Errorf("%v q%d: %.2f dB from image/jpeg's result", size, q, p)
			}
		}
	}
}

// The flat-MCU and flat-block paths write exactly what the full
// transform writes.
func TestShortcutsChangeNothing(t *testing.T) {
	sameWithout(t, &shortcuts, "the shortcuts")
}

// sameWithout encodes the test pictures with path on and off and fails
// if the bytes differ.
func sameWithout(t *testing.T, path *bool, what string) {
	t.Helper()
	for _, src := range slides() {
		fast := Encode(nil, src, 92)
		*path = false
		slow := Encode(nil, src, 92)
		*path = true
		if !bytes.Equal(fast, slow) {
			t.Errorf("%v: %s change the output (%d against %d bytes)", src.Rect, what, len(fast), len(slow))
		}
	}
}

// slides are the pictures the tests that compare two paths encode.
func slides() []*image.RGBA {
	return []*image.RGBA{slide(250, 170, 1), slide(33, 47, 2), flatImage(40, 40)}
}

func flatImage(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = 255, 255, 255, 255 // 0xff bytes everywhere
	}
	return img
}

func TestDeterministicAndAppends(t *testing.T) {
	src := slide(120, 90, 3)
	a := Encode(nil, src, 92)
	b := Encode([]byte("prefix"), src, 92)
	if !bytes.Equal(a, b[len("prefix"):]) || string(b[:6]) != "prefix" {
		t.Fatal("encoding twice gives other bytes, or the prefix is lost")
	}
	if a[0] != 0xff || a[1] != 0xd8 || !bytes.Contains(a, []byte{0xff, 0xc0}) || bytes.Contains(a, []byte{0xff, 0xc2}) {
		t.Error("not a baseline JPEG: want SOI and SOF0, no SOF2")
	}
	if a[len(a)-2] != 0xff || a[len(a)-1] != 0xd9 {
		t.Error("no EOI at the end")
	}
}

// A picture given in bands, each in a buffer of its own, is the picture
// encoded whole, byte for byte: DC prediction and the bit stream carry
// from one band into the next.
func TestStreamIsEncode(t *testing.T) {
	for _, src := range []*image.RGBA{slide(250, 170, 5), slide(33, 47, 6), slide(1080, 64, 7)} {
		want := Encode(nil, src, 90)
		for _, rows := range []int{16, 48, 160} {
			var s Stream
			s.Start([]byte("x"), src.Rect.Dx(), src.Rect.Dy(), 90)
			for top := 0; top < src.Rect.Dy(); top += rows {
				// A buffer of rows rows, as a drawing worker keeps, of which
				// the last band fills only the top.
				band := image.NewRGBA(image.Rect(0, 0, src.Rect.Dx(), rows))
				draw.Draw(band, band.Rect, src, image.Pt(0, top), draw.Src)
				s.Rows(band)
			}
			if got := s.Finish(); !bytes.Equal(got[1:], want) || got[0] != 'x' {
				t.Errorf("%v in bands of %d rows: %d bytes, want the %d of Encode", src.Rect, rows, len(got)-1, len(want))
			}
		}
	}
}

// A band that stops inside an MCU row, other than the last, cannot be
// coded: the stream refuses it rather than write a broken picture.
func TestStreamRefusesAPartialMCURow(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a 10-row band in the middle of a 40-row picture was taken")
		}
	}()
	var s Stream
	s.Start(nil, 8, 40, 90)
	s.Rows(image.NewRGBA(image.Rect(0, 0, 8, 10)))
}

// An image whose origin is not (0, 0), such as a sub-image, encodes its
// own pixels.
func TestSubImage(t *testing.T) {
	src := slide(64, 64, 4)
	sub := src.SubImage(image.Rect(16, 8, 56, 40)).(*image.RGBA)
	got := decode(t, Encode(nil, sub, 95))
	if got.Bounds().Dx() != 40 || got.Bounds().Dy() != 32 {
		t.Fatalf("bounds %v", got.Bounds())
	}
	c := color.RGBAModel.Convert(got.At(30, 20)).(color.RGBA) // source (46, 28)
	w := src.RGBAAt(46, 28)
	if d := int(c.R) - int(w.R); d > 24 || d < -24 {
		t.Errorf("pixel (30,20) = %v, want about %v", c, w)
	}
}

// The integer transform stays within one unit of the exact DCT (scaled
// by 8, as quantisation expects).
func TestDCTAgainstDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 500 {
		var b [64]int32
		for i := range b {
			switch n % 3 {
			case 0:
				b[i] = int32(rng.IntN(256) - 128)
			case 1: // extremes, the worst case for overflow
				b[i] = []int32{-128, 127}[(i/8+i)%2]
			default:
				b[i] = []int32{-128, 127}[rng.IntN(2)]
			}
		}
		want := exactDCT(&b)
		fdct(&b)
		for i := range b {
			if d := float64(b[i]) - want[i]; math.Abs(d) > 1.5 {
				t.Fatalf("block %d coefficient %d: %d, want %.2f", n, i, b[i], want[i])
			}
		}
	}
}

func exactDCT(b *[64]int32) (out [64]float64) {
	for v := range 8 {
		for u := range 8 {
			var s float64
			for y := range 8 {
				for x := range 8 {
					s += float64(b[y*8+x]) * math.Cos(float64(2*x+1)*float64(u)*math.Pi/16) * math.Cos(float64(2*y+1)*float64(v)*math.Pi/16)
				}
			}
			cu, cv := 1.0, 1.0
			if u == 0 {
				cu = 1 / math.Sqrt2
			}
			if v == 0 {
				cv = 1 / math.Sqrt2
			}
			out[v*8+u] = 8 * s * cu * cv / 4
		}
	}
	return out
}

// Any picture given in bands of any whole number of MCU rows is encoded
// as it is whole.
func FuzzStream(f *testing.F) {
	f.Add(uint16(40), uint16(70), uint8(1), []byte{9, 200, 3})
	f.Fuzz(func(t *testing.T, w, h uint16, mcus uint8, seed []byte) {
		w, h = w%200+1, h%200+1
		rows := 16 * (int(mcus)%8 + 1)
		img := image.NewRGBA(image.Rect(0, 0, int(w), int(h)))
		for i := range img.Pix {
			if len(seed) > 0 {
				img.Pix[i] = seed[i%len(seed)] * byte(i/len(seed)+1)
			}
		}
		var s Stream
		s.Start(nil, int(w), int(h), 90)
		band := image.NewRGBA(image.Rect(0, 0, int(w), rows))
		for top := 0; top < int(h); top += rows {
			draw.Draw(band, band.Rect, img, image.Pt(0, top), draw.Src)
			s.Rows(band)
		}
		if !bytes.Equal(s.Finish(), Encode(nil, img, 90)) {
			t.Fatalf("%dx%d in bands of %d rows: not the bytes of the picture encoded whole", w, h, rows)
		}
	})
}

func FuzzEncode(f *testing.F) {
	f.Add(uint16(1), uint16(1), uint8(92), []byte{1, 2, 3})
	f.Add(uint16(33), uint16(17), uint8(1), []byte{255, 255, 255, 0})
	f.Fuzz(func(t *testing.T, w, h uint16, q uint8, seed []byte) {
		w, h = w%300+1, h%300+1
		img := image.NewRGBA(image.Rect(0, 0, int(w), int(h)))
		for i := range img.Pix {
			if len(seed) > 0 {
				img.Pix[i] = seed[i%len(seed)] + byte(i/len(seed))
			}
		}
		got := decode(t, Encode(nil, img, int(q)))
		if got.Bounds() != img.Rect {
			t.Fatalf("bounds %v, want %v", got.Bounds(), img.Rect)
		}
	})
}

func BenchmarkEncode(b *testing.B) {
	src := slide(1080, 1350, 5)
	var buf []byte
	for b.Loop() {
		buf = Encode(buf[:0], src, 92)
	}
	b.SetBytes(int64(len(src.Pix)))
}

func BenchmarkStandardEncoder(b *testing.B) {
	src := slide(1080, 1350, 5)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := jpeg.Encode(&buf, src, &jpeg.Options{Quality: 92}); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(len(src.Pix)))
}
