package render

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"reflect"
	"runtime"
	"testing"

	"github.com/fogleman/gg"

	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

func layeredSlide() deck.Slide {
	return deck.Slide{W: 1080, H: 1350, Background: deck.Solid(color.RGBA{0xF5, 0xF8, 0xF7, 255}), Layers: []deck.Layer{
		{Kind: deck.RectLayer, X: 100, Y: 100, W: 200, H: 50, Radius: 10, Paint: deck.Solid(color.RGBA{0x0A, 0x64, 0x5B, 255})},
		{Kind: deck.RectLayer, X: 0, Y: 1000, W: 1080, H: 350, Paint: deck.Paint{From: color.RGBA{0, 0, 0, 255}, To: color.RGBA{255, 255, 255, 255}, Gradient: true, Angle: 0}},
	}}
}

func TestDrawPaintsLayers(t *testing.T) {
	img := New().Draw(layeredSlide())
	if got := img.RGBAAt(5, 5); got != (color.RGBA{0xF5, 0xF8, 0xF7, 255}) {
		t.Errorf("background = %v", got)
	}
	if got := img.RGBAAt(200, 125); got != (color.RGBA{0x0A, 0x64, 0x5B, 255}) {
		t.Errorf("rect = %v", got)
	}
	// The rounded corner leaves the very corner pixel mostly background.
	if got := img.RGBAAt(100, 100); got.G < 0xC0 {
		t.Errorf("corner of a rounded rect = %v, want mostly background", got)
	}
	left, mid, right := img.RGBAAt(2, 1200), img.RGBAAt(540, 1200), img.RGBAAt(1077, 1200)
	if !(left.R < 10 && right.R > 245 && mid.R > 110 && mid.R < 145) {
		t.Errorf("gradient left %v mid %v right %v", left, mid, right)
	}
}

func TestEncodeFormatsAndDeterminism(t *testing.T) {
	img := New().Draw(layeredSlide())
	a, err := Encode(img, JPEG)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Encode(img, JPEG)
	if !bytes.Equal(a, b) {
		t.Error("the same image encoded to different JPEG bytes")
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(a))
	if err != nil || format != "jpeg" || cfg.Width != 1080 || cfg.Height != 1350 {
		t.Fatalf("jpeg: %v %s %dx%d", err, format, cfg.Width, cfg.Height)
	}
	dec, _ := jpeg.Decode(bytes.NewReader(a))
	r, g, bl, _ := dec.At(200, 125).RGBA()
	if d := absDiff(uint8(r>>8), 0x0A) + absDiff(uint8(g>>8), 0x64) + absDiff(uint8(bl>>8), 0x5B); d > 12 {
		t.Errorf("brand colour drifted by %d after JPEG encoding; quality too low", d)
	}
	p, err := Encode(img, PNG)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(p)); err != nil {
		t.Fatal(err)
	}
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"jpeg": JPEG, "jpg": JPEG, "png": PNG} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("%q → %v, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("gif"); err == nil {
		t.Error("gif accepted")
	}
}

func TestTextContrastMeasuresWhatIsBehind(t *testing.T) {
	line := func(text string, c color.RGBA, y, x0, x1 float64) layout.Line {
		return layout.Line{Text: text, Y: y, Ascent: 40, Descent: 10, Size: 48,
			Runs: []layout.Run{{Color: c, X0: x0, X1: x1, Size: 48}}}
	}
	s := layeredSlide() // light background, a black-to-white gradient band from y=1000
	s.Layers = append(s.Layers, deck.Layer{Kind: deck.TextLayer, Text: layout.Page{Lines: []layout.Line{
		line("gelap di terang", color.RGBA{0x11, 0x2B, 0x28, 255}, 500, 100, 600),
		line("putih di gradasi", color.RGBA{255, 255, 255, 255}, 1200, 600, 1075),
	}}})
	got := New().TextContrast(s)
	if len(got) != 2 {
		t.Fatalf("got %d lines", len(got))
	}
	if got[0].Ratio < 12 {
		t.Errorf("dark on light = %.2f, want > 12", got[0].Ratio)
	}
	// White text over a band running to white is unreadable at its right end.
	if got[1].Ratio > 1.5 {
		t.Errorf("white over a gradient to white = %.2f, want near 1", got[1].Ratio)
	}
}

