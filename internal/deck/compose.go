package deck

import (
	"fmt"
	"image"
	"image/color"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// MaxCarousel is the most items Instagram takes in one carousel.
const MaxCarousel = 20

// Sizes are the canvas sizes a post may use, all 1080 pixels wide.
var Sizes = map[string]image.Point{
	"portrait":  {1080, 1350},
	"square":    {1080, 1080},
	"landscape": {1080, 566},
}

// Input is everything a deck is made from.
type Input struct {
	Article  *content.Article
	Template *theme.Template
	Project  config.Project
	Size     string                 // a key of Sizes
	Images   map[string]image.Image // decoded images, by path as written in the post
}

// composer holds one deck's state while it is built.
type composer struct {
	in     Input
	eng    *layout.Engine
	t      *theme.Template
	w, h   float64
	st     styler
	slides []Slide
	diags  []diag.Diagnostic
}

// Compose makes the slides of one post, numbered, with alt text.
func Compose(in Input, eng *layout.Engine) ([]Slide, []diag.Diagnostic) {
	sz, ok := Sizes[in.Size]
	if !ok {
		sz = Sizes["portrait"]
	}
	c := &composer{in: in, eng: eng, t: in.Template, w: float64(sz.X), h: float64(sz.Y), st: newStyler(in.Template)}
	a := in.Article
	intro := a.Intro
	if c.cover(leadOf(intro)) {
		intro = nil
	}
	if len(intro) > 0 {
		c.section(content.Section{Line: intro[0].Line, Blocks: intro, Alt: a.IntroAlt})
	}
	for _, s := range a.Sections {
		c.section(s)
	}
	c.closing()
	if len(a.Meta.Sources) > 0 {
		c.sources()
	}
	c.number()
	if n := len(c.slides); n > MaxCarousel {
		c.warn(0, "the post makes %d slides; Instagram takes at most %d in one carousel — split it into two posts or shorten it", n, MaxCarousel)
	}
	return c.slides, c.diags
}

func (c *composer) warn(line int, format string, args ...any) {
	c.diags = append(c.diags, diag.Warnf(c.in.Article.File, line, format, args...))
}

// fail records a problem that stops the post: text that cannot be shown
// whole.
func (c *composer) fail(file string, line int, format string, args ...any) {
	c.diags = append(c.diags, diag.Errorf(file, line, format, args...))
}

// leadOf returns the intro as a cover lead when it is one short paragraph,
// so a brief introduction does not take a slide of its own.
func leadOf(intro []content.Block) []content.Span {
	if len(intro) != 1 || intro[0].Kind != content.Paragraph {
		return nil
	}
	if len([]rune(content.PlainText(intro[0].Spans))) > 140 {
		return nil
	}
	return intro[0].Spans
}

// margins gives the content box of the canvas.
func (c *composer) contentBox() layout.Box {
	m := c.margins()
	return layout.Box{X: m.Left, Y: m.Top, W: c.w - m.Left - m.Right, H: c.h - m.Top - m.Bottom}
}

// margins are the template's, with the vertical ones scaled down on a
// canvas shorter than it is wide, where full margins would leave half the
// height for text.
func (c *composer) margins() theme.Margins {
	m := c.t.Margins
	k := min(1, c.h/c.w)
	m.Top, m.Bottom = m.Top*k, m.Bottom*k
	return m
}

func (c *composer) background(kind string) Paint { return c.t.Background(kind) }

// section makes one or more slides from a section: an image slide when it
// holds a lone image, else content slides, continued while text remains.
func (c *composer) section(s content.Section) {
	for i, b := range s.Blocks {
		if b.Kind == content.Image {
			c.imageSlide(s, i)
			return
		}
	}
	blocks := c.st.blocks(s.Blocks)
	if len(blocks) == 0 {
		return
	}
	box := c.contentBox()
	bar := 0.0
	if s.Blocks[0].Kind == content.Heading {
		bar = 44 // room for the accent bar above the heading
	}
	box.Y += bar
	box.H -= bar
	body := c.t.Type["body"]
	valign := layout.Top
	if onlyQuotes(s.Blocks) {
		valign = layout.Middle // a lone quote reads as a pull quote
	}
	res := c.eng.Fit(layout.Spec{Box: box, Blocks: blocks, MaxSize: body.Max, MinSize: body.Min, VAlign: valign})
	for _, w := range res.Broken {
		c.warn(w.Line, "%q is wider than the slide and was broken inside; shorten it or put it in a link", shorten(w.Word))
	}
	first := len(c.slides) + 1
	for pi, p := range res.Pages {
		sl := Slide{Kind: Content, W: int(c.w), H: int(c.h), Background: c.background("content"), Line: s.Line}
		if bar > 0 && pi == 0 {
			sl.Layers = append(sl.Layers, Layer{Kind: RectLayer, X: box.X, Y: box.Y - bar, W: 72, H: 12, Radius: 6, Paint: Solid(c.t.Color("accent"))})
		}
		sl.Layers = append(sl.Layers, Layer{Kind: TextLayer, Text: p})
		sl.Alt = pageText(p)
		if s.Alt != "" && len(res.Pages) == 1 {
			sl.Alt = s.Alt
		}
		if pi > 0 {
			sl.Warnings = append(sl.Warnings, "continued from the slide before: the text did not fit at the minimum size")
		}
		c.slides = append(c.slides, sl)
	}
	if res.Overflow {
		c.warn(s.Line, "text does not fit one slide at the minimum size (%.0f px); it continues on slides %d–%d — shorten it or add a \"---\" break", body.Min, first, first+len(res.Pages)-1)
	}
}

func onlyQuotes(bs []content.Block) bool {
	for _, b := range bs {
		if b.Kind != content.Quote {
			return false
		}
	}
	return len(bs) > 0
}

// pageText is the text a page shows, block by block, for alt text: lines
// are joined with a space only where the text had one, and blocks end
// with a full stop so a screen reader pauses between them.
func pageText(p layout.Page) string {
	var b strings.Builder
	last, space := -1, false
	for _, l := range p.Lines {
		if l.Text == "" {
			continue
		}
		switch {
		case b.Len() == 0:
		case l.Block != last:
			if s := b.String(); !strings.ContainsAny(s[len(s)-1:], ".:?!") {
				b.WriteString(".")
			}
			b.WriteString(" ")
		case space:
			b.WriteString(" ")
		}
		b.WriteString(l.Text)
		last, space = l.Block, l.SpaceAfter
	}
	return b.String()
}

func shorten(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:37]) + "…"
	}
	return s
}

