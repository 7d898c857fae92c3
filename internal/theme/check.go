package theme

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/yamlfile"
)

// RequiredColors are the palette names every template defines; layouts
// and the brand kit refer to them.
var RequiredColors = []string{"background", "surface", "text", "muted", "primary", "primary_dark", "on_primary", "accent", "rule"}

// refs lists every colour reference of the template, so each can be
// checked against the palette.
func (t *Template) refs() []*ColorRef {
	var out []*ColorRef
	bg := func(b *Background) {
		out = append(out, &b.Color, &b.Overlay)
		for i := range b.Linear {
			out = append(out, &b.Linear[i])
		}
		for i := range b.Radial {
			out = append(out, &b.Radial[i])
		}
	}
	for _, k := range Kinds {
		lb := t.Layouts.base(k)
		if lb == nil {
			continue
		}
		bg(&lb.Background)
		out = append(out, &lb.Text, &lb.Heading, &lb.Accent, &lb.Chrome)
		if lb.Panel != nil {
			out = append(out, &lb.Panel.Color)
		}
		for i := range lb.Decorations {
			out = append(out, &lb.Decorations[i].Color)
		}
		for i := range lb.Shapes {
			out = append(out, &lb.Shapes[i].Fill, &lb.Shapes[i].Stroke)
		}
	}
	if l := t.Layouts.Cover; l != nil {
		out = append(out, &l.TagText, &l.Photo.Color)
	}
	if l := t.Layouts.List; l != nil {
		out = append(out, &l.BadgeText)
	}
	if l := t.Layouts.Image; l != nil {
		out = append(out, &l.Caption.Color)
	}
	return out
}

// checkRefs checks that every colour name is in the palette. It runs after
// each file of an extends chain: a parent's names were already good and a
// palette only grows, so a bad name is in the file just read.
func (t *Template) checkRefs(file string) error {
	for _, r := range t.refs() {
		if r.Name == "" || strings.HasPrefix(r.Name, "#") {
			continue
		}
		if _, ok := t.Palette[r.Name]; !ok {
			names := make([]string, 0, len(t.Palette))
			for n := range t.Palette {
				names = append(names, n)
			}
			sort.Strings(names)
			msg := fmt.Sprintf("colour %q is not in the palette", r.Name)
			if s := diag.Suggest(r.Name, names); s != "" {
				msg += fmt.Sprintf(" — did you mean %q?", s)
			} else {
				msg += fmt.Sprintf("; use one of %s, or a #RRGGBB colour", strings.Join(names, ", "))
			}
			return diag.Errorf(file, r.Line, "%s", msg)
		}
	}
	return nil
}

// defaultRoles are each role's face and line height when a template does
// not give them.
var defaultRoles = map[string]TypeStyle{
	"title":   {Font: "display", LineHeight: 1.08},
	"heading": {Font: "bold", LineHeight: 1.15},
	"body":    {Font: "regular", LineHeight: 1.38},
	"quote":   {Font: "italic", LineHeight: 1.28},
	"small":   {Font: "bold", LineHeight: 1.2},
}

// standardSizes are the canvases Instagram takes, 1080 pixels wide.
var standardSizes = map[string][2]int{"portrait": {1080, 1350}, "square": {1080, 1080}, "landscape": {1080, 566}}

// SizeNames are the canvas names, tallest first.
var SizeNames = []string{"portrait", "square", "landscape"}

// check fills defaults and reports what makes the template unusable,
// naming the file and line that set it.
func (t *Template) check(chain []*sourceFile) error {
	leaf := chain[len(chain)-1].file
	for _, name := range RequiredColors {
		if _, ok := t.Palette[name]; !ok {
			file, line := where(chain, "palette")
			if line == 0 {
				file = leaf
			}
			return diag.Errorf(file, line, "palette.%s is missing; every template defines %s", name, strings.Join(RequiredColors, ", "))
		}
	}
	t.Type = map[string]TypeStyle{}
	for name, ts := range t.roles() {
		d := defaultRoles[name]
		if ts.Font == "" {
			ts.Font = d.Font
		}
		if ts.LineHeight == 0 {
			ts.LineHeight = d.LineHeight
		}
		if ts.Case == "" {
			ts.Case = "none"
		}
		file, line := where(chain, "type", name)
		switch {
		case ts.Max <= 0 || ts.Min <= 0 || ts.Min > ts.Max:
			return diag.Errorf(file, line, "type.%s needs max and min sizes in pixels with 0 < min <= max", name)
		case ts.Min < 12:
			return diag.Errorf(file, line, "type.%s.min is %v px, too small to read on a phone; use at least 12 (body text 28 or more)", name, ts.Min)
		case ts.LineHeight < 0.8 || ts.LineHeight > 3:
			return diag.Errorf(file, line, "type.%s.line_height %v is a multiple of the size; use a value from 0.8 to 3, like 1.3", name, ts.LineHeight)
		case ts.Tracking < -0.1 || ts.Tracking > 0.5:
			return diag.Errorf(file, line, "type.%s.tracking %v is letter spacing in ems; use a value from -0.1 to 0.5", name, ts.Tracking)
		}
		t.Type[name] = ts
	}
	if err := t.checkBoxes(chain); err != nil {
		return err
	}
	for _, k := range []string{"cover", "content", "closing"} {
		if t.Layouts.base(k) == nil {
			return diag.Errorf(leaf, yamlfile.KeyLine(chain[len(chain)-1].root, "layouts"), "layouts.%s is missing; every template lays out %s; kinds it leaves out use the content layout", k, "cover, content and closing")
		}
	}
	for _, k := range Kinds {
		lb := t.Layouts.base(k)
		if lb == nil {
			continue
		}
		if lb.Background.Line == 0 {
			file, line := where(chain, "layouts", k)
			return diag.Errorf(file, line, "layouts.%s needs a background, like {color: background}", k)
		}
		if err := checkImagePath(chain, k, lb.Background); err != nil {
			return err
		}
		if err := t.checkTitleMin(chain, k, lb); err != nil {
			return err
		}
		for i, d := range lb.Decorations {
			if err := checkDecoration(d); err != nil {
				file, line := where(chain, "layouts", k, "decorations")
				return diag.Errorf(file, line, "layouts.%s.decorations[%d]: %v", k, i, err)
			}
		}
	}
	return nil
}

