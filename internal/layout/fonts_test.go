package layout

import (
	"sync"
	"testing"

	"github.com/pkpm-btn3/pkpm/assets"
)

var (
	fontsOnce sync.Once
	testFonts *Fonts
)

// loadTestFonts parses the embedded fonts once for all tests.
func loadTestFonts(t testing.TB) *Fonts {
	t.Helper()
	fontsOnce.Do(func() {
		f, err := LoadFonts(FontFiles{Regular: assets.InterRegular, Bold: assets.InterBold, Italic: assets.InterItalic,
			BoldItalic: assets.InterBoldItalic, Display: assets.InterDisplayExtraBold, Mono: assets.DejaVuSansMono, Emoji: assets.NotoColorEmoji})
		if err != nil {
			panic(err)
		}
		testFonts = f
	})
	return testFonts
}
