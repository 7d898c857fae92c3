package layout

import (
	"reflect"
	"testing"

	"github.com/go-text/typesetting/font"

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
	s.Preload([]Style{Bold, Display}, nil)
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

// A face for drawing placed glyphs, of a font no one has asked for, is
// read without the shaping tables and draws as the whole font does: the
// same outlines, extents, advances and colour bitmaps. Once the whole
// font has been asked for, drawing uses it.
func TestDrawingFacesDrawAsTheWholeFont(t *testing.T) {
	files := FontFiles{Regular: assets.InterRegular, Bold: assets.InterBold, Italic: assets.InterItalic,
		BoldItalic: assets.InterBoldItalic, Display: assets.InterDisplayExtraBold, Mono: assets.DejaVuSansMono, Emoji: assets.NotoColorEmoji}
	drawing, err := NewFontSet(files).Load()
	if err != nil {
		t.Fatal(err)
	}
	whole, err := NewFontSet(files).Load()
	if err != nil {
		t.Fatal(err)
	}
	for n := uint8(1); n <= numFaces; n++ {
		d, w := drawing.DrawingFaceOf(n), whole.FaceOf(n)
		if d == nil || w == nil {
			t.Fatalf("face %d: no face", n)
		}
		if drawing.lazy[n-1].parsed.Load() != nil {
			t.Errorf("face %d: the whole font was read for drawing", n)
		}
		if d.GSUB.Lookups != nil || d.GPOS.Lookups != nil {
			t.Errorf("face %d: read with its shaping tables", n)
		}
		if d.Upem() != w.Upem() {
			t.Fatalf("face %d: %d units to the em, want %d", n, d.Upem(), w.Upem())
		}
		for gid := range font.GID(400) { // every font here has more glyphs
			if d.HorizontalAdvance(gid) != w.HorizontalAdvance(gid) {
				t.Fatalf("face %d, glyph %d: another advance", n, gid)
			}
			de, dok := d.GlyphExtents(gid)
			we, wok := w.GlyphExtents(gid)
			if de != we || dok != wok {
				t.Fatalf("face %d, glyph %d: extents %v, want %v", n, gid, de, we)
			}
			if !reflect.DeepEqual(d.GlyphData(gid), w.GlyphData(gid)) {
				t.Fatalf("face %d, glyph %d: other glyph data", n, gid)
			}
		}
		if (ColorBitmaps(d.Font) == nil) != (ColorBitmaps(w.Font) == nil) {
			t.Errorf("face %d: colour bitmaps differ", n)
		}
	}
	if ColorBitmaps(drawing.DrawingFaceOf(emojiFace+1).Font) == nil {
		t.Error("the emoji face for drawing has no colour bitmaps")
	}
	if got := whole.Clone().DrawingFaceOf(boldFace + 1); got.Font != whole.FaceOf(boldFace+1).Font {
		t.Error("drawing read the bold font again though it had been read whole")
	}
}

// Preloading a font that is already being read one way starts nothing
// more that way: a contact sheet preloads once its post is read and
// again once the template says whether italics are needed.
func TestPreloadStartsEachReadOnce(t *testing.T) {
	saved := spawn
	t.Cleanup(func() { spawn = saved })
	started := 0
	spawn = func(read func() *font.Font) { started++ }
	s := NewFontSet(FontFiles{Regular: assets.InterRegular, Bold: assets.InterBold, Italic: assets.InterItalic,
		BoldItalic: assets.InterBoldItalic, Display: assets.InterDisplayExtraBold})
	s.Preload([]Style{Bold}, []Style{Display})
	if started != 2 {
		t.Fatalf("the first preload started %d reads, want 2", started)
	}
	s.Preload([]Style{Bold}, []Style{Display, Italic, Bold | Italic})
	if started != 4 {
		t.Errorf("after the second preload %d reads were started, want 4: bold and display again, or italic missed", started)
	}
	s.Preload([]Style{0, Display}, nil) // the regular font (style 0) is Load's; display whole is a new way
	if started != 5 {
		t.Errorf("after the third preload %d reads were started, want 5", started)
	}
}
