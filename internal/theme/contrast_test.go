package theme

import (
	"image/color"
	"math"
	"testing"
)

func TestContrastKnownValues(t *testing.T) {
	black, white := color.RGBA{0, 0, 0, 255}, color.RGBA{255, 255, 255, 255}
	if got := Contrast(black, white); math.Abs(got-21) > 0.01 {
		t.Errorf("black on white = %.2f, want 21", got)
	}
	grey := color.RGBA{0x76, 0x76, 0x76, 255} // the lightest grey passing AA on white
	if got := Contrast(grey, white); got < 4.5 || got > 4.6 {
		t.Errorf("#767676 on white = %.2f, want just above 4.5", got)
	}
}

// Every built-in template keeps every text colour its layouts draw on a
// plain background at WCAG AA, in every kind, and on every stop of a
// gradient. (internal/build measures the rendered slides as well, photos
// and decorations included.)
func TestBuiltInTemplatesMeetAA(t *testing.T) {
	for _, name := range Names("") {
		tm, err := Load("", name)
		if err != nil {
			t.Fatal(err)
		}
		pairs := tm.Pairs()
		if len(pairs) < 20 {
			t.Errorf("%s: only %d pairs checked", name, len(pairs))
		}
		for _, p := range pairs {
			if p.Ratio() < p.Required() {
				t.Errorf("%s: %s", name, p)
			}
		}
	}
}

// A brand colour too light for headings on a light page is reported.
func TestBrandColoursAreChecked(t *testing.T) {
	tm, err := Load("", "edukasi")
	if err != nil {
		t.Fatal(err)
	}
	light := color.RGBA{0xFF, 0xD6, 0x0A, 255}
	b := tm.WithBrand(&light, nil)
	if b.Color("primary") != light || b.Color("primary_dark") == tm.Color("primary_dark") {
		t.Errorf("primary %v, dark %v", b.Color("primary"), b.Color("primary_dark"))
	}
	if Contrast(b.Color("on_primary"), light) < 4.5 {
		t.Errorf("on_primary %v does not read on the brand primary", b.Color("on_primary"))
	}
	if len(b.ContrastProblems()) == 0 {
		t.Error("yellow headings on an off-white page were not reported")
	}
	if tm.Color("primary") == light {
		t.Error("WithBrand changed the template it was given")
	}
}
