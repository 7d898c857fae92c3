package deck

import (
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// quote makes a pull-quote slide: the quotation large, a big quotation
// mark above it, and the attribution ("— Ketua RT 04") set apart.
func (c *composer) quote(s content.Section, p plan) {
	look := c.t.Look("quote")
	st := newStyler(c.t, look)
	qt := c.t.Type["quote"]
	align := layout.Left
	if look.Align == "center" {
		align = layout.Center
	}
	var blocks []layout.Block
	var originals map[int]string
	for _, b := range s.Blocks {
		children := []content.Block{b}
		if b.Kind == content.Quote {
			children = b.Children
		}
		if b.Kind == content.Heading {
			hb, o := st.blocksAlt([]content.Block{b})
			if len(o) > 0 {
				originals = map[int]string{len(blocks): o[0]}
			}
			for i := range hb {
				hb[i].Scale = max(1, hb[i].Scale*0.8) // a kicker, never below body text
				hb[i].Align = align
			}
			blocks = append(blocks, hb...)
			continue
		}
		for i, ch := range children {
			if ch.Kind != content.Paragraph {
				blocks = append(blocks, st.block(ch, 0)...)
				continue
			}
			lb := layout.Block{Spans: st.spans(ch.Spans, face(qt), look.Text), Scale: st.scale("quote"), LineHeight: qt.LineHeight,
				Tracking: qt.Tracking, SpaceBefore: 0.5, Align: align, Line: ch.Line, Role: "quote"}
			if i == len(children)-1 && i > 0 && isAttribution(ch) {
				lb = layout.Block{Spans: st.spans(ch.Spans, layout.Bold, look.Heading), LineHeight: 1.3, SpaceBefore: 0.9, Align: align, Line: ch.Line, Role: "quote"}
			}
			blocks = append(blocks, lb)
		}
	}
	if len(blocks) == 0 {
		return
	}
	blocks[0].SpaceBefore = 0
	body := c.t.Type["body"]
	box := c.textBox(look)
	markSize := 0.0
	if look.Mark {
		markSize = min(qt.Max*4.4, box.H*0.32)
		box.Y += markSize * 0.5
		box.H -= markSize * 0.5
	}
	res := c.eng.Fit(layout.Spec{Box: box, Blocks: blocks, MaxSize: body.Max, MinSize: body.Min, VAlign: valign(look.VAlign), Repeat: continued(blocks)})
	first := len(c.slides) + 1
	for pi, pg := range res.Pages {
		sl := c.newSlide(Quote, s.Line, look)
		if _, y0, _, y1, ok := bounds(pg); ok && p.bg != nil {
			if pi == 0 && look.Mark {
				y0 -= markSize * 0.6
			}
			c.photoBackdrop(&sl, look, p.bg, p.fx, p.fy, y0, y1)
		}
		if pi == 0 && look.Mark {
			c.mark(&sl, look, pg, box, markSize, align)
		}
		c.placeText(&sl, look, pg, false)
		sl.Alt = pageText(pg, originals)
		if s.Alt != "" && len(res.Pages) == 1 {
			sl.Alt = s.Alt
		}
		if pi > 0 {
			sl.Warnings = append(sl.Warnings, "continued from the slide before: the text did not fit at the minimum size")
		}
		c.slides = append(c.slides, sl)
	}
	c.divided(res, c.in.Article.File, first-1)
	if res.Overflow {
		c.warn(s.Line, "the quote does not fit one slide at the minimum size (%.0f px); it continues on slides %d–%d — shorten it", body.Min, first, first+len(res.Pages)-1)
	}
}

// mark sets a large opening quotation mark just above the text. The
// glyph hangs from the cap height: its foot is about 0.42 em above the
// baseline.
func (c *composer) mark(sl *Slide, look theme.Look, pg layout.Page, box layout.Box, size float64, align layout.Align) {
	_, y0, _, _, ok := bounds(pg)
	if !ok {
		return
	}
	res := c.eng.Fit(layout.Spec{Box: layout.Box{X: box.X, Y: 0, W: box.W, H: size * 1.5}, MaxSize: size, MinSize: size,
		Blocks: []layout.Block{{Spans: []layout.Span{{Text: "\u201C", Style: layout.Display, Color: look.Accent}}, LineHeight: 1, Align: align}}})
	mp := res.Pages[0]
	if len(mp.Lines) == 0 {
		return
	}
	baseline := y0 - 0.08*size + 0.42*size
	dx := 0.0
	if align == layout.Left {
		dx = -0.04 * size
	}
	sl.Layers = append(sl.Layers, textLayer(shift(mp, dx, baseline-mp.Lines[0].Y), Decor))
}

// isAttribution recognises a quote's last line naming who said it.
func isAttribution(b content.Block) bool {
	t := strings.TrimSpace(content.PlainText(b.Spans))
	for _, dash := range []string{"—", "–", "-", "~"} {
		if strings.HasPrefix(t, dash) {
			return true
		}
	}
	return false
}
