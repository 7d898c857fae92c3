package build

import (
	"slices"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// Slides with a gradient or a photo are handed out first, the rest in
// order, and slides not to be drawn stay out.
func TestHeavyFirst(t *testing.T) {
	flat := deck.Slide{Kind: deck.Content}
	gradient := deck.Slide{Kind: deck.Cover, Background: theme.Paint{Gradient: true}}
	photo := deck.Slide{Kind: deck.ImageSlide, Layers: []deck.Layer{{Kind: deck.TextLayer}, {Kind: deck.ImageLayer}}}
	slides := []deck.Slide{gradient, flat, photo, flat, flat, gradient}
	got := heavyFirst(slides, []int{0, 1, 2, 3, 5})
	if want := []int{0, 2, 5, 1, 3}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}
