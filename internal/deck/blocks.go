package deck

import (
	"fmt"
	"image/color"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// styler turns Markdown blocks into layout blocks with a template's colours
// and type scale; sizes are relative to the body size.
type styler struct {
	t    *theme.Template
	text color.RGBA // body text colour on this slide's background
	head color.RGBA // heading colour
	link color.RGBA
}

func newStyler(t *theme.Template) styler {
	return styler{t: t, text: t.Color("text"), head: t.Color("primary"), link: t.Color("primary")}
}

func (s styler) scale(role string) float64 {
	return s.t.Type[role].Max / s.t.Type["body"].Max
}

// spans converts inline spans, mapping Markdown styles to faces and colours.
func (s styler) spans(in []content.Span, base layout.Style, c color.RGBA) []layout.Span {
	out := make([]layout.Span, 0, len(in))
	for _, sp := range in {
		st := base
		col := c
		if sp.Style&content.Bold != 0 {
			st |= layout.Bold
		}
		if sp.Style&content.Italic != 0 {
			st |= layout.Italic
		}
		if sp.Style&content.Code != 0 {
			st |= layout.Mono
		}
		if sp.Style&content.Strike != 0 {
			st |= layout.Strike
		}
		if sp.Style&content.Link != 0 {
			st |= layout.Underline
			col = s.link
			if sp.URL == sp.Text {
				st |= layout.URL
			}
		}
		out = append(out, layout.Span{Text: sp.Text, Style: st, Color: col})
	}
	return out
}

// blocks converts a section's blocks; the first block gets no space above.
func (s styler) blocks(in []content.Block) []layout.Block {
	var out []layout.Block
	for _, b := range in {
		out = append(out, s.block(b, 0)...)
	}
	if len(out) > 0 {
		out[0].SpaceBefore = 0
	}
	return out
}

// block converts one Markdown block, remembering its source line.
func (s styler) block(b content.Block, indent float64) []layout.Block {
	out := s.convert(b, indent)
	for i := range out {
		if out[i].Line == 0 {
			out[i].Line = b.Line
		}
	}
	return out
}

func (s styler) convert(b content.Block, indent float64) []layout.Block {
	body := s.t.Type["body"]
	switch b.Kind {
	case content.Heading:
		ts := s.t.Type["heading"]
		sc := s.scale("heading") * [...]float64{1.12, 1, 0.8}[clampLevel(b.Level)-1]
		return []layout.Block{{Spans: s.spans(b.Spans, layout.Bold, s.head), Scale: sc, LineHeight: ts.LineHeight,
			Tracking: ts.Tracking, SpaceBefore: 0.9, Indent: indent}}
	case content.List:
		return s.list(b, indent)
	case content.Quote:
		ts := s.t.Type["quote"]
		var out []layout.Block
		for i, c := range b.Children {
			for _, lb := range s.block(c, indent+0.75) {
				if lb.Table == nil && lb.Deco == layout.NoDeco {
					lb.Scale *= s.scale("quote")
					lb.LineHeight = ts.LineHeight
					for k := range lb.Spans {
						lb.Spans[k].Style |= layout.Italic
					}
				}
				lb.Deco, lb.DecoColor = layout.QuoteBar, s.t.Color("accent")
				if i == 0 && len(out) == 0 {
					lb.SpaceBefore = 0.8
				}
				out = append(out, lb)
			}
		}
		return out
	case content.CodeBlock:
		return []layout.Block{{Spans: s.spans(b.Spans, layout.Mono, s.text), LineHeight: 1.35,
			SpaceBefore: 0.9, Indent: indent + 0.5, Deco: layout.CodeBox, DecoColor: s.t.Color("surface")}}
	case content.Table:
		t := &layout.Table{RuleColor: s.t.Color("rule")}
		for r, row := range b.Rows {
			var cells [][]layout.Span
			for _, cell := range row {
				st := layout.Style(0)
				if r == 0 {
					st = layout.Bold
				}
				cells = append(cells, s.spans(cell, st, s.text))
			}
			t.Rows = append(t.Rows, cells)
		}
		return []layout.Block{{Table: t, LineHeight: 1.25, SpaceBefore: 0.7, Indent: indent}}
	case content.Image:
		// An image among text is shown by its alt text; lone images make
		// image slides before they get here.
		return []layout.Block{{Spans: []layout.Span{{Text: b.Alt, Style: layout.Italic, Color: s.t.Color("muted")}},
			LineHeight: body.LineHeight, SpaceBefore: 0.6, Indent: indent}}
	}
	return []layout.Block{{Spans: s.spans(b.Spans, 0, s.text), LineHeight: body.LineHeight, SpaceBefore: 0.6, Indent: indent}}
}

// list gives each item's first paragraph a marker hanging in its indent;
// nested lists indent one step further.
func (s styler) list(b content.Block, indent float64) []layout.Block {
	body := s.t.Type["body"]
	step := 1.1
	if b.Ordered {
		step = 1.35
	}
	var out []layout.Block
	for i, it := range b.Items {
		marker := []layout.Span{{Text: "•", Style: layout.Bold, Color: s.head}}
		if b.Ordered {
			marker = []layout.Span{{Text: fmt.Sprintf("%d.", b.Start+i), Style: layout.Bold, Color: s.head}}
		}
		first := true
		for _, c := range it.Blocks {
			if c.Kind == content.List {
				out = append(out, s.list(c, indent+step)...)
				continue
			}
			for _, lb := range s.block(c, indent+step) {
				lb.SpaceBefore = 0.35
				if first {
					lb.Marker = marker
					first = false
				}
				lb.LineHeight = body.LineHeight
				out = append(out, lb)
			}
		}
		if first {
			out = append(out, layout.Block{Marker: marker, Indent: indent + step, SpaceBefore: 0.35, LineHeight: body.LineHeight})
		}
	}
	if len(out) > 0 {
		out[0].SpaceBefore = 0.6
	}
	return out
}

func clampLevel(l int) int { return min(max(l, 1), 3) }
