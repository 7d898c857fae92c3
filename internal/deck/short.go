package deck

import (
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// shortFill is how much of its box a content slide's text may fill at the
// body size and still count as short: about half, a little more, since
// text ending just past the middle still leaves the slide's lower part
// bare.
const shortFill = 0.6

// shortSlides finds the content slides whose text fills about half its
// box or less at the template's body size, when the template sets such slides
// larger, and marks their plans. They all share one size, so the post
// looks the same throughout: the largest, up to the template's short
// size, at which every one of them fits one slide whole.
func (c *composer) shortSlides(sections []content.Section, plans []plan) {
	look := c.t.Look("content")
	if look.Short == nil {
		return
	}
	body := c.t.Type["body"]
	size := look.Short.Size
	found := false
	for i, s := range sections {
		if plans[i].kind != Content || len(s.Blocks) == 0 {
			continue
		}
		blocks := c.contentBlocks(s, look)
		if len(blocks) == 0 {
			continue
		}
		box := c.blockBox(look, s.Blocks[0].Kind == content.Heading)
		at := c.eng.Fit(layout.Spec{Box: box, Blocks: blocks, MaxSize: body.Max, MinSize: body.Max})
		if at.Overflow || len(at.Broken) > 0 || at.Pages[0].Height >= box.H*shortFill {
			continue
		}
		big := c.eng.Fit(layout.Spec{Box: box, Blocks: blocks, MaxSize: look.Short.Size, MinSize: body.Max})
		if big.Overflow || len(big.Broken) > 0 {
			continue
		}
		plans[i].short, found = true, true
		size = min(size, big.Size)
	}
	if found {
		c.short = size
	}
}

// contentBlocks styles a content section's blocks as text() does.
func (c *composer) contentBlocks(s content.Section, look theme.Look) []layout.Block {
	st := newStyler(c.t, look)
	blocks, _ := st.blocksAlt(s.Blocks)
	return blocks
}

// fitShort sets a short slide's blocks at the post's short size, placed
// as the template says.
func (c *composer) fitShort(blocks []layout.Block, look theme.Look, heading bool) layout.Result {
	va := layout.Top
	if look.Short.Place == "center" {
		va = layout.Middle
	}
	return c.eng.Fit(layout.Spec{Box: c.blockBox(look, heading), Blocks: blocks, MaxSize: c.short, MinSize: c.t.Type["body"].Min, VAlign: va})
}