// checkTitleMin checks a kind's smallest title size against the type role
// its title is set in, and the short-slide size against the body's.
func (t *Template) checkTitleMin(chain []*sourceFile, kind string, lb *LayoutBase) error {
	if v := lb.TitleMin; v != nil {
		role := titleRole(kind)
		hi := t.Type[role].Max
		if *v < 12 || *v > hi {
			file, line := where(chain, "layouts", kind, "title_min")
			return diag.Errorf(file, line, "layouts.%s.title_min is %v px; use a size from 12 to %v (type.%s.max)", kind, *v, hi, role)
		}
	}
	if c := t.Layouts.Content; kind == "content" && c.Short != nil {
		body, title := t.Type["body"], t.Type["title"]
		if s := c.Short.Size; s <= body.Max || s > title.Max {
			file, line := where(chain, "layouts", "content", "short")
			return diag.Errorf(file, line, "layouts.content.short.size is %v px; give the size short slides may grow to, larger than type.body.max (%v) and at most type.title.max (%v), like {size: %v, place: center}", s, body.Max, title.Max, min(title.Max, body.Max+12))
		}
	}
	return nil
}

func (t *Template) roles() map[string]TypeStyle {
	r := t.Roles
	return map[string]TypeStyle{"title": r.Title, "heading": r.Heading, "body": r.Body, "quote": r.Quote, "small": r.Small}
}

// checkBoxes checks margins and canvases, filling the standard sizes a
// template does not change.
func (t *Template) checkBoxes(chain []*sourceFile) error {
	okMargins := func(m Margins) bool {
		return m.Top >= 0 && m.Right >= 0 && m.Bottom >= 0 && m.Left >= 0 && m.Left+m.Right <= 600 && m.Top+m.Bottom <= 700
	}
	if !okMargins(t.Margins) {
		file, line := where(chain, "margins")
		return diag.Errorf(file, line, "margins must be zero or more and leave room for text (left + right at most 600, top + bottom at most 700)")
	}
	for _, name := range SizeNames {
		c := t.Sizes.canvas(name)
		std := standardSizes[name]
		if *c == nil {
			*c = &Canvas{Width: std[0], Height: std[1]}
			continue
		}
		cv := *c
		if cv.Width == 0 {
			cv.Width = std[0]
		}
		if cv.Height == 0 {
			cv.Height = std[1]
		}
		file, line := where(chain, "sizes", name)
		if cv.Width != 1080 {
			return diag.Errorf(file, line, "sizes.%s.width is %d; slides are 1080 pixels wide, as Instagram shows them", name, cv.Width)
		}
		if r := float64(cv.Width) / float64(cv.Height); r > 1.91 || r < 0.8 {
			return diag.Errorf(file, line, "sizes.%s is %d×%d; Instagram takes shapes from 4:5 (1080×1350) to 1.91:1 (1080×566)", name, cv.Width, cv.Height)
		}
		if cv.Margins != nil && !okMargins(*cv.Margins) {
			return diag.Errorf(file, line, "sizes.%s.margins must be zero or more and leave room for text", name)
		}
	}
	return nil
}

func (s *Sizes) canvas(name string) **Canvas {
	switch name {
	case "square":
		return &s.Square
	case "landscape":
		return &s.Landscape
	}
	return &s.Portrait
}

// Canvas returns a size's canvas and margins; ok is false for an unknown
// size name.
func (t *Template) Canvas(size string) (w, h int, m Margins, ok bool) {
	if _, known := standardSizes[size]; !known {
		return 0, 0, Margins{}, false
	}
	c := *t.Sizes.canvas(size)
	m = t.Margins
	if c.Margins != nil {
		m = *c.Margins
	}
	return c.Width, c.Height, m, true
}

func checkImagePath(chain []*sourceFile, kind string, b Background) error {
	if b.Image == "" {
		return nil
	}
	p := b.Image
	if strings.Contains(p, "://") || path.IsAbs(p) || strings.HasPrefix(p, "/") || strings.Contains(p, `\`) ||
		path.Clean(p) == ".." || strings.HasPrefix(path.Clean(p), "../") {
		file, line := where(chain, "layouts", kind, "background")
		return diag.Errorf(file, line, "background image %q must be a path inside the project, like assets/latar.jpg", p)
	}
	return nil
}

func checkDecoration(d Decoration) error {
	switch {
	case d.Shape == "":
		return fmt.Errorf("give a shape: rect, circle, ring or dots")
	case d.W <= 0 || d.H < 0:
		return fmt.Errorf("give a width w (and optionally a height h) in pixels")
	case d.Color.Name == "":
		return fmt.Errorf("give a color")
	case d.Shape == "ring" && d.Thickness <= 0:
		return fmt.Errorf("a ring needs a thickness")
	case d.Shape == "dots" && (d.Gap <= 0 || d.Dot <= 0 || d.Dot > d.Gap):
		return fmt.Errorf("dots need a dot diameter and a gap between centres at least as large")
	}
	return nil
}
