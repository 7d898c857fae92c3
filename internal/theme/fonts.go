package theme

import (
	"sync"

	"github.com/pkpm-btn3/pkpm/assets"
	"github.com/pkpm-btn3/pkpm/internal/layout"
)

// Fonts parses the embedded text fonts once, in place (the emoji font
// waits for the first emoji). Callers that lay out text in parallel must
// Clone the result per goroutine.
var Fonts = sync.OnceValues(func() (*layout.Fonts, error) {
	return layout.LoadFonts(layout.FontFiles{
		Regular: assets.InterRegular, Bold: assets.InterBold, Italic: assets.InterItalic,
		BoldItalic: assets.InterBoldItalic, Display: assets.InterDisplayExtraBold,
		Mono: assets.DejaVuSansMono, Emoji: assets.NotoColorEmoji,
	})
})
