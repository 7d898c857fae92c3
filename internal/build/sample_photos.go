package build

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// The sample deck's photos are painted here rather than shipped: two
// scenes of a housing estate in flat colour, with the bright skies and
// busy mid-tones that test a template's veils the way real photos do.

// canvas is a small painter over an RGBA image.
type canvas struct{ img *image.RGBA }

func newCanvas(w, h int) *canvas { return &canvas{image.NewRGBA(image.Rect(0, 0, w, h))} }

func rgb(hex uint32) color.RGBA {
	return color.RGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 255}
}

func alpha(c color.RGBA, a float64) color.RGBA {
	return color.RGBA{uint8(float64(c.R) * a), uint8(float64(c.G) * a), uint8(float64(c.B) * a), uint8(255 * a)}
}

// vgradient fills rows y0..y1 from one colour to another.
func (c *canvas) vgradient(y0, y1 int, from, to color.RGBA) {
	for y := y0; y < y1; y++ {
		t := float64(y-y0) / float64(max(1, y1-y0-1))
		l := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*t) }
		col := color.RGBA{l(from.R, to.R), l(from.G, to.G), l(from.B, to.B), 255}
		draw.Draw(c.img, image.Rect(0, y, c.img.Bounds().Dx(), y+1), image.NewUniform(col), image.Point{}, draw.Src)
	}
}

// poly fills a polygon given as x, y pairs, rasterising only its box.
func (c *canvas) poly(col color.RGBA, pts ...float64) {
	x0, y0, x1, y1 := pts[0], pts[1], pts[0], pts[1]
	for i := 0; i+1 < len(pts); i += 2 {
		x0, x1 = math.Min(x0, pts[i]), math.Max(x1, pts[i])
		y0, y1 = math.Min(y0, pts[i+1]), math.Max(y1, pts[i+1])
	}
	r := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1)))
	r = r.Intersect(c.img.Bounds())
	if r.Empty() {
		return
	}
	var z vector.Rasterizer
	z.Reset(r.Dx(), r.Dy())
	at := func(i int) (float32, float32) {
		return float32(pts[i] - float64(r.Min.X)), float32(pts[i+1] - float64(r.Min.Y))
	}
	z.MoveTo(at(0))
	for i := 2; i+1 < len(pts); i += 2 {
		z.LineTo(at(i))
	}
	z.ClosePath()
	z.DrawOp = draw.Over
	z.Draw(c.img, r, image.NewUniform(col), image.Point{})
}

func (c *canvas) rect(col color.RGBA, x, y, w, h float64) {
	c.poly(col, x, y, x+w, y, x+w, y+h, x, y+h)
}

func (c *canvas) circle(col color.RGBA, cx, cy, r float64) {
	const n = 48
	pts := make([]float64, 0, 2*n)
	for i := range n {
		a := 2 * math.Pi * float64(i) / n
		pts = append(pts, cx+r*math.Cos(a), cy+r*math.Sin(a))
	}
	c.poly(col, pts...)
}

// person draws a standing figure with its feet at (x, y).
func (c *canvas) person(x, y, h float64, shirt, skin, hair color.RGBA) {
	head := h * 0.13
	c.rect(rgb(0x3B3B4F), x-h*0.09, y-h*0.45, h*0.075, h*0.45)
	c.rect(rgb(0x3B3B4F), x+h*0.015, y-h*0.45, h*0.075, h*0.45)
	c.poly(shirt, x-h*0.15, y-h*0.43, x+h*0.15, y-h*0.43, x+h*0.13, y-h*0.78, x-h*0.13, y-h*0.78)
	c.circle(skin, x, y-h*0.78-head*0.95, head)
	c.poly(hair, x-head, y-h*0.78-head, x+head, y-h*0.78-head, x+head*0.9, y-h*0.78-head*2, x-head*0.9, y-h*0.78-head*2)
}

