package deck

import (
	"fmt"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
)

// gridSafe is the part of the canvas the profile grid shows: a centred
// 3:4 crop. Cover text is kept inside it, with some air. On a landscape
// canvas that crop is 425 px wide, too narrow for a title at a readable
// size, so there the text uses the margins.
func (c *composer) gridSafe() (x0, x1 float64) {
	if c.h < c.w {
		m := c.margins()
		return m.Left, c.w - m.Right
	}
	cw := c.h * 3 / 4
	inset := max((c.w-cw)/2+32, c.t.Margins.Left)
	return inset, c.w - max((c.w-cw)/2+32, c.t.Margins.Right)
}

// cover makes the first slide: pillar tag, title, subtitle, an optional
// lead, an optional image, and a hint to swipe. It reports whether the
// lead found room on the cover.
func (c *composer) cover(lead []content.Span) bool {
	a := c.in.Article
	t := c.t
	onP := t.Color("on_primary")
	sl := Slide{Kind: Cover, W: int(c.w), H: int(c.h), Background: c.background("cover"), Line: 1}
	x0, x1 := c.gridSafe()
	m := c.margins()
	top, bottom := m.Top, c.h-m.Bottom-40
	if img := c.in.Images[a.Meta.Cover]; a.Meta.Cover != "" && img != nil {
		// The photo fills the canvas; a scrim in the template's dark colour
		// rises from the bottom so the title keeps its contrast. At 92%
		// opacity even a white photo leaves white text above 4.5:1.
		const scrim = 235
		if c.h < c.w {
			// A wide canvas has no room below the photo's middle: the
			// scrim covers it all, lighter, and the text keeps its place.
			sl.Layers = append(sl.Layers,
				Layer{Kind: ImageLayer, W: c.w, H: c.h, Image: img, FocusY: 0.5},
				Layer{Kind: RectLayer, W: c.w, H: c.h, Paint: Solid(withAlpha(t.Color("primary_dark"), 215))})
		} else {
			top = c.h * 0.45
			sl.Layers = append(sl.Layers,
				Layer{Kind: ImageLayer, W: c.w, H: c.h, Image: img, FocusY: 0.5},
				Layer{Kind: RectLayer, Y: c.h * 0.2, W: c.w, H: c.h*0.22 + 1, Paint: Paint{From: withAlpha(t.Color("primary_dark"), 0), To: withAlpha(t.Color("primary_dark"), scrim), Gradient: true, Angle: 90}},
				Layer{Kind: RectLayer, Y: c.h * 0.42, W: c.w, H: c.h * 0.58, Paint: Solid(withAlpha(t.Color("primary_dark"), scrim))},
			)
		}
	} else {
		// Soft circles give the plain cover some depth without noise.
		sl.Layers = append(sl.Layers,
			Layer{Kind: EllipseLayer, X: c.w - c.w*0.42, Y: -c.w * 0.18, W: c.w * 0.62, H: c.w * 0.62, Paint: Solid(withAlpha(t.Color("accent"), 46))},
			Layer{Kind: EllipseLayer, X: -c.w * 0.2, Y: c.h - c.w*0.32, W: c.w * 0.5, H: c.w * 0.5, Paint: Solid(withAlpha(onP, 18))},
		)
	}
	// The pillar tag sits above the title block.
	if p := strings.ToUpper(a.Meta.Pillar); p != "" {
		tag := c.eng.Fit(layout.Spec{Box: layout.Box{X: x0 + 28, Y: top + 14, W: x1 - x0, H: 60}, MaxSize: 28, MinSize: 28,
			Blocks: []layout.Block{{Spans: []layout.Span{{Text: p, Style: layout.Bold, Color: t.Color("primary_dark")}}, Tracking: 0.08}}})
		if len(tag.Pages[0].Lines) > 0 {
			w := tag.Pages[0].Lines[0].W + 56
			sl.Layers = append(sl.Layers, Layer{Kind: RectLayer, X: x0, Y: top, W: w, H: 64, Radius: 32, Paint: Solid(t.Color("accent"))},
				Layer{Kind: TextLayer, Text: tag.Pages[0]})
		}
		top += 110 * min(1, c.h/c.w+0.2) // tighter on a wide canvas
	}
	valign := layout.Middle
	if top > m.Top+200 {
		valign = layout.Bottom
	}
	box := layout.Box{X: x0, Y: top, W: x1 - x0, H: bottom - top - 60}
	res := c.coverText(box, valign, lead)
	if res.Overflow && lead != nil {
		// The lead does not fit beside the title: it gets slide 2.
		lead = nil
		res = c.coverText(box, valign, nil)
	}
	if res.Overflow {
		c.fail(a.File, a.Meta.Lines["title"], "the title and subtitle do not fit on the cover even at %.0f px; shorten them (a title of up to about 60 characters fits)", t.Type["title"].Min)
	}
	sl.Layers = append(sl.Layers, Layer{Kind: TextLayer, Text: res.Pages[0]})
	hint := c.eng.Fit(layout.Spec{Box: layout.Box{X: x0, Y: c.h - m.Bottom - 60, W: x1 - x0, H: 50}, MaxSize: 30, MinSize: 30,
		Blocks: []layout.Block{{Spans: []layout.Span{{Text: "Geser untuk membaca  →", Style: layout.Bold, Color: onP}}, Align: layout.Right}}})
	sl.Layers = append(sl.Layers, Layer{Kind: TextLayer, Text: hint.Pages[0]})
	alt := "Sampul: " + a.Meta.Title
	if a.Meta.Subtitle != "" {
		alt += ". " + a.Meta.Subtitle
	}
	if lead != nil {
		alt += ". " + content.PlainText(lead)
	}
	sl.Alt = alt
	if a.Meta.CoverAlt != "" {
		sl.Alt = a.Meta.CoverAlt
	}
	c.slides = append(c.slides, sl)
	return lead != nil
}

