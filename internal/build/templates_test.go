package build

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/render"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// builtIns loads every built-in template.
func builtIns(t *testing.T) []*theme.Template {
	t.Helper()
	var out []*theme.Template
	for _, name := range theme.Names("") {
		tm, err := theme.Load("", name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tm)
	}
	if len(out) < 4 {
		t.Fatalf("%d built-in templates, want at least 4", len(out))
	}
	return out
}

// sampleDecks composes the sample deck with a template in every size, plus
// the cover over a photo.
func sampleDecks(t *testing.T, tm *theme.Template, photos SamplePhotos) map[string][]deck.Slide {
	t.Helper()
	fonts, err := theme.Fonts()
	if err != nil {
		t.Fatal(err)
	}
	eng := layout.New(fonts.Clone())
	out := map[string][]deck.Slide{}
	for _, size := range theme.SizeNames {
		slides, _, err := SampleDeck("", config.Default(), tm, size, eng, photos, false)
		if err != nil {
			t.Fatalf("%s %s: %v", tm.Name, size, err)
		}
		cover, _, err := SampleDeck("", config.Default(), tm, size, eng, photos, true)
		if err != nil {
			t.Fatalf("%s %s with a cover photo: %v", tm.Name, size, err)
		}
		out[size] = append(slides, cover[0])
	}
	return out
}

// Every built-in template is complete: its sample deck has a slide of
// every kind in every size.
func TestBuiltInTemplatesHaveEveryKindAndSize(t *testing.T) {
	photos := NewSamplePhotos()
	for _, tm := range builtIns(t) {
		for size, slides := range sampleDecks(t, tm, photos) {
			seen := map[deck.Kind]bool{}
			for _, s := range slides {
				seen[s.Kind] = true
				if want := deck.Sizes[size]; s.W != want.X || s.H != want.Y {
					t.Errorf("%s %s: slide is %d×%d", tm.Name, size, s.W, s.H)
				}
			}
			for _, k := range theme.Kinds {
				kind, _ := deck.KindNamed(k)
				if !seen[kind] {
					t.Errorf("%s %s: the sample deck has no %s slide", tm.Name, size, k)
				}
			}
		}
	}
}

// Every line of text in every built-in template, in every kind and size,
// keeps WCAG AA against the pixels actually drawn behind it: 4.5:1, or
// 3:1 from 48 px. Photos (a bright sky, a busy crowd), veils, gradients,
// cards and decorations are all in the picture.
func TestBuiltInTemplatesContrastMeasured(t *testing.T) {
	photos := NewSamplePhotos()
	for _, tm := range builtIns(t) {
		t.Run(tm.Name, func(t *testing.T) {
			t.Parallel()
			r := render.New()
			for size, slides := range sampleDecks(t, tm, photos) {
				for i, s := range slides {
					for _, l := range r.TextContrast(s) {
						need := 4.5
						if l.Size >= theme.LargeText {
							need = 3
						}
						if l.Ratio < need {
							t.Errorf("%s slide %d (%s): %q at %.0f px has %.2f:1 against what is behind it, below %.1f:1",
								size, i+1, s.Kind, l.Text, l.Size, l.Ratio, need)
						}
					}
				}
			}
		})
	}
}

// Golden images of each built-in template's cover and first content
// slide, compared with the same tolerance as the other goldens.
func TestTemplateGoldenImages(t *testing.T) {
	fonts, err := theme.Fonts()
	if err != nil {
		t.Fatal(err)
	}
	eng := layout.New(fonts.Clone())
	photos := NewSamplePhotos()
	r := render.New()
	for _, tm := range builtIns(t) {
		slides, _, err := SampleDeck("", config.Default(), tm, "portrait", eng, photos, false)
		if err != nil {
			t.Fatal(err)
		}
		for name, i := range map[string]int{"cover": 0, "content": 1} {
			t.Run(fmt.Sprintf("%s-%s", tm.Name, name), func(t *testing.T) {
				if want := map[string]deck.Kind{"cover": deck.Cover, "content": deck.Content}[name]; slides[i].Kind != want {
					t.Fatalf("slide %d is %s, want %s", i+1, slides[i].Kind, want)
				}
				matchGolden(t, filepath.Join("testdata", "golden", "templates", tm.Name+"-"+name+".png"), r.Draw(slides[i]))
			})
		}
	}
}

// No line of text in a built-in template's sample deck, in any kind or
// size, lies over a template shape's box.
func TestBuiltInShapesKeepClearOfText(t *testing.T) {
	photos := NewSamplePhotos()
	shapes := 0
	for _, tm := range builtIns(t) {
		for size, slides := range sampleDecks(t, tm, photos) {
			for i, s := range slides {
				for _, sh := range s.Layers {
					if sh.Kind != deck.ShapeLayer {
						continue
					}
					shapes++
					for _, l := range s.Layers {
						if l.Kind != deck.TextLayer {
							continue
						}
						for _, ln := range l.Text.Lines {
							x0, x1 := ln.X, ln.X+ln.W
							y0, y1 := ln.Y-ln.Ascent, ln.Y+ln.Descent
							if ln.Text != "" && x0 < sh.X+sh.W && sh.X < x1 && y0 < sh.Y+sh.H && sh.Y < y1 {
								t.Errorf("%s %s slide %d (%s): %q lies over a shape at %.0f,%.0f %.0f×%.0f",
									tm.Name, size, i+1, s.Kind, ln.Text, sh.X, sh.Y, sh.W, sh.H)
							}
						}
					}
				}
			}
		}
	}
	if shapes == 0 {
		t.Error("no built-in template draws a shape")
	}
}

// Drawing a slide once with its contrast measured on the way gives the
// pixels and the measurements of drawing it twice, for every kind and
// size of every built-in template; most slides take the one pass. So
// does drawing it as a build does, band by band into a JPEG.
func TestDrawMeasuredMatchesTwoDraws(t *testing.T) {
	photos := NewSamplePhotos()
	for _, tm := range builtIns(t) {
		t.Run(tm.Name, func(t *testing.T) {
			t.Parallel()
			once, twice, banded := render.New(), render.New(), render.New()
			single, all := 0, 0
			for size, slides := range sampleDecks(t, tm, photos) {
				for i, s := range slides {
					img, tc := once.DrawMeasured(s)
					wantTC := twice.TextContrast(s)
					want := twice.DrawTemp(s)
					if !bytes.Equal(img.Pix, want.Pix) {
						t.Errorf("%s slide %d (%s): pixels differ from drawing twice", size, i+1, s.Kind)
					}
					if !reflect.DeepEqual(tc, wantTC) {
						t.Errorf("%s slide %d (%s): contrast %v, want %v", size, i+1, s.Kind, tc, wantTC)
					}
					data, bandTC := banded.DrawJPEG(s)
					if wantData, _ := render.Encode(want, render.JPEG); !bytes.Equal(data, wantData) {
						t.Errorf("%s slide %d (%s): the JPEG drawn band by band differs from the slide's", size, i+1, s.Kind)
					}
					if !reflect.DeepEqual(bandTC, wantTC) {
						t.Errorf("%s slide %d (%s): contrast band by band %v, want %v", size, i+1, s.Kind, bandTC, wantTC)
					}
					all++
					if render.DrawnOnce(s) {
						single++
					}
				}
			}
			if single < all/2 {
				t.Errorf("%d of %d slides drawn in one pass, want most", single, all)
			}
		})
	}
}