// house draws a house whose wall's bottom-left corner is at (x, y).
func (c *canvas) house(x, y, w, h float64, wall, roof color.RGBA) {
	c.rect(wall, x, y-h, w, h)
	c.poly(roof, x-w*0.08, y-h, x+w*1.08, y-h, x+w/2, y-h-w*0.42)
	c.rect(rgb(0x40515F), x+w*0.14, y-h*0.72, w*0.26, h*0.28)
	c.rect(rgb(0x6B4F3A), x+w*0.58, y-h*0.62, w*0.24, h*0.62)
}

// samplePhotoEstate is a street of the estate in the morning: a pale sky,
// houses, trees, and neighbours at a hand-washing station.
func samplePhotoEstate() *image.RGBA {
	c := newCanvas(1800, 1238)
	c.vgradient(0, 640, rgb(0x8EC5E8), rgb(0xF8ECD2))
	c.circle(alpha(rgb(0xFFF4CC), 0.5), 1230, 250, 170)
	c.circle(rgb(0xFFF1B8), 1230, 250, 95)
	c.poly(rgb(0x9CC3A0), 0, 600, 260, 520, 520, 575, 820, 500, 1120, 560, 1400, 505, 1600, 550, 1600, 700, 0, 700)
	walls := []uint32{0xF2C57C, 0xE4836B, 0x9CC9B7, 0xF7F1E3, 0xD9A5B3, 0xA7C4E5, 0xF2C57C}
	roofs := []uint32{0x8C3B2E, 0x5B4B49, 0x8C3B2E, 0x6A4C93, 0x5B4B49, 0x8C3B2E, 0x5B4B49}
	for i, wall := range walls {
		c.house(30+float64(i)*230, 800, 190, 190+float64(i%3)*22, rgb(wall), rgb(roofs[i]))
	}
	c.vgradient(800, 1100, rgb(0xCFC6B4), rgb(0xA89F8E))
	for i := range 8 {
		c.rect(rgb(0xEDE6D6), float64(i)*220+40, 950, 120, 14)
	}
	for _, x := range []float64{160, 700, 1450} {
		c.rect(rgb(0x6B4F3A), x-12, 690, 24, 120)
		c.circle(rgb(0x4F8A5B), x, 660, 85)
		c.circle(rgb(0x5E9E69), x-40, 630, 55)
	}
	// The hand-washing station: a blue drum on a stand, and a queue.
	c.rect(rgb(0x2F6DB5), 900, 770, 110, 150)
	c.rect(rgb(0x7A8794), 890, 920, 130, 18)
	c.rect(rgb(0xC0C7CF), 1005, 820, 40, 10)
	c.person(1090, 1030, 300, rgb(0xE76F51), rgb(0xC68B59), rgb(0x2B2B2B))
	c.person(1220, 1040, 330, rgb(0x2A9D8F), rgb(0xA86B43), rgb(0x3A2A20))
	c.person(1350, 1035, 270, rgb(0xF4A261), rgb(0xD9A066), rgb(0x1F1F1F))
	c.person(790, 1045, 320, rgb(0x264653), rgb(0xB9784F), rgb(0x222222))
	return c.img
}

// samplePhotoCrowd is neighbours gathered at dusk: warm mid-tones and
// soft lights, a busy background for text.
func samplePhotoCrowd() *image.RGBA {
	c := newCanvas(1400, 1600)
	c.vgradient(0, 1600, rgb(0xF6B37F), rgb(0x6D4C8D))
	seed := uint32(7)
	next := func() float64 {
		seed = seed*1664525 + 1013904223
		return float64(seed>>8) / float64(1<<24)
	}
	for range 40 {
		c.circle(alpha(rgb(0xFFF3D6), 0.12+0.25*next()), next()*1400, next()*900, 20+next()*70)
	}
	c.poly(rgb(0x4B3A5E), 0, 1150, 300, 1080, 700, 1130, 1100, 1060, 1400, 1110, 1400, 1600, 0, 1600)
	shirts := []uint32{0xE76F51, 0x2A9D8F, 0xE9C46A, 0x264653, 0xF4A261, 0x8AB17D}
	for i, s := range shirts {
		c.person(140+float64(i)*230, 1560-float64(i%2)*40, 620+float64(i%3)*60, rgb(s), rgb(0xB9784F), rgb(0x241C1C))
	}
	return c.img
}
