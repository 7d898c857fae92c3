package deck

import (
	"fmt"
	"image/color"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// styler turns Markdown blocks into layout blocks with a template's type
// roles and one slide kind's colours; sizes are relative to the body size.
type styler struct {
	t         *theme.Template
	text      color.RGBA // body text
	head      color.RGBA // headings and links
	marker    color.RGBA // list markers
	bar       color.RGBA // quote bars
	muted     color.RGBA
	align     layout.Align
	badges    bool       // list slides: top-level items get numbered badges
	badgeText color.RGBA // the number on a badge
	titleMin  float64    // the smallest size of a heading, in pixels
}

func newStyler(t *theme.Template, l theme.Look) styler {
	s := styler{t: t, text: l.Text, head: l.Heading, marker: l.Heading, bar: l.Accent, muted: l.Chrome, badgeText: l.Badge, titleMin: l.TitleMin}
	if l.Align == "center" {
		s.align = layout.Center
	}
	return s
}

func (s styler) scale(role string) float64 {
	return s.t.Type[role].Max / s.t.Type["body"].Max
}

// face is the layout style of a type role's font.
func face(ts theme.TypeStyle) layout.Style {
	switch ts.Font {
	case "display":
		return layout.Display
	case "bold":
		return layout.Bold
	case "italic":
		return layout.Italic
	case "bold-italic":
		return layout.Bold | layout.Italic
	}
	return 0
}

// cased applies a type role's letter case.
func cased(ts theme.TypeStyle, s string) string {
	if ts.Case == "upper" {
		return strings.ToUpper(s)
	}
	return s
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
			col = s.head
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
	out, _ := s.blocksAlt(in)
	return out
}

// blocksAlt converts blocks and also returns, by layout block index, the
// text alt text reads instead of what the slide shows: headings whose
// letter case the template changes as the author wrote them, and blocks
// with struck-through text without it.
func (s styler) blocksAlt(in []content.Block) ([]layout.Block, map[int]string) {
	var out []layout.Block
	originals := map[int]string{}
	for _, b := range in {
		first := len(out)
		if b.Kind == content.Heading && s.t.Type["heading"].Case != "none" {
			originals[first] = withoutStrike(b.Spans)
		}
		out = append(out, s.block(b, 0)...)
		for i := first; i < len(out); i++ {
			if _, set := originals[i]; !set {
				if kept, struck := struckText(out[i]); struck {
					originals[i] = kept
				}
			}
		}
	}
	if len(out) > 0 {
		out[0].SpaceBefore = 0
	}
	for i := range out {
		if out[i].Align == layout.Left && out[i].Marker == nil && out[i].Table == nil && out[i].Deco == layout.NoDeco {
			out[i].Align = s.align
		}
	}
	return out, originals
}

// block converts one Markdown block, remembering its source line.
func (s styler) block(b content.Block, indent float64) []layout.Block {
	out := s.convert(b, indent)
	for i := range out {
		if out[i].Line == 0 {
			out[i].Line = b.Line
		}
		if out[i].Role == "" {
			out[i].Role = "body"
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
		spans := s.spans(b.Spans, face(ts), s.head)
		for i := range spans {
			spans[i].Text = cased(ts, spans[i].Text)
		}
		return []layout.Block{{Spans: spans, Scale: sc, MinSize: s.titleMin, LineHeight: ts.LineHeight,
			Tracking: ts.Tracking, SpaceBefore: 0.9, Indent: indent, Role: "heading", Balance: true}}
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
						lb.Spans[k].Style |= face(ts)
					}
				}
				lb.Deco, lb.DecoColor, lb.Role = layout.QuoteBar, s.bar, "quote"
				if i == 0 && len(out) == 0 {
					lb.SpaceBefore = 0.8
				}
				out = append(out, lb)
			}
		}
		return out
	case content.CodeBlock:
		return []layout.Block{{Spans: s.spans(b.Spans, layout.Mono, s.t.Color("text")), LineHeight: 1.35,
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
		return []layout.Block{{Spans: []layout.Span{{Text: b.Alt, Style: layout.Italic, Color: s.muted}},
			LineHeight: body.LineHeight, SpaceBefore: 0.6, Indent: indent}}
	}
	return []layout.Block{{Spans: s.spans(b.Spans, face(body), s.text), LineHeight: body.LineHeight, SpaceBefore: 0.6, Indent: indent,
		Tracking: body.Tracking}}
}

// list gives each item's first paragraph a marker hanging in its indent;
// nested lists indent one step further. On a list slide the top-level
// markers sit in badges, which need a wider indent.
func (s styler) list(b content.Block, indent float64) []layout.Block {
	body := s.t.Type["body"]
	badge := s.badges && indent == 0
	step := 1.1
	if b.Ordered {
		step = 1.35
	}
	if badge {
		step = 1.85
	}
	var out []layout.Block
	for i, it := range b.Items {
		marker := []layout.Span{{Text: "•", Style: layout.Bold, Color: s.marker}}
		if b.Ordered {
			marker = []layout.Span{{Text: fmt.Sprintf("%d.", b.Start+i), Style: layout.Bold, Color: s.marker}}
		}
		if badge {
			text := "•"
			if b.Ordered {
				text = fmt.Sprint(b.Start + i)
			}
			marker = []layout.Span{{Text: text, Style: layout.Bold, Color: s.badgeText}}
		}
		first := true
		for _, c := range it.Blocks {
			if c.Kind == content.List {
				inner := s
				inner.badges = false
				out = append(out, inner.list(c, indent+step)...)
				continue
			}
			for _, lb := range s.block(c, indent+step) {
				lb.SpaceBefore = 0.35
				if badge {
					lb.SpaceBefore = 0.55
				}
				if first {
					lb.Marker = marker
					first = false
				}
				lb.LineHeight = body.LineHeight
				if lb.Role == "body" {
					lb.Role = "list"
				}
				out = append(out, lb)
			}
		}
		if first {
			out = append(out, layout.Block{Marker: marker, Indent: indent + step, SpaceBefore: 0.35, LineHeight: body.LineHeight, Role: "list"})
		}
	}
	if len(out) > 0 {
		out[0].SpaceBefore = 0.6
	}
	return out
}

func clampLevel(l int) int { return min(max(l, 1), 3) }