// The template shapes: a radial gradient, a ring with a hole, dots, and a
// logo shown whole (contain) with its transparency.
func TestDrawTemplateShapes(t *testing.T) {
	white, black := color.RGBA{255, 255, 255, 255}, color.RGBA{0, 0, 0, 255}
	red := color.RGBA{200, 0, 0, 255}
	logo := image.NewRGBA(image.Rect(0, 0, 200, 100)) // transparent left half, red right half
	for y := 0; y < 100; y++ {
		for x := 100; x < 200; x++ {
			logo.SetRGBA(x, y, red)
		}
	}
	s := deck.Slide{W: 1080, H: 1080, Background: deck.Paint{From: white, To: black, Gradient: true, Radial: true, CX: 0.5, CY: 0.5, R: 0.5}, Layers: []deck.Layer{
		{Kind: deck.RingLayer, X: 100, Y: 100, W: 200, H: 200, Thickness: 20, Paint: deck.Solid(red)},
		{Kind: deck.DotsLayer, X: 700, Y: 100, W: 100, H: 100, Gap: 50, Dot: 10, Paint: deck.Solid(red)},
		{Kind: deck.ImageLayer, X: 400, Y: 800, W: 200, H: 200, Image: logo, Contain: true},
	}}
	img := New().Draw(s)
	if c := img.RGBAAt(540, 540); c.R < 250 {
		t.Errorf("radial centre = %v, want white", c)
	}
	if c := img.RGBAAt(540+530, 540); c.R > 10 {
		t.Errorf("radial edge = %v, want black", c)
	}
	if c := img.RGBAAt(110, 200); c != red {
		t.Errorf("ring = %v, want red", c)
	}
	if c := img.RGBAAt(200, 200); c == red {
		t.Errorf("the ring's hole is filled")
	}
	if c := img.RGBAAt(725, 125); c != red {
		t.Errorf("dot = %v, want red", c)
	}
	if c := img.RGBAAt(750, 150); c == red {
		t.Errorf("between dots = %v", c)
	}
	// Contained: 200×100 in a 200×200 box sits in its middle band; its
	// clear half shows the background.
	if c := img.RGBAAt(550, 900); c != red {
		t.Errorf("logo's red half = %v", c)
	}
	if c := img.RGBAAt(450, 900); c == red || c.A != 255 {
		t.Errorf("logo's clear half = %v, want the background through it", c)
	}
	if c := img.RGBAAt(550, 820); c == red {
		t.Errorf("contain drew above the image's band")
	}
}

// A photo with rounded corners is clipped by gg; the clip must end with
// the photo, or every later layer is clipped too.
func TestRoundedPhotoClipEndsWithIt(t *testing.T) {
	red := color.RGBA{200, 0, 0, 255}
	photo := image.NewRGBA(image.Rect(0, 0, 300, 300))
	draw.Draw(photo, photo.Bounds(), image.NewUniform(red), image.Point{}, draw.Src)
	blue := color.RGBA{0, 0, 200, 255}
	s := deck.Slide{W: 1080, H: 1080, Background: deck.Solid(color.RGBA{255, 255, 255, 255}), Layers: []deck.Layer{
		{Kind: deck.ImageLayer, X: 100, Y: 100, W: 300, H: 300, Radius: 40, Image: photo},
		{Kind: deck.RectLayer, X: 600, Y: 600, W: 100, H: 100, Radius: 10, Paint: deck.Solid(blue)},
	}}
	img := New().Draw(s)
	if c := img.RGBAAt(250, 250); c != red {
		t.Errorf("photo = %v", c)
	}
	if c := img.RGBAAt(101, 101); c == red {
		t.Errorf("the photo's corner is not rounded")
	}
	if c := img.RGBAAt(650, 650); c != blue {
		t.Errorf("a shape after a rounded photo = %v, want %v", c, blue)
	}
}

