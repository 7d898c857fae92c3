package layout

import (
	"testing"

	"github.com/pkpm-btn3/pkpm/assets"
)

// The emoji font is 11 MB and most posts have none: it is read when the
// first emoji is laid out, once for every clone. So are the other faces,
// when their style is first set.
func TestEmojiFontReadOnFirstEmoji(t *testing.T) {
	f, err := LoadFonts(FontFiles{Regular: assets.InterRegular, Bold: assets.InterBold, Italic: assets.InterItalic,
		BoldItalic: assets.InterBoldItalic, Display: assets.InterDisplayExtraBold, Mono: assets.DejaVuSansMono, Emoji: assets.NotoColorEmoji})
	if err != nil {
		t.Fatal(err)
	}
	fit := func(fonts *Fonts, text string) Result {
		return New(fonts).Fit(Spec{Box: Box{W: 800, H: 600}, Blocks: []Block{{Spans: []Span{{Text: text}}, LineHeight: 1.3}}, MaxSize: 40, MinSize: 20})
	}
	a := f.Clone()
	fit(a, "Cuci tangan – pakai sabun, café, “kutip”.")
	if f.lazy[emojiFace].font != nil {
		t.Fatal("the emoji font was read for text without emoji")
	}
	if f.lazy[boldFace].font != nil || f.lazy[monoFace].font != nil {
		t.Fatal("bold or mono was read for regular text")
	}
	res := fit(a, "Pakai masker 😷")
	if f.lazy[emojiFace].font == nil {
		t.Fatal("an emoji did not read the emoji font")
	}
	var emoji bool
	for _, l := range res.Pages[0].Lines {
		for _, r := range l.Runs {
			emoji = emoji || r.Emoji && r.Face == a.Emoji()
		}
	}
	if !emoji {
		t.Error("the emoji is not set in the emoji face")
	}
	if b := f.Clone(); b.Emoji() == a.Emoji() || b.Emoji().Font != a.Emoji().Font {
		t.Error("clones should share the parsed emoji font and own their faces")
	}
}

// A font set's fonts can be preloaded before its regular font is read:
// the faces Load returns then use those fonts, not fonts read again, and
// the italic ones stay unread unless asked for.
func TestFontSetPreloadsBeforeLoad(t *testing.T) {
	s := NewFontSet(FontFiles{Regular: assets.InterRegular, Bold: assets.InterBold, Italic: assets.InterItalic,
		BoldItalic: assets.InterBoldItalic, Display: assets.InterDisplayExtraBold, Mono: assets.DejaVuSansMono, Emoji: assets.NotoColorEmoji})
	s.Preload(false)
	bold := s.lazy[boldFace].get() // waits for the preload's parse
	if bold == nil {
		t.Fatal("the bold font was not read")
	}
	f, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Clone().get(boldFace).Font; got != bold {
		t.Error("Load's faces read the bold font again instead of using the preloaded one")
	}
	if s.lazy[italicFace].parsed.Load() != nil || s.lazy[boldItalicFace].parsed.Load() != nil {
		t.Error("preloading without italic read an italic font")
	}
	if f.Regular == nil || f.Regular.Font == bold {
		t.Error("Load did not read the regular font")
	}
}
