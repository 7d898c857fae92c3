package render

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

func solidSlide(w, h int, c color.RGBA) deck.Slide {
	return deck.Slide{W: w, H: h, Background: deck.Solid(c)}
}

func sheetEngine(t *testing.T) *layout.Engine {
	t.Helper()
	fonts, err := theme.Fonts()
	if err != nil {
		t.Fatal(err)
	}
	return layout.New(fonts.Clone())
}

func TestSheetPlacesNumberedTiles(t *testing.T) {
	colors := []color.RGBA{{0xc0, 0x20, 0x20, 0xff}, {0x20, 0xa0, 0x40, 0xff}, {0x20, 0x40, 0xc0, 0xff}, {0xe0, 0xb0, 0x20, 0xff}, {0x80, 0x20, 0xa0, 0xff}}
	var slides []deck.Slide
	for _, c := range colors {
		slides = append(slides, solidSlide(1080, 1350, c))
	}
	img := New().Sheet(sheetEngine(t), slides, SheetSpec{Title: "Cara Memakai Masker 😷", Subtitle: "@pkpm.btn3 · 5 slides", TileW: 200, Columns: 3})
	// Three columns, two rows of 200×250 tiles.
	wantW := 2*sheetMargin + 3*200 + 2*sheetGap
	wantH := 2*sheetMargin + sheetHeader + 2*250 + sheetGap
	if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
		t.Fatalf("sheet is %v, want %dx%d", b.Size(), wantW, wantH)
	}
	for i, c := range colors {
		x := sheetMargin + (i%3)*(200+sheetGap)
		y := sheetMargin + sheetHeader + (i/3)*(250+sheetGap)
		if got := img.RGBAAt(x+150, y+200); !near(got, c) {
			t.Errorf("tile %d centre = %v, want %v", i+1, got, c)
		}
		// The number's disc sits on the top-left corner, dark.
		bx, by := x-badgeSize/3, y-badgeSize/3
		if got := img.RGBAAt(bx+4, by+badgeSize/2); got.R > 0x40 || got.G > 0x40 || got.B > 0x40 {
			t.Errorf("tile %d has no dark number badge: %v", i+1, got)
		}
		c := image.Pt(bx+badgeSize/2, by+badgeSize/2)
		if !hasLight(img, image.Rect(c.X-8, c.Y-10, c.X+8, c.Y+10)) {
			t.Errorf("tile %d's badge has no white number in it", i+1)
		}
	}
	// The empty sixth cell is paper.
	if got := img.RGBAAt(sheetMargin+2*(200+sheetGap)+100, sheetMargin+sheetHeader+250+sheetGap+100); got != sheetPaper {
		t.Errorf("empty cell = %v, want paper", got)
	}
	// The heading is drawn: dark title pixels in the header band.
	if !hasDark(img, image.Rect(sheetMargin, sheetMargin, wantW-sheetMargin, sheetMargin+60)) {
		t.Error("no title drawn in the header")
	}
}

func TestSheetOfOneSlideIsOneColumn(t *testing.T) {
	img := New().Sheet(sheetEngine(t), []deck.Slide{solidSlide(1080, 1080, color.RGBA{0, 0, 0, 255})}, SheetSpec{Title: "x", TileW: 300})
	if got := img.Bounds().Dx(); got != 2*sheetMargin+300 {
		t.Errorf("width %d, want %d", got, 2*sheetMargin+300)
	}
}

func near(a, b color.RGBA) bool {
	d := func(x, y uint8) int {
		if x > y {
			return int(x - y)
		}
		return int(y - x)
	}
	return d(a.R, b.R) < 6 && d(a.G, b.G) < 6 && d(a.B, b.B) < 6
}

func hasDark(img *image.RGBA, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if c := img.RGBAAt(x, y); c.R < 0x40 && c.G < 0x40 && c.B < 0x40 {
				return true
			}
		}
	}
	return false
}

func hasLight(img *image.RGBA, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if c := img.RGBAAt(x, y); c.R > 0xd0 && c.G > 0xd0 && c.B > 0xd0 {
				return true
			}
		}
	}
	return false
}