// withAlpha returns c at an opacity.
func withAlpha(c color.RGBA, a uint8) color.RGBA {
	f := float64(a) / 255
	return color.RGBA{uint8(float64(c.R) * f), uint8(float64(c.G) * f), uint8(float64(c.B) * f), a}
}

// number adds the footer to every slide: the handle, and "n/N".
func (c *composer) number() {
	n := len(c.slides)
	small := c.t.Type["small"]
	m := c.margins()
	y := c.h - m.Bottom/2 - small.Max*0.75
	for i := range c.slides {
		s := &c.slides[i]
		fg := c.t.Color("muted")
		if s.Kind == Cover || s.Kind == Closing || s.Kind == ImageSlide {
			fg = withAlpha(c.t.Color("on_primary"), 230)
		}
		handle := c.eng.Fit(layout.Spec{Box: layout.Box{X: m.Left, Y: y, W: c.w / 2, H: small.Max * 1.5}, MaxSize: small.Max, MinSize: small.Min,
			Blocks: []layout.Block{{Spans: []layout.Span{{Text: c.in.Project.Handle, Style: layout.Bold, Color: fg}}}}})
		num := c.eng.Fit(layout.Spec{Box: layout.Box{X: c.w/2 - m.Right, Y: y, W: c.w / 2, H: small.Max * 1.5}, MaxSize: small.Max, MinSize: small.Min,
			Blocks: []layout.Block{{Spans: []layout.Span{{Text: fmt.Sprintf("%d/%d", i+1, n), Style: layout.Bold, Color: fg}}, Align: layout.Right}}})
		s.Layers = append(s.Layers, Layer{Kind: TextLayer, Text: handle.Pages[0]}, Layer{Kind: TextLayer, Text: num.Pages[0]})
		if len([]rune(s.Alt)) > 1000 {
			s.Alt = string([]rune(s.Alt)[:999]) + "…"
		}
	}
}
