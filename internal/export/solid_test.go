package export

import (
	"image/color"

	"github.com/pkpm-btn3/pkpm/internal/deck"
)

// solid is a tiny slide of one colour, different per index.
func solid(i int) deck.Slide {
	return deck.Slide{W: 108, H: 135, Background: deck.Solid(color.RGBA{uint8(40 * i), 100, 90, 255})}
}
