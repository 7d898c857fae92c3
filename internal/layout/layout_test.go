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

func loadTestFonts(t testing.TB) *Fonts {
	t.Helper()
	fontsOnce.Do(func() {
		read := func(n string) []byte {
			b, err := assets.FS.ReadFile("fonts/" + n)
			if err != nil {
				panic(err)
			}
			return b
		}
		f, err := LoadFonts(read("Inter-Regular.otf"), read("Inter-Bold.otf"), read("Inter-Italic.otf"),
			read("Inter-BoldItalic.otf"), read("InterDisplay-ExtraBold.otf"), read("DejaVuSansMono.ttf"), read("NotoColorEmoji.ttf"))
		if err != nil {
			panic(err)
		}
		testFonts = f
	})
	return testFonts
}

func TestQuick(t *testing.T) {
	e := New(loadTestFonts(t))
	res := e.Fit(Spec{Box: Box{X: 96, Y: 200, W: 888, H: 900}, MaxSize: 48, MinSize: 34, Blocks: []Block{
		{Spans: []Span{{Text: "Langkah 1", Style: Bold}}, Scale: 1.4},
		{Spans: []Span{{Text: "Cuci tangan sebelum memakai masker. 😷 Keluarga 👨‍👩‍👧‍👦 dan bendera 🇮🇩, masing-masing anak-anak "}, {Text: "tebal", Style: Bold}, {Text: " https://www.who.int/emergencies/diseases/novel-coronavirus-2019/advice-for-public/when-and-how-to-use-masks", Style: URL}}, SpaceBefore: 0.5},
		{Spans: []Span{{Text: "Supercalifragilisticexpialidocioussupercalifragilisticexpialidocious"}}, SpaceBefore: 0.5},
	}})
	t.Log(res.Dump())
}
