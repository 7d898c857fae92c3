package deck

import (
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// gridSafe is the part of the canvas the profile grid shows: a centred
// 3:4 crop. Cover text is kept inside it, with some air. On a landscape
// canvas that crop is 425 px wide, too narrow for a title at a readable
// size, so there the text uses the margins.
func (c *composer) gridSafe() (x0, x1 float64) {
	m := c.m
	if c.h < c.w {
		return m.Left, c.w - m.Right
	}
	cw := c.h * 3 / 4
	inset := max((c.w-cw)/2+32, m.Left)
	return inset, c.w - max((c.w-cw)/2+32, m.Right)
}

// coverPhoto is the cover's photo: the front matter's cover image, else a
// <!-- background: ... --> in the intro; with its focus.
func (c *composer) coverPhoto() (img Layer, ok bool) {
	a := c.in.Article
	src := a.Meta.Cover
	if src == "" {
		src = a.IntroDirectives["background"]
	}
	pic := c.in.Images[src]
	if src == "" || pic == nil {
		return Layer{}, false
	}
	fx, fy := 0.5, 0.5
	if f, found := a.IntroDirectives["focus"]; found {
		if x, y, err := theme.ParseFocus(f); err == nil {
			fx, fy = x, y
		} else {
			c.warn(0, "%v", err)
		}
	}
	return Layer{Kind: ImageLayer, W: c.w, H: c.h, Image: pic, FocusX: fx, FocusY: fy}, true
}

// cover makes the first slide: pillar tag, title, subtitle, an optional
// lead, an optional photo, and a hint to swipe. It reports whether the
// lead found room on the cover.
func (c *composer) cover(lead []content.Span) bool {
	a := c.in.Article
	look := c.t.Look("cover")
	sl := c.newSlide(Cover, 1, look)
	x0, x1 := c.gridSafe()
	m := c.m
	wide := c.h < c.w
	hint := look.Hint && !wide // a wide canvas keeps its little height for the title
	top, bottom := m.Top, c.h-m.Bottom-100
	if !hint {
		bottom = c.h - m.Bottom - 24
	}
	photo, hasPhoto := c.coverPhoto()
	valign := valign(look.VAlign)
	fullVeil := hasPhoto && (wide || look.Photo.Full)
	if hasPhoto {
		sl.Layers = append(sl.Layers, photo)
		if fullVeil {
			c.veil(&sl, 0, 0, c.w, c.h, look.Photo.Color, look.Photo.Opacity)
		} else {
			// The photo shows above; the words sit low, on a veil.
			top, valign = c.h*0.45, layout.Bottom
		}
	}
	align := layout.Left
	if look.Align == "center" {
		align = layout.Center
	}
	tagY := top
	if p := strings.ToUpper(a.Meta.Pillar); p != "" && look.Tag != "none" {
		top += 110 * min(1, c.h/c.w+0.2) // tighter on a wide canvas
	}
	box := layout.Box{X: x0, Y: top, W: x1 - x0, H: bottom - top}
	hintBox := layout.Box{X: x0, Y: c.h - m.Bottom - 60, W: x1 - x0, H: 50}
	if !hasPhoto { // a photo covers the template's marks
		box, hintBox = c.clear(look, box), c.clear(look, hintBox)
	}
	res := c.coverText(box, valign, align, look, lead)
	if (res.Overflow || len(res.Broken) > 0) && lead != nil {
		// The lead does not fit beside the title, or only if a word is
		// divided that would not be without it: it gets slide 2.
		if alone := c.coverText(box, valign, align, look, nil); res.Overflow || len(alone.Broken) < len(res.Broken) {
			lead, res = nil, alone
		}
	}
	if res.Overflow {
		c.fail(a.File, a.Meta.Lines["title"], "the title and subtitle do not fit on the cover even at %.0f px; shorten them (a title of up to about 60 characters fits)", look.TitleMin)
	}
	page := res.Pages[0]
	if valign != layout.Top {
		// The tag rides just above the title when the title is pushed down.
		if _, y0, _, _, ok := bounds(page); ok && a.Meta.Pillar != "" && look.Tag != "none" {
			tagY = max(tagY, y0-110*min(1, c.h/c.w+0.2))
		}
	}
	if hasPhoto && !fullVeil {
		veilTop := tagY - 48
		if a.Meta.Pillar == "" || look.Tag == "none" {
			if _, y0, _, _, ok := bounds(page); ok {
				veilTop = y0 - 48
			}
		}
		v := c.veil(&sl, 0, veilTop, c.w, c.h-veilTop, look.Photo.Color, look.Photo.Opacity)
		_ = v
		c.fade(&sl, veilTop-c.h*0.2, c.h*0.2, false)
	}
	c.tag(&sl, look, x0, x1, tagY, align)
	sl.Layers = append(sl.Layers, textLayer(page, Body))
	if hint {
		hint := c.eng.Fit(layout.Spec{Box: hintBox, MaxSize: 30, MinSize: 30,
			Blocks: []layout.Block{{Spans: []layout.Span{{Text: "Geser untuk membaca  →", Style: layout.Bold, Color: look.Text}}, Align: layout.Right, Role: "chrome"}}})
		sl.Layers = append(sl.Layers, textLayer(hint.Pages[0], Label))
	}
	alt := joinSentences("Sampul: "+a.Meta.Title, a.Meta.Subtitle, withoutStrike(lead))
	sl.Alt = alt
	if a.Meta.CoverAlt != "" {
		sl.Alt = a.Meta.CoverAlt
	}
	c.slides = append(c.slides, sl)
	c.divided(res, a.File, len(c.slides)-1)
	return lead != nil
}

// leadLine is the source line of the intro, which a cover lead comes from.
func (c *composer) leadLine() int {
	if in := c.in.Article.Intro; len(in) > 0 {
		return in[0].Line
	}
	return 0
}

// tag shows the post's pillar above the title: in a pill of the accent
// colour, or as spaced capitals.
func (c *composer) tag(sl *Slide, look theme.Look, x0, x1, y float64, align layout.Align) {
	p := strings.ToUpper(c.in.Article.Meta.Pillar)
	if p == "" || look.Tag == "none" {
		return
	}
	col := look.TagText
	if look.Tag == "text" {
		col = look.Accent
	}
	tag := c.eng.Fit(layout.Spec{Box: layout.Box{X: x0 + 28, Y: y + 14, W: x1 - x0, H: 60}, MaxSize: 28, MinSize: 28,
		Blocks: []layout.Block{{Spans: []layout.Span{{Text: p, Style: layout.Bold, Color: col}}, Tracking: 0.08, Role: "chrome"}}})
	pg := tag.Pages[0]
	if len(pg.Lines) == 0 {
		return
	}
	w := pg.Lines[0].W + 56
	dx := 0.0
	if align == layout.Center {
		dx = (x1 - x0 - w) / 2
	}
	if look.Tag == "text" {
		dx -= 28
	} else {
		sl.Layers = append(sl.Layers, Layer{Kind: RectLayer, Role: Decor, X: x0 + dx, Y: y, W: w, H: 64, Radius: 32, Paint: Solid(look.Accent)})
	}
	sl.Layers = append(sl.Layers, textLayer(shift(pg, dx, 0), Label))
}

// coverText fits the title, subtitle and lead. They shrink together, but
// never so far that the subtitle or lead falls below the body minimum.
// When that stops the title from fitting (a wide canvas) or keeps it so
// large that a word of it is divided, the subtitle and lead are set larger
// relative to the title, so the title may shrink to its own minimum while
// they stay at the body minimum.
func (c *composer) coverText(box layout.Box, valign layout.VAlign, align layout.Align, look theme.Look, lead []content.Span) layout.Result {
	res := c.coverTextScaled(box, valign, align, look, lead, false)
	if res.Overflow || len(res.Broken) > 0 {
		if tight := c.coverTextScaled(box, valign, align, look, lead, true); !tight.Overflow || res.Overflow {
			res = tight
		}
	}
	return res
}

func (c *composer) coverTextScaled(box layout.Box, valign layout.VAlign, align layout.Align, look theme.Look, lead []content.Span, tight bool) layout.Result {
	a, t := c.in.Article, c.t
	title, body := t.Type["title"], t.Type["body"]
	minSize, floor := look.TitleMin, 0.0
	if tight {
		floor = body.Min / look.TitleMin
	}
	blocks := []layout.Block{{Spans: []layout.Span{{Text: cased(title, a.Meta.Title), Style: face(title), Color: look.Text}},
		LineHeight: title.LineHeight, Tracking: title.Tracking, Align: align, Role: "title", Line: a.Meta.Lines["title"], Balance: true}}
	if a.Meta.Subtitle != "" {
		scale := max(t.Type["heading"].Max*0.75/title.Max, floor)
		minSize = max(minSize, body.Min/scale)
		blocks = append(blocks, layout.Block{Spans: []layout.Span{{Text: a.Meta.Subtitle, Style: layout.Bold, Color: look.Heading}},
			Scale: scale, LineHeight: 1.2, SpaceBefore: 0.35, Align: align, Role: "subtitle", Line: a.Meta.Lines["subtitle"], Balance: true})
	}
	if lead != nil {
		scale := max(body.Max*0.85/title.Max, floor)
		minSize = max(minSize, body.Min/scale)
		st := newStyler(t, look)
		blocks = append(blocks, layout.Block{Spans: st.spans(lead, 0, look.Text), Scale: scale, LineHeight: body.LineHeight, SpaceBefore: 0.45, Align: align, Role: "lead", Line: c.leadLine()})
	}
	return c.eng.Fit(layout.Spec{Box: box, Blocks: blocks, MaxSize: title.Max, MinSize: minSize, VAlign: valign, FewerLines: true})
}