// Backdrops are kept from their second use and come from the cache
// after that; a slide drawn from it must equal one drawn afresh, and a
// different decoration must not hit the same entry.
func TestBackdropCacheDrawsTheSame(t *testing.T) {
	slide := func(x float64) deck.Slide {
		return deck.Slide{W: 540, H: 675, Background: deck.Paint{From: color.RGBA{10, 100, 90, 255}, To: color.RGBA{5, 50, 40, 255}, Gradient: true, Angle: 115},
			Layers: []deck.Layer{
				{Kind: deck.EllipseLayer, Role: deck.Decor, X: x, Y: -100, W: 300, H: 300, Paint: deck.Solid(color.RGBA{40, 30, 10, 46})},
				{Kind: deck.RectLayer, X: 50, Y: 500, W: 100, H: 40, Paint: deck.Solid(color.RGBA{255, 255, 255, 255})},
			}}
	}
	shared := NewShared()
	a, b := shared.Renderer(), shared.Renderer()
	first := a.Draw(slide(300))
	if len(shared.backdrops) != 0 {
		t.Fatalf("%d backdrops cached after one use, want 0", len(shared.backdrops))
	}
	a.DrawTemp(slide(300))
	bands := (675 + bandRows(675) - 1) / bandRows(675) // a backdrop for each
	if len(shared.backdrops) != bands {
		t.Fatalf("%d backdrops cached after two uses, want %d", len(shared.backdrops), bands)
	}
	again := b.DrawTemp(slide(300))
	if !bytes.Equal(first.Pix, again.Pix) {
		t.Error("a slide drawn over a cached backdrop differs from the first")
	}
	b.DrawTemp(slide(100))
	other := b.DrawTemp(slide(100))
	if c := other.RGBAAt(250, 20); c == first.RGBAAt(250, 20) {
		t.Error("a moved decoration drew the cached backdrop")
	}
	if len(shared.backdrops) != 2*bands {
		t.Errorf("%d backdrops cached, want %d", len(shared.backdrops), 2*bands)
	}
}

// The cache stays within its budget by dropping the backdrop used least
// recently, so the backdrops in use stay cached.
func TestBackdropCacheEvictsLeastRecentlyUsed(t *testing.T) {
	slide := func(x float64) deck.Slide {
		// A gradient is kept as it is, a canvas's size.
		return deck.Slide{W: 540, H: 675, Background: deck.Paint{From: color.RGBA{10, 100, 90, 255}, To: color.RGBA{200, 50, 40, 255}, Gradient: true, Angle: 30},
			Layers: []deck.Layer{{Kind: deck.EllipseLayer, Role: deck.Decor, X: x, Y: 0, W: 100, H: 100, Paint: deck.Solid(color.RGBA{40, 30, 10, 255})}}}
	}
	shared := NewShared()
	r := shared.Renderer()
	perSlide := 540 * 675 * 4 // its bands' backdrops together
	fit := backdropBudget / perSlide
	for i := range fit + 5 {
		r.DrawTemp(slide(float64(i)))
		r.DrawTemp(slide(float64(i)))
		r.DrawTemp(slide(0)) // kept in use
	}
	if shared.bytes > backdropBudget || backdropBudget-shared.bytes >= 4*540*bandRows(675) {
		t.Errorf("%d backdrops in %d bytes, want as many as fit within %d", len(shared.backdrops), shared.bytes, backdropBudget)
	}
	r.canvas.eachBand(func(f *frame, top int) {
		if shared.backdrops[backdropKey(f, slide(0), 1)] == nil {
			t.Errorf("the backdrop in use was evicted (its band from row %d)", top)
		}
		if shared.backdrops[backdropKey(f, slide(1), 1)] != nil {
			t.Errorf("an old backdrop was kept (its band from row %d)", top)
		}
	})
}

// A backdrop is kept from its second use on, packed by one renderer:
// another that draws it meanwhile does not pack it too.
func TestBackdropPackedOnce(t *testing.T) {
	shared := NewShared()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	shared.put("a", img)
	shared.seen["a"] = packing // as while another renderer packs it
	shared.put("a", img)
	if len(shared.backdrops) != 0 {
		t.Error("a second renderer packed the backdrop too")
	}
	shared.put("b", img)
	shared.put("b", img)
	if shared.backdrops["b"] == nil || len(shared.seen) != 1 {
		t.Errorf("after two uses: kept %v, %d not kept; want it kept", shared.backdrops["b"] != nil, len(shared.seen))
	}
}

