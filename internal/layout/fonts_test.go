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

// A face of one clone, in any style, is named by a number that gives a
// face of the same font in another clone; a font of no clone has none.
func TestFaceNumbers(t *testing.T) {
	f := loadTestFonts(t)
	a, b := f.Clone(), f.Clone()
	for _, s := range []Style{0, Bold, Italic, Bold | Italic, Display, Mono} {
		face := a.face(s)
		n, ok := f.FaceNumber(face)
		if !ok {
			t.Fatalf("style %d: no number", s)
		}
		if got := b.FaceOf(n); got == nil || got.Font != face.Font || got == face {
			t.Errorf("style %d: number %d gives another font, or the same clone's face", s, n)
		}
	}
	if e := a.Emoji(); e != nil {
		if n, ok := f.FaceNumber(e); !ok || b.FaceOf(n).Font != e.Font {
			t.Error("the emoji face has no number, or it gives another font")
		}
	}
	other, err := LoadFonts(FontFiles{Regular: assets.InterBold})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f.FaceNumber(other.Regular); ok {
		t.Error("a font no clone uses has a number")
	}
	if b.FaceOf(numFaces+1) != nil {
		t.Error("a number FaceNumber never gives made a face")
	}
}
