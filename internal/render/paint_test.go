package render

import (
	"image"
	"image/color"
	"testing"

	"github.com/fogleman/gg"

	"github.com/pkpm-btn3/pkpm/internal/deck"
)

// gradientPaints are the gradients slides use: the cover's linear one at
// a slant, a fade at 90°, a radial one, and translucent ones.
var gradientPaints = map[string]deck.Paint{
	"linear 115":      {From: color.RGBA{0x0A, 0x64, 0x5B, 255}, To: color.RGBA{0x06, 0x3F, 0x3A, 255}, Gradient: true, Angle: 115},
	"linear 0":        {From: color.RGBA{0, 0, 0, 255}, To: color.RGBA{255, 255, 255, 255}, Gradient: true},
	"linear 250":      {From: color.RGBA{200, 30, 40, 255}, To: color.RGBA{10, 220, 90, 255}, Gradient: true, Angle: 250},
	"fade 90":         {To: color.RGBA{0x06, 0x3F, 0x3A, 0xC0}, Gradient: true, Angle: 90},
	"radial":          {From: color.RGBA{255, 240, 0, 255}, To: color.RGBA{0, 20, 120, 255}, Gradient: true, Radial: true, CX: 0.5, CY: 0.5, R: 0.75},
	"radial see-thru": {From: color.RGBA{0, 0, 0, 0x80}, To: color.RGBA{}, Gradient: true, Radial: true, CX: 0.3, CY: 0.6, R: 0.5},
}

// Every pixel a gradient fills has the colour deck.GradientAt gives its
// centre (the geometry check and contrast measure), from the table of
// 1025 steps, give or take one step for rounding; translucent paints are
// blended over what is there.
func TestFillGradientFollowsGradientAt(t *testing.T) {
	const w, h = 216, 270
	under := color.RGBA{0xF5, 0xF8, 0xF7, 255}
	for name, p := range gradientPaints {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for i := 0; i < len(img.Pix); i += 4 {
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = under.R, under.G, under.B, under.A
		}
		f := &frame{img: img, k: 0.2}
		// The box sits partly off the canvas, as a decoration may.
		x, y, bw, bh := -40.0, 100.0, 1100.0, 1200.0
		f.fillGradient(f.pixels(x, y, bw, bh), p, x, y, bw, bh)
		lut := gradientTable(p)
		r := f.pixels(x, y, bw, bh)
		for py := 0; py < h; py++ {
			for px := 0; px < w; px++ {
				got := img.RGBAAt(px, py)
				if !(image.Point{px, py}).In(r) {
					if got != under {
						t.Fatalf("%s: pixel (%d,%d) outside the box is %v", name, px, py, got)
					}
					continue
				}
				tt := deck.GradientAt(p, -8, 20, 220, 240, float64(px), float64(py))
				i := int(tt*gradientSteps + 0.5)
				ok := false
				for _, j := range []int{i - 1, i, i + 1} {
					if j < 0 || j > gradientSteps {
						continue
					}
					c := lut[j]
					want := color.RGBA{c[0], c[1], c[2], c[3]}
					if c[3] != 255 {
						px := []uint8{under.R, under.G, under.B, under.A}
						blend(px, c)
						want = color.RGBA{px[0], px[1], px[2], px[3]}
					}
					ok = ok || got == want
				}
				if !ok {
					t.Fatalf("%s: pixel (%d,%d) is %v, want about step %d of the table, %v", name, px, py, got, i, lut[i])
				}
			}
		}
	}
}

// BenchmarkFillGradient fills a whole slide with the cover's gradient.
func BenchmarkFillGradient(b *testing.B) {
	for _, name := range []string{"linear 115", "fade 90", "radial"} {
		b.Run(name, func(b *testing.B) {
			img := image.NewRGBA(image.Rect(0, 0, 1080, 1350))
			f := &frame{img: img, k: 1}
			p := gradientPaints[name]
			for b.Loop() {
				f.fillGradient(img.Rect, p, 0, 0, 1080, 1350)
			}
		})
	}
}

// BenchmarkEllipse fills the cover's larger circle, translucent, on a
// whole slide.
func BenchmarkEllipse(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 1080, 1350))
	f := newFrame(gg.NewContextForRGBA(img), img, 1, 0, 0)
	p := deck.Solid(color.RGBA{0x2E, 0x2E, 0x0C, 0x2E}) // premultiplied, 18 %
	for b.Loop() {
		f.ellipse(p, 590, -243, 670, 670, 0)
	}
}