// coverText fits the title, subtitle and lead. They shrink together, but
// never so far that the subtitle or lead falls below the body minimum.
func (c *composer) coverText(box layout.Box, valign layout.VAlign, lead []content.Span) layout.Result {
	a, t := c.in.Article, c.t
	title, body := t.Type["title"], t.Type["body"]
	minSize := title.Min
	blocks := []layout.Block{{Spans: []layout.Span{{Text: a.Meta.Title, Style: layout.Display, Color: t.Color("on_primary")}}, LineHeight: title.LineHeight, Tracking: title.Tracking}}
	if a.Meta.Subtitle != "" {
		scale := t.Type["heading"].Max * 0.75 / title.Max
		minSize = max(minSize, body.Min/scale)
		blocks = append(blocks, layout.Block{Spans: []layout.Span{{Text: a.Meta.Subtitle, Style: layout.Bold, Color: t.Color("accent")}},
			Scale: scale, LineHeight: 1.2, SpaceBefore: 0.35})
	}
	if lead != nil {
		scale := body.Max * 0.85 / title.Max
		minSize = max(minSize, body.Min/scale)
		blocks = append(blocks, layout.Block{Spans: c.st.spans(lead, 0, withAlpha(t.Color("on_primary"), 242)), Scale: scale, LineHeight: body.LineHeight, SpaceBefore: 0.45})
	}
	return c.eng.Fit(layout.Spec{Box: box, Blocks: blocks, MaxSize: title.Max, MinSize: minSize, VAlign: valign})
}

// imageSlide shows a section's lone image: under the section's text when
// it has some, else filling the inset area.
func (c *composer) imageSlide(s content.Section, at int) {
	img := s.Blocks[at]
	rest := append(append([]content.Block{}, s.Blocks[:at]...), s.Blocks[at+1:]...)
	sl := Slide{Kind: ImageSlide, W: int(c.w), H: int(c.h), Background: c.background("image"), Line: s.Line}
	box := c.contentBox()
	alt := img.Alt
	if len(rest) > 0 {
		st := c.st
		st.text, st.head = c.t.Color("on_primary"), c.t.Color("accent")
		st.link = st.head
		body := c.t.Type["body"]
		res := c.eng.Fit(layout.Spec{Box: layout.Box{X: box.X, Y: box.Y, W: box.W, H: box.H * 0.38}, Blocks: st.blocks(rest), MaxSize: body.Max, MinSize: body.Min})
		p := res.Pages[0]
		sl.Layers = append(sl.Layers, Layer{Kind: TextLayer, Text: p})
		if res.Overflow {
			c.warn(s.Line, "the text above the image does not fit; keep it to a heading and a sentence, or give the text its own slide")
		}
		used := p.Height + 40
		box.Y += used
		box.H -= used
		alt = strings.TrimSpace(pageText(p) + ". " + img.Alt)
	}
	if pic := c.in.Images[img.Src]; pic != nil {
		sl.Layers = append(sl.Layers, Layer{Kind: ImageLayer, X: box.X, Y: box.Y, W: box.W, H: box.H, Radius: 28, Image: pic, FocusY: 0.5})
	}
	if img.Alt == "" {
		c.warn(img.Line, "image %q has no alt text; describe it in the brackets: ![what it shows](%s)", img.Src, img.Src)
	}
	sl.Alt = alt
	if s.Alt != "" {
		sl.Alt = s.Alt
	}
	c.slides = append(c.slides, sl)
}

