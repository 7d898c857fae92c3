package check

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/render"
)

const cleanPost = `---
title: Cara Memakai Masker
pillar: edukasi
hashtags: [pakaimasker, covid19]
sources: ["WHO (2020)"]
---

Masker melindungi kita dan keluarga dari percikan saat berbicara.

## Langkah

Cuci tangan dulu.
`

func encode(t *testing.T, w, h int, asPNG bool) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	var b bytes.Buffer
	if asPNG {
		_ = png.Encode(&b, img)
	} else {
		_ = jpeg.Encode(&b, img, nil)
	}
	return b.Bytes()
}

// post builds a clean three-slide post; edit changes it to trip a rule.
func post(t *testing.T, src string, edit func(*Post)) Post {
	t.Helper()
	a, err := content.Parse("posts/p.md", []byte(src), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	p := Post{File: "posts/p.md", Article: a, BodyMin: 34}
	for i := 0; i < 3; i++ {
		p.Slides = append(p.Slides, Slide{Kind: deck.Content, Alt: "Teks slide.", Line: 9})
		p.Images = append(p.Images, encode(t, 108, 135, false))
		p.Contrast = append(p.Contrast, []render.TextContrast{{Text: "Cuci tangan dulu.", Size: 54, Ratio: 12}})
	}
	if edit != nil {
		edit(&p)
	}
	return p
}

func rules(fs []Finding) string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.Rule)
	}
	return strings.Join(ids, " ")
}

func TestCleanPostHasNoFindings(t *testing.T) {
	if fs := Run(post(t, cleanPost, nil), Settings{MaxHashtags: 5}); len(fs) != 0 {
		t.Fatalf("clean post: %v", fs)
	}
}

func TestEachRuleTrips(t *testing.T) {
	long := strings.Repeat("kata ", 500)
	for _, tt := range []struct {
		rule string
		src  string
		edit func(*Post)
	}{
		{"caption-length", strings.Replace(cleanPost, "pillar:", "caption: "+long+"\npillar:", 1), nil},
		{"mentions", strings.Replace(cleanPost, "pillar:", "caption: Halo"+strings.Repeat(" @warga", 21)+"\npillar:", 1), nil},
		{"hashtag-count", strings.Replace(cleanPost, "[pakaimasker, covid19]", "[a, b, c, d, e, f]", 1), nil},
		{"hashtag-duplicate", strings.Replace(cleanPost, "[pakaimasker, covid19]", "[masker, Masker]", 1), nil},
		{"hashtag-invalid", strings.Replace(cleanPost, "[pakaimasker, covid19]", "[covid-19]", 1), nil},
		{"caption-hook", strings.Replace(cleanPost, "pillar:", "caption: \"#a #b\"\npillar:", 1), nil},
		{"carousel-max", cleanPost, func(p *Post) { p.Slides = make([]Slide, 21) }},
		{"carousel-api", cleanPost, func(p *Post) { p.Slides = make([]Slide, 11) }},
		{"aspect-mismatch", cleanPost, func(p *Post) { p.Images[2] = encode(t, 108, 108, false) }},
		{"image-format", cleanPost, func(p *Post) { p.Images[1] = encode(t, 108, 135, true) }},
		{"image-bytes", cleanPost, func(p *Post) { p.Images[1] = append(p.Images[1], make([]byte, 9<<20)...) }},
		// Only the beginning of the file, its length given: check and
		// export read no more.
		{"image-bytes", cleanPost, func(p *Post) { p.ImageBytes = []int{0, 9 << 20, 0} }},
		{"aspect-range", cleanPost, func(p *Post) {
			for i := range p.Images {
				p.Images[i] = encode(t, 90, 160, false)
			}
		}},
		{"alt-length", cleanPost, func(p *Post) { p.Slides[1].Alt = strings.Repeat("a", 1001) }},
		{"text-continued", cleanPost, func(p *Post) { p.Slides[2].Warnings = []string{"continued from the slide before"} }},
		{"text-min-size", cleanPost, func(p *Post) { p.Contrast[1][0].Size = 34 }},
		{"word-broken", cleanPost, func(p *Post) {
			p.Diags = []diag.Diagnostic{diag.Warnf("posts/p.md", 12, "%q is divided at a line end on slide 2 (body): it fits no line whole even at the smallest size", "Pengembang-an")}
		}},
		{"contrast", cleanPost, func(p *Post) { p.Contrast[0][0] = render.TextContrast{Text: "pucat", Size: 40, Ratio: 3.2} }},
		{"body-link", strings.Replace(cleanPost, "Cuci tangan dulu.", "Baca [panduan](https://who.int).", 1), nil},
		{"image-upscaled", cleanPost, func(p *Post) {
			p.Slides[1].Photos = PhotosOf(deck.Slide{Layers: []deck.Layer{{Kind: deck.ImageLayer, W: 888, H: 900, Image: image.NewRGBA(image.Rect(0, 0, 400, 300))}}})
		}},
		{"sources-missing", strings.Replace(cleanPost, "sources: [\"WHO (2020)\"]\n", "", 1), nil},
		{"image-alt", strings.Replace(cleanPost, "Cuci tangan dulu.", "![](foto.jpg)", 1), nil},
		{"placeholder", strings.Replace(cleanPost, "Cuci tangan dulu.", "1. [[Langkah pertama]]", 1), nil},
		{"build-warning", cleanPost, func(p *Post) { p.Diags = []diag.Diagnostic{diag.Warnf("posts/p.md", 3, "raw HTML is not supported")} }},
	} {
		t.Run(tt.rule, func(t *testing.T) {
			fs := Run(post(t, tt.src, tt.edit), Settings{MaxHashtags: 5})
			if !strings.Contains(" "+rules(fs)+" ", " "+tt.rule+" ") {
				t.Fatalf("rule %s did not fire; got [%s] %v", tt.rule, rules(fs), fs)
			}
			for _, f := range fs {
				// A build's message carries its own fix; the others need a hint.
				noHint := f.Hint == "" && f.Rule != BuildWarning.ID
				if f.Rule == tt.rule && (f.File != "posts/p.md" || noHint || f.Message == "") {
					t.Errorf("incomplete finding %+v", f)
				}
			}
		})
	}
}

