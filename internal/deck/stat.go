package deck

import (
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// stat makes a slide of one big figure or short phrase ("20 detik") with
// the sentence that explains it, and an optional heading as a kicker. It
// reports false when the section is not shaped like one (a forced stat
// without a figure, or a label too long), and makes nothing.
func (c *composer) stat(s content.Section, p plan) bool {
	blocks := s.Blocks
	var kicker []content.Block
	if len(blocks) > 0 && blocks[0].Kind == content.Heading {
		kicker, blocks = blocks[:1], blocks[1:]
	}
	shape := statParts(blocks)
	if shape == nil {
		c.warn(s.Line, "<!-- layout: stat --> needs a short phrase in bold on its own line, then a sentence, like \"**20 detik**\" and \"Waktu mencuci tangan.\"; the slide is laid out as text")
		return false
	}
	look := c.t.Look("stat")
	st := newStyler(c.t, look)
	title, body := c.t.Type["title"], c.t.Type["body"]
	align := layout.Left
	if look.Align == "center" {
		align = layout.Center
	}
	box := c.textBox(look)
	var parts []layout.Page
	var originals []map[int]string
	var fits []layout.Result // for the words they divide
	if kicker != nil {
		kb, o := st.blocksAlt(kicker)
		for i := range kb {
			kb[i].Scale *= 0.7
			kb[i].Align = align
		}
		// A kicker is smaller than a heading, never smaller than body text.
		res := c.eng.Fit(layout.Spec{Box: box, Blocks: kb, MaxSize: body.Max, MinSize: body.Min / min(1, kb[0].Scale)})
		parts, originals, fits = append(parts, res.Pages[0]), append(originals, o), append(fits, res)
	}
	lb := st.blocks(shape.label)
	for i := range lb {
		lb[i].Align = align
	}
	label := c.eng.Fit(layout.Spec{Box: box, Blocks: lb, MaxSize: body.Max * 1.05, MinSize: body.Min})
	gaps := []float64{0.3 * title.Min, 0.4 * title.Min}
	if kicker == nil {
		gaps = gaps[1:]
	}
	room := box.H - label.Pages[0].Height
	for i, pg := range parts {
		room -= pg.Height + gaps[i]
	}
	room -= gaps[len(gaps)-1]
	fig := c.figure(box, shape.figure, look, align, room, s.Line)
	parts, originals = append(parts, fig.Pages[0]), append(originals, nil)
	parts, originals = append(parts, label.Pages[0]), append(originals, nil)
	fits = append(fits, fig, label)
	used := 0.0
	for i, pg := range parts {
		used += pg.Height
		if i > 0 {
			used += gaps[i-1]
		}
	}
	if label.Overflow || used > box.H {
		if p.forced {
			c.warn(s.Line, "the stat and its sentence do not fit one slide; the slide is laid out as text — shorten the sentence")
		}
		return false
	}
	y := box.Y
	switch valign(look.VAlign) {
	case layout.Middle:
		y += (box.H - used) / 2
	case layout.Bottom:
		y += box.H - used
	}
	sl := c.newSlide(Stat, s.Line, look)
	var placed []layout.Page
	var alt []string
	for i, pg := range parts {
		moved := shift(pg, 0, y-box.Y)
		placed = append(placed, moved)
		alt = append(alt, pageText(moved, originals[i]))
		y += pg.Height
		if i < len(gaps) {
			y += gaps[i]
		}
	}
	if p.bg != nil {
		_, y0, _, _, _ := bounds(placed[0])
		_, _, _, y1, _ := bounds(placed[len(placed)-1])
		c.photoBackdrop(&sl, look, p.bg, p.fx, p.fy, y0, y1)
	}
	if pn := look.Panel; pn != nil {
		k := min(1, c.h/c.w)
		_, top, _, _, _ := bounds(placed[0])
		_, _, _, bottom, _ := bounds(placed[len(placed)-1])
		sl.Layers = append(sl.Layers, Layer{Kind: RectLayer, Role: Decor, X: box.X - pn.Padding, Y: top - pn.Padding*k,
			W: box.W + 2*pn.Padding, H: bottom - top + 2*pn.Padding*k, Radius: pn.Radius * k, Paint: Solid(pn.Color)})
	}
	for _, pg := range placed {
		sl.Layers = append(sl.Layers, textLayer(pg, Body))
	}
	sl.Alt = ensurePeriod(joinSentences(alt...))
	if s.Alt != "" {
		sl.Alt = s.Alt
	}
	c.slides = append(c.slides, sl)
	for _, f := range fits {
		c.divided(f, c.in.Article.File, len(c.slides)-1)
	}
	return true
}

// figure sets the stat's phrase as large as fits on one line and in room
// pixels of height, from twice the title size down to the title's
// smallest; a phrase too long for one line at that size wraps.
func (c *composer) figure(box layout.Box, spans []content.Span, look theme.Look, align layout.Align, room float64, line int) layout.Result {
	title := c.t.Type["title"]
	st := newStyler(c.t, look)
	sp := st.spans(spans, face(title), look.Heading)
	for i := range sp {
		sp[i].Text = cased(title, sp[i].Text)
	}
	block := layout.Block{Spans: sp, LineHeight: 1.02, Tracking: title.Tracking, Align: align, Role: "stat", Line: line}
	fit := func(size int) layout.Result {
		return c.eng.Fit(layout.Spec{Box: box, Blocks: []layout.Block{block}, MaxSize: float64(size), MinSize: float64(size)})
	}
	best := -1
	for lo, hi := int(title.Min), int(min(title.Max*2, room/1.05)); lo <= hi; {
		m := (lo + hi) / 2
		if r := fit(m); len(r.Pages[0].Lines) == 1 && len(r.Broken) == 0 {
			best, lo = m, m+1
		} else {
			hi = m - 1
		}
	}
	if best < 0 {
		best = int(title.Min)
	}
	return fit(best)
}
