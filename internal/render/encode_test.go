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

// BenchmarkEncodeJPEG encodes the canvas as a build does, through
// jpegenc; BenchmarkStandardJPEG encodes the same canvas with image/jpeg
// at the same quality, for comparison.
func BenchmarkEncodeJPEG(b *testing.B) {
	img := benchSlide()
	for b.Loop() {
		if _, err := Encode(img, JPEG); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStandardJPEG(b *testing.B) {
	img := benchSlide()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality}); err != nil {
			b.Fatal(err)
		}
	}
}
