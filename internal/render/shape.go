package render

import (
	"math"

	"github.com/fogleman/gg"

	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// shape draws a template shape as a gg path: filled, then stroked.
func (f *frame) shape(s *theme.PlacedShape) {
	if s == nil {
		return
	}
	c := f.ctx
	c.ClearPath()
	switch s.Kind {
	case "circle", "ring":
		c.DrawCircle(s.CX, s.CY, s.R)
	case "rect":
		c.DrawRoundedRectangle(s.X, s.Y, s.W, s.H, min(s.Radius, s.W/2, s.H/2))
	case "polygon":
		c.DrawRegularPolygon(s.Sides, s.CX, s.CY, s.R, s.Rotation*math.Pi/180)
	case "line":
		c.MoveTo(s.X1, s.Y1)
		c.LineTo(s.X2, s.Y2)
	case "path":
		tracePath(c, s.Path)
	}
	if s.Fill.A > 0 && s.Kind != "line" {
		c.SetColor(s.Fill)
		c.FillPreserve()
	}
	if s.Stroke.A > 0 && s.Width > 0 {
		c.SetColor(s.Stroke)
		// gg strokes in canvas pixels, outside its transform.
		c.SetLineWidth(s.Width * f.k)
		c.SetLineCap(lineCap(s.Cap))
		c.SetLineJoinRound()
		c.StrokePreserve()
	}
	c.ClearPath()
}

func tracePath(c *gg.Context, steps []theme.PlacedStep) {
	for _, st := range steps {
		p := st.Pts
		switch st.Op {
		case "move":
			c.MoveTo(p[0], p[1])
		case "line":
			c.LineTo(p[0], p[1])
		case "quad":
			c.QuadraticTo(p[0], p[1], p[2], p[3])
		case "cubic":
			c.CubicTo(p[0], p[1], p[2], p[3], p[4], p[5])
		case "close":
			c.ClosePath()
		}
	}
}

func lineCap(name string) gg.LineCap {
	switch name {
	case "round":
		return gg.LineCapRound
	case "square":
		return gg.LineCapSquare
	}
	return gg.LineCapButt
}
