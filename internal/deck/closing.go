package deck

import (
	"fmt"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/layout"
)

// closing makes the call-to-action slide from pkpm.yaml: the account's
// logo, the message, the reactions to ask for and the handle, the text
// as prefit laid closingSpec out.
func (c *composer) closing(res layout.Result) {
	p := c.in.Project
	look := c.t.Look("closing")
	sl := c.newSlide(Closing, 0, look)
	x0, x1 := c.gridSafe()
	logo := c.closingLogo()
	if res.Overflow {
		c.fail("pkpm.yaml", 0, "the closing slide's title and text do not fit on a %s slide; shorten closing.title or closing.text", c.in.Size)
	}
	k := min(1, c.h/c.w)
	page := res.Pages[0]
	if logo > 0 {
		if _, y0, _, _, ok := bounds(page); ok {
			ls, w := c.logo(logo, sl.Background.From)
			x := x0
			if look.Align == "center" {
				x = x0 + (x1-x0-w)/2
			}
			for _, l := range ls {
				sl.Layers = append(sl.Layers, moveLayer(l, x, y0-36*k-logo/2))
			}
			for i := range sl.Layers {
				if sl.Layers[i].Role == Chrome {
					sl.Layers[i].Role = Decor // the big logo is part of the slide, not its footer
				}
			}
		}
	}
	c.placeText(&sl, look, page, false)
	sl.Alt = fmt.Sprintf("%s %s", ensurePeriod(p.Closing.Title), ensurePeriod(p.Closing.Text))
	c.slides = append(c.slides, sl)
	c.divided(res, config.FileName, len(c.slides)-1)
}

// closingLogo is the size of the closing slide's big logo, 0 for none:
// a wide canvas has no room for it.
func (c *composer) closingLogo() float64 {
	if c.h < c.w {
		return 0
	}
	return 132 * min(1, c.h/c.w)
}

// closingSpec is what the closing slide's text is laid out as. It
// depends on the template, the project and the canvas alone, so prefit
// lays it out beside the sections.
func (c *composer) closingSpec() layout.Spec {
	t := c.t
	p := c.in.Project
	look := t.Look("closing")
	title := t.Type["title"]
	x0, x1 := c.gridSafe()
	align := layout.Left
	if look.Align == "center" {
		align = layout.Center
	}
	blocks := []layout.Block{
		{Spans: []layout.Span{{Text: cased(title, p.Closing.Title), Style: face(title), Color: look.Text}}, Scale: 0.8, MinSize: look.TitleMin, LineHeight: title.LineHeight, Tracking: title.Tracking, Align: align, Role: "closing", Balance: true},
		{Spans: []layout.Span{{Text: p.Closing.Text, Color: look.Text}}, Scale: 0.45, LineHeight: 1.35, SpaceBefore: 0.5, Align: align, Role: "closing"},
	}
	if look.Icons {
		blocks = append(blocks, layout.Block{Spans: []layout.Span{{Text: "❤️ Suka   💬 Komentar   🔖 Simpan   📤 Bagikan", Style: layout.Bold, Color: look.Text}}, Scale: 0.34, LineHeight: 1.4, SpaceBefore: 0.9, Align: align, Role: "closing"})
	}
	blocks = append(blocks, layout.Block{Spans: []layout.Span{{Text: p.Handle, Style: layout.Bold, Color: look.Heading}}, Scale: 0.5, SpaceBefore: 0.9, Align: align, Role: "closing"})
	if c.h < c.w {
		// A wide canvas keeps the message and the handle only.
		blocks = []layout.Block{blocks[0], blocks[1], blocks[len(blocks)-1]}
		blocks[1].SpaceBefore, blocks[2].SpaceBefore = 0.3, 0.4
	}
	m := c.m
	k := min(1, c.h/c.w)
	logo := c.closingLogo()
	box := c.clear(look, layout.Box{X: x0, Y: m.Top + logo + 36*k, W: x1 - x0, H: c.h - m.Top - m.Bottom - 40 - logo - 36*k})
	// The call to action is body text: it may not shrink below the body
	// minimum, which sets how far the whole slide can shrink; the title
	// stops at the kind's smallest title size.
	return layout.Spec{Box: box, Blocks: blocks,
		MaxSize: title.Max, MinSize: t.Type["body"].Min / 0.45, VAlign: valign(look.VAlign), FewerLines: true}
}
