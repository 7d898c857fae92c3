package render

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"testing"

	xdraw "golang.org/x/image/draw"
)

// thumbSource is an encoded slide: a red left half, a blue right half
// and a grey band of text-like stripes.
func thumbSource(t testing.TB) ([]byte, *image.RGBA) {
	img := image.NewRGBA(image.Rect(0, 0, 1080, 1350))
	for y := range 1350 {
		for x := range 1080 {
			c := color.RGBA{200, 30, 40, 255}
			if x >= 540 {
				c = color.RGBA{20, 60, 200, 255}
			}
			if y > 600 && y < 700 && x%9 < 3 {
				c = color.RGBA{240, 240, 240, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), img
}

// A thumbnail has the asked width, the slide's proportions and its
// colours, and looks like a Catmull-Rom reduction of the slide.
func TestThumbnail(t *testing.T) {
	data, src := thumbSource(t)
	th, err := Thumbnail(data, 240)
	if err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(th))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 240 || b.Dy() != 300 {
		t.Fatalf("thumbnail is %v, want 240×300", b)
	}
	near := func(c color.Color, want color.RGBA) bool {
		r, g, b, _ := c.RGBA()
		return math.Abs(float64(r>>8)-float64(want.R)) < 12 && math.Abs(float64(g>>8)-float64(want.G)) < 12 && math.Abs(float64(b>>8)-float64(want.B)) < 12
	}
	if c := img.At(60, 60); !near(c, color.RGBA{200, 30, 40, 255}) {
		t.Errorf("left = %v, want red", c)
	}
	if c := img.At(180, 250); !near(c, color.RGBA{20, 60, 200, 255}) {
		t.Errorf("right = %v, want blue", c)
	}
	ref := image.NewRGBA(image.Rect(0, 0, 240, 300))
	xdraw.CatmullRom.Scale(ref, ref.Rect, src, src.Rect, xdraw.Src, nil)
	var sum float64
	for y := range 300 {
		for x := range 240 {
			r1, g1, b1, _ := img.At(x, y).RGBA()
			c := ref.RGBAAt(x, y)
			for _, d := range []float64{float64(r1>>8) - float64(c.R), float64(g1>>8) - float64(c.G), float64(b1>>8) - float64(c.B)} {
				sum += d * d
			}
		}
	}
	if psnr := 10 * math.Log10(255*255/(sum/(3*240*300))); psnr < 28 {
		t.Errorf("thumbnail is %.1f dB from a Catmull-Rom reduction, want at least 28", psnr)
	}
}

func BenchmarkThumbnail(b *testing.B) {
	data, _ := thumbSource(b)
	for b.Loop() {
		if _, err := Thumbnail(data, 240); err != nil {
			b.Fatal(err)
		}
	}
}
