package deck

import (
	"image"
	"image/color"

	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// Paint is a solid colour or a linear gradient.
type Paint = theme.Paint

// Solid is a one-colour paint.
func Solid(c color.RGBA) Paint { return Paint{From: c} }

// LayerKind tells what a layer draws.
type LayerKind uint8

const (
	RectLayer LayerKind = iota
	EllipseLayer
	ImageLayer
	TextLayer
)

// Layer is one thing drawn on a slide, in order.
type Layer struct {
	Kind       LayerKind
	X, Y, W, H float64
	Radius     float64
	Paint      Paint
	Image      image.Image // ImageLayer: cover-cropped into the box
	FocusY     float64     // ImageLayer: 0 top, 0.5 centre, 1 bottom
	Text       layout.Page // TextLayer
}

// Kind is a slide's role in the carousel.
type Kind uint8

const (
	Cover Kind = iota
	Content
	ImageSlide
	Closing
	Sources
)

var kindNames = [...]string{"cover", "content", "image", "closing", "sources"}

func (k Kind) String() string { return kindNames[k] }

// Slide is a fully composed slide: what to draw and what it says.
type Slide struct {
	Kind       Kind
	W, H       int
	Background Paint
	Layers     []Layer
	Alt        string
	Line       int      // source line of the slide's content, 0 if none
	Warnings   []string // e.g. continuation, broken words
}
