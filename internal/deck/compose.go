package deck

import (
	"fmt"
	"image"
	"image/color"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// MaxCarousel is the most items Instagram takes in one carousel.
const MaxCarousel = 20

// Sizes are the canvas sizes a post may use, all 1080 pixels wide. A
// template may set its own margins per size, not other sizes.
var Sizes = map[string]image.Point{
	"portrait":  {1080, 1350},
	"square":    {1080, 1080},
	"landscape": {1080, 566},
}

// LogoKey is the key of the brand logo in Input.Images. It cannot clash
// with an image a post names: a post may not name a web address.
const LogoKey = "pkpm://logo"

// Input is everything a deck is made from.
type Input struct {
	Article  *content.Article
	Template *theme.Template
	Project  config.Project
	Size     string                 // a key of Sizes
	Images   map[string]image.Image // decoded images, by path as written in the post; LogoKey for the logo
	// Helpers, when set, lends engines that lay sections out at the same
	// time as the engine Compose is given. The slides are the same
	// whichever engines are free.
	Helpers *layout.Pool
}

// composer holds one deck's state while it is built.
type composer struct {
	in     Input
	eng    *layout.Engine
	t      *theme.Template
	w, h   float64
	m      theme.Margins // scaled to the canvas
	slides []Slide
	diags  []diag.Diagnostic
	scrims []scrimRef // veils over photos, measured once the text is placed
	short  float64    // the base size of the post's short content slides
}

// Canvas is the size in pixels and the margins of a post's slides in the
// template t at size, portrait when t has no such size.
func Canvas(t *theme.Template, size string) (w, h int, m theme.Margins) {
	w, h, m, ok := t.Canvas(size)
	if !ok {
		w, h, m, _ = t.Canvas("portrait")
	}
	return w, h, m
}

// Compose makes the slides of one post, numbered, with alt text.
func Compose(in Input, eng *layout.Engine) ([]Slide, []diag.Diagnostic) {
	c := &composer{in: in, eng: eng}
	c.t = brand(in.Template, in.Project, c.warnProject)
	w, h, m := Canvas(c.t, in.Size)
	c.w, c.h = float64(w), float64(h)
	// A canvas shorter than it is wide keeps its text room by scaling the
	// vertical margins down with it.
	k := min(1, c.h/c.w)
	m.Top, m.Bottom = m.Top*k, m.Bottom*k
	c.m = m
	a := in.Article
	intro := a.Intro
	if c.cover(leadOf(intro)) {
		intro = nil
	}
	var sections []content.Section
	if len(intro) > 0 {
		sections = append(sections, content.Section{Line: intro[0].Line, Blocks: intro, Alt: a.IntroAlt, Directives: a.IntroDirectives})
	}
	sections = append(sections, a.Sections...)
	plans := make([]plan, len(sections))
	for i, s := range sections {
		plans[i] = c.plan(s)
	}
	c.shortSlides(sections, plans)
	closing := c.prefit(sections, plans)
	for i, s := range sections {
		c.section(s, plans[i])
	}
	c.closing(closing)
	if len(a.Meta.Sources) > 0 {
		c.sources()
	}
	c.chrome()
	c.measureScrims()
	for i := range c.slides {
		if s := &c.slides[i]; len([]rune(s.Alt)) > 1000 {
			s.Alt = string([]rune(s.Alt)[:999]) + "…"
		}
	}
	if n := len(c.slides); n > MaxCarousel {
		c.warn(0, "the post makes %d slides; Instagram takes at most %d in one carousel — split it into two posts or shorten it", n, MaxCarousel)
	}
	return c.slides, c.diags
}

// brand lays the project's colours over the template and reports text
// the result leaves hard to read.
func brand(t *theme.Template, p config.Project, warn func(string, ...any)) *theme.Template {
	var primary, accent *color.RGBA
	if c, err := theme.ParseColor(p.Brand.Primary); err == nil && p.Brand.Primary != "" {
		primary = &c
	}
	if c, err := theme.ParseColor(p.Brand.Accent); err == nil && p.Brand.Accent != "" {
		accent = &c
	}
	bt := t.WithBrand(primary, accent)
	if bt == t && t.Source != theme.Project {
		return t // the built-ins are tested
	}
	problems := bt.ContrastProblems()
	if len(problems) == 0 {
		return bt
	}
	worst := problems[0]
	for _, pr := range problems {
		if pr.Ratio()/pr.Required() < worst.Ratio()/worst.Required() {
			worst = pr
		}
	}
	what := fmt.Sprintf("with the brand colours, template %q", t.Name)
	fix := "choose a darker or lighter brand colour"
	if bt == t {
		what, fix = fmt.Sprintf("template %q (%s)", t.Name, t.File), "change its palette"
	}
	warn("%s leaves %s below WCAG AA, the worst %s; %s (`pkpm templates show %s` shows every kind)",
		what, plural(len(problems), "text colour", "text colours"), worst, fix, t.Name)
	return bt
}

func (c *composer) warn(line int, format string, args ...any) {
	c.diags = append(c.diags, diag.Warnf(c.in.Article.File, line, format, args...))
}

func (c *composer) warnProject(format string, args ...any) {
	c.diags = append(c.diags, diag.Warnf(config.FileName, 0, format, args...))
}

// fail records a problem that stops the post: text that cannot be shown
// whole.
func (c *composer) fail(file string, line int, format string, args ...any) {
	c.diags = append(c.diags, diag.Errorf(file, line, format, args...))
}

// divided reports each word a fit had to divide: a warning at the word's
// source line in file that names the slide, and a note on the slide.
// first is the index of the slide that shows the fit's first page.
func (c *composer) divided(res layout.Result, file string, first int) {
	for _, w := range res.Broken {
		n := first + w.Page
		what := w.Role
		if what == "" {
			what = "text"
		}
		msg := fmt.Sprintf("%q is divided at a line end on slide %d (%s): it fits no line whole even at the smallest size", w.Word, n+1, what)
		c.diags = append(c.diags, diag.Warnf(file, w.Line, "%s; use a shorter word, or shorten the %s", msg, what))
		if n >= 0 && n < len(c.slides) {
			c.slides[n].Warnings = append(c.slides[n].Warnings, msg)
		}
	}
}

// leadOf returns the intro as a cover lead when it is one short paragraph,
// so a brief introduction does not take a slide of its own.
func leadOf(intro []content.Block) []content.Span {
	if len(intro) != 1 || intro[0].Kind != content.Paragraph {
		return nil
	}
	if len([]rune(content.PlainText(intro[0].Spans))) > 140 {
		return nil
	}
	return intro[0].Spans
}

// contentBox is the canvas inside the margins.
func (c *composer) contentBox() layout.Box {
	m := c.m
	return layout.Box{X: m.Left, Y: m.Top, W: c.w - m.Left - m.Right, H: c.h - m.Top - m.Bottom}
}

// newSlide starts a slide of a kind with its template background,
// background image and decorations.
func (c *composer) newSlide(k Kind, line int, l theme.Look) Slide {
	s := Slide{Kind: k, W: int(c.w), H: int(c.h), Background: l.Background, Line: line}
	c.backdrop(&s, l)
	return s
}

// pageText is the text a page shows, block by block, for alt text: lines
// are joined with a space only where the text had one, and blocks end
// with a full stop so a screen reader pauses between them. Blocks whose
// case the template changed are read as written; struck-through text is
// left out.
func pageText(p layout.Page, originals ...map[int]string) string {
	var orig map[int]string
	if len(originals) > 0 {
		orig = originals[0]
	}
	var b strings.Builder
	last, space := -1, false
	for _, l := range p.Lines {
		if l.Text == "" {
			continue
		}
		text := l.Text
		if l.Hyphen {
			text = strings.TrimSuffix(text, "-") // added where a word was divided
		}
		if o, ok := orig[l.Block]; ok {
			if l.Block == last {
				continue
			}
			text = o
			if text == "" { // all of it struck through
				last = l.Block
				continue
			}
		}
		switch {
		case b.Len() == 0:
		case l.Block != last:
			if !endsSentence(b.String()) {
				b.WriteString(".")
			}
			b.WriteString(" ")
		case space:
			b.WriteString(" ")
		}
		b.WriteString(text)
		last, space = l.Block, l.SpaceAfter
	}
	return b.String()
}

// textLayer wraps a laid-out page.
func textLayer(p layout.Page, r Role) Layer { return Layer{Kind: TextLayer, Text: p, Role: r} }

// shift moves a laid-out page.
func shift(p layout.Page, dx, dy float64) layout.Page {
	out := layout.Page{Height: p.Height}
	for _, r := range p.Rects {
		r.X += dx
		r.Y += dy
		out.Rects = append(out.Rects, r)
	}
	for _, l := range p.Lines {
		l.X += dx
		l.Y += dy
		runs := make([]layout.Run, len(l.Runs))
		for i, r := range l.Runs {
			r.X0 += dx
			r.X1 += dx
			gs := make([]layout.Glyph, len(r.Glyphs))
			for j, g := range r.Glyphs {
				gs[j] = layout.Glyph{ID: g.ID, X: g.X + dx, Y: g.Y + dy}
			}
			r.Glyphs = gs
			runs[i] = r
		}
		l.Runs = runs
		out.Lines = append(out.Lines, l)
	}
	return out
}

// bounds is the box a page's lines cover.
func bounds(p layout.Page) (x0, y0, x1, y1 float64, ok bool) {
	for i, l := range p.Lines {
		top, bottom := l.Y-l.Ascent, l.Y+l.Descent
		if i == 0 {
			x0, y0, x1, y1 = l.X, top, l.X+l.W, bottom
			continue
		}
		x0, y0 = min(x0, l.X), min(y0, top)
		x1, y1 = max(x1, l.X+l.W), max(y1, bottom)
	}
	return x0, y0, x1, y1, len(p.Lines) > 0
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
