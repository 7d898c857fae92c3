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
		var data [][]byte
		for _, n := range []string{"Inter-Regular.otf", "Inter-Bold.otf", "Inter-Italic.otf", "Inter-BoldItalic.otf",
			"InterDisplay-ExtraBold.otf", "DejaVuSansMono.ttf", "NotoColorEmoji.ttf"} {
			b, err := assets.FS.ReadFile("fonts/" + n)
			if err != nil {
				panic(err)
			}
			data = append(data, b)
		}
		f, err := LoadFonts(data[0], data[1], data[2], data[3], data[4], data[5], data[6])
		if err != nil {
			panic(err)
		}
		testFonts = f
	})
	return testFonts
}
