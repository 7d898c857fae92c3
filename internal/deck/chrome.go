package deck

import (
	"fmt"
	"image/color"
	"strings"
	"unicode"

	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// chrome adds the template's header and footer to every slide: logo,
// handle, name, "n/N", dots or a progress bar, in the slots it names.
func (c *composer) chrome() {
	n := len(c.slides)
	for i := range c.slides {
		s := &c.slides[i]
		look := c.t.Look(s.Kind.String())
		c.strip(s, i, look, c.t.Header, c.m.Top/2, true, i, n)
		c.strip(s, i, look, c.t.Footer, c.h-c.m.Bottom/2, false, i, n)
	}
}

// strip lays out one header or footer centred on the line y.
func (c *composer) strip(s *Slide, si int, look theme.Look, ch theme.Chrome, y float64, top bool, i, n int) {
	type slot struct {
		items []Layer
		w     float64
	}
	build := func(items theme.SlotItems) slot {
		var out slot
		const gap = 16
		for _, it := range items {
			if c.slides[si].Kind == Closing && c.closingShows(it) {
				continue // the slide shows it large; once is enough
			}
			ls, w := c.item(it, look, i, n, ch, c.slides[si].Background.From)
			if w == 0 {
				continue
			}
			if len(out.items) > 0 {
				out.w += gap
			}
			for _, l := range ls {
				out.items = append(out.items, moveLayer(l, out.w, y))
			}
			out.w += w
		}
		return out
	}
	left, center, right := build(ch.Left), build(ch.Center), build(ch.Right)
	var layers []Layer
	for _, sl := range []struct {
		s slot
		x float64
	}{{left, c.m.Left}, {center, (c.w - center.w) / 2}, {right, c.w - c.m.Right - right.w}} {
		for _, l := range sl.s.items {
			layers = append(layers, moveLayer(l, sl.x, 0))
		}
	}
	if len(layers) == 0 {
		return
	}
	c.guard(s, si, layers, top)
	s.Layers = append(s.Layers, layers...)
}

// closingShows reports whether the closing slide's own text or art
// already shows a header or footer item: the handle always, the logo
// where there is room for it (see closing).
func (c *composer) closingShows(item string) bool {
	return item == "handle" || item == "logo" && c.h >= c.w
}

// guard puts a veil behind header or footer text that would otherwise sit
// on a photo with nothing to keep it readable.
func (c *composer) guard(s *Slide, si int, layers []Layer, top bool) {
	y0, y1 := c.h, 0.0
	for _, l := range layers {
		if l.Kind != TextLayer {
			continue
		}
		if _, a, _, b, ok := bounds(l.Text); ok {
			y0, y1 = min(y0, a), max(y1, b)
		}
	}
	if y1 <= y0 || !c.onBarePhoto(s, si, y0, y1) {
		return
	}
	const pad = 18
	k := min(1, c.h/c.w)
	if top {
		c.veilOn(si, 0, 0, c.w, y1+pad)
		c.fadeOn(si, y1+pad, min(80*k, c.m.Top-y1-pad+40*k), true)
	} else {
		c.veilOn(si, 0, y0-pad, c.w, c.h-y0+pad)
		f := min(80*k, y0-pad-(c.h-c.m.Bottom)+40*k)
		c.fadeOn(si, y0-pad-f, f, false)
	}
}

// onBarePhoto reports whether the band y0..y1 lies over a full-width photo
// and under no veil.
func (c *composer) onBarePhoto(s *Slide, si int, y0, y1 float64) bool {
	photo := false
	for _, l := range s.Layers {
		if l.Kind == ImageLayer && l.Role == Body && l.W >= c.w-1 && l.Y <= y0 && l.Y+l.H >= y1 {
			photo = true
		}
	}
	if !photo {
		return false
	}
	for _, ref := range c.scrims {
		if ref.slide != si {
			continue
		}
		if v := s.Layers[ref.layer]; v.Y <= y0 && v.Y+v.H >= y1 {
			return false
		}
	}
	return true
}

// veilOn and fadeOn add a veil and its fade to a slide already made. The
// veil sets off the header and footer text: dark under light text, the
// slide's own background colour under dark text.
func (c *composer) veilOn(si int, x, y, w, h float64) {
	s := &c.slides[si]
	look := c.t.Look(s.Kind.String())
	col := opaque(look.Background.From)
	if theme.Luminance(look.Chrome) > 0.4 {
		col = c.t.Color("primary_dark")
	}
	s.Layers = append(s.Layers, Layer{Kind: RectLayer, Role: Scrim, X: x, Y: y, W: w, H: h, Paint: Solid(color.RGBA{})})
	c.scrims = append(c.scrims, scrimRef{slide: si, layer: len(s.Layers) - 1, fade: -1, color: col})
}

func (c *composer) fadeOn(si int, y, h float64, veilAbove bool) {
	if h <= 0 {
		return
	}
	s := &c.slides[si]
	p := Paint{Gradient: true, Angle: 90}
	s.Layers = append(s.Layers, Layer{Kind: RectLayer, Role: Scrim, Y: y, W: c.w, H: h, Paint: p})
	ref := &c.scrims[len(c.scrims)-1]
	ref.fade, ref.fadeTop = len(s.Layers)-1, veilAbove
}

// item builds one thing a slot shows, at x = 0 and centred on y = 0, and
// returns its width.
func (c *composer) item(what string, look theme.Look, i, n int, ch theme.Chrome, bg color.RGBA) ([]Layer, float64) {
	k := min(1, c.h/c.w)
	small := c.t.Type["small"]
	switch what {
	case "logo":
		size := ch.LogoSize
		if size <= 0 {
			size = 56
		}
		return c.logo(size*k, bg)
	case "handle", "name", "page":
		text := c.in.Project.Handle
		switch what {
		case "name":
			text = c.in.Project.Name
		case "page":
			text = fmt.Sprintf("%d/%d", i+1, n)
		}
		if strings.TrimSpace(text) == "" {
			return nil, 0
		}
		size := small.Max
		res := c.eng.Fit(layout.Spec{Box: layout.Box{Y: -0.75 * size, W: c.w / 2, H: 1.5 * size}, MaxSize: size, MinSize: small.Min,
			Blocks: []layout.Block{{Spans: []layout.Span{{Text: cased(small, text), Style: face(small), Color: look.Chrome}}, Tracking: small.Tracking, Role: "chrome"}}})
		pg := res.Pages[0]
		if len(pg.Lines) == 0 {
			return nil, 0
		}
		return []Layer{textLayer(pg, Chrome)}, pg.Lines[0].W
	case "dots":
		d, gap := 11*k, 9*k
		var ls []Layer
		for j := 0; j < n; j++ {
			col := withOpacity(opaque(look.Chrome), 0.35)
			if j == i {
				col = look.Chrome
			}
			ls = append(ls, Layer{Kind: EllipseLayer, Role: Chrome, X: float64(j) * (d + gap), Y: -d / 2, W: d, H: d, Paint: Solid(col)})
		}
		return ls, float64(n)*(d+gap) - gap
	case "bar":
		w, h := 180*k, 8*k
		track := Layer{Kind: RectLayer, Role: Chrome, Y: -h / 2, W: w, H: h, Radius: h / 2, Paint: Solid(withOpacity(opaque(look.Chrome), 0.3))}
		fill := track
		fill.W = w * float64(i+1) / float64(max(n, 1))
		fill.Paint = Solid(look.Chrome)
		return []Layer{track, fill}, w
	}
	return nil, 0
}

// logo is the brand logo, size pixels tall, or when the project has none
// a disc with the account's initials in the cover's accent colours (the
// other way round on a slide whose background would hide the disc).
func (c *composer) logo(size float64, bg color.RGBA) ([]Layer, float64) {
	if img := c.in.Images[LogoKey]; img != nil {
		b := img.Bounds()
		w := min(size*float64(b.Dx())/float64(max(b.Dy(), 1)), size*4)
		return []Layer{{Kind: ImageLayer, Role: Chrome, Y: -size / 2, W: w, H: size, Image: img, Contain: true, FocusX: 0.5, FocusY: 0.5}}, w
	}
	cover := c.t.Look("cover")
	mono := initials(c.in.Project.Name, c.in.Project.Handle)
	if mono == "" {
		return nil, 0
	}
	fill, ink := cover.Accent, cover.TagText
	if theme.Contrast(opaque(fill), opaque(bg)) < 1.6 {
		fill, ink = ink, fill
	}
	disc := Layer{Kind: EllipseLayer, Role: Chrome, Y: -size / 2, W: size, H: size, Paint: Solid(fill)}
	fs := size * 0.36
	if len([]rune(mono)) > 2 {
		fs = size * 0.27
	}
	res := c.eng.Fit(layout.Spec{Box: layout.Box{Y: -size / 2, W: size, H: size}, MaxSize: fs, MinSize: fs, VAlign: layout.Middle,
		Blocks: []layout.Block{{Spans: []layout.Span{{Text: mono, Style: layout.Display, Color: ink}}, Align: layout.Center, LineHeight: 1, Role: "chrome"}}})
	return []Layer{disc, textLayer(res.Pages[0], Chrome)}, size
}

// initials is the short mark of an account: its name's first word when
// that is an acronym of up to four letters ("PKPM"), else the first
// letters of its first two words, else of its handle.
func initials(name, handle string) string {
	words := strings.Fields(name)
	if len(words) > 0 {
		w := words[0]
		if r := []rune(w); len(r) <= 4 && strings.ToUpper(w) == w && unicode.IsLetter(r[0]) {
			return w
		}
		var out []rune
		for _, w := range words[:min(2, len(words))] {
			if r := []rune(w); unicode.IsLetter(r[0]) || unicode.IsDigit(r[0]) {
				out = append(out, unicode.ToUpper(r[0]))
			}
		}
		if len(out) > 0 {
			return string(out)
		}
	}
	for _, r := range strings.TrimPrefix(handle, "@") {
		if unicode.IsLetter(r) {
			return string(unicode.ToUpper(r))
		}
	}
	return ""
}

// moveLayer moves a layer by (dx, dy).
func moveLayer(l Layer, dx, dy float64) Layer {
	if l.Kind == TextLayer {
		l.Text = shift(l.Text, dx, dy)
		return l
	}
	l.X += dx
	l.Y += dy
	return l
}
