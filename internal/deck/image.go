package deck

import (
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
)

// imageSlide shows a section's lone image. Inset, the image fills the
// area under the section's text, with rounded corners; bleed, it fills
// the whole slide and the text sits at the bottom on a veil.
func (c *composer) imageSlide(s content.Section, p plan) {
	at := 0
	for i, b := range s.Blocks {
		if b.Kind == content.Image {
			at = i
			break
		}
	}
	img := s.Blocks[at]
	rest := append(append([]content.Block{}, s.Blocks[:at]...), s.Blocks[at+1:]...)
	look := c.t.Look("image")
	mode := look.Mode
	if p.mode != "" {
		mode = p.mode
	}
	sl := c.newSlide(ImageSlide, s.Line, look)
	if p.bg != nil {
		c.warn(s.Line, "an image slide shows its own photo; its <!-- background: ... --> is left out")
	}
	pic := c.in.Images[img.Src]
	st := newStyler(c.t, look)
	body := c.t.Type["body"]
	box := c.contentBox()
	alt := img.Alt
	var text *layout.Page
	var originals map[int]string
	var fitted layout.Result
	if len(rest) > 0 {
		var blocks []layout.Block
		blocks, originals = st.blocksAlt(rest)
		tb := layout.Box{X: box.X, Y: box.Y, W: box.W, H: box.H * 0.38}
		va := layout.Top
		if mode == "bleed" {
			tb.Y, va = box.Y+box.H-tb.H, layout.Bottom
		}
		res := c.eng.Fit(layout.Spec{Box: tb, Blocks: blocks, MaxSize: body.Max, MinSize: body.Min, VAlign: va})
		if res.Overflow {
			c.warn(s.Line, "the text with the image does not fit; keep it to a heading and a sentence, or give the text its own slide")
		}
		text, fitted = &res.Pages[0], res
		alt = joinSentences(pageText(*text, originals), img.Alt)
	}
	if mode == "bleed" {
		if pic != nil {
			sl.Layers = append(sl.Layers, Layer{Kind: ImageLayer, W: c.w, H: c.h, Image: pic, FocusX: p.fx, FocusY: p.fy})
		}
		if text != nil {
			if _, y0, _, _, ok := bounds(*text); ok && pic != nil {
				top := y0 - 56
				c.veil(&sl, 0, top, c.w, c.h-top, look.Caption.Color, look.Caption.Opacity)
				c.fade(&sl, top-c.h*0.18, c.h*0.18, false)
			}
			sl.Layers = append(sl.Layers, textLayer(*text, Body))
		}
	} else {
		if text != nil {
			sl.Layers = append(sl.Layers, textLayer(*text, Body))
			used := text.Height + 40
			box.Y += used
			box.H -= used
		}
		if pic != nil {
			k := min(1, c.h/c.w)
			sl.Layers = append(sl.Layers, Layer{Kind: ImageLayer, X: box.X, Y: box.Y, W: box.W, H: box.H, Radius: look.Radius * k, Image: pic, FocusX: p.fx, FocusY: p.fy})
		}
	}
	if img.Alt == "" {
		c.warn(img.Line, "image %q has no alt text; describe it in the brackets: ![what it shows](%s)", img.Src, img.Src)
	}
	sl.Alt = alt
	if s.Alt != "" {
		sl.Alt = s.Alt
	}
	c.slides = append(c.slides, sl)
	c.divided(fitted, c.in.Article.File, len(c.slides)-1)
}
