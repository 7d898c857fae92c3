package theme

import (
	"sync"

	"github.com/pkpm-btn3/pkpm/assets"
	"github.com/pkpm-btn3/pkpm/internal/layout"
)

var (
	fontsOnce sync.Once
	fonts     *layout.Fonts
	fontsErr  error
)

// Fonts parses the embedded fonts once. Callers that lay out text in
// parallel must Clone the result per goroutine.
func Fonts() (*layout.Fonts, error) {
	fontsOnce.Do(func() {
		read := func(name string) []byte {
			b, err := assets.FS.ReadFile("fonts/" + name)
			if err != nil && fontsErr == nil {
				fontsErr = err
			}
			return b
		}
		f := []string{"Inter-Regular.otf", "Inter-Bold.otf", "Inter-Italic.otf", "Inter-BoldItalic.otf",
			"InterDisplay-ExtraBold.otf", "DejaVuSansMono.ttf", "NotoColorEmoji.ttf"}
		data := make([][]byte, len(f))
		for i, n := range f {
			data[i] = read(n)
		}
		if fontsErr != nil {
			return
		}
		fonts, fontsErr = layout.LoadFonts(data[0], data[1], data[2], data[3], data[4], data[5], data[6])
	})
	return fonts, fontsErr
}
