package theme

import (
	"testing"

	"github.com/pkpm-btn3/pkpm/assets"
	"github.com/pkpm-btn3/pkpm/internal/layout"
)

// BenchmarkLoadFonts measures what a build pays at start for fonts: the
// text fonts parsed in place, the emoji font left for the first emoji.
func BenchmarkLoadFonts(b *testing.B) {
	for b.Loop() {
		if _, err := layout.LoadFonts(layout.FontFiles{Regular: assets.InterRegular, Bold: assets.InterBold, Italic: assets.InterItalic,
			BoldItalic: assets.InterBoldItalic, Display: assets.InterDisplayExtraBold, Mono: assets.DejaVuSansMono, Emoji: assets.NotoColorEmoji}); err != nil {
			b.Fatal(err)
		}
	}
}
