package render

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// worstContrast reads the samples RGBAAt reads, those off the canvas
// included, and finds the contrast a plain loop over them finds.
func TestWorstContrastIsEverySample(t *testing.T) {
	rnd := rand.New(rand.NewPCG(11, 12))
	for n := range 300 {
		back := image.NewRGBA(image.Rect(0, 0, 60, 30))
		for i := range back.Pix {
			if rnd.IntN(4) == 0 { // runs of one colour, as backdrops have
				back.Pix[i] = uint8(rnd.IntN(256))
			} else if i >= 4 {
				back.Pix[i] = back.Pix[i-4]
			}
		}
		top := rnd.IntN(40)
		box := image.Rect(rnd.IntN(80)-10, top+rnd.IntN(40)-10, 0, 0)
		box.Max = box.Min.Add(image.Pt(1+rnd.IntN(70), 1+rnd.IntN(40)))
		c := color.RGBA{uint8(rnd.IntN(256)), uint8(rnd.IntN(256)), uint8(rnd.IntN(256)), 255}
		got := worstContrast(back, top, box, c)
		want := everySample(back, top, box, c)
		if got != want && !(math.IsInf(got, 1) && math.IsInf(want, 1)) {
			t.Fatalf("case %d: box %v over rows from %d: contrast %v, want %v", n, box, top, got, want)
		}
	}
}

// everySample is worstContrast as a plain loop over RGBAAt.
func everySample(back *image.RGBA, top int, box image.Rectangle, c color.RGBA) float64 {
	const step = 4
	worst := math.Inf(1)
	y0 := box.Min.Y
	if y0 < top {
		y0 += (top - y0 + step - 1) / step * step
	}
	for y := y0; y < min(box.Max.Y, top+back.Rect.Dy()); y += step {
		for x := box.Min.X; x < box.Max.X; x += step {
			bg := back.RGBAAt(x, y-top)
			worst = math.Min(worst, theme.Contrast(over(c, bg), bg))
		}
	}
	return worst
}