// closing makes the call-to-action slide from pkpm.yaml.
func (c *composer) closing() {
	t := c.t
	p := c.in.Project
	onP := t.Color("on_primary")
	sl := Slide{Kind: Closing, W: int(c.w), H: int(c.h), Background: c.background("closing")}
	sl.Layers = append(sl.Layers,
		Layer{Kind: EllipseLayer, X: -c.w * 0.25, Y: -c.w * 0.25, W: c.w * 0.7, H: c.w * 0.7, Paint: Solid(withAlpha(t.Color("accent"), 40))})
	title := t.Type["title"]
	x0, x1 := c.gridSafe()
	blocks := []layout.Block{
		{Spans: []layout.Span{{Text: p.Closing.Title, Style: layout.Display, Color: onP}}, Scale: 0.8, LineHeight: title.LineHeight, Tracking: title.Tracking},
		{Spans: []layout.Span{{Text: p.Closing.Text, Color: withAlpha(onP, 242)}}, Scale: 0.45, LineHeight: 1.35, SpaceBefore: 0.5},
		{Spans: []layout.Span{{Text: "❤️ Suka   💬 Komentar   🔖 Simpan   📤 Bagikan", Style: layout.Bold, Color: onP}}, Scale: 0.34, LineHeight: 1.4, SpaceBefore: 0.9},
		{Spans: []layout.Span{{Text: p.Handle, Style: layout.Bold, Color: t.Color("accent")}}, Scale: 0.5, SpaceBefore: 0.9},
	}
	if c.h < c.w {
		// A wide canvas keeps the message and the handle only.
		blocks = []layout.Block{blocks[0], blocks[1], blocks[3]}
		blocks[1].SpaceBefore, blocks[2].SpaceBefore = 0.3, 0.4
	}
	m := c.margins()
	// The call to action is body text: it may not shrink below the body
	// minimum, which sets how far the whole slide can shrink.
	res := c.eng.Fit(layout.Spec{Box: layout.Box{X: x0, Y: m.Top, W: x1 - x0, H: c.h - m.Top - m.Bottom - 40}, Blocks: blocks,
		MaxSize: title.Max, MinSize: max(title.Min, t.Type["body"].Min/0.45), VAlign: layout.Middle})
	if res.Overflow {
		c.fail("pkpm.yaml", 0, "the closing slide's title and text do not fit on a %s slide; shorten closing.title or closing.text", c.in.Size)
	}
	sl.Layers = append(sl.Layers, Layer{Kind: TextLayer, Text: res.Pages[0]})
	sl.Alt = fmt.Sprintf("%s %s", ensurePeriod(p.Closing.Title), ensurePeriod(p.Closing.Text))
	c.slides = append(c.slides, sl)
}

// sources lists the post's sources under the heading "Sumber".
func (c *composer) sources() {
	a := c.in.Article
	blocks := []content.Block{{Kind: content.Heading, Level: 2, Spans: []content.Span{{Text: "Sumber"}}}}
	list := content.Block{Kind: content.List, Ordered: true, Start: 1}
	for _, s := range a.Meta.Sources {
		list.Items = append(list.Items, content.Item{Blocks: []content.Block{{Kind: content.Paragraph, Spans: []content.Span{{Text: s}}}}})
	}
	blocks = append(blocks, list)
	before := len(c.slides)
	c.section(content.Section{Line: a.Meta.Lines["sources"], Blocks: blocks})
	for i := before; i < len(c.slides); i++ {
		c.slides[i].Kind = Sources
		c.slides[i].Background = c.background("sources")
		c.slides[i].Alt = "Sumber: " + strings.Join(a.Meta.Sources, "; ")
	}
}

func ensurePeriod(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}
