package check

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // to read back the encoded slides
	_ "image/png"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/render"
)

// Instagram's figures.
const (
	MaxCaption     = 2200
	MaxMentions    = 20
	MaxCarousel    = 20
	MaxAPICarousel = 10
	MaxImageBytes  = 8 << 20
	MaxAlt         = 1000
	HookLength     = 125
	MinRatio       = 4.0 / 5 // width/height of the tallest accepted image
	MaxRatio       = 1.91    // the widest
)

// Post is everything the rules look at for one post.
type Post struct {
	File    string
	Article *content.Article
	Slides  []Slide
	Images  [][]byte // the encoded slides, in order, or their beginnings
	// ImageBytes are the files' lengths where Images hold only their
	// beginnings (enough for the format and size in pixels); 0 where an
	// image is whole.
	ImageBytes []int
	Contrast   [][]render.TextContrast
	Diags      []diag.Diagnostic // the build's warnings
	BodyMin    float64           // the template's minimum body size
}

// Slide is what the rules look at in one composed slide. A build records
// it in slides.json, so a built post is checked without composing it
// again.
type Slide struct {
	Kind     deck.Kind
	Line     int // source line of the slide's content, 0 if none
	Alt      string
	Warnings []string
	Photos   []Photo
}

// Photo is a picture on a slide: its size as decoded and the box it
// fills, in pixels.
type Photo struct {
	Width, Height int
	BoxW, BoxH    float64
}

// SlidesOf describes composed slides for the rules.
func SlidesOf(slides []deck.Slide) []Slide {
	out := make([]Slide, len(slides))
	for i, s := range slides {
		out[i] = Slide{Kind: s.Kind, Line: s.Line, Alt: s.Alt, Warnings: s.Warnings, Photos: PhotosOf(s)}
	}
	return out
}

// PhotosOf lists the pictures a slide draws.
func PhotosOf(s deck.Slide) []Photo {
	var out []Photo
	for _, l := range s.Layers {
		if l.Kind != deck.ImageLayer || l.Image == nil {
			continue
		}
		b := l.Image.Bounds()
		out = append(out, Photo{Width: b.Dx(), Height: b.Dy(), BoxW: l.W, BoxH: l.H})
	}
	return out
}

// Settings are the project's adjustable limits.
type Settings struct {
	MaxHashtags int
}

// Run applies every rule to a post.
func Run(p Post, s Settings) []Finding {
	var fs []Finding
	for _, rule := range []func(Post, Settings) []Finding{caption, hashtags, carousel, images, slides, links, sources, placeholders, buildWarnings} {
		fs = append(fs, rule(p, s)...)
	}
	return fs
}

func line(p Post, key string) int { return p.Article.Meta.Lines[key] }

var mentionRE = regexp.MustCompile(`(^|[^\w@])@[A-Za-z0-9._]+`)

func caption(p Post, _ Settings) []Finding {
	var fs []Finding
	c := content.Caption(p.Article)
	ln := line(p, "caption")
	if n := utf8.RuneCountInString(c); n > MaxCaption {
		fs = append(fs, at(CaptionLength, p.File, ln, 0, "caption is %s characters; Instagram allows %s", thousands(n), thousands(MaxCaption)))
	}
	if n := len(mentionRE.FindAllString(c, -1)); n > MaxMentions {
		fs = append(fs, at(Mentions, p.File, ln, 0, "caption mentions %d accounts; Instagram allows %d", n, MaxMentions))
	}
	hook := []rune(c)
	if len(hook) > HookLength {
		hook = hook[:HookLength]
	}
	if strings.TrimSpace(hashtagRE.ReplaceAllString(string(hook), "")) == "" {
		fs = append(fs, at(CaptionHook, p.File, ln, 0, "the first %d characters of the caption, which show before \"more\", hold no words", HookLength))
	}
	return fs
}

var hashtagRE = regexp.MustCompile(`#[^\s#]+`)

