package theme

import (
	"image/color"
	"strings"
)

// Look is a slide kind's layout with every colour resolved and every
// default filled: what the deck composes with.
type Look struct {
	Kind        string
	Background  Paint
	Image       *ImageFill // a background image, or nil
	Text        color.RGBA // body and title text
	Heading     color.RGBA // headings, subtitle, the big number
	Accent      color.RGBA // bars, markers, quote marks, the tag
	Chrome      color.RGBA // header and footer
	Align       Align
	VAlign      VAlign
	Panel       *PanelLook
	Decorations []Decor
	Shapes      []ShapeLook // drawn after the decorations, under the text

	Tag     TagStyle   // cover: how the pillar shows
	TagText color.RGBA // cover: the pillar's text on the accent
	Hint    bool       // cover: "swipe" hint
	Photo   Scrim      // cover: over a cover photo
	Rule    RuleStyle  // content, list, sources: the heading's mark
	Markers MarkerStyle
	Badge   color.RGBA // list: the number on a badge
	Mark    bool       // quote: a large quotation mark
	Mode    ImageMode  // image: bleed or inset
	Radius  float64    // image: corner radius of an inset image
	Caption Scrim      // image: under a bleed image's caption
	Icons   bool       // closing: the like/comment/save/share row

	// TitleMin is the smallest size of the kind's title, in pixels (see
	// LayoutBase.TitleMin).
	TitleMin float64
	// Short, on content slides, sets text that fills little of its box
	// larger; nil when the template does not.
	Short *ShortLook
}

// ShortLook is how a short content slide is set: at most Size pixels
// (at the body's scale), at the top or the centre of its box.
type ShortLook struct {
	Size  float64
	Place Place
}

// PanelLook is a resolved card behind text.
type PanelLook struct {
	Color           color.RGBA
	Radius, Padding float64
}

// Scrim is a colour laid over a photo under text, at least this opaque.
type Scrim struct {
	Color   color.RGBA // opaque
	Opacity float64
	Full    bool // over the whole photo, not only below the text
}

// Decor is a resolved decoration.
type Decor struct {
	Shape             Shape
	Anchor            Anchor
	X, Y, W, H        float64
	Radius, Thickness float64
	Gap, Dot          float64
	Color             color.RGBA // premultiplied, opacity applied
}

// Color returns a palette colour by name.
func (t *Template) Color(name string) color.RGBA { return t.colors[name] }

// Look returns a slide kind's resolved layout; a kind the template leaves
// out gets the content layout's.
func (t *Template) Look(kind string) Look { return t.looks[kind] }

func (t *Template) ref(r ColorRef) color.RGBA {
	if strings.HasPrefix(r.Name, "#") {
		c, _ := ParseColor(r.Name)
		return c
	}
	return t.colors[r.Name]
}

// refOr resolves r, or the palette colour def when r is not given.
func (t *Template) refOr(r ColorRef, def string) color.RGBA {
	if r.Name == "" {
		return t.colors[def]
	}
	return t.ref(r)
}

// resolve computes the palette and every kind's look.
func (t *Template) resolve() {
	if t.colors == nil {
		t.colors = map[string]color.RGBA{}
		for k, v := range t.Palette {
			t.colors[k] = v.RGBA
		}
	}
	t.looks = map[string]Look{}
	for _, k := range Kinds {
		t.looks[k] = t.look(k)
	}
}

