package deck

import (
	"image"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// plan is how one section becomes slides: its kind and the settings its
// <!-- key: value --> comments give.
type plan struct {
	kind   Kind
	forced bool        // the kind came from <!-- layout: ... -->
	bg     image.Image // <!-- background: foto.jpg -->
	fx, fy float64     // <!-- focus: ... --> for the slide's photos
	mode   theme.ImageMode
	short  bool           // a content slide set larger, its text being short
	fit    *layout.Result // a content or list slide's text, laid out ahead (see prefit)
}

// Directives are the <!-- key: value --> comments a slide may carry
// besides alt.
var Directives = []string{"layout", "background", "focus", "image"}

// layoutNames are the kinds a section may be forced into.
var layoutNames = []string{"content", "list", "quote", "image", "stat"}

// plan reads a section's directives and picks its kind: forced by
// <!-- layout: ... -->, else chosen from what the section holds.
func (c *composer) plan(s content.Section) plan {
	p := plan{kind: autoKind(s.Blocks), fx: 0.5, fy: 0.5}
	for _, key := range sortedKeys(s.Directives) {
		v := s.Directives[key]
		switch key {
		case "layout":
			if !contains(layoutNames, v) {
				c.warn(s.Line, "unknown layout %q%s; use one of %s", v, suggest(v, layoutNames), strings.Join(layoutNames, ", "))
				continue
			}
			k, _ := KindNamed(v)
			if k == ImageSlide && !hasImage(s.Blocks) {
				c.warn(s.Line, "<!-- layout: image --> needs an image alone in a paragraph, like ![what it shows](foto.jpg)")
				continue
			}
			p.kind, p.forced = k, true
		case "background":
			if img := c.in.Images[v]; img != nil {
				p.bg = img
			}
		case "focus":
			x, y, err := theme.ParseFocus(v)
			if err != nil {
				c.warn(s.Line, "%v", err)
				continue
			}
			p.fx, p.fy = x, y
		case "image":
			if v != "bleed" && v != "inset" {
				c.warn(s.Line, "<!-- image: %s --> must be bleed (the photo fills the slide) or inset", v)
				continue
			}
			p.mode = theme.ImageMode(v)
		default:
			c.warn(s.Line, "unknown slide setting %q%s; a slide may set %s", "<!-- "+key+": ... -->", suggest(key, append([]string{"alt"}, Directives...)), "alt, "+strings.Join(Directives, ", "))
		}
	}
	return p
}

// autoKind chooses a section's kind from its blocks: a lone image makes an
// image slide, a lone quote a quote, a short bold line followed by a
// sentence a stat, a list (with at most a closing sentence) a list.
func autoKind(bs []content.Block) Kind {
	if hasImage(bs) {
		return ImageSlide
	}
	rest := bs
	if len(rest) > 0 && rest[0].Kind == content.Heading {
		rest = rest[1:]
	}
	switch {
	case len(rest) == 1 && rest[0].Kind == content.Quote:
		return Quote
	case statParts(rest) != nil:
		return Stat
	case len(rest) > 0 && rest[0].Kind == content.List && (len(rest) == 1 || len(rest) == 2 && rest[1].Kind == content.Paragraph):
		return List
	}
	return Content
}

func hasImage(bs []content.Block) bool {
	for _, b := range bs {
		if b.Kind == content.Image {
			return true
		}
	}
	return false
}

// statParts splits blocks shaped like a stat into the figure and its
// label: a first paragraph that is a short phrase all in bold (alone, or
// ending in a line break), then a sentence or two. It returns nil for any
// other shape.
func statParts(bs []content.Block) *statShape {
	if len(bs) == 0 || bs[0].Kind != content.Paragraph {
		return nil
	}
	var figure, inline []content.Span
	for i, sp := range bs[0].Spans {
		if before, after, found := strings.Cut(sp.Text, "\n"); found {
			if strings.TrimSpace(before) != "" {
				figure = append(figure, content.Span{Text: before, Style: sp.Style})
			}
			if rest := strings.TrimLeft(after, " "); rest != "" {
				inline = append(inline, content.Span{Text: rest, Style: sp.Style, URL: sp.URL})
			}
			inline = append(inline, bs[0].Spans[i+1:]...)
			break
		}
		figure = append(figure, sp)
	}
	text := strings.TrimSpace(content.PlainText(figure))
	if text == "" || len([]rune(text)) > 32 || len(strings.Fields(text)) > 5 {
		return nil
	}
	for _, sp := range figure {
		if strings.TrimSpace(sp.Text) != "" && sp.Style&content.Bold == 0 {
			return nil
		}
	}
	shape := &statShape{figure: figure}
	if len(inline) > 0 {
		shape.label = append(shape.label, content.Block{Kind: content.Paragraph, Line: bs[0].Line, Spans: inline})
	}
	for _, b := range bs[1:] {
		if b.Kind != content.Paragraph {
			return nil
		}
		shape.label = append(shape.label, b)
	}
	n := 0
	for _, b := range shape.label {
		n += len([]rune(content.PlainText(b.Spans)))
	}
	if len(shape.label) == 0 || len(shape.label) > 2 || n > 220 {
		return nil
	}
	return shape
}

// statShape is a stat's figure ("20 detik") and the sentence under it.
type statShape struct {
	figure []content.Span
	label  []content.Block
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func suggest(word string, list []string) string {
	if s := diag.Suggest(word, list); s != "" && s != word {
		return " — did you mean " + `"` + s + `"?`
	}
	return ""
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
