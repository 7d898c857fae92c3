package build

import (
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/render"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// The typical slide is the fixture's list slide: a heading, a numbered
// list with a nested list, bold and italic runs.
const typical = 1

// BenchmarkLayout measures composing (shaping, breaking, fitting) one
// typical slide's text after the caches are warm.
func BenchmarkLayout(b *testing.B) {
	slides := composeFixture(b)
	fonts, _ := theme.Fonts()
	eng := layout.New(fonts.Clone())
	spec := textSpec(slides[typical])
	eng.Fit(spec)
	b.ResetTimer()
	for b.Loop() {
		eng.Fit(spec)
	}
}

// textSpec rebuilds a layout spec equivalent to the slide's body, from the
// laid-out lines' text, so the benchmark shapes and fits real content.
func textSpec(s deck.Slide) layout.Spec {
	var blocks []layout.Block
	for _, l := range s.Layers {
		if l.Kind != deck.TextLayer {
			continue
		}
		for _, ln := range l.Text.Lines {
			blocks = append(blocks, layout.Block{Spans: []layout.Span{{Text: ln.Text}}, LineHeight: 1.38, SpaceBefore: 0.35})
		}
	}
	return layout.Spec{Box: layout.Box{X: 96, Y: 184, W: 888, H: 1016}, Blocks: blocks, MaxSize: 48, MinSize: 34}
}

// BenchmarkDraw measures drawing one typical slide on a reused canvas,
// with background, shapes and glyphs from warm caches.
func BenchmarkDraw(b *testing.B) {
	benchSlide(b, typical, func(r *render.Renderer, s deck.Slide) { r.DrawTemp(s) })
}

// BenchmarkDrawCover measures a cover: a gradient and decorations (drawn
// once and then copied), a tag and a title.
func BenchmarkDrawCover(b *testing.B) {
	benchSlide(b, 0, func(r *render.Renderer, s deck.Slide) { r.DrawTemp(s) })
}

// BenchmarkDrawJPEG measures what a build's worker does with a typical
// slide: drawing it band by band, measuring its text and encoding each
// band, from warm caches.
func BenchmarkDrawJPEG(b *testing.B) {
	benchSlide(b, typical, func(r *render.Renderer, s deck.Slide) { r.DrawJPEG(s) })
}

// benchSlide times f on slide i of the fixture with one renderer, whose
// caches a first call of f has warmed.
func benchSlide(b *testing.B, i int, f func(*render.Renderer, deck.Slide)) {
	slides := composeFixture(b)
	r := render.New()
	f(r, slides[i])
	b.ResetTimer()
	for b.Loop() {
		f(r, slides[i])
	}
}

// BenchmarkEncodeJPEG measures encoding one slide at the build's quality.
func BenchmarkEncodeJPEG(b *testing.B) {
	slides := composeFixture(b)
	img := render.New().Draw(slides[typical])
	b.ResetTimer()
	for b.Loop() {
		if _, err := render.Encode(img, render.JPEG); err != nil {
			b.Fatal(err)
		}
	}
}