// textSlide is a portrait slide filled with lines of text in every style,
// emoji among them, over a gradient, from dy down: lines cross every
// band's edge.
func textSlide(t *testing.T, shapes bool, dy float64) deck.Slide {
	t.Helper()
	fonts, err := theme.Fonts()
	if err != nil {
		t.Fatal(err)
	}
	ink := color.RGBA{0x11, 0x2B, 0x28, 255}
	var blocks []layout.Block
	for i, style := range []layout.Style{0, layout.Bold, layout.Italic, layout.Strike, layout.Underline, layout.Bold | layout.Italic, layout.Display} {
		blocks = append(blocks, layout.Block{LineHeight: 1.1 + 0.07*float64(i), Spans: []layout.Span{
			{Text: "Cuci tangan pakai sabun 20 detik 🧼, jaga jarak 😷 dan hindari kerumunan: ", Color: ink},
			{Text: "protokol kesehatan bersama.", Style: style, Color: ink},
		}})
	}
	res := layout.New(fonts.Clone()).Fit(layout.Spec{Box: layout.Box{X: 60, Y: dy, W: 960, H: 1350 - dy}, Blocks: blocks, MaxSize: 44, MinSize: 44})
	if len(res.Pages) == 0 {
		t.Fatal("the text was not laid out")
	}
	s := deck.Slide{W: 1080, H: 1350, Background: deck.Paint{From: color.RGBA{0xF5, 0xF8, 0xF7, 255}, To: color.RGBA{0xC8, 0xE6, 0xDF, 255}, Gradient: true, Angle: 100},
		Layers: []deck.Layer{{Kind: deck.RectLayer, X: 40, Y: 300, W: 1000, H: 500, Paint: deck.Solid(color.RGBA{0xFF, 0xFF, 0xFF, 255})}}}
	if shapes {
		s.Layers = append(s.Layers,
			deck.Layer{Kind: deck.EllipseLayer, Role: deck.Decor, X: 700, Y: 250, W: 360, H: 360, Paint: deck.Solid(color.RGBA{0xFF, 0xC8, 0x57, 0xB0})},
			deck.Layer{Kind: deck.RectLayer, X: 80, Y: 1000, W: 400, H: 180, Radius: 40, Paint: deck.Solid(color.RGBA{0x0A, 0x64, 0x5B, 0x80})})
	}
	s.Layers = append(s.Layers, deck.Layer{Kind: deck.TextLayer, Text: res.Pages[0]})
	return s
}

// A prepared renderer draws its first slide without making its canvas
// then: it allocates less than one made unprepared by at least the
// canvas (the band and the JPEG buffer, or the whole canvas for PNG).
func TestPrepareMakesTheCanvasAhead(t *testing.T) {
	s := textSlide(t, true, 0)
	New().DrawJPEG(s) // fonts and emoji read once for the process
	allocated := func(f func()) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	for _, tc := range []struct {
		f      Format
		canvas uint64
		draw   func(r *Renderer)
	}{
		{JPEG, uint64(s.W*bandRows(s.H)*4 + s.W*s.H/2), func(r *Renderer) { r.DrawJPEG(s) }},
		{PNG, uint64(s.W * s.H * 4), func(r *Renderer) { r.DrawMeasured(s) }},
	} {
		prepared, fresh := New(), New()
		prepared.Prepare(s.W, s.H, tc.f)
		saved := int64(allocated(func() { tc.draw(fresh) })) - int64(allocated(func() { tc.draw(prepared) }))
		if saved < int64(tc.canvas) {
			t.Errorf("%v: a prepared renderer's first slide allocated %d bytes less than a fresh one's, want at least the %d of its canvas", tc.f, saved, tc.canvas)
		}
	}
}

// drawWhole paints a slide in one pass over the whole canvas, the way
// slides were drawn before bands.
func drawWhole(r *Renderer, s deck.Slide) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, s.W, s.H))
	r.paint(newFrame(gg.NewContextForRGBA(img), img, 1, 0, 0), s)
	return img
}