// hashtags counts the front matter's tags and those written in the
// caption, as Instagram sees them. A finding about a tag points at the
// line it is written on: the hashtags key, or the caption's line.
func hashtags(p Post, s Settings) []Finding {
	var fs []Finding
	meta := p.Article.Meta
	tags := append([]string(nil), meta.Hashtags...)
	fromMeta := len(tags)
	tags = append(tags, content.TagsIn(content.CaptionText(p.Article))...)
	lineOf := func(i int) int {
		if i < fromMeta {
			return line(p, "hashtags")
		}
		if l := meta.CaptionTagLines[strings.ToLower(tags[i])]; l > 0 {
			return l
		}
		if l := line(p, "caption"); l > 0 {
			return l
		}
		return line(p, "hashtags")
	}
	seen := map[string]bool{}
	unique, over := 0, -1
	for i, t := range tags {
		k := strings.ToLower(t)
		if seen[k] {
			fs = append(fs, at(HashtagDuplicate, p.File, lineOf(i), 0, "hashtag #%s appears more than once", t))
			continue
		}
		seen[k] = true
		if unique++; unique == s.MaxHashtags+1 {
			over = i
		}
		if !validTag(t) {
			fs = append(fs, at(HashtagInvalid, p.File, lineOf(i), 0, "hashtag %q has characters Instagram does not allow in a hashtag", "#"+t))
		}
	}
	if over >= 0 {
		where := ""
		if len(tags) > fromMeta {
			where = ", counting those in the caption"
		}
		fs = append(fs, at(HashtagCount, p.File, lineOf(over), 0, "%d hashtags%s; the limit is %d; #%s is the first past it", unique, where, s.MaxHashtags, tags[over]))
	}
	return fs
}

func validTag(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
			return false
		}
	}
	return true
}

func carousel(p Post, _ Settings) []Finding {
	n := len(p.Slides)
	switch {
	case n > MaxCarousel:
		return []Finding{at(CarouselMax, p.File, 0, 0, "the carousel has %d slides; Instagram takes at most %d", n, MaxCarousel)}
	case n > MaxAPICarousel:
		return []Finding{at(CarouselAPI, p.File, 0, 0, "the carousel has %d slides; the publishing API takes at most %d", n, MaxAPICarousel)}
	}
	return nil
}

// images checks the encoded files as Instagram will receive them.
func images(p Post, _ Settings) []Finding {
	var fs []Finding
	var first float64
	for i, data := range p.Images {
		n := i + 1
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			fs = append(fs, at(ImageFormat, p.File, 0, n, "slide %d cannot be read back: %v", n, err))
			continue
		}
		if format != "jpeg" {
			fs = append(fs, at(ImageFormat, p.File, 0, n, "slide %d is %s; Instagram takes JPEG", n, strings.ToUpper(format)))
		} else if cfg.ColorModel == color.CMYKModel {
			fs = append(fs, at(ImageFormat, p.File, 0, n, "slide %d is a CMYK JPEG; Instagram expects sRGB", n))
		}
		size := len(data)
		if i < len(p.ImageBytes) && p.ImageBytes[i] > 0 {
			size = p.ImageBytes[i]
		}
		if size > MaxImageBytes {
			fs = append(fs, at(ImageBytes, p.File, 0, n, "slide %d is %.1f MB; Instagram allows 8 MB", n, float64(size)/(1<<20)))
		}
		ratio := float64(cfg.Width) / float64(cfg.Height)
		if ratio < MinRatio-0.005 || ratio > MaxRatio+0.005 {
			fs = append(fs, at(AspectRange, p.File, 0, n, "slide %d is %d×%d (%.2f:1); Instagram takes 4:5 to 1.91:1", n, cfg.Width, cfg.Height, ratio))
		}
		if i == 0 {
			first = ratio
		} else if abs(ratio-first) > 0.005 {
			fs = append(fs, at(AspectMismatch, p.File, 0, n, "slide %d is %d×%d, not the first slide's shape; Instagram crops it to the first", n, cfg.Width, cfg.Height))
		}
	}
	return fs
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// FewWords is the most words a continuation slide can hold and still be
// called a scrap: a whole slide to swipe to for a line or two.
const FewWords = 15

// continued words a continuation slide's finding; one holding only a few
// words says so, since cutting those few words saves a slide.
func continued(p Post, s Slide, n int) Finding {
	if words := len(strings.Fields(s.Alt)); words > 0 && words <= FewWords {
		return at(TextContinued, p.File, s.Line, n, "slide %d holds only %d %s carried over from slide %d; shorten the text by about that much to keep it on one slide",
			n, words, map[bool]string{true: "word", false: "words"}[words == 1], n-1)
	}
	return at(TextContinued, p.File, s.Line, n, "slide %d continues text that did not fit the slide before", n)
}

