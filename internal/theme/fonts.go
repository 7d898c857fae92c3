package theme

import (
	"sync"

	"github.com/pkpm-btn3/pkpm/assets"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/stacksize"
)

// fontSet is the embedded fonts, read in place, each when first needed.
var fontSet = layout.NewFontSet(layout.FontFiles{
	Regular: assets.InterRegular, Bold: assets.InterBold, Italic: assets.InterItalic,
	BoldItalic: assets.InterBoldItalic, Display: assets.InterDisplayExtraBold,
	Mono: assets.DejaVuSansMono, Emoji: assets.NotoColorEmoji,
})

// Fonts parses the embedded regular font once; the others are parsed on
// first use (the emoji font waits for the first emoji) or by Warm.
// Callers that lay out text in parallel must Clone the result per
// goroutine.
var Fonts = sync.OnceValues(fontSet.Load)

// Warm starts reading the fonts any text is laid out with, the regular,
// bold and display ones, and with italic the italic ones, each on a
// goroutine of its own, and returns without waiting. Read side by side
// instead of the regular one first, a 26-slide post's cold build took
// 0.967× the time and its contact sheet 0.971× (30 and 60 runs in turn).
func Warm(italic bool) {
	loadFonts()
	fontSet.Preload(textStyles(italic), nil)
}

// WarmToDraw is Warm for a caller that draws slides laid out before and
// lays out only a little text of its own in the regular and bold fonts
// (a contact sheet's heading and numbers): those two are read whole, the
// others for drawing only, without the tables that shaping reads.
func WarmToDraw(italic bool) {
	loadFonts()
	fontSet.Preload([]layout.Style{layout.Bold}, textStyles(italic)[1:])
}

// loadFonts starts reading the regular font for Warm and WarmToDraw on a
// goroutine of its own, the first time it is called; whoever needs the
// fonts gets Fonts's error.
var loadFonts = sync.OnceFunc(func() {
	go func() {
		stacksize.Reserve()
		_, _ = Fonts()
	}()
})

// textStyles are the styles of the fonts text is set in, but for the
// regular one: bold first.
func textStyles(italic bool) []layout.Style {
	s := []layout.Style{layout.Bold, layout.Display}
	if italic {
		s = append(s, layout.Italic, layout.Bold|layout.Italic)
	}
	return s
}