// WriteSheet draws the sheet in bands and streams it out as PNG; the
// picture is the one Sheet draws whole, seams and numbers included.
func TestWriteSheetIsTheSheetInBands(t *testing.T) {
	var slides []deck.Slide
	for i := range 7 {
		s := solidSlide(1080, 1350, color.RGBA{uint8(30 * i), 0x80, uint8(200 - 20*i), 0xff})
		// A disc running off the slide's corner must stay off the sheet.
		s.Layers = []deck.Layer{{Kind: deck.EllipseLayer, X: 900, Y: -200, W: 400, H: 400, Paint: deck.Solid(color.RGBA{0xff, 0xff, 0xff, 0xff})}}
		slides = append(slides, s)
	}
	spec := SheetSpec{Title: "Cara Memakai Masker", Subtitle: "@pkpm.btn3 · 7 slides", TileW: 160, Columns: 3}
	eng := sheetEngine(t)
	want := New().Sheet(eng, slides, spec)
	var buf bytes.Buffer
	if err := New().WriteSheet(&buf, eng, slides, spec); err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if got.Bounds() != want.Bounds() {
		t.Fatalf("PNG is %v, sheet %v", got.Bounds(), want.Bounds())
	}
	bad := 0
	for y := range want.Rect.Dy() {
		for x := range want.Rect.Dx() {
			r, g, b, a := got.At(x, y).RGBA()
			w := want.RGBAAt(x, y)
			if uint8(r>>8) != w.R || uint8(g>>8) != w.G || uint8(b>>8) != w.B || a != 0xffff {
				if bad++; bad <= 5 {
					t.Errorf("pixel (%d, %d) = %v, want %v", x, y, got.At(x, y), w)
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d pixels differ", bad)
	}
}

// emojiSlides are slides whose text has colour emoji, laid out by eng.
func emojiSlides(t *testing.T, eng *layout.Engine) []deck.Slide {
	t.Helper()
	var slides []deck.Slide
	for i, text := range []string{"Cuci tangan 🧼 dulu", "Pakai masker 😷 ✅", "Jaga jarak 🏠"} {
		res := eng.Fit(layout.Spec{
			Box:     layout.Box{X: 80, Y: 200, W: 920, H: 600},
			Blocks:  []layout.Block{{Spans: []layout.Span{{Text: text, Color: color.RGBA{0x18, 0x18, 0x1b, 0xff}}}, LineHeight: 1.3}},
			MaxSize: 60 + float64(i)*10, MinSize: 30,
		})
		if len(res.Pages) == 0 {
			t.Fatalf("%q does not fit", text)
		}
		s := solidSlide(1080, 1350, color.RGBA{0xf4, 0xf4, 0xf5, 0xff})
		s.Layers = []deck.Layer{{Kind: deck.TextLayer, Text: res.Pages[0]}}
		slides = append(slides, s)
	}
	return slides
}

// The emoji a sheet prefetches are those its thumbnails draw, at their
// sizes, and the sheet is the same with them as without.
func TestSheetPrefetchesItsEmoji(t *testing.T) {
	eng := sheetEngine(t)
	slides := emojiSlides(t, eng)
	spec := SheetSpec{Title: "Emoji", TileW: 200, Columns: 3}

	r := New()
	d := r.newSheetDraw(eng, slides, spec)
	d.prefetchEmoji()
	made := 0
	r.shared.bitmaps.m.Range(func(k, v any) bool {
		if key := k.(bitmapKey); key.w > 0 && v.(*image.RGBA) != nil {
			made++
		}
		return true
	})
	if made < 4 {
		t.Fatalf("prefetched %d scaled emoji bitmaps, want one for each of the 4 emoji", made)
	}
	count := func() int {
		n := 0
		r.shared.bitmaps.m.Range(func(any, any) bool { n++; return true })
		return n
	}
	before := count()
	var buf bytes.Buffer
	if err := r.WriteSheet(&buf, eng, slides, spec); err != nil {
		t.Fatal(err)
	}
	if after := count(); after != before {
		t.Errorf("drawing the sheet made %d bitmaps the prefetch had not", after-before)
	}
	want := New().Sheet(sheetEngine(t), slides, spec)
	got, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for y := range want.Rect.Dy() {
		for x := range want.Rect.Dx() {
			r, g, b, _ := got.At(x, y).RGBA()
			if w := want.RGBAAt(x, y); uint8(r>>8) != w.R || uint8(g>>8) != w.G || uint8(b>>8) != w.B {
				t.Fatalf("pixel (%d, %d) differs from a sheet drawn without prefetching", x, y)
			}
		}
	}
}

// A thumbnail's lines of text sit on whole pixels: the glyph masks it
// makes are all for the top of a pixel, wherever the slide's lines fall,
// while a full-size slide keeps its lines where they fall.
func TestThumbnailTextSitsOnWholePixels(t *testing.T) {
	eng := sheetEngine(t)
	var slides []deck.Slide
	for i := range 4 {
		res := eng.Fit(layout.Spec{
			Box:     layout.Box{X: 80, Y: 200 + 0.37*float64(i), W: 920, H: 900},
			Blocks:  []layout.Block{{Spans: []layout.Span{{Text: "Jaga jarak minimal satu meter dari orang lain, dan hindari kerumunan di pasar.", Color: color.RGBA{0x18, 0x18, 0x1b, 0xff}}}, LineHeight: 1.37}},
			MaxSize: 44, MinSize: 30,
		})
		s := solidSlide(1080, 1350, color.RGBA{0xf4, 0xf4, 0xf5, 0xff})
		s.Layers = []deck.Layer{{Kind: deck.TextLayer, Text: res.Pages[0]}}
		slides = append(slides, s)
	}
	positions := func(r *Renderer) map[uint8]bool {
		sy := map[uint8]bool{}
		for k := range r.glyphs.masks {
			sy[k.sy] = true
		}
		return sy
	}
	r := New()
	d := r.newSheetDraw(eng, slides, SheetSpec{Title: "Jarak", TileW: 300, Columns: 2})
	dst := image.NewRGBA(image.Rect(0, 0, d.grid.w, d.grid.h))
	for i, s := range slides {
		d.thumbnail(dst, 0, s, d.grid.cell(i))
	}
	if len(r.glyphs.masks) == 0 {
		t.Fatal("the thumbnails made no glyph masks")
	}
	if sy := positions(r); len(sy) != 1 || !sy[0] {
		t.Errorf("the thumbnails made masks for vertical positions %v, want only 0", sy)
	}
	full := New()
	full.Draw(slides[1])
	if sy := positions(full); len(sy) < 2 {
		t.Errorf("a full-size slide made masks for vertical positions %v only; its lines fall between pixels", sy)
	}
}

// Paper goes everywhere on a band but where a thumbnail is copied over
// it, whatever the slides' shapes: in a band cut through tiles of a
// portrait, a square and a landscape slide, a pixel keeps what it held
// exactly when a tile covers it.
func TestPaperLeavesTheTiles(t *testing.T) {
	slides := []deck.Slide{solidSlide(1080, 1350, color.RGBA{A: 255}), solidSlide(1080, 1080, color.RGBA{A: 255}), solidSlide(1350, 1080, color.RGBA{A: 255})}
	d := New().newSheetDraw(nil, slides, SheetSpec{TileW: 200, Columns: 2})
	top := sheetMargin + sheetHeader + 100 // through both rows of tiles
	dst := image.NewRGBA(image.Rect(0, 0, d.grid.w, 300))
	held := color.RGBA{1, 2, 3, 4}
	for y := range dst.Rect.Dy() {
		for x := range dst.Rect.Dx() {
			dst.SetRGBA(x, y, held)
		}
	}
	d.paper(dst, top)
	var tiles []image.Rectangle
	for i, s := range slides {
		tiles = append(tiles, fitInside(d.grid.cell(i), image.Rect(0, 0, s.W, s.H)).Sub(image.Pt(0, top)))
	}
	covered := 0
	for y := range dst.Rect.Dy() {
		for x := range dst.Rect.Dx() {
			want := sheetPaper
			for _, r := range tiles {
				if image.Pt(x, y).In(r) {
					want = held
					covered++
				}
			}
			if got := dst.RGBAAt(x, y); got != want {
				t.Fatalf("(%d, %d) = %v, want %v", x, y, got, want)
			}
		}
	}
	if covered == 0 {
		t.Fatal("the band crosses no tile")
	}
}

// A cell's rule colour shows around its thumbnail, in its border and
// wherever a slide of another shape leaves the cell open, and nowhere
// else: not under the thumbnail, which is copied over it.
func TestRuleFramesTheTile(t *testing.T) {
	dst := image.NewRGBA(image.Rect(0, 0, 60, 70))
	held := color.RGBA{1, 2, 3, 4}
	for y := range 70 {
		for x := range 60 {
			dst.SetRGBA(x, y, held)
		}
	}
	outer := image.Rect(5, -10, 45, 40) // a cell cut by the band's top
	tile := image.Rect(6, 5, 44, 30)    // a landscape slide in a portrait cell
	rule(dst, outer, tile)
	for y := range 70 {
		for x := range 60 {
			p := image.Pt(x, y)
			want := held
			if p.In(outer) && !p.In(tile) {
				want = sheetRule
			}
			if got := dst.RGBAAt(x, y); got != want {
				t.Fatalf("(%d, %d) = %v, want %v", x, y, got, want)
			}
		}
	}
}

// Thumbnails draw their backdrops again rather than keep them: the
// sheet of slides that share one keeps nothing in the renderer's cache,
// and draws what a full-size slide would have kept.
func TestThumbnailsKeepNoBackdrops(t *testing.T) {
	ring := deck.Layer{Kind: deck.EllipseLayer, Role: deck.Decor, X: 700, Y: -200, W: 600, H: 600, Paint: deck.Solid(color.RGBA{0x2a, 0x9d, 0x8f, 0xff})}
	var slides []deck.Slide
	for range 4 {
		s := solidSlide(1080, 1350, color.RGBA{0xf8, 0xf8, 0xf5, 0xff})
		s.Layers = []deck.Layer{ring}
		slides = append(slides, s)
	}
	r := New()
	img := r.Sheet(sheetEngine(t), slides, SheetSpec{Title: "x", TileW: 200, Columns: 2})
	if n := len(r.shared.backdrops) + len(r.shared.seen); n != 0 {
		t.Errorf("the sheet left %d backdrops in the cache", n)
	}
	// The ring's corner is drawn on every tile.
	for i := range slides {
		c := New().newSheetDraw(nil, slides, SheetSpec{Title: "x", TileW: 200, Columns: 2}).grid.cell(i)
		if got := img.RGBAAt(c.Max.X-5, c.Min.Y+5); !near(got, ring.Paint.From) {
			t.Errorf("tile %d: %v at the ring's corner, want the ring's colour", i+1, got)
		}
	}
}
