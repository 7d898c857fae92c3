package deck

import (
	"math"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// section makes one or more slides from a section, by its plan.
func (c *composer) section(s content.Section, p plan) {
	switch p.kind {
	case ImageSlide:
		c.imageSlide(s, p)
	case Quote:
		c.quote(s, p)
	case Stat:
		if !c.stat(s, p) {
			p.kind = Content // not shaped like a stat
			c.text(s, p)
		}
	default:
		c.text(s, p)
	}
}

// text makes content and list slides, continued while text remains.
func (c *composer) text(s content.Section, p plan) {
	look := c.t.Look(p.kind.String())
	st := c.textStyler(p.kind, look)
	blocks, originals := st.blocksAlt(s.Blocks)
	if len(blocks) == 0 {
		return
	}
	var res layout.Result
	if p.fit != nil {
		res = *p.fit
	} else {
		res = c.textFit(s, p, blocks, look)
	}
	pages := res.Pages
	first := len(c.slides) + 1
	for pi, pg := range pages {
		sl := c.newSlide(p.kind, s.Line, look)
		heading := s.Blocks[0].Kind == content.Heading
		if _, y0, _, y1, ok := bounds(pg); ok && p.bg != nil {
			if heading && look.Rule == "bar" {
				y0 -= ruleRoom
			}
			c.photoBackdrop(&sl, look, p.bg, p.fx, p.fy, y0, y1)
		}
		c.placeText(&sl, look, pg, heading)
		if st.badges {
			c.badges(&sl, look, blocks)
		}
		sl.Alt = pageText(pg, originals)
		if s.Alt != "" && len(pages) == 1 {
			sl.Alt = s.Alt
		}
		if pi > 0 {
			sl.Warnings = append(sl.Warnings, "continued from the slide before: the text did not fit at the minimum size")
		}
		c.slides = append(c.slides, sl)
	}
	c.divided(res, c.in.Article.File, first-1)
	if len(pages) > 1 {
		c.warn(s.Line, "text does not fit one slide at the minimum size (%.0f px); it continues on slides %d–%d — shorten it or add a \"---\" break", c.t.Type["body"].Min, first, first+len(pages)-1)
	}
}

// textFit lays a content or list section's styled blocks out.
func (c *composer) textFit(s content.Section, p plan, blocks []layout.Block, look theme.Look) layout.Result {
	if p.short {
		return c.fitShort(blocks, look, s.Blocks[0].Kind == content.Heading)
	}
	return c.fitText(blocks, look, s.Blocks[0].Kind == content.Heading)
}

// prefit lays out the text of every content and list section ahead of
// making their slides, on as many engines as the helpers lend, and
// returns the closing slide's, laid out first among them: alone after
// the sections it kept one core waiting (its emoji, too, are shaped in
// a font of their own). Making the slides, which numbers them, stays in
// order.
func (c *composer) prefit(sections []content.Section, plans []plan) (closing layout.Result) {
	c.each(len(sections)+1, func(cc *composer, i int) {
		if i == 0 {
			closing = cc.eng.Fit(cc.closingSpec())
			return
		}
		s, p := sections[i-1], plans[i-1]
		if p.kind != Content && p.kind != List || len(s.Blocks) == 0 {
			return
		}
		look := cc.t.Look(p.kind.String())
		blocks, _ := cc.textStyler(p.kind, look).blocksAlt(s.Blocks)
		if len(blocks) == 0 {
			return
		}
		res := cc.textFit(s, p, blocks, look)
		plans[i-1].fit = &res
	})
	return closing
}

// ruleRoom is the space an accent bar takes above a heading.
const ruleRoom = 44

// fitText lays blocks out in the text box of a kind between the body's
// sizes.
func (c *composer) fitText(blocks []layout.Block, look theme.Look, heading bool) layout.Result {
	body := c.t.Type["body"]
	return c.eng.Fit(layout.Spec{Box: c.blockBox(look, heading), Blocks: blocks, MaxSize: body.Max, MinSize: body.Min, VAlign: valign(look.VAlign), Repeat: continued(blocks)})
}

// blockBox is the box a kind's text blocks are set in: inside its panel's
// padding, below room for the heading's bar.
func (c *composer) blockBox(look theme.Look, heading bool) layout.Box {
	box := c.textBox(look)
	if heading && look.Rule == "bar" {
		box.Y += ruleRoom
		box.H -= ruleRoom
	}
	return box
}

// continued is the heading repeated at the top of each continuation
// slide, marked "(lanjutan)" so the reader knows where they are; nil when
// the text does not start with a heading.
func continued(blocks []layout.Block) *layout.Block {
	if len(blocks) == 0 || blocks[0].Role != "heading" || len(blocks[0].Spans) == 0 {
		return nil
	}
	h := blocks[0]
	spans := append([]layout.Span(nil), h.Spans...)
	last := spans[len(spans)-1]
	mark := " (lanjutan)"
	var text strings.Builder
	for _, sp := range spans {
		text.WriteString(sp.Text)
	}
	if t := text.String(); t == strings.ToUpper(t) && t != strings.ToLower(t) {
		mark = strings.ToUpper(mark) // the template sets headings in capitals
	}
	last.Text = mark
	h.Spans = append(spans, last)
	return &h
}

// textBox is the content box, less a panel's padding.
func (c *composer) textBox(look theme.Look) layout.Box {
	box := c.contentBox()
	if p := look.Panel; p != nil {
		k := min(1, c.h/c.w)
		box.X += p.Padding
		box.W -= 2 * p.Padding
		box.Y += p.Padding * k
		box.H -= 2 * p.Padding * k
	}
	return c.clear(look, box)
}

func valign(v theme.VAlign) layout.VAlign {
	switch v {
	case "middle":
		return layout.Middle
	case "bottom":
		return layout.Bottom
	}
	return layout.Top
}

// placeText adds a page with its panel behind it and its heading's mark.
func (c *composer) placeText(sl *Slide, look theme.Look, pg layout.Page, heading bool) {
	x0, y0, _, y1, ok := bounds(pg)
	if !ok {
		return
	}
	bar := heading && look.Rule == "bar"
	if bar {
		y0 -= ruleRoom
	}
	if p := look.Panel; p != nil {
		box := c.textBox(look)
		k := min(1, c.h/c.w)
		sl.Layers = append(sl.Layers, Layer{Kind: RectLayer, Role: Decor, X: box.X - p.Padding, Y: y0 - p.Padding*k,
			W: box.W + 2*p.Padding, H: y1 - y0 + 2*p.Padding*k, Radius: p.Radius * k, Paint: Solid(p.Color)})
	}
	const barW, barH = 72, 12
	bx := x0
	if look.Align == "center" {
		box := c.textBox(look)
		bx = box.X + (box.W-barW)/2
	}
	switch {
	case bar:
		sl.Layers = append(sl.Layers, Layer{Kind: RectLayer, Role: Decor, X: bx, Y: y0, W: barW, H: barH, Radius: barH / 2, Paint: Solid(look.Accent)})
	case heading && look.Rule == "underline":
		var last layout.Line
		for _, l := range pg.Lines {
			if l.Block == pg.Lines[0].Block { // the heading, or its repeat
				last = l
			}
		}
		if last.Size > 0 {
			y := last.Y + last.Descent + 0.12*last.Size
			sl.Layers = append(sl.Layers, Layer{Kind: RectLayer, Role: Decor, X: bx, Y: y, W: barW, H: math.Max(6, barH*0.7), Radius: 3, Paint: Solid(look.Accent)})
		}
	}
	sl.Layers = append(sl.Layers, textLayer(pg, Body))
}

// badges sets each top-level list item's marker in a filled circle at a
// fixed place in its indent, behind the text layer last added: the number
// of an ordered item, centred in the circle; an unordered item's bullet
// becomes a smaller dot of its own.
func (c *composer) badges(sl *Slide, look theme.Look, blocks []layout.Block) {
	ti := len(sl.Layers) - 1
	pg := sl.Layers[ti].Text
	var discs []Layer
	last := -1
	for li := range pg.Lines {
		l := &pg.Lines[li]
		b := l.Block
		isFirst := b != last
		last = b
		if !isFirst || b < 0 || blocks[b].Marker == nil || blocks[b].Indent > 2 {
			continue
		}
		size := l.Size
		d := 1.55 * size
		cx := l.X - 0.3*size - d/2
		cy := l.Y - 0.36*size
		n, mx0, mx1 := 0, math.Inf(1), math.Inf(-1)
		for _, r := range l.Runs {
			if r.X1 <= l.X+0.5 {
				mx0, mx1, n = math.Min(mx0, r.X0), math.Max(mx1, r.X1), n+1
			}
		}
		if n == 0 {
			continue
		}
		if blocks[b].Marker[0].Text == "•" {
			d = 0.42 * size
			l.Runs = l.Runs[n:]
		} else {
			l.Runs = shiftRuns(l.Runs, n, cx-(mx0+mx1)/2)
		}
		discs = append(discs, Layer{Kind: EllipseLayer, Role: Decor, X: cx - d/2, Y: cy - d/2, W: d, H: d, Paint: Solid(look.Accent)})
	}
	sl.Layers[ti].Text = pg
	sl.Layers = append(sl.Layers[:ti], append(discs, sl.Layers[ti])...)
}

// shiftRuns returns runs with the first n moved across by dx.
func shiftRuns(runs []layout.Run, n int, dx float64) []layout.Run {
	out := append([]layout.Run(nil), runs...)
	for i := 0; i < n; i++ {
		r := out[i]
		r.X0 += dx
		r.X1 += dx
		gs := make([]layout.Glyph, len(r.Glyphs))
		for j, g := range r.Glyphs {
			gs[j] = layout.Glyph{ID: g.ID, X: g.X + dx, Y: g.Y}
		}
		r.Glyphs = gs
		out[i] = r
	}
	return out
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
	look := c.t.Look("sources")
	st := newStyler(c.t, look)
	lb := st.blocks(blocks)
	for i := range lb {
		if lb[i].Role == "list" {
			lb[i].Role, lb[i].Line = "sources", a.Meta.Lines["sources"]
		}
	}
	res := c.fitText(lb, look, true)
	pages := res.Pages
	first := len(c.slides)
	if len(pages) > 1 {
		c.warn(a.Meta.Lines["sources"], "the sources do not fit one slide at the minimum size (%.0f px); they continue on a second — shorten them", c.t.Type["body"].Min)
	}
	for pi, pg := range pages {
		sl := c.newSlide(Sources, a.Meta.Lines["sources"], look)
		c.placeText(&sl, look, pg, true)
		sl.Alt = "Sumber: " + strings.Join(a.Meta.Sources, "; ")
		if pi > 0 {
			sl.Warnings = append(sl.Warnings, "continued from the slide before: the text did not fit at the minimum size")
		}
		c.slides = append(c.slides, sl)
	}
	c.divided(res, a.File, first)
}