func (t *Template) look(kind string) Look {
	lb := t.Layouts.base(kind)
	if lb == nil {
		lb = t.Layouts.base("content")
	}
	l := Look{Kind: kind, Background: t.paint(lb.Background)}
	l.Text = t.refOr(lb.Text, "text")
	l.Heading = t.refOr(lb.Heading, "primary")
	l.Accent = t.refOr(lb.Accent, "accent")
	l.Chrome = t.refOr(lb.Chrome, "muted")
	l.Image = t.imageFill(lb.Background, l.Text)
	l.Align = lb.Align
	if l.Align == "" {
		l.Align = "left"
	}
	l.VAlign = lb.VAlign
	if l.VAlign == "" {
		l.VAlign = map[string]VAlign{"cover": "middle", "quote": "middle", "stat": "middle", "closing": "middle"}[kind]
		if l.VAlign == "" {
			l.VAlign = "top"
		}
	}
	if p := lb.Panel; p != nil {
		c := t.refOr(p.Color, "surface")
		if p.Opacity != nil {
			c = withOpacity(opaque(c), float64(*p.Opacity))
		}
		l.Panel = &PanelLook{Color: c, Radius: p.Radius, Padding: p.Padding}
	}
	for _, d := range lb.Decorations {
		op := 1.0
		if d.Opacity != nil {
			op = float64(*d.Opacity)
		}
		h := d.H
		if h == 0 {
			h = d.W
		}
		anchor := d.Anchor
		if anchor == "" {
			anchor = "top-left"
		}
		l.Decorations = append(l.Decorations, Decor{Shape: d.Shape, Anchor: anchor, X: d.X, Y: d.Y, W: d.W, H: h,
			Radius: d.Radius, Thickness: d.Thickness, Gap: d.Gap, Dot: d.Dot, Color: withOpacity(opaque(t.ref(d.Color)), op)})
	}
	for _, s := range lb.Shapes {
		l.Shapes = append(l.Shapes, t.shapeLook(s))
	}
	t.kindLook(kind, &l)
	l.TitleMin = t.titleMin(kind)
	if c := t.Layouts.Content; kind == "content" && c != nil && c.Short != nil {
		l.Short = &ShortLook{Size: c.Short.Size, Place: c.Short.Place}
		if l.Short.Place == "" {
			l.Short.Place = "top"
		}
	}
	return l
}

// titleMin is a kind's smallest title size: its layout's title_min, else
// the title role's minimum for the kinds whose title is set in it (cover,
// stat, closing) and the heading role's for the others.
func (t *Template) titleMin(kind string) float64 {
	if lb := t.Layouts.base(kind); lb != nil && lb.TitleMin != nil {
		return *lb.TitleMin
	}
	return t.Type[titleRole(kind)].Min
}

// titleRole is the type role a kind's title is set in.
func titleRole(kind string) string {
	switch kind {
	case "cover", "stat", "closing":
		return "title"
	}
	return "heading"
}

// kindLook fills what only one kind has, with its defaults.
func (t *Template) kindLook(kind string, l *Look) {
	ls := t.Layouts
	l.Rule, l.Markers, l.Mode, l.Tag = "bar", "plain", "inset", "pill"
	l.TagText, l.Badge = t.colors["primary_dark"], t.colors["primary_dark"]
	l.Hint, l.Mark, l.Icons, l.Radius = true, true, true, 28
	l.Photo = Scrim{Color: t.colors["primary_dark"], Opacity: 0.55}
	l.Caption = Scrim{Color: t.colors["primary_dark"], Opacity: 0.5}
	if c := ls.Content; c != nil && c.Rule != "" {
		l.Rule = c.Rule
	}
	switch kind {
	case "cover":
		c := ls.Cover
		if c.Tag != "" {
			l.Tag = c.Tag
		}
		l.TagText = t.refOr(c.TagText, "primary_dark")
		if c.Hint != nil {
			l.Hint = *c.Hint
		}
		l.Photo = t.scrim(c.Photo, l.Photo)
	case "list":
		if c := ls.List; c != nil {
			if c.Rule != "" {
				l.Rule = c.Rule
			}
			if c.Markers != "" {
				l.Markers = c.Markers
			}
			l.Badge = t.refOr(c.BadgeText, "primary_dark")
		}
	case "quote":
		if c := ls.Quote; c != nil && c.Mark != nil {
			l.Mark = *c.Mark
		}
	case "image":
		if c := ls.Image; c != nil {
			if c.Mode != "" {
				l.Mode = c.Mode
			}
			if c.Radius != nil {
				l.Radius = *c.Radius
			}
			l.Caption = t.scrim(c.Caption, l.Caption)
		}
	case "closing":
		if c := ls.Closing; c.Icons != nil {
			l.Icons = *c.Icons
		}
	case "sources":
		if c := ls.Sources; c != nil && c.Rule != "" {
			l.Rule = c.Rule
		}
	}
}

func (t *Template) scrim(o Overlay, def Scrim) Scrim {
	s := def
	if o.Color.Name != "" {
		s.Color = opaque(t.ref(o.Color))
	}
	if o.Opacity != nil {
		s.Opacity = float64(*o.Opacity)
	}
	s.Full = o.Area == "full"
	return s
}

// withOpacity returns an opaque colour at an opacity, premultiplied.
func withOpacity(c color.RGBA, op float64) color.RGBA {
	a := op * float64(c.A) / 255
	return color.RGBA{uint8(float64(c.R)*a + 0.5), uint8(float64(c.G)*a + 0.5), uint8(float64(c.B)*a + 0.5), uint8(255*a + 0.5)}
}
