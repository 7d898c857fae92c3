package deck

import (
	"math"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// shortFill is how much of its box a content slide's text may fill at the
// body size and still count as short: about half, a little more, since
// text ending just past the middle still leaves the slide's lower part
// bare.
const shortFill = 0.6

// shortSlides finds the content and list slides whose text fills about
// half its box or less at the template's body size, when the template
// sets such slides larger (its content layout's short), and marks their
// plans. They all share one size, so the post looks the same throughout:
// the largest, up to the template's short size, at which every one of
// them fits one slide whole.
func (c *composer) shortSlides(sections []content.Section, plans []plan) {
	short := c.t.Look("content").Short
	if short == nil {
		return
	}
	sizes := make([]float64, len(sections))
	c.each(len(sections), func(cc *composer, i int) { sizes[i] = cc.shortSize(sections[i], plans[i]) })
	size := short.Size
	found := false
	for i, big := range sizes {
		if big > 0 {
			plans[i].short, found = true, true
			size = min(size, big)
		}
	}
	if found {
		c.short = size
	}
}

// shortSize is the largest size a short content or list section fits
// one slide at, up to the template's short size; 0 when the section is
// not short.
func (c *composer) shortSize(s content.Section, p plan) float64 {
	if k := p.kind; k != Content && k != List || len(s.Blocks) == 0 {
		return 0
	}
	look := c.t.Look(p.kind.String())
	blocks := c.textBlocks(s, p.kind, look)
	if len(blocks) == 0 {
		return 0
	}
	body := c.t.Type["body"]
	box := c.blockBox(look, s.Blocks[0].Kind == content.Heading)
	at := c.eng.Fit(layout.Spec{Box: box, Blocks: blocks, MaxSize: body.Max, MinSize: body.Max})
	if at.Overflow || len(at.Broken) > 0 || at.Pages[0].Height >= box.H*shortFill {
		return 0
	}
	big, ok := c.largest(box, blocks, c.t.Look("content").Short.Size, inWord(at.Pages[0]))
	if !ok {
		return 0
	}
	return big
}

// largest is the largest size from most down to the body size at which
// blocks fit one slide with no word divided and no more lines ending
// inside a word (a link at a slash, a compound at its hyphen) than at
// the body size, split.
func (c *composer) largest(box layout.Box, blocks []layout.Block, most float64, split int) (float64, bool) {
	body := c.t.Type["body"].Max
	for size := math.Floor(most); size > body; size-- {
		r := c.eng.Fit(layout.Spec{Box: box, Blocks: blocks, MaxSize: size, MinSize: size})
		if !r.Overflow && len(r.Broken) == 0 && inWord(r.Pages[0]) <= split {
			return size, true
		}
	}
	return 0, false
}

// inWord counts the lines of a page that end inside a word: at a soft
// break of a link or a compound, the rest of the word on the next line.
func inWord(pg layout.Page) int {
	n := 0
	for i, l := range pg.Lines {
		if i+1 < len(pg.Lines) && pg.Lines[i+1].Block == l.Block && !l.SpaceAfter {
			n++
		}
	}
	return n
}

// textBlocks styles a section's blocks for a content or list slide, and
// returns its styler.
func (c *composer) textBlocks(s content.Section, k Kind, look theme.Look) []layout.Block {
	blocks, _ := c.textStyler(k, look).blocksAlt(s.Blocks)
	return blocks
}

// textStyler is the styler of a content or list slide: a list's items
// get badges when the template says so.
func (c *composer) textStyler(k Kind, look theme.Look) styler {
	st := newStyler(c.t, look)
	st.badges = k == List && look.Markers == "badge"
	return st
}

// fitShort sets a short slide's blocks at the post's short size, placed
// as the template says.
func (c *composer) fitShort(blocks []layout.Block, look theme.Look, heading bool) layout.Result {
	va := layout.Top
	if c.t.Look("content").Short.Place == "center" {
		va = layout.Middle
	}
	return c.eng.Fit(layout.Spec{Box: c.blockBox(look, heading), Blocks: blocks, MaxSize: c.short, MinSize: c.t.Type["body"].Min, VAlign: va})
}