// A tag at the end of a sentence or in brackets is a valid tag; only
// punctuation inside a tag makes it invalid.
func TestCaptionHashtagsEndAtPunctuation(t *testing.T) {
	src := strings.Replace(cleanPost, "pillar:", "caption: \"Pakai masker, ya! #jagajarak. (#dirumahaja) #sehat!\"\npillar:", 1)
	if fs := Run(post(t, src, nil), Settings{MaxHashtags: 5}); len(fs) != 0 {
		t.Fatalf("findings: %v", fs)
	}
	src = strings.Replace(cleanPost, "pillar:", "caption: \"Ayo #covid-19.\"\npillar:", 1)
	if fs := Run(post(t, src, nil), Settings{MaxHashtags: 5}); rules(fs) != "hashtag-invalid" || !strings.Contains(fs[0].Message, `"#covid-19"`) {
		t.Fatalf("findings: %v", fs)
	}
}

// Large text needs 3:1, body text 4.5:1.
func TestContrastThresholds(t *testing.T) {
	for _, tt := range []struct {
		size  float64
		bold  bool
		ratio float64
		fires bool
	}{{54, false, 3.5, false}, {40, false, 3.5, true}, {40, true, 3.5, false}, {34, true, 3.5, true}, {34, false, 4.6, false}} {
		p := post(t, cleanPost, func(p *Post) {
			p.Contrast[0][0] = render.TextContrast{Text: "x", Size: tt.size, Bold: tt.bold, Ratio: tt.ratio}
		})
		fs := Run(p, Settings{MaxHashtags: 5})
		if got := strings.Contains(rules(fs), "contrast"); got != tt.fires {
			t.Errorf("size %.0f bold %v ratio %.1f: fired %v, want %v", tt.size, tt.bold, tt.ratio, got, tt.fires)
		}
	}
}

func TestFindingFormat(t *testing.T) {
	f := at(CaptionLength, "posts/x.md", 12, 0, "caption is %s characters; Instagram allows %s", thousands(2340), thousands(2200))
	if got := f.String(); got != "posts/x.md:12: error caption-length: caption is 2,340 characters; Instagram allows 2,200" {
		t.Errorf("got %q", got)
	}
}

// Too many hashtags because of the caption points at the caption's line
// holding the first tag past the limit, not at "hashtags:".
func TestHashtagCountPointsAtTheCaption(t *testing.T) {
	caption := "caption: |\n  Yuk jaga kesehatan!\n  #satu #dua\n  #tiga #empat #lima\n"
	src := strings.Replace(cleanPost, "pillar:", caption+"pillar:", 1)
	fs := Run(post(t, src, nil), Settings{MaxHashtags: 5})
	if rules(fs) != "hashtag-count" || fs[0].Line != 6 {
		t.Fatalf("findings: %v, want hashtag-count on line 6", fs)
	}
	if want := "7 hashtags, counting those in the caption; the limit is 5; #empat is the first past it"; fs[0].Message != want {
		t.Errorf("message %q, want %q", fs[0].Message, want)
	}
	// A one-line caption: its line.
	src = strings.Replace(cleanPost, "pillar:", "caption: \"Halo #a #b #c #d\"\npillar:", 1)
	if fs := Run(post(t, src, nil), Settings{MaxHashtags: 5}); rules(fs) != "hashtag-count" || fs[0].Line != 3 {
		t.Fatalf("findings: %v, want hashtag-count on line 3", fs)
	}
	// Only the front matter's tags: the hashtags line.
	src = strings.Replace(cleanPost, "[pakaimasker, covid19]", "[a, b, c, d, e, f]", 1)
	if fs := Run(post(t, src, nil), Settings{MaxHashtags: 5}); rules(fs) != "hashtag-count" || fs[0].Line != 4 {
		t.Fatalf("findings: %v, want hashtag-count on line 4", fs)
	}
	// A repeated tag in the caption points at its own line.
	src = strings.Replace(cleanPost, "pillar:", "caption: |\n  Halo.\n  #covid19\n"+"pillar:", 1)
	if fs := Run(post(t, src, nil), Settings{MaxHashtags: 5}); rules(fs) != "hashtag-duplicate" || fs[0].Line != 5 {
		t.Fatalf("findings: %v, want hashtag-duplicate on line 5", fs)
	}
}
