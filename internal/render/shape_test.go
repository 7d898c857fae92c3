package render

import (
	"image/color"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// Each shape kind paints inside its box and leaves the rest alone: the
// ring's hole, the polygon's corners outside its sides, the space beside
// a line and under a path's curve.
func TestDrawShapes(t *testing.T) {
	white := color.RGBA{255, 255, 255, 255}
	red, blue := color.RGBA{200, 0, 0, 255}, color.RGBA{0, 0, 200, 255}
	shapes := []theme.PlacedShape{
		{Kind: "circle", CX: 150, CY: 150, R: 100, Fill: red, Stroke: blue, Width: 10},
		{Kind: "ring", CX: 450, CY: 150, R: 100, Stroke: red, Width: 20},
		{Kind: "rect", X: 650, Y: 50, W: 300, H: 200, Radius: 40, Fill: red},
		{Kind: "polygon", CX: 150, CY: 500, R: 100, Sides: 3, Fill: red},
		{Kind: "line", X1: 300, Y1: 500, X2: 700, Y2: 500, Stroke: red, Width: 10, Cap: "round"},
		{Kind: "path", Fill: red, Path: []theme.PlacedStep{
			{Op: "move", Pts: []float64{750, 700}}, {Op: "quad", Pts: []float64{850, 400, 950, 700}}, {Op: "close"}}},
	}
	s := deck.Slide{W: 1080, H: 1080, Background: deck.Solid(white)}
	for i := range shapes {
		s.Layers = append(s.Layers, deck.Layer{Kind: deck.ShapeLayer, Role: deck.Decor, Shape: &shapes[i]})
	}
	img := New().Draw(s)
	for _, tt := range []struct {
		what string
		x, y int
		want color.RGBA
	}{
		{"circle's fill", 150, 150, red},
		{"circle's stroke", 150, 52, blue},
		{"ring", 450, 50, red},
		{"ring's hole", 450, 150, white},
		{"rounded rect", 800, 150, red},
		{"rect's rounded corner", 652, 52, white},
		{"triangle", 150, 520, red},
		{"beside the triangle's point", 100, 420, white},
		{"line", 500, 500, red},
		{"line's round cap", 297, 500, red},
		{"beside the line", 500, 520, white},
		{"path under its curve", 850, 650, red},
		{"path above its curve", 850, 450, white},
	} {
		if got := img.RGBAAt(tt.x, tt.y); got != tt.want {
			t.Errorf("%s at (%d, %d) = %v, want %v", tt.what, tt.x, tt.y, got, tt.want)
		}
	}
}
