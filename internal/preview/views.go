package preview

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"unicode"

	"github.com/pkpm-btn3/pkpm/internal/catalog"
	"github.com/pkpm-btn3/pkpm/internal/check"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/tanggal"
)

// The views turn a site into what a template shows. They do no I/O, so
// tests check them without a server.

// frame is what every page shows around its content.
type frame struct {
	Title        string
	Page         string // "posts", "post", "grid", "calendar"
	Version      int
	Slug         string // the post a post page shows
	AssetVersion string
	ConfigErr    string
	Building     bool
	Handle       string // without '@'
	Name         string
	Avatar       string // URL of the logo, or "" for initials
	Initials     string
	words        catalog.Catalog
}

// lang picks the page templates of the project's language.
func (f frame) lang() string { return f.words.Lang }

// newFrame makes the frame of a page; titleKey is the catalogue's key of
// its title, or "" when a view sets the title itself.
func newFrame(s *site, page, titleKey string) frame {
	words := catalog.For(s.project.Language)
	title := ""
	if titleKey != "" {
		title = words.T(titleKey)
	}
	f := frame{Title: title, Page: page, words: words, Version: s.version, AssetVersion: assetVersion(), Building: s.building,
		Handle: strings.TrimPrefix(s.project.Handle, "@"), Name: s.project.Name}
	if s.configErr != nil {
		f.ConfigErr = s.configErr.Error()
	}
	if s.avatar != nil {
		f.Avatar = "/avatar?v=" + s.avatar.etag
	}
	f.Initials = initials(f.Name, f.Handle)
	return f
}

func initials(name, handle string) string {
	var out []rune
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out = append(out, unicode.ToUpper([]rune(w)[0]))
		if len(out) == 2 {
			break
		}
	}
	if len(out) == 0 && handle != "" {
		out = append(out, unicode.ToUpper([]rune(handle)[0]))
	}
	return string(out)
}

// postsView is the list of every post.
type postsView struct {
	frame
	Rows   []postRow
	Drafts int
	Failed int
}

type postRow struct {
	URL, Thumb            string
	Title, File, Template string
	Date                  string // "" when the post has no date
	Status                string
	Scheduled             bool // ready or published, dated after now
	Draft                 bool
	Failed                bool
	Slides                int
	Errors, Warnings      int
}

func newPostsView(s *site) postsView {
	v := postsView{frame: newFrame(s, "posts", "preview.posts")}
	now := s.now()
	for _, p := range s.posts {
		row := postRow{URL: postURL(p.slug), Thumb: thumbURL(p), Title: p.title(), File: p.file, Template: p.template,
			Status: p.status(), Draft: p.status() == "draft", Failed: p.err != nil, Slides: len(p.slides)}
		if d := p.date(); !d.IsZero() {
			row.Date = tanggal.Short(d)
			row.Scheduled = !row.Draft && d.After(now)
		}
		row.Errors, row.Warnings = check.Count(p.findings)
		if row.Draft {
			v.Drafts++
		}
		if row.Failed {
			v.Failed++
		}
		v.Rows = append(v.Rows, row)
	}
	return v
}

// postView is one post as a feed item, with what the editor checks.
type postView struct {
	frame
	File, Status, Template string
	Date, LongDate         string
	Draft, Scheduled       bool
	Shape                  string // "portrait", "square", "landscape"
	W, H                   int    // the first slide's size, the carousel's shape
	Slides                 []slideView
	Problems               []string // why the post did not build, as file:line: message
	Caption                caption
	Findings               []findingView
	Errors, Warnings       int
	Crop                   box // the profile grid's 3:4 crop, in slide pixels
	Safe                   *box
}

type slideView struct {
	N        int
	URL, Alt string
}

type findingView struct {
	Error   bool
	Rule    string
	Where   string // file:line
	Message string
	Hint    string
	Slide   int // 0 when it belongs to no slide
}

// box is a rectangle in slide pixels, for the SVG overlays.
type box struct{ X, Y, W, H float64 }

