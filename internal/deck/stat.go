package deck

import (
	"math"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// stat makes a slide of one big figure or short phrase ("20 detik") with
// the sentence that explains it, and an optional heading as a kicker. It
// reports false when the section is not shaped like one (a forced stat
// without a figure), or cannot be set as one even at the smallest sizes,
// and makes nothing.
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
	set, ok := c.setStat(c.textBox(look), kicker, shape, look, s.Line)
	if !ok {
		c.warn(s.Line, "the stat and its sentence do not fit one slide even at the smallest sizes; the slide is laid out as text — shorten the sentence")
		return false
	}
	c.placeStat(s, p, look, set)
	return true
}

// figureRatio is how much larger than its sentence a stat's figure is
// set at least, where the sentence can shrink to make room.
const figureRatio = 1.8

// statSet is a stat's parts as fitted, top to bottom: the kicker, the
// figure and the label, each a page at the top of the box, with the gaps
// between them.
type statSet struct {
	box       layout.Box
	parts     []layout.Page
	originals []map[int]string // per part, for alt text
	fits      []layout.Result  // for the words they divide
	gaps      []float64
}

func (s *statSet) add(r layout.Result, originals map[int]string) {
	s.parts, s.originals, s.fits = append(s.parts, r.Pages[0]), append(s.originals, originals), append(s.fits, r)
}

// used is the height the parts take with their gaps.
func (s *statSet) used() float64 {
	h := 0.0
	for i, pg := range s.parts {
		h += pg.Height
		if i > 0 {
			h += s.gaps[i-1]
		}
	}
	return h
}

// setStat fits a stat's parts in a box. The figure is kept room for at
// its smallest size first, so a long sentence shrinks before the figure
// is given up; then the figure grows into what the sentence leaves. It
// reports false when the parts do not fit even at their smallest sizes.
func (c *composer) setStat(box layout.Box, kicker []content.Block, shape *statShape, look theme.Look, line int) (statSet, bool) {
	st := newStyler(c.t, look)
	body := c.t.Type["body"]
	align := layout.Left
	if look.Align == "center" {
		align = layout.Center
	}
	set := statSet{box: box, gaps: []float64{0.3 * look.TitleMin, 0.4 * look.TitleMin}}
	if kicker != nil {
		kb, o := st.blocksAlt(kicker)
		for i := range kb {
			kb[i].Scale *= 0.7
			kb[i].Align = align
			kb[i].MinSize = 0 // a kicker, not the slide's title
		}
		// A kicker is smaller than a heading, never smaller than body text.
		set.add(c.eng.Fit(layout.Spec{Box: box, Blocks: kb, MaxSize: body.Max, MinSize: body.Min / min(1, kb[0].Scale)}), o)
	} else {
		set.gaps = set.gaps[1:]
	}
	above := 0.0
	for i, pg := range set.parts {
		above += pg.Height + set.gaps[i]
	}
	least := c.figure(box, shape.figure, look, align, 0, line)
	lb := st.blocks(shape.label)
	for i := range lb {
		lb[i].Align = align
	}
	labelBox := box
	labelBox.H = box.H - above - least.Pages[0].Height - set.gaps[len(set.gaps)-1]
	if labelBox.H <= 0 {
		return set, false
	}
	// The figure is the point of the slide: where the room is tight (a
	// wide canvas), the sentence gives up size until the figure is at
	// least figureRatio times as large, or the sentence is at its minimum.
	var label, fig layout.Result
	for max := body.Max * 1.05; ; max -= 2 {
		max = math.Max(max, body.Min)
		label = c.eng.Fit(layout.Spec{Box: labelBox, Blocks: lb, MaxSize: max, MinSize: body.Min})
		room := box.H - above - label.Pages[0].Height - set.gaps[len(set.gaps)-1]
		fig = c.figure(box, shape.figure, look, align, room, line)
		if fig.Size >= figureRatio*label.Size || max <= body.Min {
			break
		}
	}
	set.add(fig, nil)
	set.add(label, nil)
	return set, !label.Overflow && set.used() <= box.H+0.5
}

// placeStat adds the stat slide: the parts placed as the template aligns
// them, a photo or a panel behind them.
func (c *composer) placeStat(s content.Section, p plan, look theme.Look, set statSet) {
	box, used := set.box, set.used()
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
	for i, pg := range set.parts {
		moved := shift(pg, 0, y-box.Y)
		placed = append(placed, moved)
		alt = append(alt, pageText(moved, set.originals[i]))
		y += pg.Height
		if i < len(set.gaps) {
			y += set.gaps[i]
		}
	}
	_, top, _, _, _ := bounds(placed[0])
	_, _, _, bottom, _ := bounds(placed[len(placed)-1])
	if p.bg != nil {
		c.photoBackdrop(&sl, look, p.bg, p.fx, p.fy, top, bottom)
	}
	if pn := look.Panel; pn != nil {
		k := min(1, c.h/c.w)
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
	for _, f := range set.fits {
		c.divided(f, c.in.Article.File, len(c.slides)-1)
	}
}

// figure sets the stat's phrase as large as fits on one line and in room
// pixels of height, from twice the title size down to the stat's smallest
// title size; a phrase too long for one line at that size wraps.
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
	for lo, hi := int(look.TitleMin), int(min(title.Max*2, room/1.05)); lo <= hi; {
		m := (lo + hi) / 2
		if r := fit(m); len(r.Pages[0].Lines) == 1 && len(r.Broken) == 0 {
			best, lo = m, m+1
		} else {
			hi = m - 1
		}
	}
	if best < 0 {
		best = int(look.TitleMin)
	}
	return fit(best)
}