// slides checks what is drawn: alt text, size, contrast, photos.
func slides(p Post, _ Settings) []Finding {
	var fs []Finding
	for i, s := range p.Slides {
		n := i + 1
		if l := utf8.RuneCountInString(s.Alt); l > MaxAlt {
			fs = append(fs, at(AltLength, p.File, s.Line, n, "slide %d's alt text is %s characters; Instagram allows %s", n, thousands(l), thousands(MaxAlt)))
		}
		for _, w := range s.Warnings {
			if strings.HasPrefix(w, "continued") {
				fs = append(fs, continued(p, s, n))
			}
		}
		if i < len(p.Contrast) {
			fs = append(fs, contrast(p, n, s, p.Contrast[i])...)
		}
		for _, ph := range s.Photos {
			if ph.Width < 1 || ph.Height < 1 {
				continue
			}
			if k := max(ph.BoxW/float64(ph.Width), ph.BoxH/float64(ph.Height)); k > 1.5 {
				fs = append(fs, at(ImageUpscaled, p.File, s.Line, n, "slide %d stretches a %d×%d photo %.1f× to fill %0.f×%0.f", n, ph.Width, ph.Height, k, ph.BoxW, ph.BoxH))
			}
		}
	}
	return fs
}

// contrast applies WCAG AA to each measured line; large text (48 px, or
// bold from 38 px, the pixel equivalents of 18 pt and 14 pt bold) needs
// 3:1, the rest 4.5:1. It also flags body text set at the minimum size.
func contrast(p Post, n int, s Slide, lines []render.TextContrast) []Finding {
	var fs []Finding
	minSized := false
	for _, l := range lines {
		need := 4.5
		if l.Size >= 48 || l.Bold && l.Size >= 38 {
			need = 3
		}
		if l.Ratio < need {
			fs = append(fs, at(Contrast, p.File, s.Line, n, "slide %d: %q has contrast %.1f:1 against what is behind it; needs %.1f:1", n, shorten(l.Text), l.Ratio, need))
		}
		if s.Kind == deck.Content && p.BodyMin > 0 && abs(l.Size-p.BodyMin) < 0.5 {
			minSized = true
		}
	}
	if minSized {
		fs = append(fs, at(TextMinSize, p.File, s.Line, n, "slide %d's text is set at the smallest size, %.0f px", n, p.BodyMin))
	}
	return fs
}

// links flags links in the body: Instagram does not make them clickable.
func links(p Post, _ Settings) []Finding {
	var fs []Finding
	var walk func(bs []content.Block)
	walk = func(bs []content.Block) {
		for _, b := range bs {
			for _, sp := range b.Spans {
				if sp.Style&content.Link != 0 {
					fs = append(fs, at(BodyLink, p.File, b.Line, 0, "link %q will not be clickable on Instagram", shorten(sp.URL)))
				}
			}
			for _, it := range b.Items {
				walk(it.Blocks)
			}
			walk(b.Children)
			if b.Kind == content.Image && strings.TrimSpace(b.Alt) == "" {
				fs = append(fs, at(ImageAlt, p.File, b.Line, 0, "image %q has no alt text", b.Src))
			}
		}
	}
	walk(p.Article.Intro)
	for _, s := range p.Article.Sections {
		walk(s.Blocks)
	}
	return fs
}

func sources(p Post, _ Settings) []Finding {
	m := p.Article.Meta
	if m.Pillar == "edukasi" && len(m.Sources) == 0 {
		return []Finding{at(SourcesMissing, p.File, line(p, "pillar"), 0, "an education post without sources")}
	}
	return nil
}

// buildWarnings turns the build's own warnings into findings, with a rule
// of their own where one fits.
func buildWarnings(p Post, _ Settings) []Finding {
	var fs []Finding
	for _, d := range p.Diags {
		if d.Severity != diag.Warning {
			continue
		}
		switch {
		case strings.Contains(d.Message, "continues on slides"):
			// reported per slide by text-continued
		case strings.Contains(d.Message, "is divided at a line end"):
			fs = append(fs, at(WordBroken, d.File, d.Line, 0, "%s", d.Message))
		case strings.Contains(d.Message, "has no alt text"):
			// reported by image-alt
		case strings.Contains(d.Message, "Instagram takes at most"):
			// reported by carousel-max
		default:
			fs = append(fs, at(BuildWarning, d.File, d.Line, 0, "%s", d.Message))
		}
	}
	return fs
}

func shorten(s string) string {
	r := []rune(s)
	if len(r) > 48 {
		return string(r[:45]) + "…"
	}
	return s
}

// thousands writes n with commas, as the messages quote Instagram's
// figures ("2,200").
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
