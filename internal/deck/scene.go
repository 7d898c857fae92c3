package deck

import (
	"image"
	"image/color"

	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// Paint is a solid colour, or a linear or radial gradient.
type Paint = theme.Paint

// Solid is a one-colour paint.
func Solid(c color.RGBA) Paint { return Paint{From: c} }

// LayerKind tells what a layer draws.
type LayerKind uint8

const (
	RectLayer    LayerKind = iota // a rectangle, rounded by Radius
	EllipseLayer                  // an ellipse inscribed in the box
	ImageLayer                    // a photo filling the box (or inside it, with Contain)
	TextLayer                     // laid-out text
	RingLayer                     // an ellipse outline, Thickness wide
	DotsLayer                     // a grid of dots Dot wide, Gap apart, filling the box
	ShapeLayer                    // a template shape; the box is the area it may paint
)

// Role says what a layer is for, so tests, alt text and checks can tell
// the slide's words from its furniture.
type Role uint8

const (
	Body   Role = iota // the slide's own words and pictures
	Decor              // shapes and marks that carry no words
	Chrome             // header and footer: logo, handle, page
	Label              // short labels: the pillar tag, the swipe hint
	Scrim              // a veil over a photo that keeps text readable
)

// Layer is one thing drawn on a slide, in order.
type Layer struct {
	Kind       LayerKind
	Role       Role
	X, Y, W, H float64
	Radius     float64
	Thickness  float64 // RingLayer
	Gap, Dot   float64 // DotsLayer
	Paint      Paint
	Image      image.Image // ImageLayer
	// FocusX and FocusY are the point of the image kept in view when it is
	// cropped to fill the box: 0 is the left or top edge, 1 the other.
	FocusX, FocusY float64
	Contain        bool               // ImageLayer: fit the whole image inside the box
	Text           layout.Page        // TextLayer
	Shape          *theme.PlacedShape // ShapeLayer
}

// Kind is a slide's role in the carousel.
type Kind uint8

const (
	Cover Kind = iota
	Content
	ImageSlide
	Closing
	Sources
	List
	Quote
	Stat
)

var kindNames = [...]string{"cover", "content", "image", "closing", "sources", "list", "quote", "stat"}

func (k Kind) String() string { return kindNames[k] }

// KindNamed returns the kind of a name as templates write it.
func KindNamed(name string) (Kind, bool) {
	for i, n := range kindNames {
		if n == name {
			return Kind(i), true
		}
	}
	return 0, false
}

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