func newPostView(s *site, p *post) postView {
	v := postView{frame: newFrame(s, "post", ""), File: p.file, Status: p.status(), Template: p.template, Shape: "portrait", W: 1080, H: 1350}
	v.Slug = p.slug
	v.Title = p.title()
	v.Draft = v.Status == "draft"
	if d := p.date(); !d.IsZero() {
		v.Date = tanggal.DateTime(d)
		v.LongDate = fmt.Sprintf("%d %s %d", d.Day(), tanggal.Month(d.Month()), d.Year())
		v.Scheduled = !v.Draft && d.After(s.now())
	}
	if len(p.slides) > 0 {
		v.W, v.H = p.slides[0].w, p.slides[0].h
		v.Shape = shapeOf(v.W, v.H)
	}
	for i, sl := range p.slides {
		v.Slides = append(v.Slides, slideView{N: i + 1, URL: slideURL(p, sl), Alt: sl.alt})
	}
	if p.err != nil {
		for _, f := range p.findings {
			if f.Severity == diag.Error {
				v.Problems = append(v.Problems, diag.Diagnostic{File: f.File, Line: f.Line, Message: f.Message}.String())
			}
		}
	}
	if p.article != nil {
		v.Caption = newCaption(content.Caption(p.article), captionFold)
	}
	for _, f := range p.findings {
		v.Findings = append(v.Findings, findingView{Error: f.Severity == diag.Error, Rule: f.Rule,
			Where:   strings.TrimSuffix(diag.Diagnostic{File: f.File, Line: f.Line}.String(), ": "),
			Message: f.Message, Hint: f.ExtraHint(), Slide: slideOf(f, p.slides)})
	}
	v.Errors, v.Warnings = check.Count(p.findings)
	v.Crop = gridCrop(float64(v.W), float64(v.H))
	if p.margins != nil {
		m := *p.margins
		// As the deck does: a canvas wider than tall keeps smaller
		// vertical margins.
		k := min(1, float64(v.H)/float64(v.W))
		v.Safe = &box{X: m.Left, Y: m.Top * k, W: float64(v.W) - m.Left - m.Right, H: float64(v.H) - (m.Top+m.Bottom)*k}
	}
	return v
}

// slideOf links a finding to the slide it is about: the one the rule
// names, else the slide made from the finding's line (the last slide
// starting at or before it; front-matter lines give the cover).
func slideOf(f check.Finding, slides []slide) int {
	if f.Slide > 0 {
		return min(f.Slide, len(slides))
	}
	if f.Line <= 0 {
		return 0
	}
	best, bestLine := 0, 0
	for i, s := range slides {
		if s.line == f.Line {
			return i + 1
		}
		if s.line > 0 && s.line < f.Line && s.line > bestLine {
			best, bestLine = i+1, s.line
		}
	}
	return best
}

// gridCrop is the centred 3:4 window the profile grid shows of a slide.
func gridCrop(w, h float64) box {
	if w/h > 3.0/4 {
		cw := h * 3 / 4
		return box{X: (w - cw) / 2, Y: 0, W: cw, H: h}
	}
	ch := w * 4 / 3
	return box{X: 0, Y: (h - ch) / 2, W: w, H: ch}
}

func shapeOf(w, h int) string {
	switch {
	case w == h:
		return "square"
	case w > h:
		return "landscape"
	}
	return "portrait"
}

// gridView is the profile grid, newest first.
type gridView struct {
	frame
	Tiles   []gridTile
	Undated int
	Posts   int
}

type gridTile struct {
	URL, Thumb, Title string
	Date              string
	Scheduled, Draft  bool
	Failed, Carousel  bool
}

func newGridView(s *site) gridView {
	v := gridView{frame: newFrame(s, "grid", "preview.grid")}
	now := s.now()
	var dated []*post
	for _, p := range s.posts {
		if p.date().IsZero() {
			v.Undated++
			continue
		}
		dated = append(dated, p)
	}
	sort.SliceStable(dated, func(i, j int) bool { return dated[i].date().After(dated[j].date()) })
	for _, p := range dated {
		d := p.date()
		draft := p.status() == "draft"
		v.Tiles = append(v.Tiles, gridTile{URL: postURL(p.slug), Thumb: thumbURL(p), Title: p.title(), Date: fmt.Sprintf("%d %s, %s", d.Day(), tanggal.ShortMonth(d.Month()), tanggal.Clock(d)),
			Scheduled: d.After(now), Draft: draft, Failed: p.err != nil, Carousel: len(p.slides) > 1})
	}
	v.Posts = len(v.Tiles)
	return v
}

func (p *post) title() string {
	if a := p.shown(); a != nil {
		return a.Meta.Title
	}
	return p.file
}

// status is "" when the front matter never parsed.
func (p *post) status() string {
	if a := p.shown(); a != nil {
		return a.Meta.Status
	}
	return ""
}

func postURL(slug string) string { return "/post/" + url.PathEscape(slug) }

func slideURL(p *post, s slide) string {
	return fmt.Sprintf("/slides/%s/%s?v=%s", url.PathEscape(p.slug), s.name, s.etag)
}

func thumbURL(p *post) string {
	if len(p.slides) == 0 {
		return ""
	}
	return slideURL(p, p.slides[0])
}