// Drawn band by band, a slide loses no ink at the bands' edges: text,
// emoji, rules and flat or gradient fills come out exactly as drawn
// whole. Curved shapes that cross an edge may differ in the shading of
// a few edge pixels (gg rounds the points above a band toward it), and
// no more.
func TestBandsDrawWhatOnePassDraws(t *testing.T) {
	if bandRows(1350) >= 1350 {
		t.Fatal("a portrait slide is drawn in one band")
	}
	r := New()
	// Text set lower by a few pixels at a time, so that each edge cuts
	// lines at every height: through ascenders, descenders and rules.
	for dy := 0.0; dy < 60; dy += 3 {
		s := textSlide(t, false, dy)
		if got, want := r.Draw(s), drawWhole(New(), s); !bytes.Equal(got.Pix, want.Pix) {
			n, worst := pixelDiff(got, want)
			t.Errorf("text from %v px drawn in bands: %d pixels differ from one pass, by up to %d", dy, n, worst)
		}
		// Its contrast, measured band by band, samples the points that
		// measuring the whole slide samples.
		whole := newMeter(s)
		whole.band(drawWhole(New(), bareSlide(s)), 0)
		if got, want := r.TextContrast(s), whole.result(); !reflect.DeepEqual(got, want) {
			t.Errorf("text from %v px measured in bands: %v, want %v", dy, got, want)
		}
	}
	s := textSlide(t, true, 20)
	if n, worst := pixelDiff(r.Draw(s), drawWhole(New(), s)); n > 200 || worst > 64 {
		t.Errorf("shapes drawn in bands: %d pixels differ from one pass, by up to %d; want a few edge pixels", n, worst)
	}
	jpg, _ := r.DrawJPEG(s)
	if want, _ := Encode(r.Draw(s), JPEG); !bytes.Equal(jpg, want) {
		t.Error("DrawJPEG's bytes are not those of the slide drawn, then encoded")
	}
}

// pixelDiff counts the pixels of a and b that differ and the largest
// difference of a channel.
func pixelDiff(a, b *image.RGBA) (n, worst int) {
	for i := 0; i < len(a.Pix); i += 4 {
		d := 0
		for c := range 4 {
			d = max(d, absDiff(a.Pix[i+c], b.Pix[i+c]))
		}
		if d > 0 {
			n++
			worst = max(worst, d)
		}
	}
	return n, worst
}

// A resampled image drawn square at a whole pixel is composited straight
// onto the canvas; its pixels are those gg's DrawImage gives, over any
// canvas and for any coverage, at every offset, the canvas's edges too.
func TestImageCompositesAsGG(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 37, 29))
	bg := image.NewRGBA(image.Rect(0, 0, 64, 48))
	n := uint32(7)
	next := func() uint8 { n = n*1664525 + 1013904223; return uint8(n >> 24) }
	for i := 0; i < len(src.Pix); i += 4 {
		a := next()
		premul := func() uint8 { return uint8(uint16(next()) % (uint16(a) + 1)) } // at most a
		src.Pix[i], src.Pix[i+1], src.Pix[i+2], src.Pix[i+3] = premul(), premul(), premul(), a
	}
	for i := range bg.Pix {
		bg.Pix[i] = next()
	}
	for _, at := range []image.Point{{0, 0}, {5, 3}, {40, 30}, {-10, -4}} {
		want := image.NewRGBA(bg.Rect)
		copy(want.Pix, bg.Pix)
		c := gg.NewContextForRGBA(want)
		c.DrawImage(src, at.X, at.Y)
		got := image.NewRGBA(bg.Rect)
		copy(got.Pix, bg.Pix)
		draw.Draw(got, src.Rect.Add(at), src, image.Point{}, draw.Over)
		if !bytes.Equal(got.Pix, want.Pix) {
			t.Fatalf("at %v: the image composited directly differs from gg's", at)
		}
	}
	// Through a layer: a large image drawn small at (5, 3).
	big := image.NewRGBA(image.Rect(0, 0, 111, 87))
	for i := range big.Pix {
		big.Pix[i] = src.Pix[i%len(src.Pix)]
	}
	r := New()
	got := image.NewRGBA(bg.Rect)
	copy(got.Pix, bg.Pix)
	r.image(newFrame(gg.NewContextForRGBA(got), got, 1, 0, 0), deck.Layer{Kind: deck.ImageLayer, X: 5, Y: 3, W: 12, H: 10, Image: big})
	want := image.NewRGBA(bg.Rect)
	copy(want.Pix, bg.Pix)
	gg.NewContextForRGBA(want).DrawImage(r.scaled(big, deck.CoverCrop(big.Rect, 12, 10, 0, 0), 12, 10), 5, 3)
	if !bytes.Equal(got.Pix, want.Pix) {
		t.Fatal("an image layer drawn small differs from gg's drawing of its resampled pixels")
	}
}
