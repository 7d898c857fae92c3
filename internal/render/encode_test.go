package render

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/deck"
)

// benchSlide is a portrait canvas with a gradient and a few shapes: what
// the encoder sees on most slides.
func benchSlide() *image.RGBA {
	s := deck.Slide{W: 1080, H: 1350, Background: deck.Paint{From: color.RGBA{10, 100, 91, 255}, To: color.RGBA{6, 63, 58, 255}, Gradient: true, Angle: 115},
		Layers: []deck.Layer{
			{Kind: deck.EllipseLayer, X: 590, Y: -243, W: 670, H: 670, Paint: deck.Solid(color.RGBA{46, 37, 20, 46})},
			{Kind: deck.RingLayer, X: 100, Y: 800, W: 400, H: 400, Thickness: 30, Paint: deck.Solid(color.RGBA{200, 200, 200, 255})},
			{Kind: deck.RectLayer, X: 96, Y: 300, W: 600, H: 80, Radius: 40, Paint: deck.Solid(color.RGBA{255, 207, 112, 255})},
		}}
	return New().Draw(s)
}

// The standard encoder's paths: an *image.RGBA is converted to YCbCr
// block by block inside the encoder; an *image.YCbCr is read directly.
func BenchmarkEncodeJPEGFromRGBA(b *testing.B) {
	img := benchSlide()
	for b.Loop() {
		if _, err := Encode(img, JPEG); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeJPEGViaYCbCr converts the canvas to 4:2:0 YCbCr first,
// the conversion included in the time.
func BenchmarkEncodeJPEGViaYCbCr(b *testing.B) {
	img := benchSlide()
	for b.Loop() {
		y := image.NewYCbCr(img.Rect, image.YCbCrSubsampleRatio420)
		for py := 0; py < img.Rect.Dy(); py++ {
			for px := 0; px < img.Rect.Dx(); px++ {
				c := img.RGBAAt(px, py)
				yy, cb, cr := color.RGBToYCbCr(c.R, c.G, c.B)
				y.Y[y.YOffset(px, py)] = yy
				ci := y.COffset(px, py)
				y.Cb[ci], y.Cr[ci] = cb, cr
			}
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, y, &jpeg.Options{Quality: jpegQuality}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeJPEGFromNRGBA is the slow generic path, for scale.
func BenchmarkEncodeJPEGFromNRGBA(b *testing.B) {
	img := benchSlide()
	n := &image.NRGBA{Pix: img.Pix, Stride: img.Stride, Rect: img.Rect} // opaque: the same bytes
	for b.Loop() {
		if _, err := Encode(n, JPEG); err != nil {
			b.Fatal(err)
		}
	}
}
